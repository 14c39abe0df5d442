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
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import ColumnMap, Grid, build_column_map, theme_from_label
from pipeline.interpret.normalise import clean_text

LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z%][\w /&%().'’-]{0,40}?)(?:\s+(?P<number>\d{1,3}(?:\.\d{1,3}){0,3}))?"
                        r"\s*:\s*(?P<value>\S.*)$", re.S)
MIN_FIELDS = 3  # a card names at least this many fields, the action's among them


@dataclass
class Card:
    """One action's labels and values, as cells, and the theme it sits under."""

    cells: list[tuple[Cell, Cell]] = field(default_factory=list)  # (label, value)
    theme: str | None = None
    page: int | None = None
    fields: set[str] = field(default_factory=set)
    table: int | None = None  # the table it is in (None: written as lines of text)
    row: int | None = None  # the row of that table where it starts

    def as_table(self, index: int) -> Table:
        labels = [Cell(text=label.text, row=0, col=i, fill=label.fill, page=self.page)
                  for i, (label, _) in enumerate(self.cells)]
        values = [Cell(text=value.text, row=1, col=i, fill=value.fill, value=value.value,
                       number_format=value.number_format, page=self.page)
                  for i, (_, value) in enumerate(self.cells)]
        return Table(rows=[labels, values], index=index, page=self.page)


def _field(text: str, words: HeaderDictionary) -> str | None:
    match = words.match(text.strip().rstrip(":").strip())
    return match.field if match else None


def _is_card(card: Card) -> bool:
    return len(card.fields) >= MIN_FIELDS and "description" in card.fields


def table_cards(table: Table, words: HeaderDictionary) -> list[Card] | None:
    """The cards a two-column table holds, or None where it is not one (a row of more than two
    cells, or too few labels naming an action's fields). A label repeated starts the next card; a
    row of one cell between cards is a heading naming the theme of the cards below it."""
    rows = [[c for c in row if not c.is_blank or c.fill] for row in table.rows]
    if not rows or any(len([c for c in row if not c.is_blank]) > 2 for row in rows):
        return None
    cards: list[Card] = []
    current = Card(page=table.page)
    theme: str | None = None
    labels = [len(row) >= 2 and _field(row[0].text, words) is not None for row in rows]
    for i, row in enumerate(rows):
        texts = [c for c in row if not c.is_blank]
        if len(texts) == 1 and _field(texts[0].text, words) is None:
            nxt = next((j for j in range(i + 1, len(rows)) if any(not c.is_blank for c in rows[j])), None)
            if nxt is not None and labels[nxt]:  # a heading right above a card names its theme
                theme = theme_from_label(texts[0].text) or clean_text(texts[0].text)
            if current.cells:
                cards.append(current)
                current = Card(page=table.page)
            continue
        name = _field(row[0].text, words) if len(row) >= 2 else None
        if name is None:
            continue
        if name in current.fields:
            cards.append(current)
            current = Card(page=table.page)
        current.theme = current.theme or theme
        if current.row is None:
            current.table, current.row = table.index, row[0].row
        current.cells.append((row[0], row[1]))
        current.fields.add(name)
    if current.cells:
        cards.append(current)
    found = [c for c in cards if _is_card(c)]
    return found if found and len(found) * 2 >= len(cards) else None


def paragraph_cards(paragraphs: list[Paragraph], words: HeaderDictionary) -> list[Card]:
    """Cards written as lines ('Lead Officer: Head of Legal'): a label repeated starts the next
    card, a line that is not a card's ends one, and a heading names the theme of the cards below."""
    cards: list[Card] = []
    current: Card | None = None
    theme: str | None = None
    lines = [(p, m, _field(m.group("label"), words) if m else None)
             for p in paragraphs if (m := LABEL_LINE.match(p.text.strip())) or p.text.strip()]
    for i, (p, m, name) in enumerate(lines):
        text = p.text.strip()
        if m is None or name is None:
            if current is not None:
                cards.append(current)
                current = None
            heading = _is_heading(p) or (len(text.split()) <= 12 and not text.endswith("."))
            if heading and i + 1 < len(lines) and lines[i + 1][2] is not None:
                theme = theme_from_label(text) or clean_text(text)  # a heading right above a card
            continue
        if current is None or name in current.fields:
            if current is not None:
                cards.append(current)
            current = Card(theme=theme, page=p.page)
        if m.group("number") and "ref" not in current.fields:
            current.cells.append((Cell("Ref", 0, 0), Cell(m.group("number"), 0, 0)))
            current.fields.add("ref")
        current.cells.append((Cell(m.group("label"), 0, 0), Cell(m.group("value").strip(), 0, 0)))
        current.fields.add(name)
    if current is not None:
        cards.append(current)
    return [c for c in cards if _is_card(c)]


def _is_heading(p: Paragraph) -> bool:
    style = (p.style or "").lower()
    return "heading" in style or "title" in style or (p.bold and len(p.text) <= 120)


def card_grid(card: Card, words: HeaderDictionary, is_rag: Callable[[str], bool]) -> tuple[Grid, ColumnMap]:
    """The card as a grid of one header row and one row, with its column map."""
    grid = Grid(card.as_table(card.table if card.table is not None else -1))
    return grid, build_column_map(grid, 0, words, is_rag)
