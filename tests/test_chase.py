"""Who to chase, from real runs over committee papers: only current findings for the lead officers,
by lead, each naming organisation, plan, ref and description; the office's findings apart; actions
due in the next 60 days; links where the papers are published. And what decides whose plan a
paper is: a council named on its first page, plan names without report references, the
programme office's per-paper overrides."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import docx
import pytest

from pipeline import config
from pipeline.config import Settings
from pipeline.consolidate.plans import plan_name
from pipeline.publish import report
from pipeline.publish.chase import chase_list
from pipeline.run import RunResult, run

SERIES = Path(__file__).resolve().parent / "series" / "papers"
AUGUST = dt.datetime(2022, 9, 1, 8, 0)


def _ref(result: RunResult, action_id: object) -> object:
    actions = result.tables["actions"]
    return dict(zip(actions["action_id"], actions["ref"], strict=True)).get(action_id)


@pytest.fixture(scope="module")
def strathbeg(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    ws = tmp_path_factory.mktemp("ws")
    return run(ws, Settings(), input_dir=SERIES / "strathbeg_docx", email=False, now=AUGUST)


def test_a_finding_a_later_paper_supersedes_is_not_current(strathbeg: RunResult) -> None:
    f = strathbeg.tables["findings"]
    stalled = f[f["check"] == "progress_stalled"]
    # action 7: 0% in February and May (stalled in May), 15% in August: May's finding is history
    assert [(_ref(strathbeg, a), c) for a, c in zip(stalled["action_id"], stalled["current"], strict=True)] == [
        ("7", False)]
    assert f[f["check"] == "action_not_reported"]["current"].tolist() == [True, True]  # about the August paper


def test_the_chase_list_holds_current_lead_findings_only(strathbeg: RunResult) -> None:
    chase = chase_list(strathbeg.tables, AUGUST.date())
    lines = [(g.lead, line.check, line.ref) for g in chase.leads for line in g.findings]
    assert ("progress_stalled", "7") not in [(c, r) for _, c, r in lines]
    assert sorted((c, r) for _, c, r in lines) == [
        ("action_not_reported", "6"), ("action_not_reported", "9"), ("target_date_revised", "3"),
        ("target_date_revised", "5")]
    assert chase.superseded == 1
    line = next(line for g in chase.leads for line in g.findings if line.ref == "3")
    assert (line.organisation, line.plan) == ("Strathbeg Council", "Best Value Action Plan")
    assert line.description and "Action 3" in line.message
    html = strathbeg.report.read_text(encoding="utf-8") if strathbeg.report else ""
    section = html[html.index("Chase list, by lead officer"):html.index("Papers and data to fix")]
    assert "progress 0% on 16/05/2022" not in section and "Action 6: reported on 16/05/2022" in section
    assert "1 earlier finding was superseded by later papers: not chased" in section
    assert "Strathbeg Council, Best Value Action Plan, action 3: " in section


def test_the_report_opens_with_what_changed(strathbeg: RunResult) -> None:
    html = strathbeg.report.read_text(encoding="utf-8") if strathbeg.report else ""
    changed = html.index("What changed since the last report")
    assert changed < html.index("Chase list, by lead officer")
    counts = re.findall(r'font-weight:bold;">(\d+)</div><div>([a-zA-Z ]+)</div>', html[changed:])[:5]
    assert counts == [("1", "new"), ("1", "completed"), ("1", "RAG worse"), ("1", "target moved later"),
                      ("1", "dropped")]
    assert "RAG green to amber" in html  # action 2, worse: among the worst changes listed


def test_actions_due_in_the_next_60_days_are_chased(tmp_path: Path) -> None:
    # August's paper: action 1 due 30/06/2022 (complete), 2 due 30/09/2022 (50%): on 15/08/2022, 2 is due soon
    result = run(tmp_path / "ws", Settings(), input_dir=SERIES / "strathbeg_docx", email=False,
                 now=dt.datetime(2022, 8, 15, 8, 0))
    chase = chase_list(result.tables, dt.date(2022, 8, 15))
    due = [(d.ref, d.due_date) for g in chase.leads for d in g.due_soon]
    assert ("2", dt.date(2022, 9, 30)) in due
    assert all(dt.date(2022, 8, 15) <= when <= dt.date(2022, 10, 14) for _, when in due)
    assert "1" not in [r for r, _ in due]  # complete: nothing to chase


def test_office_findings_are_a_list_of_their_own(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    shutil.copytree(SERIES / "duplicate_pair", inp)
    result = run(tmp_path / "ws", Settings(), input_dir=inp, email=False, now=AUGUST)
    chase = chase_list(result.tables, AUGUST.date())
    assert "duplicate_paper" in {line.check for line in chase.office}
    assert "duplicate_paper" not in {line.check for g in chase.leads for line in g.findings}
    html = result.report.read_text(encoding="utf-8") if result.report else ""
    fix = html[html.index("Papers and data to fix"):]
    assert "duplicate_paper" in fix and "repeats sbc_bv_update_2022-05.docx" in fix


def test_links_go_where_the_papers_are_published(tmp_path: Path) -> None:
    inp = tmp_path / "share"
    shutil.copytree(SERIES / "duplicate_pair", inp / "committee")
    settings = config.load({"published_location": "https://intranet.example.gov.uk/papers/"})
    result = run(tmp_path / "ws", settings, input_dir=inp, email=False, now=AUGUST)
    html = result.report.read_text(encoding="utf-8") if result.report else ""
    assert 'href="https://intranet.example.gov.uk/papers/committee/sbc_bv_update_2022-05.docx"' in html
    assert "../raw/" not in html
    unc = report.published_links("\\\\files\\committee papers")
    assert unc("/ws/raw/sub/a b.docx", "a b.docx") == "\\\\files\\committee papers\\sub\\a b.docx"
    web = report.published_links("https://intranet/p")
    assert web("/ws/raw/sub/a b.docx", "a b.docx") == "https://intranet/p/sub/a%20b.docx"
    with pytest.raises(config.ConfigError, match="published_location"):
        config.load({"published_location": "papers/"})


# --- whose plan -----------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "plan"), [
    ("Midcoast Council BVAR Strategic Action Plan MC 005", "BVAR Strategic Action Plan"),
    ("BV Action Plan Update (Ref AC/22/05)", "BV Action Plan"),
    ("Audit Committee Item 7: Best Value Improvement Plan", "Best Value Improvement Plan"),
    ("Report No. CS/12/2022 Best Value Action Plan", "Best Value Action Plan"),
    ("Paper 22/114 Best Value Action Plan Update", "Best Value Action Plan"),
    ("Best Value Action Plan Progress Report December 2022", "Best Value Action Plan"),
    ("Best Value Improvement Plan – Q3 2021/22 update", "Best Value Improvement Plan"),
    ("Best Value Action Plan – Progress Report to the Audit Committee, 14 March 2022", "Best Value Action Plan"),
    ("COVID-19 Recovery Plan", "COVID-19 Recovery Plan"),  # a name with a number, not a reference
])
def test_a_plan_name_carries_no_report_reference_or_date(title: str, plan: str) -> None:
    assert plan_name(title, None, "Midcoast Council" if "Midcoast" in title else None) == plan


def _paper(path: Path, title: str, opening: str, refs: tuple[str, ...] = ("1", "2")) -> Path:
    document = docx.Document()
    document.add_heading(title, 0)
    document.add_paragraph(opening)
    document.add_paragraph("Report Date: 14/03/2022")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Action", "Lead Officer", "Target Date", "% Complete"),
                          strict=True):
        cell.text = text
    for ref in refs:
        cells = table.add_row().cells
        for cell, text in zip(cells, (ref, f"Review the governance framework part {ref}", "Head of Finance",
                                      "31/03/2023", "40%"), strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_a_council_named_on_the_first_page_is_the_organisation(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    _paper(inp / "update.docx", "Best Value Action Plan: Progress Report",
           "Report by the Chief Executive to the Audit and Scrutiny Committee of Ardmore Council")
    result = run(tmp_path / "ws", Settings(), input_dir=inp, email=False, now=AUGUST)
    assert set(result.tables["actions"]["organisation"]) == {"Ardmore Council"}
    assert set(result.tables["actions"]["plan"]) == {"Best Value Action Plan"}
    assert not any("no organisation" in m for m in result.messages)


def test_overrides_set_a_papers_organisation_and_plan(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    _paper(inp / "update_march.docx", "Progress Report", "For the Policy Committee")
    settings = config.load({"papers": {"update_*.docx": {"organisation": "Ardmore Council",
                                                         "plan": "Best Value Improvement Plan"}}})
    result = run(tmp_path / "ws", settings, input_dir=inp, email=False, now=AUGUST)
    assert set(zip(result.tables["actions"]["organisation"], result.tables["actions"]["plan"], strict=True)) == {
        ("Ardmore Council", "Best Value Improvement Plan")}
    assert not any("no organisation" in m for m in result.messages)
