"""The staged tables as the workbook's views read them: records, look-ups, one order of actions.

Actions appear in one order on every sheet: organisation, plan, the paper's action number (1.3
before 2 before 10), then their place in the latest paper.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.publish.links import published_link
from pipeline.publish.workbook.xl import DATE_FORMAT, Col, Link, missing
from pipeline.schema import ref_key

RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete",
              "not_started": "Not started"}
NO_RAG = "No RAG"
KIND_LABELS = {"issue": "Issue", "risk": "Risk", "change_request": "Change request",
               "target": "Target for next period"}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}
STATUS_LABELS = {"extracted": "Extracted", "no_actions": "No actions", "quarantined": "Quarantined",
                 "duplicate": "Duplicate"}
TARGET_CHANGE_COLUMNS = ("action_id", "doc_id", "as_of", "old_due_date", "new_due_date", "source")


def val(row: dict[str, Any] | None, key: str) -> Any:
    if row is None:
        return None
    value = row.get(key)
    return None if missing(value) else value


def sort_key(value: Any) -> tuple[int, int, Any]:
    """A sort key: numbers and dates, then text (ignoring case), then missing; never compares unlike types."""
    if missing(value):
        return (1, 0, "")
    if isinstance(value, dt.date):
        return (0, 0, value.toordinal())
    if isinstance(value, int | float):
        return (0, 0, value)
    return (0, 1, str(value).casefold())


def frame(rows: Iterable[dict[str, Any]], cols: list[Col]) -> pd.DataFrame:
    headers = [c.header for c in cols]
    return pd.DataFrame([[row.get(h) for h in headers] for row in rows], columns=headers, dtype=object)


def paper_link(document: dict[str, Any], out_dir: Path, published_location: str | None = None) -> Link:
    """A link to the paper: where the programme office publishes the papers (``published_location``,
    see :func:`pipeline.publish.links.published_link`), else from the workbook's folder to the paper's
    copy in raw/, relative so the workspace can move.

    A copy inside the workspace (``out_dir``'s parent) is linked by its relative path; one recorded
    elsewhere (a workspace since moved) by its path below ``raw/``, else by its file name in ``raw/``.
    """
    name = str(val(document, "file_name") or val(document, "doc_id") or "paper")
    source = val(document, "source_path")
    if published_location and (target := published_link(published_location, source, val(document, "file_name"))):
        return Link(target.replace("#", "%23"), name, tip="Open this paper where the papers are published")
    parts = [os.pardir, "raw", name]
    if source:
        path = Path(os.path.abspath(source))
        workspace = Path(os.path.abspath(out_dir)).parent
        if path.is_relative_to(workspace):
            parts = [os.pardir, *path.relative_to(workspace).parts]
        elif "raw" in (folders := path.parts[:-1]):
            below = len(folders) - folders[::-1].index("raw")  # just below the last raw/
            parts = [os.pardir, "raw", *path.parts[below:]]
    return Link("/".join(parts).replace("#", "%23"), name)


@dataclass
class Inputs:
    """The staged tables with the look-ups every view needs."""

    documents: list[dict[str, Any]]
    actions: dict[str, dict[str, Any]]
    snapshots: list[dict[str, Any]]
    items: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    target_changes: list[dict[str, Any]]
    rows: pd.DataFrame
    out_dir: Path
    changes: list[dict[str, Any]] = field(default_factory=list)  # the contract's changes table, worst first
    published_location: str | None = None  # where the papers are published (links go there), if set
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # the tables as given (cleaned)
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    rank: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    doc_plan: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # the consolidation's, else guessed
    skipped: list[tuple[str, str]] = field(default_factory=list)  # entries of the shared folder not read

    @classmethod
    def build(cls, tables: dict[str, pd.DataFrame], out_dir: Path, published_location: str | None = None) -> Inputs:
        def table(name: str) -> list[dict[str, Any]]:
            found = tables.get(name)
            return schema.records(schema.conform(name, found if found is not None else []))

        changes = tables.get("target_changes")
        changes = changes if changes is not None else pd.DataFrame(columns=list(TARGET_CHANGE_COLUMNS))
        inp = cls(
            documents=table("documents"),
            actions={a["action_id"]: a for a in table("actions") if not missing(a["action_id"])},
            snapshots=table("snapshots"), items=table("items"), findings=table("findings"),
            target_changes=schema.records(changes.reindex(columns=list(TARGET_CHANGE_COLUMNS))),
            rows=tables.get("rows", pd.DataFrame()), out_dir=out_dir, changes=table("changes"),
            published_location=published_location, tables=tables,
        )
        inp._index()
        plans = tables.get("document_plans")
        if plans is not None and {"doc_id", "organisation", "plan"} <= set(plans.columns):
            inp.doc_plan.update({r["doc_id"]: (val(r, "organisation"), val(r, "plan")) for r in schema.records(plans)
                                 if not missing(r["doc_id"])})
        return inp

    def _index(self) -> None:
        self.docs = {d["doc_id"]: d for d in self.documents if not missing(d["doc_id"])}
        self.links = {doc_id: paper_link(d, self.out_dir, self.published_location) for doc_id, d in self.docs.items()}
        latest = latest_snapshots(self.snapshots)
        for aid, action in self.actions.items():
            snap = latest.get(aid, ({}, None))[0]
            self.rank[aid] = (sort_key(action.get("organisation")), sort_key(action.get("plan")),
                              ref_key(action.get("ref")), sort_key(snap.get("table_index")),
                              sort_key(snap.get("row_index")), sort_key(action.get("description")), aid)
        counts: dict[str, dict[tuple[Any, Any], int]] = {}
        for snap in self.snapshots:
            owner = self.actions.get(snap["action_id"])
            if owner is not None and not missing(snap["doc_id"]):
                plan = (val(owner, "organisation"), val(owner, "plan"))
                seen = counts.setdefault(snap["doc_id"], {})
                seen[plan] = seen.get(plan, 0) + 1
        for doc_id, seen in counts.items():
            self.doc_plan[doc_id] = max(seen, key=lambda p: (seen[p], sort_key(p[0]), sort_key(p[1])))

    def action_rank(self, action_id: Any) -> tuple[Any, ...]:
        return self.rank.get(action_id, ((2, 0, ""), sort_key(action_id)))  # unknown actions last

    def action_columns(self, action_id: Any) -> dict[str, Any]:
        action = self.actions.get(action_id)
        return {"Organisation": val(action, "organisation"), "Plan": val(action, "plan"),
                "Ref": val(action, "ref"), "Description": val(action, "description"),
                "Action id": None if missing(action_id) else action_id}

    def paper(self, doc_id: Any) -> Link | None:
        return None if missing(doc_id) else self.links.get(doc_id)

    def latest_doc(self, action_id: str) -> Any:
        """The last paper an action appears in, from the per-paper rows (where there are any)."""
        rows = self.rows
        if rows.empty or not {"action_id", "doc_id"} <= set(rows.columns):
            return None
        mine = rows[rows["action_id"] == action_id]
        return mine["doc_id"].iloc[-1] if len(mine) else None


def latest_snapshots(snapshots: list[dict[str, Any]]) -> dict[Hashable, tuple[dict[str, Any], dict[str, Any] | None]]:
    """Per action: its latest snapshot and the one before (by as-of date)."""
    by_action: dict[Hashable, list[dict[str, Any]]] = {}
    for snap in snapshots:
        by_action.setdefault(snap["action_id"], []).append(snap)
    out: dict[Hashable, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    for aid, snaps in by_action.items():
        snaps.sort(key=lambda s: (not missing(s["as_of"]), sort_key(s["as_of"])))
        out[aid] = (snaps[-1], snaps[-2] if len(snaps) > 1 else None)
    return out


def rag_label(value: Any) -> str | None:
    return None if missing(value) else RAG_LABELS.get(str(value), str(value))


def as_date_label(value: dt.date) -> str:
    return value.strftime(DATE_FORMAT.replace("dd", "%d").replace("mm", "%m").replace("yyyy", "%Y"))
