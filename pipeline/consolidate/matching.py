"""Stable action ids: which plan a paper reports on, and which of the plan's actions each row is.

Papers are taken oldest first. Within a plan an action is matched by the paper's own number
where the paper numbers actions, else by its description (rapidfuzz, :func:`text_score` at or above
``Settings.match_threshold``). A new action's id is a hash of its plan and its number (or
description) as first reported, so the id does not depend on when a paper arrived.

A match that is not certain is made or refused openly, as an ``action_match_uncertain``
finding (warning): a number whose description has changed beyond recognition (matched by its
number), a description that matches two actions about equally (matched to the better), a
description that almost matches (within ``NEAR_MISS`` points below the threshold: read as a new
action). An action matched by its description under another number is an ``action_renumbered``
finding (info). A paper that looks like a known plan by its title but
whose numbered actions mostly describe different things (and whose descriptions are mostly
not the plan's under other numbers) starts its own plan, with a
``plan_match_uncertain`` finding (warning).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, utils

from pipeline.consolidate.plans import Identity, names_match, slug
from pipeline.consolidate.similarity import Texts, best_scores, score_matrix, text_score
from pipeline.findings import Finding, finding

CONFLICT_SCORE = 60.0  # a numbered action scoring below this against the plan's action of that number differs
NEAR_MISS = 20.0  # a best score this far below the threshold is reported as a possible match
AMBIGUITY = 3.0  # two candidates this close are a tie
OVERLAP = 0.5  # share of a paper's actions found in a plan that makes it that plan whatever its title

STOP_WORDS = {"the", "a", "an", "of", "to", "and", "in", "for", "on", "with", "by", "at", "from", "as", "is", "be",
              "our", "its", "their", "all", "including", "eg", "ie"}


def label_score(label: str | None, description: str | None) -> float:
    """0-100: how well a short label ('Leadership development') names a description ('Introduce a
    programme of leadership development for senior officers'): its words, in any order, within the
    description's. A label of fewer than two words that matter is compared as a whole."""
    words = [w for w in utils.default_process(label or "").split() if w not in STOP_WORDS]
    if len(words) < 2:
        return text_score(label, description)
    others = " ".join(w for w in utils.default_process(description or "").split() if w not in STOP_WORDS)
    return float(fuzz.token_set_ratio(" ".join(words), others)) if others else 0.0


def norm_ref(ref: Any) -> str | None:
    text = str(ref).strip().rstrip(".").lower() if ref is not None and str(ref).strip() else None
    return text or None


@dataclass
class KnownAction:
    action_id: str
    ref: str | None
    texts: list[str] = field(default_factory=list)  # every description it has been given

    def score(self, description: str | None) -> float:
        return max((text_score(description, t) for t in self.texts), default=0.0)


@dataclass
class Plan:
    organisation: str | None
    name: str | None
    org_key: str
    key: str  # the basis of its actions' ids: 'organisation | name' as first reported
    names: list[str] = field(default_factory=list)
    actions: list[KnownAction] = field(default_factory=list)
    by_ref: dict[str, KnownAction] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def new_action(self, ref: str | None, description: str | None) -> KnownAction:
        basis = f"ref:{ref}" if ref else f"desc:{slug(description)}"
        n, action_id = 1, _hash(self.key, basis)
        while action_id in self.ids:
            n += 1
            action_id = _hash(self.key, f"{basis}#{n}")
        known = KnownAction(action_id, ref, [description] if description else [])
        self.ids.add(action_id)
        self.actions.append(known)
        if ref:
            self.by_ref.setdefault(ref, known)
        return known

    def saw(self, known: KnownAction, ref: str | None, description: str | None) -> None:
        if description and description not in known.texts:
            known.texts.append(description)
        if ref and ref != known.ref:
            if known.ref and self.by_ref.get(known.ref) is known:
                del self.by_ref[known.ref]
            known.ref = ref
            self.by_ref[ref] = known


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# --- plans ----------------------------------------------------------------------------------


def _known_scores(descriptions: Texts, known: list[KnownAction], threshold: float,
                  best_only: bool = False) -> np.ndarray:
    """Each description's score against each known action (the best of its texts): exact where at
    least ``threshold``, or, ``best_only``, for each row's best where that is."""
    texts = [t for k in known for t in k.texts]
    owners = np.repeat(np.arange(len(known)), [len(k.texts) for k in known])
    by_text = (best_scores if best_only else score_matrix)(descriptions, Texts.of(texts), threshold)
    out = np.zeros((len(descriptions), len(known)))
    if len(texts):
        starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        out[:, owners[starts]] = np.maximum.reduceat(by_text, starts, axis=1)
    return out


def _evidence(plan: Plan, actions: list[dict[str, Any]], threshold: float) -> tuple[float, int, int]:
    """(share of the paper's actions found in the plan, numbers shared, numbers that conflict)."""
    shared = conflicts = 0
    for a in actions:
        known = plan.by_ref.get(norm_ref(a.get("ref")) or "")
        if known is not None:
            shared += 1
            conflicts += known.score(a.get("description")) < CONFLICT_SCORE
    scores = _known_scores(Texts.of([a.get("description") for a in actions]), plan.actions, threshold)
    found = int((scores >= threshold).any(axis=1).sum()) if scores.size else 0
    return (found / len(actions) if actions else 0.0), shared, conflicts


def choose_plan(ident: Identity, actions: list[dict[str, Any]], plans: list[Plan], threshold: float,
                doc_id: str) -> tuple[Plan, list[Finding]]:
    """The known plan this paper continues, or a new one (appended to ``plans``)."""
    best: tuple[float, float] | None = None
    chosen: Plan | None = None
    findings: list[Finding] = []
    for plan in plans:
        same_org = plan.org_key == ident.org_key
        if not same_org and plan.org_key and ident.org_key:
            continue  # two named organisations never share a plan
        named = any(names_match(ident.plan_key, n, threshold) for n in plan.names)
        overlap, shared, conflicts = _evidence(plan, actions, threshold)
        if shared >= 2 and conflicts * 2 > shared and overlap < OVERLAP:
            if named and same_org:
                findings.append(finding(
                    "plan_match_uncertain", "warning",
                    f"titled like plan {plan.name!r} but {conflicts} of its {shared} numbered actions describe "
                    "other things there: read as a separate plan", doc_id=doc_id, column="title", value=ident.plan))
            continue
        if (same_org and named) or overlap >= OVERLAP:
            score = (overlap, 1.0 if named else 0.0)
            if best is None or score > best:
                best, chosen = score, plan
    if chosen is None:
        chosen = _new_plan(ident, plans)
    elif ident.org_key and not chosen.org_key:
        chosen.organisation, chosen.org_key = ident.organisation, ident.org_key
    if ident.plan_key not in chosen.names:
        chosen.names.append(ident.plan_key)
    return chosen, findings


def _new_plan(ident: Identity, plans: list[Plan]) -> Plan:
    key, name, n = f"{ident.org_key} | {ident.plan_key}", ident.plan, 1
    while any(p.key == key for p in plans):
        n += 1
        key, name = f"{ident.org_key} | {ident.plan_key} #{n}", f"{ident.plan or 'Plan'} ({n})"
    plan = Plan(ident.organisation, name, ident.org_key, key)
    plans.append(plan)
    return plan


# --- actions --------------------------------------------------------------------------------


@dataclass
class _Matcher:
    plan: Plan
    doc_id: str
    threshold: float
    ids: dict[int, str] = field(default_factory=dict)
    claimed: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def take(self, action: dict[str, Any], known: KnownAction) -> None:
        self.ids[action["local_id"]] = known.action_id
        self.claimed.add(known.action_id)

    def free(self) -> list[KnownAction]:
        return [k for k in self.plan.actions if k.action_id not in self.claimed]

    def note(self, action: dict[str, Any], action_id: str | None, message: str) -> None:
        self.findings.append(finding("action_match_uncertain", "warning", message, doc_id=self.doc_id,
                                     action_id=action_id, column="description", value=action.get("description")))


def _by_number(m: _Matcher, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Match numbered actions to the plan's action of that number; return the rest."""
    rest = []
    for a in actions:
        ref, desc = norm_ref(a.get("ref")), a.get("description")
        known = m.plan.by_ref.get(ref) if ref else None
        if known is None or known.action_id in m.claimed:
            rest.append(a)
            continue
        if desc and known.texts and known.score(desc) < CONFLICT_SCORE:
            if any(k.score(desc) >= m.threshold for k in m.free() if k is not known):
                rest.append(a)  # renumbered: its description is another action's
                continue
            m.note(a, known.action_id, f"action {a.get('ref')} keeps its number but its description differs from "
                   f"{known.texts[-1]!r} (score {known.score(desc):.0f}): matched by number")
        m.take(a, known)
    return rest


def _by_description(m: _Matcher, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Match the rest by description, best pairs first; return those left unmatched.

    Every pair's score comes from one matrix (:mod:`pipeline.consolidate.similarity`), exact where
    a pair can match; pairs are taken from the highest score down, ties in the paper's order."""
    free = m.free()
    descriptions = Texts.of([a.get("description") for a in actions])
    scores = _known_scores(descriptions, free, m.threshold)
    rows, cols = np.nonzero(scores >= m.threshold)
    values = scores[rows, cols]
    order = np.lexsort((cols, rows, -values))
    matches: dict[int, list[tuple[int, float]]] = {}  # row -> (column, score) of its pairs that can match
    for row, col, value in zip(rows, cols, values, strict=True):
        matches.setdefault(int(row), []).append((int(col), float(value)))
    done: set[int] = set()
    for n in order:
        i, j, score = int(rows[n]), int(cols[n]), float(values[n])
        a, k = actions[i], free[j]
        if i in done or k.action_id in m.claimed:
            continue
        rivals = [free[jj] for jj, s in matches[i]
                  if jj != j and free[jj].action_id not in m.claimed and score - s < AMBIGUITY]
        if rivals:
            m.note(a, k.action_id, f"description matches {len(rivals) + 1} actions about equally; matched to "
                   f"{k.texts[-1]!r} (score {score:.0f})")
        ref = norm_ref(a.get("ref"))
        if ref and k.ref and ref != k.ref:
            m.findings.append(finding(
                "action_renumbered", "info",
                f"numbered {a.get('ref')} here, matched by its description to the action numbered {k.ref} before "
                f"(score {score:.0f})", doc_id=m.doc_id, action_id=k.action_id, column="ref",
                value=a.get("ref")))
        m.take(a, k)
        done.add(i)
    left = [i for i in range(len(actions)) if i not in done]
    _near_misses(m, actions, [i for i in left if not norm_ref(actions[i].get("ref"))], descriptions, free)
    return [actions[i] for i in left]


def _near_misses(m: _Matcher, actions: list[dict[str, Any]], rows: list[int], descriptions: Texts,
                 free: list[KnownAction]) -> None:
    """An unnumbered action read as new whose description is close to an action still unclaimed
    (a new number is a new action, and says nothing)."""
    unclaimed = [k for k in free if k.action_id not in m.claimed]
    if not rows or not unclaimed:
        return
    cutoff = m.threshold - NEAR_MISS
    best = _known_scores(descriptions.take(rows), unclaimed, cutoff, best_only=True)
    for n, i in enumerate(rows):
        j = int(np.argmax(best[n]))
        if best[n, j] >= cutoff:
            k = unclaimed[j]
            m.note(actions[i], None, f"description is close to {k.texts[-1]!r} (score {best[n, j]:.0f}, threshold "
                   f"{m.threshold:.0f}) but not close enough: read as a new action")


def match_actions(plan: Plan, actions: list[dict[str, Any]], doc_id: str,
                  threshold: float) -> tuple[dict[int, str], list[Finding]]:
    """Action id for each of one paper's actions (by ``local_id``); new actions join the plan."""
    m = _Matcher(plan, doc_id, threshold)
    left = _by_description(m, _by_number(m, actions))
    new = [(a, plan.new_action(norm_ref(a.get("ref")), a.get("description"))) for a in left]
    for a, known in new:
        m.take(a, known)
    by_id = {k.action_id: k for k in plan.actions}
    for a in actions:
        plan.saw(by_id[m.ids[a["local_id"]]], norm_ref(a.get("ref")), a.get("description"))
    for finding_row in m.findings:
        if finding_row["action_id"] is None:
            finding_row["action_id"] = next(
                (m.ids[a["local_id"]] for a in actions if a.get("description") == finding_row["value"]), None)
    return m.ids, m.findings
