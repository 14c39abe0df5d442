"""The workbook's list sheets (Progress history, Target changes, Registers, Data quality, Sources)
and the layout helpers every sheet shares.

Every list sheet has a title (row 1), a one-line note (row 2) and its main Excel table with the
header on row 3; the panes are frozen just below the header, so only the title, the note and the
header stay in view. Timeline (:mod:`pipeline.publish.workbook.dashboard`) puts a summary table and
a chart between the note and the main table; the Dashboard's are on the Summary sheet.
"""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from pipeline.publish.workbook import views
from pipeline.publish.workbook.inputs import Inputs
from pipeline.publish.workbook.xl import Col, Formats, SheetWriter, page_setup, sheet_heading, sheet_named, write_table

HEADER_ROW = 2
RAG_COLOURS = {  # fill, font: Excel's own good/neutral/bad palette, blue for complete
    "Red": ("#FFC7CE", "#9C0006"), "Amber": ("#FFEB9C", "#9C5700"), "Green": ("#C6EFCE", "#006100"),
    "Complete": ("#BDD7EE", "#1F4E78"), "Not started": ("#EDEDED", "#404040"),
}
SEVERITY_COLOURS = {"Error": ("#FFC7CE", "#9C0006"), "Warning": ("#FFEB9C", "#9C5700"),
                    "Info": ("#DDEBF7", "#1F4E78")}
STATUS_COLOURS = {"Quarantined": ("#FFC7CE", "#9C0006"), "No actions": ("#FFEB9C", "#9C5700")}


def new_sheet(book: Workbook, formats: Formats, name: str, title: str, note: str,
               tab: str | None = None) -> SheetWriter:
    sheet = sheet_named(book, name)
    if tab:
        sheet.set_tab_color(tab)
    w = SheetWriter(sheet, formats)
    sheet_heading(w, title, note)
    return w


def col_index(cols: list[Col], header: str) -> int:
    return [c.header for c in cols].index(header)


def column_range(cols: list[Col], header: str, n: int, top: int = HEADER_ROW) -> str:
    """The A1 range of one column's data cells (one blank row where the table is empty)."""
    c = col_index(cols, header)
    return f"{xl_rowcol_to_cell(top + 1, c)}:{xl_rowcol_to_cell(top + max(n, 1), c)}"


def colour_values(w: SheetWriter, cell_range: str, colours: dict[str, tuple[str, str]]) -> None:
    for value, (fill, font) in colours.items():
        w.sheet.conditional_format(cell_range, {
            "type": "cell", "criteria": "==", "value": f'"{value}"',
            "format": w.formats.get(bg_color=fill, font_color=font)})


def percent_bar(w: SheetWriter, cell_range: str) -> None:
    w.sheet.conditional_format(cell_range, {
        "type": "data_bar", "bar_color": "#63BE7B", "bar_solid": True,
        "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1})


def history_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.history(inp), views.HISTORY_COLS
    w = new_sheet(book, formats, "Progress history", "Progress history: every snapshot",
                   "One row per action per as-of date. A paper's dated progress columns give earlier "
                   "snapshots (percentage only); commentary, decisions and RAG are from the paper's own date.")
    write_table(w, HEADER_ROW, 0, "tblHistory", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    colour_values(w, column_range(cols, "RAG", len(frame)), RAG_COLOURS)
    percent_bar(w, column_range(cols, "% complete", len(frame)))


def targets_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.target_changes(inp), views.TARGET_COLS
    w = new_sheet(book, formats, "Target changes", "Target changes: every revision of a due date",
                   "One row per revision: a bracketed original date in a paper, or a later paper moving "
                   "the date. Days slipped = new date - old date.")
    write_table(w, HEADER_ROW, 0, "tblTargetChanges", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    w.sheet.conditional_format(column_range(cols, "Days slipped", len(frame)), {
        "type": "data_bar", "bar_color": "#F4B183", "bar_solid": True, "min_type": "num", "min_value": 0})


def registers_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame = views.registers(inp)
    w = new_sheet(book, formats, "Registers", "Registers: issues, risks, change requests, next targets",
                   "The papers' free-text registers, one row per entry; filter on Register.")
    write_table(w, HEADER_ROW, 0, "tblRegisters", frame, views.REGISTER_COLS)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=1)


def quality_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.quality(inp), views.QUALITY_COLS
    w = new_sheet(book, formats, "Data quality", "Data quality: the checks' findings",
                   "Papers read badly first, then errors, warnings and information. Each row links to the "
                   "paper it concerns.",
                   tab="#C65911")
    last_col = write_table(w, HEADER_ROW, 0, "tblFindings", frame, cols).last_col
    page_setup(w.sheet, HEADER_ROW, freeze_cols=2)
    rows = f"A{HEADER_ROW + 2}:{xl_col_to_name(last_col)}{HEADER_ROW + 1 + max(len(frame), 1)}"
    for label, (fill, font) in SEVERITY_COLOURS.items():
        w.sheet.conditional_format(rows, {
            "type": "formula", "criteria": f'=$A{HEADER_ROW + 2}="{label}"',
            "format": formats.get(bg_color=fill, font_color=font)})


def sources_sheet(book: Workbook, formats: Formats, inp: Inputs) -> None:
    frame, cols = views.sources(inp), views.SOURCES_COLS
    where = ("to where the papers are published" if inp.published_location
             else "to its copy in raw/ (beside this workbook's outputs/ folder)")
    w = new_sheet(book, formats, "Sources", "Sources: every paper seen",
                   f"Each paper links {where}. A quarantined paper gives no data; the reason says why. "
                   "Below the papers: the entries of the shared folder that were not read (not papers, links, "
                   "unreadable), and why.")
    placed = write_table(w, HEADER_ROW, 0, "tblSources", frame, cols)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=1)
    colour_values(w, column_range(cols, "Status", len(frame)), STATUS_COLOURS)
    if inp.skipped:  # under the papers, in their first columns (an Excel table's columns are one width)
        top = placed.last_row + 3
        w.sheet.write_string(top - 1, 0, f"Not read: {len(inp.skipped)} entr{'y' if len(inp.skipped) == 1 else 'ies'} "
                             "of the shared folder", formats.get(bold=True))
        widths = placed.widths[: len(views.SKIPPED_COLS)]
        write_table(w, top, 0, "tblSkipped", views.skipped(inp), views.SKIPPED_COLS, widths=widths)
