"""Write a shared folder of distinct progress papers for the benchmark, in all three formats.

Councils each keep one action plan and report on it every few weeks, in a format and layout of
their own (Word updates with a table per recommendation, Excel summaries with a RAG column,
PDF reports), so consolidation has real histories to match. Every paper's bytes are distinct.

    python scripts/make_bench_papers.py OUT_DIR [--papers 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COUNCILS = ["Kelvindale", "Strathmore", "Glenbrae", "Loch Arden", "Ben Varrow", "Corrieside", "Dunmere",
            "Inverlochy", "Ardfearn", "Balmullo", "Craigellie", "Eastwood Vale", "Fintry", "Garvock", "Halkirk",
            "Invergarry", "Kilbride", "Lochmaben", "Muirkirk", "Newmilns", "Oldmeldrum", "Portsoy", "Rosehearty",
            "Stonehaven", "Tarbolton", "Udny", "Whitburn", "Yetholm", "Aberlady", "Brechin", "Carnwath", "Dalry",
            "Earlston", "Forfar", "Gifford", "Hawick", "Irvine", "Jedburgh", "Kinross", "Lanark"]
VERBS = ["Agree", "Publish", "Introduce", "Review", "Set up", "Deliver", "Adopt", "Report on", "Develop", "Test",
         "Refresh", "Embed", "Consult on", "Implement", "Evaluate"]
OBJECTS = ["a workforce plan", "the medium term financial strategy", "locality partnerships", "a digital strategy",
           "a community engagement framework", "the asset management plan", "a savings programme",
           "member training", "the performance framework", "a procurement strategy", "a climate action plan",
           "the housing investment programme", "the transformation programme", "a risk management policy",
           "service reviews", "a customer charter", "the capital programme", "a people strategy"]
THEMES = ["Strengthen leadership and strategic direction", "Improve financial sustainability",
          "Involve communities in decisions", "Modernise services", "Manage performance"]
LEADS = ["Chief Executive", "Head of HR", "Chief Financial Officer", "Head of Communities", "Director of Place",
         "Head of Digital", "Monitoring Officer", "Head of Housing"]
RAG = {"red": ("Concern", "FF0000"), "amber": ("Caution", "FFC000"), "green": ("On Target", "00B050"),
       "complete": ("Complete", "0070C0")}
FORMATS = ("docx", "xlsx", "pdf")


@dataclass
class Action:
    ref: str
    theme: str
    description: str
    lead: str
    due: dt.date
    start: float  # progress at the plan's first paper, 0-1
    pace: float  # progress gained per paper


@dataclass
class Paper:
    path: Path
    council: str
    fmt: str
    layout: int
    date: dt.date
    seq: int
    actions: list[Action]


def plan(rng: random.Random) -> list[Action]:
    actions = []
    themes = rng.sample(THEMES, rng.randint(2, 4))
    for t, theme in enumerate(themes, start=1):
        for a in range(1, rng.randint(3, 6) + 1):
            actions.append(Action(f"{t}.{a}", theme, f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({t}.{a})",
                                  rng.choice(LEADS), dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(900)),
                                  rng.random() * 0.3, rng.random() * 0.08))
    return actions


def progress(action: Action, seq: int) -> float:
    return min(1.0, round(action.start + action.pace * seq, 2))


def rag(action: Action, seq: int, date: dt.date) -> str:
    p = progress(action, seq)
    return "complete" if p >= 1 else "red" if date > action.due else "amber" if p < 0.3 else "green"


def papers(out: Path, n: int, seed: int) -> list[Paper]:
    rng = random.Random(seed)
    plans = {c: plan(random.Random(f"{seed}-{c}")) for c in COUNCILS}
    styles = {c: (FORMATS[i % 3], i % 2) for i, c in enumerate(COUNCILS)}
    made = []
    for i in range(n):
        council = COUNCILS[i % len(COUNCILS)]
        seq = i // len(COUNCILS)
        fmt, layout = styles[council]
        if rng.random() < 0.2:  # councils change their format now and then
            fmt = rng.choice(FORMATS)
        date = dt.date(2020, 1, 6) + dt.timedelta(days=21 * seq + COUNCILS.index(council) % 21)
        name = f"{council.lower().replace(' ', '_')}/bv_progress_{date:%Y-%m-%d}.{fmt}"
        made.append(Paper(out / name, council, fmt, layout, date, seq, plans[council]))
    return made


def _title(p: Paper) -> str:
    return f"{p.council} Council Best Value Action Plan"


def write_docx(p: Paper) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading(_title(p), level=0)
    document.add_paragraph("Progress Report to the Audit and Scrutiny Committee")
    document.add_paragraph(f"{p.date.day} {p.date:%B %Y}")
    headers = (["Ref", "Agreed Action", "Lead Officer", "Target Date", "Current Progress", "Commentary"] if p.layout
               else ["No.", "Action", "Responsible Officer", "Due Date", "% Complete", "Update"])
    for number, theme in enumerate(dict.fromkeys(a.theme for a in p.actions), start=1):
        document.add_paragraph(f"Recommendation {number}: {theme}")
        rows = [a for a in p.actions if a.theme == theme]
        table = document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
        for row, a in zip(table.rows[1:], rows, strict=True):
            values = [a.ref, a.description, a.lead, a.due.strftime("%d/%m/%Y"), f"{progress(a, p.seq):.0%}",
                      f"Paper {p.seq}: {rag(a, p.seq, p.date)} - work continues on {a.description.lower()}."]
            for cell, text in zip(row.cells, values, strict=True):
                cell.text = text
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:fill"), RAG[rag(a, p.seq, p.date)][1])
            row.cells[4]._tc.get_or_add_tcPr().append(shd)
    document.save(str(p.path))


def write_xlsx(p: Paper) -> None:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Summary"
    ws["A1"] = f"{_title(p)}: Summary"
    ws["A1"].font = Font(bold=True)
    ws["A3"], ws["C3"] = "Report Date:", p.date.strftime("%d/%m/%Y")
    for col, (label, colour) in enumerate(RAG.values(), start=2):
        ws.cell(5, col, label).fill = PatternFill("solid", fgColor=colour)
    ws["A5"] = "Key"
    headers = ["RAG", "Action No", "Action Description", "Responsible Officer", "Due Date", "% Complete",
               "Progress Update"]
    if not p.layout:
        headers = headers[1:]
    for col, text in enumerate(headers, start=1):
        ws.cell(7, col, text).font = Font(bold=True)
    for r, a in enumerate(p.actions, start=8):
        values: list[Any] = [a.ref, a.description, a.lead, a.due, progress(a, p.seq), f"Paper {p.seq}: on course."]
        start = 1
        if p.layout:
            ws.cell(r, 1).fill = PatternFill("solid", fgColor=RAG[rag(a, p.seq, p.date)][1])
            start = 2
        for col, value in enumerate(values, start=start):
            cell = ws.cell(r, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, float):
                cell.number_format = "0%"
    wb.save(p.path)


def write_pdf(p: Paper) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    doc = SimpleDocTemplate(str(p.path), pagesize=landscape(A4), invariant=True)
    headers = ["Ref", "Agreed Action", "Lead Officer", "Target Date", "Current Progress", "Commentary"]
    data: list[list[Any]] = [[Paragraph(h, body) for h in headers]]
    for a in p.actions:
        data.append([a.ref, Paragraph(a.description, body), a.lead, a.due.strftime("%d/%m/%Y"),
                     f"{progress(a, p.seq):.0%}", Paragraph(f"Paper {p.seq}: work continues.", body)])
    table = Table(data, colWidths=[35, 220, 110, 70, 70, 200], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if p.layout:
        style += [("BACKGROUND", (4, r), (4, r), colors.HexColor("#" + RAG[rag(a, p.seq, p.date)][1]))
                  for r, a in enumerate(p.actions, start=1)]
    table.setStyle(TableStyle(style))
    doc.build([Paragraph(_title(p), styles["Title"]), Paragraph(f"{p.date.day} {p.date:%B %Y}", body),
               Spacer(1, 12), table])


WRITERS = {"docx": write_docx, "xlsx": write_xlsx, "pdf": write_pdf}


def write(p: Paper) -> str:
    p.path.parent.mkdir(parents=True, exist_ok=True)
    WRITERS[p.fmt](p)
    return p.fmt


def make(out: Path, n: int, seed: int = 1, workers: int | None = None) -> list[Path]:
    todo = papers(out, n, seed)
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(write, todo, chunksize=16))
    return [p.path for p in todo]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.monotonic()
    paths = make(args.out, args.papers, args.seed)
    print(f"{len(paths)} papers in {args.out} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
