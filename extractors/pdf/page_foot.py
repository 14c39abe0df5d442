"""Rows of a table left at the foot of a page, the rest of the table on the next: a page break in a
table without rulings leaves its first row or two behind, too few to be a table of their own, and
they would read as running text before a table that lacks them (a card's reference and action)."""

from __future__ import annotations

from extractors.pdf.columns import rows_in_columns
from extractors.pdf.parts import Fill, Part, finish
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line


def foot_lines(lines: list[Line], parts: list[Part], bottom_margin: float, cfg: PdfSettings) -> list[Line]:
    """The last lines of the page's body, under every table on it, that may be rows of a table going
    on over the page: close together, the first above the bottom margin and in at least two runs of
    words (a label and its value); a running footer apart from them below is not one of them."""
    lowest_part = max((p.bottom for p in parts), default=0.0)
    foot: list[Line] = []
    for line in reversed(lines):
        if line.top < lowest_part:
            break
        if foot and foot[0].top - line.bottom > cfg.table_gap_sizes * line.size:
            if all(ln.top > bottom_margin for ln in foot):  # a footer apart from the body
                foot = [line]
                continue
            break
        foot.insert(0, line)
    while foot and len(foot[0].segments(cfg)) < 2:  # a heading over the rows is not one of them
        foot.pop(0)
    return foot if foot and foot[0].top <= bottom_margin else []


def carry_over(lines: list[Line], fills: list[Fill], page: int, part: Part, cfg: PdfSettings) -> bool:
    """Put the rows ``lines`` (at the foot of ``page``, with its filled rectangles) at the top of
    ``part``, the first table of the next page, where they stand in its columns; whether they did."""
    xs = [min(part.xs[0], *(ln.x0 - 1 for ln in lines)), *part.xs[1:-1], max(part.xs[-1], *(ln.x1 + 1 for ln in lines))]
    rows = rows_in_columns(lines, xs, cfg)  # a line may reach past the text the rest of the table has
    if rows is None:
        return False
    head = Part(xs=xs, rows=rows, page=page)
    finish(head, fills)
    part.cells[:0] = head.cells
    part.page = page
    return True
