"""The consolidated tracking workbook analysts open in Excel: ``outputs/tracker.xlsx``.

Sheets: Summary, Dashboard, Changes, Chase list, Progress history, Timeline, Target changes,
Registers, Data quality, Sources, Notes kept, a print view per plan ('Print – <plan>'), About (see
:mod:`pipeline.publish.workbook.about` for what each shows and how to read it).

- Paper text is never a formula: the workbook is written with ``strings_to_formulas`` (and
  ``strings_to_numbers``, ``strings_to_urls``) off, every text cell with ``write_string``, and a
  quote prefix on text a spreadsheet could take for a formula. The analysts' notes carried over
  from the previous workbook are written the same way.
- Text Excel cannot hold is cleaned, not fatal: :func:`begin` says what it changed as findings
  (``text_chars_removed``, ``text_truncated``; see :mod:`pipeline.publish.workbook.text`) for the
  run to add to the findings table; they also appear on the Data quality sheet.
- Notes survive the rebuild: :func:`begin` reads the notes of the workbook it replaces
  (``previous``) and puts each back on its action's row, or on Notes kept
  (:mod:`pipeline.publish.workbook.notes`); a previous workbook that cannot be read stops nothing.
- Written in two steps, so that the run can check the tables meanwhile: :func:`begin` writes the
  sheets that show no findings, :func:`finish` the rest, given the run's findings, and returns the
  workbook's bytes; the run puts them in place.
- Reproducible: the document date is the latest date in the papers (not the clock), so the same
  tables, :class:`RunInfo` and previous notes give a byte-identical file. It is built in memory.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

from pipeline import schema
from pipeline.findings import Finding
from pipeline.publish.workbook.about import RunInfo, about_sheet, guide
from pipeline.publish.workbook.changes_sheet import changes_sheet
from pipeline.publish.workbook.chase_sheet import chase_sheet
from pipeline.publish.workbook.dashboard import dashboard_sheet, timeline_sheet
from pipeline.publish.workbook.inputs import Inputs
from pipeline.publish.workbook.notes import Carried, carry, kept_sheet, previous_notes
from pipeline.publish.workbook.print_view import PRINT_COLS, print_scale, print_sheets, sheet_names
from pipeline.publish.workbook.sheets import history_sheet, quality_sheet, registers_sheet, sources_sheet, targets_sheet
from pipeline.publish.workbook.summary import SHEET as SUMMARY
from pipeline.publish.workbook.summary import summary_sheet, to_do
from pipeline.publish.workbook.text import clean_tables, clean_text
from pipeline.publish.workbook.xl import Formats, SheetWriter
from pipeline.schema import as_date, records

FALLBACK_DATE = dt.datetime(2000, 1, 1)
WITHOUT_FINDINGS = (history_sheet, timeline_sheet, targets_sheet, registers_sheet)
WITH_FINDINGS = (quality_sheet, sources_sheet)


def document_date(inp: Inputs) -> dt.datetime:
    """The workbook's fixed created date: the latest report, committee or as-of date in the input."""
    dates = [as_date(d[k]) for d in inp.documents for k in ("report_date", "committee_date")]
    dates += [as_date(s["as_of"]) for s in inp.snapshots]
    known = [d for d in dates if d is not None]
    if not known:
        return FALLBACK_DATE
    latest = max(known)
    return dt.datetime(latest.year, latest.month, latest.day)


def _properties(inp: Inputs, info: RunInfo) -> dict[str, Any]:
    return {
        "title": "Best Value audit progress tracker",
        "subject": "Council Best Value audit action plans: progress, targets, registers, data quality",
        "author": "bvtrack", "company": "", "category": "Best Value audit tracking",
        "keywords": "Best Value, audit, action plan, progress",
        "comments": f"Written by bvtrack {info.version} from {len(inp.documents)} paper(s).",
        "created": document_date(inp),
    }


@dataclass
class Draft:
    """A workbook being written in memory: the sheets that show no findings are done."""

    book: xlsxwriter.Workbook
    buffer: io.BytesIO
    formats: Formats
    inputs: Inputs
    info: RunInfo
    text_findings: list[Finding]  # what making the paper text storable changed
    notes: Carried  # the analysts' notes carried from the previous workbook
    sheets: list[tuple[str, str]]  # the guide on About: each sheet and what it shows
    to_do_row: int  # where on Summary the chase list's counts go


def begin(tables: dict[str, pd.DataFrame], info: RunInfo, out_dir: Path, previous: Path | None = None,
          published_location: str | None = None) -> Draft:
    """Start the workbook for ``out_dir`` (paper links are relative to it, or go to
    ``published_location`` where it is set) and write the sheets that show no findings, with the
    notes of the workbook it replaces (``previous``, where there is one) carried over.

    ``tables`` holds the contract's tables (documents, actions, snapshots, items, changes) and
    optionally ``target_changes``, ``rows`` and ``document_plans``; a missing one gives a sheet with
    headers only. Its text is made storable first (:func:`pipeline.publish.workbook.text.clean_tables`).
    """
    cleaned, text_findings = clean_tables({name: t for name, t in tables.items() if name != "findings"})
    inputs = Inputs.build(cleaned, out_dir, published_location)
    inputs.skipped = [(clean_text(name)[0], clean_text(why)[0]) for name, why in info.skipped]
    notes = _carried(inputs, previous, info.started or dt.datetime.now())
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "remove_timezone": True,
    })
    formats = Formats(book)
    printed = sheet_names(inputs)
    sheets = guide(list(printed.values()), print_scale(PRINT_COLS))
    for name in [*(name for name, _ in sheets), "About"]:  # in the order Excel shows them; each is filled below
        book.add_worksheet(name)
    dash = dashboard_sheet(book, formats, inputs, notes.on("Dashboard"))
    to_do_row = summary_sheet(book, formats, inputs, dash)
    changes_sheet(book, formats, inputs, notes.on("Changes"))
    for write in WITHOUT_FINDINGS:
        write(book, formats, inputs)
    kept_sheet(book, formats, inputs, notes)
    print_sheets(book, formats, inputs, dash, printed)
    return Draft(book, buffer, formats, inputs, info, text_findings, notes, sheets, to_do_row)


def _carried(inputs: Inputs, previous: Path | None, when: dt.datetime) -> Carried:
    """The previous workbook's notes, each for its row on the sheet it came from, or kept."""
    found, problem = previous_notes(previous, when)
    rows = {"Dashboard": set(inputs.actions), "Changes": {c["action_id"] for c in inputs.changes}}
    notes = carry(found, rows, when.date())
    notes.problem = problem
    return notes


def finish(draft: Draft, findings: pd.DataFrame) -> bytes:
    """The sheets that show ``findings`` (the run's findings table, with ``current``): the Chase list,
    Data quality, Sources, the Summary's to-do lines, the About sheet; the bytes."""
    shown = schema.conform("findings", clean_tables({"findings": findings})[0]["findings"])
    draft.inputs.findings = records(shown)
    today = (draft.info.started or document_date(draft.inputs)).date()
    chase = chase_sheet(draft.book, draft.formats, draft.inputs, shown, today)
    for write in WITH_FINDINGS:
        write(draft.book, draft.formats, draft.inputs)
    summary = SheetWriter(draft.book.get_worksheet_by_name(SUMMARY), draft.formats)
    to_do(summary, draft.to_do_row, chase, len(draft.notes.kept))
    about_sheet(draft.book, draft.formats, draft.inputs, draft.info, draft.sheets)
    draft.book.set_properties(_properties(draft.inputs, draft.info))
    draft.book.set_size(1600, 1000)
    draft.book.close()
    return draft.buffer.getvalue()
