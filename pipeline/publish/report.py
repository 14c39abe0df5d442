"""The data-quality report: ``outputs/data_quality.html``, also the body of the e-mail.

A rendering of the staged tables, nothing more. It opens with what changed since the last report
(counts of new, completed, worse and slipped actions, and the worst changes), then the papers read
badly, the chase list by lead officer (current findings for the lead, and their actions due in the
next 60 days: :mod:`pipeline.publish.chase`), the papers and data to fix (current findings for the
programme office, by check), and the papers processed, quarantined and skipped. The HTML has inline
styles and no scripts, so it reads the same in an e-mail client as in a browser; every text from a
paper is escaped (jinja2 with autoescape). Links go to the papers where ``published_location``
says they are published, else to the copies in ``raw/``: relative from the report file,
``file://`` in the e-mail. The run writes the report where it belongs; nothing here writes a file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import pandas as pd

from pipeline import schema
from pipeline.consolidate.changes import counts as change_counts
from pipeline.consolidate.changes import is_setback
from pipeline.findings import MISREAD, SEVERITIES, audience
from pipeline.publish.chase import Chase, ChaseLine, chase_list
from pipeline.publish.links import published_link
from pipeline.schema import as_date, missing, ref_key

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_ROWS_PER_CHECK = 200  # per check and per lead; longer lists end with "and N more" (the workbook has all)
MAX_CHANGES = 10  # the worst changes the report opens with (the workbook's Changes sheet has all)
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
ABOUT = {  # docs/data-contract.md, "Data-quality checks", and consolidation's own
    "percent_in_range": "a percentage is below 0 or above 100, or unreadable",
    "percent_format_mixed": "one paper writes percentages both with and without '%'",
    "due_date_parsed": "a target date cannot be read",
    "overdue": "at the action's latest snapshot, its due date is before the as-of date and progress is under 100",
    "progress_regressed": "an action's progress falls between two snapshots",
    "progress_stalled": "no change in progress between two snapshots, under 100",
    "target_date_revised": "a paper revises a target date (bracketed original, or a later paper moves it)",
    "lead_missing": "no lead",
    "lead_nonlatin": "a lead contains look-alike non-Latin letters",
    "lead_unknown": "a lead is not in the organisation's register of leads",
    "priority_missing": "a paper that gives priorities leaves one blank",
    "rag_inconsistent": "RAG says complete below 100%, or 100% is not complete",
    "action_not_reported": "an action in an earlier paper of the same plan is missing from a later one",
    "duplicate_action": "the same action twice in one paper",
    "action_match_uncertain": "a row was matched to an earlier action, or kept apart, without certainty",
    "plan_match_uncertain": "a paper looks like a known plan by its title but not by its actions",
    "snapshot_disagreement": "two papers state different figures for the same action and date",
    "item_link_uncertain": "a register item names several actions about equally",
    "action_renumbered": "an action appears under another number than before",
    "text_chars_removed": "a text held characters Excel cannot store; they were removed",
    "text_truncated": "a text was longer than Excel holds; it was cut",
    "parser_warning": "the library that read a paper warned about the file, or its text held half a character alone",
    "paper_unread": "a paper that looks like a progress report yields no actions, or far fewer than its tables hold",
    "rows_unread": "rows inside an action table read as neither an action, a theme nor a continuation",
    "report_date_missing": "no report date in the paper, nor any fallback: its progress has no as-of date",
    "report_date_inferred": "the report date was taken from the committee date, the file name or the file's properties",
    "duplicate_paper": "a paper repeats one already read (the same title, date and actions): it is read once",
}

Link = Callable[[Any, Any], str | None]  # (source_path, file_name) -> href


def relative_links(outputs: Path, raw: Path) -> Link:
    """Links from a report in ``outputs`` to the papers (``../raw/...``)."""
    def link(source_path: Any, file_name: Any) -> str | None:
        target = Path(str(source_path)) if not missing(source_path) else raw / str(file_name)
        if missing(source_path) and missing(file_name):
            return None
        return quote(Path(os.path.relpath(target.resolve(), outputs.resolve())).as_posix())
    return link


def file_links(raw: Path) -> Link:
    """``file://`` links (for the e-mail, which has no folder to be relative to)."""
    def link(source_path: Any, file_name: Any) -> str | None:
        if missing(source_path) and missing(file_name):
            return None
        target = Path(str(source_path)) if not missing(source_path) else raw / str(file_name)
        return target.resolve().as_uri()
    return link


def published_links(location: str) -> Link:
    """Links to where the papers are published (``published_location``)."""
    def link(source_path: Any, file_name: Any) -> str | None:
        return published_link(location, source_path, file_name)
    return link


_records = schema.records


def counts(tables: Mapping[str, pd.DataFrame]) -> dict[str, int]:
    """Papers, papers quarantined and findings by severity."""
    docs, findings = _records(tables.get("documents")), _records(tables.get("findings"))
    out = {"papers": len(docs), "quarantined": sum(d.get("status") == "quarantined" for d in docs)}
    out.update({s: sum(f.get("severity") == s for f in findings) for s in SEVERITIES})
    return out


def subject(tables: Mapping[str, pd.DataFrame]) -> str:
    """'Best Value tracker: 3 papers, 0 errors, 17 warnings' (and quarantined papers, if any)."""
    c = counts(tables)
    text = f"Best Value tracker: {_n(c['papers'], 'paper')}, {_n(c['error'], 'error')}, {_n(c['warning'], 'warning')}"
    return text + (f", {c['quarantined']} quarantined" if c["quarantined"] else "")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _action_label(action: Mapping[str, Any] | None) -> str:
    if not action:
        return ""
    if action.get("ref"):
        return str(action["ref"])
    text = str(action.get("description") or "")
    return text if len(text) <= 60 else text[:57] + "..."


def _finding_rows(findings: list[dict[str, Any]], papers: dict[Any, dict[str, Any]],
                  actions: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in findings:
        paper = papers.get(f.get("doc_id"), {})
        action = actions.get(f.get("action_id"))
        out.append({**f, "paper": paper.get("file"), "href": paper.get("href"), "action": _action_label(action)})
    return out


def _by_check(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(str(r["check"]), []).append(r)
    out = []
    for check, items in groups.items():
        severity = min((str(i["severity"]) for i in items), key=lambda s: SEVERITY_ORDER.get(s, 9))
        out.append({"check": check, "severity": severity, "about": ABOUT.get(check, ""), "count": len(items),
                    "findings": items[:MAX_ROWS_PER_CHECK], "more": max(0, len(items) - MAX_ROWS_PER_CHECK)})
    return sorted(out, key=lambda g: (SEVERITY_ORDER.get(g["severity"], 9), g["check"]))


def _chase(chase: Chase, papers: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """The chase list by lead officer: each line names the action (organisation, plan, ref,
    description) and what is wrong, with the papers it was found in; then the lead's actions due soon."""
    out = []
    for group in chase.leads:
        items = [_chase_line(line, papers) for line in group.findings]
        due = [{"when": d.due_date.strftime("%d/%m/%Y"), "what": _what(d.organisation, d.plan, d.ref, d.description),
                "progress": "" if d.percent_complete is None else f"{d.percent_complete:g}%", "rag": d.rag or ""}
               for d in group.due_soon]
        out.append({"lead": group.lead, "count": len(items), "items": items[:MAX_ROWS_PER_CHECK],
                    "more": max(0, len(items) - MAX_ROWS_PER_CHECK), "due_soon": due[:MAX_ROWS_PER_CHECK],
                    "due_more": max(0, len(due) - MAX_ROWS_PER_CHECK)})
    return out


def _what(organisation: Any, plan: Any, ref: Any, description: Any) -> str:
    """'Strathbeg Council, Best Value Action Plan, action 5: Review the ...'."""
    head = ", ".join(str(p) for p in (organisation, plan) if p)
    action = f"action {ref}" if ref else "action"
    text = str(description or "")
    text = text if len(text) <= 90 else text[:87] + "..."
    return f"{head}, {action}: {text}" if head else f"{action[:1].upper()}{action[1:]}: {text}"


def _chase_line(line: ChaseLine, papers: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    listed = [papers[d] for d in line.doc_ids if d in papers]
    return {"check": line.check, "severity": line.severity, "message": line.message,
            "what": _what(line.organisation, line.plan, line.ref, line.description),
            "papers": sorted(({"file": p["file"], "href": p["href"]} for p in listed), key=lambda p: str(p["file"]))}


def _changes(tables: Mapping[str, pd.DataFrame], papers: dict[Any, dict[str, Any]],
             actions: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The counts of what changed and the worst changes: setbacks only (the table is worst first)."""
    table = tables.get("changes")
    table = table if table is not None else schema.empty("changes")
    worst = []
    for c in _records(table):
        said = _change_words(c)
        if not said or not is_setback(c):
            continue
        a = actions.get(c["action_id"], {})
        paper = papers.get(c.get("doc_id") if c.get("status") != "dropped" else c.get("previous_doc_id"), {})
        worst.append({"what": _what(c.get("organisation"), c.get("plan"), a.get("ref"), a.get("description")),
                      "change": said, "file": paper.get("file"), "href": paper.get("href")})
        if len(worst) == MAX_CHANGES:
            break
    plans = {(c.get("organisation"), c.get("plan")) for c in _records(table)}
    return {"counts": change_counts(table), "worst": worst, "plans": len(plans), "rows": len(table)}


def _change_words(c: dict[str, Any]) -> str:
    """'RAG green to red; progress 40% to 35% (-5 points); target 92 days later' (empty: nothing moved)."""
    if c.get("status") == "new":
        return "new in the latest paper"
    if c.get("status") == "dropped":
        return "dropped: not in the latest paper"
    parts = []
    if c.get("rag_change") in ("better", "worse"):
        parts.append(f"RAG {c['previous_rag']} to {c['rag']}")
    change = c.get("percent_change")
    if not missing(change) and change:
        parts.append(f"progress {c['previous_percent']:g}% to {c['percent_complete']:g}% ({change:+g} points)")
    days = c.get("days_moved")
    if not missing(days) and days:
        parts.append(f"target {abs(int(days))} days {'later' if days > 0 else 'earlier'} "
                     f"({_day(c.get('previous_due_date'))} to {_day(c.get('due_date'))})")
    return "; ".join(parts)


def _day(value: Any) -> str:
    d = as_date(value)
    return d.strftime("%d/%m/%Y") if d else "?"


def _misread(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The papers read badly, each with what was wrong: they open the report."""
    papers: dict[Any, dict[str, Any]] = {}
    for r in rows:
        if r["check"] in MISREAD:
            paper = papers.setdefault(r["paper"], {"file": r["paper"], "href": r["href"], "items": []})
            said = str(r["message"])
            prefix = f"{r['paper']}: "
            paper["items"].append({**r, "message": said[len(prefix):] if said.startswith(prefix) else said})
    return sorted(papers.values(), key=lambda p: str(p["file"] or "").casefold())


def context(tables: Mapping[str, pd.DataFrame], skipped: list[tuple[str, str]], link: Link,
            generated: dt.datetime) -> dict[str, Any]:
    """Everything the templates show, as plain data."""
    docs = _records(tables.get("documents"))
    papers = {d["doc_id"]: {"file": d.get("file_name") or d.get("source_path") or d["doc_id"],
                            "href": link(d.get("source_path"), d.get("file_name")), "status": d.get("status"),
                            "reason": d.get("error"), "report_date": d.get("report_date")} for d in docs}
    actions = {a["action_id"]: a for a in _records(tables.get("actions"))}
    rows = _finding_rows(_records(tables.get("findings")), papers, actions)
    rows.sort(key=lambda r: (SEVERITY_ORDER.get(str(r["severity"]), 9), str(r["paper"] or ""), ref_key(r["action"])))
    current = [r for r in rows if r.get("current") is not False]
    chase = chase_list(tables, generated.date())
    statuses = [p["status"] for p in papers.values()]
    listed = sorted(papers.values(), key=lambda p: str(p["file"]).casefold())
    return {
        "subject": subject(tables),
        "generated": generated.strftime("%d/%m/%Y %H:%M"),
        "papers": {"total": len(docs), **{s: statuses.count(s) for s in schema.DOCUMENT_STATUSES}},
        "paper_list": listed,
        "quarantined": [p for p in listed if p["status"] == "quarantined"],
        "skipped": [{"file": f, "reason": r} for f, r in skipped],
        "counts": {s: sum(r["severity"] == s for r in rows) for s in SEVERITIES},
        "changes": _changes(tables, papers, actions),
        "chase": _chase(chase, papers),
        "horizon_days": chase.horizon_days,
        "fix": _by_check([r for r in current if audience(r["check"]) == "office" and r["check"] not in MISREAD]),
        "superseded": chase.superseded,
        "misread": _misread(current),
    }


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                              autoescape=jinja2.select_autoescape(enabled_extensions=("html",),
                                                                  default_for_string=True),
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(ctx: Mapping[str, Any]) -> str:
    return _environment().get_template("data_quality.html").render(**ctx)


def render_text(ctx: Mapping[str, Any]) -> str:
    return _environment().get_template("data_quality.txt").render(**ctx)


def report_html(tables: Mapping[str, pd.DataFrame], skipped: list[tuple[str, str]], outputs: Path, raw: Path,
                generated: dt.datetime, published_location: str | None = None) -> str:
    """The report as it is kept in ``outputs`` (links to where the papers are published, else
    relative to that folder)."""
    link = published_links(published_location) if published_location else relative_links(outputs, raw)
    return render_html(context(tables, skipped, link, generated))
