"""Pages whose text runs sideways (a landscape table printed on a portrait page), turned to read
left to right."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from operator import methodcaller
from typing import Any

from extractors.pdf.words import Chars


def direction(char: dict[str, Any]) -> str:
    """Which way a character's text runs on the page: 'ltr', 'down', 'up' or 'rtl' (upside down)."""
    a, b = (char.get("matrix") or (1, 0))[:2]
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "rtl"
    return "down" if b < 0 else "up"


def turner(way: str, width: float, height: float) -> tuple[Any, float]:
    """A function turning a bbox so text running ``way`` reads left to right, and the new page height."""
    turns = {
        "ltr": (lambda b: b, height),
        "down": (lambda b: (b[1], width - b[2], b[3], width - b[0]), width),
        "up": (lambda b: (height - b[3], b[0], height - b[1], b[2]), width),
        "rtl": (lambda b: (width - b[2], height - b[3], width - b[0], height - b[1]), height),
    }
    return turns[way]


def upright_chars(chars: Chars, width: float, height: float) -> tuple[Chars, Any, float]:
    """A page whose text mostly runs sideways (a landscape table printed on a portrait page) turned so
    it reads left to right; the characters, the bbox turner and the turned page's height."""
    ways: Counter[str] = Counter()
    for matrix, run in groupby(map(methodcaller("get", "matrix"), chars)):  # a run's characters share its matrix
        ways[direction({"matrix": matrix})] += len(list(run))
    way = max(ways, key=lambda w: ways[w], default="ltr")
    if way == "ltr" or ways[way] < 0.6 * len(chars):
        return chars, turner("ltr", width, height)[0], height
    turn, new_height = turner(way, width, height)
    out = []
    for c in chars:
        x0, top, x1, bottom = turn((c["x0"], c["top"], c["x1"], c["bottom"]))
        out.append({**c, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
                    "upright": direction(c) == way})
    return out, turn, new_height
