"""pdfplumber's page objects, made faster for the two kinds a page is mostly made of.

pdfplumber has pdfminer make an ``LTChar`` for each character, then turns each layout object into
a dictionary by passing every attribute through a generic resolver and decoding each character's
colour-space name anew. On a page of text that costs more than pdfminer's reading of the page
itself. :class:`LeanPage` builds the same dictionaries (the tests compare them with pdfplumber's,
key for key, on every PDF in the corpora):

- characters in horizontal writing are measured as ``LTChar`` measures them, but kept as
  :class:`LeanChar` (the measurements and the two objects pdfplumber reads later) by
  :class:`LeanAggregator`; vertical writing gets a real ``LTChar``;
- characters, lines, rectangles and curves become dictionaries resolving only values that are not
  already plain;
- every other kind of object, and any page read with layout analysis, is pdfplumber's own.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from pdfminer.layout import LTChar, LTCurve, LTItem, LTLine, LTPage, LTRect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter
from pdfminer.utils import Matrix, apply_matrix_rect
from pdfplumber.page import ALL_ATTRS, Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode
from pdfplumber.utils.exceptions import PdfminerException

PLAIN = (float, int, str, bool, type(None))
KINDS: dict[type, str] = {LTChar: "char", LTLine: "line", LTRect: "rect", LTCurve: "curve"}


def plain(value: Any) -> Any:
    """``value`` as pdfplumber's resolver gives it: plain values and tuples of them as they are."""
    kind = type(value)
    if kind in PLAIN:
        return value
    if kind is tuple and all(type(v) in PLAIN for v in value):
        return value
    return resolve_all(value)


@lru_cache(maxsize=64)
def _decoded(name: Any) -> Any:
    return resolve_and_decode(name)


def colour_space_name(name: Any) -> Any:
    """A colour space's name decoded as pdfplumber decodes it, once per name."""
    try:
        return _decoded(name)
    except TypeError:  # not hashable
        return resolve_and_decode(name)


# the attributes pdfminer gives a character (and pdfplumber's aggregator its mcid and tag): values
# pdfminer computes, plain floats and flags, except the four that can come from the file itself
CHAR_ATTRS = frozenset(("_text", "adv", "bbox", "fontname", "graphicstate", "height", "matrix", "mcid", "ncs",
                        "size", "tag", "upright", "width", "x0", "x1", "y0", "y1"))


def char_attrs(d: dict[str, Any]) -> dict[str, Any]:
    """A character's attributes as pdfplumber keeps them (its ALL_ATTRS), resolved."""
    return {"matrix": plain(d["matrix"]), "fontname": plain(d["fontname"]), "adv": d["adv"], "upright": d["upright"],
            "x0": d["x0"], "y0": d["y0"], "x1": d["x1"], "y1": d["y1"], "width": d["width"], "height": d["height"],
            "size": d["size"], "mcid": plain(d["mcid"]), "tag": plain(d["tag"])}


class LeanChar:
    """A character as ``LTChar`` measures it: its attributes as pdfplumber keeps them, and the
    colour space and graphic state pdfplumber reads once the page is done."""

    __slots__ = ("attrs", "graphicstate", "mcid", "ncs", "tag", "text")

    def __init__(self, attrs: dict[str, Any], text: str, ncs: Any, graphicstate: PDFGraphicState) -> None:
        self.attrs, self.text, self.ncs, self.graphicstate = attrs, text, ncs, graphicstate
        self.mcid: Any = None
        self.tag: Any = None


class LeanAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, keeping horizontal characters as :class:`LeanChar`."""

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float,  # type: ignore[override]
                    cid: int, ncs: Any, graphicstate: PDFGraphicState) -> float:
        if font.is_vertical():
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        # as pdfminer's PDFLayoutAnalyzer.render_char and LTChar.__init__, step for step (the matrix is
        # pdfminer's own product of numbers: nothing in it to resolve)
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        descent = font.get_descent() * fontsize
        (a, b, c, d, _e, _f) = matrix
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, (0, descent + rise, adv, descent + rise + fontsize))
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        attrs = {"matrix": matrix, "fontname": plain(font.fontname), "adv": adv,
                 "upright": a * d * scaling > 0 and b * c <= 0, "x0": x0, "y0": y0, "x1": x1, "y1": y1,
                 "width": x1 - x0, "height": y1 - y0, "size": y1 - y0}
        self.cur_item.add(LeanChar(attrs, text, ncs, graphicstate))  # type: ignore[arg-type]
        self.tag_cur_item()
        return adv


class LeanPage(Page):
    """A pdfplumber page whose characters and paths are turned into dictionaries cheaply."""

    @property
    def layout(self) -> LTPage:
        if self.pdf.laparams is not None:  # layout analysis needs real LTChars
            return super().layout
        if hasattr(self, "_layout"):
            return self._layout
        device = LeanAggregator(self.pdf.rsrcmgr, pageno=self.page_number, laparams=None)
        interpreter = PDFPageInterpreter(self.pdf.rsrcmgr, device)
        try:
            interpreter.process_page(self.page_obj)
        except Exception as e:
            raise PdfminerException(e) from e
        self._layout: LTPage = device.get_result()
        return self._layout

    def process_object(self, obj: LTItem) -> dict[str, Any]:
        if type(obj) is LeanChar:
            return self._lean_char(obj)  # type: ignore[arg-type]
        kind = KINDS.get(type(obj))
        if kind is None:  # images, annotations, text boxes ...: pdfplumber's own way
            return super().process_object(obj)
        d = obj.__dict__
        if kind == "char" and d.keys() == CHAR_ATTRS:
            attr = char_attrs(d)
        else:
            attr = {k: plain(v) for k, v in d.items() if k in ALL_ATTRS}
        attr["object_type"] = kind
        attr["page_number"] = self.page_number
        for space in ("ncs", "scs"):
            if hasattr(obj, space):
                attr[space] = colour_space_name(getattr(obj, space).name)
        if kind == "char":
            self._char(obj, attr)  # type: ignore[arg-type]
        else:
            self._path(obj, attr)  # type: ignore[arg-type]
        return self._placed(attr)

    def _lean_char(self, obj: LeanChar) -> dict[str, Any]:
        attr = {**obj.attrs, "mcid": plain(obj.mcid), "tag": plain(obj.tag), "object_type": "char",
                "page_number": self.page_number, "ncs": colour_space_name(obj.ncs.name)}
        self._char(obj, attr)  # type: ignore[arg-type]
        return self._placed(attr)

    def _placed(self, attr: dict[str, Any]) -> dict[str, Any]:
        """``attr`` with pdfplumber's top, bottom and doctop, and x moved by the media box's corner."""
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + mb_top
            attr["bottom"] = (self.height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    def _char(self, obj: LTChar, attr: dict[str, Any]) -> None:
        text = obj.text if type(obj) is LeanChar else obj.get_text()  # type: ignore[comparison-overlap]
        attr["text"] = text if self.pdf.unicode_norm is None else _normalised(self.pdf.unicode_norm, text)
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):  # rare byte-encoded font names: pdfplumber's repair
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])

    def _path(self, obj: LTCurve, attr: dict[str, Any]) -> None:
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        path = obj.original_path  # as pdfplumber reads it (its own type hint is wrong, it says)
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in path]  # type: ignore[union-attr, arg-type]
        attr["dash"] = obj.dashing_style


def _normalised(form: Any, text: str) -> str:
    return unicodedata.normalize(form, text)


def lean(page: Page) -> Page:
    """``page`` itself, its objects to be built by :class:`LeanPage` (before they are first read)."""
    if type(page) is Page:
        page.__class__ = LeanPage
    return page

