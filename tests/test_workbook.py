"""The tracking workbook: sheets, Excel tables, formats, charts, links, safety and reproducibility.

The workbook is read back with openpyxl (and, where installed, rendered by headless LibreOffice).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from pipeline import __version__, schema
from pipeline.findings import collect
from pipeline.publish.workbook import RunInfo, begin, finish
from pipeline.publish.workbook.text import CHECK_CHARS_REMOVED, CHECK_TRUNCATED, CUT_MARK, EXCEL_MAX_CHARS

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "papers"
RUN = RunInfo(started=dt.datetime(2021, 3, 12, 9, 30), input_dir="/shared/papers", workspace="/ws")
FIXED = ["Summary", "Dashboard", "Changes", "Chase list", "Progress history", "Timeline", "Target changes",
         "Registers", "Data quality", "Sources", "Notes kept"]
PRINTS = ["Print – BV Audit Implementation", "Print – BVAR Strategic Action"]  # a print view per plan
SHEETS = [*FIXED, *PRINTS, "About"]
TABLES = {
    "Summary": {"tblChangeCounts", "tblPlanSummary"}, "Dashboard": {"tblActions"}, "Changes": {"tblChanges"},
    "Chase list": {"tblChase", "tblFix"}, "Progress history": {"tblHistory"},
    "Timeline": {"tblPlanProgress", "tblTimeline"}, "Target changes": {"tblTargetChanges"},
    "Registers": {"tblRegisters"}, "Data quality": {"tblFindings"}, "Sources": {"tblSources"},
    "Notes kept": {"tblNotesKept"}, PRINTS[0]: {"tblPrint1"}, PRINTS[1]: {"tblPrint2"},
    "About": {"tblRun", "tblSheets", "tblConventions", "tblPapers"},
}
HOSTILE = ['=HYPERLINK("http://example.com","click")', "@SUM(A1:A9)", "+44 1835 824000", "-1 day",
           "\tTabbed lead", "=1+1"]
D = dt.date



def write_workbook(tables: dict[str, pd.DataFrame], path: Path, run_info: RunInfo | None = None) -> pd.DataFrame:
    """The workbook as a run writes it, with ``tables['findings']`` and its own findings on the Data
    quality sheet; returns its own findings (text it had to make storable)."""
    draft = begin(tables, run_info or RunInfo(), path.parent)
    found = tables.get("findings")
    path.parent.mkdir(parents=True, exist_ok=True)
    earlier = schema.records(found) if found is not None else []
    path.write_bytes(finish(draft, schema.conform("findings", collect(earlier, draft.text_findings))))
    return schema.conform("findings", draft.text_findings)


def _tables() -> dict[str, pd.DataFrame]:
    docs: list[dict[str, Any]] = [
        {"doc_id": "d1", "file_name": "sbc_update_2020-09.docx", "source_path": "/ws/raw/sbc_update_2020-09.docx",
         "format": "docx", "title": "BV Audit Implementation Plan", "report_date": D(2020, 9, 28),
         "status": "extracted", "n_actions": 3},
        {"doc_id": "d2", "file_name": "sbc_update_2021-02.docx", "source_path": "/ws/raw/sbc_update_2021-02.docx",
         "format": "docx", "title": "BV Audit Implementation Plan", "report_date": D(2021, 2, 15),
         "committee_date": D(2021, 2, 25), "status": "extracted", "n_actions": 3},
        {"doc_id": "d3", "file_name": "mc_summary.pdf", "source_path": "/ws/raw/mc_summary.pdf", "format": "pdf",
         "status": "quarantined", "error": "encrypted: no password configured", "n_actions": 0},
    ]
    actions: list[dict[str, Any]] = [
        {"action_id": "a10", "organisation": "Borders", "plan": "BV Audit Implementation Plan", "ref": "10",
         "theme": "Leadership", "description": HOSTILE[0], "lead": HOSTILE[1], "due_date": D(2020, 12, 31)},
        {"action_id": "a2", "organisation": "Borders", "plan": "BV Audit Implementation Plan", "ref": "2",
         "theme": HOSTILE[3], "description": "Review self-evaluation", "lead": "Jenni Craig",
         "due_date": D(2021, 3, 31), "original_due_date": D(2020, 6, 30)},
        {"action_id": "m1", "organisation": "Moray", "plan": "BVAR Strategic Action Plan", "ref": None,
         "theme": "Pace of change", "description": "Increase the pace of change", "lead": HOSTILE[4],
         "due_date": D(2021, 5, 31)},
    ]
    snapshots: list[dict[str, Any]] = [
        {"action_id": "a10", "doc_id": "d1", "as_of": D(2020, 9, 28), "percent_complete": 20.0},
        {"action_id": "a10", "doc_id": "d2", "as_of": D(2021, 2, 15), "percent_complete": 50.0, "rag": "red",
         "percent_raw": "50%", "status_text": HOSTILE[2], "decisions": HOSTILE[5]},
        {"action_id": "a2", "doc_id": "d1", "as_of": D(2020, 9, 28), "percent_complete": 0.0},
        {"action_id": "a2", "doc_id": "d2", "as_of": D(2021, 2, 15), "percent_complete": 100.0,
         "rag": "complete"},
        {"action_id": "m1", "doc_id": "d2", "as_of": D(2021, 2, 15), "percent_complete": 40.0, "rag": "amber"},
    ]
    items: list[dict[str, Any]] = [
        {"doc_id": "d2", "kind": "risk", "text": "Vacancy in the transformation team"},
        {"doc_id": "d2", "kind": "issue", "text": "=cmd|' /C calc'!A0", "action_id": "a10"},
        {"doc_id": "d2", "kind": "target", "text": "Agree the locality model"},
    ]
    findings: list[dict[str, Any]] = [
        {"check": "overdue", "severity": "warning", "doc_id": "d2", "action_id": "a10", "column": "due_date",
         "value": "2020-12-31", "message": "due 31/12/2020, 50% at 15/02/2021"},
        {"check": "lead_missing", "severity": "error", "doc_id": "d1", "action_id": "a2", "column": "lead",
         "message": "no lead"},
        {"check": "target_date_revised", "severity": "info", "doc_id": "d2", "action_id": "a2",
         "column": "due_date", "message": "30/06/2020 -> 31/03/2021"},
    ]
    changes = pd.DataFrame([{"action_id": "a2", "doc_id": "d2", "as_of": D(2021, 2, 15),
                             "old_due_date": D(2020, 6, 30), "new_due_date": D(2021, 3, 31),
                             "source": "bracket"}])
    return {"documents": schema.conform("documents", docs), "actions": schema.conform("actions", actions),
            "snapshots": schema.conform("snapshots", snapshots), "items": schema.conform("items", items),
            "findings": schema.conform("findings", findings), "target_changes": changes}


def _load(path: Path) -> Any:
    with warnings.catch_warnings():  # openpyxl drops the x14 data-bar extension it cannot read
        warnings.filterwarnings("ignore", message=".*extension is not supported", category=UserWarning)
        return openpyxl.load_workbook(path)


def _rows(ws: Any, table: str) -> list[dict[str, Any]]:
    """A table's data rows as dicts keyed by its headers."""
    cells = ws[ws.tables[table].ref]
    headers = [c.value for c in cells[0]]
    return [{h: c.value for h, c in zip(headers, row, strict=True)} for row in cells[1:]
            if any(c.value is not None for c in row)]


def _cell(ws: Any, table: str, header: str, row: int = 0) -> Any:
    """The cell under ``header`` in data row ``row`` of ``table``."""
    cells = ws[ws.tables[table].ref]
    col = [c.value for c in cells[0]].index(header)
    return cells[1 + row][col]


@pytest.fixture
def book(tmp_path: Path) -> tuple[Any, pd.DataFrame, Path]:
    path = tmp_path / "outputs" / "tracker.xlsx"
    found = write_workbook(_tables(), path, run_info=RUN)
    return _load(path), found, path


def test_sheets_in_order_each_with_its_excel_tables(book: Any) -> None:
    wb, _, _ = book
    assert wb.sheetnames == SHEETS
    assert {name: set(wb[name].tables) for name in SHEETS} == TABLES
    for ws in wb:
        for table in ws.tables.values():
            assert table.tableStyleInfo.showRowStripes, (ws.title, table.name)
            assert table.autoFilter is not None or table.totalsRowCount, (ws.title, table.name)


def test_headers_frozen_landscape_fit_to_width(book: Any) -> None:
    wb, _, _ = book
    main = {"Dashboard": "tblActions", "Progress history": "tblHistory", "Timeline": "tblTimeline",
            "Target changes": "tblTargetChanges", "Registers": "tblRegisters", "Data quality": "tblFindings",
            "Sources": "tblSources", "Changes": "tblChanges", "Chase list": "tblChase", "Notes kept": "tblNotesKept"}
    frozen_cols = {"Dashboard": "D", "Progress history": "D", "Timeline": "D", "Target changes": "D",
                   "Registers": "B", "Data quality": "C", "Sources": "B", "Changes": "D", "Chase list": "A",
                   "Notes kept": "A"}
    for sheet, table in main.items():
        ws = wb[sheet]
        header_row = int(re.sub(r"[A-Z]", "", ws.tables[table].ref.split(":")[0]))
        assert ws.freeze_panes == f"{frozen_cols[sheet]}{header_row + 1}", sheet
        assert ws.print_title_rows == f"${header_row}:${header_row}", sheet
        assert ws.page_setup.orientation == "landscape", sheet
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, sheet
    assert wb["About"].page_setup.orientation == "landscape"


def test_dashboard_one_row_per_action_in_order_with_status(book: Any) -> None:
    wb, _, _ = book
    rows = _rows(wb["Dashboard"], "tblActions")
    assert [r["Action id"] for r in rows] == ["a2", "a10", "m1"]  # Borders 2 before 10, then Moray
    a2, a10, m1 = rows
    assert (a10["RAG"], a10["% complete"], a10["Overdue"], a10["Days overdue"]) == ("Red", 0.5, "Yes", 46)
    assert a10["Last change in progress"] == pytest.approx(0.3)
    assert (a2["RAG"], a2["Overdue"], a2["Days overdue"], a2["Original due date"]) == (
        "Complete", "No", None, dt.datetime(2020, 6, 30))
    assert (m1["RAG"], m1["Overdue"], m1["Last change in progress"], m1["Ref"]) == ("Amber", "No", None, None)
    assert a10["As of"] == dt.datetime(2021, 2, 15)
    assert a10["Paper"] == "sbc_update_2021-02.docx"


def test_summary_counts_by_plan_with_totals(book: Any) -> None:
    wb, _, _ = book
    ws = wb["Summary"]
    rows = _rows(ws, "tblPlanSummary")
    assert [r["Plan"] for r in rows[:-1]] == ["Borders: BV Audit Implementation Plan",
                                              "Moray: BVAR Strategic Action Plan"]
    borders, moray, total = rows
    assert (borders["Actions"], borders["Red"], borders["Complete"], borders["Overdue"]) == (2, 1, 1, 1)
    assert borders["Average % complete"] == pytest.approx(0.75)
    assert (moray["Actions"], moray["Amber"], moray["Overdue"]) == (1, 1, 0)
    assert total["Plan"] == "Total"
    assert total["Actions"] == "=SUBTOTAL(109,tblPlanSummary[Actions])"
    assert total["Not started"] == "=SUBTOTAL(109,tblPlanSummary[Not started])"


def test_dates_and_percentages_are_numbers_with_formats(book: Any) -> None:
    wb, _, _ = book
    ws = wb["Dashboard"]
    due = _cell(ws, "tblActions", "Due date")
    assert (due.value, due.number_format, due.data_type) == (dt.datetime(2021, 3, 31), "dd/mm/yyyy", "d")
    pct = _cell(ws, "tblActions", "% complete", 1)
    assert (pct.value, pct.number_format, pct.data_type) == (0.5, "0%", "n")
    change = _cell(ws, "tblActions", "Last change in progress", 1)
    assert change.number_format == "+0%;-0%;0%"
    history = wb["Progress history"]
    assert _cell(history, "tblHistory", "% as printed", 3).value == "50%"
    assert _cell(history, "tblHistory", "% complete", 3).value == pytest.approx(0.5)
    timeline = _rows(wb["Timeline"], "tblTimeline")
    assert timeline[1]["28/09/2020"] == pytest.approx(0.2) and timeline[1]["15/02/2021"] == pytest.approx(0.5)
    assert timeline[2]["28/09/2020"] is None
    progress = _rows(wb["Timeline"], "tblPlanProgress")
    assert progress[0]["28/09/2020"] == pytest.approx(0.1) and progress[0]["15/02/2021"] == pytest.approx(0.75)
    slipped = _rows(wb["Target changes"], "tblTargetChanges")
    assert [(r["Old due date"], r["New due date"], r["Days slipped"], r["How it was revised"]) for r in slipped] == [
        (dt.datetime(2020, 6, 30), dt.datetime(2021, 3, 31), 274, "Original date in brackets beside the new one")]


def test_long_text_wraps_in_wide_columns(book: Any) -> None:
    wb, _, _ = book
    ws = wb["Progress history"]
    commentary = _cell(ws, "tblHistory", "Commentary", 3)
    assert commentary.alignment.wrap_text
    assert ws.column_dimensions[commentary.column_letter].width >= 60
    assert ws.column_dimensions["D"].width >= 20  # description


def test_conditional_formats(book: Any) -> None:
    wb, _, _ = book

    def rules(sheet: str) -> dict[str, list[tuple[Any, ...]]]:
        return {str(cf.sqref): [(r.type, r.operator, tuple(r.formula or ())) for r in cf.rules]
                for cf in wb[sheet].conditional_formatting}

    dash = rules("Dashboard")
    rag = next(v for v in dash.values() if ("cellIs", "equal", ('"Red"',)) in v)
    assert [r[2][0] for r in rag] == ['"Red"', '"Amber"', '"Green"', '"Complete"', '"Not started"']
    assert any(v == [("dataBar", None, ())] for v in dash.values())
    assert any(("cellIs", "equal", ('"Yes"',)) in v for v in dash.values())
    assert any(v == [("colorScale", None, ())] for v in rules("Timeline").values())
    quality = rules("Data quality")
    assert [r[2][0] for v in quality.values() for r in v] == ['$A4="Error"', '$A4="Warning"', '$A4="Info"']
    assert any(('"Quarantined"',) in [r[2] for r in v] for v in rules("Sources").values())


def test_charts(book: Any) -> None:
    wb, _, _ = book
    (bar,) = wb["Summary"]._charts
    assert wb["Dashboard"]._charts == []
    assert (type(bar).__name__, bar.grouping, len(bar.series)) == ("BarChart", "stacked", 6)
    (line,) = wb["Timeline"]._charts
    assert (type(line).__name__, len(line.series)) == ("LineChart", 2)  # one line per plan
    assert line.series[0].val.numRef.f == "Timeline!$E$5:$F$5"


def test_papers_link_to_their_copies_in_raw(book: Any) -> None:
    wb, _, _ = book
    sources = wb["Sources"]
    rows = _rows(sources, "tblSources")
    assert [r["Paper"] for r in rows] == ["sbc_update_2020-09.docx", "sbc_update_2021-02.docx", "mc_summary.pdf"]
    link = _cell(sources, "tblSources", "Paper").hyperlink.target
    assert link.replace("\\", "/") == "../raw/sbc_update_2020-09.docx"
    assert rows[2]["Status"] == "Quarantined" and rows[2]["Reason quarantined"].startswith("encrypted")
    assert (rows[1]["Snapshots"], rows[1]["Register items"], rows[1]["Findings"]) == (3, 3, 2)
    quality = wb["Data quality"]
    assert [r["Severity"] for r in _rows(quality, "tblFindings")] == ["Error", "Warning", "Info"]
    assert _cell(quality, "tblFindings", "Paper").hyperlink.target.replace("\\", "/").endswith(
        "raw/sbc_update_2020-09.docx")


def test_registers_and_about(book: Any) -> None:
    wb, _, _ = book
    registers = _rows(wb["Registers"], "tblRegisters")
    assert [r["Register"] for r in registers] == ["Issue", "Risk", "Target for next period"]
    assert registers[0]["Ref"] == 10 and registers[1]["Plan"] == "BV Audit Implementation Plan"
    about = {r["Item"]: r["Value"] for r in _rows(wb["About"], "tblRun")}
    assert about["Run at"] == dt.datetime(2021, 3, 12, 9, 30)
    assert about["bvtrack version"] == __version__
    assert (about["Papers seen"], about["  Quarantined"], about["Actions"]) == (3, 1, 3)
    assert about["Latest as-of date"] == dt.datetime(2021, 2, 15)
    guide = _cell(wb["About"], "tblSheets", "Sheet")
    assert (guide.value, guide.hyperlink.location) == ("Summary", "'Summary'!A1")
    assert [r["Sheet"] for r in _rows(wb["About"], "tblSheets")] == SHEETS[:-1]
    papers = [r["Paper"] for r in _rows(wb["About"], "tblPapers")]
    assert papers == [r["Paper"] for r in _rows(wb["Sources"], "tblSources")]


def test_paper_text_is_never_a_formula(book: Any) -> None:
    wb, _, path = book
    seen: dict[str, Any] = {}
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in HOSTILE or cell.value == "=cmd|' /C calc'!A0":
                    seen[cell.value] = cell
    assert set(seen) == {*HOSTILE, "=cmd|' /C calc'!A0"}
    for text, cell in seen.items():
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text
    with zipfile.ZipFile(path) as archive:  # the only formulas are the summary's totals
        formulas = [f for name in archive.namelist() if name.startswith("xl/worksheets/sheet")
                    for f in re.findall(r"<f>(.*?)</f>", archive.read(name).decode())]
    assert formulas and all(f.startswith(("SUBTOTAL(109,tblPlanSummary[", "SUBTOTAL(109,tblChangeCounts["))
                            for f in formulas)


def test_text_excel_cannot_hold_is_cleaned_with_findings(tmp_path: Path) -> None:
    tables = _tables()
    actions = tables["actions"].copy()
    actions.loc[1, "description"] = "Bell\x07 and\x00 null\x1f"
    snaps = tables["snapshots"].copy()
    snaps.loc[1, "status_text"] = "x" * 40_000
    tables.update(actions=actions, snapshots=snaps)
    tables["rows"] = pd.DataFrame([{"action_id": "a2", "doc_id": "d2", "description": "Bell\x07"}])  # not shown
    path = tmp_path / "tracker.xlsx"
    found = write_workbook(tables, path, run_info=RUN)
    assert list(found.columns) == list(schema.TABLES["findings"])
    got = sorted(zip(found["check"], found["severity"], found["action_id"], found["column"], strict=True))
    assert got == [(CHECK_CHARS_REMOVED, "warning", "a2", "description"),
                   (CHECK_TRUNCATED, "warning", "a10", "status_text")]
    assert tables["actions"].loc[1, "description"] == "Bell\x07 and\x00 null\x1f"  # inputs untouched
    wb = _load(path)
    dash = {r["Action id"]: r for r in _rows(wb["Dashboard"], "tblActions")}
    assert dash["a2"]["Description"] == "Bell and null"
    commentary = _cell(wb["Progress history"], "tblHistory", "Commentary", 3).value
    assert len(commentary) == EXCEL_MAX_CHARS and commentary.endswith(CUT_MARK)
    checks = [r["Check"] for r in _rows(wb["Data quality"], "tblFindings")]
    assert {CHECK_CHARS_REMOVED, CHECK_TRUNCATED} <= set(checks)


def test_identical_input_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    write_workbook(_tables(), first, run_info=RUN)
    write_workbook(_tables(), second, run_info=RUN)
    assert first.read_bytes() == second.read_bytes()
    wb = _load(first)
    assert wb.properties.created == dt.datetime(2021, 2, 25)  # the latest date in the papers, not the clock
    later = RunInfo(started=dt.datetime(2022, 1, 1), input_dir=RUN.input_dir, workspace=RUN.workspace)
    write_workbook(_tables(), second, run_info=later)
    assert first.read_bytes() != second.read_bytes()  # only because About says when the run was


@pytest.mark.parametrize("present", [[], ["documents"], ["documents", "actions"],
                                     ["documents", "actions", "snapshots", "items", "findings"]])
def test_missing_tables_give_sheets_with_headers(tmp_path: Path, present: list[str]) -> None:
    tables = {name: frame for name, frame in _tables().items() if name in present}
    path = tmp_path / "tracker.xlsx"
    assert write_workbook(tables, path).empty
    wb = _load(path)
    assert wb.sheetnames == [*FIXED, *(PRINTS if "actions" in present else []), "About"]
    changes = wb["Target changes"]
    assert [c.value for c in changes[changes.tables["tblTargetChanges"].ref][0]][:4] == [
        "Organisation", "Plan", "Ref", "Description"]
    assert _rows(changes, "tblTargetChanges") == []


def test_libreoffice_opens_and_renders_it(book: Any, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _, _, path = book
    out = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    pdf = out / "tracker.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
        for expected in ["Dashboard: every action at its latest snapshot", "Review self-evaluation",
                         "Progress history", "About this workbook", "15/02/2021", "50%"]:
            assert expected in text, expected
        assert "Err:" not in text and "#NAME?" not in text


def test_real_papers_one_dashboard_row_per_action(tmp_path: Path) -> None:
    if not PAPERS.is_dir():
        pytest.skip(f"{PAPERS} is not there")
    from pipeline.config import Settings
    from pipeline.run import run

    now = dt.datetime(2021, 6, 1, 12, 0)
    result = run(tmp_path, Settings(), input_dir=PAPERS, email=False, now=now)
    assert result.workbook is not None
    first = result.workbook.read_bytes()
    again = run(tmp_path, Settings(), email=False, now=now).workbook  # rebuilt from raw/
    assert again is not None and again.read_bytes() == first
    wb = _load(result.workbook)
    rows = _rows(wb["Dashboard"], "tblActions")
    actions = result.tables["actions"]
    assert len(rows) == len(actions) > 0
    assert sorted(r["Action id"] for r in rows) == sorted(actions["action_id"])
    papers = _rows(wb["Sources"], "tblSources")
    assert len(papers) == len(result.tables["documents"])


def test_many_plans_freeze_only_the_columns(tmp_path: Path) -> None:
    actions = [{"action_id": f"a{i}", "organisation": f"Council {i}", "plan": f"Plan {i}", "ref": "1",
                "description": "An action"} for i in range(30)]
    snapshots = [{"action_id": f"a{i}", "doc_id": "d", "as_of": D(2021, 3, 31), "percent_complete": 10.0}
                 for i in range(30)]
    path = tmp_path / "tracker.xlsx"
    write_workbook({"actions": schema.conform("actions", actions),
                    "snapshots": schema.conform("snapshots", snapshots)}, path)
    wb = _load(path)
    assert len(_rows(wb["Summary"], "tblPlanSummary")) == 31  # 30 plans and the total
    assert wb["Dashboard"].freeze_panes == "D4"  # the counts are on Summary: the Dashboard freezes its header only
    assert wb["Timeline"].freeze_panes == "D1"  # 30 plans above the table: frozen, they would fill the screen
    assert wb["Progress history"].freeze_panes == "D4"


def test_values_excel_cannot_show_as_numbers_are_kept_as_text(tmp_path: Path) -> None:
    tables = _tables()
    actions = tables["actions"].copy()
    actions.loc[0, "due_date"] = D(202, 12, 31)  # a typo'd year: before Excel's calendar starts
    snaps = tables["snapshots"].copy()
    snaps.loc[1, "percent_complete"] = float("inf")
    tables.update(actions=actions, snapshots=snaps)
    path = tmp_path / "tracker.xlsx"
    write_workbook(tables, path, run_info=RUN)
    dash = {r["Action id"]: r for r in _rows(_load(path)["Dashboard"], "tblActions")}
    assert dash["a10"]["Due date"] == "0202-12-31"
    assert dash["a10"]["% complete"] == "inf"


def test_an_action_without_snapshots_links_its_last_paper_from_the_rows(tmp_path: Path) -> None:
    tables = _tables()
    tables["snapshots"] = tables["snapshots"][tables["snapshots"]["action_id"] != "m1"]
    tables["rows"] = pd.DataFrame([{"action_id": "m1", "doc_id": "d1"}, {"action_id": "m1", "doc_id": "d2"}])
    path = tmp_path / "tracker.xlsx"
    write_workbook(tables, path, run_info=RUN)
    dash = {r["Action id"]: r for r in _rows(_load(path)["Dashboard"], "tblActions")}
    assert (dash["m1"]["Paper"], dash["m1"]["% complete"], dash["m1"]["Overdue"]) == (
        "sbc_update_2021-02.docx", None, None)


def test_the_consolidations_paper_plans_name_each_papers_plan(tmp_path: Path) -> None:
    tables = _tables()
    tables["document_plans"] = pd.DataFrame([{"doc_id": "d2", "organisation": "Moray",
                                              "plan": "BVAR Strategic Action Plan"}])
    path = tmp_path / "tracker.xlsx"
    write_workbook(tables, path, run_info=RUN)
    wb = _load(path)
    risk = next(r for r in _rows(wb["Registers"], "tblRegisters") if r["Register"] == "Risk")
    assert (risk["Organisation"], risk["Plan"]) == ("Moray", "BVAR Strategic Action Plan")
    sources = {r["Paper"]: r for r in _rows(wb["Sources"], "tblSources")}
    assert sources["sbc_update_2021-02.docx"]["Plan"] == "BVAR Strategic Action Plan"
    assert sources["sbc_update_2020-09.docx"]["Plan"] == "BV Audit Implementation Plan"  # from its actions
