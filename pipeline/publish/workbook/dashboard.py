"""Dashboard and Timeline: a summary table and a chart above the main table.

The summary sits between the sheet's note and the main table's header, so filtering the main
table never hides it, and both stay in view (frozen) while scrolling the actions. The summary's
columns are placed over main-table columns of about their width: the Dashboard's counts over the
status columns, the Timeline's averages over the same as-of dates.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from pipeline.publish.workbook import views
from pipeline.publish.workbook.inputs import NO_RAG, RAG_LABELS, Inputs
from pipeline.publish.workbook.sheets import (
    HEADER_ROW,
    RAG_COLOURS,
    col_index,
    colour_values,
    column_range,
    new_sheet,
    percent_bar,
)
from pipeline.publish.workbook.xl import (
    MAX_FROZEN_PIXELS,
    Col,
    Formats,
    Placed,
    SheetWriter,
    fitted_widths,
    page_setup,
    pixels_above,
    rows_for,
    width_pixels,
    write_table,
)

SUMMARY_ROW = HEADER_ROW + 1  # the summary table's header
SUMMARY_LEFT = 5  # the Dashboard's summary starts over the Lead column: counts over status columns
CHART_HEIGHT = 230  # pixels
CHART_COLOURS = {"Red": "#C00000", "Amber": "#FFC000", "Green": "#00B050", "Complete": "#2F75B5",
                 "Not started": "#7F7F7F", NO_RAG: "#D9D9D9"}
GRIDLINES = {"visible": True, "line": {"color": "#D9D9D9"}}


def main_header_row(summary: Placed) -> int:
    """The main table's header row: below the summary table or the chart, whichever is taller."""
    chart_rows = rows_for(CHART_HEIGHT + 8, HEADER_ROW, summary.heights)
    return max(summary.last_row, HEADER_ROW + chart_rows) + 2


def fits_frozen(header: int, summary: Placed) -> bool:
    """Whether the block above the main table is short enough to stay frozen on screen."""
    return pixels_above(header + 1, summary.heights) <= MAX_FROZEN_PIXELS


def dashboard_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    dash = views.dashboard(inp)
    summary = views.plan_summary(dash)
    cols, n = views.DASHBOARD_COLS, len(dash)
    w = new_sheet(book, formats, "Dashboard", "Dashboard: every action at its latest snapshot",
                  "One row per action. RAG and % complete are from the latest paper; overdue means due "
                  "before that paper's date and not complete. Above: the RAG mix, and counts by plan.",
                  tab="#1F3864")
    widths = fitted_widths(dash, cols)
    scols = views.SUMMARY_COLS
    w.sheet.write_string(HEADER_ROW, SUMMARY_LEFT, "Actions by plan at the latest snapshot",
                         formats.get(bold=True))
    totals = {"Plan": "label:Total", **{c.header: "sum" for c in scols[1:-1]}}
    placed = write_table(w, SUMMARY_ROW, SUMMARY_LEFT, "tblPlanSummary", summary, scols, totals,
                         widths=widths[SUMMARY_LEFT:SUMMARY_LEFT + len(scols)])
    _rag_chart(book, w, summary, width_pixels(widths[:SUMMARY_LEFT]))
    header = main_header_row(placed)
    write_table(w, header, 0, "tblActions", dash, cols)
    page_setup(w.sheet, header, freeze_cols=3, freeze_rows=fits_frozen(header, placed))
    colour_values(w, column_range(cols, "RAG", n, header), RAG_COLOURS)
    percent_bar(w, column_range(cols, "% complete", n, header))
    overdue = formats.get(bg_color="#FFC7CE", font_color="#9C0006", bold=True)
    w.sheet.conditional_format(column_range(cols, "Overdue", n, header),
                               {"type": "cell", "criteria": "==", "value": '"Yes"', "format": overdue})
    change = column_range(cols, "Last change in progress", n, header)
    w.sheet.conditional_format(change, {"type": "cell", "criteria": "<", "value": 0,
                                        "format": formats.get(font_color="#C00000")})
    w.sheet.conditional_format(change, {"type": "cell", "criteria": ">", "value": 0,
                                        "format": formats.get(font_color="#006100")})


def _rag_chart(book: Workbook, w: SheetWriter, summary: pd.DataFrame, room: int) -> None:
    """A stacked bar per plan of its actions by RAG, left of the summary table."""
    n = len(summary)
    if n == 0:
        w.sheet.write_string(SUMMARY_ROW, 0, "No actions yet: the RAG mix appears once papers are read.",
                             w.formats.note)
        return
    chart: Any = book.add_chart({"type": "bar", "subtype": "stacked"})
    cols = views.SUMMARY_COLS
    first, last = SUMMARY_ROW + 1, SUMMARY_ROW + n
    plan_col = SUMMARY_LEFT + col_index(cols, "Plan")
    for label in [*RAG_LABELS.values(), NO_RAG]:
        c = SUMMARY_LEFT + col_index(cols, label)
        chart.add_series({
            "name": ["Dashboard", SUMMARY_ROW, c],
            "categories": ["Dashboard", first, plan_col, last, plan_col],
            "values": ["Dashboard", first, c, last, c],
            "fill": {"color": CHART_COLOURS[label]}, "border": {"none": True}, "gap": 50,
        })
    chart.set_title({"name": "RAG mix by plan (latest snapshot)", "name_font": {"size": 11}})
    chart.set_x_axis({"name": "Actions", "major_gridlines": GRIDLINES})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "right"})
    chart.set_size({"width": max(400, min(760, room - 20)), "height": CHART_HEIGHT})
    w.sheet.insert_chart(HEADER_ROW, 0, chart, {"object_position": 2, "x_offset": 4, "y_offset": 4})


def timeline_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.timeline(inp)
    progress, pcols = views.plan_progress(inp)
    w = new_sheet(book, formats, "Timeline", "Timeline: % complete by as-of date",
                  "Actions down, as-of dates across; blank where a paper did not report the action. "
                  "Above: each plan's average over the actions reported at each date, and its chart.")
    widths = fitted_widths(frame, cols)
    left = col_index(cols, "Description")  # plan names over the descriptions, averages over the dates
    w.sheet.write_string(HEADER_ROW, left, "Average % complete per plan", formats.get(bold=True))
    summary = write_table(w, SUMMARY_ROW, left, "tblPlanProgress", progress, pcols,
                          widths=widths[left:left + len(pcols)])
    _progress_chart(book, w, progress, pcols, left, len(cols) + 1)
    header = main_header_row(summary)
    write_table(w, header, 0, "tblTimeline", frame, cols)
    page_setup(w.sheet, header, freeze_cols=3, freeze_rows=fits_frozen(header, summary))
    dated = [i for i, c in enumerate(cols) if c.kind == "percent"]
    if dated:
        cells = (f"{xl_rowcol_to_cell(header + 1, dated[0])}:"
                 f"{xl_rowcol_to_cell(header + max(len(frame), 1), dated[-1])}")
        w.sheet.conditional_format(cells, {
            "type": "2_color_scale", "min_type": "num", "min_value": 0, "min_color": "#FFFFFF",
            "max_type": "num", "max_value": 1, "max_color": "#63BE7B"})


def _progress_chart(book: Workbook, w: SheetWriter, progress: pd.DataFrame, cols: list[Col],
                    left: int, at: int) -> None:
    """A line per plan (a row of the averages table) across the as-of dates, at column ``at``."""
    n = len(progress)
    if n == 0 or len(cols) < 2:
        w.sheet.write_string(SUMMARY_ROW, at, "No snapshots yet: the chart appears once papers are read.",
                             w.formats.note)
        return
    chart: Any = book.add_chart({"type": "line"})
    first, last = left + 1, left + len(cols) - 1
    for i in range(n):
        row = SUMMARY_ROW + 1 + i
        chart.add_series({
            "name": ["Timeline", row, left],
            "categories": ["Timeline", SUMMARY_ROW, first, SUMMARY_ROW, last],
            "values": ["Timeline", row, first, row, last],
            "marker": {"type": "circle", "size": 6}, "line": {"width": 2.25},
        })
    chart.set_title({"name": "Average progress per plan", "name_font": {"size": 11}})
    chart.set_x_axis({"name": "As of"})
    chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%", "major_gridlines": GRIDLINES})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("span")
    chart.set_size({"width": 640, "height": CHART_HEIGHT})
    w.sheet.insert_chart(HEADER_ROW, at, chart, {"object_position": 2, "x_offset": 4, "y_offset": 4})
