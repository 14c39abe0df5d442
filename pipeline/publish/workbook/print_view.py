"""A print view per plan ('Print – <plan>'): the plan's actions on A4 landscape, readable.

Columns chosen for paper: ref, action, lead, due date, progress, previous RAG and RAG, the latest
commentary (wrapped). Their widths add up to what fits one A4 page across at :data:`MIN_SCALE` or
more, and the scale is set explicitly (not 'fit to page', which shrinks a wide sheet to anything);
the header row is repeated on every printed page, the print area is the title and the table,
whose cells are ruled.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.publish.workbook.inputs import Inputs, frame, sort_key, val
from pipeline.publish.workbook.sheets import HEADER_ROW, RAG_COLOURS, colour_values, column_range, new_sheet
from pipeline.publish.workbook.xl import Col, Formats, width_pixels, write_table
from pipeline.schema import as_date

PREFIX = "Print – "
MAX_SHEET_NAME = 31  # Excel's limit
PAPER_A4 = 9
A4_LANDSCAPE_INCHES = 297 / 25.4
MARGIN_INCHES = 0.3  # left and right
MIN_SCALE = 70  # per cent: smaller is hard to read on paper
# Columns are sized in characters of the workbook's font (Calibri): Excel lays them out at 7 pixels a
# character, but a reader without Calibri or its metric twin (LibreOffice with DejaVu Sans in its
# place) a third wider. The scale is chosen for the wider layout, so neither cuts a column off.
WIDE_FONT = 1.34
SAFETY = 0.97
MAX_COMMENTARY = 1_500  # characters: a row taller than a page would be cut in print
PRINT_COLS = [
    Col("Ref", "ref", width=5), Col("Action", width=35, wrap=True), Col("Lead", width=15, wrap=True),
    Col("Due date", "date", width=10.5), Col("Progress", "percent", width=8.5), Col("Previous RAG", width=9.5),
    Col("RAG", width=9.5), Col("Latest commentary", width=47, wrap=True),
]
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


def print_scale(cols: list[Col]) -> int:
    """The largest whole per cent at which the columns fit one A4 page across in either layout (at most 100)."""
    printable = (A4_LANDSCAPE_INCHES - 2 * MARGIN_INCHES) * 96 * SAFETY  # pixels at 100 %
    needed = width_pixels([c.width or 10.0 for c in cols]) * WIDE_FONT
    return min(100, math.floor(printable / needed * 100))


def _fit(label: str, room: int) -> str:
    """``label`` within ``room`` characters, cut at a word where that keeps most of it."""
    if len(label) <= room:
        return label
    cut = label[:room + 1].rsplit(" ", 1)[0].rstrip(" -–,;")
    return cut if len(cut) >= room * 0.6 else label[:room].rstrip()


def sheet_names(inp: Inputs) -> dict[tuple[Any, Any], str]:
    """A sheet name per (organisation, plan), in the actions' order: 'Print – <plan>', with the
    organisation's first word before the plan where two organisations share the plan's name; within
    31 characters, unique (ignoring case)."""
    plans = list(dict.fromkeys((val(a, "organisation"), val(a, "plan"))
                               for a in sorted(inp.actions.values(), key=lambda a: inp.action_rank(a["action_id"]))))
    shared = Counter(" ".join(str(p or "").split()).casefold() for _, p in plans)
    names: dict[tuple[Any, Any], str] = {}
    taken = {"summary", "dashboard", "changes", "chase list", "notes kept", "about", "history"}
    room = MAX_SHEET_NAME - len(PREFIX)
    for org, plan in plans:
        label = " ".join(str(plan or "no plan").split())
        if shared[label.casefold()] > 1 and org:
            label = f"{str(org).split()[0]} {label}"
        label = " ".join(_NOT_IN_NAMES.sub(" ", label).split()).strip("'") or "plan"
        name, n = PREFIX + _fit(label, room), 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = PREFIX + _fit(label, room - len(suffix)) + suffix
        taken.add(name.casefold())
        names[(org, plan)] = name
    return names


def _commentary(inp: Inputs) -> dict[Any, str]:
    """Per action, the commentary of its latest snapshot that has one (cut to fit a printed page)."""
    latest: dict[Any, tuple[Any, str]] = {}
    for snap in inp.snapshots:
        text = val(snap, "status_text")
        if not text:
            continue
        key = sort_key(as_date(val(snap, "as_of")))
        if snap["action_id"] not in latest or key >= latest[snap["action_id"]][0]:
            latest[snap["action_id"]] = (key, str(text))
    cut = " […] (in full on Progress history)"
    return {aid: text if len(text) <= MAX_COMMENTARY else text[:MAX_COMMENTARY].rstrip() + cut
            for aid, (_, text) in latest.items()}


def plan_frame(dash: pd.DataFrame, commentary: dict[Any, str]) -> pd.DataFrame:
    """The print view's rows from a plan's Dashboard rows, with each action's latest commentary; an
    action its plan's latest paper does not report says when it was last reported."""
    latest = max((d for d in dash["As of"] if isinstance(d, dt.date)), default=None)
    rows = []
    for r in dash.to_dict("records"):
        said = commentary.get(r["Action id"])
        if latest is not None and isinstance(r["As of"], dt.date) and r["As of"] < latest:
            said = " ".join(p for p in (f"[Not in the latest paper: last reported {r['As of']:%d/%m/%Y}.]", said) if p)
        rows.append({"Ref": r["Ref"], "Action": r["Description"], "Lead": r["Lead"], "Due date": r["Due date"],
                     "Progress": r["% complete"], "Previous RAG": r["Previous RAG"], "RAG": r["RAG"],
                     "Latest commentary": said})
    return frame(rows, PRINT_COLS)


def _note(table: pd.DataFrame, as_of: dt.date | None) -> str:
    dates = [d for d in table["Due date"] if isinstance(d, dt.date)]
    due = f", due {min(dates):%d/%m/%Y} to {max(dates):%d/%m/%Y}" if dates else ""
    latest = f" (latest: {as_of:%d/%m/%Y})" if as_of else ""
    return (f"{len(table)} action{'s' if len(table) != 1 else ''}{due}. Progress and RAG at the latest paper{latest}; "
            "previous RAG from the paper before.")


def print_sheets(book: Workbook, formats: Formats, inp: Inputs, dash: pd.DataFrame,
                 names: dict[tuple[Any, Any], str]) -> None:
    """One print view per plan, on the sheets ``names`` gives (added already, in the workbook's order)."""
    commentary = _commentary(inp)
    scale = max(MIN_SCALE, print_scale(PRINT_COLS))
    for i, ((org, plan), name) in enumerate(names.items(), start=1):
        mine = dash[[(o, p) == (org, plan) for o, p in zip(dash["Organisation"], dash["Plan"], strict=True)]]
        table = plan_frame(mine, commentary)
        as_of = max((d for d in mine["As of"] if isinstance(d, dt.date)), default=None)
        title = " – ".join(str(p) for p in (plan, org) if p) or "Actions with no plan"
        w = new_sheet(book, formats, name, title, _note(table, as_of))
        placed = write_table(w, HEADER_ROW, 0, f"tblPrint{i}", table, PRINT_COLS)
        for header in ("RAG", "Previous RAG"):
            colour_values(w, column_range(PRINT_COLS, header, len(table)), RAG_COLOURS)
        cells = f"A{HEADER_ROW + 1}:{xl_col_to_name(placed.last_col)}{placed.last_row + 1}"
        w.sheet.conditional_format(cells, {"type": "formula", "criteria": "=TRUE",  # ruled, on screen and paper
                                           "format": formats.get(border=1, border_color="#A6A6A6")})
        _page(w.sheet, scale, placed.last_row, placed.last_col)


def _page(sheet: Worksheet, scale: int, last_row: int, last_col: int) -> None:
    """A4 landscape at ``scale`` per cent, the header row on every page, the table as the print area."""
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(PAPER_A4)
    sheet.set_print_scale(scale)
    sheet.set_margins(left=MARGIN_INCHES, right=MARGIN_INCHES, top=0.6, bottom=0.6)
    sheet.repeat_rows(HEADER_ROW)
    sheet.print_area(0, 0, last_row, last_col)
    sheet.set_header("&L&\"Calibri,Bold\"&A&R&D")
    sheet.set_footer("&LBest Value tracker&RPage &P of &N")
