"""A paper that repeats one already read: the same title, report date and actions in another file
(the PDF printed from a .docx, a workbook saved again). It is read once.

Papers are compared only with those of the same report date, title and organisation, so a run of
a thousand papers compares a handful of pairs. Two papers are the same paper when at least
:data:`SAME_SHARE` of the actions of the larger pair up (same number, or both unnumbered, and
descriptions alike) and no pair disagrees on progress or RAG. Of a set of copies the one kept is
the richest source: a .docx or .xlsx before its PDF (cell colours and numbers as typed), then the
one with more snapshots, then the earliest in paper order; the others become ``duplicate`` with ``duplicate_of``, and a
``duplicate_paper`` finding (info) says so. A later paper of the same plan has another report
date: never a duplicate.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from pipeline.consolidate.plans import identify, slug
from pipeline.findings import Finding, finding
from pipeline.interpret import PaperReading

SAME_SHARE = 0.9  # of the larger paper's actions
DESCRIPTION_ALIKE = 90.0  # rapidfuzz ratio of the slugged descriptions
FORMAT_RANK = {"docx": 0, "xlsx": 1, "pdf": 2}
PERCENT_TOLERANCE = 0.5


def _key(reading: PaperReading) -> tuple[Any, ...] | None:
    doc = reading.document
    if doc.get("status") == "quarantined" or not reading.actions:
        return None
    return (doc.get("report_date"), slug(doc.get("title")))


Item = tuple[str, str, int]  # (ref, slugged description, position in the paper)


def _items(reading: PaperReading) -> list[Item]:
    return [(str(a.get("ref") or ""), slug(a.get("description")), i) for i, a in enumerate(reading.actions)]


def _pairs(left: list[Item], right: list[Item]) -> list[tuple[int, int]]:
    """Actions of two papers paired: the same number and the same words first (a paper and its
    PDF mostly agree word for word), then the same number and alike words."""
    free: dict[tuple[str, str], list[int]] = {}
    for ref, text, i in right:
        free.setdefault((ref, text), []).append(i)
    pairs, unpaired = [], []
    for ref, text, i in left:
        if free.get((ref, text)):
            pairs.append((i, free[(ref, text)].pop(0)))
        else:
            unpaired.append((ref, text, i))
    rest = [(ref, text, j) for (ref, text), js in free.items() for j in js]
    for ref, text, i in unpaired:
        match = next((k for k, (r, t, _) in enumerate(rest) if r == ref and fuzz.ratio(t, text) >= DESCRIPTION_ALIKE),
                     None)
        if match is not None:
            pairs.append((i, rest.pop(match)[2]))
    return pairs


def _figures(reading: PaperReading) -> dict[Any, tuple[float | None, Any]]:
    """Each action's current progress and RAG, by its position in the paper."""
    position = {a["local_id"]: i for i, a in enumerate(reading.actions) if "local_id" in a}
    out: dict[Any, tuple[float | None, Any]] = {}
    for s in reading.snapshots:
        if s.get("is_current") or position.get(s.get("local_id")) not in out:
            pct = s.get("percent_complete")
            out[position.get(s.get("local_id"))] = (None if pct is None else float(pct), s.get("rag"))
    return out


def _agree(a: tuple[float | None, Any], b: tuple[float | None, Any]) -> bool:
    (pa, ra), (pb, rb) = a, b
    return (pa is None or pb is None or abs(pa - pb) <= PERCENT_TOLERANCE) and (ra is None or rb is None or ra == rb)


def same_paper(a: PaperReading, b: PaperReading) -> bool:
    """At least :data:`SAME_SHARE` of the larger paper's actions have a partner in the other, and
    no partners disagree on their progress or RAG (a copy with a figure changed is another paper:
    ``snapshot_disagreement`` says which figure)."""
    left, right = _items(a), _items(b)
    larger = max(len(left), len(right))
    if larger * SAME_SHARE > min(len(left), len(right)):
        return False
    pairs = _pairs(left, right)
    if len(pairs) < SAME_SHARE * larger:
        return False
    fa, fb = _figures(a), _figures(b)
    return all(_agree(fa.get(i, (None, None)), fb.get(j, (None, None))) for i, j in pairs)


def _preference(reading: PaperReading, position: int) -> tuple[Any, ...]:
    return (FORMAT_RANK.get(str(reading.document.get("format")), 9), -len(reading.snapshots), position)


def find_duplicates(readings: list[PaperReading], organisations: dict[str, str]) -> dict[str, str]:
    """doc_id of each duplicate -> doc_id of the paper kept; ``readings`` in paper order (two
    organisations' papers, by their folders, file names or titles, are never one paper)."""
    same_title: dict[tuple[Any, ...], list[int]] = {}
    for i, reading in enumerate(readings):
        key = _key(reading)
        if key is not None:
            same_title.setdefault(key, []).append(i)
    groups: dict[tuple[Any, ...], list[int]] = {}
    for key, members in same_title.items():  # most papers share their title and date with none
        for i in members:
            org = identify(readings[i].document, organisations).org_key if len(members) > 1 else ""
            groups.setdefault((*key, org), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        ranked = sorted(members, key=lambda i: _preference(readings[i], i))
        kept: list[int] = []
        for i in ranked:
            original = next((k for k in kept if same_paper(readings[k], readings[i])), None)
            if original is None:
                kept.append(i)
            else:
                out[readings[i].document["doc_id"]] = readings[original].document["doc_id"]
    return out


def set_aside(reading: PaperReading, original: PaperReading) -> tuple[PaperReading, Finding]:
    """``reading`` as a duplicate of ``original``: its document row says so and it holds no rows."""
    doc, kept = reading.document, original.document
    document = {**doc, "status": "duplicate", "duplicate_of": kept["doc_id"]}
    said = finding("duplicate_paper", "info",
                   f"{doc.get('file_name')} repeats {kept.get('file_name')} (the same title, report date and "
                   f"{len(reading.actions)} actions): read once, from {kept.get('file_name')}",
                   doc_id=doc["doc_id"], column="doc_id", value=kept["doc_id"])
    return PaperReading(document=document), said
