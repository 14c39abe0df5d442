"""Tables side by side on one sheet, read as the tables they are.

A worksheet may hold two action tables next to each other ('Workstream 1' in columns A–G,
'Workstream 2' in columns I–O), which the extractor gives as one table of the sheet's cells. Such
a table is split at a **gutter**: a column no cell with text or a fill starts, ends or sits in (a
title merged across the sheet may cross it), where the cells on each side have a header row of their
own. The parts keep their cells' grid positions, so a finding's row and column are the sheet's.
"""

from __future__ import annotations

from extractors.model import Table
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import Grid, find_header


def _gutters(table: Table) -> list[int]:
    """Columns between the first and the last that no cell with text or a fill starts, ends or sits in."""
    touched: set[int] = set()
    for row in table.rows:
        for cell in row:
            if not cell.is_blank or cell.fill:
                touched.update((cell.col, cell.col + cell.colspan - 1))
    return [c for c in range(1, table.n_cols - 1) if c not in touched]


def _part(table: Table, keep: range) -> Table:
    return Table(rows=[[cell for cell in row if cell.col in keep] for row in table.rows], index=table.index,
                 page=table.page, name=table.name)


def side_by_side(table: Table, words: HeaderDictionary) -> list[Table]:
    """The tables set side by side in ``table``, left to right (``[table]`` where there is one)."""
    for gutter in _gutters(table):
        left, right = _part(table, range(gutter)), _part(table, range(gutter + 1, table.n_cols))
        if find_header(Grid(left), 0, words) is not None and find_header(Grid(right), 0, words) is not None:
            return [left, *side_by_side(right, words)]
    return [table]
