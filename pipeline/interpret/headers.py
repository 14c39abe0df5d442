"""Recognising a table's header row: which column holds which field.

A dictionary of header spellings per field (extendable from the config's ``[headers]``
table). A header matches a field when its normalised text equals a spelling, starts with one,
or contains one as whole words; the longest, earliest match wins. A date inside a header
('Progress at 28.09.20') is kept as the column's as-of date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.interpret.normalise import find_period
from pipeline.schema import HEADER_FIELDS

# field -> spellings, as printed (normalised before matching)
SYNONYMS: dict[str, list[str]] = {
    "ref": ["Ref", "Ref No", "Reference", "No", "No.", "Number", "#", "Action No", "Action Number",
            "Action Ref", "Action Reference", "Item", "Item No", "ID", "Action ID"],
    "description": ["Action", "Actions", "Action Description", "Description", "Agreed Action",
                    "Agreed Actions", "Improvement Action", "Action Required", "Actions Required",
                    "Workstream", "Workstreams", "Task", "Tasks", "Activity", "Key Action", "Key Actions",
                    "Planned Action", "Proposed Action", "Management Action", "Action Point",
                    "What we will do", "Deliverable", "Deliverables", "Milestone", "Improvement"],
    "theme": ["Recommendation", "Recommendations", "Rec", "Rec No", "Audit Recommendation", "BV Recommendation",
              "BVAR Recommendation", "Theme", "Area", "Improvement Area", "Priority Area",
              "Outcome", "Objective", "Finding", "Audit Finding", "Key Finding"],
    "lead": ["Lead Officer", "Lead", "Lead Officers", "Responsible Officer", "Responsible Officers",
             "Responsible", "Responsibility", "Owner", "Action Owner", "Officer", "Accountable Officer",
             "Lead Director", "Director", "Who", "Lead Responsible Officer", "Responsible Person",
             "Lead Officer(s)"],
    "service_lead": ["Service Lead", "Service Lead Officer", "Supporting Officer", "Service Owner",
                     "Delivery Lead", "Service Contact"],
    # an elected member is no officer: named so that the column is nobody's lead
    "member": ["Lead Member", "Elected Member", "Portfolio Holder", "Member Lead", "Councillor", "Convener"],
    "priority": ["Priority", "Priority Rating", "Priority Level"],
    "due_date": ["Timescales", "Timescale", "Target Date", "Due Date", "Due", "Deadline", "Completion Date",
                 "Target Completion Date", "Target Completion", "Date Due", "By When", "When",
                 "Target", "Revised Target Date", "Revised Timescale", "Revised Due Date", "Revised Date",
                 "Revised Deadline", "Revised Timescales", "New Target Date", "Current Target Date",
                 "Current Completion Date", "Forecast Completion Date",
                 "Planned Completion", "Planned Completion Date", "Expected Completion",
                 "End Date", "Target End Date", "Implementation Date", "Date for Completion"],
    "original_due_date": ["Original Target Date", "Original Timescale", "Original Due Date",
                          "Original Deadline", "Original Completion Date", "Original Target", "Original Date",
                          "Initial Target Date", "Initial Completion Date", "Baseline Target Date",
                          "Original Timescales"],
    "progress": ["Updated Progress", "% Completed", "% Complete", "% Completion", "Percent Complete",
                 "Percentage Complete", "Progress %", "% Progress", "Progress", "Current Progress",
                 "Completion %", "Progress at", "% complete at", "Progress (%)", "% Done",
                 "Percentage Completion", "Overall Progress", "Progress to date", "%"],
    "status_text": ["NOTES", "Note", "Status Update", "Progress Commentary", "Commentary", "Comments",
                    "Comment", "Update", "Progress Update", "Latest Update", "Progress Notes",
                    "Narrative", "Status", "Current Status", "Position", "Current Position",
                    "Progress Report", "Update on Progress", "Progress Made", "Status Commentary",
                    "Remarks", "Update and Evidence"],
    "decisions": ["Decisions Required", "Decisions Required/Made", "Decision Required", "Decisions",
                  "Decision", "Decisions Made", "Action Required by Committee", "Decisions Needed",
                  "Committee Action", "Action for Committee", "Committee Decision", "For Committee"],
    "rag": ["RAG", "RAG Status", "RAG Rating", "BRAG", "RAG Status (Red/Amber/Green)", "Rating",
            "Traffic Light", "Status RAG", "RAYG", "R/A/G", "RAG Rating/Status"],
    "report_refs": ["Report Ref", "Report Reference", "Audit Report Ref", "Para Ref", "Paragraph",
                    "Paragraph Ref", "Report Para", "Para", "Report Paragraph", "BVAR Para",
                    "Report Page"],
}

FIELDS = HEADER_FIELDS  # SYNONYMS has a list for each, in this order (tests/test_config.py)
MEMO_LIMIT = 20_000
_BUILT: dict[tuple[tuple[str, tuple[str, ...]], ...], HeaderDictionary] = {}


def normalise_header(text: str) -> str:
    """Lower case, NFKC, dates removed, punctuation except '%' and '#' to spaces."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"\d{1,2}\s*[./\-]\s*\d{1,2}\s*[./\-]\s*\d{2,4}", " ", t)
    t = re.sub(r"[^a-z0-9%#]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    as_of: dt.date | None = None  # a date printed in the header
    exact: bool = False
    leading: bool = False  # the text is the spelling, or starts with it ('Target Date (revised)')


@dataclass
class HeaderDictionary:
    spellings: dict[str, list[str]]  # field -> normalised spellings, longest first
    _any: re.Pattern[str] = field(init=False, repr=False)  # any spelling as whole words
    _seen: dict[str, HeaderMatch | None] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        words = sorted({s for spellings in self.spellings.values() for s in spellings}, key=len, reverse=True)
        self._any = re.compile(r"(?<![a-z0-9%#])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z0-9%#])")

    @classmethod
    def build(cls, extra: dict[str, list[str]] | None = None) -> HeaderDictionary:
        """The built-in spellings plus ``extra`` (the config's ``[headers]``); built once per
        distinct ``extra`` and shared."""
        key = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))
        if key not in _BUILT:
            _BUILT[key] = cls._build(extra)
        return _BUILT[key]

    @classmethod
    def _build(cls, extra: dict[str, list[str]] | None) -> HeaderDictionary:
        merged: dict[str, list[str]] = {}
        for name in FIELDS:
            words = list(SYNONYMS[name]) + list((extra or {}).get(name, []))
            merged[name] = sorted({normalise_header(w) for w in words if normalise_header(w)},
                                   key=len, reverse=True)
        return cls(merged)

    def match(self, text: str) -> HeaderMatch | None:
        """The field a header names, or None. Most cells of a paper name none, and are turned
        away by one regular expression; answers are remembered per text."""
        if not text or len(text) > 120:
            return None
        if text not in self._seen:
            if len(self._seen) > MEMO_LIMIT:
                self._seen.clear()
            self._seen[text] = self._match(text)
        return self._seen[text]

    def _match(self, text: str) -> HeaderMatch | None:
        norm = normalise_header(text)
        if not norm or not self._any.search(norm):
            return None
        as_of = find_period(text)
        best: tuple[int, int, str] | None = None  # (rank, -length, field); lower is better
        for name, spellings in self.spellings.items():
            for s in spellings:
                if norm == s:
                    rank = 0
                elif norm.startswith(s + " "):
                    rank = 1
                elif f" {s} " in f" {norm} ":
                    rank = 2
                else:
                    continue
                key = (rank, -len(s), name)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        return HeaderMatch(best[2], as_of, exact=best[0] == 0, leading=best[0] <= 1)
