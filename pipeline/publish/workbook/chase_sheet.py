"""The Chase list sheet: who to ask about what, as :func:`pipeline.publish.chase.chase_list` says.

One table, a line per thing to ask a lead officer about, grouped by lead (the lead's name starts
each group, repeated in grey on its other lines so that filtering keeps it): the current findings
for the lead (organisation, plan, ref, description, what is wrong, severity), then the lead's
actions due in the next 60 days that are not complete. Below it, 'Papers and data to fix': the
current findings for the programme office. Findings a later paper superseded are never here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from pipeline.publish.chase import Chase, ChaseLine, DueSoon, chase_list
from pipeline.publish.workbook.inputs import SEVERITY_LABELS, Inputs, frame, latest_snapshots, rag_label, val
from pipeline.publish.workbook.sheets import (
    HEADER_ROW,
    RAG_COLOURS,
    SEVERITY_COLOURS,
    colour_values,
    column_range,
    new_sheet,
)
from pipeline.publish.workbook.views import ACTION_ID, PAPER
from pipeline.publish.workbook.xl import Col, Formats, Link, SheetWriter, page_setup, write_table
from pipeline.schema import as_date

SHEET = "Chase list"
CHECK_LABELS = {"overdue": "Overdue", "progress_regressed": "Progress fell", "progress_stalled": "Progress stalled",
                "target_date_revised": "Target date moved", "action_not_reported": "Not in the latest paper"}
CHASE_COLS = [
    Col("Lead officer", width=26, wrap=True), Col("Organisation", width=18, wrap=True),
    Col("Plan", width=28, wrap=True), Col("Ref", "ref", width=7), Col("Description", width=45, wrap=True),
    Col("To ask about", width=20, wrap=True), Col("What is wrong", width=50, wrap=True), Col("Severity", width=10),
    Col("Due date", "date"), Col("% complete", "percent", width=11), Col("RAG", width=12), PAPER, ACTION_ID,
]
# under the chase table's first seven columns, whose widths suit these
FIX_COLS = [Col("Check", wrap=True), Col("Organisation", wrap=True), Col("Plan", wrap=True), Col("Ref", "ref"),
            Col("What is wrong", wrap=True), Col("Severity"), Col("Paper", "link")]


def _paper(inp: Inputs, doc_ids: list[str]) -> Link | None:
    return next((link for d in doc_ids if (link := inp.paper(d)) is not None), None)


State = dict[Any, tuple[Any, Any, Any]]  # action id -> its latest % complete, RAG and paper


def _state(inp: Inputs) -> State:
    return {aid: (val(snap, "percent_complete"), val(snap, "rag"), val(snap, "doc_id"))
            for aid, (snap, _) in latest_snapshots(inp.snapshots).items()}


def _finding_row(inp: Inputs, lead: str, line: ChaseLine, state: State) -> dict[str, Any]:
    pct, rag, _ = state.get(line.action_id, (None, None, None))
    return {"Lead officer": lead, "Organisation": line.organisation, "Plan": line.plan, "Ref": line.ref,
            "Description": line.description, "To ask about": CHECK_LABELS.get(line.check, line.check),
            "What is wrong": line.message, "Severity": SEVERITY_LABELS.get(line.severity, line.severity),
            "Due date": as_date(val(inp.actions.get(line.action_id or ""), "due_date")), "% complete": pct,
            "RAG": rag_label(rag), "Paper": _paper(inp, line.doc_ids), "Action id": line.action_id}


def _due_row(inp: Inputs, lead: str, due: DueSoon, chase: Chase, state: State) -> dict[str, Any]:
    days = (due.due_date - chase.today).days
    when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    doc_id = state.get(due.action_id, (None, None, None))[2] or inp.latest_doc(due.action_id)
    return {"Lead officer": lead, "Organisation": due.organisation, "Plan": due.plan, "Ref": due.ref,
            "Description": due.description, "To ask about": f"Due in the next {chase.horizon_days} days",
            "What is wrong": f"due {due.due_date:%d/%m/%Y} ({when}), not complete at the latest paper",
            "Due date": due.due_date, "% complete": due.percent_complete, "RAG": rag_label(due.rag),
            "Paper": inp.paper(doc_id), "Action id": due.action_id}


def chase_frame(inp: Inputs, chase: Chase) -> pd.DataFrame:
    state = _state(inp)
    rows = []
    for group in chase.leads:
        rows += [_finding_row(inp, group.lead, line, state) for line in group.findings]
        rows += [_due_row(inp, group.lead, due, chase, state) for due in group.due_soon]
    return frame(rows, CHASE_COLS)


def fix_frame(inp: Inputs, chase: Chase) -> pd.DataFrame:
    return frame(({"Check": line.check, "Organisation": line.organisation, "Plan": line.plan, "Ref": line.ref,
                   "What is wrong": line.message, "Severity": SEVERITY_LABELS.get(line.severity, line.severity),
                   "Paper": _paper(inp, line.doc_ids)} for line in chase.office), FIX_COLS)


def chase_sheet(book: Workbook, formats: Formats, inp: Inputs, findings: pd.DataFrame, today: dt.date) -> Chase:
    """The sheet, from the chase list of ``findings`` (the run's, with ``current``); returns that list."""
    chase = chase_list({**inp.tables, "findings": findings}, today)
    table, fix = chase_frame(inp, chase), fix_frame(inp, chase)
    lines = sum(len(g.findings) for g in chase.leads)
    due = sum(len(g.due_soon) for g in chase.leads)
    horizon_end = today + dt.timedelta(days=chase.horizon_days)
    said = (f"{lines} current finding{'s' if lines != 1 else ''} and {due} action{'s' if due != 1 else ''} due by "
            f"{horizon_end:%d/%m/%Y} (the next {chase.horizon_days} days, not complete), for "
            f"{len(chase.leads)} lead officer{'s' if len(chase.leads) != 1 else ''}; "
            f"{chase.superseded} finding{'s' if chase.superseded != 1 else ''} that later papers superseded "
            f"{'is' if chase.superseded == 1 else 'are'} not chased. Below: papers and data to fix ({len(fix)}).")
    w = new_sheet(book, formats, SHEET, f"Chase list: who to ask about what, as of {today:%d/%m/%Y}", said,
                  tab="#7030A0")
    placed = write_table(w, HEADER_ROW, 0, "tblChase", table, CHASE_COLS)
    page_setup(w.sheet, HEADER_ROW)
    colour_values(w, column_range(CHASE_COLS, "Severity", len(table)), SEVERITY_COLOURS)
    colour_values(w, column_range(CHASE_COLS, "RAG", len(table)), RAG_COLOURS)
    _group_by_lead(w, len(table))  # after the colours: a reader that applies one rule a cell keeps them
    top = placed.last_row + 3
    w.sheet.write_string(top - 1, 0, f"Papers and data to fix: {len(fix)} (for the programme office)",
                         formats.get(bold=True, font_size=12, font_color="#1F3864"))
    write_table(w, top, 0, "tblFix", fix, FIX_COLS, widths=placed.widths[:len(FIX_COLS)])
    colour_values(w, column_range(FIX_COLS, "Severity", len(fix), top), SEVERITY_COLOURS)
    return chase


def _group_by_lead(w: SheetWriter, n: int) -> None:
    """A line above each lead's first row; the name in grey on the lead's other rows."""
    if n < 2:
        return
    first, last = HEADER_ROW + 2, HEADER_ROW + 1 + n  # 1-based Excel rows of the data
    cells = f"A{first + 1}:{xl_col_to_name(len(CHASE_COLS) - 1)}{last}"
    w.sheet.conditional_format(cells, {"type": "formula", "criteria": f"=$A{first + 1}<>$A{first}",
                                       "format": w.formats.get(top=2, top_color="#7030A0")})
    w.sheet.conditional_format(f"A{first + 1}:A{last}", {"type": "formula", "criteria": f"=$A{first + 1}=$A{first}",
                                                         "format": w.formats.get(font_color="#A6A6A6")})

