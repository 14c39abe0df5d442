"""Actions laid out as label/value cards, one card per action.

'Action:' | 'Review the scheme of delegation', 'Lead Officer:' | 'Head of Legal', 'Target Date:' |
'31/03/2022', 'Progress:' | '40%' ...: in a two-column table (a table per card, or one long table
with a heading or a blank row between cards) or in lines of text ('Lead Officer: Head of Legal').
A label is a card's when it names a field of an action table (the header dictionary decides, as
for a header row); a card starts at a label naming the action (its description or its number).

Each card is read as a table of one header row (its labels) and one row (its values), so its
fields are normalised exactly as a row of an action table is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.model import Cell, Paragraph, Table
from pipeline.interpret.headers import HeaderDictionary, normalise_header
from pipeline.interpret.layout import ColumnMap, Grid, build_column_map, theme_from_label
from pipeline.interpret.normalise import clean_text, find_date

LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z%][\w /&%().'’-]{0,40}?)(?:\s+(?P<number>\d{1,3}(?:\.\d{1,3}){0,3}))?"
                        r"\s*:\s*(?P<value>.*)$", re.S)
NUMBERED = re.compile(r"^(?P<label>[A-Za-z][\w /&-]{0,30}?)\s+(?:no\.?\s*)?"
                      r"(?P<number>\d{1,3}(?:\.\d{1,3}){0,3})$", re.I)
MIN_FIELDS = 3  # a card names at least this many fields, the action's among them
PROGRESS = {"progress", "rag"}


@dataclass
class Card:
    """One action's labels and values, as cells, and the theme it sits under."""

    cells: list[tuple[Cell, Cell]] = field(default_factory=list)  # (label, value)
    theme: str | None = None
    page: int | None = None
    fields: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)  # the labels it has, as header words
    table: int | None = None  # the table it is in (None: written as lines of text)
    row: int | None = None  # the row of that table where it starts

    def add(self, label: Cell, value: Cell, name: str) -> None:
        self.cells.append((label, value))
        self.fields.add(name)
        self.labels.add(normalise_header(label.text))

    def as_table(self, index: int) -> Table:
        labels = [Cell(text=label.text, row=0, col=i, fill=label.fill, page=self.page)
                  for i, (label, _) in enumerate(self.cells)]
        values = [Cell(text=value.text, row=1, col=i, fill=value.fill, value=value.value,
                       number_format=value.number_format, page=self.page)
                  for i, (_, value) in enumerate(self.cells)]
        return Table(rows=[labels, values], index=index, page=self.page)


def _field(text: str, words: HeaderDictionary) -> str | None:
    """The field a label names: the label is a field's spelling, or starts with one ('Target Date
    (revised)'); a text that only mentions one ('Review the plan (item 3)') is a value."""
    match = words.match(text.strip().rstrip(":").strip())
    return match.field if match and match.leading else None


def _header_row(row: list[Cell], words: HeaderDictionary) -> bool:
    """Three cells or more, each naming a field: the header row of an action table, not a card's
    labels (a card's row pairs a label with its value)."""
    texts = [c.text for c in row if not c.is_blank]
    return len(texts) >= MIN_FIELDS and all(_field(t, words) for t in texts)


def _is_card(card: Card) -> bool:
    return len(card.fields) >= MIN_FIELDS and "description" in card.fields


def _lacks_action(card: Card) -> bool:
    """A card of an action's progress (its progress or RAG among three fields or more) that does not
    say which action: its description was lost (left on the page before) or never written."""
    return "description" not in card.fields and len(card.fields) >= MIN_FIELDS and bool(card.fields & PROGRESS)


@dataclass
class TableCards:
    """What a two-column table of labels and values holds: its cards, and the cards of an action's
    progress that name no action (read as nothing, said as a finding)."""

    cards: list[Card]
    nameless: list[Card]


def _heading(text: str, words: HeaderDictionary) -> tuple[str, str | None]:
    """What a line of its own between cards is: ('number', n) for 'Action 3' (a label naming the
    action with its number and nothing else), ('theme', text) for a labelled or plain heading."""
    m = NUMBERED.match(text.strip())
    if m and _field(m.group("label"), words) in ("description", "ref"):
        return "number", m.group("number")
    return "theme", theme_from_label(text) or clean_text(text)


def _new(card: Card, cards: list[Card], **fields: object) -> Card:
    if card.cells:
        cards.append(card)
    return Card(**fields)  # type: ignore[arg-type]


def _pairs(row: list[Cell], words: HeaderDictionary) -> list[tuple[Cell, Cell, str]]:
    """A row's (label, value, field) pairs, left to right: a label cell and the cell right of it,
    one pair a row or two side by side."""
    out = []
    for i in range(0, len(row) - 1, 2):
        name = _field(row[i].text, words)
        if name is not None:
            out.append((row[i], row[i + 1], name))
    return out


def table_cards(table: Table, words: HeaderDictionary, above: str | None = None) -> TableCards | None:
    """The cards a two-column table holds (and those of an action's progress naming no action), or
    None where it is not one (a row of more than two cells, or too few labels naming an action's
    fields). A label repeated starts the next card; a row of one cell is a heading: 'Action 3'
    starts a card numbered 3, another names the theme of the cards below it (where a card follows
    it). ``above``: a heading right above the table, the theme of its cards until one of its own."""
    rows = [sorted(row, key=lambda c: c.col) for row in table.rows]
    if not rows or any(len([c for c in row if not c.is_blank]) > 4 or _header_row(row, words) for row in rows):
        return None
    cards: list[Card] = []
    current = Card(page=table.page)
    theme: str | None = theme_from_label(above) or clean_text(above) if above and not find_date(above) else None
    labels = [bool(_pairs(row, words)) for row in rows]
    for i, row in enumerate(rows):
        texts = [c for c in row if not c.is_blank]
        if len(texts) == 1 and (len(row) == 1 or texts[0].colspan > 1):
            kind, said = _heading(texts[0].text, words)
            current = _new(current, cards, page=table.page, theme=theme)
            if kind == "number":
                current.table, current.row = table.index, texts[0].row
                current.add(Cell("Ref", 0, 0), Cell(said or "", 0, 0), "ref")
                continue
            nxt = next((j for j in range(i + 1, len(rows)) if any(not c.is_blank for c in rows[j])), None)
            if nxt is not None and labels[nxt] and not find_date(said):  # a heading right above a card names
                theme = current.theme = said  # its theme; a dated line ('Audit Committee, 1 April 2025') does not
            continue
        for label, value, name in _pairs(row, words):
            if normalise_header(label.text) in current.labels:
                current = _new(current, cards, page=table.page, theme=theme)
            current.theme = current.theme or theme
            if current.row is None:
                current.table, current.row = table.index, label.row
            current.add(label, value, name)
    if current.cells:
        cards.append(current)
    found = [c for c in cards if _is_card(c)]
    nameless = [c for c in cards if _lacks_action(c)]
    if found and len(found) * 2 >= len(cards):
        return TableCards(found, nameless)
    return TableCards([], nameless) if nameless else None


def paragraph_cards(paragraphs: list[Paragraph], words: HeaderDictionary) -> list[Card]:
    """Cards written as lines ('Lead Officer: Head of Legal'): a label repeated starts the next
    card. A labelled theme ('Theme 2: Governance') names the theme of the cards below (a 'Theme:'
    line among a card's lines before its action, the card's own); so does a heading right above a
    card. A labelled heading as the last line ('Workstream 1: Housing' right above a table) is the
    table's heading, not a card's line. Text that is not a label, within a card, goes on with the
    value above it (an update of several paragraphs) unless it is a heading, which ends the card."""
    cards: list[Card] = []
    current: Card | None = None
    theme: str | None = None
    lines = [(p, m, _field(m.group("label"), words) if m else None)
             for p in paragraphs if (m := LABEL_LINE.match(p.text.strip())) or p.text.strip()]
    for i, (p, m, name) in enumerate(lines):
        text = p.text.strip()
        labelled_theme = theme_from_label(text)
        last = i == len(lines) - 1  # right above a table (or the paper's end): a heading, no card's line
        if name == "theme" and m and current is not None and "description" not in current.fields:
            current.theme = theme = clean_text(m.group("value"))  # 'Theme:' among a card's lines, before its action
            continue
        if name == "theme" or (labelled_theme and (name is None or last)):
            if current is not None:
                cards.append(current)
                current = None
            theme = labelled_theme or (clean_text(m.group("value")) if m else None)
            continue
        if m is None or name is None:
            heading = heading_text(p) is not None
            if current is not None and current.cells and not heading:
                label, value = current.cells[-1]
                current.cells[-1] = (label, Cell(f"{value.text}\n{text}".strip(), 0, 0))
                continue
            if current is not None:
                cards.append(current)
                current = None
            nxt = lines[i + 1][2] if i + 1 < len(lines) else None
            if heading and nxt in ("description", "ref") and not find_date(text):
                theme = clean_text(text)  # a heading right above a card (not a dated line)
            continue
        if current is None or normalise_header(m.group("label")) in current.labels:
            if current is not None:
                cards.append(current)
            current = Card(theme=theme, page=p.page)
        if m.group("number") and "ref" not in current.fields:
            current.add(Cell("Ref", 0, 0), Cell(m.group("number"), 0, 0), "ref")
        current.add(Cell(m.group("label"), 0, 0), Cell(m.group("value").strip(), 0, 0), name)
    if current is not None:
        cards.append(current)
    return [c for c in cards if _is_card(c)]


def _is_heading(p: Paragraph) -> bool:
    style = (p.style or "").lower()
    return "heading" in style or "title" in style or (p.bold and len(p.text) <= 120)


def heading_text(p: Paragraph | None) -> str | None:
    """The text of a paragraph that reads as a heading (styled so, bold, or a short line without a
    sentence's end); None for anything else."""
    if p is None:
        return None
    text = p.text.strip()
    short = 0 < len(text.split()) <= 12 and not text.endswith((".", ":", ";", ","))
    return text if text and (_is_heading(p) or short) and not LABEL_LINE.match(text) else None


def card_grid(card: Card, words: HeaderDictionary, is_rag: Callable[[str], bool]) -> tuple[Grid, ColumnMap]:
    """The card as a grid of one header row and one row, with its column map."""
    grid = Grid(card.as_table(card.table if card.table is not None else -1))
    return grid, build_column_map(grid, 0, words, is_rag)
