"""One action, one history: papers of one plan, made here, run through the real pipeline."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from papers import (
    DECEMBER,
    DESCRIPTIONS,
    JUNE,
    KELVINDALE,
    SEPTEMBER,
    december_summary,
    make_pdf_update,
    make_xlsx_summary,
    september_update,
)

from pipeline import config
from pipeline.config import Settings
from pipeline.consolidate import consolidate, history, plans
from pipeline.interpret import PaperReading, read_paper_file
from pipeline.run import run

D = dt.date


def _run(inp: Path, ws: Path, settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    return run(ws, settings or config.load(None), input_dir=inp, email=False, now=dt.datetime(2022, 1, 5)).tables


def _ids(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """ref -> action_id, checking that each number has one id across all papers."""
    rows = tables["rows"]
    by_ref = rows.groupby("ref")["action_id"].unique()
    assert all(len(ids) == 1 for ids in by_ref), by_ref
    return {str(ref): str(ids[0]) for ref, ids in by_ref.items()}


def _docs(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """file name -> doc_id"""
    return dict(zip(tables["documents"]["file_name"], tables["documents"]["doc_id"], strict=True))


def _checks(tables: dict[str, pd.DataFrame], check: str) -> list[dict[str, Any]]:
    found = tables["findings"]
    return [{str(k): v for k, v in r.items()} for r in found[found["check"] == check].to_dict("records")]


@pytest.fixture
def two_papers(tmp_path: Path) -> Path:
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "kelvindale_update_2021-09.docx")
    december_summary(inp / "kelvindale_summary_2021-12.xlsx")
    return inp


def test_one_plan_a_quarter_apart(two_papers: Path, tmp_path: Path) -> None:
    t = _run(two_papers, tmp_path / "ws")
    ids, docs = _ids(t), _docs(t)
    sep, dec = docs["kelvindale_update_2021-09.docx"], docs["kelvindale_summary_2021-12.xlsx"]
    assert sorted(ids) == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]
    actions = t["actions"].set_index("action_id")
    assert len(actions) == 6
    assert set(actions["organisation"]) == {"Kelvindale Council"}
    assert set(actions["plan"]) == {"Best Value Action Plan"}
    got = {ref: tuple(actions.loc[aid, ["due_date", "original_due_date", "first_seen", "last_seen", "lead"]])
           for ref, aid in ids.items()}
    assert got == {
        "1.1": (D(2021, 12, 31), None, SEPTEMBER, DECEMBER, "Chief Executive"),
        "1.2": (D(2022, 6, 30), D(2021, 9, 30), SEPTEMBER, DECEMBER, "Head of HR"),
        "2.1": (D(2021, 10, 31), None, SEPTEMBER, DECEMBER, "Chief Financial Officer"),
        "2.2": (D(2022, 3, 31), None, SEPTEMBER, SEPTEMBER, "Chief Financial Officer"),
        "3.1": (D(2022, 6, 30), None, SEPTEMBER, DECEMBER, "Head of Communities"),
        "3.2": (D(2022, 9, 30), None, DECEMBER, DECEMBER, "Head of Communities"),
    }
    # the theme comes from the update; the summary has none, so the latest stated one stays
    assert actions.loc[ids["1.1"], "theme"] == "Strengthen leadership and strategic direction"

    snaps = t["snapshots"]
    series = {ref: [(s["as_of"], s["percent_complete"], s["rag"], s["doc_id"] == sep)
                    for s in snaps[snaps["action_id"] == aid].to_dict("records")] for ref, aid in ids.items()}
    assert series == {
        "1.1": [(JUNE, 20.0, None, True), (SEPTEMBER, 45.0, None, True), (DECEMBER, 80.0, "green", False)],
        # the summary says 30% at September; the update's own figure (25%) wins, with a finding
        "1.2": [(JUNE, 10.0, None, True), (SEPTEMBER, 25.0, None, True), (DECEMBER, 30.0, "amber", False)],
        "2.1": [(JUNE, 50.0, None, True), (SEPTEMBER, 90.0, None, True), (DECEMBER, 100.0, "complete", False)],
        "2.2": [(JUNE, 0.0, None, True), (SEPTEMBER, 0.0, None, True)],
        "3.1": [(JUNE, 15.0, None, True), (SEPTEMBER, 15.0, None, True), (DECEMBER, 15.0, "red", False)],
        "3.2": [(DECEMBER, 5.0, "green", False)],
    }
    assert not snaps.duplicated(["action_id", "as_of"]).any()
    # the September row of 1.1 keeps the update's commentary
    sept_11 = snaps[(snaps["action_id"] == ids["1.1"]) & (snaps["as_of"] == SEPTEMBER)].iloc[0]
    assert sept_11["status_text"] == "Two member workshops held."

    disagreements = [(f["doc_id"], f["action_id"], f["column"], f["value"])
                     for f in _checks(t, "snapshot_disagreement")]
    assert disagreements == [(dec, ids["1.2"], "percent_complete", "30%")]
    assert _checks(t, "action_match_uncertain") == []

    changes = t["target_changes"]
    assert list(changes.columns) == ["action_id", "doc_id", "as_of", "old_due_date", "new_due_date", "source",
                                     "days_slipped"]
    assert [tuple(r) for r in changes.itertuples(index=False)] == [
        (ids["1.2"], sep, SEPTEMBER, D(2021, 9, 30), D(2022, 3, 31), "bracket", 182),
        (ids["1.2"], dec, DECEMBER, D(2022, 3, 31), D(2022, 6, 30), "later paper", 91),
    ]

    decisions = t["decisions"]
    assert [tuple(r) for r in decisions.itertuples(index=False)] == [
        (ids["1.2"], sep, D(2021, 9, 15), "Change target date to March 2022"),
        (ids["1.2"], dec, D(2021, 12, 1), "Move target to June 2022; note absence."),
    ]

    not_reported = t["not_reported"].to_dict("records")
    assert not_reported == [{
        "action_id": ids["2.2"], "plan": "Best Value Action Plan", "organisation": "Kelvindale Council",
        "last_reported_doc_id": sep, "last_reported_on": SEPTEMBER, "latest_doc_id": dec,
        "latest_report_date": DECEMBER}]

    items = [(i["kind"], i["text"][:24], i["action_id"]) for i in t["items"].to_dict("records")]
    assert sorted(items, key=str) == sorted([
        ("risk", "Leadership development: ", ids["1.2"]),
        ("issue", "Budget pressures across ", None),
        ("target", "Locality partnerships: a", ids["3.1"]),
    ], key=str)

    rows = t["rows"]
    assert {"action_id", "organisation", "plan", "report_date", "doc_id", "local_id", "due_raw"} <= set(rows.columns)
    assert len(rows) == 10
    # consolidation's own findings are in the run's findings table, once
    assert [f["check"] for f in _checks(t, "snapshot_disagreement")] == ["snapshot_disagreement"]


def test_staged_tables_hold_the_history(two_papers: Path, tmp_path: Path) -> None:
    _run(two_papers, tmp_path / "ws")
    staged = {n: pd.read_parquet(tmp_path / "ws" / "staged" / f"{n}.parquet") for n in ("actions", "snapshots")}
    assert len(staged["actions"]) == 6
    assert len(staged["snapshots"]) == 15
    assert staged["actions"]["action_id"].is_unique


def test_an_older_paper_arriving_later_slots_into_the_history(two_papers: Path, tmp_path: Path) -> None:
    fresh = _run(two_papers, tmp_path / "fresh")
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(two_papers / "kelvindale_summary_2021-12.xlsx", later)
    first = _run(later, tmp_path / "ws")
    shutil.copy(two_papers / "kelvindale_update_2021-09.docx", later)
    second = _run(later, tmp_path / "ws")
    # numbered actions keep the ids they had before the older paper arrived
    assert set(first["actions"]["action_id"]) <= set(second["actions"]["action_id"])
    for name in ("documents", "actions", "snapshots", "target_changes", "decisions", "not_reported", "items"):
        a = fresh[name].drop(columns=["source_path"], errors="ignore")
        b = second[name].drop(columns=["source_path"], errors="ignore")
        pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=name)
    snaps = second["snapshots"]
    aid = _ids(second)["1.1"]
    assert list(snaps[snaps["action_id"] == aid]["as_of"]) == [JUNE, SEPTEMBER, DECEMBER]
    assert second["actions"].set_index("action_id").loc[aid, "first_seen"] == SEPTEMBER


def test_order_of_arrival_does_not_matter(two_papers: Path) -> None:
    settings = config.load(None)
    readings = [read_paper_file(p, settings) for p in sorted(two_papers.iterdir())]
    a = consolidate(readings, settings)
    b = consolidate(list(reversed(readings)), settings)
    for name in ("documents", "actions", "snapshots", "items", "target_changes", "decisions", "not_reported"):
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)
    assert a.findings == b.findings


STRATHMORE = {ref: f"Strathmore: {text.lower()} for the islands" for ref, text in DESCRIPTIONS.items()}
OTHER_PLAN = {
    "1.1": "Review the council's asset management strategy", "1.2": "Replace the housing repairs system",
    "2.1": "Bring roads maintenance back in house", "2.2": "Close two depots",
    "3.1": "Publish ward profiles every year", "3.2": "Train staff in customer care",
}


def _no_shared_ids(t: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    rows = t["rows"]
    by_org: dict[str, set[str]] = {}
    for org, aid in zip(rows["organisation"].fillna("?"), rows["action_id"], strict=True):
        by_org.setdefault(str(org), set()).add(str(aid))
    groups = list(by_org.values())
    assert all(not (a & b) for i, a in enumerate(groups) for b in groups[i + 1:])
    return by_org


def test_two_councils_in_sub_folders_never_share_ids(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp / "kelvindale").mkdir(parents=True)
    (inp / "strathmore-council").mkdir(parents=True)
    # the same title, the same numbers, the same words: only the folder tells them apart
    september_update(inp / "kelvindale" / "update.docx", title="Best Value Action Plan")
    september_update(inp / "strathmore-council" / "update.docx", title="Best Value Action Plan ")
    settings = config.load({"organisations": {"kelvindale": "Kelvindale Council",
                                              "strathmore*": "Strathmore Council"}})
    t = _run(inp, tmp_path / "ws", settings)
    by_org = _no_shared_ids(t)
    assert sorted(by_org) == ["Kelvindale Council", "Strathmore Council"]
    assert len(by_org["Kelvindale Council"]) == len(by_org["Strathmore Council"]) == 5
    assert len(t["actions"]) == 10


def test_two_councils_named_in_titles_never_share_ids(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "kelvindale.docx")
    december_summary(inp / "kelvindale.xlsx")
    september_update(inp / "strathmore.docx", title="Strathmore Council Best Value Action Plan",
                     descriptions=STRATHMORE)
    t = _run(inp, tmp_path / "ws")
    by_org = _no_shared_ids(t)
    assert sorted(by_org) == ["Kelvindale Council", "Strathmore Council"]
    assert (len(by_org["Kelvindale Council"]), len(by_org["Strathmore Council"])) == (6, 5)
    # each council's not-reported list is its own: Strathmore's one paper is its latest
    assert set(t["not_reported"]["organisation"]) == {"Kelvindale Council"}


def test_the_same_title_over_different_actions_is_another_plan(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "a.docx", title="Best Value Action Plan")
    december_summary(inp / "b.xlsx", title="Best Value Action Plan", descriptions=OTHER_PLAN)
    t = _run(inp, tmp_path / "ws")
    rows = t["rows"]
    assert rows.groupby("ref")["action_id"].nunique().to_dict() == {
        "1.1": 2, "1.2": 2, "2.1": 2, "2.2": 1, "3.1": 2, "3.2": 1}
    assert sorted(set(rows["plan"])) == ["Best Value Action Plan", "Best Value Action Plan (2)"]
    assert [f["check"] for f in _checks(t, "plan_match_uncertain")] == ["plan_match_uncertain"]
    assert len(t["not_reported"]) == 0


UNNUMBERED_MARCH = [
    {"description": "Increase the pace of Transformational Change", "lead": "DCE (ECOD)", "due": "May 2021",
     "progress": 0.7, "decisions": "1.3.21: Change target date to May 2021"},
    {"description": "Financial Planning", "lead": "DCE (EEF)", "due": dt.datetime(2022, 2, 28), "progress": 0.35},
    {"description": "Improve Educational Attainment", "lead": "H/E", "due": dt.datetime(2023, 6, 30),
     "progress": 0.4},
    {"description": "Continue to progress the Governance Review", "lead": "H/GSP", "due": dt.datetime(2021, 4, 30),
     "progress": 0.5},
]
UNNUMBERED_JUNE = [
    {"description": "Increase the pace of transformational change and service redesign", "lead": "DCE (ECOD)",
     "due": "Aug 2021", "progress": 0.8},
    {"description": "Financial planning and budget setting", "lead": "DCE (EEF)", "due": dt.datetime(2022, 2, 28),
     "progress": 0.5},
    {"description": "Improve educational attainment.", "lead": "H/E", "due": dt.datetime(2023, 6, 30),
     "progress": 0.45},
]


def test_unnumbered_actions_are_matched_by_description(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    title = "Best Value Assurance Strategic Action Plan"
    make_xlsx_summary(inp / "mc002.xlsx", f"{title}: MC 002", D(2021, 3, 1), UNNUMBERED_MARCH,
                      report_ref="MC 002", numbered=False)
    make_xlsx_summary(inp / "mc017.xlsx", f"{title}: MC 017", D(2021, 6, 7), UNNUMBERED_JUNE,
                      report_ref="MC 017", numbered=False)
    t = _run(inp, tmp_path / "ws")
    rows = t["rows"]
    ids = dict(zip(rows["description"], rows["action_id"], strict=True))
    # reworded but the same action
    assert ids["Increase the pace of Transformational Change"] == \
        ids["Increase the pace of transformational change and service redesign"]
    assert ids["Improve Educational Attainment"] == ids["Improve educational attainment."]
    # too short to be sure: a new action, and a finding says so
    assert ids["Financial Planning"] != ids["Financial planning and budget setting"]
    uncertain = _checks(t, "action_match_uncertain")
    assert [(f["action_id"], f["value"]) for f in uncertain] == [
        (ids["Financial planning and budget setting"], "Financial planning and budget setting")]
    assert set(t["not_reported"]["action_id"]) == {ids["Financial Planning"],
                                                   ids["Continue to progress the Governance Review"]}
    changes = t["target_changes"]
    assert [tuple(r) for r in changes[["old_due_date", "new_due_date", "source"]].itertuples(index=False)] == [
        (D(2021, 5, 31), D(2021, 8, 31), "later paper")]
    assert [tuple(r) for r in t["decisions"][["decided_on", "text"]].itertuples(index=False)] == [
        (D(2021, 3, 1), "Change target date to May 2021")]


def test_one_date_in_two_papers_is_one_row(tmp_path: Path) -> None:
    """The same update saved twice (a second copy with one figure changed): one row per date,
    the earliest file wins where neither is more its own, and the disagreement is a finding."""
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "a_update.docx")
    path = september_update(inp / "b_update.docx")
    import docx

    document = docx.Document(str(path))
    document.tables[0].rows[1].cells[5].text = "50%"  # 1.1 current progress: 45% in the first copy
    document.save(str(path))
    t = _run(inp, tmp_path / "ws")
    docs, ids = _docs(t), _ids(t)
    snaps = t["snapshots"]
    assert len(t["actions"]) == 5
    assert not snaps.duplicated(["action_id", "as_of"]).any()
    row = snaps[(snaps["action_id"] == ids["1.1"]) & (snaps["as_of"] == SEPTEMBER)].iloc[0]
    assert (row["doc_id"], row["percent_complete"]) == (docs["a_update.docx"], 45.0)
    assert [(f["doc_id"], f["value"]) for f in _checks(t, "snapshot_disagreement")] == [
        (docs["b_update.docx"], "50%")]
    assert len(t["not_reported"]) == 0


@pytest.mark.skipif(importlib.util.find_spec("extractors.pdf") is None, reason="PDF extraction not in this tree")
def test_a_later_update_as_pdf_keeps_the_ids(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "update.docx")
    actions = [{"ref": ref, "description": DESCRIPTIONS[ref], "lead": "Chief Executive", "due": "31-Mar-22",
                "progress": "60%"} for ref in ("1.1", "1.2", "3.2")]
    make_pdf_update(inp / "update_2022-03.pdf", KELVINDALE, D(2022, 3, 14), actions)
    t = _run(inp, tmp_path / "ws")
    ids = _ids(t)
    assert sorted(ids) == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]
    assert set(t["not_reported"]["action_id"]) == {ids["2.1"], ids["2.2"], ids["3.1"]}


# --- the pieces -----------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "ref", "organisation", "plan"), [
    ("Kelvindale Council Best Value Action Plan", None, "Kelvindale Council", "Best Value Action Plan"),
    ("Kelvindale Council Best Value Action Plan: Quarterly Summary", "AS/22/04", "Kelvindale Council",
     "Best Value Action Plan"),
    ("Best Value Assurance Strategic Action Plan: MC 002", "MC 002", None,
     "Best Value Assurance Strategic Action Plan"),
    ("Best Value Audit Implementation Plan", None, None, "Best Value Audit Implementation Plan"),
    ("City of Edinburgh Council BV Action Plan Progress Report to the Audit and Scrutiny Committee", None,
     "City of Edinburgh Council", "BV Action Plan"),
    ("The Highland Council - Best Value Improvement Plan Q3 2021/22", None, "Highland Council",
     "Best Value Improvement Plan"),
    ("Report to Council: Best Value Action Plan Update, September 2021", None, None, "Best Value Action Plan"),
    ("Progress Report", None, None, None),
])
def test_organisation_and_plan_from_a_title(title: str, ref: str | None, organisation: str | None,
                                            plan: str | None) -> None:
    found = plans.organisation_in_title(title)
    assert (found, plans.plan_name(title, ref, found)) == (organisation, plan)


def test_plan_keys_fold_abbreviations() -> None:
    assert plans.plan_key("BV Action Plan") == plans.plan_key("Best Value Action Plan") == "best value action plan"


@pytest.mark.parametrize(("path", "organisation"), [
    ("/ws/raw/kelvindale/2021/update.docx", "Kelvindale Council"),
    ("/ws/raw/councils/strathmore/update.docx", "Strathmore Council"),
    ("/ws/raw/update.docx", None),
    ("/srv/raw/ws/raw/other/update.docx", None),  # only folders under the last raw/ count
    ("/ws/raw/kelvindale.docx", "Kelvindale Council"),  # a file-name glob: a flat shared folder
    ("/ws/raw/islands/update.xlsx", "Islands Council"),  # a pattern over the path
])
def test_organisation_from_a_sub_folder(path: str, organisation: str | None) -> None:
    mapping = {"kelvindale*": "Kelvindale Council", "councils/strath*": "Strathmore Council", "ws": "Not this",
               "islands/*.xlsx": "Islands Council"}
    assert plans.organisation_from_path(path, mapping) == organisation


@pytest.mark.parametrize(("text", "parts"), [
    ("1.3.21: Change target date to May 2021", [(D(2021, 3, 1), "Change target date to May 2021")]),
    ("1.3.21: Maintain overall timescale. 12/04/2021 - Extend to August.",
     [(D(2021, 3, 1), "Maintain overall timescale."), (D(2021, 4, 12), "Extend to August.")]),
    ("Agreed by CMT. 3 May 2021: Close the action", [(None, "Agreed by CMT."), (D(2021, 5, 3), "Close the action")]),
    ("Report due 1.4.21 - then review", [(None, "Report due 1.4.21 - then review")]),
    ("1.3.21: Extend to June 12.4.21: Close", [(D(2021, 3, 1), "Extend to June"), (D(2021, 4, 12), "Close")]),
    ("", []),
])
def test_decisions_with_a_date_prefix(text: str, parts: list[tuple[dt.date | None, str]]) -> None:
    assert history.split_decisions(text) == parts


def _rows(*papers: tuple[dt.date, dt.date | None, dt.date | None]) -> pd.DataFrame:
    return pd.DataFrame([{"action_id": "a", "doc_id": f"d{i}", "report_date": when, "due_date": due,
                          "original_due_date": original} for i, (when, due, original) in enumerate(papers)])


def test_target_history_counts_each_move_once() -> None:
    rows = _rows((D(2021, 3, 1), D(2021, 6, 30), D(2021, 3, 31)),  # bracket: March -> June
                 (D(2021, 6, 1), D(2021, 6, 30), D(2021, 3, 31)),  # the same bracket again
                 (D(2021, 9, 1), D(2021, 12, 31), D(2021, 6, 30)),  # moved, and says so in brackets
                 (D(2021, 12, 1), None, None))  # unreadable: not a move
    got = [(r.doc_id, r.old_due_date, r.new_due_date, r.source, r.days_slipped)
           for r in history.target_changes(rows).itertuples()]
    assert got == [("d0", D(2021, 3, 31), D(2021, 6, 30), "bracket", 91),
                   ("d2", D(2021, 6, 30), D(2021, 12, 31), "later paper", 184)]
    assert history.original_due_date(history.records(rows)) == D(2021, 3, 31)


def test_original_due_date_is_null_when_never_revised() -> None:
    rows = _rows((D(2021, 3, 1), D(2021, 6, 30), None), (D(2021, 6, 1), D(2021, 6, 30), None))
    assert history.original_due_date(history.records(rows)) is None


def _reading(doc_id: str, when: dt.date, refs_and_texts: list[tuple[str | None, str]],
             title: str = KELVINDALE) -> PaperReading:
    document = {"doc_id": doc_id, "file_name": f"{doc_id}.docx", "source_path": f"/ws/raw/{doc_id}.docx",
                "format": "docx", "title": title, "report_ref": None, "report_date": when,
                "committee_date": None, "status": "extracted", "error": None, "n_actions": len(refs_and_texts)}
    actions = [{"doc_id": doc_id, "local_id": i, "ref": ref, "description": text, "due_date": None,
                "original_due_date": None} for i, (ref, text) in enumerate(refs_and_texts)]
    snaps = [{"doc_id": doc_id, "local_id": i, "as_of": when, "percent_complete": 10.0 * i, "is_current": True}
             for i in range(len(actions))]
    return PaperReading(document=document, actions=actions, snapshots=snaps)


def _matched(readings: list[PaperReading]) -> tuple[dict[tuple[str, str | None], str], list[tuple[str, str]]]:
    c = consolidate(readings, config.load(None))
    rows = c.tables["rows"]
    ids = {(str(r["doc_id"]), r["ref"]): str(r["action_id"]) for r in rows.to_dict("records")}
    return ids, [(str(f["check"]), str(f["severity"])) for f in c.findings]


def test_renumbered_actions_follow_their_descriptions() -> None:
    d = DESCRIPTIONS
    first = _reading("p1", SEPTEMBER, [("1.1", d["1.1"]), ("1.2", d["1.2"]), ("3.1", d["3.1"])])
    later = _reading("p2", DECEMBER, [("1.1", d["1.2"]), ("1.2", d["1.1"]), ("4.1", d["3.1"])])
    ids, found = _matched([first, later])
    assert (ids[("p2", "1.1")], ids[("p2", "1.2")], ids[("p2", "4.1")]) == \
        (ids[("p1", "1.2")], ids[("p1", "1.1")], ids[("p1", "3.1")])
    assert found == [("action_renumbered", "info")] * 3


def test_a_number_whose_words_changed_is_matched_by_number_with_a_finding() -> None:
    first = _reading("p1", SEPTEMBER, [("1.1", DESCRIPTIONS["1.1"]), ("1.2", DESCRIPTIONS["1.2"])])
    later = _reading("p2", DECEMBER, [("1.1", DESCRIPTIONS["1.1"]), ("1.2", "Commission an external review")])
    ids, found = _matched([first, later])
    assert ids[("p2", "1.2")] == ids[("p1", "1.2")]
    assert found == [("action_match_uncertain", "warning")]


def test_a_description_close_to_two_actions_is_a_finding() -> None:
    first = _reading("p1", SEPTEMBER, [(None, "Review the scheme of delegation for officers"),
                                       (None, "Review the scheme of delegation for members")])
    later = _reading("p2", DECEMBER, [(None, "Review the scheme of delegation")])
    c = consolidate([first, later], config.load(None))
    ids = dict(zip(c.tables["rows"]["description"], c.tables["rows"]["action_id"], strict=True))
    # a tie: matched to one of them (the first reported), and a finding says so
    assert ids["Review the scheme of delegation"] == ids["Review the scheme of delegation for officers"]
    assert [f["check"] for f in c.findings] == ["action_match_uncertain"]
    assert "about equally" in c.findings[0]["message"]


@pytest.mark.parametrize("named_first", [True, False])
def test_a_paper_that_does_not_name_its_council_joins_the_plan_it_continues(tmp_path: Path,
                                                                            named_first: bool) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    if named_first:
        september_update(inp / "update.docx")
        december_summary(inp / "summary.xlsx", title="Best Value Action Plan: Quarterly Summary")
    else:
        september_update(inp / "update.docx", title="Best Value Action Plan")
        december_summary(inp / "summary.xlsx")
    t = _run(inp, tmp_path / "ws")
    _ids(t)  # one id per number across both papers
    assert len(t["actions"]) == 6
    assert set(t["actions"]["organisation"]) == {"Kelvindale Council"}
    assert list(t["not_reported"]["action_id"]) == [_ids(t)["2.2"]]
