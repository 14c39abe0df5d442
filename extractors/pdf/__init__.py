"""PDF papers with pdfplumber: running text and tables, in reading order.

Each page is read once: its words (with their characters), filled rectangles and ruled tables.

- **Ruled tables** come from pdfplumber's table finder (lines strategy). Their grid is the set of
  distinct cell edges, so a merged cell keeps its span, and text inside the grid where no ruled
  cell is ('Key' left of a ruled colour key) gets a cell of its own. Words are split where they
  cross a cell edge: text printed edge to edge in two cells runs together ('70May').
- **Unruled rows above a ruled table** whose text sits in its columns, in two or more of them
  (a register's headings, a header row without borders), join it; so do the rows under a table
  that is a single ruled or shaded row (a header over a borderless body). Full-width shaded bands
  behind rows (zebra stripes) are not a one-column table.
- **Tables without rulings**: a line of three or more separated text segments starts one; its
  column gutters are those no word of the following lines crosses; a row starts where the first
  column has text or after a wider gap, so wrapped cells stay one cell. Running text set in two
  or three columns is not a table: its lines fill their columns.
- **Fills**: a cell's fill is the last filled rectangle drawn over most of it (white: none).
- **Paragraphs**: other lines, joined while the previous line was wrapped (the next line's first
  word would not have fitted on it). Page numbers, and running headers and footers (the same text
  in the margin of two pages or more), are dropped: a Word document keeps them out of its body.
- **Pages whose text runs sideways** (a landscape table printed on a portrait page) are turned to
  read left to right first. A page without characters has no text layer (a scan).
- **Across pages**, a table ending in the lower half of one page and one starting the next with
  the same outer edges, with nothing but running headers and footers between them, are one
  table: header rows repeated on the continuation are dropped, and a first row with nothing in
  the table's key column (its leftmost column that mostly has text, the action number) continues
  the row above.

The modules:

- ``pdf`` (this one): the entry point; opens the file, reads each page, turns failures into
  ``ExtractionError`` naming the file and page.
- ``pdf_page``: one page read once and laid out; ``pdf_rotation`` turns sideways pages upright.
- ``pdf_words``: words from characters, lines from words; ``pdf_geometry``: boxes and edges.
- ``pdf_ruled``, ``pdf_unruled``: ruled tables, and rows and tables without rulings, as
  ``pdf_parts`` (cells being read, with their fills); ``pdf_paragraphs``: the running text.
- ``pdf_across_pages``: running headers and footers dropped, tables joined over page breaks.
- ``pdf_settings``: the tolerances.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from extractors.errors import ExtractionError
from extractors.model import Paper
from extractors.pdf.across_pages import assemble
from extractors.pdf.objects import lean
from extractors.pdf.page import read_page
from extractors.pdf.parts import PageText
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Word, text_of

__all__ = ["PdfSettings", "Word", "extract", "text_of"]


def describe(exc: BaseException) -> str:
    """An exception as its type and message, shortened; pdfplumber's wrapper as the error it wraps."""
    cause = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
    if not isinstance(cause, BaseException):
        return f"{type(exc).__name__}: {cause}"[:200]
    text = f"{type(cause).__name__}: {cause}".rstrip(": ")
    return text if len(text) <= 200 else text[:199] + "…"


def _open(path: str) -> Any:
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types on damaged files; pdfplumber wraps most
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):  # PDFPasswordIncorrect, or an unsupported scheme
            raise ExtractionError(path, f"encrypted: {type(cause).__name__}") from exc
        raise ExtractionError(path, f"cannot be read as a PDF: {describe(exc)}") from exc


def _close(pdf: Any) -> None:
    """Close the file even when pdfplumber's close, which lists the pages again, fails."""
    try:
        pdf.close()
    except Exception:
        if not getattr(pdf, "stream_is_external", True):
            pdf.stream.close()


def read_pages(pdf: Any, path: str, cfg: PdfSettings) -> list[PageText]:
    """Every page read in turn, each closed once read; a paper with no pages or too many is refused."""
    try:
        all_pages = pdf.pages
    except Exception as exc:
        raise ExtractionError(path, f"cannot list the pages: {describe(exc)}") from exc
    if not all_pages:
        raise ExtractionError(path, "no pages")
    if len(all_pages) > cfg.max_pages:
        raise ExtractionError(path, f"{len(all_pages):,} pages, over the limit of {cfg.max_pages:,} (max_pages)")
    pages = []
    for number, page in enumerate(all_pages, start=1):
        try:
            pages.append(read_page(lean(page), number, cfg))
        except Exception as exc:  # pdfminer and pdfplumber fail in many ways on damaged pages
            raise ExtractionError(path, f"cannot be read on page {number}: {describe(exc)}", page=number) from exc
        finally:
            page.close()
    return pages


def extract(path: str, settings: PdfSettings | dict[str, Any] | None = None) -> Paper:
    """Read a PDF paper into paragraphs and tables; raise ExtractionError when it cannot be read."""
    cfg = PdfSettings.resolve(settings)
    pdf = _open(path)
    try:
        pages = read_pages(pdf, path, cfg)
        modified = pdf_date(_info(pdf, "ModDate")) or pdf_date(_info(pdf, "CreationDate"))
    finally:
        _close(pdf)
    if not any(page.n_chars for page in pages):
        raise ExtractionError(path, "no text layer")
    return Paper(path=path, format="pdf", blocks=assemble(pages, cfg), n_pages=len(pages), modified=modified)


def _info(pdf: Any, key: str) -> Any:
    try:
        return (pdf.metadata or {}).get(key)
    except Exception:  # a damaged information dictionary: no date, not a failure
        return None


PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def pdf_date(value: Any) -> dt.datetime | None:
    """A PDF date string ('D:20220314101500Z') as a datetime; None where it is not one."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    m = PDF_DATE.match(value) if isinstance(value, str) else None
    if not m:
        return None
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(m.groups(), (0, 1, 1, 0, 0, 0),
                                                                                     strict=True))
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
