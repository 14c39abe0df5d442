"""The consolidated tracking workbook analysts open in Excel: ``outputs/tracker.xlsx``.

Sheets: Dashboard, Progress history, Timeline, Target changes, Registers, Data quality, Sources,
About (see :mod:`pipeline.publish.workbook.about` for what each shows and how to read it).

- Paper text is never a formula: the workbook is written with ``strings_to_formulas`` (and
  ``strings_to_numbers``, ``strings_to_urls``) off, every text cell with ``write_string``, and a
  quote prefix on text a spreadsheet could take for a formula.
- Text Excel cannot hold is cleaned, not fatal: :func:`write_workbook` returns the findings
  (``text_chars_removed``, ``text_truncated``; see :mod:`pipeline.publish.workbook.text`) for the run to
  add to the findings table; they also appear on the Data quality sheet.
- Reproducible: the document date is the latest date in the papers (not the clock), so the same
  tables and :class:`RunInfo` give a byte-identical file. It is built in memory, then moved into
  place through a temporary file (:func:`pipeline.staging.atomic_write_bytes`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

from pipeline import schema
from pipeline.schema import as_date, records
from pipeline.staging import atomic_write_bytes
from pipeline.publish.workbook.about import SHEETS, RunInfo, about_sheet
from pipeline.publish.workbook.dashboard import dashboard_sheet, timeline_sheet
from pipeline.publish.workbook.inputs import Inputs
from pipeline.publish.workbook.sheets import history_sheet, quality_sheet, registers_sheet, sources_sheet, targets_sheet
from pipeline.publish.workbook.text import clean_tables
from pipeline.publish.workbook.xl import Formats

__all__ = ["RunInfo", "build_workbook", "write_workbook"]

FALLBACK_DATE = dt.datetime(2000, 1, 1)
SHEET_ORDER = [*(name for name, _ in SHEETS), "About"]
WITHOUT_FINDINGS = (dashboard_sheet, history_sheet, timeline_sheet, targets_sheet, registers_sheet)
WITH_FINDINGS = (quality_sheet, sources_sheet)
Records = list[dict[str, Any]]


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


def build_workbook(inp: Inputs, info: RunInfo, findings: Callable[[], Records] | None = None) -> bytes:
    """The workbook's bytes (no file is touched). ``findings``, when given, is called for the
    findings once the sheets that show none are written: the run validates meanwhile."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "remove_timezone": True,
    })
    formats = Formats(book)
    for name in SHEET_ORDER:  # in the order Excel shows them; each is filled below
        book.add_worksheet(name)
    for write in WITHOUT_FINDINGS:
        write(book, formats, inp)
    if findings is not None:
        inp.findings = findings()
    for write in WITH_FINDINGS:
        write(book, formats, inp)
    about_sheet(book, formats, inp, info)
    book.set_properties(_properties(inp, info))
    book.set_size(1600, 1000)
    book.close()
    return buffer.getvalue()


def _clean_data(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Every table but the findings made storable, and the findings that raises."""
    return clean_tables({name: t for name, t in tables.items() if name != "findings"})


def text_findings(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The findings :func:`write_workbook` raises on ``tables`` (text Excel cannot hold), without
    writing anything: the same function of the same tables."""
    return _clean_data(tables)[1]


def with_text_findings(findings: pd.DataFrame, raised: pd.DataFrame) -> pd.DataFrame:
    """The findings table with the workbook's text findings after the others."""
    if not len(raised):
        return findings
    return schema.conform("findings", records(findings) + records(raised))


def write_workbook(tables: dict[str, pd.DataFrame], path: Path, run_info: RunInfo | None = None,
                   findings: Callable[[], pd.DataFrame] | None = None) -> pd.DataFrame:
    """Write the tracking workbook to ``path`` atomically; returns the findings its writing raised.

    ``tables`` holds the contract's tables (documents, actions, snapshots, items, findings) and
    optionally ``target_changes`` and ``rows``; any that is missing gives a sheet with headers only.
    ``findings``, when given, gives the findings table instead of ``tables['findings']``, called
    only once the sheets without findings are written. The returned frame has the findings table's
    columns (empty where no text needed cleaning).
    """
    cleaned, raised = _clean_data(tables)
    inp = Inputs.build(cleaned, path.parent)

    def all_findings() -> Records:
        found = findings() if findings is not None else tables.get("findings")
        shown = None if found is None else clean_tables({"findings": found})[0]["findings"]
        before = [] if shown is None else records(schema.conform("findings", shown))
        return records(schema.conform("findings", [*before, *records(raised)]))

    atomic_write_bytes(path, build_workbook(inp, run_info or RunInfo(), all_findings))
    return raised
