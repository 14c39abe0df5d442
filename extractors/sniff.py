"""Decide a file's format by its bytes, and refuse files no parser should open.

Magic bytes decide, not the extension: ``%PDF-`` is a PDF; a zip is a .docx or .xlsx by its
``[Content_Types].xml`` and part names; an OLE compound file is an encrypted OOXML paper or a
legacy .doc/.xls. Zip archives are checked for their uncompressed size (zip bombs) first.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"


class SniffError(Exception):
    """The file is not a paper bvtrack can read; ``reason`` is the quarantine reason."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _zip_format(path: Path, max_unzipped_bytes: int) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SniffError(path, f"damaged zip archive: {exc}") from exc
    total = sum(info.file_size for info in infos)
    if total > max_unzipped_bytes:
        raise SniffError(
            path, f"archive inflates to {total / 2**20:.0f} MB, over the {max_unzipped_bytes / 2**20:.0f} MB "
            "limit (zip bomb?)")
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        return "xlsx"
    raise SniffError(path, "zip archive that is neither a Word document nor an Excel workbook")


def _ole_reason(path: Path) -> str:
    try:
        import msoffcrypto

        with path.open("rb") as fh:
            office = msoffcrypto.OfficeFile(fh)
            if office.is_encrypted():
                return "encrypted: password-protected Office document"
    except Exception as exc:  # msoffcrypto raises many types on files it does not know
        return f"legacy Office (OLE) file, not .docx/.xlsx ({type(exc).__name__})"
    return "legacy Office (OLE) file (.doc/.xls): save it as .docx/.xlsx"


def sniff(path: Path, settings: Any = None) -> str:
    """Return "docx", "pdf" or "xlsx" for ``path``, or raise SniffError with the reason."""
    max_mb = getattr(settings, "max_unzipped_mb", 200)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise SniffError(path, f"cannot be opened: {exc.strerror or exc}") from exc
    if not head:
        raise SniffError(path, "empty file")
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _zip_format(path, max_mb * 2**20)
    if head.startswith(OLE_MAGIC):
        raise SniffError(path, _ole_reason(path))
    # a PDF may carry junk before its header (up to 1 KiB is tolerated by readers)
    with path.open("rb") as fh:
        if PDF_MAGIC in fh.read(1024):
            return "pdf"
    raise SniffError(path, "not a .docx, .pdf or .xlsx file (unrecognised content)")
