"""Draw a PDF page with the table cells pdfplumber finds on it (``bvtrack inspect --image``)."""

from __future__ import annotations

from pathlib import Path


def draw_page(path: str, page_number: int, out: Path, resolution: int = 100) -> Path:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        if not 1 <= page_number <= len(pdf.pages):
            raise ValueError(f"{path}: no page {page_number} (the paper has {len(pdf.pages)})")
        page = pdf.pages[page_number - 1]
        picture = page.to_image(resolution=resolution)
        picture.debug_tablefinder()
        picture.draw_rects([r for r in page.rects if r.get("fill")], stroke=(255, 0, 255), fill=(0, 0, 0, 0))
        picture.save(str(out), format="PNG")
    return out
