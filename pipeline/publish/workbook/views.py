"""What each sheet of the workbook shows, as plain DataFrames (no Excel here).

Each view takes :class:`~pipeline.publish.workbook.inputs.Inputs` and returns a frame whose columns are
the sheet's headers, described by a list of :class:`~pipeline.publish.workbook.xl.Col`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from pipeline.findings import MISREAD
from pipeline.publish.workbook.inputs import (
    KIND_LABELS,
    NO_RAG,
    RAG_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    Inputs,
    frame,
    latest_snapshots,
    missing,
    rag_label,
    sort_key,
    val,
)
from pipeline.publish.workbook.inputs import (
    as_date_label as as_of_label,
)
from pipeline.publish.workbook.xl import Col
from pipeline.schema import as_date, records

ACTION_COLS = [Col("Organisation"), Col("Plan", width=30, wrap=True), Col("Ref", "ref", width=7)]
DESCRIPTION = Col("Description", wrap=True)
ACTION_ID = Col("Action id", width=18)
PAPER = Col("Paper", "link")
NOTES = Col("Notes", "note", width=40, wrap=True)  # the analysts': carried over by action id (notes.py)

DASHBOARD_COLS = [
    *ACTION_COLS, Col("Theme", width=35, wrap=True), DESCRIPTION, Col("Lead"),
    Col("Due date", "date"), Col("Original due date", "date"), Col("% complete", "percent", width=11),
    Col("Previous RAG", width=12), Col("RAG", width=12), Col("Overdue", width=10), Col("Days overdue", "int"),
    Col("Last change in progress", "change", width=11), Col("As of", "date"), PAPER, NOTES, ACTION_ID,
]
SUMMARY_COLS = [  # on the Summary sheet
    Col("Plan", width=30, wrap=True), Col("Actions", "count"),
    *(Col(label, "count", width=9) for label in [*RAG_LABELS.values(), NO_RAG]),
    Col("Overdue", "count", width=10), Col("Average % complete", "percent", width=11),
]
HISTORY_COLS = [
    *ACTION_COLS, DESCRIPTION, Col("As of", "date"), Col("% complete", "percent", width=11),
    Col("% as printed", width=10), Col("RAG", width=12), Col("Commentary", width=70, wrap=True),
    Col("Decisions", width=40, wrap=True), Col("Due date (as stated)", "date", width=12), PAPER,
    Col("Page", "int", width=7), Col("Table", "int", width=7), Col("Row", "int", width=7), ACTION_ID,
]
TARGET_COLS = [
    *ACTION_COLS, DESCRIPTION, Col("As of", "date"), Col("Old due date", "date"),
    Col("New due date", "date"), Col("Days slipped", "int"), Col("How it was revised", wrap=True),
    PAPER, ACTION_ID,
]
REGISTER_COLS = [
    Col("Register", width=22), Col("Text", width=80, wrap=True), Col("Organisation"),
    Col("Plan", width=30, wrap=True), Col("Ref", "ref", width=7), Col("Report date", "date"), PAPER,
    ACTION_ID,
]
QUALITY_COLS = [
    Col("Severity", width=11), Col("Check", width=22), Col("Message", width=60, wrap=True),
    *ACTION_COLS, Col("Column", width=16), Col("Value", width=40, wrap=True), PAPER, ACTION_ID,
]
SOURCES_COLS = [
    PAPER, Col("Format", width=9), Col("Title", width=40, wrap=True), Col("Report ref", width=11),
    Col("Report date", "date"), Col("Committee date", "date"), Col("Status", width=13),
    Col("Reason quarantined", width=50, wrap=True), Col("Organisation"), Col("Plan", width=30, wrap=True),
    Col("Actions", "int"), Col("Snapshots", "int", width=11), Col("Register items", "int"),
    Col("Findings", "int"), Col("Document id", width=20),
]


REVISION_LABELS = {"bracket": "Original date in brackets beside the new one",
                   "later paper": "A later paper gives another date"}


def is_overdue(due: dt.date | None, as_of: dt.date | None, pct: float | None, rag: str | None) -> bool | None:
    """The contract's ``overdue``: due before the as-of date and not complete; None if unknown."""
    if due is None or as_of is None:
        return None
    complete = rag == "complete" or (pct is not None and pct >= 100)
    return due < as_of and not complete


def previous_rags(inp: Inputs) -> dict[Any, str | None]:
    """Per action, its RAG in the paper before its latest: the changes table's ``previous_rag`` for an
    action both of its plan's latest papers report, else the RAG of its latest earlier snapshot that
    gives one."""
    out: dict[Any, str | None] = {c["action_id"]: val(c, "previous_rag") for c in inp.changes
                                  if c.get("status") == "continuing"}
    by_action: dict[Any, list[tuple[dt.date, Any]]] = {}
    for snap in inp.snapshots:
        if snap["action_id"] not in out and (as_of := as_date(val(snap, "as_of"))) is not None:
            by_action.setdefault(snap["action_id"], []).append((as_of, val(snap, "rag")))
    for aid, snaps in by_action.items():
        latest = max(as_of for as_of, _ in snaps)
        earlier = sorted((as_of, rag) for as_of, rag in snaps if as_of < latest and rag)
        out[aid] = earlier[-1][1] if earlier else None
    return out


def dashboard(inp: Inputs, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """Every action at its latest snapshot, with the RAG before it and the analysts' ``notes`` by action id."""
    latest = latest_snapshots(inp.snapshots)
    before_rag = previous_rags(inp)
    notes = notes or {}
    rows = []
    for aid in sorted(inp.actions, key=inp.action_rank):
        action = inp.actions[aid]
        snap, prev = latest.get(aid, (None, None))
        pct, before = val(snap, "percent_complete"), val(prev, "percent_complete")
        due = as_date(val(action, "due_date") or val(snap, "due_date"))
        as_of, rag = as_date(val(snap, "as_of")), val(snap, "rag")
        overdue = is_overdue(due, as_of, pct, rag)
        rows.append({
            **inp.action_columns(aid), "Theme": val(action, "theme"), "Lead": val(action, "lead"),
            "Due date": due, "Original due date": as_date(val(action, "original_due_date")),
            "% complete": pct, "RAG": rag_label(rag), "Previous RAG": rag_label(before_rag.get(aid)),
            "Overdue": None if overdue is None else ("Yes" if overdue else "No"),
            "Days overdue": (as_of - due).days if overdue and as_of and due else None,
            "Last change in progress": pct - before if pct is not None and before is not None else None,
            "As of": as_of, "Paper": inp.paper(val(snap, "doc_id") or inp.latest_doc(aid)), "Notes": notes.get(aid),
        })
    return frame(rows, DASHBOARD_COLS)


def plan_summary(dash: pd.DataFrame) -> pd.DataFrame:
    """Per plan (in the dashboard's order): actions by RAG, overdue, average progress."""
    groups: dict[tuple[Any, Any], dict[str, Any]] = {}
    pcts: dict[tuple[Any, Any], list[float]] = {}
    for row in records(dash):
        key = (row["Organisation"], row["Plan"])
        if key not in groups:
            groups[key] = {"Actions": 0, "Overdue": 0, **{label: 0 for label in [*RAG_LABELS.values(), NO_RAG]}}
            pcts[key] = []
        group = groups[key]
        group["Actions"] += 1
        group[row["RAG"] if not missing(row["RAG"]) and row["RAG"] in group else NO_RAG] += 1
        group["Overdue"] += row["Overdue"] == "Yes"
        if not missing(row["% complete"]):
            pcts[key].append(float(row["% complete"]))
    labels = plan_labels(list(groups))
    for key, group in groups.items():
        group["Plan"] = labels[key]
        group["Average % complete"] = sum(pcts[key]) / len(pcts[key]) if pcts[key] else None
    return frame(groups.values(), SUMMARY_COLS)


def history(inp: Inputs) -> pd.DataFrame:
    snaps = sorted(inp.snapshots, key=lambda s: (inp.action_rank(s["action_id"]), sort_key(s["as_of"])))
    return frame(({
        **inp.action_columns(s["action_id"]), "As of": as_date(val(s, "as_of")),
        "% complete": val(s, "percent_complete"), "% as printed": val(s, "percent_raw"),
        "RAG": rag_label(val(s, "rag")), "Commentary": val(s, "status_text"),
        "Decisions": val(s, "decisions"), "Due date (as stated)": as_date(val(s, "due_date")),
        "Paper": inp.paper(val(s, "doc_id")), "Page": val(s, "page"), "Table": val(s, "table_index"),
        "Row": val(s, "row_index"),
    } for s in snaps), HISTORY_COLS)


def _as_of_dates(inp: Inputs) -> list[dt.date]:
    return sorted({d for s in inp.snapshots if (d := as_date(val(s, "as_of"))) is not None})


def timeline(inp: Inputs) -> tuple[pd.DataFrame, list[Col]]:
    """Actions down, as-of dates across, % complete in the cells."""
    dates = _as_of_dates(inp)
    labels = {d: as_of_label(d) for d in dates}
    cols = [*ACTION_COLS, Col("Description", width=50, wrap=True),
            *(Col(labels[d], "percent", width=11) for d in dates), ACTION_ID]
    cells: dict[Any, dict[str, Any]] = {aid: {} for aid in inp.actions}
    for s in inp.snapshots:
        as_of = as_date(val(s, "as_of"))
        if as_of is not None and not missing(s["action_id"]):
            cells.setdefault(s["action_id"], {})[labels[as_of]] = val(s, "percent_complete")
    order = sorted(cells, key=inp.action_rank)
    return frame(({**inp.action_columns(aid), **cells[aid]} for aid in order), cols), cols


def plan_labels(plans: list[tuple[Any, Any]]) -> dict[tuple[Any, Any], str]:
    """A short, unique (ignoring case) header per (organisation, plan)."""
    several = len({org for org, _ in plans}) > 1
    out: dict[tuple[Any, Any], str] = {}
    taken: set[str] = set()
    for org, plan in plans:
        label = " ".join(str(plan or "(no plan)").split())
        if several and org:
            label = f"{' '.join(str(org).split())}: {label}"
        label = label[:80]
        candidate, n = label, 1
        while candidate.casefold() in taken or candidate.casefold() == "as of":
            n += 1
            candidate = f"{label} ({n})"
        taken.add(candidate.casefold())
        out[(org, plan)] = candidate
    return out


def plan_progress(inp: Inputs) -> tuple[pd.DataFrame, list[Col]]:
    """Per plan, the average % complete at each as-of date over the actions reported at that date.

    Plans down, as-of dates across (the same headers as :func:`timeline`'s date columns).
    """
    plans = list(dict.fromkeys((val(a, "organisation"), val(a, "plan"))
                               for a in sorted(inp.actions.values(), key=lambda a: inp.action_rank(a["action_id"]))))
    labels = plan_labels(plans)
    values: dict[tuple[tuple[Any, Any], str], list[float]] = {}
    for s in inp.snapshots:
        action, as_of, pct = inp.actions.get(s["action_id"]), as_date(val(s, "as_of")), val(s, "percent_complete")
        if action is not None and as_of is not None and pct is not None:
            plan = (val(action, "organisation"), val(action, "plan"))
            values.setdefault((plan, as_of_label(as_of)), []).append(float(pct))
    dates = [as_of_label(d) for d in _as_of_dates(inp)]
    cols = [Col("Plan", wrap=True), *(Col(d, "percent", width=11) for d in dates)]
    rows = []
    for plan in plans:
        row: dict[str, Any] = {"Plan": labels[plan]}
        for d in dates:
            got = values.get((plan, d))
            row[d] = sum(got) / len(got) if got else None
        rows.append(row)
    return frame(rows, cols), cols


def target_changes(inp: Inputs) -> pd.DataFrame:
    changes = sorted(inp.target_changes, key=lambda c: (inp.action_rank(c["action_id"]), sort_key(as_date(c["as_of"]))))
    rows = []
    for c in changes:
        old, new = as_date(c["old_due_date"]), as_date(c["new_due_date"])
        rows.append({**inp.action_columns(c["action_id"]), "As of": as_date(c["as_of"]), "Old due date": old,
                     "New due date": new, "Days slipped": (new - old).days if old and new else None,
                     "How it was revised": REVISION_LABELS.get(val(c, "source"), val(c, "source")),
                     "Paper": inp.paper(c["doc_id"])})
    return frame(rows, TARGET_COLS)


def _org_plan(inp: Inputs, action_id: Any, doc_id: Any) -> tuple[Any, Any]:
    action = inp.actions.get(action_id) if not missing(action_id) else None
    if action is not None:
        return val(action, "organisation"), val(action, "plan")
    return inp.doc_plan.get(doc_id, (None, val(inp.docs.get(doc_id), "title")))


def registers(inp: Inputs) -> pd.DataFrame:
    kinds = {kind: i for i, kind in enumerate(KIND_LABELS)}

    def order(pair: tuple[int, dict[str, Any]]) -> tuple[Any, ...]:
        i, item = pair
        doc = inp.docs.get(item["doc_id"])
        return (kinds.get(item["kind"], len(kinds)), sort_key(item["kind"]), sort_key(val(doc, "report_date")),
                sort_key(val(doc, "file_name")), i)

    rows = []
    for _, item in sorted(enumerate(inp.items), key=order):
        org, plan = _org_plan(inp, item["action_id"], item["doc_id"])
        action = inp.actions.get(item["action_id"]) if not missing(item["action_id"]) else None
        rows.append({"Register": KIND_LABELS.get(item["kind"], item["kind"]), "Text": val(item, "text"),
                     "Organisation": org, "Plan": plan, "Ref": val(action, "ref"),
                     "Report date": as_date(val(inp.docs.get(item["doc_id"]), "report_date")),
                     "Paper": inp.paper(item["doc_id"]), "Action id": val(item, "action_id")})
    return frame(rows, REGISTER_COLS)


def quality(inp: Inputs) -> pd.DataFrame:
    severities = {s: i for i, s in enumerate(SEVERITY_LABELS)}

    def order(pair: tuple[int, dict[str, Any]]) -> tuple[Any, ...]:
        i, f = pair
        return (f["check"] not in MISREAD, severities.get(f["severity"], len(severities)), sort_key(f["check"]),
                sort_key(val(inp.docs.get(f["doc_id"]), "file_name")), inp.action_rank(f["action_id"]), i)

    rows = []
    for _, f in sorted(enumerate(inp.findings), key=order):
        org, plan = _org_plan(inp, f["action_id"], f["doc_id"])
        action = inp.actions.get(f["action_id"]) if not missing(f["action_id"]) else None
        rows.append({"Severity": SEVERITY_LABELS.get(f["severity"], f["severity"]), "Check": val(f, "check"),
                     "Message": val(f, "message"), "Organisation": org, "Plan": plan, "Ref": val(action, "ref"),
                     "Column": val(f, "column"), "Value": val(f, "value"), "Paper": inp.paper(f["doc_id"]),
                     "Action id": val(f, "action_id")})
    return frame(rows, QUALITY_COLS)


def _count_by_doc(rows: list[dict[str, Any]]) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for row in rows:
        counts[row["doc_id"]] = counts.get(row["doc_id"], 0) + 1
    return counts


def sources(inp: Inputs) -> pd.DataFrame:
    snaps, items, findings = (_count_by_doc(t) for t in (inp.snapshots, inp.items, inp.findings))
    docs = sorted(inp.documents, key=lambda d: (sort_key(as_date(d["report_date"])), sort_key(d["file_name"]),
                                                sort_key(d["doc_id"])))
    rows = []
    for d in docs:
        doc_id = d["doc_id"]
        org, plan = inp.doc_plan.get(doc_id, (None, None))
        rows.append({
            "Paper": inp.paper(doc_id) or val(d, "file_name"), "Format": val(d, "format"), "Title": val(d, "title"),
            "Report ref": val(d, "report_ref"), "Report date": as_date(d["report_date"]),
            "Committee date": as_date(d["committee_date"]),
            "Status": STATUS_LABELS.get(d["status"], val(d, "status")), "Reason quarantined": val(d, "error"),
            "Organisation": org, "Plan": plan, "Actions": val(d, "n_actions"), "Snapshots": snaps.get(doc_id, 0),
            "Register items": items.get(doc_id, 0), "Findings": findings.get(doc_id, 0), "Document id": doc_id,
        })
    return frame(rows, SOURCES_COLS)


# under the Sources table's first three columns (Paper, Format, Title), with their widths
SKIPPED_COLS = [Col("Entry", wrap=True), Col("Read", width=9), Col("Why not", width=40, wrap=True)]


def skipped(inp: Inputs) -> pd.DataFrame:
    """The shared folder's entries that were not read, and why."""
    return frame([{"Entry": name, "Read": "No", "Why not": why} for name, why in inp.skipped], SKIPPED_COLS)
