"""What a page is read into: tables, or their parts on one page, made of cells being read; and
the page's tables and paragraphs in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.colours import is_mark
from extractors.model import Cell, Paragraph
from extractors.pdf.chars import STYLE
from extractors.pdf.geometry import BBox, overlap
from extractors.pdf.words import Line, Word, text_of

Fill = tuple[BBox, str | None]  # a filled rectangle and its colour as 'RRGGBB' (None: not a colour)


@dataclass
class Box:
    """A cell being read: its place in its grid and the words in it."""

    col: int
    colspan: int
    rowspan: int
    bbox: BBox
    words: list[Word] = field(default_factory=list)


@dataclass
class Part:
    """A table, or the part of one on one page. ``xs`` are its column edges."""

    xs: list[float]
    rows: list[list[Box]]
    page: int
    cells: list[list[Cell]] = field(default_factory=list)
    last_page: int = 0
    ends_low: bool = True  # it ends in the lower half of its (last) page: it may go on over the page
    gutters: list[tuple[float, float]] | None = None  # found from its text: the clear space between columns

    @property
    def top(self) -> float:
        return min((b.bbox[1] for row in self.rows for b in row), default=0.0)

    @property
    def bottom(self) -> float:
        return max((b.bbox[3] for row in self.rows for b in row), default=0.0)


@dataclass
class Foot:
    """The lines at the foot of a page's body that may be a table's first rows, the rest of it on the
    next page: the paragraphs they read as otherwise, and the filled rectangles about them."""

    lines: list[Line] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)


@dataclass
class PageText:
    """What one page yields: parts of tables and paragraphs, each with its top, in order."""

    number: int
    blocks: list[tuple[float, Part | Paragraph]]
    margins: tuple[float, float]  # top and bottom of the page's running header and footer zones
    n_chars: int = 0
    foot: Foot = field(default_factory=Foot)


def finish(part: Part, fills: list[Fill]) -> None:
    """The part's boxes as model cells with their text and fill: a cell's fill is the last filled
    rectangle drawn over most of it."""
    part.cells = []
    here = (part.xs[0], part.top, part.xs[-1], part.bottom)
    fills = [f for f in reversed(fills) if overlap(f[0], here) > 0]  # the last drawn first
    for r, row in enumerate(part.rows):
        cells = []
        for box in sorted(row, key=lambda b: b.col):
            text, fill = text_of(box.words), _fill_of(box.bbox, fills)
            if fill is None and is_mark(text):  # a coloured '●' colours its cell
                fill = box.words[0].chars[0][STYLE].colour
            cells.append(Cell(text=text, row=r, col=box.col, rowspan=box.rowspan,
                              colspan=box.colspan, fill=fill, page=part.page))
        part.cells.append(cells)


def _fill_of(bbox: BBox, fills: list[Fill]) -> str | None:
    """The colour of the first of ``fills`` over at least half of ``bbox``, or None."""
    x0, top, x1, bottom = bbox
    half = 0.5 * max((x1 - x0) * (bottom - top), 1e-6)
    for (fx0, ftop, fx1, fbottom), colour in fills:
        if fbottom <= top or ftop >= bottom or fx1 <= x0 or fx0 >= x1:
            continue  # apart (or touching)
        w = (x1 if x1 < fx1 else fx1) - (x0 if x0 > fx0 else fx0)
        h = (bottom if bottom < fbottom else fbottom) - (top if top > ftop else ftop)
        if w > 0 and h > 0 and w * h >= half:
            return colour
    return None
