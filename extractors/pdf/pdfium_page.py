"""What a PDF page is drawn with, read by PDFium (pypdfium2): characters, ruling edges, filled
rectangles and the page's box, in pdfplumber's coordinates (points, origin at the top left of the
page as it is shown, /Rotate applied).

- **Characters**: every character the page's text layer has (PDFium's own inserted spaces and line
  breaks aside) with its text, box, font name and size and the direction its text runs. A
  character's box is as wide as the character advances (PDFium's loose box) and reaches from the
  font's descent below the baseline to one font size above that, as pdfminer measures it.
- **Paths**, in form XObjects too, are split at each move: two points are a line, four points
  at right angles a rectangle, anything else a curve. Ruling edges are the lines, the four sides
  of every rectangle (filled cell backgrounds rule tables as much as stroked borders do) and the
  straight horizontal and vertical pieces of curves; a rectangle painted with a fill keeps its
  colour ('RRGGBB' as PDFium renders it).

Papers are read with it in the run's worker processes only (PDFium is a C library parsing
untrusted files: it runs there under their memory and time limits); ``bvtrack inspect`` reads the
one paper it is given.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise, repeat
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractors.colours import MARKS, normalise_hex
from extractors.pdf.chars import Chars, Style

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
STRAIGHT = 1e-3  # points this close in x (or y) make a vertical (or horizontal) piece
SOFT_HYPHEN = 0x02  # PDFium's code for a hyphen at the end of a line
NOT_A_CHARACTER = 0xFFFE
HIGH_HALF, LOW_HALF, HALVES_END = 0xD800, 0xDC00, 0xE000  # UTF-16's surrogates: the two halves of a pair
UNKNOWN = chr(NOT_A_CHARACTER)  # in the page's text where a character has none (or the page's text is not read)
INSERTED = frozenset(" \r\n")  # what PDFium puts between words and lines it reads
MAX_DEPTH = 8  # form XObjects inside form XObjects


@dataclass
class PageObjects:
    """One page's characters, ruling edges and filled rectangles (with their 'RRGGBB' fills)."""

    width: float
    height: float
    bbox: BBox  # the crop box: characters outside it are not shown
    chars: Chars = field(default_factory=list)  # those shown: their middle inside bbox
    edges: list[dict[str, Any]] = field(default_factory=list)
    fills: list[tuple[BBox, str | None]] = field(default_factory=list)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF matrices: a point is a row vector on the left)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class View:
    """From PDF user space (y up) to the page as shown: /Rotate applied, y down from the top."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        x0, y0, x1, y1 = _box(page.get_mediabox())
        self.rotation = page.get_rotation() % 360
        shown = {0: (1.0, 0.0, 0.0, -1.0, 0.0, y1), 90: (0.0, 1.0, 1.0, 0.0, -y0, -x0),
                 180: (-1.0, 0.0, 0.0, 1.0, x1, -y0), 270: (0.0, -1.0, -1.0, 0.0, y1, x1)}
        self.matrix: Matrix = shown.get(self.rotation, shown[0])
        self.width, self.height = (x1 - x0, y1 - y0) if self.rotation in (0, 180) else (y1 - y0, x1 - x0)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> BBox:
        a, b, c, d, e, f = self.matrix
        ax, ay, bx, by = a * x0 + c * y0 + e, b * x0 + d * y0 + f, a * x1 + c * y1 + e, b * x1 + d * y1 + f
        if ax > bx:
            ax, bx = bx, ax
        if ay > by:
            ay, by = by, ay
        return ax, ay, bx, by

    def direction(self, dx: float, dy: float) -> Point:
        """A direction in user space as pdfminer gives it for the shown page (y up)."""
        a, b, c, d = self.matrix[:4]
        return a * dx + c * dy, -(b * dx + d * dy)


def _box(box: tuple[float, float, float, float]) -> BBox:
    x0, y0, x1, y1 = box
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


# ---- characters ----------------------------------------------------------------------------------

def _c_function(function: Any, result: Any, *arguments: Any) -> Any:
    """``function`` (from pypdfium2.raw) called with plain ints for handles and out-pointers: asked
    thousands of times a page, it skips ctypes' checks of wrapped arguments."""
    prototype = ctypes.CFUNCTYPE(result, *arguments)
    return prototype(ctypes.cast(function, ctypes.c_void_p).value or 0)


_HANDLE, _INT = ctypes.c_void_p, ctypes.c_int
_TEXT_OBJECT_AT = _c_function(raw.FPDFText_GetTextObject, ctypes.c_size_t, _HANDLE, _INT)  # an int: a key
_LOOSE_BOX = _c_function(raw.FPDFText_GetLooseCharBox, _INT, _HANDLE, _INT, _HANDLE)
_ORIGIN = _c_function(raw.FPDFText_GetCharOrigin, _INT, _HANDLE, _INT, _HANDLE, _HANDLE)
_FONT_OF = _c_function(raw.FPDFTextObj_GetFont, ctypes.c_size_t, _HANDLE)
_MATRIX_AT = _c_function(raw.FPDFText_GetMatrix, _INT, _HANDLE, _INT, _HANDLE)
_FONT_SIZE_AT = _c_function(raw.FPDFText_GetFontSize, ctypes.c_double, _HANDLE, _INT)
_GLYPH_WIDTH = _c_function(raw.FPDFFont_GetGlyphWidth, _INT, _HANDLE, ctypes.c_uint, ctypes.c_float, _HANDLE)


@dataclass(slots=True)
class _Run:
    """What the characters of text objects of one font, size and matrix share, and the way they run."""

    style: Style  # the font's name, the size as drawn (Tf scaled by the matrix), the direction on the page
    matrix: tuple[float, float, float, float]  # the text's direction (a, b) and its up direction (c, d)
    font: int  # PDFium's font handle
    font_size: float  # as set in the content (Tf)
    ink_box: bool  # PDFium's loose box is the glyph's ink: the font has no ascent and descent
    along_x: bool  # the text runs along the page's x axis (either way)
    below: float  # from the baseline to the box's lower side, across the text (y along x, else x)
    above: float  # and to its upper side
    # text straight along x on a page shown as drawn, its loose box from the font's ascent and descent:
    # a text object's characters share one baseline, and so their boxes' tops and bottoms
    straight: bool


# A straight text object's characters' top and bottom, and the lower side of its first character's
# loose box: a character whose loose box has another (vertical writing) is placed on its own
Across = tuple[float, float, float] | None


class _Runs:
    """The runs of one text page, each text object's asked of PDFium once, and the work on a font,
    size and matrix done once for all the text objects that share them."""

    def __init__(self, page: int, view: View) -> None:
        self.page, self.view = page, view
        self.of_object: dict[int, tuple[_Run, Across]] = {}
        self._of_style: dict[tuple[float, ...], _Run] = {}
        self._matrix = raw.FS_MATRIX()
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._buffer = ctypes.create_string_buffer(256)

    def new(self, address: int, index: int, loose_bottom: float) -> tuple[_Run, Across]:
        """The run of the text object at ``address``, whose first character is ``index`` (its loose
        box's lower side ``loose_bottom``)."""
        m = self._matrix
        _MATRIX_AT(self.page, index, ctypes.addressof(m))
        font, font_size = _FONT_OF(address), _FONT_SIZE_AT(self.page, index)
        key = (font, font_size, m.a, m.b, m.c, m.d)
        run = self._of_style.get(key)
        if run is None:
            run = self._of_style[key] = self._style(font, font_size, (m.a, m.b, m.c, m.d))
        across = None
        if run.straight:
            _ORIGIN(self.page, index, ctypes.addressof(self._x), ctypes.addressof(self._y))
            y = self._y.value
            _, top, _, bottom = self.view.box(0.0, y + run.below, 0.0, y + run.above)
            across = (top, bottom, loose_bottom)
        self.of_object[address] = run, across
        return run, across

    def _style(self, font: int, font_size: float, matrix: tuple[float, float, float, float]) -> _Run:
        a, b, c, d = matrix
        view, buffer, handle = self.view, self._buffer, ctypes.cast(font, raw.FPDF_FONT)
        scale = (c * c + d * d) ** 0.5 or 1.0
        n = raw.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
        name = buffer.raw[:n - 1].decode("utf-8", "replace") if 0 < n <= len(buffer) else ""
        ascent, descent = ctypes.c_float(), ctypes.c_float()
        has_ascent = raw.FPDFFont_GetAscent(handle, ctypes.c_float(font_size), ascent)
        has_descent = raw.FPDFFont_GetDescent(handle, ctypes.c_float(font_size), descent)
        ink_box = not (has_ascent and has_descent and ascent.value != descent.value)
        da, db = view.direction(a, b)
        dc, dd = view.direction(c, d)
        size, low = font_size * scale, (descent.value if has_descent else 0.0) * scale
        along_x = abs(a) >= abs(b)
        up = (d if along_x else c) / scale  # the share of the text's up direction across its run
        style = Style(size, name, (da, db, dc, dd), da * dd > 0 and db * dc <= 0)
        return _Run(style, matrix, font, font_size, ink_box, along_x, up * low, up * (low + size),
                    view.rotation == 0 and along_x and b == 0 and not ink_box)


def _advance(run: _Run, code: int) -> float:
    """How far the character advances the text along x (0 where the font cannot say)."""
    out = ctypes.c_float()
    if 0 < code < 0x10000 and _GLYPH_WIDTH(run.font, code, run.font_size, ctypes.addressof(out)):
        return float(out.value) * run.matrix[0]
    return 0.0


def _page_text(handle: Any, count: int) -> str | None:
    """The text of all the page's characters at once (one character each), or None where a
    character outside the Basic Multilingual Plane takes two UTF-16 units: then one by one."""
    if count <= 0:
        return None
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[:2 * max(0, written - 1)].decode("utf-16-le", "surrogatepass")  # halves alone kept: see _text
    return text if len(text) == count else None


def read_chars(textpage: pdfium.PdfTextPage, view: View, crop: BBox) -> Chars:
    """The characters shown (their middle inside the ``crop`` box), PDFium's inserted ones aside,
    in the order PDFium reads them.

    The first character of a text object tells what all of its characters share (:class:`_Runs`);
    for text running straight along the page (the most of it) that is also where their boxes'
    tops and bottoms are, so each further character asks PDFium for its box alone."""
    handle = textpage.raw
    page = ctypes.cast(handle, ctypes.c_void_p).value or 0
    loose = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    at_loose, at_x, at_y = ctypes.addressof(loose), ctypes.addressof(ox), ctypes.addressof(oy)
    text_object_at, loose_box, origin, generated = _TEXT_OBJECT_AT, _LOOSE_BOX, _ORIGIN, raw.FPDFText_IsGenerated
    box = view.box
    cx0, ctop, cx1, cbottom = crop
    runs = _Runs(page, view)
    run_of = runs.of_object.get
    chars: Chars = []
    append = chars.append
    count = raw.FPDFText_CountChars(handle)
    second_half = -1
    for i, text in enumerate(_page_text(handle, count) or repeat(UNKNOWN, count)):
        if i == second_half:
            continue  # read with the first half
        code = None
        if not " " <= text < UNKNOWN:  # a hyphen ending a line (PDFium's U+0002), a control, or not known
            code = raw.FPDFText_GetUnicode(handle, i) if text == UNKNOWN else ord(text)
            if HIGH_HALF <= code < LOW_HALF and i + 1 < count and LOW_HALF <= (
                    low := raw.FPDFText_GetUnicode(handle, i + 1)) < HALVES_END:
                # a character outside the Basic Multilingual Plane ('𝑝', an emoji): PDFium gives its
                # two UTF-16 halves as two characters; it is one, where the first half is
                code, second_half = 0x10000 + ((code - HIGH_HALF) << 10) + (low - LOW_HALF), i + 1
            text = chr(code) if 0x20 <= code < NOT_A_CHARACTER else _text(code)  # a half alone kept: see storable
        if text in INSERTED and generated(handle, i):
            continue  # a space or line break PDFium put in, not drawn on the page
        address = text_object_at(page, i)
        if not address:
            continue
        loose_box(page, i, at_loose)
        run, across = run_of(address) or runs.new(address, i, loose.bottom)
        if across and loose.bottom == across[2]:  # text along x on the page as drawn: on the run's baseline
            x0, x1 = loose.left, loose.right
            if x0 > x1:
                x0, x1 = x1, x0
            top, bottom = across[0], across[1]
        else:
            origin(page, i, at_x, at_y)
            if run.along_x:  # as far as the character advances; from the font's descent to one size above it
                left, right = loose.left, loose.right
                if run.ink_box and (advance := _advance(run, ord(text) if code is None else code)):
                    left, right = ox.value, ox.value + advance
                y = oy.value
                x0, top, x1, bottom = box(left, y + run.below, right, y + run.above)
            else:  # text running along y: the same, turned
                x = ox.value
                x0, top, x1, bottom = box(x + run.below, loose.bottom, x + run.above, loose.top)
        if cx0 <= (x0 + x1) / 2 <= cx1 and ctop <= (top + bottom) / 2 <= cbottom:
            style = run.style
            if text in MARKS:  # a mark's colour may be what it says (a RAG given as a coloured dot)
                style = replace(style, colour=_fill_hex(address))
            append((text, x0, x1, top, bottom, style))
    return chars


def _text(code: int) -> str:
    """A character's text: PDFium marks a hyphen ending a line as U+0002; what the page shows is '-'."""
    if code == SOFT_HYPHEN:
        return "-"
    if code <= 0 or code == NOT_A_CHARACTER or code > 0x10FFFF:
        return f"(cid:{code})"
    return chr(code)


# ---- paths -------------------------------------------------------------------------------------

_COUNT_OBJECTS = _c_function(raw.FPDFPage_CountObjects, _INT, _HANDLE)
_OBJECT_AT = _c_function(raw.FPDFPage_GetObject, ctypes.c_size_t, _HANDLE, _INT)
_COUNT_FORM_OBJECTS = _c_function(raw.FPDFFormObj_CountObjects, _INT, _HANDLE)
_FORM_OBJECT_AT = _c_function(raw.FPDFFormObj_GetObject, ctypes.c_size_t, _HANDLE, ctypes.c_ulong)
_KIND_OF = _c_function(raw.FPDFPageObj_GetType, _INT, _HANDLE)
_OBJECT_MATRIX = _c_function(raw.FPDFPageObj_GetMatrix, _INT, _HANDLE, _HANDLE)
_COUNT_SEGMENTS = _c_function(raw.FPDFPath_CountSegments, _INT, _HANDLE)
_SEGMENT_AT = _c_function(raw.FPDFPath_GetPathSegment, ctypes.c_size_t, _HANDLE, _INT)
_SEGMENT_POINT = _c_function(raw.FPDFPathSegment_GetPoint, _INT, _HANDLE, _HANDLE, _HANDLE)
_SEGMENT_KIND = _c_function(raw.FPDFPathSegment_GetType, _INT, _HANDLE)
_DRAW_MODE = _c_function(raw.FPDFPath_GetDrawMode, _INT, _HANDLE, _HANDLE, _HANDLE)
_FILL_COLOUR = _c_function(raw.FPDFPageObj_GetFillColor, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)


def _matrix_of(obj: int) -> Matrix:
    m = raw.FS_MATRIX()
    _OBJECT_MATRIX(obj, ctypes.addressof(m))
    return m.a, m.b, m.c, m.d, m.e, m.f


def _objects(holder: int, count: Any, get: Any, matrix: Matrix, depth: int) -> Iterator[tuple[int, Matrix]]:
    """Every path object under ``holder`` (a page or a form XObject) with the matrix to user space."""
    for i in range(count(holder)):
        obj = get(holder, i)
        kind = _KIND_OF(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj, matrix
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            inner = multiply(_matrix_of(obj), matrix)
            yield from _objects(obj, _COUNT_FORM_OBJECTS, _FORM_OBJECT_AT, inner, depth + 1)


def _subpaths(path: int, matrix: Matrix) -> list[list[Point]]:
    """The path's pieces, one per move: their points (Bézier control points too) in user space."""
    a, b, c, d, e, f = multiply(_matrix_of(path), matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
    pieces: list[list[Point]] = []
    for i in range(_COUNT_SEGMENTS(path)):
        segment = _SEGMENT_AT(path, i)
        _SEGMENT_POINT(segment, at_x, at_y)
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        if _SEGMENT_KIND(segment) == raw.FPDF_SEGMENT_MOVETO or not pieces:
            pieces.append([point])
        else:
            pieces[-1].append(point)
    return pieces


def _rectangle(points: list[Point]) -> bool:
    """Four corners at right angles, their sides along the page's axes."""
    if len(points) != 4:
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    return ((_same(x0, x1) and _same(y1, y2) and _same(x2, x3) and _same(y3, y0))
            or (_same(y0, y1) and _same(x1, x2) and _same(y2, y3) and _same(x3, x0)))


def _same(p: float, q: float) -> bool:
    return abs(p - q) <= STRAIGHT


def _edge(view: View, p: Point, q: Point) -> dict[str, Any] | None:
    x0, top, x1, bottom = view.box(p[0], p[1], q[0], q[1])
    if abs(top - bottom) <= STRAIGHT:
        return {"x0": x0, "x1": x1, "top": top, "bottom": top, "orientation": "h"}
    if abs(x0 - x1) <= STRAIGHT:
        return {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "orientation": "v"}
    return None


def _fill_hex(path: int) -> str | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not _FILL_COLOUR(path, *map(ctypes.addressof, (r, g, b, a))):
        return None
    return normalise_hex(f"{r.value:02X}{g.value:02X}{b.value:02X}")


def read_paths(page: pdfium.PdfPage, view: View, objects: PageObjects) -> None:
    """The page's ruling edges and filled rectangles, added to ``objects``."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    at_fill_mode, at_stroke = ctypes.addressof(fill_mode), ctypes.addressof(stroke)
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    for path, matrix in _objects(handle, _COUNT_OBJECTS, _OBJECT_AT, IDENTITY, 0):
        _DRAW_MODE(path, at_fill_mode, at_stroke)
        filled = fill_mode.value != raw.FPDF_FILLMODE_NONE
        for points in _subpaths(path, matrix):
            corners = points[:-1] if len(points) == 5 and _near(points[0], points[-1]) else points
            if len(points) == 2:
                edge = _edge(view, points[0], points[1])
                if edge:
                    objects.edges.append(edge)
            elif _rectangle(corners):
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                box = view.box(min(xs), min(ys), max(xs), max(ys))
                x0, top, x1, bottom = box
                objects.edges += [{"x0": x0, "x1": x1, "top": top, "bottom": top, "orientation": "h"},
                                  {"x0": x0, "x1": x1, "top": bottom, "bottom": bottom, "orientation": "h"},
                                  {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "orientation": "v"},
                                  {"x0": x1, "x1": x1, "top": top, "bottom": bottom, "orientation": "v"}]
                if filled:
                    objects.fills.append((box, _fill_hex(path)))
            else:
                objects.edges += [e for p, q in pairwise(points) if (e := _edge(view, p, q))]


def _near(p: Point, q: Point) -> bool:
    return _same(p[0], q[0]) and _same(p[1], q[1])


def read_page_objects(page: pdfium.PdfPage) -> PageObjects:
    """One page's characters, edges and fills."""
    view = View(page)
    cx0, cy0, cx1, cy1 = _box(page.get_cropbox())
    objects = PageObjects(view.width, view.height, view.box(cx0, cy0, cx1, cy1))
    textpage = page.get_textpage()
    try:
        objects.chars = read_chars(textpage, view, objects.bbox)
    finally:
        textpage.close()
    read_paths(page, view, objects)
    return objects
