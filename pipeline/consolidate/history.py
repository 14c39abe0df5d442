"""An action's history across papers: one snapshot per as-of date, target-date changes, dated
decisions, and the actions a plan's latest paper no longer reports.

Every function takes rows that already carry ``action_id`` and the documents table in paper order
(oldest first), and returns new rows; nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from pipeline.consolidate.plans import slug
from pipeline.findings import Finding, finding
from pipeline.interpret.normalise import parse_single_date
from pipeline.schema import records

# fields merged as a unit when the winning paper leaves them blank
CONTENT: tuple[tuple[str, ...], ...] = (("percent_complete", "percent_raw"), ("rag",), ("status_text",),
                                        ("decisions",))
PERCENT_TOLERANCE = 0.5
DECISION_DATE = re.compile(
    r"(?P<date>\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:\d{4}|\d{2})(?![\d/.-])"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4})\s*(?P<sep>[:\-–—])\s*")
NOT_REPORTED_COLUMNS = ["action_id", "plan", "organisation", "last_reported_doc_id", "last_reported_on",
                        "latest_doc_id", "latest_report_date"]
TARGET_CHANGE_COLUMNS = ["action_id", "doc_id", "as_of", "old_due_date", "new_due_date", "source", "days_slipped"]
DECISION_COLUMNS = ["action_id", "doc_id", "decided_on", "text"]


# --- snapshots ------------------------------------------------------------------------------


def reconcile_snapshots(snaps: pd.DataFrame, documents: pd.DataFrame) -> tuple[list[dict[str, Any]], list[Finding]]:
    """One row per action per as-of date.

    Where several papers report the same date for an action, the row of the paper whose own
    report date it is wins, else the earliest paper's; blanks in it are filled from the others,
    and a percentage or RAG that disagrees is a ``snapshot_disagreement`` finding (warning).
    """
    rank = {d: i for i, d in enumerate(documents["doc_id"])}
    own_date = dict(zip(documents["doc_id"], documents["report_date"], strict=True))
    names = dict(zip(documents["doc_id"], documents["file_name"], strict=True))
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in records(snaps):
        key = (row["action_id"], row["as_of"]) if row["as_of"] is not None else (row["action_id"], row["doc_id"])
        groups.setdefault(key, []).append(row)
    out, findings = [], []
    for rows in groups.values():
        rows.sort(key=lambda r: (own_date.get(r["doc_id"]) != r["as_of"], not r.get("is_current"),
                                 rank.get(r["doc_id"], len(rank))))
        merged = dict(rows[0])
        for fields in CONTENT:
            if merged.get(fields[0]) is None:
                donor = next((r for r in rows[1:] if r.get(fields[0]) is not None), None)
                if donor is not None:
                    merged.update({f: donor.get(f) for f in fields})
        findings.extend(_disagreements(merged, rows[1:], names))
        out.append(merged)
    out.sort(key=lambda r: (r["action_id"], r["as_of"] is None, r["as_of"] or dt.date.min,
                            rank.get(r["doc_id"], len(rank))))
    return out, findings


def _disagreements(kept: dict[str, Any], others: list[dict[str, Any]], names: dict[Any, Any]) -> list[Finding]:
    found = []
    for other in others:
        if other["doc_id"] == kept["doc_id"]:
            continue
        a, b = kept.get("percent_complete"), other.get("percent_complete")
        if a is not None and b is not None and abs(float(a) - float(b)) > PERCENT_TOLERANCE:
            found.append(_disagreement(kept, other, "percent_complete", other.get("percent_raw") or b,
                                       kept.get("percent_raw") or a, names))
        if kept.get("rag") and other.get("rag") and kept["rag"] != other["rag"]:
            found.append(_disagreement(kept, other, "rag", other["rag"], kept["rag"], names))
    return found


def _disagreement(kept: dict[str, Any], other: dict[str, Any], column: str, value: Any, winner: Any,
                  names: dict[Any, Any]) -> Finding:
    return finding("snapshot_disagreement", "warning",
                   f"reports {value} at {kept['as_of']} where {names.get(kept['doc_id'])} reports {winner}: "
                   f"kept {winner}", doc_id=other["doc_id"], action_id=kept["action_id"], column=column, value=value)


# --- target dates ---------------------------------------------------------------------------


def target_changes(rows: pd.DataFrame) -> pd.DataFrame:
    """Each revision of an action's target date, oldest first.

    ``source`` is 'later paper' when a paper states another date than the previous paper did,
    'bracket' when a paper prints the original beside the revised date ('31-Mar-22 (30/09/2021)')
    and that original is not already in the action's history. ``rows`` are per-paper action
    rows in paper order.
    """
    out: list[dict[str, Any]] = []
    for aid, group in by_action(rows).items():
        stated: set[dt.date] = set()
        pairs: set[tuple[dt.date, dt.date]] = set()
        previous: dt.date | None = None
        for r in group:
            due, original = r.get("due_date"), r.get("original_due_date")
            changes = []
            if previous is not None and due is not None and due != previous:
                changes.append((previous, due, "later paper"))
            if original is not None and due is not None and original != due and original not in stated:
                changes.append((original, due, "bracket"))
            for old, new, source in changes:
                if (old, new) not in pairs:
                    pairs.add((old, new))
                    out.append({"action_id": aid, "doc_id": r["doc_id"], "as_of": r.get("report_date"),
                                "old_due_date": old, "new_due_date": new, "source": source,
                                "days_slipped": (new - old).days})
            stated.update(d for d in (due, original) if d is not None)
            previous = due if due is not None else previous
    return pd.DataFrame(out, columns=TARGET_CHANGE_COLUMNS)


def by_action(rows: pd.DataFrame) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for r in records(rows):
        grouped.setdefault(r["action_id"], []).append(r)
    return grouped


def original_due_date(group: list[dict[str, Any]]) -> dt.date | None:
    """The earliest target ever stated: the first paper's date or any bracketed original,
    whichever is earlier; null when that is the current target (never revised)."""
    dues = [r["due_date"] for r in group if r.get("due_date") is not None]
    candidates = [r["original_due_date"] for r in group if r.get("original_due_date") is not None]
    candidates += dues[:1]
    first = min(candidates) if candidates else None
    current = dues[-1] if dues else None
    return first if first is not None and first != current else None


# --- decisions ------------------------------------------------------------------------------


def _decision_marks(text: str) -> list[re.Match[str]]:
    """Date prefixes that start a decision: at the start, or after a sentence ends, or (with a
    colon) after any space; '... due 1.4.21 - then review' is not one."""
    marks = []
    for m in DECISION_DATE.finditer(text):
        before = text[: m.start()].rstrip()
        at_start = not before or before[-1] in ".;!?"
        if at_start or (m.group("sep") == ":" and before != text[: m.start()]):
            marks.append(m)
    return marks


def split_decisions(text: str | None) -> list[tuple[dt.date | None, str]]:
    """'1.3.21: Change target date to May 2021' -> [(2021-03-01, 'Change target date to May 2021')].

    A cell may hold several dated decisions; text before the first date prefix is undated.
    """
    if not text or not text.strip():
        return []
    marks = _decision_marks(text)
    parts: list[tuple[dt.date | None, str]] = []
    head = text[: marks[0].start()] if marks else text
    if head.strip(" ;."):
        parts.append((None, head.strip()))
    ends = [m.start() for m in marks[1:]] + [len(text)] if marks else []
    for m, end in zip(marks, ends, strict=True):
        body = text[m.end(): end].strip()
        date, precision = parse_single_date(m.group("date"))
        if body:
            parts.append((date if precision == "day" else None, body))
    return parts


def decisions(snaps: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Dated decisions from snapshots' decisions text, each once (the first paper to state it)."""
    rank = {d: i for i, d in enumerate(documents["doc_id"])}
    rows = sorted((r for r in records(snaps) if r.get("decisions")),
                  key=lambda r: (rank.get(r["doc_id"], len(rank)), r["action_id"]))
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in rows:
        for decided_on, text in split_decisions(r["decisions"]):
            key = (r["action_id"], decided_on, slug(text))
            if key not in seen:
                seen.add(key)
                out.append({"action_id": r["action_id"], "doc_id": r["doc_id"], "decided_on": decided_on,
                            "text": text})
    return pd.DataFrame(out, columns=DECISION_COLUMNS)


# --- actions a plan's latest paper leaves out -----------------------------------------------


def not_reported(rows: pd.DataFrame) -> pd.DataFrame:
    """Actions of a plan that an earlier paper reported and the plan's latest paper does not.

    ``rows`` are per-paper action rows in paper order with ``plan_id``, ``plan``,
    ``organisation`` and ``report_date``. The latest paper is the plan's latest dated one; papers
    of that same date (one paper in two formats) count together.
    """
    out = []
    for _, plan_rows in _group(records(rows), "plan_id").items():
        dates = [r["report_date"] for r in plan_rows if r["report_date"] is not None]
        if not dates:
            continue
        latest = max(dates)
        latest_rows = [r for r in plan_rows if r["report_date"] == latest]
        reported = {r["action_id"] for r in latest_rows}
        for aid, group in _group(plan_rows, "action_id").items():
            if aid in reported:
                continue
            last = group[-1]
            out.append({"action_id": aid, "plan": last["plan"], "organisation": last["organisation"],
                        "last_reported_doc_id": last["doc_id"], "last_reported_on": last["report_date"],
                        "latest_doc_id": latest_rows[0]["doc_id"], "latest_report_date": latest})
    return pd.DataFrame(out, columns=NOT_REPORTED_COLUMNS)


def _group(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        grouped.setdefault(r[key], []).append(r)
    return grouped
