"""Dashboard (every action at its latest snapshot: a list sheet) and Timeline (a summary table and a
chart above the main table).

The Timeline's summary sits between the sheet's note and the main table's header, so filtering the
main table never hides it, and both stay in view (frozen, where short enough) while scrolling the
actions. Its averages are placed over the main table's same as-of dates. The Dashboard's counts by
plan and its chart are on the Summary sheet (:mod:`pipeline.publish.workbook.summary`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from pipeline.publish.workbook import views
from pipeline.publish.workbook.inputs import Inputs
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
    write_table,
)

SUMMARY_ROW = HEADER_ROW + 1  # the Timeline's summary table's header
CHART_HEIGHT = 230  # pixels
GRIDLINES = {"visible": True, "line": {"color": "#D9D9D9"}}


def main_header_row(summary: Placed) -> int:
    """The main table's header row: below the summary table or the chart, whichever is taller."""
    chart_rows = rows_for(CHART_HEIGHT + 8, HEADER_ROW, summary.heights)
    return max(summary.last_row, HEADER_ROW + chart_rows) + 2


def fits_frozen(header: int, summary: Placed) -> bool:
    """Whether the block above the main table is short enough to stay frozen on screen."""
    return pixels_above(header + 1, summary.heights) <= MAX_FROZEN_PIXELS


def dashboard_sheet(book: Workbook, formats: Formats, inp: Inputs, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """The Dashboard, a list sheet (only its header row frozen; its chart and counts are on Summary),
    with the analysts' ``notes`` by action id; returns its rows."""
    dash = views.dashboard(inp, notes)
    cols, n = views.DASHBOARD_COLS, len(dash)
    w = new_sheet(book, formats, "Dashboard", "Dashboard: every action at its latest snapshot",
                  "One row per action. RAG and % complete are from the latest paper, previous RAG from the paper "
                  "before; overdue means due before that paper's date and not complete. Notes: yours, kept by "
                  "action id when the workbook is rebuilt.", tab="#1F3864")
    write_table(w, HEADER_ROW, 0, "tblActions", dash, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    for header in ("RAG", "Previous RAG"):
        colour_values(w, column_range(cols, header, n), RAG_COLOURS)
    percent_bar(w, column_range(cols, "% complete", n))
    overdue = formats.get(bg_color="#FFC7CE", font_color="#9C0006", bold=True)
    w.sheet.conditional_format(column_range(cols, "Overdue", n),
                               {"type": "cell", "criteria": "==", "value": '"Yes"', "format": overdue})
    change = column_range(cols, "Last change in progress", n)
    w.sheet.conditional_format(change, {"type": "cell", "criteria": "<", "value": 0,
                                        "format": formats.get(font_color="#C00000")})
    w.sheet.conditional_format(change, {"type": "cell", "criteria": ">", "value": 0,
                                        "format": formats.get(font_color="#006100")})
    return dash


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
