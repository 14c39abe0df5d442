"""Which organisation and plan a paper reports on.

The organisation comes from ``Settings.organisations`` (a shared-folder sub-folder glob ->
name), else from a council named in the paper's title ('Kelvindale Council Best Value Action
Plan'). The plan is the title without the organisation, the report reference, dates and
report-type words ('Quarterly Summary', 'Progress Report to the Audit Committee'), so an update
and a summary of one plan compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePath
from typing import Any

from rapidfuzz import fuzz

ORG_SUFFIXES = {"council"}
# capitalised words that describe a plan or a paper, never part of a council's name
PLAN_WORDS = {
    "best", "value", "bv", "bvar", "action", "actions", "plan", "audit", "assurance", "report", "progress",
    "update", "implementation", "improvement", "strategic", "summary", "committee", "quarterly", "to", "for",
    "the", "and", "of", "scrutiny", "policy", "resources", "performance", "meeting", "full",
}
REPORT_WORDS = {
    "progress", "update", "updates", "report", "reports", "quarterly", "quarter", "summary", "monitoring",
    "position", "statement", "annual", "interim", "final", "status", "highlight", "exception", "half",
    "yearly", "monthly", "six", "tracker", "dashboard", "q1", "q2", "q3", "q4", "on", "as", "at", "of",
}
ABBREVIATIONS = {"bvar": "best value assurance report", "bv": "best value", "&": "and"}
DATE_RE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|[A-Za-z]{3,9})[\s./-]+\d{2,4}\b"  # 20 September 2021, 1.3.21
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"  # September 2021
    r"|\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b",  # 2021, 2021/22
    re.I)
COMMITTEE_RE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?[\w&,' ]*?(?:committee|board|council|cabinet)\s*$", re.I)
SEGMENT_RE = re.compile(r"\s*(?::|\s[-–—|]\s)\s*")


def slug(text: str | None) -> str:
    """Lower case, punctuation to spaces, whitespace collapsed."""
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


@dataclass(frozen=True)
class Identity:
    """What a paper says about whose plan it reports on."""

    organisation: str | None  # as configured or as written in the title
    plan: str | None  # the plan's name for people
    org_key: str  # the organisation normalised for comparison ('' when unknown)
    plan_key: str  # the plan's name normalised for comparison ('' when the title names none)


def organisation_from_path(source_path: str | None, patterns: dict[str, str]) -> str | None:
    """The organisation whose shared-folder sub-folder glob matches the paper's folder.

    Paths under ``raw/`` mirror the shared folder, so the folders after the last ``raw`` part are
    the shared folder's sub-folders. A glob matches one folder name ('borders*'), a path of
    folders from the top ('councils/borders') or the paper's whole path there ('borders/*.docx').
    """
    if not source_path or not patterns:
        return None
    parts = [p.lower() for p in PurePath(source_path).parts]
    if "raw" in parts[:-1]:
        parts = parts[len(parts) - parts[::-1].index("raw"):]
    folders = ["/".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    for pattern, name in patterns.items():
        glob = pattern.lower().strip("/")
        paths = [*folders, "/".join(parts)] if "/" in glob else folders
        if any(fnmatchcase(part, glob) for part in parts[:-1]) or any(fnmatchcase(p, glob) for p in paths):
            return name
    return None


def organisation_in_title(title: str | None) -> str | None:
    """A council named in the title: 'Kelvindale Council', 'City of Edinburgh Council'."""
    words = (title or "").replace(":", " : ").split()
    for i, word in enumerate(words):
        if word.strip(",.;'’").lower() not in ORG_SUFFIXES or i == 0:
            continue
        name: list[str] = []
        for prev in reversed(words[:i]):
            bare = prev.strip(",.;")
            if bare != prev or len(name) >= 5:
                break
            is_name = bare[:1].isupper() and bare.lower() not in PLAN_WORDS
            if not (is_name or (bare == "of" and name)):
                break
            name.insert(0, bare)
        while name and name[0] == "of":
            name.pop(0)
        if name:
            return " ".join([*name, words[i].strip(",.;")])
    return None


def _without(text: str, part: str | None) -> str:
    if not part:
        return text
    return re.sub(re.escape(part), " ", text, flags=re.I)


def _is_report_words(segment: str) -> bool:
    words = slug(segment).split()
    return not words or all(w in REPORT_WORDS or w in ("the", "to", "for", "and") for w in words)


def plan_name(title: str | None, report_ref: str | None, organisation: str | None) -> str | None:
    """The plan a title names: 'Kelvindale Council Best Value Action Plan: Quarterly Summary'
    -> 'Best Value Action Plan'."""
    text = _without(_without(title or "", report_ref), organisation)
    text = DATE_RE.sub(" ", text)
    segments = [COMMITTEE_RE.sub(" ", s) for s in SEGMENT_RE.split(text)]
    text = " ".join(s for s in segments if s.strip() and not _is_report_words(s))
    words = text.split()
    while words and slug(words[-1]) in REPORT_WORDS | {"and", "the", "to", "for", ""}:
        words.pop()
    while words and slug(words[0]) in {"the", "and", "of", "for", "to", ""}:
        words.pop(0)
    name = " ".join(words).strip(" ,;:-–—()")
    return name or None


def plan_key(name: str | None) -> str:
    words = [ABBREVIATIONS.get(w, w) for w in slug((name or "").replace("&", " and ")).split()]
    return " ".join(w for w in " ".join(words).split() if w != "the")


def identify(document: dict[str, Any], organisations: dict[str, str]) -> Identity:
    """The organisation and plan of one paper, from its folder and its title."""
    title = document.get("title")
    in_title = organisation_in_title(title)
    organisation = organisation_from_path(document.get("source_path"), organisations) or in_title
    name = plan_name(title, document.get("report_ref"), in_title)
    return Identity(organisation, name, organisation_key(organisation), plan_key(name))


def organisation_key(organisation: str | None) -> str:
    """'The Kelvindale Council' and 'Kelvindale' compare equal."""
    return " ".join(w for w in slug(organisation).split() if w not in {"the", "council"})


def names_match(a: str, b: str, threshold: float) -> bool:
    """Two plan keys name the same plan (both empty counts as the same)."""
    if not a or not b:
        return a == b
    return a == b or fuzz.token_sort_ratio(a, b) >= threshold
