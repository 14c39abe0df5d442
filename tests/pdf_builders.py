"""Small PDFs built with reportlab for the PDF extractor's tests.

Tables are drawn on the canvas cell by cell, as word processors and spreadsheets print them:
text lines at a fixed leading, optional rulings, optional filled rectangles under cells. A cell's
text is given with its line breaks ("\\n"), so what the extractor should read back is known exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

Colour = tuple[float, ...]  # 1 value grey, 3 RGB, 4 CMYK, each 0-1
FONT = "Helvetica"
BOLD = "Helvetica-Bold"

RED: Colour = (1.0, 0.0, 0.0)
AMBER: Colour = (1.0, 0.7529, 0.0)
GREEN: Colour = (0.0, 0.6902, 0.3137)
BLUE_CMYK: Colour = (1.0, 0.42, 0.0, 0.25)  # prints as 0070BF
GREY: Colour = (0.75,)
HEADER_BLUE: Colour = (0.1216, 0.3059, 0.4706)


@dataclass
class TableDrawing:
    """A table to draw: column widths, rows of cell texts, and fills by (row, col)."""

    widths: Sequence[float]
    rows: Sequence[Sequence[str]]
    fills: dict[tuple[int, int], Colour] = field(default_factory=dict)
    ruled: bool = True
    size: float = 9.0
    bold_rows: int = 1  # the first rows are set in bold (the header)
    padding: float = 3.0

    @property
    def leading(self) -> float:
        return self.size * 1.2

    def row_height(self, row: Sequence[str]) -> float:
        lines = max((text.count("\n") + 1 for text in row), default=1)
        return lines * self.leading + 2 * self.padding


def set_fill(canvas: Canvas, colour: Colour) -> None:
    if len(colour) == 1:
        canvas.setFillGray(colour[0])
    elif len(colour) == 3:
        canvas.setFillColorRGB(*colour)
    else:
        canvas.setFillColorCMYK(*colour)


def draw_table(canvas: Canvas, table: TableDrawing, x: float, top: float) -> float:
    """Draw ``table`` with its top-left corner at (x, top), top measured down from the page's top
    edge; return the top of the space below it."""
    height = canvas._pagesize[1]
    y = height - top
    for r, row in enumerate(table.rows):
        row_h = table.row_height(row)
        cx = x
        for c, text in enumerate(row):
            width = table.widths[c]
            if (r, c) in table.fills:
                set_fill(canvas, table.fills[(r, c)])
                canvas.rect(cx, y - row_h, width, row_h, stroke=0, fill=1)
            canvas.setFillGray(0)
            canvas.setFont(BOLD if r < table.bold_rows else FONT, table.size)
            for i, line in enumerate(text.split("\n")):
                canvas.drawString(cx + table.padding, y - table.padding - table.size - i * table.leading, line)
            cx += width
        if table.ruled:
            canvas.setLineWidth(0.5)
            canvas.line(x, y, cx, y)
            canvas.line(x, y - row_h, cx, y - row_h)
            edge = x
            for width in [0.0, *table.widths]:
                edge += width
                canvas.line(edge, y, edge, y - row_h)
        y -= row_h
    return height - y


def draw_lines(canvas: Canvas, lines: Sequence[str], x: float, top: float, size: float = 10.0,
               font: str = FONT) -> float:
    """Running text, one string per printed line; return the top of the space below it."""
    height = canvas._pagesize[1]
    canvas.setFillGray(0)
    canvas.setFont(font, size)
    for i, line in enumerate(lines):
        canvas.drawString(x, height - top - size - i * size * 1.2, line)
    return top + len(lines) * size * 1.2


def new_canvas(path: Path, pagesize: tuple[float, float] = landscape(A4), **kwargs: object) -> Canvas:
    canvas = Canvas(str(path), pagesize=pagesize, **kwargs)  # type: ignore[arg-type]
    canvas.setPageCompression(0)
    return canvas


ACTION_HEADER = ["Ref", "Action", "Lead", "Target Date", "% Complete", "Progress"]
ACTION_WIDTHS = [40, 220, 90, 70, 60, 250]


def action_rows(first: int, count: int) -> list[list[str]]:
    """``count`` action rows numbered from ``first``, each with a wrapped action and progress."""
    return [[str(n), f"Action number {n} of the plan,\nwrapped onto a second line", f"Lead {n}",
             f"{n:02d}/03/2022", f"{(n * 10) % 100}%", f"Progress note {n}\nsecond line\nthird line"]
            for n in range(first, first + count)]


RUNNING_HEADER = "Audit and Scrutiny Committee, 15 February 2021"


def ruled_pages(path: Path, pages: Sequence[Sequence[Sequence[str]]], header: Sequence[str] = ACTION_HEADER,
                widths: Sequence[float] = ACTION_WIDTHS, furniture: bool = False) -> Path:
    """One ruled table over several pages, its header row repeated at the top of each; with
    ``furniture``, a running header and 'Page n of N' at the foot of each page."""
    canvas = new_canvas(path)
    draw_lines(canvas, ["Improvement Plan: progress report"], 40, 30, size=14, font=BOLD)
    for number, rows in enumerate(pages, start=1):
        top = 60 if number == 1 else 40
        draw_table(canvas, TableDrawing(widths, [header, *rows]), 40, top)
        if furniture:
            draw_lines(canvas, [RUNNING_HEADER], 600, 12, size=8)
            draw_lines(canvas, [f"Page {number} of {len(pages)}"], 380, 570, size=8)
        canvas.showPage()
    canvas.save()
    return path


def scanned(path: Path) -> Path:
    """A page that is only a picture (a scan): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(picture).text((20, 80), "Action 1: Lead officer, 50%", fill="black")
    canvas = new_canvas(path)
    canvas.drawImage(ImageReader(picture), 40, 300, width=400, height=200)
    canvas.showPage()
    canvas.save()
    return path


def encrypted(path: Path, user_password: str = "secret") -> Path:
    """A small paper encrypted with a password (an empty one opens without asking)."""
    from reportlab.lib import pdfencrypt

    encrypt = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", canModify=0)
    canvas = new_canvas(path, encrypt=encrypt)
    draw_lines(canvas, ["Audit Recommendation: Encrypt what is confidential"], 40, 40)
    draw_table(canvas, TableDrawing(ACTION_WIDTHS, [ACTION_HEADER, *action_rows(1, 2)]), 40, 70)
    canvas.showPage()
    canvas.save()
    return path


def _cid_text_pdf(path: Path, encoding: bytes, cmap_entries: bytes, codes: bytes, size: float) -> Path:
    """One page with ``codes`` (hex) shown in one text object of a CID font with ``encoding``
    (Identity-H, Identity-V), mapped to text by a ToUnicode map of ``cmap_entries``, and a line of
    Helvetica beside it; written object by object."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + cmap_entries +
            b"\nendcmap CMapName currentdict /CMap defineresource pop end end")
    content = b"BT /F1 %g Tf 300 700 Td <%s> Tj ET\nBT /F2 12 Tf 72 500 Td (Plain text) Tj ET" % (size, codes)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 8 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /%s /DescendantFonts [6 0 R]"
        b" /ToUnicode 7 0 R >>" % encoding,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 1000 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def written_vertically(path: Path, text: str = "ABCDE", size: float = 20.0) -> Path:
    """A page with ``text`` written top to bottom in one text object (a CID font with the Identity-V
    encoding, as Japanese is set vertically: each glyph moves the pen down by one em) and a line of
    Helvetica beside it. reportlab cannot write vertical text PDFium reads, so the file is written
    here object by object; a ToUnicode map makes code 1 'A', code 2 'B' and so on."""
    codes = "".join(f"{ord(c) - ord('A') + 1:04X}" for c in text).encode()
    return _cid_text_pdf(path, b"Identity-V", b"1 beginbfrange <0001> <00FF> <0041> endbfrange", codes, size)


def mapped_text(path: Path, units: Sequence[str]) -> Path:
    """A line of ``len(units)`` characters whose ToUnicode map gives character ``i`` the UTF-16 code
    units ``units[i]`` in hex: '0041' is 'A', 'D835DC5D' the pair of halves of U+1D45D ('𝑝',
    outside the Basic Multilingual Plane), 'D835' a first half alone (no character)."""
    entries = b"%d beginbfchar %s endbfchar" % (len(units), b" ".join(
        b"<%04X> <%s>" % (i, unit.encode()) for i, unit in enumerate(units, start=1)))
    codes = b"".join(b"%04X" % i for i in range(1, len(units) + 1))
    return _cid_text_pdf(path, b"Identity-H", entries, codes, 20.0)


def side_by_side_tables(path: Path) -> Path:
    """A sheet of two action tables next to each other as a spreadsheet prints it: their headings
    on one line above them, a line of text below both."""
    widths, header = [30, 130, 100, 60, 50], ["Ref", "Action", "Lead", "Due", "%"]
    left = [header, ["C1", "Recruit foster carers", "Fostering Manager", "31/03/2025", "30%"],
            ["C2", "Expand family support", "Family Support Manager", "30/06/2025", "35%"]]
    right = [header, ["F1", "Introduce a finance system", "Head of Finance", "30/09/2025", "40%"]]
    canvas = new_canvas(path)
    draw_lines(canvas, ["Report Date: 06/02/2025"], 40, 40)
    draw_lines(canvas, ["Workstream 1: Children and Families"], 40, 70)
    draw_lines(canvas, ["Workstream 2: Finance"], 440, 70)
    below = draw_table(canvas, TableDrawing(widths, left), 40, 90)
    draw_table(canvas, TableDrawing(widths, right), 440, 90)
    draw_lines(canvas, ["A note below the tables stays where it is"], 40, below + 20)
    canvas.save()
    return path
