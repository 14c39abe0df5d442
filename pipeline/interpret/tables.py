"""A table's rows as actions, carrying the theme from row to row, and what could not be read.

Each table is scanned for header rows (:mod:`pipeline.interpret.layout`; a table with none whose
columns say what they hold is read by its content); a labelled heading just above a header is its
actions' theme. The rows under a header are its region, each read as one of:

- an **action**: a row whose description column holds an action's text in a cell of its own
  (:mod:`pipeline.interpret.rows`);
- a **theme**: one cell across the table, a labelled heading ('Recommendation 2: ...'), or a
  numbered heading with nothing else over rows numbered under it ('1 | COMMUNITY PLANNING');
- a **state's heading** ('In progress', 'RED – OFF TRACK'), a **row of totals**, a **repeated
  header** (a table continued over a page): read as no action;
- a **continuation** of the action above: more commentary or decisions, no description; or, under
  a numbered action, a row with no number, lead, dates or progress that carries on its text;
- the **end** of the region: a blank row with no more actions below (past up to three headings), a
  colour key, a register's heading, a new table's header, a row whose cells do not fit the columns
  (a key's labels under 'Lead', no description-like text) with no action after it;
- else **unread**: kept as a ``rows_unread`` finding with its page, table and row.

What is left over in the table may be a register (:mod:`pipeline.interpret.registers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractors.model import Table
from pipeline.config import Settings
from pipeline.interpret.cards import Card, card_grid
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import (
    CONTINUED_RE,
    ColumnMap,
    Grid,
    build_column_map,
    find_header,
    find_header_by_content,
    is_header_row,
    is_ref,
    theme_from_label,
)
from pipeline.interpret.normalise import clean_text, parse_due_date, parse_percent
from pipeline.interpret.rag import INTRODUCES, rag_from_text
from pipeline.interpret.registers import read_registers, register_kind
from pipeline.interpret.rows import RowContext, action_rows, region, texts
from pipeline.interpret.side_by_side import side_by_side


@dataclass(frozen=True)
class Unread:
    """A row inside an action table that was read as nothing."""

    page: int | None
    table: int
    row: int
    text: str


@dataclass
class Context:
    """What interpretation of one paper needs besides the paper, and what it has read so far."""

    rows: RowContext
    words: HeaderDictionary
    settings: Settings
    theme: str | None = None
    actions: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    region_rows: int = 0  # rows under the action tables' headers, blank rows aside

    def is_rag(self, text: str) -> bool:
        return rag_from_text(text, self.rows.rag_words) is not None

    def add_action(self, grid: Grid, r: int, cmap: ColumnMap) -> None:
        action, snapshots = action_rows(grid, r, cmap, self.rows, len(self.actions), self.theme)
        self.actions.append(action)
        self.snapshots.extend(snapshots)
        if "theme" in cmap.columns:  # an empty cell of a theme column is the theme above it (a page broke it)
            self.theme = action["theme"]

    def add_card(self, card: Card) -> None:
        """An action written as a label/value card, placed where the card starts."""
        grid, cmap = card_grid(card, self.words, self.is_rag)
        action, snapshots = action_rows(grid, 1, cmap, self.rows, len(self.actions), card.theme or self.theme)
        place = {"table_index": card.table, "row_index": card.row}
        action["region"] = f"cards:{card.table}"
        self.actions.append({**action, **place})
        self.snapshots.extend({**s, **place} for s in snapshots)

    def add_nameless_card(self, card: Card) -> None:
        """A card of an action's progress that names no action: read as nothing, said as unread."""
        text = " | ".join(f"{clean_text(label.text)}: {clean_text(value.text) or ''}" for label, value in card.cells)
        self.unread.append(Unread(card.page, card.table if card.table is not None else -1, card.row or 0, text[:120]))


def _theme_row(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> str | None:
    """A row that is a heading across the table, or a labelled heading in any one cell."""
    cells = grid.own_cells(r)
    if len(cells) != 1:
        return None
    cell = cells[0]
    labelled = theme_from_label(cell.text, ctx.settings.theme_labels)
    if labelled:
        return labelled
    if CONTINUED_RE.match(cell.text):
        return ctx.theme
    wide = cell.colspan >= max(2, grid.n_cols // 2)
    desc_cols = cmap.columns.get("description", [])
    if wide or (cell.col not in desc_cols and not is_ref(cell.text) and len(cell.text.strip()) > 3
                and cell.col == 0 and grid.n_cols >= 4):
        return clean_text(cell.text)
    return None


# a heading that groups actions by their state ('In progress', 'RED – OFF TRACK', 'Completed actions')
STATUS_RE = re.compile(r"^\s*(?:actions?\s+)?(?:in\s+progress|ongoing|open|closed|on\s+hold|outstanding|live|"
                       r"not\s+(?:yet\s+)?started|completed?|off\s+track|on\s+track|at\s+risk|overdue|delayed)"
                       r"(?:\s+actions?)?\s*$", re.I)


def _status_heading(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> bool:
    """A row of one short label naming a state ('In progress', 'RED – OFF TRACK', 'Completed'), the
    rest of it empty: it sorts the actions under it, and is neither an action nor their theme."""
    cells = grid.own_cells(r)
    if len(cells) != 1 or len(cells[0].text.split()) > 5 or clean_text(texts(grid, r, cmap.columns.get("ref"))):
        return False
    text = clean_text(cells[0].text) or ""
    head = re.split(r"\s+[-–—:]\s+", text)[0]
    return bool(ctx.is_rag(text) or ctx.is_rag(head) or STATUS_RE.match(text) or STATUS_RE.match(head))


# the columns an action's own cells fill, apart from its number and description
OWN_FIELDS = ("lead", "service_lead", "due_date", "original_due_date", "rag", "status_text", "decisions")
SUMMARY_RE = re.compile(r"^\s*(?:grand\s+)?(?:totals?|overall|average|sum|summary)\b", re.I)


def _covers_other_fields(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    """The description's cell is merged over another field's column (a note across the table's
    first columns): an action's description and its lead, dates and progress are cells apart."""
    cell = grid.at(r, cmap.columns["description"][0]) if cmap.columns.get("description") else None
    if cell is None or cell.colspan == 1:
        return False
    spanned = set(range(cell.col, cell.col + cell.colspan))
    others = {c for name in ("ref", *OWN_FIELDS) for c in cmap.columns.get(name, [])}
    return bool(spanned & (others | {c for c, _, _ in cmap.progress}))


def _own_fields_blank(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    cols = [c for name in OWN_FIELDS for c in cmap.columns.get(name, [])] + [c for c, _, _ in cmap.progress]
    cells = [grid.at(r, c) for c in cols]
    return all(cell is None or cell.row != r or (cell.is_blank and not cell.fill) for cell in cells)


def _summary_row(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    """A row of totals ('Totals | 7 actions | 56%', 'Average % complete'): it starts with the
    word, says little in the action's column, and names no lead and no target date."""
    cells = grid.own_cells(r)
    if not cells or not SUMMARY_RE.match(cells[0].text):
        return False
    desc = clean_text(texts(grid, r, cmap.columns.get("description"))) or ""
    if len(desc.split()) > 6:  # an action's text ('Overall review of fees and charges across services')
        return False
    return not any(clean_text(texts(grid, r, cmap.columns.get(name))) for name in ("lead", "due_date"))


def _numbered_heading(grid: Grid, r: int, cmap: ColumnMap) -> str | None:
    """A row that numbers a group of actions: its number and title only ('1 | COMMUNITY
    PLANNING'), the rows after it numbered under it ('1.1', '1.2')."""
    ref = clean_text(texts(grid, r, cmap.columns.get("ref")))
    desc = clean_text(texts(grid, r, cmap.columns.get("description")))
    if not ref or not desc or not is_ref(ref) or not _own_fields_blank(grid, r, cmap):
        return None
    nxt = next((rr for rr in range(r + 1, grid.n_rows) if not grid.is_blank_row(rr)), None)
    below = clean_text(texts(grid, nxt, cmap.columns.get("ref"))) if nxt is not None else None
    stem = ref.rstrip(".")
    if below and below.startswith(stem) and re.match(r"[.\-]\s*[0-9a-z]|[a-z(]", below[len(stem):], re.I):
        return desc
    return None


def _is_action_row(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    if _covers_other_fields(grid, r, cmap):
        return False
    desc = clean_text(texts(grid, r, cmap.columns.get("description")))
    ref = clean_text(texts(grid, r, cmap.columns.get("ref")))
    if desc and not is_ref(desc):
        return True
    return bool(ref and is_ref(ref) and desc)


def _misfits(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> tuple[int, int]:
    """(cells that fit their column, cells that do not) among the row's typed columns: a date under
    the target date, a percentage under progress, a RAG word or colour under RAG, a number under
    the number; a RAG label anywhere else does not fit."""
    fits = misfits = 0
    typed = {"due_date": "date", "original_due_date": "date", "ref": "ref", "rag": "rag"}
    for name, cols in cmap.columns.items():
        for c in cols:
            cell = grid.at(r, c)
            if cell is None or cell.row != r or cell.is_blank:
                continue
            kind = typed.get(name)
            if kind == "date":
                ok = parse_due_date(cell.text, cell.value).readable
            elif kind == "ref":
                ok = is_ref(cell.text)
            elif kind == "rag":
                ok = ctx.is_rag(cell.text) or cell.fill is not None
            elif name in ("lead", "service_lead", "priority", "description", "theme"):
                ok = not ctx.is_rag(cell.text)  # a key's label is no one's name, nor an action
            else:
                continue
            fits, misfits = fits + ok, misfits + (not ok)
    for c, _, _ in cmap.progress:
        cell = grid.at(r, c)
        if cell is not None and cell.row == r and not cell.is_blank:
            ok = parse_percent(cell.text, cell.value, cell.number_format).readable and not ctx.is_rag(cell.text)
            fits, misfits = fits + ok, misfits + (not ok)
    return fits, misfits


def _is_key_row(grid: Grid, r: int, ctx: Context) -> bool:
    """A colour key: two or more cells of RAG labels (or coloured swatches), and no text that reads
    like an action; a row shaded across in one colour is a heading's band, no key."""
    cells = grid.own_cells(r)
    row = grid.table.rows[r]
    if len(row) >= 3 and len({c.fill for c in row}) == 1:
        return False
    labels = sum(1 for c in cells if ctx.is_rag(c.text) and len(c.text.split()) <= 3)
    named = sum(1 for c in cells if INTRODUCES.match(c.text) and len(c.text.split()) <= 3)
    swatches = sum(1 for c in grid.table.rows[r] if c.is_blank and c.fill)
    if any(len(c.text.split()) > 6 for c in cells) or labels + named < len(cells):
        return False  # text that is no key's label
    return labels >= 2 or (labels >= 1 and (swatches >= 1 or named >= 1))


def _ends_region(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> bool:
    """A row after which the action table is over: a colour key, a register's heading, or a row
    whose cells do not fit the columns with no action after it."""
    if _is_key_row(grid, r, ctx):
        return True
    if any(register_kind(c.text) for c in grid.own_cells(r)):
        return True
    fits, misfits = _misfits(grid, r, cmap, ctx)
    return misfits >= 2 and misfits > fits and not _more_actions_below(grid, r, cmap)


def _continues(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> bool:
    """A row with no number and no description adds its text to the action above; False where it
    has nothing to add (its text is in other columns: read as nothing)."""
    if not ctx.actions:
        return False
    extra = {name: clean_text(texts(grid, r, cmap.columns.get(name))) for name in ("status_text", "decisions")}
    used = {c for name in ("status_text", "decisions") for c in cmap.columns.get(name, [])}
    elsewhere = [c for c in grid.own_cells(r) if c.col not in used]
    if not any(extra.values()) or elsewhere:
        return False
    last = next(s for s in reversed(ctx.snapshots) if s["is_current"])
    for name, text in extra.items():
        if text:
            last[name] = f"{last[name]} {text}" if last[name] else text
    return True


def _heading_across(grid: Grid, r: int) -> bool:
    """One cell across the table, a labelled heading ('Section B: ...'), or a state's heading ('In
    progress', or one label on a row shaded across): a heading over actions."""
    cells = grid.own_cells(r)
    if len(cells) != 1:
        return False
    row = grid.table.rows[r]
    band = len(row) >= 3 and len({c.fill for c in row}) == 1 and row[0].fill is not None
    return (cells[0].colspan >= max(2, grid.n_cols // 2) or bool(theme_from_label(cells[0].text)) or band
            or bool(STATUS_RE.match(cells[0].text)))


def _carries_on(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> bool:
    """A row with no number under a numbered action, its lead, dates, progress and RAG blank, that
    carries on the action's text and commentary (a row the producer broke in two): added to them."""
    if "ref" not in cmap.columns or not ctx.actions or ctx.actions[-1]["region"] != region(grid, cmap):
        return False
    if texts(grid, r, cmap.columns["ref"]) or not ctx.actions[-1]["ref"]:
        return False
    typed = [c for name in ("lead", "due_date", "original_due_date", "rag") for c in cmap.columns.get(name, [])]
    if any((cell := grid.at(r, c)) is not None and cell.row == r and not (cell.is_blank and not cell.fill)
           for c in typed + [c for c, _, _ in cmap.progress]):
        return False
    more = clean_text(texts(grid, r, cmap.columns.get("description")))
    if not more:
        return False  # commentary alone: a continuation (_continues)
    action = ctx.actions[-1]
    action["description"] = f"{action['description']} {more}" if action["description"] else more
    last = next(s for s in reversed(ctx.snapshots) if s["is_current"])
    for name in ("status_text", "decisions"):
        if text := clean_text(texts(grid, r, cmap.columns.get(name))):
            last[name] = f"{last[name]} {text}" if last[name] else text
    return True


def _more_actions_below(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    """Whether actions follow row ``r`` (past blank rows and up to three headings)."""
    below = (rr for rr in range(r + 1, grid.n_rows) if not grid.is_blank_row(rr))
    nxt = next(below, None)
    for _ in range(3):  # headings stacked ('AMBER – AT RISK' over 'Recommendation 1: ...')
        if nxt is None or not _heading_across(grid, nxt):
            break
        nxt = next(below, None)
    if nxt is None or not _is_action_row(grid, nxt, cmap):
        return False
    others = [c for name, cols in cmap.columns.items() if name not in ("description", "ref") for c in cols]
    return any(grid.text(nxt, c).strip() for c in others + [p[0] for p in cmap.progress])


def _unread(grid: Grid, r: int, ctx: Context) -> None:
    text = " | ".join(clean_text(c.text) or "" for c in grid.own_cells(r))
    page = next((c.page for c in grid.own_cells(r) if c.page), grid.table.page)
    ctx.unread.append(Unread(page, grid.table.index, r, text[:120]))


def read_region(grid: Grid, cmap: ColumnMap, ctx: Context) -> int:
    """Read the rows under a header; returns the first row after the region."""
    r = cmap.header_row + 1
    while r < grid.n_rows:
        if grid.is_blank_row(r):
            if not _more_actions_below(grid, r, cmap):
                return r
            r += 1
            continue
        ctx.region_rows += 1
        if is_header_row(grid, r, ctx.words):
            repeat = build_column_map(grid, r, ctx.words, ctx.is_rag)
            if repeat.columns != cmap.columns:
                ctx.region_rows -= 1
                return r  # a different table starts here
            r = repeat.header_row  # a repeated header
        elif _ends_region(grid, r, cmap, ctx):
            ctx.region_rows -= 1
            return r
        elif _status_heading(grid, r, cmap, ctx):
            ctx.region_rows -= 1  # read: a heading of the actions' state
        elif (theme := _theme_row(grid, r, cmap, ctx) or _numbered_heading(grid, r, cmap)) is not None:
            ctx.theme = theme
        elif _summary_row(grid, r, cmap):
            ctx.region_rows -= 1  # read: a total, no action
        elif _carries_on(grid, r, cmap, ctx):
            pass
        elif _is_action_row(grid, r, cmap):
            ctx.add_action(grid, r, cmap)
        elif not _continues(grid, r, cmap, ctx):
            _unread(grid, r, ctx)
        r += 1
    return r


def _heading_above(grid: Grid, start: int, header: int, ctx: Context) -> str | None:
    """A labelled heading in the rows over a header ('Workstream 1: Housing and Property' above the
    first of two tables on a sheet): the theme of the actions under it."""
    for r in range(header - 1, max(start, header - 4) - 1, -1):
        cells = grid.own_cells(r)
        if len(cells) == 1 and (theme := theme_from_label(cells[0].text, ctx.settings.theme_labels)):
            return theme
    return None


def read_table(table: Table, ctx: Context) -> list[dict[str, str]]:
    """The actions of the table, or of each table set side by side in it (into ``ctx``), and the
    register items in the rest of it."""
    return [item for part in side_by_side(table, ctx.words) for item in _read_one(part, ctx)]


def _read_one(table: Table, ctx: Context) -> list[dict[str, str]]:
    grid = Grid(table)
    region_rows: set[int] = set()
    r = 0
    while (header := find_header(grid, r, ctx.words)) is not None:
        cmap = build_column_map(grid, header, ctx.words, ctx.is_rag)
        ctx.theme = _heading_above(grid, r, header, ctx) or ctx.theme
        end = read_region(grid, cmap, ctx)
        region_rows.update(range(header, end))
        r = max(end, header + 1)
    refuse = lambda text: register_kind(text) is not None  # noqa: E731  a register's heading heads no actions
    if r == 0 and (header := find_header_by_content(grid, ctx.is_rag, refuse)) is not None:
        cmap = build_column_map(grid, header, ctx.words, ctx.is_rag, by_content=True)
        region_rows.update(range(header, read_region(grid, cmap, ctx)))
    return read_registers(grid, region_rows)
