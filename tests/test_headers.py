"""Header matching: one case per spelling seen in councils' papers, and config extensions."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.interpret.headers import SYNONYMS, HeaderDictionary
from pipeline.schema import HEADER_FIELDS


@pytest.fixture(scope="module")
def words() -> HeaderDictionary:
    return HeaderDictionary.build()


@pytest.mark.parametrize(("text", "field"), [
    ("ACTION", "description"), ("Action Description", "description"), ("Agreed Action", "description"),
    ("Workstreams (BV Recommendations)", "description"), ("Improvement Action", "description"),
    ("Ref", "ref"), ("No.", "ref"), ("Action No", "ref"), ("#", "ref"),
    ("Report Ref", "report_refs"), ("Para Ref", "report_refs"),
    ("Timescales", "due_date"), ("Target Date", "due_date"), ("Due Date", "due_date"),
    ("Deadline", "due_date"), ("Revised Target Date", "due_date"), ("By When", "due_date"),
    ("Original Target Date", "original_due_date"),
    ("Lead Officer", "lead"), ("Lead", "lead"), ("Responsible Officer", "lead"), ("Owner", "lead"),
    ("Lead Officer(s)", "lead"), ("Accountable Officer", "lead"),
    ("Service Lead", "service_lead"), ("SERVICE LEAD", "service_lead"),
    ("Updated Progress", "progress"), ("% Completed", "progress"), ("% Complete", "progress"),
    ("Progress %", "progress"), ("Percentage Complete", "progress"),
    ("NOTES", "status_text"), ("Status Update", "status_text"), ("Progress Commentary", "status_text"),
    ("Comments", "status_text"), ("Latest Update", "status_text"),
    ("Decisions Required/Made by cmt/smt", "decisions"), ("Decision Required", "decisions"),
    ("Committee Action", "decisions"), ("R/A/G", "rag"), ("Rec/Action", "theme"),
    ("RAG", "rag"), ("RAG Status", "rag"), ("BRAG", "rag"),
    ("Priority", "priority"),
    ("Recommendation", "theme"), ("Audit Recommendation", "theme"), ("Theme", "theme"),
])
def test_header_spellings(words: HeaderDictionary, text: str, field: str) -> None:
    match = words.match(text)
    assert match is not None and match.field == field


@pytest.mark.parametrize(("text", "as_of"), [
    ("Progress at 28.09.20", dt.date(2020, 9, 28)),
    ("% Complete at 31/03/2021", dt.date(2021, 3, 31)),
    ("Updated Progress", None),
    ("Q1 23/24 %", dt.date(2023, 6, 30)),
    ("% complete Q4 2023-24", dt.date(2024, 3, 31)),
])
def test_progress_header_dates(words: HeaderDictionary, text: str, as_of: dt.date | None) -> None:
    match = words.match(text)
    assert match is not None and (match.field, match.as_of) == ("progress", as_of)


@pytest.mark.parametrize("text", ["Key", "Concern", "Targets for Next Period", "", "Jenni Craig",
                                  "The Self Evaluation tool has been agreed and is ready to go to managers"])
def test_not_headers(words: HeaderDictionary, text: str) -> None:
    assert words.match(text) is None


def test_config_adds_spellings() -> None:
    assert HeaderDictionary.build().match("Accountable Executive") is None
    extended = HeaderDictionary.build({"lead": ["Accountable Executive"]})
    match = extended.match("Accountable Executive")
    assert match is not None and match.field == "lead"


def test_every_field_the_config_may_name_has_spellings() -> None:
    """[headers] is checked against schema.HEADER_FIELDS before any paper is read: the fields the
    header dictionary knows are exactly those."""
    assert tuple(SYNONYMS) == HEADER_FIELDS and all(SYNONYMS[name] for name in HEADER_FIELDS)
