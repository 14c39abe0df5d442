"""Draw a PDF page with the table cells the extractor finds on it (``bvtrack inspect --image``).

Red boxes are the cells of the tables the PDF extractor read on the page (ruled and unruled
alike); magenta outlines are the filled rectangles cell colours come from. The page is read as
the extractor reads it (PDFium) and drawn by pdfplumber. On a page whose text runs sideways the
boxes are in the turned page's coordinates and do not line up.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractors.errors import ExtractionError
from extractors.pdf import pdfium_reason
from extractors.pdf.geometry import BBox
from extractors.pdf.page import read_page
from extractors.pdf.parts import Part
from extractors.pdf.pdfium_page import PageObjects, read_page_objects
from extractors.pdf.settings import PdfSettings


def _objects(path: str, page_number: int) -> PageObjects:
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(path, f"cannot be drawn: {pdfium_reason(exc)} (PDFium)") from exc
    try:
        if not 1 <= page_number <= len(doc):
            raise ExtractionError(path, f"no page {page_number} (the paper has {len(doc)})")
        page = doc[page_number - 1]
        try:
            return read_page_objects(page)
        finally:
            page.close()
    finally:
        doc.close()


def table_cells(path: str, page_number: int) -> list[BBox]:
    """The bounding boxes of the cells the extractor reads on one page."""
    return _cells(_objects(path, page_number), page_number)


def _cells(objects: PageObjects, page_number: int) -> list[BBox]:
    text = read_page(objects, page_number, PdfSettings())
    return [box.bbox for _, block in text.blocks if isinstance(block, Part) for row in block.rows for box in row]


def draw_page(path: str, page_number: int, out: Path, resolution: int = 100) -> Path:
    objects = _objects(path, page_number)
    cells = _cells(objects, page_number)
    with pdfplumber.open(path) as pdf:
        picture = pdf.pages[page_number - 1].to_image(resolution=resolution)
        picture.draw_rects([box for box, _ in objects.fills], stroke=(255, 0, 255), fill=(0, 0, 0, 0), stroke_width=1)
        picture.draw_rects(cells, stroke=(220, 0, 0), fill=(220, 0, 0, 25), stroke_width=2)
        picture.save(str(out), format="PNG")
    return out
