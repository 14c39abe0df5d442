"""A progress paper described once, written by several producers, with what it should yield.

A :class:`PaperSpec` is the paper's content in the order a reader meets it: paragraphs and tables
(for a workbook, sheets of them). :mod:`layouts.render` writes it as a .docx (python-docx), a .xlsx
(openpyxl), a .pdf drawn by reportlab, and the PDF LibreOffice prints from the .docx or the .xlsx
(as councils publish). ``expected`` is what bvtrack should extract from it, in the form of
``../shared/corpus/expected/*.json`` (see :class:`Expected`), so the papers are scored the way
``../shared/tools/score_corpus.py`` scores the sample corpus.

Nothing here knows how bvtrack reads a paper: a spec says what is printed, and what a person
reading it would take from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Producer = Literal["docx", "xlsx", "pdf", "lo-docx", "lo-xlsx"]
PRODUCERS: tuple[Producer, ...] = ("docx", "xlsx", "pdf", "lo-docx", "lo-xlsx")


@dataclass
class C:
    """A table cell. ``text`` is what is printed (line breaks as "\\n"); for a workbook, ``value``
    (a date, a float, an int) and ``number_format`` ('0%', 'dd/mm/yyyy') say how it is stored,
    and ``text`` is what the other producers print for it. ``font_colour`` prints the text in
    that colour in every producer (a RAG word or letter in a coloured font instead of a fill).
    ``rotated`` prints the text turned 90 degrees, reading upwards from the cell's foot (a narrow
    column's header: the row is as tall as the text is long, the column need be only a line
    wide); ``valign`` places the text in the cell's height ('center': in the middle of a cell
    merged down, as Excel and Word users often centre it), in every producer."""

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    fill: str | None = None  # 'RRGGBB'
    bold: bool = False
    value: Any = None  # xlsx only: the typed value (None: the text)
    number_format: str | None = None  # xlsx only
    font_colour: str | None = None  # 'RRGGBB': the text's colour (None: black)
    rotated: bool = False  # the text turned 90 degrees, reading bottom to top
    valign: Literal["top", "center", "bottom"] = "top"  # where the text sits in the cell's height


Row = list["C | str"]


@dataclass
class T:
    """A table: rows of cells, left to right. A merged cell is given once, at its top-left
    position, with its span; the positions it covers are left out of the following rows (a row
    under a cell with ``rowspan=2`` lists one cell fewer)."""

    rows: list[Row]
    ruled: bool = True  # grid lines; False: columns aligned by whitespace only (PDF), no borders (docx, xlsx)
    widths: list[float] | None = None  # relative column widths (None: equal)
    header_rows: int = 1  # rows repeated at the top of each page where the producer can
    font_size: float = 9.0  # pdf only
    # xlsx only: (row, column) of its top-left cell, from 1 (None: below what is written so far)
    at: tuple[int, int] | None = None
    # xlsx only (the other producers print every row and column): the table's rows (from 0) hidden,
    # its columns (from 0) hidden, and its rows (from 0) in an outline group, collapsed (so hidden)
    # under the row above them, which Excel marks to expand them
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = ()
    grouped_rows: tuple[int, ...] = ()


@dataclass
class P:
    """A paragraph: a title, a heading, a line of text, a list item."""

    text: str
    style: Literal["title", "heading", "text", "bullet"] = "text"
    bold: bool = False
    at: tuple[int, int] | None = None  # xlsx only: (row, column) of its cell, from 1 (None: below the last block)


Block = P | T


@dataclass
class Sheet:
    """A worksheet: its name and its blocks, from the top (each block starts on a new row, a blank
    row between blocks; a paragraph is one cell in column A). ``freeze`` is the cell whose rows
    above and columns to the left stay in view ('D7'), ``autofilter`` the range given filter
    buttons ('B9:I16'), as the workbook's own view settings; ``autofilter_shows`` the values a
    column of that range (from 0) is filtered to show (the rows it filters out are hidden by their
    table's ``hidden_rows``, as Excel saves a filtered sheet). ``hidden``: the sheet is hidden (it
    is not printed)."""

    name: str
    blocks: list[Block]
    freeze: str | None = None  # the top-left cell of the scrolling pane (None: nothing frozen)
    autofilter: str | None = None  # a range such as 'B9:I16' (None: no filter)
    autofilter_shows: dict[int, list[str]] = field(default_factory=dict)  # column of the range -> values shown
    hidden: bool = False  # a hidden sheet


@dataclass
class Snapshot:
    as_of: str  # ISO date
    percent_complete: float | None = None
    percent_raw: str | None = None
    rag: str | None = None  # red, amber, green, complete, not_started
    status_text: str | None = None
    decisions: str | None = None


@dataclass
class Action:
    description: str
    ref: str | None = None
    theme: str | None = None
    lead: str | None = None
    service_lead: str | None = None
    priority: str | None = None  # a number as text ('1'), or None
    due_date: str | None = None  # ISO
    original_due_date: str | None = None  # ISO
    due_raw: str | None = None
    report_refs: str | None = None
    snapshots: list[Snapshot] = field(default_factory=list)

    @property
    def lead_raw(self) -> str | None:
        return self.lead


@dataclass
class Expected:
    """What bvtrack should extract: the document's details and each action with its snapshots."""

    title: str | None
    report_date: str | None  # ISO
    actions: list[Action]
    report_ref: str | None = None
    committee_date: str | None = None
    report_date_source: str | None = "paper"  # paper, committee_date, file_name, file_properties, None

    def as_json(self) -> dict[str, Any]:
        def action(a: Action) -> dict[str, Any]:
            row = {k: getattr(a, k) for k in ("ref", "theme", "description", "lead", "lead_raw", "service_lead",
                                              "priority", "due_date", "original_due_date", "due_raw", "report_refs")}
            row["snapshots"] = [vars(s).copy() for s in a.snapshots]
            return row

        return {"title": self.title, "report_ref": self.report_ref, "report_date": self.report_date,
                "committee_date": self.committee_date, "report_date_source": self.report_date_source,
                "actions": [action(a) for a in self.actions]}


@dataclass
class PaperSpec:
    """One paper: ``blocks`` for the word-processed and drawn producers, ``sheets`` for a workbook
    (None: one sheet named 'Sheet1' holding ``blocks``). ``producers`` are the forms to write it in;
    ``name`` is the file's stem (a date in it is the file name's date). ``post_docx`` and
    ``post_xlsx``, where given, edit the python-docx Document / openpyxl Workbook just before it is
    saved (what the spec's blocks cannot say: a Word table style, raw XML, conditional formatting),
    so the PDF LibreOffice prints from the file shows the edit too."""

    layout: str  # the layout class, e.g. 'report_details'
    name: str
    blocks: list[Block]
    expected: Expected
    producers: tuple[Producer, ...] = ("docx", "pdf", "lo-docx")
    sheets: list[Sheet] | None = None
    landscape: bool = True
    modified: dt.datetime | None = None  # the file's own last-modified property, where the producer keeps one
    note: str = ""  # what this variant tries
    post_docx: Callable[[Any], None] | None = None  # given the python-docx Document before it is saved
    post_xlsx: Callable[[Any], None] | None = None  # given the openpyxl Workbook before it is saved
