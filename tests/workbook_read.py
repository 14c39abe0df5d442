"""Helpers for the workbook tests: runs over the series papers, and the workbook read back with
openpyxl (tables as dicts, the sheets' XML, the print set-up), or rendered by LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pipeline.config import Settings
from pipeline.run import RunResult, run

SERIES = Path(__file__).resolve().parent / "series" / "papers"
NOW = dt.datetime(2022, 9, 30, 9, 0)  # the run's clock: the chase list looks 60 days ahead from here


def copy_papers(shared: Path, *files: Path) -> None:
    shared.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy2(path, shared / path.name)


def series(name: str, *months: str) -> list[Path]:
    """The papers of one series (all, or those whose file names end in the given 'YYYY-MM')."""
    found = sorted((SERIES / name).iterdir())
    return [p for p in found if not months or any(p.stem.endswith(m) for m in months)]


def run_over(ws: Path, shared: Path, settings: Settings | None = None) -> RunResult:
    return run(ws, settings or Settings(), input_dir=shared, email=False, workers=2, now=NOW)


def load(path: Path) -> Any:
    with warnings.catch_warnings():  # openpyxl drops the x14 data-bar extension it cannot read
        warnings.filterwarnings("ignore", message=".*extension is not supported", category=UserWarning)
        return openpyxl.load_workbook(path)


def table_cells(ws: Any, table: str) -> tuple[list[str], list[Any]]:
    cells = ws[ws.tables[table].ref]
    return [c.value for c in cells[0]], list(cells[1:])


def rows(ws: Any, table: str) -> list[dict[str, Any]]:
    """A table's data rows as dicts keyed by its headers (blank rows and a totals row's label kept)."""
    headers, body = table_cells(ws, table)
    return [{h: c.value for h, c in zip(headers, row, strict=True)} for row in body
            if any(c.value is not None for c in row)]


def cell(ws: Any, table: str, header: str, action_id: str) -> Any:
    """The cell under ``header`` on the row of ``action_id``."""
    headers, body = table_cells(ws, table)
    for row in body:
        if row[headers.index("Action id")].value == action_id:
            return row[headers.index(header)]
    raise KeyError(action_id)


def header_row(ws: Any, table: str) -> int:
    """The 1-based row of a table's header."""
    return int(re.sub(r"[A-Z]", "", ws.tables[table].ref.split(":")[0]))


def sheet_xml(path: Path, wb: Any, sheet: str) -> str:
    """The XML of one sheet of the written file (sheets are numbered in the workbook's order)."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml").decode("utf-8")


def defined_names(path: Path) -> list[tuple[str, str, str]]:
    """(name, local sheet id, formula) of every defined name in the written file."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r'<definedName name="([^"]+)"(?: localSheetId="(\d+)")?>([^<]*)</definedName>', xml)


def render_pdf(path: Path, out: Path) -> Path:
    """The workbook as LibreOffice prints it (skips where LibreOffice is not installed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    profile = out / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=300)
    pdf = out / (path.stem + ".pdf")
    assert pdf.exists()
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, laid out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
