"""Bars drawn inside cells (a spreadsheet's data bars, printed as a gradient: hundreds of filled
strips a fraction of a point wide, side by side) are pictures, not cell edges.

A strip's sides are vertical edges as tall as the row, and the last strip ends wherever the value
puts it: read as ruling, they cut the column under '% Complete' in two. The strips are found among
the filled rectangles (four or more, each under 1.5 pt wide, touching the next, on the same top and
bottom) and their sides are dropped from the ruling edges; the cell's borders stay.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from extractors.pdf.geometry import BBox

STRIP_WIDTH = 1.5  # points: a filled rectangle this narrow may be a strip of a gradient
TOUCHING = 0.5  # points between one strip and the next
MIN_STRIPS = 4


def _key(x: float, top: float, bottom: float) -> tuple[float, float, float]:
    return round(x, 1), round(top, 1), round(bottom, 1)


def strip_sides(fills: list[tuple[BBox, str | None]]) -> set[tuple[float, float, float]]:
    """The sides (x, top, bottom, rounded) of the strips of gradients among ``fills``."""
    rows: dict[tuple[float, float], list[BBox]] = defaultdict(list)
    for box, _ in fills:
        x0, top, x1, bottom = box
        if x1 - x0 < STRIP_WIDTH and bottom - top >= 3 * (x1 - x0):
            rows[(round(top, 1), round(bottom, 1))].append(box)
    sides: set[tuple[float, float, float]] = set()
    for strips in rows.values():
        if len(strips) < MIN_STRIPS:
            continue
        strips.sort()
        runs = [[strips[0]]]
        for box in strips[1:]:
            if box[0] - runs[-1][-1][2] <= TOUCHING:
                runs[-1].append(box)
            else:
                runs.append([box])
        sides.update(_key(x, b[1], b[3]) for run in runs if len(run) >= MIN_STRIPS for b in run for x in (b[0], b[2]))
    return sides


def without_bars(edges: list[dict[str, Any]], fills: list[tuple[BBox, str | None]]) -> list[dict[str, Any]]:
    """``edges`` without the vertical sides of gradient strips."""
    sides = strip_sides(fills)
    if not sides:
        return edges
    return [e for e in edges if e["orientation"] != "v" or _key(e["x0"], e["top"], e["bottom"]) not in sides]
