"""Pages whose text runs sideways (a landscape table printed on a portrait page), turned to read
left to right."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import Any

from extractors.pdf.chars import STYLE, Chars, Style


def direction(matrix: tuple[float, ...]) -> str:
    """Which way text with this (pdfminer) matrix runs on the page: 'ltr', 'down', 'up' or 'rtl'
    (upside down)."""
    a, b = matrix[:2]
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
    for style, run in groupby(map(itemgetter(STYLE), chars)):  # a run's characters share its style
        ways[direction(style.matrix)] += len(list(run))
    way = max(ways, key=lambda w: ways[w], default="ltr")
    if way == "ltr" or ways[way] < 0.6 * len(chars):
        return chars, turner("ltr", width, height)[0], height
    turn, new_height = turner(way, width, height)
    turned: dict[Style, Style] = {}  # each style, upright where its text runs the page's way
    out = []
    for text, *box, style in chars:
        x0, top, x1, bottom = turn((box[0], box[2], box[1], box[3]))
        if style not in turned:
            turned[style] = replace(style, upright=direction(style.matrix) == way)
        out.append((text, x0, x1, top, bottom, turned[style]))
    return out, turn, new_height
