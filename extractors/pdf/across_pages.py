"""The pages put together: running headers and footers dropped, and a table that goes on over a
page break joined into one (under its own header printed again, or another table's: a sheet's
rows to repeat)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from extractors.model import Block, Cell, Paragraph, Table
from extractors.pdf.geometry import cluster, nearest
from extractors.pdf.page_foot import carry_over
from extractors.pdf.parts import PageText, Part
from extractors.pdf.settings import PdfSettings


def assemble(pages: list[PageText], cfg: PdfSettings) -> list[Block]:
    """Blocks of all pages in order, without running headers and footers, with tables continued over
    a page break joined."""
    blocks: list[Block] = []
    open_part: Part | None = None  # the last table, while nothing but running headers follows it
    parts: dict[int, Part] = {}
    running = running_texts(pages)
    carried = carry_feet_over(pages, running, cfg)
    headers: set[tuple[tuple[int, str], ...]] = set()  # the first rows of the tables so far
    for page in pages:
        for top, item in page.blocks:
            if isinstance(item, Paragraph):
                if id(item) in carried:
                    continue
                if margin_key(page, top, item) not in running:
                    open_part = None
                    blocks.append(item)
            elif open_part is not None and same_table(open_part, item, cfg.snap):
                join(open_part, item, cfg.snap)
            elif open_part is not None and under_print_title(open_part, item, headers, cfg.snap):
                item.cells = item.cells[1:]
                join(open_part, item, cfg.snap)
            else:
                if item.cells:
                    headers.add(row_key(item.cells[0]))
                table = Table(rows=[], index=len(parts), page=item.page)
                parts[id(table)] = open_part = item
                blocks.append(table)
    for block in blocks:
        if isinstance(block, Table):
            rows = parts[id(block)].cells
            block.rows = [[c if c.row == r else replace(c, row=r) for c in row] for r, row in enumerate(rows)]
    return blocks


def carry_feet_over(pages: list[PageText], running: set[tuple[str, bool]], cfg: PdfSettings) -> set[int]:
    """Rows left at the foot of a page put at the top of the table that goes on at the top of the
    next page, where they stand in its columns; the ids of the paragraphs they would have been."""
    carried: set[int] = set()
    for page, nxt in pairwise(pages):
        if not page.foot.lines or nxt.number != page.number + 1:
            continue
        first = next((item for top, item in nxt.blocks
                      if not isinstance(item, Paragraph) or margin_key(nxt, top, item) not in running), None)
        if isinstance(first, Part) and carry_over(page.foot.lines, page.foot.fills, page.number, first, cfg):
            carried.update(id(p) for p in page.foot.paragraphs)
    return carried


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
    """Whether ``nxt``, first on its page, continues ``base``, last on the page before: the same
    outer edges and most column edges, or its first row repeating the header."""
    if nxt.page != base.last_page + 1 or not base.ends_low:
        return False
    if base.cells and nxt.cells and header_prefixes(base.cells[0], nxt.cells[0]) is not None:
        return True
    if base.gutters is not None or nxt.gutters is not None:
        return gutters_agree(base, nxt, snap)
    if abs(base.xs[0] - nxt.xs[0]) > snap or abs(base.xs[-1] - nxt.xs[-1]) > snap:
        return False
    fewer, more = sorted((base.xs, nxt.xs), key=len)
    shared = sum(1 for x in fewer if abs(more[nearest(more, x)] - x) <= snap)
    return shared >= 2 / 3 * len(fewer)


def gutters_agree(base: Part, nxt: Part, snap: float) -> bool:
    """Two parts, one found from its text (its outer edges are where its text ends, its columns'
    edges anywhere in the clear space between them), with as many columns, each edge of one in the
    space between the other's columns."""
    def spaces(part: Part) -> list[tuple[float, float]]:
        return part.gutters if part.gutters is not None else [(x, x) for x in part.xs[1:-1]]

    ours, theirs = spaces(base), spaces(nxt)
    return len(ours) == len(theirs) and all(a0 - snap <= b1 and b0 - snap <= a1
                                            for (a0, a1), (b0, b1) in zip(ours, theirs, strict=True))


def under_print_title(base: Part, nxt: Part, headers: set[tuple[tuple[int, str], ...]], snap: float) -> bool:
    """Whether ``nxt``, first on its page, is the rows going on with ``base``, the last table of
    the page before, under another table's header printed again at the page's top (a sheet of
    several tables printed with rows to repeat): its first row is an earlier table's header, not
    ``base``'s, and the rows under it stand on ``base``'s outer edges and most of its columns."""
    if nxt.page != base.last_page + 1 or not base.ends_low or len(nxt.cells) < 2 or not base.cells:
        return False
    title = row_key(nxt.cells[0])
    if title not in headers or title == row_key(base.cells[0]):
        return False
    edges = sorted({nxt.xs[x] for row in nxt.cells[1:] for c in row for x in (c.col, c.col + c.colspan)})
    if abs(edges[0] - base.xs[0]) > snap or abs(edges[-1] - base.xs[-1]) > snap:
        return False
    shared = sum(1 for x in base.xs if abs(edges[nearest(edges, x)] - x) <= snap)
    return shared >= 2 / 3 * len(base.xs)


def join(base: Part, nxt: Part, snap: float) -> None:
    """``nxt`` appended to ``base``: on common column edges (on the first part's, where the
    continuation repeats the header: a table without rulings finds slightly other gutters on each
    page; on the drawn ones, column for column, where one part was found from its text), without a
    repeated header or an empty first row, its first row joined to the last when it continues it."""
    if base.cells and nxt.cells and header_prefixes(base.cells[0], nxt.cells[0]) is not None:
        onto(nxt, base)
    elif (base.gutters is not None or nxt.gutters is not None) and len(base.xs) == len(nxt.xs):
        if base.gutters is not None:  # column for column, on drawn edges where one part has them
            base.xs, base.gutters = nxt.xs, nxt.gutters
    else:
        xs = cluster([*base.xs, *nxt.xs], snap)
        regrid(base, xs)
        regrid(nxt, xs)
    rows = drop_repeated_header(base.cells, nxt.cells)
    if rows and all(c.is_blank for c in rows[0]):  # the empty rest of a row the break cut
        rows = rows[1:]
    if rows and base.cells and any(not c.is_blank for c in rows[0]):
        key = key_column(base.cells)
        if not any(c.col <= key < c.col + c.colspan and not c.is_blank for c in rows[0]):
            rows[0] = carry_down(base.cells, rows[0], joined=True)
            base.cells[-1] = merge_into(base.cells[-1], rows[0])
            rows = rows[1:]
        else:
            rows[0] = carry_down(base.cells, rows[0], joined=False)
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


def onto(part: Part, base: Part) -> None:
    """Re-index a continuation's cells on the first part's columns, header to header: a table
    without rulings finds slightly other gutters on each page, but repeats its headings. A column
    without a heading goes with its neighbour's."""
    heads = [c for c in base.cells[0] if not c.is_blank]
    spots: dict[int, int] = {}
    for cell in part.cells[0]:
        head = next((h for h in heads if _flat(cell.text).startswith(_flat(h.text))), None)
        if head is not None:
            for k in range(cell.colspan):
                spots[cell.col + k] = head.col + min(k, head.colspan - 1)
    if not spots:
        return
    n_base = len(base.xs) - 1

    def spot(col: int) -> int:
        if col in spots:
            return spots[col]
        left = max((c for c in spots if c < col), default=None)
        right = min((c for c in spots if c > col), default=None)
        if left is not None:
            return min(spots[left] + (col - left), n_base - 1)
        return max(spots[right or 0] - ((right or 0) - col), 0)

    rows = []
    for row in part.cells:
        placed: dict[int, Cell] = {}
        for cell in row:
            c0, c1 = spot(cell.col), spot(cell.col + cell.colspan - 1)
            moved = replace(cell, col=c0, colspan=max(1, c1 - c0 + 1))
            kept = placed.get(c0)
            placed[c0] = moved if kept is None else replace(
                kept, text="\n".join(t for t in (kept.text, moved.text) if t), fill=kept.fill or moved.fill)
        rows.append(sorted(placed.values(), key=lambda c: c.col))
    part.cells, part.xs = rows, base.xs


def row_key(row: list[Cell]) -> tuple[tuple[int, str], ...]:
    return tuple((c.col, " ".join(c.text.split())) for c in row if not c.is_blank)


def _flat(text: str) -> str:
    return " ".join(text.split())


def header_prefixes(header: list[Cell], first: list[Cell]) -> list[Cell] | None:
    """A continuation's first row that repeats the header with more text after each heading (a
    row broken by the page, printed under the repeated header: its words run into the header's
    lines): that text, as a row; None where the row does not repeat the header."""
    heads = {(c.col, c.colspan): _flat(c.text) for c in header if not c.is_blank}
    if len(heads) < 2:
        return None
    out, matched = [], 0
    for cell in first:
        head = next((h for (col, span), h in heads.items() if col <= cell.col < col + span), None)
        text = _flat(cell.text)
        if head is not None and text.startswith(head):
            matched += 1
            rest = cell.text.split("\n", head.count(" ") + 1)
            left = "\n".join(rest[1:]) if rest and _flat(rest[0]) == head else text[len(head):].strip()
            if left.strip():
                out.append(replace(cell, text=left.strip()))
        elif text:
            out.append(cell)
    return out if matched >= max(2, 2 / 3 * len(heads)) else None


def drop_repeated_header(base: list[list[Cell]], rows: list[list[Cell]]) -> list[list[Cell]]:
    """The continuation without the rows that repeat the table's header rows (the text a repeated
    header row runs into kept, as the row it is)."""
    if not rows or not row_key(rows[0]):
        return rows
    if base and row_key(rows[0]) != row_key(base[0]) and (rest := header_prefixes(base[0], rows[0])) is not None:
        return [rest, *rows[1:]] if rest else rows[1:]
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


def carry_down(base: list[list[Cell]], first: list[Cell], joined: bool) -> list[Cell]:
    """A cell merged down over the rows at the foot of a page goes on over the next page's first
    rows, where the producer prints it again empty (LibreOffice): the empty cell at the top of the
    next page is the merged cell's, which grows by its rows (less the row joined to the last, where
    the page broke a row). A single empty cell on a row of its own may be that row's own: it is
    taken only where it is merged down too. ``first`` without the empty cells taken."""
    last = len(base) - 1
    reaching = {(cell.col, cell.colspan): (r, i) for r, row in enumerate(base) for i, cell in enumerate(row)
                if cell.rowspan > 1 and r + cell.rowspan - 1 == last and not cell.is_blank}
    kept = []
    for cell in first:
        spot = reaching.get((cell.col, cell.colspan))
        if spot is None or not cell.is_blank or (cell.rowspan == 1 and not joined):  # an empty cell of its own
            kept.append(cell)
            continue
        r, i = spot
        base[r][i] = replace(base[r][i], rowspan=base[r][i].rowspan + cell.rowspan - (1 if joined else 0))
    return kept


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
