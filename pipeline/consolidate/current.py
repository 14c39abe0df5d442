"""Which findings still hold: the contract's ``findings.current``.

A finding about an action is current where it is about the action's latest reading: its paper is
the last paper the action is in, or a later one (``action_not_reported`` is about the paper that
leaves it out). A finding from an earlier paper is history: 'stalled in February' is not current
once August reports the action. Findings about a paper, or about no paper, are current.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline.schema import missing


def current_flags(findings: pd.DataFrame, documents: pd.DataFrame, rows: pd.DataFrame | None) -> list[bool]:
    """Per finding, whether it is current; ``documents`` in paper order, ``rows`` every paper's
    action rows (``doc_id``, ``action_id``)."""
    rank = {d: i for i, d in enumerate(documents["doc_id"])} if len(documents) else {}
    latest: dict[Any, int] = {}
    if rows is not None and len(rows) and {"doc_id", "action_id"} <= set(rows.columns):
        for doc, aid in zip(rows["doc_id"], rows["action_id"], strict=True):
            latest[aid] = max(latest.get(aid, -1), rank.get(doc, -1))
    flags = []
    for doc, aid in zip(findings["doc_id"], findings["action_id"], strict=True):
        if missing(aid) or missing(doc) or aid not in latest or doc not in rank:
            flags.append(True)
        else:
            flags.append(rank[doc] >= latest[aid])
    return flags


def mark_current(findings: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``findings`` with its ``current`` column set."""
    out = findings.copy()
    out["current"] = pd.Series(current_flags(out, tables["documents"], tables.get("rows")), index=out.index,
                               dtype="boolean")
    return out
