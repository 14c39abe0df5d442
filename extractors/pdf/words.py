"""Words made from a page's characters, and lines made from words, with the text they show.

Characters become words as pdfplumber's ``WordExtractor`` makes them (its defaults, and the
tolerances of :class:`PdfSettings`): characters within ``y_gap`` of each other's tops are one line
(tops sorted, a gap wider than ``y_gap`` between neighbours starts the next line), each line left to
right; a space, a step back, a gap wider than ``x_gap`` or a top more than ``y_gap`` away ends a
word; ligatures are spelt out. Characters that are not upright (text not turned upright) are left
to pdfplumber's own extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby, pairwise
from operator import attrgetter, itemgetter
from typing import Any, Literal

from pdfplumber.utils.text import LIGATURES, WordExtractor

from extractors.pdf.chars import BOTTOM, STYLE, TEXT, TOP, X0, X1, Chars, as_pdfplumber
from extractors.pdf.rotation import direction
from extractors.pdf.settings import PdfSettings

# Private-use bullets of Symbol/Wingdings fonts, and ligatures, as the text they show.
GLYPHS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
                        "\uf0a8": "○", "\uf06c": "●", "\uf06e": "■", "\uf0a1": "○", "\uf06f": "□",
                        "\uf075": "◆", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                        "\ufb04": "ffl"})
_HAS_LIGATURE = re.compile("|".join(map(re.escape, LIGATURES))).search
UNMAPPED_RE = re.compile(r"^\(cid:\d+\)$")  # a glyph pdfminer cannot map to text


@dataclass(slots=True)
class Word:
    """A word on a page: its text, its box, its size and the characters it is made of."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    chars: Chars

    @property
    def bold(self) -> bool:
        """All its characters are in bold fonts (asked of paragraphs' words only)."""
        return all(_bold(style.fontname) for style in set(map(_STYLE, self.chars)))


WordChars = tuple[Word, Chars]  # a word with its characters


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


def make_word(text: str, chars: Chars, box: dict[str, Any] | None = None) -> Word:
    """A word of ``chars``; ``box`` (x0, x1, top, bottom) where it is known already."""
    if box is None:
        box = {"x0": min(map(_X0, chars)), "x1": max(map(_X1, chars)), "top": min(map(_TOP, chars)),
               "bottom": max(map(_BOTTOM, chars))}
    return Word(text, box["x0"], box["x1"], box["top"], box["bottom"], float(chars[0][STYLE].size or 0.0), chars)


_TEXT, _X0, _X1, _TOP, _BOTTOM, _STYLE = map(itemgetter, (TEXT, X0, X1, TOP, BOTTOM, STYLE))
_TOP_THEN_LEFT, _LEFT = attrgetter("top", "x0"), attrgetter("x0")


@lru_cache(maxsize=256)
def _bold(fontname: Any) -> bool:
    return "bold" in str(fontname).lower()


def lines_of(words: list[Word]) -> list[Line]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=_TOP_THEN_LEFT):
        last = lines[-1] if lines else None
        if last and word.top - last[0].top <= max(1.0, min(3.0, 0.5 * (last[0].bottom - last[0].top))):
            last.append(word)
        else:
            lines.append([word])
    return [Line(sorted(ws, key=_LEFT)) for ws in lines]


def text_of(words: list[Word]) -> str:
    if len(words) == 1:  # a cell of one word (the same text as its one line's)
        return words[0].text.translate(GLYPHS)
    if words and all(word.chars and not word.chars[0][STYLE].upright for word in words):
        return _sideways_text(words)
    return "\n".join(line.text for line in lines_of(words))


def _sideways_text(words: list[Word]) -> str:
    """Words turned a quarter (a header printed sideways), in lines the way the text runs: text
    running up reads bottom to top, its lines from left to right; text running down the other way."""
    up = direction(words[0].chars[0][STYLE].matrix) == "up"
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0 if up else -w.x1):
        if lines and abs(word.x0 - lines[-1][0].x0) <= max(word.x1 - word.x0, 1.0) / 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    ordered = [sorted(line, key=lambda w: -w.bottom if up else w.top) for line in lines]
    return "\n".join(" ".join(w.text.translate(GLYPHS) for w in line) for line in ordered)


def words_of(chars: Chars, x_gap: float, y_gap: float) -> list[WordChars]:
    """The page's words, each with its characters, in pdfplumber's order (see the module's notes)."""
    out: list[WordChars] = []
    if all(style.upright for style in set(map(_STYLE, chars))):  # the most of pages: one run
        same_ways: Iterable[tuple[bool, Chars]] = [(True, chars)]
    else:
        by_style = groupby(chars, key=_STYLE)  # characters of one style, one after another
        same_ways = ((upright, [char for _, of_style in styled for char in of_style])
                     for upright, styled in groupby(by_style, key=lambda run: run[0].upright))
    for upright, run in same_ways:
        if not run:
            continue
        if upright:
            for line in _lines_of_chars(run, y_gap):
                out += _words_on_line(line, x_gap, y_gap)
        else:
            for way, same_way in groupby(run, key=lambda char: direction(char[STYLE].matrix)):
                out += _pdfplumbers_words(list(same_way), x_gap, y_gap, way)
    return out


# text turned a quarter: 'up' (a narrow column's header printed sideways) reads bottom to top, its
# lines from left to right; 'down' reads top to bottom, its lines from right to left
Way = Literal["ltr", "rtl", "ttb", "btt"]
ROTATED_READING: dict[str, tuple[Way, Way]] = {"up": ("btt", "ltr"), "down": ("ttb", "rtl")}


def _pdfplumbers_words(chars: Chars, x_gap: float, y_gap: float, way: str = "down") -> list[WordChars]:
    """Words of text that is not upright, as pdfplumber's extractor makes them, read the way the
    text runs (``way``, from its characters' matrix)."""
    as_dicts = [as_pdfplumber(c) for c in chars]
    char_of = {id(d): c for d, c in zip(as_dicts, chars, strict=True)}
    out: list[WordChars] = []
    char_dir, line_dir = ROTATED_READING.get(way, ("ttb", "ltr"))  # else pdfplumber's own reading
    if way in ROTATED_READING:  # pdfplumber measures a sideways word's gaps by y_tolerance: the word gap
        x_gap, y_gap = y_gap, x_gap
    extractor = WordExtractor(x_tolerance=x_gap, y_tolerance=y_gap, char_dir_rotated=char_dir,
                              line_dir_rotated=line_dir)
    for word, dicts in extractor.iter_extract_tuples(as_dicts):
        word_chars = [char_of[id(d)] for d in dicts]
        out.append((make_word(str(word["text"]), word_chars, word), word_chars))
    return out


def _lines_of_chars(chars: Chars, y_gap: float) -> list[Chars]:
    tops = sorted(set(map(_TOP, chars)))
    line_of: dict[float, int] = {}
    line, last = 0, tops[0]
    for top in tops:
        if top > last + y_gap:
            line += 1
        line_of[top] = line
        last = top
    lines: list[Chars] = [[] for _ in range(line + 1)]
    for char, number in zip(chars, map(line_of.__getitem__, map(_TOP, chars)), strict=True):
        lines[number].append(char)  # in the characters' order within a line
    for chars_on_line in lines:
        chars_on_line.sort(key=_X0)
    return lines


def _words_on_line(line: Chars, x_gap: float, y_gap: float) -> list[WordChars]:
    words: list[WordChars] = []
    start = -1  # where the word being read starts on the line (-1: none is)
    last_x0 = last_x1 = last_top = 0.0  # its last character's
    for i, (text, x0, x1, top, _, _) in enumerate(line):
        if text.isspace():
            if start >= 0:
                words.append(_word(line[start:i]))
            start = -1
        elif text == "":  # pdfplumber's punctuation split with no punctuation: an empty text is a word
            if start >= 0:
                words.append(_word(line[start:i]))
            words.append(_word(line[i:i + 1]))
            start = -1
        else:
            if start < 0:
                start = i
            elif last_x0 > x0 or x0 > last_x1 + x_gap or abs(top - last_top) > y_gap:
                words.append(_word(line[start:i]))
                start = i
            last_x0, last_x1, last_top = x0, x1, top
    if start >= 0:
        words.append(_word(line[start:]))
    return words


def _word(chars: Chars) -> WordChars:
    """A word of a line's characters, left to right (pdfplumber's word: ligatures spelt out)."""
    text, x0, x1, top, bottom, style = chars[0]
    size = float(style.size or 0.0)
    if len(chars) == 1:
        return Word(LIGATURES.get(text) or text, x0, x1, top, bottom, size, chars), chars
    text = "".join(map(_TEXT, chars))
    if _HAS_LIGATURE(text):  # rare: each character's text looked up, as pdfplumber does
        text = "".join([LIGATURES.get(t) or t for t in map(_TEXT, chars)])
    return Word(text, x0, max(map(_X1, chars)), min(map(_TOP, chars)), max(map(_BOTTOM, chars)), size, chars), chars
