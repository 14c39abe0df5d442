"""Ruled tables: the grid of the cells the ruling edges enclose (``grid``), and words placed in its cells."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter

from extractors.pdf.chars import BOTTOM, TEXT, TOP, X0, X1, Char, Chars
from extractors.pdf.geometry import BBox, cluster, nearest
from extractors.pdf.parts import Box, Part
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Word, WordChars, lines_of, make_word

EDGE_GAP = 0.5  # points between two characters that a cell edge may pass through
_X0 = itemgetter(X0)


@dataclass
class RuledGrid:
    """A ruled table's grid on the page, for placing characters in cells."""

    part: Part
    ys: list[float]
    owner: dict[tuple[int, int], Box]

    def box_at(self, x: float, y: float) -> Box | None:
        xs, ys = self.part.xs, self.ys
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            return None
        c, r = bisect_right(xs, x) - 1, bisect_right(ys, y) - 1
        if c == len(xs) - 1:  # on the last edge: in the last column
            c -= 1
        if r == len(ys) - 1:
            r -= 1
        box = self.owner.get((r, c))
        if box is None:  # text in the grid where no ruled cell is
            box = Box(c, 1, 1, (xs[c], ys[r], xs[c + 1], ys[r + 1]))
            self.owner[(r, c)] = box
            self.part.rows[r].append(box)
        return box

    def box_holding(self, x0: float, top: float, x1: float, bottom: float) -> Box | None:
        """The box of the one grid cell that holds every point from (x0, top) up to, not on, (x1,
        bottom): :meth:`box_at` gives it for each of them. None where no grid cell does."""
        xs, ys = self.part.xs, self.ys
        c, r = bisect_right(xs, x0) - 1, bisect_right(ys, top) - 1
        if not (0 <= c < len(xs) - 1 and 0 <= r < len(ys) - 1 and x1 < xs[c + 1] and bottom < ys[r + 1]):
            return None
        return self.box_at(xs[c], ys[r])


def ruled_grid(cell_boxes: list[BBox], page: int, snap: float) -> RuledGrid:
    """The grid of a ruled table's cells: its distinct cell edges, so a merged cell keeps its span."""
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
    return RuledGrid(part, ys, owner)


def is_banded(grid: RuledGrid, words: list[WordChars], cfg: PdfSettings) -> bool:
    """A 'table' of one column whose lines hold several cells' text: shaded bands behind the rows
    of a borderless table (zebra stripes), not a table of their own."""
    xs, ys = grid.part.xs, grid.ys
    if len(xs) != 2:
        return False
    inside = [w for w, _ in words if xs[0] <= (w.x0 + w.x1) / 2 <= xs[1] and ys[0] <= (w.top + w.bottom) / 2 <= ys[-1]]
    lines = lines_of(inside)
    return len(lines) >= 2 and sum(len(ln.segments(cfg)) >= 2 for ln in lines) >= 0.5 * len(lines)


def place_words(words: list[WordChars], grids: list[RuledGrid]) -> list[Word]:
    """Put each word in the cell its characters are in; return the words outside every table.

    A word is split where a cell edge passes through a gap between its characters (texts of two
    cells printed edge to edge: '70May'); text running on over an edge without a gap overflowed its
    cell and stays in the cell it starts in."""
    free: list[Word] = []
    extents = [(g.part.xs[0], g.ys[0], g.part.xs[-1], g.ys[-1]) for g in grids]
    finders = [grid.box_at for grid in grids]

    def box_of(ch: Char) -> Box | None:
        x, y = (ch[X0] + ch[X1]) / 2, (ch[TOP] + ch[BOTTOM]) / 2
        for box_at in finders:
            box = box_at(x, y)
            if box is not None:
                return box
        return None

    for word, chars in words:
        x0, top, x1, bottom = word.x0, word.top, word.x1, word.bottom
        near = [g for g, (left, high, right, low) in zip(grids, extents, strict=True)
                if not (x1 < left or x0 > right or bottom < high or top > low)]
        if not near:
            free.append(word)  # no character's middle is in a grid
            continue
        # in one grid's reach only, and within one of its cells: every character's middle is there
        if len(near) == 1 and (box := near[0].box_holding(min(map(_X0, chars)), top, x1, bottom)) is not None:
            box.words.append(word)
            continue
        first, last = box_of(chars[0]), box_of(chars[-1])
        if first is last and (len(chars) < 3 or box_of(chars[len(chars) // 2]) is first):
            (first.words if first is not None else free).append(word)
            continue
        pieces: list[tuple[Box | None, Chars]] = []
        for ch in chars:
            box = box_of(ch)
            if pieces and (box is pieces[-1][0] or ch[X0] - pieces[-1][1][-1][X1] < EDGE_GAP):
                pieces[-1][1].append(ch)
            else:
                pieces.append((box, [ch]))
        for box, run in pieces:
            (box.words if box is not None else free).append(make_word("".join(c[TEXT] for c in run), run))
    return free
