"""One module per format, each turning a file into a :class:`extractors.model.Paper`.

Only this package imports the parsing libraries (openpyxl, python-docx, pypdfium2, pdfplumber,
pdfminer); python-docx and openpyxl are imported when a paper first needs them. Papers are read in
the run's worker processes only (``pipeline.batch.workers``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from extractors import docx, pdf, xlsx
from extractors.errors import ExtractionError
from extractors.model import Limits, Paper
from extractors.storable import storable

READERS: dict[str, Callable[[str, Limits], Paper]] = {
    "docx": lambda path, limits: docx.extract(path),
    "pdf": lambda path, limits: pdf.extract(path, pdf.PdfSettings(max_pages=limits.max_pages)),
    "xlsx": lambda path, limits: xlsx.extract(path),
}
SUPPORTED = tuple(sorted(READERS))


def extract(path: str | Path, fmt: str, limits: Limits | None = None) -> Paper:
    """Read ``path`` as ``fmt`` ("docx", "pdf" or "xlsx") into a Paper, within ``limits`` (the
    pages a PDF really has, the table rows any paper really has; ExtractionError over them).

    Warnings the parsers raise about a file ('Workbook contains no stylesheet') are kept on
    ``Paper.warnings`` instead of going to stderr. Its text is text UTF-8 can hold
    (:mod:`extractors.storable`).
    """
    limits = limits or Limits()
    reader = READERS.get(fmt)
    if reader is None:
        raise ExtractionError(str(path), f"unsupported format {fmt!r}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paper = reader(str(path), limits)
    rows = sum(len(table.rows) for table in paper.tables)
    if rows > limits.max_rows:
        raise ExtractionError(str(path), f"{rows:,} table rows, over the limit of {limits.max_rows:,} (max_rows)")
    for warning in caught:
        message = f"{warning.category.__name__}: {warning.message}"
        if message not in paper.warnings:
            paper.warnings.append(message)
    return storable(paper)


__all__ = ["SUPPORTED", "ExtractionError", "Paper", "extract"]
