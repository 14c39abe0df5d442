"""Colour helpers shared by the extractors: hex normalising, tints, white detection."""

from __future__ import annotations

import colorsys


def normalise_hex(value: str | None) -> str | None:
    """'FFFF0000', 'ff0000', '#FF0000' -> 'FF0000'; None, 'auto' and white-ish -> None."""
    if not value:
        return None
    text = str(value).strip().lstrip("#").upper()
    if len(text) == 8:
        text = text[2:]
    if len(text) != 6 or any(ch not in "0123456789ABCDEF" for ch in text):
        return None
    return None if is_background(text) else text


def is_background(hex6: str) -> bool:
    """White and near-white fills are background, not information."""
    r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    return min(r, g, b) >= 0xF0


def apply_tint(hex6: str, tint: float) -> str:
    """Excel's tint: lighten (tint > 0) or darken (tint < 0) a colour in HLS space."""
    if not tint:
        return hex6
    r, g, b = (int(hex6[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
    return "".join(f"{round(x * 255):02X}" for x in (r, g, b))


def rgb_floats_to_hex(components: tuple[float, ...] | list[float]) -> str | None:
    """A PDF colour (grey, RGB or CMYK floats 0-1) as 'RRGGBB'."""
    values = [float(c) for c in components]
    if len(values) == 1:
        r = g = b = values[0]
    elif len(values) == 3:
        r, g, b = values
    elif len(values) == 4:
        c, m, y, k = values
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "".join(f"{round(min(max(x, 0.0), 1.0) * 255):02X}" for x in (r, g, b))


# shapes a paper colours to give a RAG without a word, and the same shapes in a symbol font as a PDF
# gives them (Wingdings' circle and square at U+F06C, U+F06E, ...)
MARKS = frozenset("●○◉⬤■□▪▫◼◻◾◽▲△▼▽◆◇♦•\uf06c\uf06e\uf0a1\uf06f\uf075\uf0a7\uf0b7\uf0a8")


def is_mark(text: str) -> bool:
    """A cell's text that is only a mark or two ('●'): its colour is what it says."""
    shown = text.strip()
    return 0 < len(shown) <= 3 and all(ch in MARKS or ch.isspace() for ch in shown)
