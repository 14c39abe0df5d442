"""The pages put together: running headers and footers dropped, and a table that goes on over a
page break joined into one."""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.model import Block, Cell, Paragraph, Table
from extractors.pdf.geometry import cluster, nearest
from extractors.pdf.parts import PageText, Part
from extractors.pdf.settings import PdfSettings


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


# --- running headers and footers ---------------------------------------------------------------


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


# --- tables across pages -----------------------------------------------------------------------


def same_table(base: Part, nxt: Part, snap: float) -> bool:
    """Whether ``nxt``, first on its page, continues ``base``, last on the page before."""
    if nxt.page != base.last_page + 1 or not base.ends_low:
        return False
    if abs(base.xs[0] - nxt.xs[0]) > snap or abs(base.xs[-1] - nxt.xs[-1]) > snap:
        return False
    fewer, more = sorted((base.xs, nxt.xs), key=len)
    shared = sum(1 for x in fewer if abs(more[nearest(more, x)] - x) <= snap)
    return shared >= 2 / 3 * len(fewer)


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
