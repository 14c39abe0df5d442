"""Tables whose rows are told apart by shading rather than rules (a word processor's banded table
style, zebra stripes), printed to PDF.

Each shaded row's cells are filled rectangles, so their edges make a grid of that row; the rows
between are not drawn at all. Two things follow, both undone here:

- inside an outer box, an unshaded row is one box across the table: where its words stand in the
  columns the shaded rows draw (runs apart, none across a column's edge), it is split into them;
- without an outer box, each shaded row is a table of its own, with the unshaded row under it
  (:func:`extractors.pdf.unruled.attach_rows`): such a row right under a table on the same
  column edges, nothing between them, goes on with it.
"""

from __future__ import annotations

from bisect import bisect_right

from extractors.pdf.geometry import cluster, nearest
from extractors.pdf.parts import Box, Part
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line, lines_of


def split_unruled_rows(part: Part, cfg: PdfSettings) -> None:
    """Boxes across several columns whose words stand in those columns, split into them."""
    for r, row in enumerate(part.rows):
        if any(box.colspan > 1 for box in row):
            part.rows[r] = [piece for box in row for piece in _split(box, part.xs, cfg)]


def _split(box: Box, xs: list[float], cfg: PdfSettings) -> list[Box]:
    if box.colspan == 1 or not box.words:
        return [box]
    inner = xs[box.col + 1:box.col + box.colspan]
    cols = [bisect_right(inner, w.x0) for w in box.words]
    if any(bisect_right(inner, w.x1) != c for w, c in zip(box.words, cols, strict=True)):
        return [box]  # a word across a column's edge: one cell's text over the columns
    if len(set(cols)) < 2 or not any(len(line.segments(cfg)) >= 2 for line in lines_of(box.words)):
        return [box]
    _, top, _, bottom = box.bbox
    pieces = []
    for k in range(box.colspan):
        c = box.col + k
        pieces.append(Box(c, 1, box.rowspan, (xs[c], top, xs[c + 1], bottom),
                          [w for w, col in zip(box.words, cols, strict=True) if col == k]))
    return pieces


def stack(parts: list[Part], bands: set[int], free: list[Line], cfg: PdfSettings) -> list[Part]:
    """``parts`` (in order from the top) with each that is a shaded row (its id in ``bands``: a
    ruled grid of one row, with the unruled rows it took under it) right under another on the same
    outer edges and most of its column edges, no free line between them, joined to it. Tables
    of several ruled rows stay apart, however close."""
    out: list[Part] = []
    for part in parts:
        above = out[-1] if out else None
        if above is not None and id(part) in bands and _continues(above, part, free, cfg):
            _append(above, part, cfg.snap)
        else:
            out.append(part)
    return out


def _continues(above: Part, part: Part, free: list[Line], cfg: PdfSettings) -> bool:
    if abs(above.xs[0] - part.xs[0]) > cfg.snap or abs(above.xs[-1] - part.xs[-1]) > cfg.snap:
        return False
    fewer, more = sorted((above.xs, part.xs), key=len)
    if sum(1 for x in fewer if abs(more[nearest(more, x)] - x) <= cfg.snap) < 2 / 3 * len(fewer):
        return False
    size = max((w.size for box in above.rows[-1] for w in box.words), default=10.0) if above.rows else 10.0
    gap = part.top - above.bottom
    between = any(ln.top >= above.bottom - 1 and ln.bottom <= part.top + 1 for ln in free)
    return -cfg.snap <= gap <= cfg.row_gap_sizes * size and not between


def _append(above: Part, part: Part, snap: float) -> None:
    xs = cluster([*above.xs, *part.xs], snap)
    for one in (above, part):
        one.rows = [[_regrid(box, one.xs, xs) for box in row] for row in one.rows]
        one.xs = xs
    above.rows.extend(part.rows)


def _regrid(box: Box, old: list[float], new: list[float]) -> Box:
    c0 = nearest(new, old[box.col])
    c1 = nearest(new, old[min(box.col + box.colspan, len(old) - 1)])
    return Box(c0, max(1, c1 - c0), box.rowspan, box.bbox, box.words)

