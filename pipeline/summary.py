"""The short summary a run prints at its end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.consolidate.changes import counts as change_counts

if TYPE_CHECKING:
    from pipeline.run import RunResult


def summarise(result: RunResult) -> str:
    t = result.tables
    docs = t["documents"]
    by_status = docs["status"].value_counts().to_dict() if len(docs) else {}
    findings = t["findings"]
    by_sev = findings["severity"].value_counts().to_dict() if len(findings) else {}
    lines = [
        f"papers read: {len(docs)} ({by_status.get('extracted', 0)} extracted, "
        f"{by_status.get('no_actions', 0)} with no actions, {by_status.get('quarantined', 0)} quarantined"
        + (f", {by_status['duplicate']} read once already in another file" if by_status.get("duplicate") else "")
        + ")",
        f"actions: {len(t['actions'])}, snapshots: {len(t['snapshots'])}, register items: {len(t['items'])}",
        f"findings: {len(findings)} ({by_sev.get('error', 0)} errors, {by_sev.get('warning', 0)} warnings, "
        f"{by_sev.get('info', 0)} info)",
    ]
    for row in docs[docs["status"] == "quarantined"].itertuples() if len(docs) else []:
        lines.append(f"  quarantined: {row.file_name}: {row.error}")
    if result.skipped:
        lines.append(f"skipped: {len(result.skipped)}")
        lines.extend(f"  skipped: {name}: {reason}" for name, reason in result.skipped[:20])
        if len(result.skipped) > 20:
            lines.append(f"  ... and {len(result.skipped) - 20} more (see the report)")
    if result.workbook:  # absolute: the summary may be read far from where the run was started
        lines.append(f"workbook: {result.workbook.resolve()}")
    if result.report:
        lines.append(f"report: {result.report.resolve()}")
    changes = t.get("changes")
    if changes is not None and len(changes):
        moved = change_counts(changes)
        lines.append(f"since the last papers: {moved['new']} new, {moved['completed']} completed, "
                     f"{moved['worse']} RAG worse, {moved['slipped']} target moved later, {moved['dropped']} dropped")
    lines.extend(result.messages)
    return "\n".join(lines)
