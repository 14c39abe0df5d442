"""One row of an action table as the rows the contract keeps: an action and its snapshots.

Given a row and its table's column map, :func:`action_rows` gives the action (number,
description, lead, dates, theme) and one snapshot per progress column: a column whose header
carries a date is a snapshot at that date with its percentage only; the current one (undated, or
dated on the report date) carries the commentary, the decisions and the RAG, and is dated by the
report date, which consolidation may settle later (``at_report_date``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from extractors.model import Cell
from pipeline.interpret.layout import ColumnMap, Grid, theme_from_label
from pipeline.interpret.normalise import clean_text, normalise_lead, nullable, parse_due_date, parse_percent
from pipeline.interpret.rag import rag_from_fill, rag_from_text

LEADING_REF_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s+(?=\S)")


@dataclass(frozen=True)
class RowContext:
    """What reading a row needs besides the row: the paper's words, key and report date."""

    doc_id: str
    source_file: str
    report_date: dt.date | None
    rag_words: dict[str, str]
    key: dict[str, str]


def texts(grid: Grid, r: int, cols: list[int] | None) -> str | None:
    """The text of row ``r`` in columns ``cols``, each distinct cell once, joined by line breaks."""
    if not cols:
        return None
    parts: list[str] = []
    for c in cols:
        cell = grid.at(r, c)
        if cell is not None and not cell.is_blank and cell.text not in parts:
            parts.append(cell.text)
    return "\n".join(parts) if parts else None


def cell_at(grid: Grid, r: int, cols: list[int] | None) -> Cell | None:
    return grid.at(r, cols[0]) if cols else None


def rag_of(grid: Grid, r: int, cmap: ColumnMap, ctx: RowContext) -> str | None:
    """The row's RAG: the RAG column's word or colour; without one, a cell filled in a colour of
    the paper's key."""
    cell = cell_at(grid, r, cmap.columns.get("rag"))
    if cell is not None:
        return rag_from_text(cell.text, ctx.rag_words) or rag_from_fill(cell.fill, ctx.key)
    if not ctx.key:
        return None
    for cell in grid.table.rows[r]:
        if cell.fill and cell.fill != cmap.header_fill and cell.fill in ctx.key:
            return ctx.key[cell.fill]
    return None


def ref_and_description(grid: Grid, r: int, cmap: ColumnMap) -> tuple[str | None, str | None]:
    ref = nullable(texts(grid, r, cmap.columns.get("ref")))
    desc = clean_text(texts(grid, r, cmap.columns.get("description")))
    if ref is None and desc and "ref" not in cmap.columns:
        m = LEADING_REF_RE.match(desc)
        if m:
            ref, desc = m.group(1), desc[m.end():]
    return (ref.rstrip(".") if ref else None), desc


def position(grid: Grid, r: int, ctx: RowContext, local_id: int) -> dict[str, Any]:
    """Where the row is: the paper, page (or sheet), table and row."""
    first = grid.at(r, 0) or next(iter(grid.own_cells(r)), None) or Cell("", r, 0)
    return {"doc_id": ctx.doc_id, "local_id": local_id, "source_file": ctx.source_file,
            "page": first.page or grid.table.page, "table_index": grid.table.index, "row_index": r}


def region(grid: Grid, cmap: ColumnMap) -> str:
    """The table and header an action was read under (two tables side by side on a sheet share
    the sheet's table and may share its header row: their first columns tell them apart)."""
    return f"{grid.table.index}:{cmap.header_row}:{min(cmap.headers, default=0)}"


def action_rows(grid: Grid, r: int, cmap: ColumnMap, ctx: RowContext, local_id: int,
                theme: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The action row ``r`` states (``theme`` where the table has no theme column) and its snapshots."""
    ref, desc = ref_and_description(grid, r, cmap)
    due_cell = cell_at(grid, r, cmap.columns.get("due_date"))
    due = parse_due_date(due_cell.text if due_cell else None, due_cell.value if due_cell else None)
    original = due.original
    orig_cell = cell_at(grid, r, cmap.columns.get("original_due_date"))
    if orig_cell is not None and not orig_cell.is_blank:
        parsed = parse_due_date(orig_cell.text, orig_cell.value)
        if due.date is None:  # no revised date: the original is the target
            due = parsed
        original = parsed.date if parsed.date != due.date else None
    lead_raw = clean_text(texts(grid, r, cmap.columns.get("lead")))
    theme_col = cmap.columns.get("theme")
    if theme_col:
        theme = theme_from_label(texts(grid, r, theme_col) or "") or nullable(texts(grid, r, theme_col)) or theme
    where = position(grid, r, ctx, local_id)
    action = {
        **where, "region": region(grid, cmap), "ref": ref, "theme": theme, "description": desc,
        "lead": normalise_lead(lead_raw), "lead_raw": lead_raw,
        "service_lead": nullable(texts(grid, r, cmap.columns.get("service_lead"))),
        "priority": nullable(texts(grid, r, cmap.columns.get("priority"))),
        "paper_gives_priorities": "priority" in cmap.columns,
        "due_date": due.date, "original_due_date": original, "due_date_precision": due.precision,
        "due_raw": due.raw, "due_readable": due.readable,
        "report_refs": nullable(texts(grid, r, cmap.columns.get("report_refs"))),
    }
    return action, snapshot_rows(grid, r, cmap, ctx, where, due.date)


def current_column(cmap: ColumnMap, report_date: dt.date | None) -> int | None:
    """The progress column at the report date: the undated one (the last), else the one dated on
    the report date; None where every column is dated earlier (the report-date snapshot then has
    the commentary and RAG without a percentage)."""
    undated = [c for c, d, _ in cmap.progress if d is None or d == report_date]
    return undated[-1] if undated else None


def snapshot_rows(grid: Grid, r: int, cmap: ColumnMap, ctx: RowContext, where: dict[str, Any],
                  due_date: dt.date | None) -> list[dict[str, Any]]:
    current = current_column(cmap, ctx.report_date)
    base = {**where, "due_date": due_date}
    out = []
    for col, as_of, _ in cmap.progress:
        if col == current:
            continue
        cell = grid.at(r, col)
        pct = parse_percent(cell.text if cell else None, cell.value if cell else None,
                            cell.number_format if cell else None)
        if pct.raw is None:
            continue
        out.append({**base, "as_of": as_of, "percent_complete": pct.value, "percent_raw": pct.raw,
                    "percent_readable": pct.readable, "percent_has_sign": pct.has_sign,
                    "rag": None, "status_text": None, "decisions": None, "is_current": False})
    cell = grid.at(r, current) if current is not None else None
    pct = parse_percent(cell.text if cell else None, cell.value if cell else None,
                        cell.number_format if cell else None)
    column_date = next((d for c, d, _ in cmap.progress if c == current and d), None)
    out.append({
        **base, "as_of": column_date or ctx.report_date, "percent_complete": pct.value, "percent_raw": pct.raw,
        "percent_readable": pct.readable, "percent_has_sign": pct.has_sign,
        "rag": rag_of(grid, r, cmap, ctx),
        "status_text": clean_text(texts(grid, r, cmap.columns.get("status_text"))),
        "decisions": clean_text(texts(grid, r, cmap.columns.get("decisions"))),
        "is_current": True, "at_report_date": column_date is None,
    })
    return out
