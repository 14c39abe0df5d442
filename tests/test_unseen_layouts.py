"""Papers in layouts the samples do not have, built here and read by the real pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import openpyxl
from openpyxl.styles import PatternFill
from papers import shade_cell

from pipeline import config
from pipeline.interpret import PaperReading, read_paper_file

D = dt.date


def _read(path: Path) -> PaperReading:
    return read_paper_file(path, config.load(None))


def _current(reading: PaperReading) -> dict[int, dict[str, Any]]:
    return {s["local_id"]: s for s in reading.snapshots if s["is_current"]}


def make_xlsx_tracker(path: Path) -> Path:
    """Other names and order, themes as merged rows, real Excel dates, 0.x percentages, RAG
    words in one plan and fills in another."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tracker"
    ws["A1"] = "Improvement Plan Monitoring"
    ws["A2"], ws["B2"] = "Date of meeting", dt.datetime(2022, 6, 20)
    ws["A3"], ws["B3"] = "Report as at:", "31/05/2022"
    headers = ["No.", "Responsible Officer", "Improvement Action", "Deadline", "Status",
               "% complete at 28/02/2022", "Percentage Complete", "Comments"]
    ws.append([])
    ws.append(headers)  # row 5
    ws.append(["Theme 1: Leadership and governance"])
    ws.merge_cells("A6:H6")
    ws.append(["1.1", "Chief Executive", "Agree a new scheme of delegation", dt.datetime(2022, 3, 31),
               "Complete", 0.8, 1.0, "Approved by council."])
    ws.append(["1.2", "Head of Legal", "Refresh standing orders", dt.datetime(2022, 9, 30),
               "Amber", 0.25, 0.4, "• Draft ready\n• Consultation in June"])
    ws.append(["Theme 2: Financial sustainability"])
    ws.merge_cells("A9:H9")
    ws.append(["2.1", "Chief Finance Officer", "Publish a five-year financial plan", "Q3 2022/23",
               "Red", 0.1, 0.1, "Delayed by the settlement."])
    for row in ws.iter_rows(min_row=7, max_row=10, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = "0%"
    wb.save(path)
    return path


def test_xlsx_in_another_layout(tmp_path: Path) -> None:
    reading = _read(make_xlsx_tracker(tmp_path / "tracker.xlsx"))
    assert reading.document["report_date"] == D(2022, 5, 31)
    assert reading.document["committee_date"] == D(2022, 6, 20)
    got = [(a["ref"], a["theme"], a["lead"], a["due_date"], a["due_date_precision"]) for a in reading.actions]
    assert got == [
        ("1.1", "Leadership and governance", "Chief Executive", D(2022, 3, 31), "day"),
        ("1.2", "Leadership and governance", "Head of Legal", D(2022, 9, 30), "day"),
        ("2.1", "Financial sustainability", "Chief Finance Officer", D(2022, 12, 31), "quarter"),
    ]
    series = [(s["local_id"], s["as_of"], s["percent_complete"], s["percent_raw"], s["rag"])
              for s in reading.snapshots]
    assert series == [
        (0, D(2022, 2, 28), 80.0, "80%", None), (0, D(2022, 5, 31), 100.0, "100%", "complete"),
        (1, D(2022, 2, 28), 25.0, "25%", None), (1, D(2022, 5, 31), 40.0, "40%", "amber"),
        (2, D(2022, 2, 28), 10.0, "10%", None), (2, D(2022, 5, 31), 10.0, "10%", "red"),
    ]
    assert _current(reading)[1]["status_text"] == "Draft ready Consultation in June"


def test_xlsx_rag_from_fills_without_a_key(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Action", "Lead", "Target Date", "RAG", "Update"])
    fills = {"C00000": "red", "FFBF00": "amber", "92D050": "green"}
    for i, colour in enumerate(fills, start=2):
        ws.append([f"Action number {i}", "Owner", "June 2022", None, "text"])
        ws.cell(i, 4).fill = PatternFill("solid", fgColor=colour)
    path = tmp_path / "fills.xlsx"
    wb.save(path)
    reading = _read(path)
    assert [s["rag"] for s in reading.snapshots] == list(fills.values())


def make_docx_with_theme_rows(path: Path) -> Path:
    """Themes as full-width merged rows inside one table, a key paragraph table, RAG by shading."""
    document = docx.Document()
    document.add_heading("Best Value Improvement Plan: Progress Report", level=0)
    document.add_paragraph("Report Date: 30/09/2021")
    key = document.add_table(rows=1, cols=4)
    for cell, (label, colour) in zip(key.rows[0].cells, [("Key", None), ("Off Track", "FF0000"),
                                                          ("At Risk", "FFC000"), ("On Track", "00B050")],
                                     strict=True):
        cell.text = label
        if colour:
            shade_cell(cell, colour)
    table = document.add_table(rows=1, cols=6)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Action", "Lead Officer", "Target Date",
                                                "Progress %", "Progress Commentary"], strict=True):
        cell.text = text
    rows = [
        ("BVAR Recommendation 1: Strengthen scrutiny", None),
        (("1", "Train scrutiny members", "J Smith", "Dec 2021", "50%", "Two sessions held."), "00B050"),
        (("2", "Publish scrutiny work plan", "J Smith", "30/09/2021 (30/06/2021)", "90", "Draft agreed."),
         "FFC000"),
        ("BVAR Recommendation 2: Engage communities", None),
        (("3", "Set up locality forums", "A Jones", "March 2022", "10%", "Delayed."), "FF0000"),
    ]
    for content, colour in rows:
        row = table.add_row()
        if isinstance(content, str):
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = content
            continue
        for cell, text in zip(row.cells, content, strict=True):
            cell.text = text
        if colour:
            shade_cell(row.cells[0], colour)
    document.save(path)
    return path


def test_docx_with_themes_as_merged_rows(tmp_path: Path) -> None:
    reading = _read(make_docx_with_theme_rows(tmp_path / "update.docx"))
    assert reading.document["report_date"] == D(2021, 9, 30)
    assert reading.document["title"] == "Best Value Improvement Plan: Progress Report"
    got = [(a["ref"], a["theme"], a["due_date"], a["original_due_date"]) for a in reading.actions]
    assert got == [
        ("1", "Strengthen scrutiny", D(2021, 12, 31), None),
        ("2", "Strengthen scrutiny", D(2021, 9, 30), D(2021, 6, 30)),
        ("3", "Engage communities", D(2022, 3, 31), None),
    ]
    current = _current(reading)
    assert [current[i]["rag"] for i in range(3)] == ["green", "amber", "red"]
    assert [current[i]["percent_complete"] for i in range(3)] == [50.0, 90.0, 10.0]


def test_a_paper_with_no_action_table_has_no_actions(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Name", "Role"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "A Person", "Chair"
    document.save(tmp_path / "minutes.docx")
    reading = _read(tmp_path / "minutes.docx")
    assert reading.document["status"] == "no_actions" and reading.actions == []


def test_two_row_header_and_registers_as_bulleted_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Audit Action Plan Update")
    document.add_paragraph("Date of report: 14/03/2022")
    table = document.add_table(rows=3, cols=5)
    top, sub, data = table.rows
    for cell, text in zip(top.cells, ["Action", "Owner", "Due Date", "Progress", ""], strict=True):
        cell.text = text
    top.cells[3].merge(top.cells[4])
    for cell, text in zip(sub.cells[3:], ["At 31/12/2021", "Current"], strict=True):
        cell.text = text
    for cell, text in zip(data.cells, ["Review the scheme of delegation", "Monitoring Officer", "June 2022",
                                       "20%", "60%"], strict=True):
        cell.text = text
    document.add_paragraph("Key Risks")
    document.add_paragraph("Officer capacity during the election period", style="List Bullet")
    document.add_paragraph("Issues", style="Heading 2")
    document.add_paragraph("• Legal advice awaited on the new standing orders")
    document.add_paragraph("Next steps are set out in the appendix.")
    document.save(tmp_path / "two_row.docx")
    reading = _read(tmp_path / "two_row.docx")
    assert [(a["description"], a["lead"], a["due_date"]) for a in reading.actions] == [
        ("Review the scheme of delegation", "Monitoring Officer", D(2022, 6, 30))]
    assert [(s["as_of"], s["percent_complete"]) for s in reading.snapshots] == [
        (D(2021, 12, 31), 20.0), (D(2022, 3, 14), 60.0)]
    assert [(i["kind"], i["text"]) for i in reading.items] == [
        ("risk", "Officer capacity during the election period"),
        ("issue", "Legal advice awaited on the new standing orders")]


def test_a_workbook_saved_under_the_wrong_extension_is_read_by_its_content(tmp_path: Path) -> None:
    right = make_xlsx_tracker(tmp_path / "tracker.xlsx")
    wrong = tmp_path / "tracker.docx"
    wrong.write_bytes(right.read_bytes())
    reading = _read(wrong)
    assert reading.document["format"] == "xlsx" and reading.document["status"] == "extracted"
    assert len(reading.actions) == 3
