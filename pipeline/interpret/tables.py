"""A table's rows as actions and snapshots, carrying the theme from row to row.

Each table is scanned for header rows (:mod:`pipeline.interpret.layout`); the rows under one are
read through its column map: an action, a theme row (one cell across the table, or a labelled
heading), a repeated header, or the continuation of the action above. What is left over in the
table may be a register (:mod:`pipeline.interpret.registers`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from extractors.model import Cell, Table
from pipeline.config import Settings
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import (
    CONTINUED_RE,
    ColumnMap,
    Grid,
    build_column_map,
    find_header,
    is_header_row,
    is_ref,
    theme_from_label,
)
from pipeline.interpret.metadata import Metadata
from pipeline.interpret.normalise import clean_text, normalise_lead, nullable, parse_due_date, parse_percent
from pipeline.interpret.rag import rag_from_fill, rag_from_text
from pipeline.interpret.registers import read_registers

LEADING_REF_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s+(?=\S)")


@dataclass
class Context:
    """What interpretation of one paper needs besides the paper."""

    doc_id: str
    meta: Metadata
    words: HeaderDictionary
    rag_words: dict[str, str]
    key: dict[str, str]
    settings: Settings
    source_file: str
    theme: str | None = None
    actions: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)

    def is_rag(self, text: str) -> bool:
        return rag_from_text(text, self.rag_words) is not None


def _texts(grid: Grid, r: int, cols: list[int] | None) -> str | None:
    if not cols:
        return None
    parts: list[str] = []
    for c in cols:
        cell = grid.at(r, c)
        if cell is not None and not cell.is_blank and cell.text not in parts:
            parts.append(cell.text)
    return "\n".join(parts) if parts else None


def _cell(grid: Grid, r: int, cols: list[int] | None) -> Cell | None:
    return grid.at(r, cols[0]) if cols else None


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


def _is_action_row(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    desc = clean_text(_texts(grid, r, cmap.columns.get("description")))
    ref = clean_text(_texts(grid, r, cmap.columns.get("ref")))
    if desc and not is_ref(desc):
        return True
    return bool(ref and is_ref(ref) and desc)


def _rag(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> str | None:
    cell = _cell(grid, r, cmap.columns.get("rag"))
    if cell is not None:
        return rag_from_text(cell.text, ctx.rag_words) or rag_from_fill(cell.fill, ctx.key)
    if not ctx.key:
        return None
    for cell in grid.table.rows[r]:
        if cell.fill and cell.fill != cmap.header_fill and cell.fill in ctx.key:
            return ctx.key[cell.fill]
    return None


def _ref_and_description(grid: Grid, r: int, cmap: ColumnMap) -> tuple[str | None, str | None]:
    ref = nullable(_texts(grid, r, cmap.columns.get("ref")))
    desc = clean_text(_texts(grid, r, cmap.columns.get("description")))
    if ref is None and desc and "ref" not in cmap.columns:
        m = LEADING_REF_RE.match(desc)
        if m:
            ref, desc = m.group(1), desc[m.end():]
    return (ref.rstrip(".") if ref else None), desc


def _action(grid: Grid, r: int, cmap: ColumnMap, ctx: Context, table: Table) -> None:
    ref, desc = _ref_and_description(grid, r, cmap)
    due_cell = _cell(grid, r, cmap.columns.get("due_date"))
    due = parse_due_date(due_cell.text if due_cell else None, due_cell.value if due_cell else None)
    original = due.original
    orig_cell = _cell(grid, r, cmap.columns.get("original_due_date"))
    if original is None and orig_cell is not None:
        parsed = parse_due_date(orig_cell.text, orig_cell.value)
        original = parsed.date if parsed.date != due.date else None
    lead_raw = clean_text(_texts(grid, r, cmap.columns.get("lead")))
    theme_col = cmap.columns.get("theme")
    theme = (theme_from_label(_texts(grid, r, theme_col) or "") or nullable(_texts(grid, r, theme_col))
             if theme_col else ctx.theme)
    local_id = len(ctx.actions)
    position = {"doc_id": ctx.doc_id, "local_id": local_id, "source_file": ctx.source_file,
                "page": (grid.at(r, 0) or next(iter(grid.own_cells(r)), None) or Cell("", r, 0)).page
                or table.page, "table_index": table.index, "row_index": r}
    ctx.actions.append({
        **position, "ref": ref, "theme": theme, "description": desc,
        "lead": normalise_lead(lead_raw), "lead_raw": lead_raw,
        "service_lead": nullable(_texts(grid, r, cmap.columns.get("service_lead"))),
        "priority": nullable(_texts(grid, r, cmap.columns.get("priority"))),
        "paper_gives_priorities": "priority" in cmap.columns,
        "due_date": due.date, "original_due_date": original, "due_date_precision": due.precision,
        "due_raw": due.raw, "due_readable": due.readable,
        "report_refs": nullable(_texts(grid, r, cmap.columns.get("report_refs"))),
    })
    _snapshots(grid, r, cmap, ctx, position, due.date)


def _current_column(cmap: ColumnMap, report_date: dt.date | None) -> int | None:
    if not cmap.progress:
        return None
    undated = [c for c, d, _ in cmap.progress if d is None or d == report_date]
    if undated:
        return undated[-1]
    return max(cmap.progress, key=lambda p: p[1] or dt.date.min)[0]


def _snapshots(grid: Grid, r: int, cmap: ColumnMap, ctx: Context, position: dict[str, Any],
               due_date: dt.date | None) -> None:
    report_date = ctx.meta.report_date
    current = _current_column(cmap, report_date)
    base = {**position, "due_date": due_date}
    for col, as_of, _ in cmap.progress:
        if col == current:
            continue
        cell = grid.at(r, col)
        pct = parse_percent(cell.text if cell else None, cell.value if cell else None,
                            cell.number_format if cell else None)
        if pct.raw is None:
            continue
        ctx.snapshots.append({**base, "as_of": as_of, "percent_complete": pct.value, "percent_raw": pct.raw,
                              "percent_readable": pct.readable, "percent_has_sign": pct.has_sign,
                              "rag": None, "status_text": None, "decisions": None, "is_current": False})
    cell = grid.at(r, current) if current is not None else None
    pct = parse_percent(cell.text if cell else None, cell.value if cell else None,
                        cell.number_format if cell else None)
    as_of = next((d for c, d, _ in cmap.progress if c == current and d), None) or report_date
    ctx.snapshots.append({
        **base, "as_of": as_of, "percent_complete": pct.value, "percent_raw": pct.raw,
        "percent_readable": pct.readable, "percent_has_sign": pct.has_sign,
        "rag": _rag(grid, r, cmap, ctx),
        "status_text": clean_text(_texts(grid, r, cmap.columns.get("status_text"))),
        "decisions": clean_text(_texts(grid, r, cmap.columns.get("decisions"))),
        "is_current": True,
    })


def _continue_action(grid: Grid, r: int, cmap: ColumnMap, ctx: Context) -> None:
    """A row with no number and no description adds its text to the action above."""
    if not ctx.actions:
        return
    last = next(s for s in reversed(ctx.snapshots) if s["is_current"])
    for name in ("status_text", "decisions"):
        extra = clean_text(_texts(grid, r, cmap.columns.get(name)))
        if extra:
            last[name] = f"{last[name]} {extra}" if last[name] else extra


def _more_actions_below(grid: Grid, r: int, cmap: ColumnMap) -> bool:
    nxt = next((rr for rr in range(r + 1, grid.n_rows) if not grid.is_blank_row(rr)), None)
    if nxt is None or not _is_action_row(grid, nxt, cmap):
        return False
    others = [c for name, cols in cmap.columns.items() if name not in ("description", "ref") for c in cols]
    return any(grid.text(nxt, c).strip() for c in others + [p[0] for p in cmap.progress])


def read_region(grid: Grid, cmap: ColumnMap, ctx: Context, words: HeaderDictionary) -> int:
    """Read the rows under a header; returns the first row after the region."""
    r = cmap.header_row + 1
    while r < grid.n_rows:
        if grid.is_blank_row(r):
            if not _more_actions_below(grid, r, cmap):
                return r
        elif is_header_row(grid, r, words):
            repeat = build_column_map(grid, r, words, ctx.is_rag)
            if repeat.columns != cmap.columns:
                return r  # a different table starts here
            r = repeat.header_row  # a repeated header
        elif (theme := _theme_row(grid, r, cmap, ctx)) is not None:
            ctx.theme = theme
        elif _is_action_row(grid, r, cmap):
            _action(grid, r, cmap, ctx, grid.table)
        else:
            _continue_action(grid, r, cmap, ctx)
        r += 1
    return r


def read_table(table: Table, ctx: Context) -> list[dict[str, str]]:
    grid = Grid(table)
    region_rows: set[int] = set()
    r = 0
    while (header := find_header(grid, r, ctx.words)) is not None:
        cmap = build_column_map(grid, header, ctx.words, ctx.is_rag)
        end = read_region(grid, cmap, ctx, ctx.words)
        region_rows.update(range(header, end))
        r = max(end, header + 1)
    return read_registers(grid, region_rows)
