"""Derived check columns: plain functions on small frames, no Great Expectations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

from pipeline.checks import derive

D = dt.date


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def values(series: pd.Series) -> list[Any]:
    return [None if derive.missing(v) else v for v in series]


def test_blank_text_becomes_null_and_inputs_are_untouched() -> None:
    src = pd.DataFrame({"lead": pd.array(["", "  ", "Jane", None], dtype="string"), "n": [1, 2, 3, 4]})
    out = derive.blank_to_null(src)
    assert values(out["lead"]) == [None, None, "Jane", None]
    assert list(src["lead"][:2]) == ["", "  "]


def test_percent_format_mixed_per_paper() -> None:
    docs = frame([{"doc_id": "d1", "file_name": "a.xlsx"}, {"doc_id": "d2", "file_name": "b.docx"},
                  {"doc_id": "d3", "file_name": "c.pdf"}])
    snaps = frame([
        {"doc_id": "d1", "percent_raw": "70", "percent_complete": 70.0},
        {"doc_id": "d1", "percent_raw": "35%", "percent_complete": 35.0},
        {"doc_id": "d1", "percent_raw": "50", "percent_complete": 50.0},
        {"doc_id": "d2", "percent_raw": "25%", "percent_complete": 25.0},
        {"doc_id": "d2", "percent_raw": "n/k", "percent_complete": None},  # unreadable: not a style
    ])
    out = derive.documents_frame(docs, snaps)
    assert values(out["percent_format_mixed"]) == [True, False, None]
    first = out.to_dict("records")[0]
    assert [first[c] for c in ("percent_with", "percent_without", "percent_example_with", "percent_example_without")] \
        == [1, 2, "35%", "70"]


def test_percent_sign_from_the_reader_wins() -> None:
    docs = frame([{"doc_id": "d1"}])
    snaps = frame([{"doc_id": "d1", "percent_raw": "0.7", "percent_complete": 70.0, "percent_has_sign": True},
                   {"doc_id": "d1", "percent_raw": "35%", "percent_complete": 35.0, "percent_has_sign": True}])
    assert values(derive.documents_frame(docs, snaps)["percent_format_mixed"]) == [False]


@pytest.mark.parametrize("lead, organisation, expected", [
    ("Jane Smith", "Kelvindale Council", True),
    ("jane  smith", "kelvindale council", True),  # case and spacing do not matter
    ("Jane Smith / Chief Executive", "Kelvindale Council", True),  # every officer named is known
    ("Jane Smith / J Bloggs", "Kelvindale Council", False),
    ("J Bloggs", "Kelvindale Council", False),
    ("J Bloggs", "Another Council", None),  # no register for that organisation
    (None, "Kelvindale Council", None),
    ("J Bloggs", None, None),
])
def test_lead_known(lead: str | None, organisation: str | None, expected: bool | None) -> None:
    register = {"Kelvindale Council": ["Jane Smith", "Chief Executive"]}
    assert derive.lead_known(lead, organisation, register) is expected


@pytest.mark.parametrize("due, as_of, percent, rag, expected", [
    (D(2020, 2, 28), D(2021, 2, 15), 25.0, None, 353),
    (D(2021, 3, 31), D(2021, 2, 15), 40.0, None, -44),  # not yet due: the suite's max_value 0 passes it
    (D(2020, 2, 28), D(2021, 2, 15), 100.0, None, None),
    (D(2020, 2, 28), D(2021, 2, 15), None, "complete", None),
    (D(2020, 2, 28), D(2021, 2, 15), None, "red", 353),  # no percentage but not complete
    (None, D(2021, 2, 15), 25.0, None, None),
])
def test_overdue_days(due: dt.date | None, as_of: dt.date, percent: float | None, rag: str | None,
                      expected: int | None) -> None:
    assert derive.overdue_days(due, as_of, percent, rag) == expected


def test_actions_frame_uses_the_latest_snapshot_and_paper() -> None:
    actions = frame([{"action_id": "a1", "organisation": None, "lead": "H/H&P", "lead_raw": "н/н&Р",
                      "due_date": D(2020, 2, 28)},
                     {"action_id": "a2", "organisation": None, "lead": None, "lead_raw": None,
                      "due_date": D(2022, 1, 31)}])
    snaps = frame([{"action_id": "a1", "doc_id": "d2", "as_of": D(2021, 2, 15), "percent_complete": 25.0,
                    "rag": None, "due_date": D(2020, 2, 28)},
                   {"action_id": "a1", "doc_id": "d1", "as_of": D(2020, 9, 28), "percent_complete": 25.0,
                    "rag": None, "due_date": D(2020, 2, 28)}])
    rows = frame([{"action_id": "a2", "doc_id": "d1"}, {"action_id": "a2", "doc_id": "d3"}])
    gone = frame([{"action_id": "a2", "latest_doc_id": "d9", "last_reported_on": D(2020, 9, 28),
                   "latest_report_date": D(2021, 2, 15)}])
    out = derive.actions_frame(actions, rows, snaps, gone, {})
    assert values(out["doc_id"]) == ["d2", "d3"]
    assert values(out["latest_as_of"]) == [D(2021, 2, 15), None]
    assert values(out["overdue_days"]) == [353, None]
    assert values(out["lead_lookalike"]) == [True, None]
    assert values(out["lead_known"]) == [None, None]
    assert values(out["reported_in_latest"]) == [True, False]
    assert values(out["not_reported_doc_id"]) == [None, "d9"]


def test_snapshots_frame_change_since_the_previous_snapshot() -> None:
    snaps = frame([
        {"action_id": "a1", "as_of": D(2021, 2, 15), "percent_complete": 25.0, "percent_raw": "25%", "rag": None},
        {"action_id": "a1", "as_of": D(2020, 9, 28), "percent_complete": 25.0, "percent_raw": "25%", "rag": None},
        {"action_id": "a2", "as_of": D(2020, 9, 28), "percent_complete": 60.0, "percent_raw": "60", "rag": None},
        {"action_id": "a2", "as_of": D(2021, 2, 15), "percent_complete": 40.0, "percent_raw": "40",
         "rag": "complete"},
        {"action_id": "a3", "as_of": D(2020, 9, 28), "percent_complete": 100.0, "percent_raw": "100%", "rag": None},
        {"action_id": "a3", "as_of": D(2021, 2, 15), "percent_complete": 100.0, "percent_raw": "100%",
         "rag": "complete"},
        {"action_id": "a4", "as_of": D(2021, 2, 15), "percent_complete": None, "percent_raw": "half", "rag": None},
    ])
    out = derive.snapshots_frame(snaps, frame([{"action_id": "a1", "ref": "5"}]))
    assert values(out["previous_as_of"]) == [D(2020, 9, 28), None, None, D(2020, 9, 28), None, D(2020, 9, 28), None]
    assert values(out["progress_change"]) == [0.0, None, None, -20.0, None, 0.0, None]
    assert values(out["progress_gain_open"]) == [0.0, None, None, None, None, None, None]  # a3 is complete
    assert values(out["percent_readable"]) == [True, True, True, True, True, True, False]
    assert values(out["rag_consistent"]) == [None, None, None, False, None, True, None]
    assert values(out["ref"]) == ["5", "5", None, None, None, None, None]


@pytest.mark.parametrize("rag, percent, expected", [
    ("complete", 100.0, True), ("complete", 80.0, False), ("green", 100.0, False), ("green", 80.0, True),
    (None, 100.0, None), ("complete", None, None), ("green", 150.0, None),
])
def test_rag_consistent(rag: str | None, percent: float | None, expected: bool | None) -> None:
    assert derive.rag_consistent(rag, percent) is expected


def test_rows_frame_priority_due_date_and_duplicates() -> None:
    rows = frame([
        {"doc_id": "d1", "action_id": "a1", "ref": "1", "description": "Agree a vision", "priority": "1",
         "paper_gives_priorities": True, "due_raw": "May 2021", "due_date": D(2021, 5, 31), "due_readable": True},
        {"doc_id": "d1", "action_id": "a2", "ref": "2", "description": "Publish a strategy", "priority": None,
         "paper_gives_priorities": True, "due_raw": "when funding allows", "due_date": None, "due_readable": False},
        {"doc_id": "d1", "action_id": "a3", "ref": "2", "description": "Something else", "priority": "2",
         "paper_gives_priorities": True, "due_raw": None, "due_date": None, "due_readable": True},
        {"doc_id": "d1", "action_id": "a4", "ref": None, "description": "Agree a  Vision.", "priority": "3",
         "paper_gives_priorities": True, "due_raw": None, "due_date": None, "due_readable": True},
        {"doc_id": "d2", "action_id": "a1", "ref": "1", "description": "Agree a vision", "priority": None,
         "paper_gives_priorities": False, "due_raw": "31/05/2021", "due_date": D(2021, 5, 31),
         "due_readable": True},
    ])
    out = derive.rows_frame(rows)
    assert values(out["priority_given"]) == [True, False, True, True, None]
    assert values(out["due_date_read"]) == [True, False, None, None, True]
    assert values(out["duplicate_in_paper"]) == [False, False, True, True, False]


def test_target_changes_frame_days_moved() -> None:
    changes = frame([{"action_id": "a1", "doc_id": "d1", "as_of": D(2021, 2, 15), "old_due_date": D(2020, 6, 30),
                      "new_due_date": D(2021, 3, 31), "source": "bracket"},
                     {"action_id": "a1", "doc_id": "d2", "as_of": D(2021, 5, 1), "old_due_date": D(2021, 3, 31),
                      "new_due_date": D(2021, 1, 31), "source": "later paper"}])
    out = derive.target_changes_frame(changes, frame([{"action_id": "a1", "ref": "9"}]))
    assert values(out["days_moved"]) == [274, -59]
    assert values(out["ref"]) == ["9", "9"]


def test_derive_without_the_optional_tables() -> None:
    tables = {"documents": frame([{"doc_id": "d1", "file_name": "a.docx"}]),
              "actions": frame([{"action_id": "a1", "lead": None, "lead_raw": None, "due_date": None}]),
              "snapshots": frame([{"action_id": "a1", "doc_id": "d1", "as_of": D(2021, 2, 15),
                                   "percent_complete": 50.0, "percent_raw": "50%", "rag": None}])}
    frames = derive.derive(tables, {})
    assert sorted(frames) == sorted(derive.FRAMES)
    assert len(frames["rows"]) == 0 and len(frames["target_changes"]) == 0
    assert values(frames["actions"]["doc_id"]) == ["d1"]
    assert values(frames["documents"]["percent_format_mixed"]) == [False]
