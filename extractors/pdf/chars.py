"""Characters drawn on a page, as both readers give them to the layout.

A page has thousands of characters, so each is a plain tuple, the fastest thing Python makes:
``(text, x0, x1, top, bottom, style)``, read by the positions named here (``char[X0]``); the box is
in points from the page's top left. What a run of text shares (its font, size and direction) is
one :class:`Style` its characters point to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final


@dataclass(frozen=True, slots=True, eq=False)
class Style:
    """What the characters of a run of text share. Compared and hashed as itself (by identity):
    its characters point to one Style, so sets and groups of them cost no more than their count."""

    size: float  # the font size as drawn
    fontname: str
    matrix: tuple[float, float, float, float]  # the text's direction and its up direction on the page, y up
    upright: bool  # the text reads left to right, the right way up
    colour: str | None = None  # 'RRGGBB' of a mark ('●') drawn in a colour; None for other text (not read)


Char = tuple[str, float, float, float, float, Style]
Chars = list[Char]
TEXT: Final = 0  # the positions in a Char
X0: Final = 1
X1: Final = 2
TOP: Final = 3
BOTTOM: Final = 4
STYLE: Final = 5


def as_pdfplumber(char: Char) -> dict[str, Any]:
    """A character as pdfplumber's word extractor takes it."""
    text, x0, x1, top, bottom, style = char
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "size": style.size,
            "width": x1 - x0, "height": bottom - top,
            "fontname": style.fontname, "matrix": style.matrix, "upright": style.upright}
