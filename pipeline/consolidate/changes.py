"""What moved between the two latest papers of each plan: the contract's ``changes`` table.

For every plan with two papers or more, each action in its latest paper or the one before is a
row: ``new`` (only in the latest), ``dropped`` (only in the previous) or ``continuing``, with the
progress, RAG and target date each paper states for it (a paper's own current column, as it
prints it) and what changed: points of progress, RAG better or worse (red < amber < green <
complete; not started is apart), days a target moved, and whether it became complete.

Rows come worst first (:func:`worst_first`): RAG worse, progress fallen, target moved later,
dropped, then the rest, completed last. A plan with one paper has nothing to compare: no rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.schema import as_date, missing, number, ref_key

RAG_ORDER = {"red": 0, "amber": 1, "green": 2, "complete": 3}  # not_started is apart: no order with the others
ROW_COLUMNS = ("doc_id", "action_id", "plan_id", "organisation", "plan", "ref", "due_date")
SNAPSHOT_COLUMNS = ("doc_id", "action_id", "as_of", "percent_complete", "rag", "due_date", "is_current")
COUNTED = ("new", "completed", "worse", "slipped")  # the counts the Changes sheet and the report open with


def rag_change(previous: Any, latest: Any) -> str | None:
    """'better', 'worse' or 'same'; None where either is unknown or one of them is not_started."""
    if missing(previous) or missing(latest):
        return None
    if previous == latest:
        return "same"
    if previous not in RAG_ORDER or latest not in RAG_ORDER:
        return None
    return "better" if RAG_ORDER[latest] > RAG_ORDER[previous] else "worse"


def is_complete(percent: Any, rag: Any) -> bool:
    """Complete by its RAG, or at 100 % where the paper gives no RAG."""
    if not missing(rag):
        return bool(rag == "complete")
    return (number(percent) or 0) >= 100


def _state(rows: list[dict[str, Any]], snaps: list[dict[str, Any]]) -> dict[str, Any]:
    """What one paper states for one action: its current progress and RAG, and its target date."""
    current = [s for s in snaps if s.get("is_current")] or snaps
    dated = sorted(current, key=lambda s: (as_date(s.get("as_of")) or dt.date.min))
    snap = dated[-1] if dated else {}
    row = rows[0] if rows else {}
    due = as_date(row.get("due_date")) or as_date(snap.get("due_date"))
    return {"as_of": as_date(snap.get("as_of")), "percent": number(snap.get("percent_complete")),
            "rag": None if missing(snap.get("rag")) else snap.get("rag"), "due_date": due}


def _group(records: Iterable[dict[str, Any]]) -> dict[tuple[Any, Any], list[dict[str, Any]]]:
    out: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for r in records:
        out.setdefault((r["doc_id"], r["action_id"]), []).append(r)
    return out


def changes(rows: pd.DataFrame, snapshot_rows: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The changes table from every paper's action rows (``action_id``, ``plan_id``,
    ``organisation``, ``plan``, ``due_date``), their snapshot rows and the documents in paper order."""
    if rows.empty:
        return schema.empty("changes")
    order = {d: i for i, d in enumerate(documents["doc_id"])}
    report_date = {d: as_date(v) for d, v in zip(documents["doc_id"], documents["report_date"], strict=True)}
    row_records = schema.records(rows[[c for c in ROW_COLUMNS if c in rows.columns]])
    by_doc_action = _group(row_records)
    snaps_by = (_group(schema.records(snapshot_rows[[c for c in SNAPSHOT_COLUMNS if c in snapshot_rows.columns]]))
                if not snapshot_rows.empty else {})
    papers_of_plan: dict[Any, list[Any]] = {}
    for r in row_records:
        papers = papers_of_plan.setdefault(r["plan_id"], [])
        if r["doc_id"] not in papers:
            papers.append(r["doc_id"])
    out: list[dict[str, Any]] = []
    for papers in papers_of_plan.values():
        if len(papers) < 2:
            continue
        previous, latest = sorted(papers, key=lambda d: order.get(d, len(order)))[-2:]
        out += _plan_changes(previous, latest, row_records, by_doc_action, snaps_by, report_date)
    return schema.conform("changes", sorted(out, key=worst_first))


def _plan_changes(previous: Any, latest: Any, rows: list[dict[str, Any]],
                  by_doc_action: dict[tuple[Any, Any], list[dict[str, Any]]],
                  snaps_by: dict[tuple[Any, Any], list[dict[str, Any]]],
                  report_date: dict[Any, dt.date | None]) -> list[dict[str, Any]]:
    actions: dict[Any, dict[str, Any]] = {}  # action_id -> its row in the latest paper it is in
    for r in rows:
        if r["doc_id"] in (previous, latest):
            actions[r["action_id"]] = r
    out = []
    for aid, row in actions.items():
        was, now = ((doc, aid) in by_doc_action for doc in (previous, latest))
        before = _state(by_doc_action.get((previous, aid), []), snaps_by.get((previous, aid), []))
        after = _state(by_doc_action.get((latest, aid), []), snaps_by.get((latest, aid), []))
        status = "continuing" if was and now else "new" if now else "dropped"
        if not was:
            before = dict.fromkeys(before)
        if not now:
            after = dict.fromkeys(after)
        out.append({
            "action_id": aid, "organisation": row.get("organisation"), "plan": row.get("plan"),
            "previous_doc_id": previous, "doc_id": latest,
            "previous_as_of": before["as_of"] or (report_date.get(previous) if was else None),
            "as_of": after["as_of"] or (report_date.get(latest) if now else None),
            "status": status,
            "previous_percent": before["percent"], "percent_complete": after["percent"],
            "percent_change": None if before["percent"] is None or after["percent"] is None
            else after["percent"] - before["percent"],
            "previous_rag": before["rag"], "rag": after["rag"], "rag_change": rag_change(before["rag"], after["rag"]),
            "completed": now and is_complete(after["percent"], after["rag"])
            and not (was and is_complete(before["percent"], before["rag"])),
            "previous_due_date": before["due_date"], "due_date": after["due_date"],
            "days_moved": None if before["due_date"] is None or after["due_date"] is None
            else (after["due_date"] - before["due_date"]).days,
            # for ordering only (dropped by conform): the plan and the action's number
            "_ref": row.get("ref"),
        })
    return out


def worst_first(change: dict[str, Any]) -> tuple[Any, ...]:
    """RAG worse, progress fallen, a target moved later, dropped, new, the rest; completed last."""
    days = int(number(change.get("days_moved")) or 0)
    fell = (number(change.get("percent_change")) or 0) < 0
    rank = (0 if change.get("rag_change") == "worse" else 1 if fell else 2 if days > 0
            else 3 if change.get("status") == "dropped" else 4 if change.get("status") == "new"
            else 6 if change.get("completed") else 5)
    return (rank, -days, str(change.get("organisation") or ""), str(change.get("plan") or ""),
            ref_key(change.get("_ref")), str(change.get("action_id")))


def is_setback(change: dict[str, Any]) -> bool:
    """RAG worse, progress fallen, a target moved later, or dropped from the latest paper."""
    return worst_first(change)[0] <= 3


def counts(changes_table: pd.DataFrame) -> dict[str, int]:
    """New, completed, worse and slipped (a target moved later), and dropped, over the table."""
    if changes_table.empty:
        return dict.fromkeys((*COUNTED, "dropped"), 0)
    days = pd.to_numeric(changes_table["days_moved"], errors="coerce")
    return {"new": int((changes_table["status"] == "new").sum()),
            "completed": int(changes_table["completed"].fillna(False).astype(bool).sum()),
            "worse": int((changes_table["rag_change"] == "worse").sum()),
            "slipped": int((days > 0).sum()),
            "dropped": int((changes_table["status"] == "dropped").sum())}
