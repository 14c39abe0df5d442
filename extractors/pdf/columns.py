"""Lines of text placed in a table's columns: which column each run of words stands in, and rows
made of lines where no table's rulings say where a row starts."""

from __future__ import annotations

from bisect import bisect_right

from extractors.pdf.parts import Box
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line, Word


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


def rows_in_columns(lines: list[Line], xs: list[float], cfg: PdfSettings) -> list[list[Box]] | None:
    """``lines`` as rows in the columns ``xs``, a row starting at each line with text in the first
    column the lines use or in two columns (a wrapped value goes on in its cell); None where a line
    crosses a column's edge or holds two runs of words in one column."""
    placed = [fits_columns(line, xs, cfg, least=1) for line in lines]
    if not placed or any(p is None for p in placed):
        return None
    first = min(c for p in placed if p for c, _ in p)
    rows: list[list[Box]] = []
    for line, segments in zip(lines, placed, strict=True):
        assert segments is not None
        if not rows or len(segments) >= 2 or segments[0][0] == first:
            rows.append([Box(c, 1, 1, (xs[c], line.top - 1, xs[c + 1], line.bottom + 1)) for c in range(len(xs) - 1)])
        for c, words in segments:
            box = rows[-1][c]
            box.words.extend(words)
            box.bbox = (box.bbox[0], min(box.bbox[1], line.top - 1), box.bbox[2], line.bottom + 1)
    return rows
