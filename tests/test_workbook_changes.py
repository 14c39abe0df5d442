"""The workbook's Summary, Changes and Chase list sheets, the Dashboard's previous RAG, frozen
header rows, refs as numbers and the published links, on a real run over two series of papers
(tests/series: three papers each of Strathbeg's plan in Word and Kildarroch's in Excel)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from workbook_read import NOW, cell, copy_papers, header_row, load, rows, run_over, series, sheet_xml

from pipeline import schema
from pipeline.config import Settings
from pipeline.consolidate.changes import counts
from pipeline.findings import audience
from pipeline.publish.chase import chase_list
from pipeline.publish.workbook import RunInfo, begin, finish
from pipeline.run import RunResult

LIST_SHEETS = {  # sheet: (main table, columns frozen)
    "Dashboard": ("tblActions", "D"), "Changes": ("tblChanges", "D"), "Chase list": ("tblChase", "A"),
    "Progress history": ("tblHistory", "D"), "Target changes": ("tblTargetChanges", "D"),
    "Registers": ("tblRegisters", "B"), "Data quality": ("tblFindings", "C"), "Sources": ("tblSources", "B"),
    "Notes kept": ("tblNotesKept", "A"),
}
RAG = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "not_started": "Not started"}
CHANGES_HEADERS = ["Organisation", "Plan", "Ref", "Description", "Status", "Previous % complete", "% complete",
                   "Change in progress", "Previous RAG", "RAG", "RAG change", "Completed", "Previous due date",
                   "Due date", "Days moved", "Paper", "Notes", "Action id"]
CHASE_HEADERS = ["Lead officer", "Organisation", "Plan", "Ref", "Description", "To ask about", "What is wrong",
                 "Severity", "Due date", "% complete", "RAG", "Paper", "Action id"]


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, Any]:
    tmp = tmp_path_factory.mktemp("changes")
    copy_papers(tmp / "shared", *series("strathbeg_docx"), *series("kildarroch_xlsx"))
    result = run_over(tmp / "ws", tmp / "shared")
    assert result.workbook is not None and result.exit_code == 0
    return result, load(result.workbook)


def _plain(value: Any) -> Any:
    return None if schema.missing(value) else value


def _day(value: Any) -> dt.datetime | None:
    d = schema.as_date(value)
    return dt.datetime(d.year, d.month, d.day) if d else None


def test_summary_comes_first_with_the_chart_and_the_counts(done: tuple[RunResult, Any]) -> None:
    result, wb = done
    assert wb.sheetnames[:4] == ["Summary", "Dashboard", "Changes", "Chase list"]
    assert wb.sheetnames[-1] == "About"
    summary = wb["Summary"]
    assert summary.freeze_panes is None
    (chart,) = summary._charts
    assert (type(chart).__name__, chart.grouping, len(chart.series)) == ("BarChart", "stacked", 6)
    table = result.tables["changes"]
    got = {r["Plan"]: r for r in rows(summary, "tblChangeCounts")}
    for (org, plan), mine in table.groupby(["organisation", "plan"]):
        row, expected = got[f"{org}: {plan}"], counts(mine)
        assert [row[h] for h in ("New", "Completed", "RAG worse", "Target slipped", "Dropped")] == [
            expected[k] for k in ("new", "completed", "worse", "slipped", "dropped")]
    assert got["Total"]["New"] == "=SUBTOTAL(109,tblChangeCounts[New])"
    plans = rows(summary, "tblPlanSummary")
    assert sum(r["Actions"] for r in plans[:-1]) == len(result.tables["actions"]) and plans[-1]["Plan"] == "Total"


def test_changes_sheet_is_the_changes_table_worst_first(done: tuple[RunResult, Any]) -> None:
    result, wb = done
    ws = wb["Changes"]
    table, docs = result.tables["changes"], result.tables["documents"]
    names = dict(zip(docs["doc_id"], docs["file_name"], strict=True))
    assert header_row(ws, "tblChanges") == 3
    assert [c.value for c in ws[3]][:len(CHANGES_HEADERS)] == CHANGES_HEADERS
    got = rows(ws, "tblChanges")
    assert [r["Action id"] for r in got] == list(table["action_id"])  # the table's order: worst first
    for row, change in zip(got, schema.records(table), strict=True):
        pct = [_plain(change[k]) for k in ("previous_percent", "percent_complete", "percent_change")]
        assert [row[h] for h in ("Previous % complete", "% complete", "Change in progress")] == [
            None if p is None else pytest.approx(p / 100) for p in pct]
        assert (row["Previous RAG"], row["RAG"]) == (RAG.get(change["previous_rag"]), RAG.get(change["rag"]))
        assert row["Status"] == change["status"].capitalize()
        assert row["RAG change"] == (change["rag_change"].capitalize() if change["rag_change"] else None)
        assert row["Completed"] == ("Yes" if change["completed"] else None)
        assert (row["Previous due date"], row["Due date"]) == (_day(change["previous_due_date"]),
                                                               _day(change["due_date"]))
        assert row["Days moved"] == _plain(change["days_moved"])
        paper = change["previous_doc_id"] if change["status"] == "dropped" else change["doc_id"]
        assert row["Paper"] == names[paper]
    said = ws["A2"].value
    numbers = counts(table)
    assert said.startswith(f"Since the previous paper: {numbers['new']} new, {numbers['completed']} completed, "
                           f"{numbers['worse']} RAG worse, {numbers['slipped']} target slipped, "
                           f"{numbers['dropped']} dropped (2 plans compared)")
    assert {r["Status"] for r in got} == {"New", "Dropped", "Continuing"}


def test_dashboard_shows_the_previous_rag(done: tuple[RunResult, Any]) -> None:
    result, wb = done
    ws = wb["Dashboard"]
    assert header_row(ws, "tblActions") == 3 and ws._charts == []
    continuing = [c for c in schema.records(result.tables["changes"]) if c["status"] == "continuing"]
    assert continuing
    for change in continuing:
        assert cell(ws, "tblActions", "Previous RAG", change["action_id"]).value == RAG.get(change["previous_rag"])
        assert cell(ws, "tblActions", "RAG", change["action_id"]).value == RAG.get(change["rag"])


def test_chase_list_holds_current_findings_only_by_lead(done: tuple[RunResult, Any]) -> None:
    result, wb = done
    ws = wb["Chase list"]
    findings = result.tables["findings"]
    assert not findings["current"].all()  # a later paper superseded something: it must not be chased
    assert [c.value for c in ws[3]][:len(CHASE_HEADERS)] == CHASE_HEADERS
    chase = chase_list(result.tables, NOW.date())
    got = rows(ws, "tblChase")
    expected = [(g.lead, line.action_id, line.message) for g in chase.leads for line in g.findings]
    expected += [(g.lead, d.action_id, None) for g in chase.leads for d in g.due_soon]
    lines = [(r["Lead officer"], r["Action id"], r["What is wrong"]) for r in got if r["Severity"] is not None]
    due = [(r["Lead officer"], r["Action id"], None) for r in got if r["Severity"] is None]
    assert sorted(lines + due, key=str) == sorted(expected, key=str) and lines and due
    assert [r["Lead officer"] for r in got] == sorted((r["Lead officer"] for r in got), key=lambda lead: [
        g.lead for g in chase.leads].index(lead))  # grouped by lead, in the chase list's order
    stale = findings[~findings["current"].astype(bool)]
    for message in stale["message"]:
        assert message not in {r["What is wrong"] for r in got}
    current_lead = findings[findings["current"].astype(bool) & findings["check"].map(lambda c: audience(c) == "lead")]
    assert {r["Action id"] for r in got if r["Severity"]} == set(current_lead["action_id"])
    for row in got:
        assert row["Organisation"] and row["Plan"] and row["Description"] and row["Ref"] is not None
    for row in (r for r in got if r["Severity"] is None):
        assert row["To ask about"] == "Due in the next 60 days"
        today = dt.datetime.combine(NOW.date(), dt.time())
        assert today <= row["Due date"] <= today + dt.timedelta(days=60)
    assert rows(ws, "tblFix") == []  # these papers hold nothing for the office to fix


def test_list_sheets_freeze_their_header_row_only(done: tuple[RunResult, Any]) -> None:
    _, wb = done
    prints = [name for name in wb.sheetnames if name.startswith("Print – ")]
    assert len(prints) == 2
    for sheet, (table, column) in {**LIST_SHEETS, **{p: (f"tblPrint{i}", "A") for i, p in enumerate(prints, 1)}
                                   }.items():
        ws = wb[sheet]
        header = header_row(ws, table)
        assert header == 3, sheet  # above it: the title and one line of note only
        assert ws.freeze_panes == f"{column}{header + 1}", sheet


def test_refs_are_numbers_without_the_stored_as_text_flag(done: tuple[RunResult, Any]) -> None:
    result, wb = done
    path = result.workbook
    assert path is not None
    for sheet, table in (("Dashboard", "tblActions"), ("Changes", "tblChanges"), ("Chase list", "tblChase")):
        ws = wb[sheet]
        headers = ws[ws.tables[table].ref][0]
        refs = [r["Ref"] for r in rows(ws, table)]
        assert refs and all(isinstance(r, int) for r in refs), (sheet, refs)
        column = [c.value for c in headers].index("Ref")
        letter = headers[column].column_letter
        ignored = re.findall(r'<ignoredError sqref="([^"]+)" numberStoredAsText="1"/>', sheet_xml(path, wb, sheet))
        assert ignored and any(part.startswith(f"{letter}4:{letter}") for part in ignored[0].split()), sheet


def _tables_with(refs: list[str]) -> dict[str, pd.DataFrame]:
    actions = [{"action_id": f"a{i}", "organisation": "Borders", "plan": "Plan", "ref": ref, "description": f"Do {i}",
                "lead": "Lead"} for i, ref in enumerate(refs)]
    snaps = [{"action_id": f"a{i}", "doc_id": "d1", "as_of": dt.date(2022, 3, 31), "percent_complete": 10.0}
             for i in range(len(refs))]
    docs = [{"doc_id": "d1", "file_name": "paper #1.docx", "source_path": "/ws/raw/sub/paper #1.docx",
             "format": "docx", "report_date": dt.date(2022, 3, 31), "status": "extracted"}]
    return {"actions": schema.conform("actions", actions), "snapshots": schema.conform("snapshots", snaps),
            "documents": schema.conform("documents", docs)}


def test_whole_refs_are_numbers_others_text_as_printed(tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    draft = begin(_tables_with(["1.1", "1.10", "2", "01", "10a", "12"]), RunInfo(), tmp_path)
    path.write_bytes(finish(draft, schema.empty("findings")))
    ws = load(path)["Dashboard"]
    got = {r["Action id"]: r["Ref"] for r in rows(ws, "tblActions")}
    assert got == {"a0": "1.1", "a1": "1.10", "a2": 2, "a3": "01", "a4": "10a", "a5": 12}
    assert cell(ws, "tblActions", "Ref", "a1").data_type == "s" and cell(ws, "tblActions", "Ref", "a2").data_type == "n"


@pytest.mark.parametrize("location, expected", [
    ("https://intranet.example/bv/", "https://intranet.example/bv/sub/paper%20%231.docx"),
    ("\\\\server\\share\\papers", "\\\\server\\share\\papers\\sub\\paper %231.docx"),
])
def test_links_go_to_the_published_location_where_set(tmp_path: Path, location: str, expected: str) -> None:
    path = tmp_path / "outputs" / "tracker.xlsx"
    path.parent.mkdir()
    draft = begin(_tables_with(["1"]), RunInfo(), path.parent, published_location=location)
    path.write_bytes(finish(draft, schema.empty("findings")))
    wb = load(path)
    for sheet, table in (("Dashboard", "tblActions"), ("Sources", "tblSources")):
        link = cell(wb[sheet], table, "Paper", "a0") if sheet == "Dashboard" else wb[sheet]["A4"]
        assert link.value == "paper #1.docx"
        assert link.hyperlink.target.replace("file:///", "") == expected, sheet
    conventions = {r["Topic"]: r["How to read it"] for r in rows(wb["About"], "tblConventions")}
    assert location in conventions["Links"]


def test_without_a_published_location_links_stay_relative(tmp_path: Path) -> None:
    path = tmp_path / "outputs" / "tracker.xlsx"
    path.parent.mkdir()
    draft = begin(_tables_with(["1"]), RunInfo(), path.parent)
    path.write_bytes(finish(draft, schema.empty("findings")))
    link = load(path)["Sources"]["A4"].hyperlink.target
    assert link.replace("\\", "/") == "../raw/sub/paper %231.docx"


def test_a_run_with_a_published_location_links_there(tmp_path: Path) -> None:
    copy_papers(tmp_path / "shared", *series("strathbeg_docx", "2022-08"))
    result = run_over(tmp_path / "ws", tmp_path / "shared", Settings(published_location="https://intranet.example/bv"))
    assert result.workbook is not None
    wb = load(result.workbook)
    link = wb["Sources"]["A4"].hyperlink.target
    assert link == "https://intranet.example/bv/strathbeg_bv_action_plan_progress_2022-08.docx"
    assert rows(wb["Changes"], "tblChanges") == []  # one paper: nothing to compare
    assert "No plan has two papers yet" in wb["Changes"]["A2"].value


def test_office_findings_are_papers_and_data_to_fix(tmp_path: Path) -> None:
    tables = _tables_with(["1", "2"])
    findings = schema.conform("findings", [
        {"check": "lead_missing", "severity": "error", "doc_id": "d1", "action_id": "a0", "message": "no lead",
         "current": True},
        {"check": "overdue", "severity": "warning", "doc_id": "d1", "action_id": "a1", "message": "due 01/01/2022",
         "current": True},
        {"check": "progress_stalled", "severity": "warning", "doc_id": "d1", "action_id": "a0",
         "message": "stalled in February", "current": False},
    ])
    path = tmp_path / "tracker.xlsx"
    draft = begin(tables, RunInfo(started=dt.datetime(2022, 4, 1)), tmp_path)
    path.write_bytes(finish(draft, findings))
    ws = load(path)["Chase list"]
    assert [(r["Lead officer"], r["Ref"], r["To ask about"], r["What is wrong"], r["Severity"])
            for r in rows(ws, "tblChase")] == [("Lead", 2, "Overdue", "due 01/01/2022", "Warning")]
    assert rows(ws, "tblFix") == [{"Check": "lead_missing", "Organisation": "Borders", "Plan": "Plan", "Ref": 1,
                                   "What is wrong": "no lead", "Severity": "Error", "Paper": "paper #1.docx"}]
