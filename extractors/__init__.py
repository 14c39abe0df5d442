"""One module per format, each turning a file into a :class:`extractors.model.Paper`.

Only this package imports the parsing libraries (openpyxl, python-docx, pdfplumber).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from extractors.model import ExtractionError, Paper

SUPPORTED = ("docx", "pdf", "xlsx")


def extract(path: str | Path, fmt: str) -> Paper:
    """Read ``path`` as ``fmt`` ("docx", "pdf" or "xlsx") into a Paper.

    Warnings the parsers raise about a file ('Workbook contains no stylesheet') are kept on
    ``Paper.warnings`` instead of going to stderr.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paper = _extract(path, fmt)
    for warning in caught:
        message = f"{warning.category.__name__}: {warning.message}"
        if message not in paper.warnings:
            paper.warnings.append(message)
    return paper


def _extract(path: str | Path, fmt: str) -> Paper:
    if fmt == "xlsx":
        from extractors import xlsx

        return xlsx.extract(str(path))
    if fmt == "docx":
        from extractors import docx

        return docx.extract(str(path))
    if fmt == "pdf":
        from extractors import pdf

        return pdf.extract(str(path))
    raise ExtractionError(str(path), f"unsupported format {fmt!r}")


__all__ = ["SUPPORTED", "ExtractionError", "Paper", "extract"]
