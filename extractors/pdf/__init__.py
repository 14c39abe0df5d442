"""PDF papers: running text and tables, in reading order.

Each page is read once, by PDFium: its characters, ruling edges and filled rectangles; the tables
and paragraphs are bvtrack's own reading of them. A file PDFium will not open (pdfminer opens some
of those: a file without its '%PDF-' header) is read by pdfminer, through pdfplumber, into the same
characters, edges and fills; an encrypted one is refused with that reason.

- **Ruled tables** are the cells the ruling edges enclose (``grid``). Their grid is the set of
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

- ``pdf`` (this one): the entry point; opens the file with PDFium (or pdfminer), reads each
  page, turns failures into ``ExtractionError`` naming the file and page.
- ``pdfium_page``: a page's characters, edges and fills from PDFium; ``pdfminer_page``: the same
  from pdfplumber, the second reader; ``chars``: a character as both give it (a tuple, its run's
  font, size and direction one shared ``Style``).
- ``page``: one page laid out; ``rotation`` turns sideways pages upright.
- ``grid``: the cells of ruled tables from the ruling edges; ``words``: words from characters,
  lines from words; ``geometry``: boxes and edges.
- ``ruled``, ``unruled``: ruled tables, and rows and tables without rulings, as ``parts`` (cells
  being read, with their fills); ``paragraphs``: the running text.
- ``across_pages``: running headers and footers dropped, tables joined over page breaks.
- ``settings``: the tolerances; ``debug``: the picture behind ``bvtrack inspect --image``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError

from extractors.errors import ExtractionError
from extractors.model import Paper
from extractors.pdf.across_pages import assemble
from extractors.pdf.page import read_page
from extractors.pdf.parts import PageText
from extractors.pdf.pdfium_page import read_page_objects
from extractors.pdf.pdfminer_page import page_objects
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Word, text_of

__all__ = ["PdfSettings", "Word", "extract", "text_of"]

PDFIUM_PASSWORD = "Incorrect password"  # in PDFium's message for an encrypted file


def describe(exc: BaseException) -> str:
    """An exception as its type and message, shortened; pdfplumber's wrapper as the error it wraps."""
    cause = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
    if not isinstance(cause, BaseException):
        return f"{type(exc).__name__}: {cause}"[:200]
    text = f"{type(cause).__name__}: {cause}".rstrip(": ")
    return text if len(text) <= 200 else text[:199] + "…"


def pdfium_reason(exc: pdfium.PdfiumError) -> str:
    """PDFium's error in words: 'Failed to load document (PDFium: Data format error).' -> 'data format error'."""
    text = str(exc)
    inner = re.search(r"\(PDFium: ([^)]*)\)", text)
    said = (inner.group(1) if inner else text).strip(" .").lower()
    if said == "success":  # PDFium failed without naming why ('Failed to load document (PDFium: Success)'): what failed
        said = text[:inner.start()].strip(" .").lower() if inner else ""
    return said or "unknown error"


# ---- the first reader: PDFium ------------------------------------------------------------------

def _pdfium_pages(path: str, cfg: PdfSettings) -> tuple[list[PageText], dt.datetime | None]:
    doc = pdfium.PdfDocument(path)  # PdfiumError where PDFium cannot open it
    try:
        _check_count(len(doc), path, cfg)
        pages = []
        for number in range(1, len(doc) + 1):
            try:
                page = doc[number - 1]
                try:
                    objects = read_page_objects(page)
                finally:
                    page.close()
                pages.append(read_page(objects, number, cfg))
            except Exception as exc:  # PDFium and the layout fail in many ways on damaged pages
                raise ExtractionError(path, f"cannot be read on page {number}: {describe(exc)}", page=number) from exc
        modified = pdf_date(_pdfium_info(doc, "ModDate")) or pdf_date(_pdfium_info(doc, "CreationDate"))
    finally:
        doc.close()
    return pages, modified


def _pdfium_info(doc: pdfium.PdfDocument, key: str) -> Any:
    try:
        return doc.get_metadata_value(key)
    except Exception:  # a damaged information dictionary: no date, not a failure
        return None


def _check_count(count: int, path: str, cfg: PdfSettings) -> None:
    if not count:
        raise ExtractionError(path, "no pages")
    if count > cfg.max_pages:
        raise ExtractionError(path, f"{count:,} pages, over the limit of {cfg.max_pages:,} (max_pages)")


# ---- the second reader: pdfminer, for a file PDFium refuses -------------------------------------

def _open(path: str, refused: str) -> Any:
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types on damaged files; pdfplumber wraps most
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):  # PDFPasswordIncorrect, or an unsupported scheme
            raise ExtractionError(path, f"encrypted: {type(cause).__name__}") from exc
        raise ExtractionError(path, f"cannot be read as a PDF: {refused} (PDFium); {describe(exc)} (pdfminer)") from exc


def _close(pdf: Any) -> None:
    """Close the file even when pdfplumber's close, which lists the pages again, fails."""
    try:
        pdf.close()
    except Exception:
        if not getattr(pdf, "stream_is_external", True):
            pdf.stream.close()


def read_pages(pdf: Any, path: str, cfg: PdfSettings) -> list[PageText]:
    """Every page read in turn by pdfminer, each closed once read."""
    try:
        all_pages = pdf.pages
    except Exception as exc:
        raise ExtractionError(path, f"cannot list the pages: {describe(exc)}") from exc
    _check_count(len(all_pages), path, cfg)
    pages = []
    for number, page in enumerate(all_pages, start=1):
        try:
            pages.append(read_page(page_objects(page), number, cfg))
        except Exception as exc:  # pdfminer and pdfplumber fail in many ways on damaged pages
            raise ExtractionError(path, f"cannot be read on page {number}: {describe(exc)}", page=number) from exc
        finally:
            page.close()
    return pages


def _pdfminer_pages(path: str, cfg: PdfSettings, refused: str) -> tuple[list[PageText], dt.datetime | None]:
    pdf = _open(path, refused)
    try:
        pages = read_pages(pdf, path, cfg)
        modified = pdf_date(_info(pdf, "ModDate")) or pdf_date(_info(pdf, "CreationDate"))
    finally:
        _close(pdf)
    return pages, modified


def extract(path: str, settings: PdfSettings | dict[str, Any] | None = None) -> Paper:
    """Read a PDF paper into paragraphs and tables (by PDFium; by pdfminer where PDFium cannot open
    the file); raise ExtractionError when it cannot be read."""
    cfg = PdfSettings.resolve(settings)
    try:
        pages, modified = _pdfium_pages(path, cfg)
    except pdfium.PdfiumError as exc:  # PDFium cannot open it: pdfminer may
        reason = pdfium_reason(exc)
        if PDFIUM_PASSWORD.lower() in reason:
            raise ExtractionError(path, "encrypted: a password is needed to open it") from exc
        pages, modified = _pdfminer_pages(path, cfg, reason)
    return _paper(path, pages, modified, cfg)


def extract_by_pdfminer(path: str, settings: PdfSettings | dict[str, Any] | None = None) -> Paper:
    """The second reader alone (the tests hold the two readers' Papers side by side)."""
    cfg = PdfSettings.resolve(settings)
    return _paper(path, *_pdfminer_pages(path, cfg, "not tried"), cfg)


def _paper(path: str, pages: list[PageText], modified: dt.datetime | None, cfg: PdfSettings) -> Paper:
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
