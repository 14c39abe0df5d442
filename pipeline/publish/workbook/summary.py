"""The Summary sheet, the workbook's first: counts by plan and the RAG chart, so that the list
sheets below it keep only their header row frozen.

Top to bottom: what changed since each plan's previous paper (the Changes sheet's counts, per
plan, with totals), where each plan stands at its latest paper (actions by RAG, overdue, average
progress, with totals), the chart of the RAG mix by plan, and (written once the findings are known,
:func:`to_do`) one line each for the chase list, the papers and data to fix and the notes kept.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.workbook import Workbook

from pipeline.publish.chase import Chase
from pipeline.publish.workbook import views
from pipeline.publish.workbook.changes_sheet import COUNT_COLS, plan_counts
from pipeline.publish.workbook.dashboard import CHART_HEIGHT, GRIDLINES
from pipeline.publish.workbook.inputs import NO_RAG, RAG_LABELS, Inputs
from pipeline.publish.workbook.sheets import col_index, new_sheet
from pipeline.publish.workbook.xl import Formats, Link, SheetWriter, rows_for, width_pixels, write_table

SHEET = "Summary"
TOP = 3  # the first block's heading
LINK_COL = 4  # a heading's link to its sheet: clear of the heading's text
WIDTHS = [44.0, *[12.0] * (max(len(COUNT_COLS), len(views.SUMMARY_COLS)) - 1)]
CHART_COLOURS = {"Red": "#C00000", "Amber": "#FFC000", "Green": "#00B050", "Complete": "#2F75B5",
                 "Not started": "#7F7F7F", NO_RAG: "#D9D9D9"}


def _heading(w: SheetWriter, row: int, text: str, sheet: str) -> None:
    w.sheet.write_string(row, 0, text, w.formats.get(bold=True, font_size=12, font_color="#1F3864"))
    w.link(row, LINK_COL, Link(f"internal:'{sheet}'!A1", f"Details: {sheet}", tip=f"Go to {sheet}"))


def summary_sheet(book: Workbook, formats: Formats, inp: Inputs, dash: pd.DataFrame) -> int:
    """The sheet from the Dashboard's rows ``dash``; returns the row where :func:`to_do` writes."""
    w = new_sheet(book, formats, SHEET, "Summary: the action plans at their latest papers",
                  "What changed since each plan's previous paper, where each plan stands, and the RAG mix; "
                  "the other sheets have the details (see About for a guide).", tab="#1F3864")
    for i, width in enumerate(WIDTHS):
        w.sheet.set_column(i, i, width)
    counts = plan_counts(inp)
    _heading(w, TOP, "What changed since each plan's previous paper", "Changes")
    totals = {"Plan": "label:Total", **{c.header: "sum" for c in COUNT_COLS[3:]}}
    placed = write_table(w, TOP + 1, 0, "tblChangeCounts", counts, COUNT_COLS, totals,
                         widths=WIDTHS[:len(COUNT_COLS)], filters=False)
    row = placed.last_row + 1
    if counts.empty:
        w.sheet.write_string(row, 0, "No plan has two papers yet: nothing to compare.", formats.note)
        row += 1
    plans = views.plan_summary(dash)
    top = row + 1
    _heading(w, top, "Where each plan stands at its latest paper", "Dashboard")
    scols = views.SUMMARY_COLS
    stotals = {"Plan": "label:Total", **{c.header: "sum" for c in scols[1:-1]}}
    placed = write_table(w, top + 1, 0, "tblPlanSummary", plans, scols, stotals, widths=WIDTHS[:len(scols)],
                         filters=False)
    chart_row = placed.last_row + 2
    height = _rag_chart(book, w, plans, top + 1, chart_row)
    w.sheet.set_landscape()
    w.sheet.set_paper(9)
    w.sheet.fit_to_pages(1, 0)
    return chart_row + rows_for(height + 10, chart_row, {}) + 1


def _rag_chart(book: Workbook, w: SheetWriter, plans: pd.DataFrame, header: int, at: int) -> int:
    """A stacked bar per plan of its actions by RAG (rows of tblPlanSummary, its header at ``header``);
    returns its height in pixels."""
    n = len(plans)
    if n == 0:
        w.sheet.write_string(at, 0, "No actions yet: the RAG mix appears once papers are read.", w.formats.note)
        return 20
    chart: Any = book.add_chart({"type": "bar", "subtype": "stacked"})
    cols = views.SUMMARY_COLS
    first, last = header + 1, header + n
    plan_col = col_index(cols, "Plan")
    for label in [*RAG_LABELS.values(), NO_RAG]:
        c = col_index(cols, label)
        chart.add_series({
            "name": [SHEET, header, c], "categories": [SHEET, first, plan_col, last, plan_col],
            "values": [SHEET, first, c, last, c],
            "fill": {"color": CHART_COLOURS[label]}, "border": {"none": True}, "gap": 50,
        })
    chart.set_title({"name": "RAG mix by plan (latest snapshot)", "name_font": {"size": 11}})
    chart.set_x_axis({"name": "Actions", "major_gridlines": GRIDLINES})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "right"})
    height = CHART_HEIGHT + 24 * max(0, min(n, 30) - 3)  # a bar's worth more a plan over three
    chart.set_size({"width": min(900, width_pixels(WIDTHS) - 20), "height": height})
    w.sheet.insert_chart(at, 0, chart, {"object_position": 2, "x_offset": 4, "y_offset": 4})
    return height


def to_do(w: SheetWriter, row: int, chase: Chase, kept: int) -> None:
    """One line each, linked: who to chase, the papers and data to fix, the notes kept."""
    lines = sum(len(g.findings) for g in chase.leads)
    due = sum(len(g.due_soon) for g in chase.leads)
    w.sheet.write_string(row, 0, "To do", w.formats.get(bold=True, font_size=12, font_color="#1F3864"))
    items = [
        ("Chase list", f"Chase {len(chase.leads)} lead officer{'s' if len(chase.leads) != 1 else ''}: {lines} "
                       f"current finding{'s' if lines != 1 else ''}, {due} action{'s' if due != 1 else ''} due in "
                       f"the next {chase.horizon_days} days"),
        ("Chase list", f"Papers and data to fix: {len(chase.office)}"),
        ("Notes kept", f"Notes kept whose row has gone: {kept}"),
    ]
    for i, (sheet, text) in enumerate(items, start=row + 1):
        w.link(i, 0, Link(f"internal:'{sheet}'!A1", text, tip=f"Go to {sheet}"))
