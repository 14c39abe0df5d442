"""Where the actions are in a table: the header row, the column map, the data rows.

Works on any table from any extractor. A header row is a row most of whose cells name a field
(at least three fields, one of them the action's description). Under it, each row is an action,
a theme row (one cell across the table, or a labelled heading), a repeated header (dropped),
or the continuation of the action above. The region ends at a blank row that is not followed by
more actions, or at the table's end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.model import Cell, Table
from pipeline.interpret.content import column_kind, is_kind
from pipeline.interpret.headers import HeaderDictionary, HeaderMatch
from pipeline.interpret.normalise import clean_text, find_period, parse_percent

# '1', '1.2.3', 'BV04', '2a', and a recommendation's action 'R1/A2' or 'R1-A2'
REF_RE = re.compile(r"^\s*(?:[A-Z]{0,3}\s?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?(?:\s?[/\-]\s?[A-Z]{1,3}\d{1,3}[a-z]?)?"
                    r"\.?\s*$")
THEME_LABEL_RE = re.compile(
    r"^\s*(?:(?:bvar|best value|audit|bv|accounts commission)\s+)?"
    r"(?:recommendation|workstream|theme|improvement area|priority area|outcome|objective|finding|section)s?"
    r"\s*(?:no\.?\s*)?(?:\d{1,3}(?:\.\d+)?[a-z]?|[a-z])?\s*[:\-–]\s*(?P<theme>.+)$",
    re.I | re.S)
CONTINUED_RE = re.compile(r"^\s*(?:cont(?:inued|\'d|d)?\.?\s*/?|\(cont(?:inued)?\.?\))\s*$", re.I)
MIN_HEADER_FIELDS = 3


def is_ref(text: str) -> bool:
    return bool(REF_RE.match(text)) and len(text.strip()) <= 12


def theme_from_label(text: str, extra_labels: list[str] | None = None) -> str | None:
    """'Audit Recommendation: Embed a culture...' -> 'Embed a culture...'."""
    cleaned = clean_text(text) or ""
    for label in extra_labels or []:
        if cleaned.lower().startswith(label.lower()):
            return clean_text(cleaned[len(label):].lstrip(" :-–")) or None
    m = THEME_LABEL_RE.match(cleaned)
    return clean_text(m.group("theme")) if m else None


class Grid:
    """Cell lookup by grid position; a merged cell answers for every position it covers."""

    def __init__(self, table: Table):
        self.table = table
        self.n_rows = len(table.rows)
        self.n_cols = table.n_cols
        self.cover: dict[tuple[int, int], Cell] = {}
        for row in table.rows:
            for cell in row:
                for r in range(cell.row, cell.row + cell.rowspan):
                    for c in range(cell.col, cell.col + cell.colspan):
                        self.cover.setdefault((r, c), cell)
        self._own = [[c for c in row if not c.is_blank] for row in table.rows]

    def at(self, r: int, c: int) -> Cell | None:
        return self.cover.get((r, c))

    def text(self, r: int, c: int) -> str:
        cell = self.at(r, c)
        return cell.text if cell is not None else ""

    def own_cells(self, r: int) -> list[Cell]:
        """Non-blank cells that start in row ``r``."""
        return self._own[r] if r < self.n_rows else []

    def is_blank_row(self, r: int) -> bool:
        return not self.own_cells(r)


@dataclass
class ColumnMap:
    header_row: int  # the last header row (data starts below it)
    columns: dict[str, list[int]] = field(default_factory=dict)  # field -> grid columns
    progress: list[tuple[int, dt.date | None, str]] = field(default_factory=list)  # col, as-of, header
    headers: dict[int, str] = field(default_factory=dict)  # grid column -> header text
    header_fill: str | None = None
    rivals: dict[str, list[list[int]]] = field(default_factory=dict)  # field -> other columns that name it

    def col(self, name: str) -> int | None:
        cols = self.columns.get(name)
        return cols[0] if cols else None


def _header_matches(grid: Grid, r: int, words: HeaderDictionary) -> list[tuple[Cell, HeaderMatch | None]]:
    return [(c, words.match(c.text)) for c in grid.own_cells(r)]


def names_period(text: str) -> bool:
    """A short header that is a date or a period ('30/06/2023', 'Jun-23', 'Q1 23/24'): the
    position at that date, under a header row's other names."""
    return len(text) <= 40 and find_period(text) is not None


def is_header_row(grid: Grid, r: int, words: HeaderDictionary) -> bool:
    matches = _header_matches(grid, r, words)
    fields = {m.field for _, m in matches if m}
    if len(fields) < MIN_HEADER_FIELDS or not ({"description", "theme"} & fields):
        return False
    return sum(1 for c, m in matches if m or names_period(c.text)) >= 0.6 * len(matches)


def _sub_header(grid: Grid, r: int, spanned: list[Cell]) -> dict[int, str] | None:
    """Texts of a second header row under merged header cells ('Progress' over 'At 28.09.20')."""
    cells = grid.own_cells(r)
    if not cells or not spanned:
        return None
    inside = {c.col: c.text for c in cells for s in spanned if s.col <= c.col < s.col + s.colspan}
    if len(inside) != len(cells) or any(len(t) > 40 or (is_ref(t) and not find_period(t)) for t in inside.values()):
        return None
    return inside


def _data_texts(grid: Grid, col: int, start: int, limit: int = 60) -> list[str]:
    """Texts in column ``col`` under the header, up to the first blank row (a row across the table,
    a theme's, is not the column's)."""
    out = []
    for r in range(start, min(grid.n_rows, start + limit)):
        if grid.is_blank_row(r):
            break
        cell = grid.at(r, col)
        if cell is not None and cell.row == r and not cell.is_blank and cell.colspan < max(3, grid.n_cols // 2):
            out.append(cell.text)
    return out


def _mostly(texts: list[str], test: Callable[[str], bool]) -> bool:
    return bool(texts) and sum(1 for t in texts if test(t)) >= 0.6 * len(texts)


def build_column_map(grid: Grid, r: int, words: HeaderDictionary,
                     is_rag: Callable[[str], bool] = lambda _: False, by_content: bool = False) -> ColumnMap:
    """Which column holds which field under the header row ``r``: by the header's words, then by
    what unnamed columns hold (:mod:`pipeline.interpret.content`); ``by_content``: a header whose
    words name no action (found by :func:`find_header_by_content`), whose sentences are the action
    and its commentary."""
    cmap = ColumnMap(header_row=r)
    header_cells = grid.own_cells(r)
    cmap.header_fill = next((c.fill for c in header_cells if c.fill), None)
    texts: dict[int, tuple[str, int]] = {c.col: (c.text, c.colspan) for c in header_cells}
    sub = _sub_header(grid, r + 1, [c for c in header_cells if c.colspan > 1])
    if sub:
        cmap.header_row = r + 1
        for col, text in sub.items():
            parent = next(c for c in header_cells if c.col <= col < c.col + c.colspan)
            texts[col] = (f"{parent.text} {text}", 1)
            if parent.col in texts and parent.col not in sub:
                del texts[parent.col]
    start = cmap.header_row + 1
    for col, (text, span) in sorted(texts.items()):
        for c in range(col, col + span):
            cmap.headers[c] = clean_text(text) or ""
        match = words.match(text)
        if match is None and span == 1 and names_period(text):
            texts_below = _data_texts(grid, col, start)
            if texts_below and _mostly(texts_below, _is_percent):  # 'Jun-23' over percentages
                match = HeaderMatch("progress", find_period(text))
        if match is None:
            continue
        _assign(cmap, grid, match, list(range(col, col + span)), start)
    if by_content:
        _texts_by_content(cmap, grid, start, is_rag)
    _resolve(cmap, grid, start, is_rag, lambda c: words.match(cmap.headers.get(c, "")))
    _fields_by_content(cmap, grid, start, is_rag)
    return cmap


def _unmapped(cmap: ColumnMap) -> list[int]:
    """Columns under a header of their own that no field has taken (the first of a merged header's)."""
    mapped = {c for cols in cmap.columns.values() for c in cols} | {c for c, _, _ in cmap.progress}
    return [c for c in sorted(cmap.headers) if c not in mapped and cmap.headers[c]
            and cmap.headers.get(c - 1) != cmap.headers[c]]


def _kind(grid: Grid, col: int, start: int, is_rag: Callable[[str], bool]) -> str | None:
    return column_kind(_data_texts(grid, col, start), is_rag, _fill_only(grid, col, start))


def _fields_by_content(cmap: ColumnMap, grid: Grid, start: int, is_rag: Callable[[str], bool]) -> None:
    """Columns whose header the dictionary does not know, by what they hold: percentages are the
    progress (at the header's date, if it names one), names of posts the lead, dates the target,
    sentences the commentary (where no column is)."""
    for col in _unmapped(cmap):
        kind = _kind(grid, col, start, is_rag)
        header = cmap.headers[col]
        if kind == "percent" and (not cmap.progress or find_period(header)):
            cmap.progress.append((col, find_period(header), header))
            cmap.progress.sort()
        elif kind == "post" and "lead" not in cmap.columns:
            cmap.columns["lead"] = [col]
        elif kind == "date" and "due_date" not in cmap.columns:
            cmap.columns["due_date"] = [col]
        elif kind == "text" and "status_text" not in cmap.columns and "description" in cmap.columns:
            cmap.columns["status_text"] = [col]  # sentences under an unknown header: the commentary


def _texts_by_content(cmap: ColumnMap, grid: Grid, start: int, is_rag: Callable[[str], bool]) -> None:
    """Under a header of unknown words, columns of sentences: the first is the action, the others
    its commentary."""
    sentences = [col for col in _unmapped(cmap) if _kind(grid, col, start, is_rag) == "text"]
    if sentences and "description" not in cmap.columns:
        cmap.columns["description"] = [sentences.pop(0)]
    if sentences:
        cmap.columns["status_text"] = sorted(cmap.columns.get("status_text", []) + sentences)


HEADER_CELL_CHARS = 80
CONTENT_KINDS = {"percent", "rag", "date", "post"}


def find_header_by_content(grid: Grid, is_rag: Callable[[str], bool], refuse: Callable[[str], bool],
                           limit: int = 12) -> int | None:
    """A header row the dictionary does not know ('What we said we would do | Who is responsible |
    By when | How are we doing'): a row of four or more short labels, none a value, over columns
    that hold sentences and at least two of percentages, RAG, dates and posts. A row with a cell
    ``refuse`` is true of (a register's heading) is none."""
    for r in range(min(grid.n_rows - 1, limit)):
        cells = grid.own_cells(r)
        if len(cells) < 4 or grid.is_blank_row(r + 1):
            continue
        if any(len(c.text) > HEADER_CELL_CHARS or names_period(c.text) or refuse(c.text) for c in cells):
            continue
        kinds = {c.col: _kind(grid, c.col, r + 1, is_rag) for c in cells}
        if any(is_kind(c.text, kinds[c.col], is_rag) for c in cells):
            continue  # a row of values, not of labels
        if "text" in kinds.values() and len(set(kinds.values()) & CONTENT_KINDS) >= 2:
            return r
    return None


def _assign(cmap: ColumnMap, grid: Grid, match: HeaderMatch, cols: list[int], start: int) -> None:
    name = match.field
    if len(cols) > 1 and name in ("description", "theme"):
        refs = [c for c in cols if _mostly(_data_texts(grid, c, start), is_ref)]
        if refs and "ref" not in cmap.columns:
            cmap.columns["ref"] = refs[:1]
            cols = [c for c in cols if c not in refs[:1]]
    if name == "progress":
        cmap.progress.extend((c, match.as_of, cmap.headers.get(c, "")) for c in cols)
        return
    if name == "due_date" and "due_date" in cmap.columns:
        header = cmap.headers.get(cols[0], "").lower()
        if re.search(r"revised|new|current|updated", header):
            cmap.columns["original_due_date"] = cmap.columns["due_date"]
            cmap.columns["due_date"] = cols
        else:
            cmap.columns.setdefault("original_due_date", cols)
        return
    if name in ("status_text", "decisions") and name in cmap.columns:
        cmap.columns[name] = cmap.columns[name] + cols  # two commentary columns are read together
        return
    if name in cmap.columns:
        cmap.rivals.setdefault(name, []).append(cols)
        return
    cmap.columns[name] = cols


def _is_percent(text: str) -> bool:
    p = parse_percent(text)
    return p.value is not None and p.readable


def _column_values(grid: Grid, col: int, start: int, limit: int = 60) -> list[str]:
    """The text every data row shows in ``col`` (a merged cell once per row it covers), to the
    first blank row."""
    out = []
    for r in range(start, min(grid.n_rows, start + limit)):
        if grid.is_blank_row(r):
            break
        out.append(clean_text(grid.text(r, col)) or "")
    return out


def _specificity(grid: Grid, cols: list[int], start: int) -> tuple[float, float]:
    """How much a column reads like one item per row: the share of rows with a value of their own
    (a grouping repeats its values or merges its cells), then the words a value has on average."""
    values = [v for v in _column_values(grid, cols[0], start) if v]
    if not values:
        return (0.0, 0.0)
    return (len(set(values)) / len(values), sum(len(v.split()) for v in values) / len(values))


def _settle_description(cmap: ColumnMap, grid: Grid, start: int) -> None:
    """Two columns that both name the action ('Workstream' and 'Action'): the one that reads like
    one action per row is the description, the one that groups rows is the theme."""
    options = [cmap.columns["description"], *cmap.rivals.get("description", [])]
    best = max(options, key=lambda cols: _specificity(grid, cols, start))
    cmap.columns["description"] = best
    others = [cols for cols in options if cols is not best]
    if others and "theme" not in cmap.columns:
        cmap.columns["theme"] = others[0]


def _percent_columns(cmap: ColumnMap, grid: Grid, start: int, match_of: Callable[[int], HeaderMatch | None]) -> None:
    """A commentary-named column of percentages ('Position at June 2021': 40%) is progress."""
    for col in list(cmap.columns.get("status_text", [])):
        texts = _data_texts(grid, col, start)
        if texts and _mostly(texts, lambda t: _is_percent(t) and any(ch.isdigit() for ch in t)):
            match = match_of(col)
            cmap.progress.append((col, match.as_of if match else None, cmap.headers.get(col, "")))
            cmap.columns["status_text"].remove(col)
    if "status_text" in cmap.columns and not cmap.columns["status_text"]:
        del cmap.columns["status_text"]
    cmap.progress.sort()


PREVIOUS_RE = re.compile(r"\b(?:previous|prior|last|earlier|original|was)\b", re.I)


def _current_rag(cmap: ColumnMap, options: list[list[int]], grid: Grid, start: int) -> list[int]:
    """Of several RAG columns, the paper's own (RAG goes to the report-date snapshot): one filled
    in before one left blank (a quarter still to come), then the one under the latest date, an
    undated one before any dated, one not called previous before one that is; the first of equals."""
    def rank(cols: list[int]) -> tuple[bool, bool, dt.date]:
        header = cmap.headers.get(cols[0], "")
        filled = any(_data_texts(grid, c, start) or _fill_only(grid, c, start) for c in cols)
        return (filled, not PREVIOUS_RE.search(header), find_period(header) or dt.date.max)
    return max(options, key=rank) if len(options) > 1 else options[0]


def _fill_only(grid: Grid, col: int, start: int) -> bool:
    """A column whose data cells are mostly coloured and empty: RAG given by colour alone."""
    cells = [grid.at(r, col) for r in range(start, min(grid.n_rows, start + 60))]
    own = [c for c in cells if c is not None and c.row >= start and (c.fill or not c.is_blank)]
    filled = [c for c in own if c.fill and c.is_blank]
    return len(filled) >= 2 and len(filled) >= 0.6 * len(own)  # empty white cells (rows carrying on) aside


def _settle_leads(cmap: ColumnMap) -> None:
    """Two columns naming the lead ('Lead Director' and 'Action Owner'; 'Responsible' over 'Lead'
    and 'Service'): one naming a service is the service lead, one naming the lead is the lead, the
    other the service lead."""
    options = [cmap.columns["lead"], *cmap.rivals.get("lead", [])]
    heads = {id(cols): cmap.headers.get(cols[0], "").lower() for cols in options}
    service = [cols for cols in options if re.search(r"\b(?:service|support)", heads[id(cols)])]
    rest = [cols for cols in options if cols not in service]
    if not rest:
        return
    lead = next((cols for cols in rest if re.search(r"\blead", heads[id(cols)])), rest[0])
    cmap.columns["lead"] = lead
    spare = service + [cols for cols in rest if cols is not lead]
    if spare and "service_lead" not in cmap.columns:
        cmap.columns["service_lead"] = spare[0]


def _resolve(cmap: ColumnMap, grid: Grid, start: int, is_rag: Callable[[str], bool],
             match_of: Callable[[int], HeaderMatch | None] = lambda _: None) -> None:
    """Settle ambiguous headers by what the column holds."""
    if cmap.rivals.get("description"):
        _settle_description(cmap, grid, start)
    if cmap.rivals.get("lead"):
        _settle_leads(cmap)
    _percent_columns(cmap, grid, start, match_of)
    rag_cols = [c for c in cmap.columns.get("status_text", [])
                if _mostly(_data_texts(grid, c, start), is_rag) or _fill_only(grid, c, start)]
    if rag_cols:  # a 'Status' column of RAG words; one per dated position ('At 31/12/2023 RAG')
        cmap.columns["status_text"] = [c for c in cmap.columns["status_text"] if c not in rag_cols]
        if not cmap.columns["status_text"]:
            del cmap.columns["status_text"]
    named = [cmap.columns["rag"], *cmap.rivals.get("rag", [])] if "rag" in cmap.columns else []
    options = named + [[c] for c in rag_cols]
    if not options:  # a column of RAG words or colours under a header no spelling names ('R/A/G')
        options = [[c] for c in _unmapped(cmap)
                   if _mostly(_data_texts(grid, c, start), is_rag) or _fill_only(grid, c, start)][:1]
    if options:
        cmap.columns["rag"] = _current_rag(cmap, options, grid, start)
    kept = []
    for col, as_of, header in cmap.progress:
        texts = _data_texts(grid, col, start)
        if texts and not _mostly(texts, _is_percent):
            cmap.columns.setdefault("status_text", [col])  # a 'Progress' column of commentary
        else:
            kept.append((col, as_of, header))
    cmap.progress = kept
    theme = cmap.columns.get("theme")
    if theme and "ref" not in cmap.columns and _mostly(_data_texts(grid, theme[0], start), is_ref):
        cmap.columns["ref"] = cmap.columns.pop("theme")  # 'Rec/Action' over 'R1/A1', 'R1/A2'
    if "description" not in cmap.columns and "theme" in cmap.columns:
        cmap.columns["description"] = cmap.columns.pop("theme")


def find_header(grid: Grid, start: int, words: HeaderDictionary) -> int | None:
    for r in range(start, grid.n_rows):
        if is_header_row(grid, r, words):
            return r
    return None
