"""Word's automatic numbering, as Word prints it: '1.', '2.', '1.1', 'a)' before a numbered
paragraph (an action's number in a table's Ref column is often a numbered list, not typed text).

The numbering part gives each list (``w:num``) its levels (``w:abstractNum``/``w:lvl``): where it
starts, its number format and its text ('%1.%2'). Numbers count in document order, per list and
level; a level restarts when a level above it moves on. Bullets are a bullet ('•'). A list this
cannot read (a part missing or damaged, a format it does not know) gives no number: the text
reads as if typed without one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "•"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


def _levels(abstract: Any) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in abstract.iterchildren(f"{W}lvl"):
        start, fmt, text = lvl.find(f"{W}start"), lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
        levels[_int(lvl.get(f"{W}ilvl"), 0)] = Level(
            start=_int(start.get(f"{W}val") if start is not None else None, 1),
            fmt=(fmt.get(f"{W}val") if fmt is not None else None) or "decimal",
            text=(text.get(f"{W}val") if text is not None else None) or "")
    return levels


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(), "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
}


@dataclass
class Numbering:
    """The lists of one document and the numbers given so far."""

    source: tuple[bytes | None, bytes | None] | None = None  # the numbering and styles parts
    lists: dict[str, dict[int, Level]] | None = None  # numId -> its levels (None: not read yet)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # paragraph style id -> (numId, level)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> level -> last number

    @classmethod
    def of(cls, numbering_xml: bytes | None, styles_xml: bytes | None) -> Numbering:
        """A document's lists, from its numbering and styles parts (as bytes; either may be None),
        read only once a numbered paragraph asks (:meth:`label`)."""
        return cls(source=(numbering_xml, styles_xml))

    def _load(self) -> None:
        if self.lists is None:
            self.lists, self.styles = _read_lists(*(self.source or (None, None)))

    def label(self, p: Any) -> str | None:
        """The number (or bullet) Word prints before paragraph ``p``, counting it; None where it
        is not numbered. Called once per paragraph, in document order."""
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            num_id, level = _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0)
        else:
            style = ppr.find(f"{W}pStyle")
            if style is None:
                return None
            self._load()
            num_id, level = self.styles.get(style.get(f"{W}val") or "", (None, 0))
        if num_id is None or num_id == "0":
            return None
        self._load()
        levels = (self.lists or {}).get(num_id)
        if not levels or level not in levels:
            return BULLET  # a list whose numbering cannot be read: marked as a list item
        counts = self.counts.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        spec = levels[level]
        if spec.fmt == "bullet":
            return BULLET
        if spec.fmt == "none":
            return None
        text = spec.text
        for k in range(level, -1, -1):
            fmt = FORMATS.get(levels[k].fmt if k in levels else "decimal")
            if f"%{k + 1}" in text:
                if fmt is None:
                    return BULLET
                text = text.replace(f"%{k + 1}", fmt(counts.get(k, levels[k].start if k in levels else 1)))
        return text.strip() or None


def _val(el: Any, tag: str) -> str | None:
    found = el.find(f"{W}{tag}")
    return None if found is None else found.get(f"{W}val")


@functools.lru_cache(maxsize=16)  # the parts of one template are the same bytes in each of its papers
def _read_lists(numbering_xml: bytes | None, styles_xml: bytes | None) -> tuple[dict[str, dict[int, Level]],
                                                                               dict[str, tuple[str, int]]]:
    """The lists' levels by numId, and the numbered paragraph styles; nothing from a part that
    does not parse. Shared between papers: not to be changed."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: loaded with it, once a .docx is read
    from lxml import etree  # as above

    lists: dict[str, dict[int, Level]] = {}
    styles: dict[str, tuple[str, int]] = {}
    try:
        numbering = parse_xml(numbering_xml) if numbering_xml else None
        style_root = parse_xml(styles_xml) if styles_xml and numbering is not None else None
    except (etree.XMLSyntaxError, ValueError):
        return lists, styles
    if numbering is None:
        return lists, styles
    abstracts = {a.get(f"{W}abstractNumId"): _levels(a) for a in numbering.iterchildren(f"{W}abstractNum")}
    for num in numbering.iterchildren(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        levels = dict(abstracts.get(ref.get(f"{W}val") if ref is not None else None, {}))
        for override in num.iterchildren(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            level = _int(override.get(f"{W}ilvl"), 0)
            if start is not None and level in levels:
                levels[level] = Level(_int(start.get(f"{W}val"), 1), levels[level].fmt, levels[level].text)
        lists[num.get(f"{W}numId") or ""] = levels
    for style in style_root.iterchildren(f"{W}style") if style_root is not None else []:
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None and (num_id := _val(num_pr, "numId")):
            styles[style.get(f"{W}styleId") or ""] = (num_id, _int(_val(num_pr, "ilvl"), 0))
    return lists, styles
