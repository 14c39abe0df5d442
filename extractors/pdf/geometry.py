"""Positions on a PDF page: boxes, their overlap, and edges snapped together."""

from __future__ import annotations

from bisect import bisect_right

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points


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
    """The index of the edge nearest ``x`` (the lower one where two are as near)."""
    i = bisect_right(edges, x)
    if i == 0:
        return 0
    if i == len(edges) or abs(edges[i - 1] - x) <= abs(edges[i] - x):
        return i - 1
    return i


def overlap(a: BBox, b: BBox) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0
