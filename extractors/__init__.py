"""One module per format, each turning a file into a :class:`extractors.model.Paper`.

Only this package imports the parsing libraries (openpyxl, python-docx, pdfplumber, pdfminer);
each format's module imports its library when it first reads a paper, so importing the package
is cheap.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from extractors import docx, pdf, xlsx
from extractors.errors import ExtractionError
from extractors.model import Paper

READERS: dict[str, Callable[[str], Paper]] = {"docx": docx.extract, "pdf": pdf.extract, "xlsx": xlsx.extract}
SUPPORTED = tuple(sorted(READERS))


def extract(path: str | Path, fmt: str) -> Paper:
    """Read ``path`` as ``fmt`` ("docx", "pdf" or "xlsx") into a Paper.

    Warnings the parsers raise about a file ('Workbook contains no stylesheet') are kept on
    ``Paper.warnings`` instead of going to stderr.
    """
    reader = READERS.get(fmt)
    if reader is None:
        raise ExtractionError(str(path), f"unsupported format {fmt!r}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paper = reader(str(path))
    for warning in caught:
        message = f"{warning.category.__name__}: {warning.message}"
        if message not in paper.warnings:
            paper.warnings.append(message)
    return paper


__all__ = ["SUPPORTED", "ExtractionError", "Paper", "extract"]
