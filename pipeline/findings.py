"""Findings: every problem the pipeline notices, as one kind of record, made in one way.

A finding is a row of the contract's findings table: the check that fired, its severity, the
paper and action it is about, the column and value at fault, and a message for a person that
says where (page, table, row) when it can. Every stage makes its findings with :func:`finding`
and hands them on as data; the run puts them together with :func:`collect`, in the order of the
stages that found them, and :func:`pipeline.schema.conform` makes them the findings table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Finding = dict[str, Any]  # one row of the findings table
SEVERITIES = ("error", "warning", "info")
MISREAD = ("paper_unread", "report_date_missing", "rows_unread")  # a paper read badly: shown first
# who acts on a finding (docs/data-contract.md, 'for'): the action's lead officer (the chase list), or
# the programme office (the paper or the data needs fixing); a check not named here is the office's
FOR_LEAD = ("overdue", "progress_regressed", "progress_stalled", "target_date_revised", "action_not_reported")


def audience(check: Any) -> str:
    """'lead' or 'office'."""
    return "lead" if check in FOR_LEAD else "office"


def finding(check: str, severity: str, message: str, *, doc_id: Any = None, action_id: Any = None,
            column: str | None = None, value: Any = None) -> Finding:
    """One finding; ``value`` is kept as text (None stays None)."""
    if severity not in SEVERITIES:
        raise ValueError(f"finding {check!r}: severity must be one of {SEVERITIES}, not {severity!r}")
    return {"check": check, "severity": severity, "doc_id": doc_id, "action_id": action_id,
            "column": column, "value": None if value is None else str(value), "message": message}


def position(page: Any = None, table: Any = None, row: Any = None) -> str:
    """' (page 2, table 1, row 5)': where in a paper, counted as a reader counts ('' if unknown).

    ``page`` is a page or sheet number already counted from 1; ``table`` and ``row`` count from 0.
    """
    parts = [f"{name} {int(value) + offset}" for name, value, offset in
             (("page", page, 0), ("table", table, 1), ("row", row, 1)) if _known(value)]
    return f" ({', '.join(parts)})" if parts else ""


def _known(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and value != value)


def collect(*stages: Iterable[Finding]) -> list[Finding]:
    """Each stage's findings in turn."""
    return [f for found in stages for f in found]
