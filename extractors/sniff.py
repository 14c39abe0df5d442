"""Decide a file's format by its bytes, and refuse files no parser should open.

Magic bytes decide, not the extension: ``%PDF-`` is a PDF; a zip is a .docx or .xlsx by the main
part its ``[Content_Types].xml`` declares (part names as a fallback); an OLE compound file is an
encrypted OOXML paper or a legacy .doc/.xls. Before a parser sees a file:

- a zip archive's declared uncompressed size is summed over its members and checked against
  ``Settings.max_unzipped_mb``; a member is also refused when it is large and inflates more
  than :data:`BOMB_RATIO` times (a ratio alone would refuse ordinary files). The sizes are the
  archive's claims: a parser reading a part whole has CPython's zipfile inflate all its data in
  one call before cutting it to the declared size (a part declaring 1 MB that inflates to 2 GB
  takes 2 GB of memory first). So every part is inflated here once, 1 MB at a time, counting the
  bytes and checking each part's CRC: a part whose data is more than it declares fails its check
  after its first declared bytes, and the archive is refused before any parser opens it, with
  memory to spare and no memory limit's help (Windows has none). An archive whose members could
  not inflate past the limit even at DEFLATE's largest ratio (a paper of up to about 190 KB at the
  default limit) needs no such trial;
- a PDF's declared page count (its page tree's ``/Count``) and the pages its tree really holds
  (walked without parsing any page) are checked against ``Settings.max_pages``; a PDF holding
  more pages than it declares is refused as damaged (PDFium, which reads PDFs, trusts the
  declared count and would read the declared pages only); a PDF that needs a password is refused.

:func:`peek` is the cheap look (magic bytes and the zip's directory, no parser) the parent
process uses to tell a paper from a stray file; :func:`sniff` runs in the worker, under its
time and memory limits.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from extractors.errors import ExtractionError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # readers accept junk before the header up to this offset
DEFAULT_MAX_UNZIPPED_MB = 200
DEFAULT_MAX_PAGES = 500
MAX_ZIP_MEMBERS = 10_000
BOMB_FLOOR_BYTES = 50 * 2**20  # the ratio test applies to members larger than this when inflated
BOMB_RATIO = 200
CONTENT_TYPES_MAX_BYTES = 2**20
INFLATE_CHUNK = 2**20
DEFLATE_MAX_RATIO = 1032  # DEFLATE's largest expansion: a 258-byte match in little over 2 bits (zlib's notes)
DEFLATE_SLACK = 1024  # and a few bytes of block headers, per member

MAIN_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "docx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docx",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsx",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
CONTENT_TYPE = re.compile(rb'ContentType\s*=\s*"([^"]+)"')


class SniffError(ExtractionError):
    """The file is not a paper bvtrack can read; ``reason`` is the quarantine reason."""

    def __init__(self, path: Path | str, reason: str, page: int | None = None):
        super().__init__(str(path), reason, page)


# ---- the cheap look --------------------------------------------------------------------------------

def _head(path: Path, n: int) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    """'docx', 'xlsx', 'pptx', 'opendocument' or 'zip' (some other archive)."""
    if "[Content_Types].xml" in names:
        with archive.open("[Content_Types].xml") as fh:
            declared = fh.read(CONTENT_TYPES_MAX_BYTES)
        for match in CONTENT_TYPE.finditer(declared):
            kind = MAIN_CONTENT_TYPES.get(match.group(1).decode("ascii", "replace").strip())
            if kind:
                return kind
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        return "xlsx"
    if "mimetype" in names and "content.xml" in names:
        return "opendocument"
    return "zip"


def peek(path: Path) -> str | None:
    """What the bytes say, cheaply: 'pdf', 'docx', 'xlsx', 'pptx', 'opendocument', 'zip', 'ole',
    'empty', or None for anything else (text, images, unreadable). Never raises for content."""
    try:
        head = _head(path, PDF_HEADER_WINDOW)
    except OSError:
        return None
    if not head:
        return "empty"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                return _zip_kind(archive, set(archive.namelist()))
        except Exception:  # a damaged archive is still a zip: let sniff give the reason
            return "zip"
    return "pdf" if PDF_MAGIC in head else None


# ---- the full check, in the worker -------------------------------------------------------------------

def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], max_unzipped_bytes: int) -> None:
    if len(infos) > MAX_ZIP_MEMBERS:
        raise SniffError(path, f"zip archive of {len(infos):,} parts, over the limit of {MAX_ZIP_MEMBERS:,} "
                               "(zip bomb?)")
    total = sum(info.file_size for info in infos)
    if total > max_unzipped_bytes:
        raise SniffError(path, f"archive inflates to {_mb(total)}, over the {_mb(max_unzipped_bytes)} limit "
                               "(max_unzipped_mb; zip bomb?)")
    for info in infos:
        if info.file_size > BOMB_FLOOR_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise SniffError(path, f"part {info.filename} inflates {info.file_size // max(info.compress_size, 1):,} "
                                   f"times to {_mb(info.file_size)} (zip bomb?)")


ZIP_KIND_REASONS = {
    "pptx": "a PowerPoint presentation, not a paper bvtrack reads (.docx, .xlsx, .pdf)",
    "opendocument": "an OpenDocument file (.odt/.ods): save it as .docx or .xlsx",
    "zip": "zip archive that is neither a Word document nor an Excel workbook",
}


def _bounded(infos: list[zipfile.ZipInfo], max_unzipped_bytes: int) -> bool:
    """True where the members cannot inflate past the limit whatever their data: each is stored or
    deflated (DEFLATE expands at most :data:`DEFLATE_MAX_RATIO` times; zipfile reads no more than a
    member's declared compressed size), none is encrypted, and the sum of their bounds is within it.
    A paper of a few hundred kilobytes is then not inflated twice; a larger one still is."""
    worst = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return False
        if info.compress_type == zipfile.ZIP_STORED:
            worst += info.compress_size
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            worst += info.compress_size * DEFLATE_MAX_RATIO + DEFLATE_SLACK
        else:
            return False
    return worst <= max_unzipped_bytes


def _check_inflated(path: Path, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                    max_unzipped_bytes: int) -> None:
    """Inflate every member once, counting, and stop as soon as the real total is over the limit."""
    total = 0
    for info in infos:
        try:
            with archive.open(info) as member:
                while chunk := member.read(INFLATE_CHUNK):
                    total += len(chunk)
                    if total > max_unzipped_bytes:
                        raise SniffError(path, f"archive inflates to over {_mb(max_unzipped_bytes)}, more than its "
                                               f"parts declare (max_unzipped_mb; zip bomb?)")
        except zipfile.BadZipFile as exc:
            raise SniffError(path, f"damaged zip archive: part {info.filename} does not inflate to the "
                                   f"{info.file_size:,} bytes it declares ({exc}; zip bomb?)") from exc


def _zip_format(path: Path, max_unzipped_bytes: int) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(path, infos, max_unzipped_bytes)
            kind = _zip_kind(archive, {info.filename for info in infos})
            if kind in ("docx", "xlsx") and not _bounded(infos, max_unzipped_bytes):
                _check_inflated(path, archive, infos, max_unzipped_bytes)
    except SniffError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError) as exc:
        raise SniffError(path, f"damaged zip archive: {exc}") from exc
    except Exception as exc:  # zlib.error and the like from a damaged [Content_Types].xml
        raise SniffError(path, f"damaged zip archive: {type(exc).__name__}: {exc}") from exc
    if kind in ("docx", "xlsx"):
        return kind
    raise SniffError(path, ZIP_KIND_REASONS[kind])


OLE_KINDS = {"Doc97File": "a Word 97-2003 (.doc) file: save it as .docx",
             "Xls97File": "an Excel 97-2003 (.xls) file: save it as .xlsx",
             "Ppt97File": "a PowerPoint 97-2003 (.ppt) file, not a paper"}


def _ole_reason(path: Path) -> str:
    try:
        import msoffcrypto  # loads cryptography (0.1 s): only for the rare OLE file

        with path.open("rb") as fh:
            office = msoffcrypto.OfficeFile(fh)
            if office.is_encrypted():
                return "encrypted: password-protected Office document"
            kind = type(office).__name__
    except Exception as exc:  # msoffcrypto raises many types on OLE files it does not know (.msg)
        return f"an OLE file that is not a Word or Excel document (an Outlook message?) ({type(exc).__name__})"
    return OLE_KINDS.get(kind, "legacy Office (OLE) file (.doc/.xls): save it as .docx/.xlsx")


def _pdf_page_count(path: Path) -> tuple[int | None, int | None]:
    """The page tree's declared ``/Count`` and the pages it really holds (walked, pdfminer's way);
    raises SniffError if the PDF needs a password.

    None where the file's structure cannot be read this way: the extractor, which repairs what it
    can, has the last word. PDFium trusts the declared count, so a file declaring fewer pages than
    it holds is caught here.
    """
    with path.open("rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh))
        except PDFPasswordIncorrect as exc:
            raise SniffError(path, "encrypted: password-protected PDF") from exc
        except Exception:
            return None, None
        try:
            pages = resolve1(document.catalog.get("Pages"))
            count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
        except Exception:
            count = None
        declared = count if isinstance(count, int) and not isinstance(count, bool) else None
        try:
            held: int | None = sum(1 for _ in PDFPage.create_pages(document))
        except Exception:
            held = None
    return declared, held


def _check_pdf(path: Path, max_pages: int) -> str:
    declared, held = _pdf_page_count(path)
    for count in (declared, held):
        if count is not None and count > max_pages:
            raise SniffError(path, f"{count:,} pages, over the limit of {max_pages:,} (max_pages)")
    if declared is not None and held is not None and held > declared:  # PDFium would read the declared ones only
        raise SniffError(path, f"damaged: its page tree holds {held:,} pages but says it has {declared:,}")
    return "pdf"


def sniff(path: Path, settings: Any = None) -> str:
    """Return "docx", "pdf" or "xlsx" for ``path``, or raise SniffError with the reason."""
    max_mb = getattr(settings, "max_unzipped_mb", DEFAULT_MAX_UNZIPPED_MB)
    max_pages = getattr(settings, "max_pages", DEFAULT_MAX_PAGES)
    try:
        head = _head(path, PDF_HEADER_WINDOW)
    except OSError as exc:
        raise SniffError(path, f"cannot be opened: {exc.strerror or exc}") from exc
    if not head:
        raise SniffError(path, "empty file")
    if head.startswith(ZIP_MAGIC):
        return _zip_format(path, int(max_mb * 2**20))
    if head.startswith(OLE_MAGIC):
        raise SniffError(path, _ole_reason(path))
    if PDF_MAGIC in head:  # at the start, or after junk readers tolerate
        return _check_pdf(path, max_pages)
    raise SniffError(path, "not a .docx, .pdf or .xlsx file (unrecognised content)")
