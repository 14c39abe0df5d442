"""The About sheet: when the run happened, on which papers, with which version, how to read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from xlsxwriter.workbook import Workbook

from pipeline import __version__
from pipeline.publish.workbook import views
from pipeline.publish.workbook.inputs import STATUS_LABELS, Inputs, missing, val
from pipeline.publish.workbook.text import CHECK_CHARS_REMOVED, CHECK_TRUNCATED, clean_text
from pipeline.publish.workbook.xl import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    Col,
    Formats,
    Link,
    SheetWriter,
    sheet_heading,
    sheet_named,
    write_table,
)
from pipeline.schema import as_date

SHEETS = [
    ("Summary", "Counts by plan: what changed since each plan's previous paper, where each plan stands at its "
                "latest paper (actions by RAG, overdue, average progress), a chart of the RAG mix, and what to do."),
    ("Dashboard", "Every action at its latest snapshot: owner, dates, % complete, previous RAG and RAG, overdue; "
                  "a Notes column for yours."),
    ("Changes", "What moved between each plan's latest paper and the one before: new, dropped and completed "
                "actions, RAG better or worse, points of progress, days a target moved; worst first, the counts "
                "above; a Notes column for yours."),
    ("Chase list", "Who to ask about what: current findings for each lead officer and their actions due in the "
                   "next 60 days; below, the papers and data the programme office should fix."),
    ("Progress history", "Every snapshot, one row per action per as-of date, with the commentary."),
    ("Timeline", "Actions down, as-of dates across, % complete in the cells; above it, average progress "
                 "per plan and its chart."),
    ("Target changes", "Every revision of a due date: old, new, days slipped, the paper."),
    ("Registers", "Issues, risks, change requests and targets for the next period."),
    ("Data quality", "The checks' findings, errors first, each linked to its paper."),
    ("Sources", "Every paper seen: status, why it was quarantined, dates, counts, link to its copy; "
                "below, every entry of the shared folder that was not read, and why."),
    ("Notes kept", "Notes typed on the Dashboard or Changes whose action is no longer on that sheet: kept, with "
                   "where they came from and since when, and carried to every new workbook."),
]
PRINT_VIEW = ("One plan's actions for printing: ref, action, lead, due date, progress, previous RAG and RAG, "
              "the latest commentary; A4 landscape at {scale}% or more, headers repeated on every page.")
CONVENTIONS = [
    ("Dates", "Real Excel dates shown dd/mm/yyyy, so they sort and filter as dates. A target given as a "
              "month or quarter is its last day."),
    ("Percentages", "Stored as fractions 0 to 1 and shown with the format 0% (40% is the number 0.4), "
                    "so they add, average and chart correctly. '% as printed' keeps the paper's own text."),
    ("RAG", "Coloured from the value: Red, Amber, Green, Complete (blue), Not started (grey). Blank where "
            "the paper gives none."),
    ("Overdue", "Due before the as-of date of the action's latest paper and not complete (under 100% and "
                "not RAG Complete). Days overdue counts from the due date to that as-of date."),
    ("Last change in progress", "% complete at the latest snapshot less % complete at the one before, in "
                                "percentage points."),
    ("Action id", "A stable key: the same action keeps it in every paper and on every sheet."),
    ("Text from papers", "Always written as text, never as a formula. Text starting with = + - @ (or a tab "
                         "or line break) carries a quote prefix so it stays text if re-saved as CSV."),
    ("Text Excel cannot hold", f"Characters a cell cannot store are removed ({CHECK_CHARS_REMOVED}) and text "
                               f"over 32,767 characters is cut ({CHECK_TRUNCATED}); both appear as warnings "
                               "on Data quality."),
    ("Links", "Paper links open the copy in raw/, relative to this file: keep outputs/ and raw/ side by "
              "side when moving the workspace."),
    ("Ref", "The paper's own action number. Whole numbers are stored as numbers; others ('1.3', '1.10', "
            "'4a') as text, exactly as printed ('1.10' is not '1.1')."),
    ("Previous RAG", "The action's RAG in its plan's paper before the latest (blank where that paper gave none)."),
    ("Notes", "Type your notes in the Notes column of Dashboard or Changes. When the workbook is rebuilt, each "
              "note goes back on its action's row (by Action id); a note whose action is no longer on the sheet "
              "is listed on Notes kept. Keep the Action id and Notes headers and columns as they are."),
    ("Reproducible", "The same papers give the same workbook byte for byte; its document date is the "
                     "latest date in the papers, not the time of the run."),
]


FIRST_WIDTH, SECOND_WIDTH = 46, 100


@dataclass(frozen=True)
class RunInfo:
    """What the About sheet says about the run (passed in, so tests can fix it)."""

    started: dt.datetime | None = None
    input_dir: str | None = None
    workspace: str | None = None
    version: str = __version__
    skipped: tuple[tuple[str, str], ...] = ()  # entries of the shared folder not read: (name, why)


def _text(value: Any) -> str:
    return clean_text(str(value))[0]


def run_rows(inp: Inputs, info: RunInfo) -> list[tuple[str, Any, Col]]:
    text, date, number = Col("Value", wrap=True), Col("Value", "date"), Col("Value", "int")
    statuses = [val(d, "status") for d in inp.documents]
    severities = [val(f, "severity") for f in inp.findings]
    as_of = [d for d in (as_date(s["as_of"]) for s in inp.snapshots) if d is not None]
    started = info.started.replace(tzinfo=None) if info.started is not None else None
    rows: list[tuple[str, Any, Col]] = [
        ("Run at", started if started else "not recorded", Col("Value", "datetime") if started else text),
        ("bvtrack version", info.version, text),
    ]
    if info.input_dir:
        rows.append(("Input folder", _text(info.input_dir), text))
    if info.workspace:
        rows.append(("Workspace", _text(info.workspace), text))
    rows += [("Papers seen", len(inp.documents), number)]
    rows += [(f"  {label}", statuses.count(status), number) for status, label in STATUS_LABELS.items()]
    rows += [
        ("Actions", len(inp.actions), number), ("Snapshots", len(inp.snapshots), number),
        ("Latest as-of date", max(as_of) if as_of else None, date),
        ("Findings", f"{severities.count('error')} errors, {severities.count('warning')} warnings, "
                     f"{severities.count('info')} info", text),
    ]
    return rows


def _run_table(w: SheetWriter, top: int, rows: list[tuple[str, Any, Col]]) -> int:
    for i, (item, value, spec) in enumerate(rows, start=top + 1):
        w.text(i, 0, item)
        if missing(value):
            w.text(i, 1, "none")
        elif spec.kind in ("date", "datetime", "int"):  # numbers left-aligned, under the text values
            number_format = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "int": "0"}[spec.kind]
            fmt = w.formats.get(num_format=number_format, align="left", valign="top")
            if spec.kind == "int":
                w.sheet.write_number(i, 1, int(value), fmt)
            else:
                w.sheet.write_datetime(i, 1, value, fmt)
        else:
            w.cell(i, 1, value, spec)
    last = top + max(len(rows), 1)
    w.sheet.add_table(top, 0, last, 1, {
        "name": "tblRun", "style": "Table Style Light 9",
        "columns": [{"header": "Item", "header_format": w.formats.header},
                    {"header": "Value", "header_format": w.formats.header}]})
    return last


def _conventions(inp: Inputs) -> list[tuple[str, str]]:
    if not inp.published_location:
        return CONVENTIONS
    published = ("Links", f"Paper links open the papers where they are published: {_text(inp.published_location)} "
                          "(the published_location setting).")
    return [published if topic == "Links" else (topic, text) for topic, text in CONVENTIONS]


def guide(print_names: list[str], scale: int) -> list[tuple[str, str]]:
    """Each sheet in the workbook's order with what it shows (the print views after Notes kept)."""
    return [*SHEETS, *((name, PRINT_VIEW.format(scale=scale)) for name in print_names)]


def about_sheet(book: Workbook, formats: Formats, inp: Inputs, info: RunInfo,
                sheets: list[tuple[str, str]] | None = None) -> None:
    sheet = sheet_named(book, "About")
    sheet.set_tab_color("#7F7F7F")
    w = SheetWriter(sheet, formats)
    sheet_heading(w, "About this workbook",
                  "Written by bvtrack from the council Best Value audit progress papers listed below.")
    sheet.set_column(0, 0, FIRST_WIDTH)
    sheet.set_column(1, 1, SECOND_WIDTH)
    row = _run_table(w, 2, run_rows(inp, info)) + 2
    sheet.write_string(row, 0, "Sheets", formats.get(bold=True))
    guide = views.frame(({"Sheet": Link(f"internal:'{name}'!A1", name, tip=f"Go to {name}"), "What it shows": what}
                         for name, what in (sheets or SHEETS)), [Col("Sheet"), Col("What it shows")])
    row = write_table(w, row + 1, 0, "tblSheets", guide, [Col("Sheet", "link", width=FIRST_WIDTH),
                      Col("What it shows", width=SECOND_WIDTH, wrap=True)]).last_row + 2
    sheet.write_string(row, 0, "How to read it", formats.get(bold=True))
    conventions = views.frame(({"Topic": t, "How to read it": h} for t, h in _conventions(inp)),
                              [Col("Topic"), Col("How to read it")])
    row = write_table(w, row + 1, 0, "tblConventions", conventions,
                      [Col("Topic", width=FIRST_WIDTH), Col("How to read it", width=SECOND_WIDTH, wrap=True)]
                      ).last_row + 2
    sheet.write_string(row, 0, "Papers", formats.get(bold=True))
    write_table(w, row + 1, 0, "tblPapers", views.sources(inp),
                [Col("Paper", "link", width=FIRST_WIDTH), Col("Title", width=SECOND_WIDTH, wrap=True),
                 Col("Report date", "date", width=13), Col("Status", width=13)])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
