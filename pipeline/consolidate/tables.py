"""Across papers: one record per action with its history.

Papers are taken oldest first (report date, then file name, then content hash; undated papers
first), so rebuilding from raw/ in any order of arrival gives the same ids and history. Each
paper is assigned to an organisation and plan (:mod:`pipeline.consolidate.plans`), its actions matched to
the plan's known actions (:mod:`pipeline.consolidate.matching`), and the history built from the matched
rows (:mod:`pipeline.consolidate.history`).

:func:`consolidate` returns :class:`Consolidated`: the tables and consolidation's own findings.
Besides the contract's tables (documents, actions, snapshots, items) the tables are:

- ``rows``: every paper's action rows, with ``action_id``, ``organisation``, ``plan``,
  ``report_date`` (and ``plan_id``, the plan's internal key);
- ``snapshot_rows``: every paper's snapshot rows with ``action_id``, before reconciliation;
- ``target_changes``: action_id, doc_id, as_of, old_due_date, new_due_date, source, days_slipped;
- ``decisions``: action_id, doc_id, decided_on, text;
- ``not_reported``: actions a plan's latest paper leaves out (for ``action_not_reported``);
- ``document_plans``: doc_id, organisation, plan of every paper with actions;
- ``changes``: the contract's changes table (:mod:`pipeline.consolidate.changes`).

A paper that repeats one already read is set aside first (:mod:`pipeline.consolidate.duplicates`):
status ``duplicate``, no rows of its own; ``Consolidated.duplicates`` names them.

The findings are ``action_match_uncertain``, ``plan_match_uncertain``, ``snapshot_disagreement``,
``item_link_uncertain`` (warnings), ``action_renumbered`` and ``duplicate_paper`` (info).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.config import Settings
from pipeline.consolidate import history
from pipeline.consolidate.changes import changes
from pipeline.consolidate.duplicates import find_duplicates, set_aside
from pipeline.consolidate.items import link_items
from pipeline.consolidate.matching import Plan, choose_plan, match_actions
from pipeline.consolidate.papers import settle
from pipeline.consolidate.plans import identify
from pipeline.findings import Finding
from pipeline.interpret import PaperReading

ACTION_ATTRIBUTES = ("theme", "ref", "description", "lead", "lead_raw", "service_lead", "priority", "report_refs")


def paper_order(document: dict[str, Any]) -> tuple[Any, ...]:
    """Oldest first; undated papers before dated ones; then file name and content hash."""
    date = document.get("report_date")
    return (date is not None, date or dt.date.min, document.get("file_name") or "", document.get("doc_id") or "")


@dataclass
class Consolidated:
    """The tables one history per action gives, and what consolidating them noticed."""

    tables: dict[str, pd.DataFrame]
    findings: list[Finding] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # doc_id of a paper read once -> the paper kept


def consolidate(readings: list[PaperReading], settings: Settings) -> Consolidated:
    settled = [settle(r, settings) for r in readings]
    readings = sorted((r for r, _ in settled), key=lambda r: paper_order(r.document))
    duplicates = find_duplicates(readings, settings.organisations)
    findings: list[Finding] = [f for r, found in settled if r.document["doc_id"] not in duplicates for f in found]
    by_id = {r.document["doc_id"]: r for r in readings}
    for i, reading in enumerate(readings):
        if reading.document["doc_id"] in duplicates:
            readings[i], said = set_aside(reading, by_id[duplicates[reading.document["doc_id"]]])
            findings.append(said)
    documents = schema.conform("documents", [r.document for r in readings])
    plans: list[Plan] = []
    rows: list[dict[str, Any]] = []
    snaps: list[dict[str, Any]] = []
    doc_plan: dict[str, Plan] = {}
    for reading in readings:
        doc = reading.document
        if not reading.actions:
            continue
        ident = identify(doc, settings.organisations)
        plan, found = choose_plan(ident, reading.actions, plans, settings.match_threshold, doc["doc_id"])
        ids, matched = match_actions(plan, reading.actions, doc["doc_id"], settings.match_threshold)
        findings.extend(found + matched)
        doc_plan[doc["doc_id"]] = plan
        rows.extend({**a, "action_id": ids[a["local_id"]], "plan_id": plan.key,
                     "report_date": doc.get("report_date")} for a in reading.actions)
        snaps.extend({**s, "action_id": ids[s["local_id"]]} for s in reading.snapshots)
    for row in rows:  # a plan's organisation can be learnt from a later paper
        plan = doc_plan[row["doc_id"]]
        row.update(organisation=plan.organisation, plan=plan.name)
    rows_df = pd.DataFrame(rows)
    snaps_df = pd.DataFrame(snaps)
    tables, disagreements = _history(rows_df, snaps_df, documents)
    tables["changes"] = changes(rows_df, snaps_df, documents)
    findings.extend(disagreements)
    items, item_findings = link_items([i for r in readings for i in r.items], rows, doc_plan,
                                      settings.match_threshold)
    findings.extend(item_findings)
    tables.update(
        documents=documents,
        items=schema.conform("items", items),
        rows=rows_df,
        snapshot_rows=snaps_df,
        document_plans=pd.DataFrame(
            [{"doc_id": d, "organisation": p.organisation, "plan": p.name} for d, p in doc_plan.items()],
            columns=["doc_id", "organisation", "plan"]),
    )
    return Consolidated(tables, findings, duplicates)


def _history(rows: pd.DataFrame, snaps: pd.DataFrame,
             documents: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], list[Finding]]:
    if rows.empty:
        return {"actions": schema.empty("actions"), "snapshots": schema.empty("snapshots"),
                "target_changes": pd.DataFrame(columns=history.TARGET_CHANGE_COLUMNS),
                "decisions": pd.DataFrame(columns=history.DECISION_COLUMNS),
                "not_reported": pd.DataFrame(columns=history.NOT_REPORTED_COLUMNS)}, []
    reconciled, disagreements = history.reconcile_snapshots(snaps, documents) if len(snaps) else ([], [])
    return {
        "actions": actions_table(rows),
        "snapshots": schema.conform("snapshots", reconciled) if reconciled else schema.empty("snapshots"),
        "target_changes": history.target_changes(rows),
        "decisions": history.decisions(snaps, documents) if len(snaps) else
        pd.DataFrame(columns=history.DECISION_COLUMNS),
        "not_reported": history.not_reported(rows),
    }, disagreements


def actions_table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per action: its latest stated attributes, where it was first and last seen, and
    the earliest target ever stated."""
    out = []
    for aid, group in history.by_action(rows).items():
        latest = group[-1]
        action: dict[str, Any] = {"action_id": aid, "organisation": latest["organisation"], "plan": latest["plan"]}
        for name in ACTION_ATTRIBUTES:
            action[name] = next((r[name] for r in reversed(group) if r.get(name) is not None), None)
        dated = next((r for r in reversed(group) if r.get("due_date") is not None), None)
        action["due_date"] = dated["due_date"] if dated else None
        action["due_date_precision"] = dated.get("due_date_precision") if dated else None
        action["original_due_date"] = history.original_due_date(group)
        seen = [r["report_date"] for r in group if r.get("report_date") is not None]
        action["first_seen"], action["last_seen"] = (min(seen), max(seen)) if seen else (None, None)
        out.append(action)
    return schema.conform("actions", out)
