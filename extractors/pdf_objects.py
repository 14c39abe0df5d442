"""pdfplumber's page objects, made faster for the two kinds a page is mostly made of.

pdfplumber turns each of pdfminer's layout objects into a dictionary by passing every attribute
through a generic resolver and decoding each character's colour-space name anew. On a page of
text that conversion costs as much as pdfminer's reading of the page itself. :class:`LeanPage`
builds the same dictionaries (the tests compare them with pdfplumber's, key for key, on every
PDF in the corpora) for characters and for lines, rectangles and curves, resolving only values
that are not already plain, and hands every other kind of object to pdfplumber unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pdfminer.layout import LTChar, LTCurve, LTItem, LTLine, LTRect
from pdfplumber.page import ALL_ATTRS, Page
from pdfplumber.utils import resolve_all, resolve_and_decode

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


class LeanPage(Page):
    """A pdfplumber page whose characters and paths are turned into dictionaries cheaply."""

    def process_object(self, obj: LTItem) -> dict[str, Any]:
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
        text = obj.get_text()
        attr["text"] = text if self.pdf.unicode_norm is None else _normalised(self.pdf.unicode_norm, text)
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):  # rare byte-encoded font names: pdfplumber's repair
            from pdfplumber.page import fix_fontname_bytes

            attr["fontname"] = fix_fontname_bytes(attr["fontname"])

    def _path(self, obj: LTCurve, attr: dict[str, Any]) -> None:
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        path = obj.original_path  # as pdfplumber reads it (its own type hint is wrong, it says)
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in path]  # type: ignore[union-attr, arg-type]
        attr["dash"] = obj.dashing_style


def _normalised(form: Any, text: str) -> str:
    from unicodedata import normalize

    return normalize(form, text)


def lean(page: Page) -> Page:
    """``page`` itself, its objects to be built by :class:`LeanPage` (before they are first read)."""
    if type(page) is Page:
        page.__class__ = LeanPage
    return page

