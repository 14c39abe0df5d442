"""One action listed twice in one paper (a summary table and a detailed table, or an appendix)
kept once: the detailed row's fields first, the summary's filling its blanks.

Two rows of different regions (tables, or header rows of one sheet) are the same action when
the two regions list the same actions (:func:`paired_regions`) and the rows carry the same number,
or, unnumbered, when their descriptions are the same words. The detailed row is the one that
states more.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, utils

SAME_NUMBER = 60.0  # regions whose descriptions under the same numbers are this alike list the same actions
SHARED = 0.6  # ... and share this much of the smaller one's numbers
SAME_WORDS = 92.0  # unnumbered descriptions this alike are one action
SNAPSHOT_FIELDS = (("percent_complete", "percent_raw", "percent_readable", "percent_has_sign"), ("rag",),
                   ("status_text",), ("decisions",))
ACTION_FIELDS = ("ref", "theme", "lead", "lead_raw", "service_lead", "priority", "due_date", "original_due_date",
                 "due_date_precision", "due_raw", "report_refs")


def _alike(a: dict[str, Any], b: dict[str, Any], paired: set[frozenset[str]]) -> bool:
    """Two rows of different regions that are one action: the same number in a summary and a
    detailed table (``paired``), or the same words without a number."""
    if a.get("ref") and a.get("ref") == b.get("ref"):
        return frozenset((a["region"], b["region"])) in paired
    x, y = utils.default_process(a.get("description") or ""), utils.default_process(b.get("description") or "")
    shorter = min(x, y, key=len)
    return bool(x and y) and not a.get("ref") and not b.get("ref") and len(shorter.split()) >= 3 \
        and fuzz.ratio(x, y) >= SAME_WORDS


def paired_regions(actions: list[dict[str, Any]]) -> set[frozenset[str]]:
    """Regions (tables, or header rows of one table) that list the same actions: most of the
    numbers of the smaller are in the larger, and under the same number the two speak of the same
    thing (a numbering that starts again in each table gives one number to different actions)."""
    by_region: dict[str, dict[str, str]] = {}
    for a in actions:
        if a.get("ref"):
            by_region.setdefault(a["region"], {})[str(a["ref"])] = utils.default_process(a.get("description") or "")
    out = set()
    regions = sorted(by_region)
    for i, one in enumerate(regions):
        for other in regions[i + 1:]:
            x, y = by_region[one], by_region[other]
            shared = set(x) & set(y)
            if not shared or len(shared) < SHARED * min(len(x), len(y)):
                continue
            alike = sum(fuzz.partial_token_set_ratio(x[r], y[r]) for r in shared) / len(shared)
            if alike >= SAME_NUMBER:
                out.add(frozenset((one, other)))
    return out


def _states(action: dict[str, Any], snapshots: list[dict[str, Any]]) -> tuple[int, int]:
    """How much a row states: fields filled (its snapshots' too), then the description's length."""
    filled = sum(action.get(f) is not None for f in ACTION_FIELDS)
    filled += sum(s.get(f) is not None for s in snapshots for f in ("percent_complete", "rag", "status_text"))
    return filled, len(action.get("description") or "")


def merge_repeats(actions: list[dict[str, Any]],
                  snapshots: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The paper's actions and snapshots with each action repeated in another table kept once;
    ``local_id`` renumbered."""
    by_id = {a["local_id"]: [s for s in snapshots if s["local_id"] == a["local_id"]] for a in actions}
    paired = paired_regions(actions)
    merged_into: dict[int, int] = {}
    for i, a in enumerate(actions):
        if a["local_id"] in merged_into:
            continue
        for b in actions[i + 1:]:
            if b["local_id"] in merged_into or b["region"] == a["region"] or not _alike(a, b, paired):
                continue
            merged_into[b["local_id"]] = a["local_id"]
    if not merged_into:
        return actions, snapshots
    kept = [a for a in actions if a["local_id"] not in merged_into]
    out_actions: list[dict[str, Any]] = []
    out_snaps: list[dict[str, Any]] = []
    for new_id, a in enumerate(kept):
        group = [a, *(b for b in actions if merged_into.get(b["local_id"]) == a["local_id"])]
        group.sort(key=lambda x: _states(x, by_id[x["local_id"]]), reverse=True)
        action = _fill({**group[0]}, group[1:], (*ACTION_FIELDS, "description"))
        action["local_id"] = new_id
        out_actions.append(action)
        out_snaps.extend({**s, "local_id": new_id} for s in _snapshots([by_id[x["local_id"]] for x in group]))
    return out_actions, out_snaps


def _fill(row: dict[str, Any], donors: list[dict[str, Any]], names: tuple[str, ...]) -> dict[str, Any]:
    for name in names:
        if row.get(name) is None:
            row[name] = next((d[name] for d in donors if d.get(name) is not None), None)
    return row


def _snapshots(groups: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The detailed row's snapshots, blanks filled from the others' of the same date (the current
    ones together); a date only another row reports is added."""
    first, rest = groups[0], [s for g in groups[1:] for s in g]
    out = []
    for snap in first:
        same = [s for s in rest if s.get("is_current") == snap.get("is_current") and
                (snap.get("is_current") or s.get("as_of") == snap.get("as_of"))]
        merged = dict(snap)
        for unit in SNAPSHOT_FIELDS:
            if merged.get(unit[0]) is None:
                donor = next((s for s in same if s.get(unit[0]) is not None), None)
                if donor is not None:
                    merged.update({f: donor.get(f) for f in unit})
        out.append(merged)
    dates = {s.get("as_of") for s in first if not s.get("is_current")}
    out.extend(s for s in rest if not s.get("is_current") and s.get("as_of") not in dates)
    return out
