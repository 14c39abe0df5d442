"""Action tables laid on their side: one action per column, the fields' names down the first.

'Action | Review the scheme... | Provide training...', 'Lead officer | Head of Legal | Monitoring
Officer', 'Target date | 31/03/2025 | 31/12/2024' ...: a run of three or more rows whose first cell
names a field (the header dictionary decides, as for a header row), the action's text among them,
with values in two columns or more (one column of values is a card, :mod:`pipeline.interpret.cards`).
Each run is turned into the table it stands for, its names as the header row, with a labelled
heading just above the run ('Workstream 1 - Governance') as its first row; the rest of the table
stays as it was.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.model import Cell, Table
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import Grid

MIN_FIELDS = 3  # distinct fields named down the first column
MIN_ACTIONS = 2  # columns of values


def transposed(table: Table, words: HeaderDictionary) -> list[Table]:
    """``table`` with its runs of rows named down the first column turned into tables of their
    own, in order (``[table]`` where it has none)."""
    if table.n_cols < 1 + MIN_ACTIONS or len(table.rows) < MIN_FIELDS:
        return [table]
    grid = Grid(table)
    runs = _runs(grid, words)
    if not runs:
        return [table]
    out: list[Table] = []
    done = 0
    for start, end in runs:
        heading = _heading(grid, done, start)
        if done < (heading if heading is not None else start):
            out.append(_rows(table, done, heading if heading is not None else start))
        out.append(_turned(table, grid, start, end, heading))
        done = end
    if done < len(table.rows):
        out.append(_rows(table, done, len(table.rows)))
    return out


def _name(grid: Grid, r: int, words: HeaderDictionary) -> str | None:
    """The field the row's first cell names, where it names one and is the row's first cell."""
    cells = grid.own_cells(r)
    if not cells or cells[0].col != 0 or cells[0].colspan > 1:
        return None
    match = words.match(cells[0].text.strip().rstrip(":").strip())
    return match.field if match and match.leading else None


def _runs(grid: Grid, words: HeaderDictionary) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    r = 0
    while r < grid.n_rows:
        start, fields = r, []
        while r < grid.n_rows and (name := _name(grid, r, words)) is not None:
            fields.append(name)
            r += 1
        if len(set(fields)) >= MIN_FIELDS and "description" in fields:
            row = start + fields.index("description")
            if sum(1 for c in grid.own_cells(row) if c.col > 0) >= MIN_ACTIONS:
                runs.append((start, r))
        r = max(r, start + 1)
    return runs


def _heading(grid: Grid, floor: int, start: int) -> int | None:
    """A row of one cell just above the run (a blank row between at most): its heading."""
    for r in range(start - 1, max(floor, start - 3) - 1, -1):
        cells = grid.own_cells(r)
        if len(cells) == 1:
            return r
        if cells:
            return None
    return None


def _rows(table: Table, start: int, end: int) -> Table:
    rows = [[replace(c, row=r - start) for c in table.rows[r]] for r in range(start, end)]
    return Table(rows=rows, index=table.index, page=table.page, name=table.name)


def _turned(table: Table, grid: Grid, start: int, end: int, heading: int | None) -> Table:
    """Rows ``start`` to ``end`` turned: column c becomes row c (the names, column 0, the header
    row), under the heading's row where there is one."""
    top = int(heading is not None)
    rows: list[list[Cell]] = [[] for _ in range(grid.n_cols + top)]
    if heading is not None:
        rows[0] = [replace(grid.own_cells(heading)[0], row=0, col=0, rowspan=1, colspan=end - start)]
    for r in range(start, end):
        for c in table.rows[r]:
            span = min(c.rowspan, end - r)
            rows[c.col + top].append(replace(c, row=c.col + top, col=r - start, rowspan=c.colspan, colspan=span))
    rows = [sorted(row, key=lambda c: c.col) for row in rows]
    while len(rows) > 1 and not rows[-1]:
        rows.pop()
    return Table(rows=rows, index=table.index, page=table.page, name=table.name)
