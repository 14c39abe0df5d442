"""The Changes sheet: what moved between each plan's latest paper and the one before (the
contract's ``changes`` table), worst first, with the counts above it and a Notes column.

The counts are one line above the table's header (new, completed, RAG worse, target slipped,
dropped), so that only the header row is frozen below the title; the Summary sheet shows the same
counts per plan (:func:`plan_counts`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.workbook import Workbook

from pipeline import schema
from pipeline.consolidate.changes import counts
from pipeline.publish.workbook.inputs import RAG_LABELS, Inputs, frame, rag_label, sort_key, val
from pipeline.publish.workbook.sheets import HEADER_ROW, RAG_COLOURS, colour_values, column_range, new_sheet
from pipeline.publish.workbook.views import ACTION_COLS, ACTION_ID, NOTES, PAPER, plan_labels
from pipeline.publish.workbook.xl import Col, Formats, SheetWriter, page_setup, write_table
from pipeline.schema import as_date, missing

SHEET = "Changes"
STATUS_LABELS = {"new": "New", "dropped": "Dropped", "continuing": "Continuing"}
RAG_CHANGE_LABELS = {"better": "Better", "worse": "Worse", "same": "Same"}
COUNT_LABELS = {"new": "new", "completed": "completed", "worse": "RAG worse", "slipped": "target slipped",
                "dropped": "dropped"}
COUNT_HEADERS = {"new": "New", "completed": "Completed", "worse": "RAG worse", "slipped": "Target slipped",
                 "dropped": "Dropped"}
CHANGES_COLS = [
    *ACTION_COLS, Col("Description", width=50, wrap=True), Col("Status", width=11),
    Col("Previous % complete", "percent", width=10), Col("% complete", "percent", width=10),
    Col("Change in progress", "change", width=10), Col("Previous RAG", width=12), Col("RAG", width=12),
    Col("RAG change", width=10), Col("Completed", width=11), Col("Previous due date", "date"),
    Col("Due date", "date"), Col("Days moved", "int", width=9), PAPER, NOTES, ACTION_ID,
]
COUNT_COLS = [
    Col("Plan", width=40, wrap=True), Col("Previous paper", "date", width=12), Col("Latest paper", "date", width=12),
    *(Col(header, "count", width=12) for header in COUNT_HEADERS.values()),
]
STATUS_COLOURS = {"New": ("#DDEBF7", "#1F4E78"), "Dropped": ("#EDEDED", "#404040")}
CHANGE_COLOURS = {"Worse": ("#FFC7CE", "#9C0006"), "Better": ("#C6EFCE", "#006100")}


def changes_table(inp: Inputs) -> pd.DataFrame:
    table = inp.tables.get("changes")
    return table if table is not None else schema.empty("changes")


def counts_line(numbers: dict[str, int]) -> str:
    """'2 new, 2 completed, 2 RAG worse, 1 target slipped, 2 dropped'."""
    return ", ".join(f"{numbers[key]} {label}" for key, label in COUNT_LABELS.items())


def changes(inp: Inputs, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per change, in the table's order (worst first), with the analysts' ``notes`` by action id."""
    notes = notes or {}
    rows = []
    for c in inp.changes:
        aid = c["action_id"]
        shown = inp.action_columns(aid)
        dropped = c.get("status") == "dropped"
        rows.append({
            **shown, "Organisation": shown["Organisation"] or val(c, "organisation"),
            "Plan": shown["Plan"] or val(c, "plan"), "Status": STATUS_LABELS.get(c["status"], val(c, "status")),
            "Previous % complete": val(c, "previous_percent"), "% complete": val(c, "percent_complete"),
            "Change in progress": val(c, "percent_change"), "Previous RAG": rag_label(val(c, "previous_rag")),
            "RAG": rag_label(val(c, "rag")), "RAG change": RAG_CHANGE_LABELS.get(val(c, "rag_change") or ""),
            "Completed": "Yes" if c.get("completed") else None,
            "Previous due date": as_date(val(c, "previous_due_date")), "Due date": as_date(val(c, "due_date")),
            "Days moved": val(c, "days_moved"),
            "Paper": inp.paper(val(c, "previous_doc_id") if dropped else val(c, "doc_id")), "Notes": notes.get(aid),
        })
    return frame(rows, CHANGES_COLS)


def plan_counts(inp: Inputs) -> pd.DataFrame:
    """Per plan compared (in the actions' order): the two papers' dates and what changed between them."""
    table = changes_table(inp)
    if table.empty:
        return frame([], COUNT_COLS)
    keys = list(dict.fromkeys(zip(table["organisation"], table["plan"], strict=True)))
    keys = [(None if missing(o) else o, None if missing(p) else p) for o, p in keys]
    keys.sort(key=lambda k: (sort_key(k[0]), sort_key(k[1])))
    labels = plan_labels(keys)
    rows = []
    for org, plan in keys:
        mine = table[(table["organisation"].fillna("") == (org or "")) & (table["plan"].fillna("") == (plan or ""))]
        got = counts(mine)
        first = schema.records(mine.head(1))[0]
        rows.append({"Plan": labels[(org, plan)],
                     "Previous paper": _report_date(inp, first.get("previous_doc_id")),
                     "Latest paper": _report_date(inp, first.get("doc_id")),
                     **{header: got[key] for key, header in COUNT_HEADERS.items()}})
    return frame(rows, COUNT_COLS)


def _report_date(inp: Inputs, doc_id: Any) -> Any:
    return as_date(val(inp.docs.get(doc_id), "report_date")) if not missing(doc_id) else None


def changes_sheet(book: Workbook, formats: Formats, inp: Inputs, notes: dict[str, str] | None = None) -> None:
    table = changes(inp, notes)
    numbers = counts(changes_table(inp))
    plans = len({(c.get("organisation"), c.get("plan")) for c in inp.changes})
    said = (f"Since the previous paper: {counts_line(numbers)} ({plans} plan{'s' if plans != 1 else ''} compared). "
            "Worst first: RAG worse, progress fallen, target later, dropped, new, the rest; completed last.")
    if not inp.changes:
        said = "No plan has two papers yet: changes appear once a plan's next paper is read."
    w = new_sheet(book, formats, SHEET, "Changes: what moved since each plan's previous paper", said, tab="#C00000")
    write_table(w, HEADER_ROW, 0, "tblChanges", table, CHANGES_COLS)
    page_setup(w.sheet, HEADER_ROW, freeze_cols=3)
    _colour(w, len(table))


def _colour(w: SheetWriter, n: int) -> None:
    cols, fmt = CHANGES_COLS, w.formats
    for header in ("RAG", "Previous RAG"):
        colour_values(w, column_range(cols, header, n), RAG_COLOURS)
    colour_values(w, column_range(cols, "RAG change", n), CHANGE_COLOURS)
    colour_values(w, column_range(cols, "Status", n), STATUS_COLOURS)
    colour_values(w, column_range(cols, "Completed", n), {"Yes": RAG_COLOURS[RAG_LABELS["complete"]]})
    for header, worse in (("Change in progress", "<"), ("Days moved", ">")):
        better = ">" if worse == "<" else "<"
        cells = column_range(cols, header, n)
        w.sheet.conditional_format(cells, {"type": "cell", "criteria": worse, "value": 0,
                                           "format": fmt.get(font_color="#C00000", bold=True)})
        w.sheet.conditional_format(cells, {"type": "cell", "criteria": better, "value": 0,
                                           "format": fmt.get(font_color="#006100")})
