"""The workbook's data sheets: layout, conditional formats and charts over the views' frames.

Every sheet has a title (row 1), a one-line note (row 2) and its main Excel table with the header
on row 3, frozen. Where a sheet has a summary and a chart (Dashboard, Timeline) they sit beside
the main table, to its right, so the frozen header stays one row tall however many plans there are.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from pipeline import workbook_views as views
from pipeline.workbook_inputs import NO_RAG, RAG_LABELS, Inputs
from pipeline.workbook_xl import Col, Formats, SheetWriter, page_setup, sheet_heading, write_table

HEADER_ROW = 2
RAG_COLOURS = {  # fill, font: Excel's own good/neutral/bad palette, blue for complete
    "Red": ("#FFC7CE", "#9C0006"), "Amber": ("#FFEB9C", "#9C5700"), "Green": ("#C6EFCE", "#006100"),
    "Complete": ("#BDD7EE", "#1F4E78"), "Not started": ("#EDEDED", "#404040"),
}
CHART_COLOURS = {"Red": "#C00000", "Amber": "#FFC000", "Green": "#00B050", "Complete": "#2F75B5",
                 "Not started": "#7F7F7F", NO_RAG: "#D9D9D9"}
SEVERITY_COLOURS = {"Error": ("#FFC7CE", "#9C0006"), "Warning": ("#FFEB9C", "#9C5700"),
                    "Info": ("#DDEBF7", "#1F4E78")}
STATUS_COLOURS = {"Quarantined": ("#FFC7CE", "#9C0006"), "No actions": ("#FFEB9C", "#9C5700")}


def _new_sheet(book: Workbook, formats: Formats, name: str, title: str, note: str,
               tab: str | None = None) -> SheetWriter:
    sheet = book.add_worksheet(name)
    if tab:
        sheet.set_tab_color(tab)
    w = SheetWriter(sheet, formats)
    sheet_heading(w, title, note)
    return w


def _col(cols: list[Col], header: str) -> int:
    return [c.header for c in cols].index(header)


def _column_range(cols: list[Col], header: str, n: int, left: int = 0) -> str:
    """The A1 range of one column's data cells (one blank row where the table is empty)."""
    c = left + _col(cols, header)
    return f"{xl_rowcol_to_cell(HEADER_ROW + 1, c)}:{xl_rowcol_to_cell(HEADER_ROW + max(n, 1), c)}"


def _colour_values(w: SheetWriter, cell_range: str, colours: dict[str, tuple[str, str]]) -> None:
    for value, (fill, font) in colours.items():
        w.sheet.conditional_format(cell_range, {
            "type": "cell", "criteria": "==", "value": f'"{value}"',
            "format": w.formats.get(bg_color=fill, font_color=font)})


def _percent_bar(w: SheetWriter, cell_range: str) -> None:
    w.sheet.conditional_format(cell_range, {
        "type": "data_bar", "bar_color": "#63BE7B", "bar_solid": True,
        "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1})


def dashboard_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    dash = views.dashboard(inp)
    summary = views.plan_summary(dash)
    cols, n = views.DASHBOARD_COLS, len(dash)
    w = _new_sheet(book, formats, "Dashboard", "Dashboard: every action at its latest snapshot",
                   "One row per action. RAG and % complete are from the latest paper; overdue means due "
                   "before that paper's date and not complete. Counts by plan and the RAG mix chart are "
                   "to the right of the table.", tab="#1F3864")
    _, last_col = write_table(w, HEADER_ROW, 0, "tblActions", dash, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    _colour_values(w, _column_range(cols, "RAG", n), RAG_COLOURS)
    _percent_bar(w, _column_range(cols, "% complete", n))
    overdue = w.formats.get(bg_color="#FFC7CE", font_color="#9C0006", bold=True)
    w.sheet.conditional_format(_column_range(cols, "Overdue", n),
                               {"type": "cell", "criteria": "==", "value": '"Yes"', "format": overdue})
    change = _column_range(cols, "Last change in progress", n)
    w.sheet.conditional_format(change, {"type": "cell", "criteria": "<", "value": 0,
                                        "format": w.formats.get(font_color="#C00000")})
    w.sheet.conditional_format(change, {"type": "cell", "criteria": ">", "value": 0,
                                        "format": w.formats.get(font_color="#006100")})
    left = last_col + 2
    w.sheet.write_string(HEADER_ROW - 1, left, "Actions by plan: RAG at the latest snapshot, overdue",
                         formats.get(bold=True))
    totals = {"Organisation": "label:Total", **{c.header: "sum" for c in views.SUMMARY_COLS[2:-1]}}
    end, _ = write_table(w, HEADER_ROW, left, "tblPlanSummary", summary, views.SUMMARY_COLS, totals)
    _rag_chart(book, w, summary, left, end + 2)


def _rag_chart(book: Workbook, w: SheetWriter, summary: pd.DataFrame, left: int, row: int) -> None:
    n = len(summary)
    if n == 0:
        w.sheet.write_string(row, left, "No actions yet: the RAG mix chart appears once papers are read.",
                             w.formats.note)
        return
    chart: Any = book.add_chart({"type": "bar", "subtype": "stacked"})
    cols = views.SUMMARY_COLS
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    plan_col = left + _col(cols, "Plan")
    for label in [*RAG_LABELS.values(), NO_RAG]:
        c = left + _col(cols, label)
        chart.add_series({
            "name": ["Dashboard", HEADER_ROW, c],
            "categories": ["Dashboard", first, plan_col, last, plan_col],
            "values": ["Dashboard", first, c, last, c],
            "fill": {"color": CHART_COLOURS[label]}, "border": {"none": True}, "gap": 60,
        })
    chart.set_title({"name": "RAG mix by plan (latest snapshot)", "name_font": {"size": 12}})
    chart.set_x_axis({"name": "Actions", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 760, "height": max(260, 110 + 36 * n)})
    w.sheet.insert_chart(row, left, chart, {"object_position": 1})


def history_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.history(inp), views.HISTORY_COLS
    w = _new_sheet(book, formats, "Progress history", "Progress history: every snapshot",
                   "One row per action per as-of date. A paper's dated progress columns give earlier "
                   "snapshots (percentage only); commentary, decisions and RAG are from the paper's own date.")
    write_table(w, HEADER_ROW, 0, "tblHistory", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    _colour_values(w, _column_range(cols, "RAG", len(frame)), RAG_COLOURS)
    _percent_bar(w, _column_range(cols, "% complete", len(frame)))


def timeline_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.timeline(inp)
    w = _new_sheet(book, formats, "Timeline", "Timeline: % complete by as-of date",
                   "Actions down, as-of dates across; blank where a paper did not report the action. "
                   "Average progress per plan and its chart are to the right of the table.")
    _, last_col = write_table(w, HEADER_ROW, 0, "tblTimeline", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    dated = [i for i, c in enumerate(cols) if c.kind == "percent"]
    if dated:
        first_cell = xl_rowcol_to_cell(HEADER_ROW + 1, dated[0])
        last_cell = xl_rowcol_to_cell(HEADER_ROW + max(len(frame), 1), dated[-1])
        w.sheet.conditional_format(f"{first_cell}:{last_cell}", {
            "type": "2_color_scale", "min_type": "num", "min_value": 0, "min_color": "#FFFFFF",
            "max_type": "num", "max_value": 1, "max_color": "#63BE7B"})
    left = last_col + 2
    progress, pcols = views.plan_progress(inp)
    w.sheet.write_string(HEADER_ROW - 1, left, "Average % complete per plan", formats.get(bold=True))
    end, _ = write_table(w, HEADER_ROW, left, "tblPlanProgress", progress, pcols)
    _progress_chart(book, w, progress, pcols, left, end + 2)


def _progress_chart(book: Workbook, w: SheetWriter, progress: pd.DataFrame, cols: list[Col],
                    left: int, row: int) -> None:
    n = len(progress)
    if n == 0 or len(cols) < 2:
        w.sheet.write_string(row, left, "No snapshots yet: the progress chart appears once papers are read.",
                             w.formats.note)
        return
    chart: Any = book.add_chart({"type": "line"})
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    for j in range(1, len(cols)):
        chart.add_series({
            "name": ["Timeline", HEADER_ROW, left + j],
            "categories": ["Timeline", first, left, last, left],
            "values": ["Timeline", first, left + j, last, left + j],
            "marker": {"type": "circle", "size": 6}, "line": {"width": 2.25},
        })
    chart.set_title({"name": "Average progress per plan", "name_font": {"size": 12}})
    chart.set_x_axis({"date_axis": True, "num_format": "dd/mm/yyyy", "name": "As of"})
    chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%", "name": "Average % complete",
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("span")
    chart.set_size({"width": 760, "height": 340})
    w.sheet.insert_chart(row, left, chart, {"object_position": 1})


def targets_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.target_changes(inp), views.TARGET_COLS
    w = _new_sheet(book, formats, "Target changes", "Target changes: every revision of a due date",
                   "One row per revision: a bracketed original date in a paper, or a later paper moving "
                   "the date. Days slipped = new date - old date.")
    write_table(w, HEADER_ROW, 0, "tblTargetChanges", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    w.sheet.conditional_format(_column_range(cols, "Days slipped", len(frame)), {
        "type": "data_bar", "bar_color": "#F4B183", "bar_solid": True, "min_type": "num", "min_value": 0})


def registers_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame = views.registers(inp)
    w = _new_sheet(book, formats, "Registers", "Registers: issues, risks, change requests, next targets",
                   "The papers' free-text registers, one row per entry; filter on Register.")
    write_table(w, HEADER_ROW, 0, "tblRegisters", frame, views.REGISTER_COLS)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=1)


def quality_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.quality(inp), views.QUALITY_COLS
    w = _new_sheet(book, formats, "Data quality", "Data quality: the checks' findings",
                   "Errors first, then warnings, then information. Each row links to the paper it concerns.",
                   tab="#C65911")
    _, last_col = write_table(w, HEADER_ROW, 0, "tblFindings", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=2)
    rows = f"A{HEADER_ROW + 2}:{xl_col_to_name(last_col)}{HEADER_ROW + 1 + max(len(frame), 1)}"
    for label, (fill, font) in SEVERITY_COLOURS.items():
        w.sheet.conditional_format(rows, {
            "type": "formula", "criteria": f'=$A{HEADER_ROW + 2}="{label}"',
            "format": formats.get(bg_color=fill, font_color=font)})


def sources_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.sources(inp), views.SOURCES_COLS
    w = _new_sheet(book, formats, "Sources", "Sources: every paper seen",
                   "Each paper links to its copy in raw/ (beside this workbook's outputs/ folder). "
                   "A quarantined paper gives no data; the reason says why.")
    write_table(w, HEADER_ROW, 0, "tblSources", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=1)
    _colour_values(w, _column_range(cols, "Status", len(frame)), STATUS_COLOURS)
