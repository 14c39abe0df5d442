"""Write the bundled sample papers that `make run` reads: one fictional council's Best Value
action plan reported twice, in two layouts (a Word update, then an Excel summary a quarter
later with actions missing, one new, dates revised, RAG only as cell colour).

    python scripts/make_samples.py raw
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Alignment, Font, PatternFill

PLAN = "Kelvindale Council Best Value Action Plan"
THEMES = {
    "1": "Strengthen leadership and strategic direction",
    "2": "Improve financial sustainability",
    "3": "Involve communities in decisions",
}
# ref, theme, action, lead, target as printed, % at 30/06/2021, % at report date, commentary
DOCX_ACTIONS = [
    ("1.1", "1", "Agree a shared vision and priorities with elected members", "Chief Executive",
     "31-Dec-21", "20%", "45%", "Two member workshops held.\nDraft vision to council in November."),
    ("1.2", "1", "Introduce a programme of leadership development for senior officers", "Head of HR",
     "31-Mar-22 (30/09/2021)", "10%", "25%", "Provider appointed; first cohort starts in January."),
    ("2.1", "2", "Publish a five-year medium term financial strategy", "Chief Financial Officer",
     "31-Oct-21", "50%", "90%", "Strategy drafted and consulted on; goes to council on 28 October."),
    ("2.2", "2", "Develop a savings programme linked to transformation", "Chief Financial Officer",
     "Q4 2021/22", "0%", "0%", "Not started: waits on the financial strategy."),
    ("3.1", "3", "Set up locality partnerships in each ward area", "Head of Communities",
     "30-Jun-22", "15%", "15%", "-"),
]
XLSX_ACTIONS = [  # three months later: 2.1 done, 2.2 not reported, a new 3.2, 1.2 revised again
    ("1.1", "Agree a shared vision and priorities with elected members", "Chief Executive",
     dt.datetime(2021, 12, 31), 0.8, "green", "Vision approved by council on 9 December."),
    ("1.2", "Introduce a programme of leadership development for senior officers", "Head of HR",
     dt.datetime(2022, 6, 30), 0.3, "amber", "First cohort delayed to March by staff absence."),
    ("2.1", "Publish a five-year medium term financial strategy", "Chief Financial Officer",
     dt.datetime(2021, 10, 31), 1.0, "complete", "Approved on 28 October."),
    ("3.1", "Set up locality partnerships in each ward area", "Head of Communities",
     dt.datetime(2022, 6, 30), 0.15, "red", "No progress this quarter; resourcing under review."),
    ("3.2", "Publish a community engagement framework", "Head of Communities",
     dt.datetime(2022, 9, 30), 0.05, "green", "Scoping started."),
]
KEY = {"not_started": ("Not Started", "BFBFBF"), "red": ("Concern", "FF0000"),
       "amber": ("Caution", "FFC000"), "green": ("On Target", "00B050"), "complete": ("Complete", "0070C0")}


def _shade(cell: object, hex6: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), hex6)
    tc_pr.append(shd)


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2021, 9, 20)
    document.add_heading(PLAN, level=0)
    document.add_paragraph("Progress Report to the Audit and Scrutiny Committee")
    document.add_paragraph("20 September 2021")
    document.add_paragraph("This report sets out progress against the actions agreed after the Best Value "
                           "Assurance Report.")
    headers = ["Ref", "Agreed Action", "Lead Officer", "Target Date", "Progress at 30/06/2021",
               "Current Progress", "Commentary"]
    for number, theme in THEMES.items():
        document.add_paragraph(f"Recommendation {number}: {theme}")
        table = document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
            _shade(cell, "1F3864")
        for ref, theme_no, action, lead, target, before, now, notes in DOCX_ACTIONS:
            if theme_no != number:
                continue
            row = table.add_row().cells
            for cell, text in zip(row, [ref, action, lead, target, before, now, ""], strict=True):
                cell.text = text
            lines = notes.split("\n")
            row[6].text = lines[0]
            for line in lines[1:]:
                row[6].add_paragraph(line)
    document.save(path)


def write_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Summary"
    ws["A1"] = f"{PLAN}: Quarterly Summary"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"], ws["C3"] = "Committee Report Ref:", "AS/22/04"
    ws["A4"], ws["C4"] = "Report Date:", "13/12/21"
    ws["A5"], ws["C5"] = "Committee Date:", dt.datetime(2022, 1, 19)
    ws["C5"].number_format = "dd/mm/yyyy"
    ws["A7"] = "Key"
    for col, (label, colour) in enumerate(KEY.values(), start=2):
        cell = ws.cell(7, col, label)
        cell.fill = PatternFill("solid", fgColor=colour)
    headers = ["RAG", "Action No", "Action Description", "Responsible Officer", "Due Date", "% Complete",
               "Progress Update"]
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(9, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for r, (ref, action, lead, due, pct, rag, notes) in enumerate(XLSX_ACTIONS, start=10):
        ws.cell(r, 1).fill = PatternFill("solid", fgColor=KEY[rag][1])
        for col, value in enumerate([ref, action, lead, due, pct, notes], start=2):
            ws.cell(r, col, value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 5).number_format = "dd/mm/yyyy"
        ws.cell(r, 6).number_format = "0%"
    ws["B17"], ws["E17"] = "Issues / Major Risks / Change Requests", "Targets for Next Period"
    ws["B18"] = "(R) Leadership development: staff absence may delay the second cohort."
    ws["B19"] = "(C) Leadership development: move the target date from March to June 2022."
    ws["E18"] = "Locality partnerships: agree the resourcing model with the Corporate Management Team."
    for col, width in zip("ABCDEFG", [8, 10, 50, 24, 12, 11, 50], strict=True):
        ws.column_dimensions[col].width = width
    wb.properties.created = dt.datetime(2021, 12, 13)
    wb.save(path)


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_docx(out / "kelvindale_bv_action_plan_update_2021-09.docx")
    write_xlsx(out / "kelvindale_bv_quarterly_summary_2021-12.xlsx")
    print(f"sample papers written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "raw")
