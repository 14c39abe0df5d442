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

from pipeline.interpret.council import organisation_in_title

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
# a report's reference: a code of capitals and numbers ('MC 005', 'AC/22/05'), or a labelled number
# ('Report No. 12', 'Item 7', 'Ref: PR-22-07'); a plan's name never carries one
CODE_RE = re.compile(
    r"(?:\b(?i:(?:report|paper|agenda)\s+)?(?i:ref(?:erence)?|no|number|item|appendix|paper|report)\b\.?\s*[:.]?\s*"
    r"(?=[\w/.-]*\d)[A-Za-z0-9][\w/.-]*)"
    r"|\b[A-Z]{1,4}(?:[ /._-]?\d+)+(?:[/._-][A-Z0-9]+)*\b")
COMMITTEE_ONLY_RE = re.compile(r"^[\w&,' ]*\b(?:committee|board|cabinet|sub-committee)$", re.I)
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
    """The organisation whose glob matches the paper's folder or file name in the shared folder.

    Paths under ``raw/`` mirror the shared folder, so the folders after the last ``raw`` part are
    the shared folder's sub-folders. A glob matches one folder name ('borders*'), the file name
    ('sbc_*': a flat shared folder), a path of folders from the top ('councils/borders') or the
    paper's whole path there ('borders/*.docx').
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
        if any(fnmatchcase(part, glob) for part in parts) or any(fnmatchcase(p, glob) for p in paths):
            return name
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
    -> 'Best Value Action Plan'; without report references ('MC 005', 'Item 7') or dates."""
    text = _without(_without(title or "", report_ref), organisation)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", DATE_RE.sub(" ", CODE_RE.sub(" ", text)))
    segments = [COMMITTEE_RE.sub(" ", s).strip() for s in SEGMENT_RE.split(text)]
    kept = [s for s in segments if s.strip(" ,;()[]") and not _is_report_words(s)]
    if len(kept) > 1:  # 'Audit Committee: Best Value Action Plan': the committee is not the plan
        kept = [s for s in kept if not COMMITTEE_ONLY_RE.match(s.strip(" ,;()[]"))] or kept
    text = " ".join(kept)
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
    """The organisation and plan of one paper: a configured override, else its folder or file
    name, else a council its title or its first page names; the plan from its title."""
    title = document.get("title")
    in_title = organisation_in_title(title)
    organisation = (document.get("organisation") or organisation_from_path(document.get("source_path"), organisations)
                    or in_title or document.get("council"))
    name = document.get("plan") or plan_name(title, document.get("report_ref"), in_title or document.get("council"))
    return Identity(organisation, name, organisation_key(organisation), plan_key(name))


def organisation_key(organisation: str | None) -> str:
    """'The Kelvindale Council' and 'Kelvindale' compare equal."""
    return " ".join(w for w in slug(organisation).split() if w not in {"the", "council"})


def names_match(a: str, b: str, threshold: float) -> bool:
    """Two plan keys name the same plan (both empty counts as the same)."""
    if not a or not b:
        return a == b
    return a == b or fuzz.token_sort_ratio(a, b) >= threshold
