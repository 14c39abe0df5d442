"""The second reader: a page as pdfplumber (pdfminer) reads it, for a PDF that PDFium refuses.

pdfminer opens some files PDFium will not (and the other way round). Its characters, ruling
edges and filled rectangles are turned into the same :class:`PageObjects` PDFium's give.
"""

from __future__ import annotations

from typing import Any

from extractors.colours import MARKS, normalise_hex, rgb_floats_to_hex
from extractors.pdf.chars import Chars, Style
from extractors.pdf.pdfium_page import PageObjects


def fill_hex(colour: Any) -> str | None:
    """A pdfminer colour (grey, RGB or CMYK floats; a pattern name) as 'RRGGBB', or None."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list):
        return None
    try:
        return normalise_hex(rgb_floats_to_hex(colour))
    except (TypeError, ValueError):
        return None


def page_objects(page: Any) -> PageObjects:
    """A pdfplumber page's characters (those shown: their middle inside the crop box), edges and
    filled rectangles."""
    x0, top, x1, bottom = page.bbox
    styles: dict[tuple[Any, ...], Style] = {}  # one for all the characters that share it
    chars: Chars = []
    for c in page.chars:
        if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom:
            key = (c["size"], c.get("fontname", ""), tuple(c.get("matrix") or (1, 0, 0, 1))[:4], c.get("upright", True))
            style = styles.get(key) or styles.setdefault(key, Style(*key))
            if c["text"] in MARKS:  # a mark's colour may be what it says (a RAG given as a coloured dot)
                style = Style(*key, colour=fill_hex(c.get("non_stroking_color")))
            chars.append((c["text"], c["x0"], c["x1"], c["top"], c["bottom"], style))
    edges = [{k: e[k] for k in ("x0", "x1", "top", "bottom", "orientation")}
             for e in page.edges if e.get("orientation") in ("h", "v")]
    fills = [((r["x0"], r["top"], r["x1"], r["bottom"]), fill_hex(r.get("non_stroking_color")))
             for r in page.rects if r.get("fill")]
    return PageObjects(float(page.width), float(page.height), (x0, top, x1, bottom), chars, edges, fills)
