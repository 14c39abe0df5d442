"""PDF papers with pdfplumber: running text and tables, in reading order.

Each page is read once: its words (with their characters), filled rectangles and ruled tables.

- **Ruled tables** come from pdfplumber's table finder (lines strategy). Their grid is the set of
  distinct cell edges, so a merged cell keeps its span, and text inside the grid where no ruled
  cell is ('Key' left of a ruled colour key) gets a cell of its own. Words are split where they
  cross a cell edge: text printed edge to edge in two cells runs together ('70May').
- **Unruled rows above a ruled table** whose text sits in its columns, in two or more of them
  (a register's headings, a header row without borders), join it; so do the rows under a table
  that is a single ruled or shaded row (a header over a borderless body). Full-width shaded bands
  behind rows (zebra stripes) are not a one-column table.
- **Tables without rulings**: a line of three or more separated text segments starts one; its
  column gutters are those no word of the following lines crosses; a row starts where the first
  column has text or after a wider gap, so wrapped cells stay one cell. Running text set in two
  or three columns is not a table: its lines fill their columns.
- **Fills**: a cell's fill is the last filled rectangle drawn over most of it (white: none).
- **Paragraphs**: other lines, joined while the previous line was wrapped (the next line's first
  word would not have fitted on it). Page numbers, and running headers and footers (the same text
  in the margin of two pages or more), are dropped: a Word document keeps them out of its body.
- **Pages whose text runs sideways** (a landscape table printed on a portrait page) are turned to
  read left to right first. A page without characters has no text layer (a scan).
- **Across pages**, a table ending in the lower half of one page and one starting the next with
  the same outer edges, with nothing but running headers and footers between them, are one
  table: header rows repeated on the continuation are dropped, and a first row with nothing in
  the table's key column (its leftmost column that mostly has text, the action number) continues
  the row above.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from extractors.colours import normalise_hex, rgb_floats_to_hex
from extractors.model import Block, Cell, ExtractionError, Paper, Paragraph, Table

BBox = tuple[float, float, float, float]
# Private-use bullets of Symbol/Wingdings fonts, and ligatures, as the text they show.
GLYPHS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
                        "\uf0a8": "○", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                        "\ufb04": "ffl"})
BULLETS = set("•▪●◦‣∙○■□➢➤►▶✓✔❖-–")
EDGE_GAP = 0.5  # points between two characters that a cell edge may pass through
UNMAPPED_RE = re.compile(r"^\(cid:\d+\)$")  # a glyph pdfminer cannot map to text
PAGE_NUMBER_RE = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)


@dataclass(frozen=True)
class PdfSettings:
    """Tolerances in PDF points, or in font sizes where named ``*_sizes``."""

    snap: float = 3.0  # edges this close are one grid line
    segment_gap_sizes: float = 0.9  # a wider gap between words separates two cells' text
    paragraph_gap_sizes: float = 0.5  # a wider gap between lines starts a new paragraph
    row_gap_sizes: float = 1.3  # a wider gap between lines ends an unruled table or its header rows
    min_columns: int = 3  # segments on the line that starts an unruled table
    max_pages: int = 1000
    max_edges: int = 20000  # a page drawn with more ruling edges is not searched for ruled tables

    def __post_init__(self) -> None:
        for name in ("snap", "segment_gap_sizes", "paragraph_gap_sizes", "row_gap_sizes"):
            if not getattr(self, name) > 0:
                raise ValueError(f"PdfSettings.{name} must be positive, not {getattr(self, name)!r}")

    @classmethod
    def resolve(cls, settings: PdfSettings | dict[str, Any] | None) -> PdfSettings:
        """Settings from nothing (the defaults), a dict of some of them, or settings."""
        if settings is None:
            return cls()
        if isinstance(settings, PdfSettings):
            return settings
        unknown = sorted(set(settings) - set(cls.__dataclass_fields__))
        if unknown:
            raise ValueError(f"PdfSettings has no setting {unknown[0]!r}")
        return cls(**settings)

    @property
    def table_settings(self) -> dict[str, Any]:
        """pdfplumber's table finder: ruled tables only (unruled ones are found from the text)."""
        return {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": self.snap,
                "join_tolerance": self.snap, "edge_min_length": 3, "intersection_tolerance": self.snap}


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    words: list[Word]

    x0 = property(lambda self: self.words[0].x0)
    x1 = property(lambda self: max(w.x1 for w in self.words))
    top = property(lambda self: min(w.top for w in self.words))
    bottom = property(lambda self: max(w.bottom for w in self.words))
    size = property(lambda self: max(w.size for w in self.words))

    @property
    def text(self) -> str:
        """The words with a space between; glyphs as the text they show. A line opening with a
        glyph that has no text (a symbol font's bullet without a ToUnicode map) opens with a bullet."""
        words = [w.text for w in self.words]
        if len(words) > 1 and UNMAPPED_RE.match(words[0]):
            words[0] = "•"
        return " ".join(words).translate(GLYPHS)

    def segments(self, cfg: PdfSettings) -> list[list[Word]]:
        """Runs of words separated by gaps wider than a word space: one cell's text each."""
        out = [[self.words[0]]]
        for prev, word in pairwise(self.words):
            if word.x0 - prev.x1 > max(3.0, cfg.segment_gap_sizes * max(prev.size, word.size)):
                out.append([])
            out[-1].append(word)
        return out


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

    @property
    def top(self) -> float:
        return min((b.bbox[1] for row in self.rows for b in row), default=0.0)

    @property
    def bottom(self) -> float:
        return max((b.bbox[3] for row in self.rows for b in row), default=0.0)


@dataclass
class Grid:
    """A ruled table's grid on the page, for placing characters in cells."""

    part: Part
    ys: list[float]
    owner: dict[tuple[int, int], Box]

    def box_at(self, x: float, y: float) -> Box | None:
        xs, ys = self.part.xs, self.ys
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            return None
        c = min(bisect_right(xs, x) - 1, len(xs) - 2)
        r = min(bisect_right(ys, y) - 1, len(ys) - 2)
        box = self.owner.get((r, c))
        if box is None:  # text in the grid where no ruled cell is
            box = Box(c, 1, 1, (xs[c], ys[r], xs[c + 1], ys[r + 1]))
            self.owner[(r, c)] = box
            self.part.rows[r].append(box)
        return box


@dataclass
class PageText:
    """What one page yields: parts of tables and paragraphs, each with its top, in order."""

    number: int
    blocks: list[tuple[float, Part | Paragraph]]
    margins: tuple[float, float]  # top and bottom of the page's running header and footer zones
    n_chars: int = 0


# --- small helpers --------------------------------------------------------------------------


def cluster(values: list[float], tol: float) -> list[float]:
    """Sorted values within ``tol`` of their neighbour, as the mean of each group."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def nearest(edges: list[float], x: float) -> int:
    i = bisect_right(edges, x)
    return min((j for j in (i - 1, i) if 0 <= j < len(edges)), key=lambda j: abs(edges[j] - x))


def fill_hex(colour: Any) -> str | None:
    """A pdfplumber colour (grey, RGB or CMYK floats; a pattern name) as 'RRGGBB', or None."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list):
        return None
    try:
        return normalise_hex(rgb_floats_to_hex(colour))
    except (TypeError, ValueError):
        return None


def overlap(a: BBox, b: BBox) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def lines_of(words: list[Word]) -> list[Line]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        last = lines[-1] if lines else None
        if last and word.top - last[0].top <= max(1.0, min(3.0, 0.5 * (last[0].bottom - last[0].top))):
            last.append(word)
        else:
            lines.append([word])
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def text_of(words: list[Word]) -> str:
    return "\n".join(line.text for line in lines_of(words))


# --- reading one page -------------------------------------------------------------------------


def make_word(text: str, chars: list[dict[str, Any]]) -> Word:
    return Word(text=text, x0=min(c["x0"] for c in chars), x1=max(c["x1"] for c in chars),
                top=min(c["top"] for c in chars), bottom=max(c["bottom"] for c in chars),
                size=float(chars[0].get("size") or 0.0),
                bold=all("bold" in str(c.get("fontname", "")).lower() for c in chars))


def ruled_grid(cell_boxes: list[BBox], page: int, snap: float) -> Grid:
    xs = cluster([v for b in cell_boxes for v in (b[0], b[2])], snap)
    ys = cluster([v for b in cell_boxes for v in (b[1], b[3])], snap)
    part = Part(xs=xs, rows=[[] for _ in range(len(ys) - 1)], page=page, last_page=page)
    owner: dict[tuple[int, int], Box] = {}
    for b in cell_boxes:
        c0, c1, r0, r1 = nearest(xs, b[0]), nearest(xs, b[2]), nearest(ys, b[1]), nearest(ys, b[3])
        if c1 <= c0 or r1 <= r0 or (r0, c0) in owner:
            continue
        box = Box(c0, c1 - c0, r1 - r0, b)
        part.rows[r0].append(box)
        owner.update({(r, c): box for r in range(r0, r1) for c in range(c0, c1)})
    return Grid(part, ys, owner)


def place_words(word_tuples: list[tuple[dict[str, Any], list[dict[str, Any]]]], grids: list[Grid]) -> list[Word]:
    """Put each word in the cell its characters are in; return the words outside every table.

    A word is split where a cell edge passes through a gap between its characters (texts of two
    cells printed edge to edge: '70May'); text running on over an edge without a gap overflowed its
    cell and stays in the cell it starts in."""
    free: list[Word] = []

    def box_of(ch: dict[str, Any]) -> Box | None:
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        return next((b for g in grids if (b := g.box_at(x, y)) is not None), None)

    for word, chars in word_tuples:
        first, last = box_of(chars[0]), box_of(chars[-1])
        if first is last and (len(chars) < 3 or box_of(chars[len(chars) // 2]) is first):
            (first.words if first is not None else free).append(make_word(str(word["text"]), chars))
            continue
        pieces: list[tuple[Box | None, list[dict[str, Any]]]] = []
        for ch in chars:
            box = box_of(ch)
            if pieces and (box is pieces[-1][0] or ch["x0"] - pieces[-1][1][-1]["x1"] < EDGE_GAP):
                pieces[-1][1].append(ch)
            else:
                pieces.append((box, [ch]))
        for box, run in pieces:
            (box.words if box is not None else free).append(make_word("".join(c["text"] for c in run), run))
    return free


def fits_columns(line: Line, xs: list[float], cfg: PdfSettings, least: int = 2) -> list[tuple[int, list[Word]]] | None:
    """The line's segments, each in one column of ``xs`` and no two in one, if at least ``least``; else None."""
    placed: list[tuple[int, list[Word]]] = []
    for seg in line.segments(cfg):
        c = bisect_right(xs, (seg[0].x0 + seg[-1].x1) / 2) - 1
        if not 0 <= c < len(xs) - 1 or seg[0].x0 < xs[c] - cfg.snap or seg[-1].x1 > xs[c + 1] + cfg.snap:
            return None
        if placed and placed[-1][0] == c:
            return None
        placed.append((c, seg))
    return placed if len(placed) >= least else None


def absorb_above(part: Part, lines: list[Line], floor: float, cfg: PdfSettings) -> list[Line]:
    """Unruled rows just above a ruled table, in its columns, become its first rows."""
    above = [ln for ln in lines if floor <= ln.top and ln.bottom <= part.top + 1]
    edge = part.top
    taken: list[Line] = []
    for line in reversed(above):
        placed = fits_columns(line, part.xs, cfg)
        if placed is None or edge - line.bottom > cfg.row_gap_sizes * line.size:
            break
        row = [Box(c, 1, 1, (part.xs[c], line.top - 1, part.xs[c + 1], edge), list(seg)) for c, seg in placed]
        part.rows.insert(0, row)
        taken.append(line)
        edge = line.top - 1
    return taken


def absorb_below(part: Part, lines: list[Line], ceiling: float, cfg: PdfSettings) -> list[Line]:
    """Unruled rows under a table that is one ruled or shaded row (a header over a borderless body),
    in its columns, become its rows."""
    if len(part.rows) != 1 or len(part.xs) < 4:
        return []
    taken: list[Line] = []
    for line in (ln for ln in lines if part.bottom - 1 <= ln.top < ceiling):
        edge = taken[-1].bottom if taken else part.bottom
        if line.top - edge > cfg.row_gap_sizes * line.size or not fits_columns(line, part.xs, cfg, 2 - bool(taken)):
            break
        taken.append(line)
    if taken:
        part.rows.extend(unruled_rows(taken, part.xs, header=False))
    return taken


def narrow_gutters(gutters: list[list[float]], line: Line) -> bool:
    """Shrink each gutter so no word of ``line`` crosses it; False if one closes."""
    trial = [list(g) for g in gutters]
    for w in line.words:
        for g in trial:
            if w.x1 > g[0] and w.x0 < g[1]:
                if (w.x0 + w.x1) / 2 < (g[0] + g[1]) / 2:
                    g[0] = w.x1
                else:
                    g[1] = w.x0
                if g[1] - g[0] < 1.0:
                    return False
    gutters[:] = trial
    return True


def unruled_table(lines: list[Line], start: int, page: int, cfg: PdfSettings) -> tuple[Part | None, int]:
    """A table without rulings whose header is ``lines[start]`` and the number of lines it takes; or
    None and the number of lines that are not a table (running text in columns is not one)."""
    segments = lines[start].segments(cfg)
    if len(segments) < cfg.min_columns:
        return None, 1
    gutters = [[a[-1].x1, b[0].x0] for a, b in pairwise(segments)]
    taken = [lines[start]]
    for line in lines[start + 1:]:
        if line.top - taken[-1].bottom > cfg.row_gap_sizes * taken[-1].size or not narrow_gutters(gutters, line):
            break
        taken.append(line)
    if len(taken) < 3:
        return None, 1
    xs = [min(ln.x0 for ln in taken) - 1, *((a + b) / 2 for a, b in gutters), max(ln.x1 for ln in taken) + 1]
    if is_prose(taken, xs, cfg):
        return None, len(taken)
    return Part(xs=xs, rows=unruled_rows(taken, xs), page=page, last_page=page), len(taken)


def fullness(line: Line, xs: list[float]) -> tuple[int, int]:
    """How many of the line's columns it fills to at least three quarters of their width, of how many it uses."""
    spans: dict[int, list[float]] = {}
    for w in line.words:
        c = min(max(bisect_right(xs, (w.x0 + w.x1) / 2) - 1, 0), len(xs) - 2)
        span = spans.setdefault(c, [w.x0, w.x1])
        span[0], span[1] = min(span[0], w.x0), max(span[1], w.x1)
    full = sum(1 for c, (a, b) in spans.items() if b - a >= 0.75 * (xs[c + 1] - xs[c]))
    return full, len(spans)


def is_prose(lines: list[Line], xs: list[float], cfg: PdfSettings) -> bool:
    """Columns of running text (a two- or three-column page), not a table. A table's first line labels
    its columns briefly; its rows wrap in some columns only, or hold values shorter than their column."""
    head = [len(seg) for seg in lines[0].segments(cfg)]
    if max(head) >= 7 or sum(head) >= 4.5 * len(head):
        return True
    counts = [fullness(ln, xs) for ln in lines[1:]]
    full, used = sum(f for f, _ in counts), sum(u for _, u in counts)
    complete = sum(1 for _, u in counts if u == len(xs) - 1)
    return full >= 0.5 * used and complete >= 0.6 * len(counts)


def unruled_rows(lines: list[Line], xs: list[float], header: bool = True) -> list[list[Box]]:
    """Lines grouped into rows: a row starts at text in the key column or after a wider gap. The
    first line starts the header row when there is one."""
    inner = xs[1:-1]
    cols = [[bisect_right(inner, (w.x0 + w.x1) / 2) for w in ln.words] for ln in lines]
    key = min((c for cs in cols[int(header):] for c in cs), default=0)
    leading = min((b.top - a.bottom for a, b in pairwise(lines[int(header):])), default=0.0)
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        wide = i > 0 and line.top - lines[i - 1].bottom > max(leading, 0) + 0.5 * lines[i - 1].size
        if not groups or key in cols[i] or wide:
            groups.append([])
        groups[-1].append(i)
    rows = []
    for group in groups:
        top, bottom = lines[group[0]].top - 1, lines[group[-1]].bottom + 1
        boxes = [Box(c, 1, 1, (xs[c], top, xs[c + 1], bottom)) for c in range(len(xs) - 1)]
        for i in group:
            for word, c in zip(lines[i].words, cols[i], strict=True):
                boxes[c].words.append(word)
        rows.append(boxes)
    return rows


def paragraphs(lines: list[Line], page: int, cfg: PdfSettings) -> list[tuple[float, Paragraph]]:
    """Lines joined into paragraphs while each line was wrapped onto the next."""
    right = max((ln.x1 for ln in lines), default=0.0)
    groups: list[list[Line]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if prev is None or not continues_paragraph(prev, line, right, cfg):
            groups.append([])
        groups[-1].append(line)
    out = []
    for group in groups:
        text = "\n".join(ln.text for ln in group)
        bold = all(w.bold for ln in group for w in ln.words)
        out.append((group[0].top, Paragraph(text=text, page=page, bold=bold)))
    return out


def continues_paragraph(prev: Line, line: Line, right: float, cfg: PdfSettings) -> bool:
    first = line.words[0]
    if line.text[:1] in BULLETS or abs(line.size - prev.size) > 0.5:
        return False
    if line.top - prev.bottom > cfg.paragraph_gap_sizes * prev.size or line.top < prev.bottom - 1:
        return False
    indent = prev.words[1].x0 if prev.text[:1] in BULLETS and len(prev.words) > 1 else prev.x0
    if abs(line.x0 - indent) > prev.size and abs(line.x0 - prev.x0) > prev.size:
        return False
    space = max(2.0, 0.25 * prev.size)
    return prev.x1 + space + (first.x1 - first.x0) > right - space  # the word did not fit


def finish(part: Part, fills: list[tuple[BBox, str | None]]) -> None:
    """The part's boxes as model cells with their text and fill."""
    part.cells = []
    here = (part.xs[0], part.top, part.xs[-1], part.bottom)
    fills = [f for f in reversed(fills) if overlap(f[0], here) > 0]  # the last drawn first
    for row in part.rows:
        cells = []
        for box in sorted(row, key=lambda b: b.col):
            area = max((box.bbox[2] - box.bbox[0]) * (box.bbox[3] - box.bbox[1]), 1e-6)
            fill = next((f for bb, f in fills if overlap(bb, box.bbox) >= 0.5 * area), None)
            cells.append(Cell(text=text_of(box.words), row=0, col=box.col, rowspan=box.rowspan,
                              colspan=box.colspan, fill=fill, page=part.page))
        part.cells.append(cells)


def is_banded(grid: Grid, words: list[tuple[dict[str, Any], list[dict[str, Any]]]], cfg: PdfSettings) -> bool:
    """A 'table' of one column whose lines hold several cells' text: shaded bands behind the rows
    of a borderless table (zebra stripes), not a table of their own."""
    xs, ys = grid.part.xs, grid.ys
    if len(xs) != 2:
        return False
    inside = [make_word(str(w["text"]), chars) for w, chars in words
              if xs[0] <= (w["x0"] + w["x1"]) / 2 <= xs[1] and ys[0] <= (w["top"] + w["bottom"]) / 2 <= ys[-1]]
    lines = lines_of(inside)
    return len(lines) >= 2 and sum(len(ln.segments(cfg)) >= 2 for ln in lines) >= 0.5 * len(lines)


def attach_rows(parts: list[Part], free: list[Line], cfg: PdfSettings) -> list[Line]:
    """Unruled rows above and below ruled tables join them; return the lines left."""
    floor = 0.0
    for i, part in enumerate(parts):
        ceiling = parts[i + 1].top if i + 1 < len(parts) else float("inf")
        taken = absorb_above(part, free, floor, cfg) + absorb_below(part, free, ceiling, cfg)
        gone = {id(ln) for ln in taken}
        free = [ln for ln in free if id(ln) not in gone]
        floor = part.bottom
    return free


def unruled_tables(free: list[Line], page: int, cfg: PdfSettings) -> tuple[list[Part], list[Line]]:
    """Tables without rulings among the lines, and the lines left."""
    parts: list[Part] = []
    remaining: list[Line] = []
    i = 0
    while i < len(free):
        found, n = unruled_table(free, i, page, cfg)
        if found is None:
            remaining.extend(free[i:i + n])
        else:
            parts.append(found)
        i += n
    return parts, remaining


def layout_page(number: int, words: list[tuple[dict[str, Any], list[dict[str, Any]]]], tables: list[list[BBox]],
                fills: list[tuple[BBox, str | None]], height: float, cfg: PdfSettings) -> PageText:
    grids = [g for t in tables if len(t) >= 2 and not is_banded(g := ruled_grid(t, number, cfg.snap), words, cfg)]
    free_words = place_words(words, grids)
    parts = sorted((g.part for g in grids), key=lambda p: p.top)
    free = attach_rows(parts, lines_of(free_words), cfg)
    found, remaining = unruled_tables(free, number, cfg)
    parts += found
    for part in parts:
        finish(part, fills)
        part.ends_low = part.bottom >= 0.5 * height
    margins = (0.08 * height, 0.92 * height)
    blocks: list[tuple[float, Part | Paragraph]] = [(p.top, p) for p in parts if any(p.cells)]
    blocks += [(top, para) for top, para in paragraphs(remaining, number, cfg)
               if not (PAGE_NUMBER_RE.match(para.text) and not margins[0] <= top <= margins[1])]
    blocks.sort(key=lambda b: b[0])
    return PageText(number, blocks, margins)


def direction(char: dict[str, Any]) -> str:
    """Which way a character's text runs on the page: 'ltr', 'down', 'up' or 'rtl' (upside down)."""
    a, b = (char.get("matrix") or (1, 0))[:2]
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "rtl"
    return "down" if b < 0 else "up"


def turner(way: str, width: float, height: float) -> tuple[Any, float]:
    """A function turning a bbox so text running ``way`` reads left to right, and the new page height."""
    turns = {
        "ltr": (lambda b: b, height),
        "down": (lambda b: (b[1], width - b[2], b[3], width - b[0]), width),
        "up": (lambda b: (height - b[3], b[0], height - b[1], b[2]), width),
        "rtl": (lambda b: (width - b[2], height - b[3], width - b[0], height - b[1]), height),
    }
    return turns[way]


def upright_chars(chars: list[dict[str, Any]], width: float, height: float) -> tuple[list[dict[str, Any]], Any, float]:
    """A page whose text mostly runs sideways (a landscape table printed on a portrait page) turned so
    it reads left to right; the characters, the bbox turner and the turned page's height."""
    ways: dict[str, int] = {}
    for c in chars:
        ways[direction(c)] = ways.get(direction(c), 0) + 1
    way = max(ways, key=lambda w: ways[w], default="ltr")
    if way == "ltr" or ways[way] < 0.6 * len(chars):
        return chars, turner("ltr", width, height)[0], height
    turn, new_height = turner(way, width, height)
    out = []
    for c in chars:
        x0, top, x1, bottom = turn((c["x0"], c["top"], c["x1"], c["bottom"]))
        out.append({**c, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
                    "upright": direction(c) == way})
    return out, turn, new_height


def read_page(page: Any, number: int, cfg: PdfSettings) -> PageText:
    """The page's layout from what pdfplumber reads of it once."""
    from pdfplumber.utils.text import WordExtractor

    x0, top, x1, bottom = page.bbox
    chars = [c for c in page.chars
             if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    chars, turn, height = upright_chars(chars, float(page.width), float(page.height))
    words = list(WordExtractor(x_tolerance=3, y_tolerance=3).iter_extract_tuples(chars))
    fills = [(turn((r["x0"], r["top"], r["x1"], r["bottom"])), fill_hex(r.get("non_stroking_color")))
             for r in page.rects if r.get("fill")]
    tables: list[list[BBox]] = []
    if chars and len(page.edges) <= cfg.max_edges:
        tables = [[turn(cell) for cell in t.cells] for t in page.find_tables(cfg.table_settings)]
    text = layout_page(number, words, tables, fills, height, cfg)
    text.n_chars = len(chars)
    return text


# --- tables across pages ---------------------------------------------------------------------


def regrid(part: Part, xs: list[float]) -> None:
    """Re-index the part's cells on the column edges ``xs`` (a superset of its own)."""
    if len(xs) == len(part.xs):
        part.xs = xs
        return

    def remap(cell: Cell) -> Cell:
        c0 = nearest(xs, part.xs[cell.col])
        c1 = nearest(xs, part.xs[min(cell.col + cell.colspan, len(part.xs) - 1)])
        return replace(cell, col=c0, colspan=max(1, c1 - c0))

    part.cells = [[remap(c) for c in row] for row in part.cells]
    part.xs = xs


def same_table(base: Part, nxt: Part, snap: float) -> bool:
    """Whether ``nxt``, first on its page, continues ``base``, last on the page before."""
    if nxt.page != base.last_page + 1 or not base.ends_low:
        return False
    if abs(base.xs[0] - nxt.xs[0]) > snap or abs(base.xs[-1] - nxt.xs[-1]) > snap:
        return False
    fewer, more = sorted((base.xs, nxt.xs), key=len)
    shared = sum(1 for x in fewer if abs(more[nearest(more, x)] - x) <= snap)
    return shared >= 2 / 3 * len(fewer)


def row_key(row: list[Cell]) -> tuple[tuple[int, str], ...]:
    return tuple((c.col, " ".join(c.text.split())) for c in row if not c.is_blank)


def drop_repeated_header(base: list[list[Cell]], rows: list[list[Cell]]) -> list[list[Cell]]:
    """The continuation without the rows that repeat the table's header rows."""
    if not rows or not row_key(rows[0]):
        return rows
    for start in range(min(5, len(base))):
        n = 0
        while n < len(rows) and start + n < len(base) and row_key(rows[n]) == row_key(base[start + n]) != ():
            n += 1
        if n:
            return rows[n:]
    return rows


def key_column(rows: list[list[Cell]]) -> int:
    """The leftmost column with text in most rows under the first (the action number)."""
    body = [{c.col for c in row if not c.is_blank} for row in rows[1:]]
    counts: dict[int, int] = {}
    for cols in body:
        for c in cols:
            counts[c] = counts.get(c, 0) + 1
    return min((c for c, n in counts.items() if n >= 0.6 * len(body)), default=0)


def merge_into(row: list[Cell], extra: list[Cell]) -> list[Cell]:
    """A row continued on the next page: texts joined by a line break, column by column."""
    out = list(row)
    for cell in extra:
        at = next((i for i, c in enumerate(out) if c.col <= cell.col < c.col + c.colspan), None)
        if at is None:
            out.append(cell)
        elif not cell.is_blank:
            old = out[at]
            text = f"{old.text}\n{cell.text}" if old.text else cell.text
            out[at] = replace(old, text=text, fill=old.fill or cell.fill)
    return sorted(out, key=lambda c: c.col)


def join(base: Part, nxt: Part, snap: float) -> None:
    """``nxt`` appended to ``base``: on common column edges, without a repeated header, its first row
    joined to the last when it continues it."""
    xs = cluster([*base.xs, *nxt.xs], snap)
    regrid(base, xs)
    regrid(nxt, xs)
    rows = drop_repeated_header(base.cells, nxt.cells)
    if rows and base.cells and any(not c.is_blank for c in rows[0]):
        key = key_column(base.cells)
        if not any(c.col <= key < c.col + c.colspan and not c.is_blank for c in rows[0]):
            base.cells[-1] = merge_into(base.cells[-1], rows[0])
            rows = rows[1:]
    base.cells.extend(rows)
    base.last_page, base.ends_low = nxt.page, nxt.ends_low


def running_texts(pages: list[PageText]) -> set[tuple[str, bool]]:
    """Texts in the top or bottom margin of at least two pages, digits aside: running headers and
    footers, which a Word document keeps out of its body."""
    seen: dict[tuple[str, bool], set[int]] = {}
    for page in pages:
        for top, item in page.blocks:
            if isinstance(item, Paragraph) and (key := margin_key(page, top, item)) is not None:
                seen.setdefault(key, set()).add(page.number)
    return {key for key, numbers in seen.items() if len(numbers) >= 2}


def margin_key(page: PageText, top: float, item: Paragraph) -> tuple[str, bool] | None:
    """A paragraph in the page's top or bottom margin as its text (digits aside) and which margin."""
    if page.margins[0] <= top <= page.margins[1]:
        return None
    return re.sub(r"\d+", "#", item.text), top < page.margins[0]


def assemble(pages: list[PageText], cfg: PdfSettings) -> list[Block]:
    """Blocks of all pages in order, without running headers and footers, with tables continued over
    a page break joined."""
    blocks: list[Block] = []
    open_part: Part | None = None  # the last table, while nothing but running headers follows it
    parts: dict[int, Part] = {}
    running = running_texts(pages)
    for page in pages:
        for top, item in page.blocks:
            if isinstance(item, Paragraph):
                if margin_key(page, top, item) not in running:
                    open_part = None
                    blocks.append(item)
            elif open_part is not None and same_table(open_part, item, cfg.snap):
                join(open_part, item, cfg.snap)
            else:
                table = Table(rows=[], index=len(parts), page=item.page)
                parts[id(table)] = open_part = item
                blocks.append(table)
    for block in blocks:
        if isinstance(block, Table):
            rows = parts[id(block)].cells
            block.rows = [[replace(c, row=r) for c in row] for r, row in enumerate(rows)]
    return blocks


# --- the entry point -------------------------------------------------------------------------


def describe(exc: BaseException) -> str:
    """An exception as its type and message, shortened; pdfplumber's wrapper as the error it wraps."""
    cause = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
    if not isinstance(cause, BaseException):
        return f"{type(exc).__name__}: {cause}"[:200]
    text = f"{type(cause).__name__}: {cause}".rstrip(": ")
    return text if len(text) <= 200 else text[:199] + "…"


def _open(path: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError

    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types on damaged files; pdfplumber wraps most
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):  # PDFPasswordIncorrect, or an unsupported scheme
            raise ExtractionError(path, f"encrypted: {type(cause).__name__}") from exc
        raise ExtractionError(path, f"cannot be read as a PDF: {describe(exc)}") from exc


def _close(pdf: Any) -> None:
    """Close the file even when pdfplumber's close, which lists the pages again, fails."""
    try:
        pdf.close()
    except Exception:
        if not getattr(pdf, "stream_is_external", True):
            pdf.stream.close()


def read_pages(pdf: Any, path: str, cfg: PdfSettings) -> list[PageText]:
    try:
        all_pages = pdf.pages
    except Exception as exc:
        raise ExtractionError(path, f"cannot list the pages: {describe(exc)}") from exc
    if not all_pages:
        raise ExtractionError(path, "no pages")
    if len(all_pages) > cfg.max_pages:
        raise ExtractionError(path, f"{len(all_pages)} pages, over the limit of {cfg.max_pages}")
    pages = []
    for number, page in enumerate(all_pages, start=1):
        try:
            pages.append(read_page(page, number, cfg))
        except Exception as exc:  # pdfminer and pdfplumber fail in many ways on damaged pages
            raise ExtractionError(path, f"cannot be read on page {number}: {describe(exc)}", page=number) from exc
        finally:
            page.close()
    return pages


def extract(path: str, settings: PdfSettings | dict[str, Any] | None = None) -> Paper:
    """Read a PDF paper into paragraphs and tables; raise ExtractionError when it cannot be read."""
    cfg = PdfSettings.resolve(settings)
    pdf = _open(path)
    try:
        pages = read_pages(pdf, path, cfg)
    finally:
        _close(pdf)
    if not any(page.n_chars for page in pages):
        raise ExtractionError(path, "no text layer")
    return Paper(path=path, format="pdf", blocks=assemble(pages, cfg), n_pages=len(pages))
