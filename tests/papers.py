"""Build progress papers for tests: a Word update, an Excel summary, a PDF update.

Each helper writes one paper in a layout councils use and returns its path, so a test can make
a plan's history (papers a quarter apart, actions dropped, added, re-dated) and run the real
pipeline over it. An action is a dict:

    {"ref": "1.2", "description": "...", "lead": "Head of HR", "due": "31-Mar-22 (30/09/2021)",
     "before": "10%", "progress": "25%", "commentary": "...", "decisions": "15.9.21: ...", "rag": "amber"}

Only ``description`` is required. ``due`` is the target as printed (text), or a date for Excel;
``progress`` and ``before`` are as printed ('25%') or, for Excel, a number 0-1 shown as a percentage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

Action = dict[str, Any]
Recommendation = tuple[str, Sequence[Action]]  # (theme, actions under it)

RAG_FILLS = {"not_started": ("Not Started", "BFBFBF"), "red": ("Concern", "FF0000"),
             "amber": ("Caution", "FFC000"), "green": ("On Target", "00B050"),
             "complete": ("Complete", "0070C0")}


def _uk(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d-%b-%y")
    if isinstance(value, float):
        return f"{round(value * 100)}%"
    return str(value)


def shade_cell(cell: Any, hex6: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), hex6)
    tc_pr.append(shd)


def _docx_headers(earlier: dt.date | None, decisions: bool) -> list[str]:
    headers = ["Ref", "Agreed Action", "Lead Officer", "Target Date"]
    if earlier is not None:
        headers.append(f"Progress at {_uk(earlier)}")
    headers += ["Current Progress", "Commentary"]
    return [*headers, "Decisions Required"] if decisions else headers


def _docx_row(action: Action, earlier: dt.date | None, decisions: bool) -> list[str]:
    row = [_text(action.get("ref")), action["description"], _text(action.get("lead")), _text(action.get("due"))]
    if earlier is not None:
        row.append(_text(action.get("before")))
    row += [_text(action.get("progress")), _text(action.get("commentary"))]
    return [*row, _text(action.get("decisions"))] if decisions else row


def make_docx_update(path: Path, title: str, report_date: dt.date, recommendations: Sequence[Recommendation],
                     *, earlier: dt.date | None = None, subtitle: str = "Progress Report to the Audit Committee",
                     registers: Mapping[str, Sequence[str]] | None = None) -> Path:
    """A Word update: title, subtitle, the report date as a line, then per recommendation a
    labelled paragraph ('Recommendation 1: theme') and a table of its actions.

    ``earlier`` adds a 'Progress at <date>' column (each action's ``before``); a 'Decisions
    Required' column appears when any action has ``decisions``. ``registers`` maps a heading
    ('Key Risks') to bulleted items written after the tables.
    """
    import docx

    document = docx.Document()
    document.core_properties.created = dt.datetime(report_date.year, report_date.month, report_date.day)
    document.add_heading(title, level=0)
    document.add_paragraph(subtitle)
    document.add_paragraph(_long(report_date))
    document.add_paragraph("This report sets out progress against the agreed actions.")
    decisions = any(a.get("decisions") for _, actions in recommendations for a in actions)
    headers = _docx_headers(earlier, decisions)
    for number, (theme, actions) in enumerate(recommendations, start=1):
        document.add_paragraph(f"Recommendation {number}: {theme}")
        table = document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
            shade_cell(cell, "1F3864")
        for action in actions:
            for cell, text in zip(table.add_row().cells, _docx_row(action, earlier, decisions), strict=True):
                cell.text = text
    for heading, items in (registers or {}).items():
        document.add_paragraph(heading)
        for item in items:
            document.add_paragraph(item, style="List Bullet")
    document.save(str(path))
    return path


def _xlsx_headers(earlier: dt.date | None, decisions: bool, rag: bool, numbered: bool) -> list[str]:
    headers = ["RAG"] if rag else []
    headers += ["Action No"] if numbered else []
    headers += ["Action Description", "Responsible Officer", "Due Date"]
    if earlier is not None:
        headers.append(f"% Complete at {_uk(earlier)}")
    headers += ["% Complete", "Progress Update"]
    return [*headers, "Decisions"] if decisions else headers


def make_xlsx_summary(path: Path, title: str, report_date: dt.date, actions: Sequence[Action], *,
                      report_ref: str | None = None, earlier: dt.date | None = None, numbered: bool = True,
                      registers: Mapping[str, Sequence[str]] | None = None) -> Path:
    """An Excel summary: title in A1, 'Committee Report Ref:' and 'Report Date:' labels, a
    colour key and one table of actions (RAG as a fill where actions give ``rag``), real Excel
    dates and 0-1 percentages formatted '0%'. ``registers`` maps a heading ('Issues / Major
    Risks / Change Requests', 'Targets for Next Period') to its items, written side by side
    two rows under the table. ``numbered=False`` leaves out the 'Action No' column.
    """
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Summary"
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    if report_ref:
        ws["A3"], ws["C3"] = "Committee Report Ref:", report_ref
    ws["A4"], ws["C4"] = "Report Date:", _uk(report_date)
    rag = any(a.get("rag") for a in actions)
    if rag:
        ws["A6"] = "Key"
        for col, (label, colour) in enumerate(RAG_FILLS.values(), start=2):
            ws.cell(6, col, label).fill = PatternFill("solid", fgColor=colour)
    decisions = any(a.get("decisions") for a in actions)
    headers = _xlsx_headers(earlier, decisions, rag, numbered)
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(8, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for r, action in enumerate(actions, start=9):
        values: list[Any] = [action.get("ref")] if numbered else []
        values += [action["description"], action.get("lead"), action.get("due")]
        if earlier is not None:
            values.append(action.get("before"))
        values += [action.get("progress"), action.get("commentary")]
        if decisions:
            values.append(action.get("decisions"))
        start = 2 if rag else 1
        if rag and action.get("rag"):
            ws.cell(r, 1).fill = PatternFill("solid", fgColor=RAG_FILLS[action["rag"]][1])
        for col, value in enumerate(values, start=start):
            cell = ws.cell(r, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, float):
                cell.number_format = "0%"
    top = 9 + len(actions) + 1
    for i, (heading, items) in enumerate((registers or {}).items()):
        col = 2 + 3 * i
        ws.cell(top, col, heading)
        for j, item in enumerate(items, start=1):
            ws.cell(top + j, col, item)
    wb.properties.created = dt.datetime(report_date.year, report_date.month, report_date.day)
    wb.save(path)
    return path


def make_pdf_update(path: Path, title: str, report_date: dt.date, actions: Sequence[Action]) -> Path:
    """A PDF update (reportlab): title, the report date as a line, one ruled table of actions."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=True)
    headers = ["Ref", "Agreed Action", "Lead Officer", "Target Date", "Current Progress", "Commentary"]
    data: list[list[Any]] = [[Paragraph(h, body) for h in headers]]
    for a in actions:
        data.append([_text(a.get("ref")), Paragraph(a["description"], body), _text(a.get("lead")),
                     _text(a.get("due")), _text(a.get("progress")), Paragraph(_text(a.get("commentary")), body)])
    table = Table(data, colWidths=[35, 220, 95, 70, 70, 200], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([Paragraph(title, styles["Title"]), Paragraph(_long(report_date), body), Spacer(1, 12), table])
    return path


# --- one plan's history, ready made -----------------------------------------------------------
# Kelvindale Council's plan: a Word update at 20 September 2021 (progress also at 30 June), then
# an Excel summary at 13 December 2021 (progress also at 20 September) in which 2.2 is missing,
# 3.2 is new, 1.2's target moves again and 1.2's September figure disagrees with the update's.

KELVINDALE = "Kelvindale Council Best Value Action Plan"
JUNE, SEPTEMBER, DECEMBER = dt.date(2021, 6, 30), dt.date(2021, 9, 20), dt.date(2021, 12, 13)
DESCRIPTIONS = {
    "1.1": "Agree a shared vision and priorities with elected members",
    "1.2": "Introduce a programme of leadership development for senior officers",
    "2.1": "Publish a five-year medium term financial strategy",
    "2.2": "Develop a savings programme linked to transformation",
    "3.1": "Set up locality partnerships in each ward area",
    "3.2": "Publish a community engagement framework",
}


def _a(ref: str, descriptions: dict[str, str] | None, **fields: Any) -> Action:
    return {"ref": ref, "description": (descriptions or DESCRIPTIONS)[ref], **fields}


def september_update(path: Path, title: str = KELVINDALE, descriptions: dict[str, str] | None = None) -> Path:
    d = descriptions
    recommendations: list[Recommendation] = [
        ("Strengthen leadership and strategic direction", [
            _a("1.1", d, lead="Chief Executive", due="31-Dec-21", before="20%", progress="45%",
               commentary="Two member workshops held."),
            _a("1.2", d, lead="Head of HR", due="31-Mar-22 (30/09/2021)", before="10%", progress="25%",
               commentary="Provider appointed.", decisions="15.9.21: Change target date to March 2022"),
        ]),
        ("Improve financial sustainability", [
            _a("2.1", d, lead="Chief Financial Officer", due="31-Oct-21", before="50%", progress="90%",
               commentary="Goes to council on 28 October."),
            _a("2.2", d, lead="Chief Financial Officer", due="Q4 2021/22", before="0%", progress="0%",
               commentary="Waits on the financial strategy."),
        ]),
        ("Involve communities in decisions", [
            _a("3.1", d, lead="Head of Communities", due="30-Jun-22", before="15%", progress="15%"),
        ]),
    ]
    return make_docx_update(path, title, SEPTEMBER, recommendations, earlier=JUNE)


def december_summary(path: Path, title: str = f"{KELVINDALE}: Quarterly Summary",
                     descriptions: dict[str, str] | None = None) -> Path:
    d = descriptions
    actions = [
        _a("1.1", d, lead="Chief Executive", due=dt.datetime(2021, 12, 31), before=0.45, progress=0.8, rag="green",
           commentary="Vision approved on 9 December."),
        _a("1.2", d, lead="Head of HR", due=dt.datetime(2022, 6, 30), before=0.3, progress=0.3, rag="amber",
           commentary="First cohort delayed.", decisions="1.12.21: Move target to June 2022; note absence. "
           "15.9.21: Change target date to March 2022"),
        _a("2.1", d, lead="Chief Financial Officer", due=dt.datetime(2021, 10, 31), before=0.9, progress=1.0,
           rag="complete", commentary="Approved on 28 October."),
        _a("3.1", d, lead="Head of Communities", due=dt.datetime(2022, 6, 30), before=0.15, progress=0.15,
           rag="red", commentary="No progress this quarter."),
        _a("3.2", d, lead="Head of Communities", due=dt.datetime(2022, 9, 30), progress=0.05, rag="green",
           commentary="Scoping started."),
    ]
    registers = {"Issues / Major Risks / Change Requests": [
        "(R) Leadership development: staff absence may delay the second cohort.",
        "(I) Budget pressures across all services."],
        "Targets for Next Period": ["Locality partnerships: agree the resourcing model."]}
    return make_xlsx_summary(path, title, DECEMBER, actions, report_ref="AS/22/04", earlier=SEPTEMBER,
                             registers=registers)
