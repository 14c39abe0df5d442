"""The chase list: who to ask about what, from the current findings, as plain data.

For each lead officer, the current findings their actions need (the contract's checks 'for' the
``lead``: overdue, stalled, regressed, a target moved, an action not reported), each naming the
organisation, plan, ref and description of the action and what is wrong, and the actions of theirs
due in the next :data:`HORIZON_DAYS` days that are not complete. The current findings for the
programme office (a paper or the data to fix) are a list of their own. A finding a later paper
superseded (``current`` false) is history, never chased. The report and the workbook's
``Chase list`` sheet both show what :func:`chase_list` returns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.findings import SEVERITIES, audience
from pipeline.schema import as_date, missing, number, ref_key

HORIZON_DAYS = 60
NO_LEAD = "No lead named"
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
POSITION = re.compile(r"\s*\((?:page|table|row) [^)]*\)")  # where in a paper: differs between a paper and its PDF


@dataclass
class ChaseLine:
    """One thing to ask a lead officer about (or, for the office, one thing to fix)."""

    check: str
    severity: str
    message: str
    organisation: str | None
    plan: str | None
    ref: str | None
    description: str | None
    action_id: str | None
    doc_ids: list[str] = field(default_factory=list)  # the papers it was found in


@dataclass
class DueSoon:
    """An action of a lead's due in the next days, not complete at its latest report."""

    action_id: str
    organisation: str | None
    plan: str | None
    ref: str | None
    description: str | None
    due_date: dt.date
    percent_complete: float | None
    rag: str | None


@dataclass
class LeadChase:
    lead: str
    findings: list[ChaseLine] = field(default_factory=list)
    due_soon: list[DueSoon] = field(default_factory=list)


@dataclass
class Chase:
    leads: list[LeadChase]  # by lead officer, 'No lead named' last
    office: list[ChaseLine]  # papers and data to fix
    superseded: int  # findings a later paper superseded: not chased
    today: dt.date
    horizon_days: int = HORIZON_DAYS


def _lead_of(action: Mapping[str, Any] | None) -> str:
    if not action:
        return NO_LEAD
    for key in ("lead", "lead_raw"):
        if not missing(action.get(key)) and str(action[key]).strip():
            return str(action[key])
    return NO_LEAD


def _line(f: Mapping[str, Any], action: Mapping[str, Any] | None) -> ChaseLine:
    a = action or {}
    return ChaseLine(check=str(f["check"]), severity=str(f["severity"]), message=str(f["message"]),
                     organisation=a.get("organisation"), plan=a.get("plan"), ref=a.get("ref"),
                     description=a.get("description"), action_id=f.get("action_id"),
                     doc_ids=[f["doc_id"]] if f.get("doc_id") else [])


def _merged(lines: list[ChaseLine]) -> list[ChaseLine]:
    """The same finding from two papers (a paper and another copy of it) is one line naming both."""
    out: dict[tuple[Any, ...], ChaseLine] = {}
    for line in lines:
        key = (line.action_id, line.check, POSITION.sub("", line.message))
        if key in out:
            out[key].doc_ids += [d for d in line.doc_ids if d not in out[key].doc_ids]
        else:
            out[key] = line
    return list(out.values())


def _due_soon(actions: list[dict[str, Any]], snapshots: pd.DataFrame | None, today: dt.date,
              horizon: int) -> list[DueSoon]:
    due = [(a, d) for a in actions
           if (d := as_date(a.get("due_date"))) is not None and today <= d <= today + dt.timedelta(days=horizon)]
    if not due:
        return []
    wanted = {a["action_id"] for a, _ in due}
    ours = snapshots[snapshots["action_id"].isin(wanted)] if snapshots is not None and len(snapshots) else None
    latest: dict[Any, dict[str, Any]] = {}
    for s in sorted(schema.records(ours), key=lambda s: as_date(s.get("as_of")) or dt.date.min):
        latest[s["action_id"]] = s
    out = []
    for a, when in due:
        snap = latest.get(a["action_id"], {})
        pct, rag = number(snap.get("percent_complete")), snap.get("rag")
        if rag == "complete" or (pct or 0) >= 100:
            continue
        out.append(DueSoon(a["action_id"], a.get("organisation"), a.get("plan"), a.get("ref"), a.get("description"),
                           when, pct, rag))
    return out


def chase_list(tables: Mapping[str, pd.DataFrame], today: dt.date, horizon: int = HORIZON_DAYS) -> Chase:
    """Who to chase and what the office should fix, from the findings, actions and snapshots."""
    actions = schema.records(tables.get("actions"))
    by_id = {a["action_id"]: a for a in actions}
    findings = schema.records(tables.get("findings"))
    now = [f for f in findings if f.get("current") is not False]
    leads: dict[str, LeadChase] = {}
    for f in now:
        if audience(f["check"]) == "lead" and f.get("action_id"):
            action = by_id.get(f["action_id"])
            lead = _lead_of(action)
            leads.setdefault(lead, LeadChase(lead)).findings.append(_line(f, action))
    for due in _due_soon(actions, tables.get("snapshots"), today, horizon):
        lead = _lead_of(by_id.get(due.action_id))
        leads.setdefault(lead, LeadChase(lead)).due_soon.append(due)
    for group in leads.values():
        group.findings = sorted(_merged(group.findings), key=_order)
        group.due_soon.sort(key=lambda d: (d.due_date, str(d.plan or ""), ref_key(d.ref)))
    office = sorted(_merged([_line(f, by_id.get(f.get("action_id"))) for f in now if audience(f["check"]) == "office"]),
                    key=lambda line: (SEVERITY_ORDER.get(line.severity, 9), line.check, *_order(line)[1:]))
    return Chase(leads=sorted(leads.values(), key=lambda g: (g.lead == NO_LEAD, g.lead.casefold())),
                 office=office, superseded=len(findings) - len(now), today=today, horizon_days=horizon)


def _order(line: ChaseLine) -> tuple[Any, ...]:
    return (SEVERITY_ORDER.get(line.severity, 9), str(line.organisation or ""), str(line.plan or ""),
            ref_key(line.ref), line.check)
