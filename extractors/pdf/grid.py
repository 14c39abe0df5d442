"""Ruled tables from the page's ruling lines alone: the cells, and the tables they make up, exactly as
pdfplumber's table finder draws them with its "lines" strategies, without pdfplumber.

The steps are pdfplumber's: lines shorter than 1 pt are dropped; lines that nearly line up are moved
onto their average position (snapped) and pieces of one line with small gaps between them are joined;
lines that are still shorter than the minimum length are dropped; the points where a horizontal and a
vertical line cross (or nearly) are the grid's corners; from each corner the smallest rectangle whose
four sides are drawn is a cell; cells that share a corner make up one table; a table of one cell is
none. Each step is done here with sorting and look-ups rather than by comparing every pair, and the
arithmetic is pdfplumber's to the last bit, so the cells are the very same numbers in the same order.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from typing import Any

Edge = dict[str, Any]  # "x0", "x1", "top", "bottom", "orientation" ("h" or "v"); "width"/"height" if known
CellBox = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]  # x, top
Segment = tuple[float, float, float, float, float]  # x0, top, x1, bottom, length

PREFILTER_LENGTH = 1.0  # pdfplumber's edge_min_length_prefilter: shorter edges are dropped before merging
X0, TOP, X1, BOTTOM, LENGTH = range(5)


def table_cells(edges: list[Edge], snap: float = 3.0, min_length: float = 3.0) -> list[list[CellBox]]:
    """Each ruled table's cells (x0, top, x1, bottom), tables and cells in pdfplumber's order.

    `edges` are the page's horizontal and vertical ruling edges, like pdfplumber's `page.edges`; `snap`
    is pdfplumber's snap, join and intersection tolerance, `min_length` its edge_min_length. An edge's
    length is its "width" (horizontal) or "height" (vertical) when it has one, as pdfplumber measures
    it, and else x1 - x0 or bottom - top."""
    horizontal, vertical = merged_edges(edges, snap, min_length)
    corners = crossings(horizontal, vertical, snap)
    return group_cells(find_cells(corners))


def merged_edges(edges: list[Edge], snap: float, min_length: float) -> tuple[list[Segment], list[Segment]]:
    """The horizontal and the vertical edges snapped into line, joined where they nearly meet, and
    those at least `min_length` long."""
    horizontal: list[Segment] = []
    vertical: list[Segment] = []
    for e in edges:
        x0, top, x1, bottom = e["x0"], e["top"], e["x1"], e["bottom"]
        orientation = e["orientation"]
        if orientation == "h":
            length = e["width"] if "width" in e else x1 - x0
            if length >= PREFILTER_LENGTH:
                horizontal.append((x0, top, x1, bottom, length))
        elif orientation == "v":
            length = e["height"] if "height" in e else bottom - top
            if length >= PREFILTER_LENGTH:
                vertical.append((x0, top, x1, bottom, length))
    if snap > 0:
        horizontal = snapped(horizontal, TOP, snap)
        vertical = snapped(vertical, X0, snap)
    horizontal = [s for s in joined(horizontal, TOP, X0, X1, snap) if s[LENGTH] >= min_length]
    vertical = [s for s in joined(vertical, X0, TOP, BOTTOM, snap) if s[LENGTH] >= min_length]
    return horizontal, vertical


def snapped(segments: list[Segment], at: int, tolerance: float) -> list[Segment]:
    """The segments moved across (their x0 and x1, or top and bottom) onto the average position `at` of
    their cluster (positions chained within `tolerance` of each other), in pdfplumber's order: by
    cluster, then as given."""
    values = sorted(set(map(itemgetter(at), segments)))
    cluster_of: dict[float, int] = {}
    index = 0
    last = values[0] if values else 0.0
    for value in values:
        if value > last + tolerance:
            index += 1
        cluster_of[value] = index
        last = value
    clusters: list[list[Segment]] = [[] for _ in range(index + 1)] if values else []
    for s in segments:
        clusters[cluster_of[s[at]]].append(s)
    moved: list[Segment] = []
    for cluster in clusters:
        average = sum(s[at] for s in cluster) / len(cluster)
        for x0, top, x1, bottom, length in cluster:
            if at == TOP:  # pdfplumber moves by (average - position), which is not always onto the average
                shift = average - top
                moved.append((x0, top + shift, x1, bottom + shift, length))
            else:
                shift = average - x0
                moved.append((x0 + shift, top, x1 + shift, bottom, length))
    return moved


def joined(segments: list[Segment], across: int, lo: int, hi: int, tolerance: float) -> list[Segment]:
    """The segments on one line (the same position `across`) joined where one begins at most
    `tolerance` after the one before ends; lines in order of position, pieces in order along them."""
    merged: list[Segment] = []
    for _, on_line in groupby(sorted(segments, key=itemgetter(across)), key=itemgetter(across)):
        pieces = sorted(on_line, key=itemgetter(lo))
        merged.append(pieces[0])
        for s in pieces[1:]:
            last = merged[-1]
            if s[lo] > last[hi] + tolerance:
                merged.append(s)
            elif s[hi] > last[hi]:
                merged[-1] = extended(last, hi, s[hi])
    return merged


def extended(s: Segment, hi: int, end: float) -> Segment:
    """The segment drawn on to `end`, its length worked out the way pdfplumber does."""
    x0, top, x1, bottom, length = s
    if hi == X1:
        return (x0, top, end, bottom, end - x0)
    return (x0, top, x1, end, length + (end - bottom))


def crossings(
    horizontal: list[Segment], vertical: list[Segment], tolerance: float
) -> dict[Point, tuple[set[int], set[int]]]:
    """Where a vertical and a horizontal edge meet (within `tolerance`): at (the vertical's x0, the
    horizontal's top), the vertical and the horizontal edges meeting there, each named by a number
    for its box (edges with the same box are one edge, as in pdfplumber)."""
    h_ids: dict[tuple[float, ...], int] = {}
    v_ids: dict[tuple[float, ...], int] = {}
    rows = sorted(horizontal, key=itemgetter(TOP))
    # the tests pdfplumber makes, v.top <= h.top + tol and v.bottom >= h.top - tol, rise with h.top
    reach_up = [h[TOP] + tolerance for h in rows]
    reach_down = [h[TOP] - tolerance for h in rows]
    spans = [(h[X0] - tolerance, h[X1] + tolerance, h[TOP], h_ids.setdefault(h[:4], len(h_ids))) for h in rows]
    found: dict[Point, tuple[set[int], set[int]]] = {}
    for v in vertical:
        x, v_id = v[X0], v_ids.setdefault(v[:4], len(v_ids))
        for left, right, y, h_id in spans[bisect_left(reach_up, v[TOP]) : bisect_right(reach_down, v[BOTTOM])]:
            if left <= x <= right:
                at = found.get((x, y))
                if at is None:
                    found[(x, y)] = ({v_id}, {h_id})
                else:
                    at[0].add(v_id)
                    at[1].add(h_id)
    return found


def find_cells(corners: dict[Point, tuple[set[int], set[int]]]) -> list[CellBox]:
    """From each corner in order (left to right, then top to bottom), the smallest cell whose four
    sides are drawn: pdfplumber takes the nearest corner below first, then the nearest to the right.

    Corners that share an edge with a corner are the ones right after it along its column (or row):
    an edge meets every corner between two it meets, so the search stops at the first that doesn't."""
    points = sorted(corners)
    column: dict[float, list[float]] = defaultdict(list)
    row: dict[float, list[float]] = defaultdict(list)
    place: dict[Point, tuple[int, int]] = {}
    for x, y in points:
        place[(x, y)] = (len(column[x]), len(row[y]))
        column[x].append(y)
        row[y].append(x)
    cells: list[CellBox] = []
    for x, y in points:
        downs, acrosses = corners[(x, y)]
        in_column, in_row = place[(x, y)]
        ys, xs = column[x], row[y]
        right = CornersRight(corners, y, acrosses, xs, in_row)
        for k in range(in_column + 1, len(ys)):
            y2 = ys[k]
            below = corners[(x, y2)]
            if downs.isdisjoint(below[0]):
                break
            x2 = right.far_corner(y2, below[1])
            if x2 is not None:
                cells.append((x, y, x2, y2))
                break
    return cells


class CornersRight:
    """The corners to the right of one corner that share a horizontal edge with it, found as they are
    needed."""

    def __init__(
        self, corners: dict[Point, tuple[set[int], set[int]]], y: float, acrosses: set[int], xs: list[float], after: int
    ) -> None:
        self.corners, self.y, self.acrosses, self.xs = corners, y, acrosses, xs
        self.next = after + 1
        self.found: list[tuple[float, set[int]]] = []  # x and the vertical edges there
        self.done = False

    def far_corner(self, y2: float, bottom: set[int]) -> float | None:
        """The x of the nearest of these corners whose corner down at y2 shares a vertical edge with it
        and a horizontal edge (`bottom`) with the corner below the first."""
        k = 0
        while True:
            if k == len(self.found) and not self.extend():
                return None
            x2, downs = self.found[k]
            far = self.corners.get((x2, y2))
            if far is not None and not far[0].isdisjoint(downs) and not far[1].isdisjoint(bottom):
                return x2
            k += 1

    def extend(self) -> bool:
        if self.done or self.next >= len(self.xs):
            self.done = True
            return False
        x2 = self.xs[self.next]
        there = self.corners[(x2, self.y)]
        if self.acrosses.isdisjoint(there[1]):
            self.done = True
            return False
        self.found.append((x2, there[0]))
        self.next += 1
        return True


def group_cells(cells: list[CellBox]) -> list[list[CellBox]]:
    """The cells grouped into tables of cells that share corners, in pdfplumber's order.

    pdfplumber starts a table with the first cell left, then goes through the cells left again and
    again, taking each that shares a corner with the table so far, until a round takes none. Here the
    rounds are followed with a queue: a cell that comes to share a corner with the table is taken later
    in the same round if it comes after the cell just taken, or else in the next round."""
    corners_of = [((x0, top), (x0, bottom), (x1, top), (x1, bottom)) for x0, top, x1, bottom in cells]
    cells_at: dict[Point, list[int]] = defaultdict(list)
    for i, corners in enumerate(corners_of):
        for corner in set(corners):
            cells_at[corner].append(i)
    touched = [False] * len(cells)
    tables: list[list[CellBox]] = []
    for start in range(len(cells)):
        if touched[start]:
            continue
        touched[start] = True
        table: list[CellBox] = []
        seen: set[Point] = set()
        this_round, next_round = [start], []
        while this_round:
            while this_round:
                i = heapq.heappop(this_round)
                table.append(cells[i])
                for corner in corners_of[i]:
                    if corner in seen:
                        continue
                    seen.add(corner)
                    for j in cells_at[corner]:
                        if not touched[j]:
                            touched[j] = True
                            if j > i:
                                heapq.heappush(this_round, j)
                            else:
                                next_round.append(j)
            heapq.heapify(next_round)
            this_round, next_round = next_round, []
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
