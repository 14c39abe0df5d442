"""Validation through Great Expectations: every contract check on small hand-made tables (one
case it must find, one it must not), the suites as the programme office edits them, and the
findings the real pipeline raises on the sample papers and on papers made here."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from papers import DECEMBER, december_summary, make_xlsx_summary, september_update

from pipeline import config, schema
from pipeline.checks.suites import SUITES_DIR, load_suites, validate
from pipeline.config import Settings
from pipeline.consolidate import consolidate, history
from pipeline.errors import ConfigError, SuiteError
from pipeline.findings import collect, finding
from pipeline.interpret import read_paper_file
from pipeline.run import run

D = dt.date
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPO = Path(__file__).resolve().parents[1]
CHECKS = ("percent_in_range", "percent_format_mixed", "due_date_parsed", "overdue", "progress_regressed",
          "progress_stalled", "target_date_revised", "lead_missing", "lead_nonlatin", "lead_unknown",
          "priority_missing", "rag_inconsistent", "action_not_reported", "duplicate_action")
SEVERITY = {"percent_in_range": "error", "percent_format_mixed": "warning", "due_date_parsed": "error",
            "overdue": "warning", "progress_regressed": "error", "progress_stalled": "warning",
            "target_date_revised": "info", "lead_missing": "error", "lead_nonlatin": "warning",
            "lead_unknown": "warning", "priority_missing": "warning", "rag_inconsistent": "warning",
            "action_not_reported": "info", "duplicate_action": "error"}


# --- hand-made tables -----------------------------------------------------------------------

def action(**fields: Any) -> dict[str, Any]:
    return {"action_id": "a1", "organisation": "Kelvindale Council", "plan": "Plan", "ref": "5",
            "description": "Bring together a joint approach", "lead": "Jane Smith", "lead_raw": "Jane Smith",
            "due_date": D(2021, 6, 30), **fields}


def snap(as_of: dt.date, percent: float | None, raw: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"action_id": "a1", "doc_id": "d1", "as_of": as_of, "percent_complete": percent,
            "percent_raw": raw if raw is not None else (None if percent is None else f"{percent:g}%"),
            "due_date": D(2021, 6, 30), **fields}


def row(**fields: Any) -> dict[str, Any]:
    return {"doc_id": "d1", "action_id": "a1", "local_id": 0, "ref": "5", "description": "Bring together",
            "lead": "Jane Smith", "priority": None, "paper_gives_priorities": False, "due_raw": "30/06/2021",
            "due_date": D(2021, 6, 30), "due_readable": True, "page": 1, "table_index": 0, "row_index": 1,
            "source_file": "update.docx", "report_date": D(2021, 2, 15), "plan_id": "p", "plan": "Plan",
            "organisation": "Kelvindale Council", **fields}


def tables(actions: list[dict[str, Any]] | None = None, snapshots: list[dict[str, Any]] | None = None,
           **extra: Any) -> dict[str, pd.DataFrame]:
    out = {
        "documents": schema.conform("documents", [{"doc_id": "d1", "file_name": "update.docx",
                                                   "status": "extracted", "report_date": D(2021, 2, 15)}]),
        "actions": schema.conform("actions", actions if actions is not None else [action()]),
        "snapshots": schema.conform("snapshots", snapshots if snapshots is not None else
                                    [snap(D(2021, 2, 15), 50.0)]),
        "items": schema.empty("items"), "findings": schema.empty("findings"),
    }
    out.update({k: pd.DataFrame(v) for k, v in extra.items()})
    return out


def found(t: dict[str, pd.DataFrame], check: str, settings: Settings | None = None) -> list[dict[str, Any]]:
    f = validate(t, settings or Settings())
    return [{str(k): (None if pd.isna(v) else v) for k, v in r.items()}
            for r in f[f["check"] == check].to_dict("records")]


REGISTER = Settings(leads={"Kelvindale Council": ["Jane Smith", "Chief Executive"]})
ACTION_NOT_REPORTED_ROWS = [row(doc_id="d0", report_date=D(2020, 9, 28)),
                            row(doc_id="d0", action_id="a2", ref="6", report_date=D(2020, 9, 28)),
                            row(action_id="a2", ref="6")]

# check -> (tables it must find once, tables it must not find, settings)
CASES: dict[str, tuple[Callable[[], dict[str, pd.DataFrame]], Callable[[], dict[str, pd.DataFrame]], Settings]] = {
    "percent_in_range": (lambda: tables(snapshots=[snap(D(2021, 2, 15), 150.0)]),
                         lambda: tables(snapshots=[snap(D(2021, 2, 15), 100.0)]), Settings()),
    "percent_format_mixed": (
        lambda: tables(snapshot_rows=[snap(D(2021, 2, 15), 70.0, "70"), snap(D(2021, 2, 15), 35.0, "35%")]),
        lambda: tables(snapshot_rows=[snap(D(2021, 2, 15), 70.0, "70%"), snap(D(2021, 2, 15), 35.0, "35%")]),
        Settings()),
    "due_date_parsed": (lambda: tables(rows=[row(due_raw="when funding allows", due_date=None, due_readable=False)]),
                        lambda: tables(rows=[row()]), Settings()),
    "overdue": (lambda: tables([action(due_date=D(2020, 2, 28))], [snap(D(2021, 2, 15), 25.0,
                                                                        due_date=D(2020, 2, 28))]),
                lambda: tables([action(due_date=D(2020, 2, 28))], [snap(D(2021, 2, 15), 100.0,
                                                                        due_date=D(2020, 2, 28))]), Settings()),
    "progress_regressed": (lambda: tables(snapshots=[snap(D(2020, 9, 28), 50.0), snap(D(2021, 2, 15), 40.0)]),
                           lambda: tables(snapshots=[snap(D(2020, 9, 28), 40.0), snap(D(2021, 2, 15), 50.0)]),
                           Settings()),
    "progress_stalled": (lambda: tables(snapshots=[snap(D(2020, 9, 28), 25.0), snap(D(2021, 2, 15), 25.0)]),
                         lambda: tables(snapshots=[snap(D(2020, 9, 28), 25.0), snap(D(2021, 2, 15), 30.0)]),
                         Settings()),
    "target_date_revised": (
        lambda: tables(rows=[row(due_raw="31-Mar-21 (30/06/2020)", due_date=D(2021, 3, 31),
                                 original_due_date=D(2020, 6, 30))],
                       target_changes=history.target_changes(pd.DataFrame([row(
                           due_date=D(2021, 3, 31), original_due_date=D(2020, 6, 30))]))),
        lambda: tables(rows=[row(original_due_date=None)],
                       target_changes=history.target_changes(pd.DataFrame([row(original_due_date=None)]))),
        Settings()),
    "lead_missing": (lambda: tables([action(lead=None, lead_raw=None)]), lambda: tables([action()]), Settings()),
    "lead_nonlatin": (lambda: tables([action(lead="H/H&P", lead_raw="н/н&Р")]),
                      lambda: tables([action(lead="H/H&P", lead_raw="H/H&P")]), Settings()),
    "lead_unknown": (lambda: tables([action(lead="John Curry")]), lambda: tables([action()]), REGISTER),
    "priority_missing": (lambda: tables(rows=[row(paper_gives_priorities=True, priority=None)]),
                         lambda: tables(rows=[row(paper_gives_priorities=False, priority=None)]), Settings()),
    "rag_inconsistent": (lambda: tables(snapshots=[snap(D(2021, 2, 15), 80.0, rag="complete")]),
                         lambda: tables(snapshots=[snap(D(2021, 2, 15), 100.0, rag="complete")]), Settings()),
    "action_not_reported": (
        lambda: tables(rows=ACTION_NOT_REPORTED_ROWS,
                       not_reported=history.not_reported(pd.DataFrame(ACTION_NOT_REPORTED_ROWS))),
        lambda: tables(rows=ACTION_NOT_REPORTED_ROWS[:2],
                       not_reported=history.not_reported(pd.DataFrame(ACTION_NOT_REPORTED_ROWS[:2]))),
        Settings()),
    "duplicate_action": (lambda: tables(rows=[row(), row(local_id=1, action_id="a2", row_index=2)]),
                         lambda: tables(rows=[row(), row(doc_id="d2", local_id=0)]), Settings()),
}


def test_every_contract_check_has_cases_and_a_suite_entry() -> None:
    assert sorted(CASES) == sorted(CHECKS)
    in_suites = {e["meta"]["check"]: e["meta"]["severity"] for s in load_suites().values() for e in s["expectations"]}
    assert in_suites == SEVERITY


@pytest.mark.parametrize("check", CHECKS)
def test_check_finds_the_failing_case(check: str) -> None:
    failing, _, settings = CASES[check]
    got = found(failing(), check, settings)
    assert len(got) == 1, got
    assert got[0]["severity"] == SEVERITY[check]
    assert got[0]["message"] and got[0]["doc_id"] is not None


@pytest.mark.parametrize("check", CHECKS)
def test_check_passes_the_good_case(check: str) -> None:
    _, passing, settings = CASES[check]
    assert found(passing(), check, settings) == []


def test_messages_a_person_understands() -> None:
    due = D(2020, 2, 28)
    t = tables([action(due_date=due)],
               [snap(D(2020, 9, 28), 25.0, due_date=due), snap(D(2021, 2, 15), 25.0, due_date=due)])
    f = validate(t, Settings())
    got = [(r["check"], r["severity"], r["doc_id"], r["action_id"], r["column"], r["value"], r["message"])
           for r in f.to_dict("records")]
    assert got == [
        ("overdue", "warning", "d1", "a1", "due_date", "2020-02-28",
         "Action 5: due 28/02/2020, progress 25% on 15/02/2021 (353 days overdue)"),
        ("progress_stalled", "warning", "d1", "a1", "percent_complete", "25",
         "Action 5: progress 25% on 15/02/2021, unchanged since 28/09/2020"),
    ]


def test_unreadable_percentage_is_out_of_range() -> None:
    got = found(tables(snapshots=[snap(D(2021, 2, 15), None, "about half")]), "percent_in_range")
    assert [(g["value"], g["message"]) for g in got] == [
        ("about half", "Action 5: progress 'about half' on 15/02/2021 cannot be read as a percentage")]


def test_blank_text_is_null_before_validating() -> None:
    assert [g["message"] for g in found(tables([action(lead="", lead_raw="  ")]), "lead_missing")] == [
        "Action 5: no lead officer"]
    assert len(found(tables(rows=[row(paper_gives_priorities=True, priority="")]), "priority_missing")) == 1


def test_lead_register_names_every_officer_and_only_where_configured() -> None:
    joint = tables([action(lead="Jane Smith / Chief Executive"), action(action_id="a2", lead="Jane Smith / J Bloggs")])
    assert [g["value"] for g in found(joint, "lead_unknown", REGISTER)] == ["Jane Smith / J Bloggs"]
    elsewhere = tables([action(organisation="Another Council", lead="J Bloggs")])
    assert found(elsewhere, "lead_unknown", REGISTER) == []


def test_nothing_to_validate() -> None:
    t = {"documents": schema.conform("documents", [{"doc_id": "d1", "file_name": "junk.docx",
                                                    "status": "quarantined", "error": "not a zip file"}]),
         "actions": schema.empty("actions"), "snapshots": schema.empty("snapshots"), "items": schema.empty("items"),
         "findings": schema.empty("findings"), "rows": pd.DataFrame(), "snapshot_rows": pd.DataFrame()}
    f = validate(t, Settings())
    assert len(f) == 0 and list(f.columns) == list(schema.TABLES["findings"])


def test_the_checks_give_their_own_findings_and_the_run_puts_earlier_stages_first() -> None:
    t = tables([action(lead=None)])
    earlier = [finding("action_renumbered", "info", "m", doc_id="d1", action_id="a1", column="ref", value=5)]
    t["findings"] = schema.conform("findings", earlier)  # a findings table the tables carry is not the checks' business
    checked = validate(t, Settings())
    assert list(checked["check"]) == ["lead_missing"]
    assert [f["check"] for f in collect(earlier, schema.records(checked))] == ["action_renumbered", "lead_missing"]
    assert earlier[0]["value"] == "5"


# --- the suites as a programme office edits them ---------------------------------------------

@pytest.fixture
def suites(tmp_path: Path) -> Path:
    folder = tmp_path / "expectations"
    shutil.copytree(SUITES_DIR, folder)
    return folder


def edit(folder: Path, frame: str, check: str, change: Callable[[dict[str, Any]], Any]) -> None:
    path = folder / f"{frame}.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    for exp in suite["expectations"]:
        if exp["meta"]["check"] == check:
            change(exp)
    suite["expectations"] = [e for e in suite["expectations"] if e]
    path.write_text(json.dumps(suite, indent=2), encoding="utf-8")


def overdue_tables() -> dict[str, pd.DataFrame]:
    return tables([action(due_date=D(2021, 1, 31))], [snap(D(2021, 2, 15), 25.0, due_date=D(2021, 1, 31))])


def test_threshold_severity_and_switching_off_by_editing_a_suite(suites: Path) -> None:
    def checks(t: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
        return [(r["check"], r["severity"]) for r in validate(t, Settings(), suites).to_dict("records")]

    assert checks(overdue_tables()) == [("overdue", "warning")]  # 15 days overdue
    edit(suites, "actions", "overdue", lambda e: e["kwargs"].update(max_value=30))  # a 30-day grace period
    assert checks(overdue_tables()) == []
    edit(suites, "actions", "overdue", lambda e: (e["kwargs"].update(max_value=0), e["meta"].update(severity="error")))
    assert checks(overdue_tables()) == [("overdue", "error")]
    edit(suites, "actions", "overdue", lambda e: e.clear())
    assert checks(overdue_tables()) == []


def test_a_check_the_programme_office_adds(suites: Path) -> None:
    path = suites / "actions.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"].append({"type": "expect_column_values_to_match_regex",
                                  "kwargs": {"column": "ref", "regex": r"^\d+(\.\d+)*$"},
                                  "meta": {"check": "ref_format", "severity": "info"}})
    path.write_text(json.dumps(suite), encoding="utf-8")
    f = validate(tables([action(ref="5a")]), Settings(), suites)
    assert [(r["check"], r["severity"], r["column"], r["value"]) for r in f.to_dict("records")] == [
        ("ref_format", "info", "ref", "5a")]
    assert f.loc[0, "message"] == "Action 5a: ref = '5a' fails the ref_format check"


@pytest.mark.parametrize("change, says", [
    (lambda e: e["meta"].pop("check"), "meta must name its 'check'"),
    (lambda e: e["meta"].update(severity="fatal"), "meta 'severity' must be one of error, warning, info"),
    (lambda e: e["kwargs"].update(column="overdue_dayz"), "no column 'overdue_dayz' in the actions frame"),
])
def test_a_broken_suite_is_a_configuration_error(suites: Path, change: Callable[[dict[str, Any]], Any],
                                                 says: str) -> None:
    edit(suites, "actions", "overdue", change)
    with pytest.raises(SuiteError, match=says) as info:
        validate(overdue_tables(), Settings(), suites)
    assert isinstance(info.value, ConfigError)


def test_a_suite_for_no_frame_or_not_json_is_refused(suites: Path) -> None:
    (suites / "typo.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SuiteError, match=r"typo\.json: no frame named 'typo'"):
        load_suites(suites)
    (suites / "typo.json").unlink()
    (suites / "rows.json").write_text("{", encoding="utf-8")
    with pytest.raises(SuiteError, match=r"rows\.json: not valid JSON"):
        load_suites(suites)
    with pytest.raises(SuiteError, match="no such folder of expectation suites"):
        load_suites(suites / "missing")


def test_great_expectations_is_imported_only_by_the_validation_step() -> None:
    code = ("import sys, pipeline.run, pipeline.checks.suites, pipeline.checks.derive, pipeline.cli; "
            "print('great_expectations' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the real pipeline ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> dict[str, pd.DataFrame]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    settings = config.load(None)
    papers = sorted((CORPUS / "papers").iterdir())
    consolidated = consolidate([read_paper_file(p, settings) for p in papers], settings)
    t = dict(consolidated.tables)
    t["findings"] = schema.conform("findings", collect(consolidated.findings, schema.records(validate(t, settings))))
    return t


def by_paper(t: dict[str, pd.DataFrame], prefix: str) -> list[dict[str, Any]]:
    docs = t["documents"]
    ids = set(docs[docs["file_name"].str.startswith(prefix)]["doc_id"])
    refs = dict(zip(t["actions"]["action_id"], t["actions"]["ref"], strict=True))
    return [{**{str(k): (None if pd.isna(v) else v) for k, v in r.items()}, "ref": refs.get(r["action_id"])}
            for r in t["findings"].to_dict("records") if r["doc_id"] in ids]


def test_sample_papers_raise_no_errors(sample: dict[str, pd.DataFrame]) -> None:
    f = sample["findings"]
    assert list(f[f["severity"] == "error"]["message"]) == []


def test_sample_strategic_summary(sample: dict[str, pd.DataFrame]) -> None:
    got = by_paper(sample, "mc002")
    nonlatin = [(g["value"], g["message"]) for g in got if g["check"] == "lead_nonlatin"]
    assert nonlatin == [("н/н&Р", "Action 'Improving satisfaction levels in Housing': lead 'н/н&Р' is typed with "
                                  "look-alike non-Latin letters (н, Р); read as 'H/H&P'")]
    blank = [g["message"].split(": ")[0] for g in got if g["check"] == "priority_missing"]
    # the .pdf printed from the .xlsx is the same paper: read once, its findings not repeated
    assert blank == ["Action 'Continue working with CPP to determine clear outcomes and...'"]
    mixed = sorted(g["value"] for g in got if g["check"] == "percent_format_mixed")
    assert mixed == ["'70' and '35%'"]
    assert {g["check"] for g in got} == {"lead_nonlatin", "priority_missing", "percent_format_mixed", "duplicate_paper"}
    [twin] = [g for g in got if g["check"] == "duplicate_paper"]
    assert twin["message"].startswith("mc002_bvar_strategic_summary_2021-03.pdf repeats "
                                      "mc002_bvar_strategic_summary_2021-03.xlsx (the same title, report date and")


def test_sample_action_plan_update(sample: dict[str, pd.DataFrame]) -> None:
    got = by_paper(sample, "sbc")
    per_check: dict[str, list[str]] = {}
    for g in got:
        if g["check"] != "duplicate_paper":  # the .pdf of the .docx: about the paper, not an action
            per_check.setdefault(g["check"], []).append(g["ref"])
    assert {k: sorted(v, key=int) for k, v in per_check.items()} == {
        # every action past its target at 15/02/2021 and under 100% (9 is due 31/03/2021, 28 is complete)
        "overdue": ["2", "4", "5", "7", "8", "10", "11", "13", "31", "33"],
        "progress_stalled": ["5", "7", "10", "31", "33"],  # same percentage at 28/09/2020 and 15/02/2021
        "target_date_revised": ["9", "11", "33"],  # '31-Mar-21 (30/06/2020)' and the like
    }
    five = {g["check"]: (g["value"], g["message"]) for g in got if g["ref"] == "5"}
    assert five == {
        "overdue": ("2020-02-28", "Action 5: due 28/02/2020, progress 25% on 15/02/2021 (353 days overdue)"),
        "progress_stalled": ("25", "Action 5: progress 25% on 15/02/2021, unchanged since 28/09/2020"),
    }


def test_plan_history_across_two_papers(tmp_path: Path) -> None:
    """Kelvindale's update (September) and summary (December): 2.2 dropped, 1.2 re-dated twice,
    3.1 stuck at 15%."""
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "kelvindale_update_2021-09.docx")
    december_summary(inp / "kelvindale_summary_2021-12.xlsx")
    t = run(tmp_path / "ws", Settings(), input_dir=inp, email=False, now=dt.datetime(2022, 1, 5)).tables
    refs = dict(zip(t["actions"]["action_id"], t["actions"]["ref"], strict=True))
    f = t["findings"]
    got = sorted((r["check"], refs.get(r["action_id"]), r["message"]) for r in f.to_dict("records")
                 if r["check"] in CHECKS)
    assert got == [
        ("action_not_reported", "2.2", "Action 2.2: reported on 20/09/2021 but missing from the paper of 13/12/2021"),
        ("progress_stalled", "2.2", "Action 2.2: progress 0% on 20/09/2021, unchanged since 30/06/2021"),
        ("progress_stalled", "3.1", "Action 3.1: progress 15% on 13/12/2021, unchanged since 20/09/2021"),
        ("progress_stalled", "3.1", "Action 3.1: progress 15% on 20/09/2021, unchanged since 30/06/2021"),
        ("target_date_revised", "1.2", "Action 1.2: target date revised from 30/09/2021 to 31/03/2022 (182 days "
                                       "later; the paper prints the original in brackets, report of 20/09/2021)"),
        ("target_date_revised", "1.2", "Action 1.2: target date revised from 31/03/2022 to 30/06/2022 (91 days "
                                       "later; a later paper moves it, report of 13/12/2021)"),
    ]
    staged = pd.read_parquet(tmp_path / "ws" / "staged" / "findings.parquet")
    assert len(staged) == len(f) and list(staged.columns) == list(schema.TABLES["findings"])


def test_errors_a_paper_made_here_raises(tmp_path: Path) -> None:
    """One Excel summary with a percentage over 100, a blank lead, an unreadable target date, an
    action printed twice, a RAG of complete at 80% and a fall in progress."""
    inp = tmp_path / "in"
    inp.mkdir()
    actions: list[dict[str, Any]] = [
        {"ref": "1", "description": "Agree a shared vision", "lead": "Chief Executive", "due": D(2022, 3, 31),
         "before": 0.5, "progress": 1.5, "rag": "green"},
        {"ref": "2", "description": "Publish a financial strategy", "lead": None, "due": D(2022, 3, 31),
         "before": 0.6, "progress": 0.4, "rag": "amber"},
        {"ref": "3", "description": "Set up locality partnerships", "lead": "Head of Communities",
         "due": "when funding allows", "before": 0.1, "progress": 0.8, "rag": "complete"},
        {"ref": "3", "description": "Set up locality partnerships", "lead": "Head of Communities",
         "due": D(2022, 3, 31), "before": 0.1, "progress": 0.8, "rag": "complete"},
    ]
    make_xlsx_summary(inp / "summary.xlsx", "Kelvindale Council Best Value Action Plan", DECEMBER, actions,
                      earlier=D(2021, 9, 20))
    settings = Settings(leads={"Kelvindale Council": ["Chief Executive"]})
    t = run(tmp_path / "ws", settings, input_dir=inp, email=False, now=dt.datetime(2022, 1, 5)).tables
    refs = dict(zip(t["actions"]["action_id"], t["actions"]["ref"], strict=True))
    got = sorted({(r["check"], r["severity"], refs.get(r["action_id"])) for r in t["findings"].to_dict("records")
                  if r["check"] in CHECKS})
    assert got == [
        ("due_date_parsed", "error", "3"),
        ("duplicate_action", "error", "3"),
        ("lead_missing", "error", "2"),
        ("lead_unknown", "warning", "3"),
        ("percent_in_range", "error", "1"),
        ("progress_regressed", "error", "2"),
        ("rag_inconsistent", "warning", "3"),
    ]
