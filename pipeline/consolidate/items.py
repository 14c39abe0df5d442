"""Register items linked to the actions they name."""

from __future__ import annotations

from typing import Any

from pipeline.consolidate.matching import Plan, label_score
from pipeline.consolidate.similarity import text_score
from pipeline.findings import Finding, finding

ITEM_PREFIX_MAX = 160  # a register item names its action in a prefix before ':' at most this long


def _item_label(text: str) -> str:
    head, sep, _ = text.partition(":")
    return head.strip() if sep and len(head) <= ITEM_PREFIX_MAX else text


def link_items(items: list[dict[str, Any]], rows: list[dict[str, Any]], doc_plan: dict[str, Plan],
               threshold: float) -> tuple[list[dict[str, Any]], list[Finding]]:
    """Set each register item's ``action_id`` to the action of its paper's plan that it names.

    An item names an action by a label before ':' ('Leadership development: staff absence may
    delay ...'), else by opening with the action's description. Actions the item's own paper
    reports win a tie; a tie between two of them links nothing and is an
    ``item_link_uncertain`` finding.
    """
    texts: dict[str, dict[str, set[str]]] = {}  # plan key -> action id -> descriptions
    in_doc: dict[str, set[str]] = {}
    for r in rows:
        if r.get("description"):
            texts.setdefault(r["plan_id"], {}).setdefault(r["action_id"], set()).add(r["description"])
        in_doc.setdefault(r["doc_id"], set()).add(r["action_id"])
    out, findings = [], []
    for item in items:
        linked = dict(item, action_id=item.get("action_id"))
        plan = doc_plan.get(item["doc_id"])
        if linked["action_id"] is None and plan is not None and item.get("text"):
            linked["action_id"], found = _link(item, texts.get(plan.key, {}), in_doc.get(item["doc_id"], set()),
                                               threshold)
            findings.extend(found)
        out.append(linked)
    return out, findings


def _link(item: dict[str, Any], actions: dict[str, set[str]], here: set[str],
          threshold: float) -> tuple[str | None, list[Finding]]:
    label = _item_label(item["text"])
    scored = []
    for aid, descriptions in actions.items():
        score = max(label_score(label, d) if label != item["text"] else text_score(label[: len(d) + 10], d)
                    for d in descriptions)
        if score >= threshold:
            scored.append((score, aid in here, aid))
    if not scored:
        return None, []
    scored.sort(key=lambda t: (-t[0], not t[1], t[2]))
    best = scored[0]
    rivals = [s for s in scored[1:] if best[0] - s[0] < 3.0 and s[1] == best[1]]
    if rivals:
        return None, [finding("item_link_uncertain", "warning",
                              f"register item names {len(rivals) + 1} actions about equally: left unlinked",
                              doc_id=item["doc_id"], column="text", value=label)]
    return best[2], []
