"""Words made from pdfplumber's characters, and lines made from words, with the text they show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from extractors.pdf.settings import PdfSettings

# Private-use bullets of Symbol/Wingdings fonts, and ligatures, as the text they show.
GLYPHS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
                        "\uf0a8": "○", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                        "\ufb04": "ffl"})
UNMAPPED_RE = re.compile(r"^\(cid:\d+\)$")  # a glyph pdfminer cannot map to text

Chars = list[dict[str, Any]]  # pdfplumber's characters
WordTuple = tuple[dict[str, Any], Chars]  # a word as pdfplumber's word extractor gives it, with its characters


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    words: list[Word]

    x0 = property(lambda self: self.words[0].x0)
    x1 = property(lambda self: max(w.x1 for w in self.words))
    top = property(lambda self: min(w.top for w in self.words))
    bottom = property(lambda self: max(w.bottom for w in self.words))
    size = property(lambda self: max(w.size for w in self.words))

    @property
    def text(self) -> str:
        """The words with a space between; glyphs as the text they show. A line opening with a
        glyph that has no text (a symbol font's bullet without a ToUnicode map) opens with a bullet."""
        words = [w.text for w in self.words]
        if len(words) > 1 and UNMAPPED_RE.match(words[0]):
            words[0] = "•"
        return " ".join(words).translate(GLYPHS)

    def segments(self, cfg: PdfSettings) -> list[list[Word]]:
        """Runs of words separated by gaps wider than a word space: one cell's text each."""
        out = [[self.words[0]]]
        for prev, word in pairwise(self.words):
            if word.x0 - prev.x1 > max(3.0, cfg.segment_gap_sizes * max(prev.size, word.size)):
                out.append([])
            out[-1].append(word)
        return out


def make_word(text: str, chars: Chars) -> Word:
    return Word(text=text, x0=min(c["x0"] for c in chars), x1=max(c["x1"] for c in chars),
                top=min(c["top"] for c in chars), bottom=max(c["bottom"] for c in chars),
                size=float(chars[0].get("size") or 0.0),
                bold=all("bold" in str(c.get("fontname", "")).lower() for c in chars))


def lines_of(words: list[Word]) -> list[Line]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        last = lines[-1] if lines else None
        if last and word.top - last[0].top <= max(1.0, min(3.0, 0.5 * (last[0].bottom - last[0].top))):
            last.append(word)
        else:
            lines.append([word])
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def text_of(words: list[Word]) -> str:
    return "\n".join(line.text for line in lines_of(words))
