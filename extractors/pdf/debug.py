"""Draw a PDF page with the table cells the extractor finds on it (``bvtrack inspect --image``).

Red boxes are the cells of the tables the PDF extractor read on the page (ruled and unruled
alike); magenta outlines are filled rectangles, where cell colours come from. On a page whose
text runs sideways the boxes are in the turned page's coordinates and do not line up.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractors.errors import ExtractionError
from extractors.pdf.geometry import BBox
from extractors.pdf.page import read_page
from extractors.pdf.parts import Part
from extractors.pdf.settings import PdfSettings


def table_cells(path: str, page_number: int) -> list[BBox]:
    """The bounding boxes of the cells the extractor reads on one page."""
    with pdfplumber.open(path) as pdf:
        page = _page(pdf, path, page_number)
        text = read_page(page, page_number, PdfSettings())
    return [box.bbox for _, block in text.blocks if isinstance(block, Part) for row in block.rows for box in row]


def _page(pdf: object, path: str, page_number: int) -> object:
    pages = pdf.pages  # type: ignore[attr-defined]
    if not 1 <= page_number <= len(pages):
        raise ExtractionError(path, f"no page {page_number} (the paper has {len(pages)})")
    return pages[page_number - 1]


def draw_page(path: str, page_number: int, out: Path, resolution: int = 100) -> Path:
    cells = table_cells(path, page_number)
    with pdfplumber.open(path) as pdf:
        page = _page(pdf, path, page_number)
        picture = page.to_image(resolution=resolution)  # type: ignore[attr-defined]
        picture.draw_rects([r for r in page.rects if r.get("fill")],  # type: ignore[attr-defined]
                           stroke=(255, 0, 255), fill=(0, 0, 0, 0), stroke_width=1)
        picture.draw_rects(cells, stroke=(220, 0, 0), fill=(220, 0, 0, 25), stroke_width=2)
        picture.save(str(out), format="PNG")
    return out
