"""Across papers: stable action ids, one history per action, the target-date history.

Papers are taken in report-date order (then file name), so rebuilding from raw/ in any order of
arrival gives the same result. An action's id is a hash of its organisation, plan and number
(or, where the paper numbers nothing, its normalised description).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.config import Settings
from pipeline.reading import PaperReading


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def action_key(organisation: str | None, plan: str | None, ref: str | None, description: str | None) -> str:
    basis = f"ref:{ref}" if ref else f"desc:{_slug(description)}"
    raw = "\x1f".join([_slug(organisation), _slug(plan), basis])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _plan(document: dict[str, Any]) -> str | None:
    title = document.get("title") or ""
    ref = document.get("report_ref") or ""
    plan = title.replace(ref, "").strip(" :-–") if ref else title
    return plan or None


def _organisation(document: dict[str, Any], settings: Settings) -> str | None:
    from fnmatch import fnmatch
    from pathlib import PurePath

    source = document.get("source_path") or ""
    for pattern, name in settings.organisations.items():
        if any(fnmatch(part, pattern) for part in PurePath(source).parts[:-1]) or fnmatch(source, pattern):
            return name
    return None


def _order(reading: PaperReading) -> tuple[Any, ...]:
    d = reading.document
    return (d.get("report_date") is None, d.get("report_date") or 0, d.get("file_name") or "")


def consolidate(readings: list[PaperReading], settings: Settings) -> dict[str, pd.DataFrame]:
    readings = sorted(readings, key=_order)
    rows: list[dict[str, Any]] = []
    snaps: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for reading in readings:
        doc = reading.document
        organisation, plan = _organisation(doc, settings), _plan(doc)
        ids: dict[int, str] = {}
        for action in reading.actions:
            aid = action_key(organisation, plan, action.get("ref"), action.get("description"))
            ids[action["local_id"]] = aid
            rows.append({**action, "action_id": aid, "organisation": organisation, "plan": plan,
                         "report_date": doc.get("report_date")})
        snaps.extend({**s, "action_id": ids[s["local_id"]]} for s in reading.snapshots)
        items.extend(dict(i, action_id=i.get("action_id")) for i in reading.items)
    rows_df = pd.DataFrame(rows)
    return {
        "documents": schema.conform("documents", [r.document for r in readings]),
        "actions": _actions(rows_df),
        "snapshots": _snapshot_table(pd.DataFrame(snaps), readings),
        "items": schema.conform("items", items),
        "findings": schema.empty("findings"),
        "rows": rows_df,
        "target_changes": pd.DataFrame(columns=["action_id", "doc_id", "as_of", "old_due_date",
                                                "new_due_date", "source"]),
    }


def _actions(rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return schema.empty("actions")
    out = []
    for _aid, group in rows.groupby("action_id", sort=False):
        latest: dict[str, Any] = {str(k): v for k, v in group.iloc[-1].to_dict().items()}
        dated = group["report_date"].dropna()
        stated = [o if pd.notna(o) else d for o, d in zip(group["original_due_date"], group["due_date"], strict=True)]
        first = next((d for d in stated if pd.notna(d)), None)  # the earliest target ever stated
        latest["original_due_date"] = first if first is not None and first != latest["due_date"] else None
        latest["first_seen"] = min(dated) if len(dated) else None
        latest["last_seen"] = max(dated) if len(dated) else None
        out.append(latest)
    return schema.conform("actions", out)


def _snapshot_table(snaps: pd.DataFrame, readings: list[PaperReading]) -> pd.DataFrame:
    if snaps.empty:
        return schema.empty("snapshots")
    report_dates = {r.document["doc_id"]: r.document.get("report_date") for r in readings}
    snaps = snaps.copy()
    snaps["_own"] = [report_dates.get(d) == a for d, a in zip(snaps["doc_id"], snaps["as_of"], strict=True)]
    snaps = snaps.sort_values(["action_id", "_own"], ascending=[True, False], kind="stable")
    snaps = snaps.drop_duplicates(["action_id", "as_of"], keep="first")
    return schema.conform("snapshots", snaps)
