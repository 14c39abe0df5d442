"""The format-neutral structure every extractor produces.

A paper is its blocks in reading order: paragraphs (headings included) and tables. A table is
rows of cells; each cell keeps its text (paragraphs separated by "\\n"), its typed value where the
format has one (a number or a date from Excel), its fill colour, its grid position and its merged
span. A merged cell appears once, at its top-left grid position, with ``rowspan``/``colspan``; the
positions it covers hold no other cell. What a table *means* is decided later, in ``pipeline``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Format = Literal["docx", "pdf", "xlsx"]
CellValue = str | float | int | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Cell:
    """One cell of a table, at its top-left grid position."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    fill: str | None = None  # "RRGGBB", upper case; None for no fill, white or 'auto'
    value: CellValue = None  # typed value where the format has one (xlsx), else the text
    number_format: str | None = None  # the cell's number format (xlsx), e.g. "0%"
    page: int | None = None  # the page the cell is on (pdf) or the sheet number (xlsx)

    @cached_property  # asked of every cell many times over
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Table:
    """A table: ``rows[i]`` lists the cells that start in grid row ``i``, left to right."""

    rows: list[list[Cell]]
    index: int  # position among the paper's tables, from 0
    page: int | None = None  # first page (pdf) or sheet number (xlsx, from 1)
    name: str | None = None  # the sheet's name (xlsx)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for row in self.rows for c in row), default=0)


@dataclass(frozen=True)
class Paragraph:
    """Running text between tables: a heading, a paragraph or a list item."""

    text: str
    page: int | None = None
    style: str | None = None  # the producer's style name, e.g. "Heading 1", where known
    bold: bool = False  # every run of the paragraph is bold


Block = Paragraph | Table


@dataclass(frozen=True)
class Limits:
    """What one paper may hold, checked on what is really in the file, not what it declares."""

    max_pages: int = 500  # pages of a PDF
    max_rows: int = 20_000  # table rows, all tables together


@dataclass
class Paper:
    """What an extractor read from one file."""

    path: str
    format: Format
    blocks: list[Block] = field(default_factory=list)
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    modified: dt.datetime | None = None  # last modified (else created), as the file's own properties say

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]
