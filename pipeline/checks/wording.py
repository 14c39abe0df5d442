"""Findings of the contract's checks worded for a person: what is wrong with which action, where.

:func:`describe` turns a row that fails an expectation (a row of a frame :mod:`pipeline.checks.derive`
builds) into a finding's message, column and value; a check a programme office added itself gets a
plain sentence naming the column and the value rejected.
"""

from __future__ import annotations

from typing import Any

from pipeline.checks import derive
from pipeline.findings import position
from pipeline.interpret.normalise import LOOKALIKES

Row = dict[str, Any]


def day(value: Any) -> str:
    d = derive.as_date(value)
    return d.strftime("%d/%m/%Y") if d else "an unknown date"


def pct(value: Any) -> str:
    return "unknown" if value is None else f"{float(value):g}%"


def iso(value: Any) -> str | None:
    d = derive.as_date(value)
    return d.isoformat() if d else None


def label(row: Row) -> str:
    """'Action 5', or the start of its description where the paper numbers nothing."""
    if row.get("ref"):
        return f"Action {row['ref']}"
    text = str(row.get("description") or "").strip()
    if not text:
        return "An action"
    return f"Action '{text[:57]}...'" if len(text) > 60 else f"Action '{text}'"


def where(row: Row) -> str:
    """Where in its paper the row was read: ' (page 2, table 1, row 5)'."""
    return position(row.get("page"), row.get("table_index"), row.get("row_index"))


Wording = tuple[str | None, Any, str]  # the contract column, the value as found, the message


def _percent_range(row: Row, column: str | None) -> Wording:
    raw = row.get("percent_raw") if row.get("percent_raw") is not None else row.get("percent_complete")
    what = "cannot be read as a percentage" if column == "percent_readable" else "is not a percentage from 0 to 100"
    return "percent_complete", raw, f"{label(row)}: progress '{raw}' on {day(row.get('as_of'))} {what}"


def _mixed(row: Row, column: str | None) -> Wording:
    without, with_ = row.get("percent_example_without"), row.get("percent_example_with")
    return "percent_raw", f"'{without}' and '{with_}'", (
        f"{row.get('file_name') or 'This paper'} writes percentages both without '%' "
        f"({row.get('percent_without')}, e.g. '{without}') and with it ({row.get('percent_with')}, e.g. '{with_}')")


def _due_date(row: Row, column: str | None) -> Wording:
    return "due_date", row.get("due_raw"), (
        f"{label(row)}: target date '{row.get('due_raw')}' cannot be read as a date{where(row)}")


def _overdue(row: Row, column: str | None) -> Wording:
    return "due_date", iso(row.get("latest_due_date")), (
        f"{label(row)}: due {day(row.get('latest_due_date'))}, progress {pct(row.get('latest_percent'))} "
        f"on {day(row.get('latest_as_of'))} ({row.get('overdue_days')} days overdue)")


def _regressed(row: Row, column: str | None) -> Wording:
    return "percent_complete", f"{row.get('percent_complete'):g}", (
        f"{label(row)}: progress fell from {pct(row.get('previous_percent'))} on {day(row.get('previous_as_of'))} "
        f"to {pct(row.get('percent_complete'))} on {day(row.get('as_of'))}")


def _stalled(row: Row, column: str | None) -> Wording:
    gain = row.get("progress_gain_open") or 0
    since = (f"unchanged since {day(row.get('previous_as_of'))}" if not gain else
             f"up only {gain:g} points since {day(row.get('previous_as_of'))}")
    return "percent_complete", f"{row.get('percent_complete'):g}", (
        f"{label(row)}: progress {pct(row.get('percent_complete'))} on {day(row.get('as_of'))}, {since}")


def _revised(row: Row, column: str | None) -> Wording:
    how = ("the paper prints the original in brackets" if row.get("source") == "bracket"
           else "a later paper moves it")
    days = row.get("days_moved")
    moved = f"{abs(days)} days {'later' if days > 0 else 'earlier'}" if days else "moved"
    return "due_date", iso(row.get("new_due_date")), (
        f"{label(row)}: target date revised from {day(row.get('old_due_date'))} to {day(row.get('new_due_date'))} "
        f"({moved}; {how}, report of {day(row.get('as_of'))})")


def _lead_missing(row: Row, column: str | None) -> Wording:
    return "lead", None, f"{label(row)}: no lead officer"


def _nonlatin(row: Row, column: str | None) -> Wording:
    raw = str(row.get("lead_raw"))
    letters = ", ".join(dict.fromkeys(ch for ch in raw if ch in LOOKALIKES))
    return "lead_raw", raw, (f"{label(row)}: lead '{raw}' is typed with look-alike non-Latin letters ({letters}); "
                             f"read as '{row.get('lead')}'")


def _lead_unknown(row: Row, column: str | None) -> Wording:
    return "lead", row.get("lead"), (
        f"{label(row)}: lead '{row.get('lead')}' is not in the register of leads for {row.get('organisation')}")


def _priority(row: Row, column: str | None) -> Wording:
    return "priority", None, f"{label(row)}: no priority, though the paper gives priorities{where(row)}"


def _rag(row: Row, column: str | None) -> Wording:
    return "rag", row.get("rag"), (f"{label(row)}: RAG '{row.get('rag')}' with progress "
                                   f"{pct(row.get('percent_complete'))} on {day(row.get('as_of'))}")


def _not_reported(row: Row, column: str | None) -> Wording:
    return "action_id", iso(row.get("last_reported_on")), (
        f"{label(row)}: reported on {day(row.get('last_reported_on'))} but missing from the paper of "
        f"{day(row.get('latest_report_date'))}")


def _duplicate(row: Row, column: str | None) -> Wording:
    col = "ref" if row.get("ref") else "description"
    return col, row.get(col), (f"{label(row)} appears more than once in {row.get('source_file') or 'the paper'}; "
                               f"again at{where(row) or ' a later row'}")


WORDING = {
    "percent_in_range": _percent_range, "percent_format_mixed": _mixed, "due_date_parsed": _due_date,
    "overdue": _overdue, "progress_regressed": _regressed, "progress_stalled": _stalled,
    "target_date_revised": _revised, "lead_missing": _lead_missing, "lead_nonlatin": _nonlatin,
    "lead_unknown": _lead_unknown, "priority_missing": _priority, "rag_inconsistent": _rag,
    "action_not_reported": _not_reported, "duplicate_action": _duplicate,
}
DOC_COLUMN = {"action_not_reported": "not_reported_doc_id"}  # the paper a finding is about, where not doc_id


def describe(check: str, column: str | None, row: Row) -> Row:
    """The message, doc_id, action_id, column and value of a finding on ``row`` of a frame."""
    doc = row.get(DOC_COLUMN.get(check, "doc_id")) or row.get("doc_id")
    col: str | None
    if check in WORDING:
        col, value, message = WORDING[check](row, column)
    else:  # a check a programme office added: say what was rejected
        col, value = column, row.get(column) if column else None
        message = f"{label(row) if row.get('action_id') else 'Paper'}: {column} = {value!r} fails the {check} check"
    return {"message": message, "doc_id": doc, "action_id": row.get("action_id"), "column": col, "value": value}
