"""Strict Open XML workbooks (ISO 29500 Strict, which Excel saves as a format of its own): openpyxl
reads them as empty, so bvtrack turns their names into Transitional's first (extractors/strict.py).
A workbook saved both ways gives one Paper."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from extractors import extract
from extractors.strict import transitional_uri

WILD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"
# every Transitional name but the packaging's, which Strict shares: 'area/2006/' -> Strict's 'area/'
TRANSITIONAL_NAME = re.compile(rb"http://schemas\.openxmlformats\.org/(?!package/)([A-Za-z-]+)/2006/")


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Action plan"
    sheet.append(["Ref", "Action", "Lead officer", "Due", "% complete", "RAG"])
    sheet.append(["1.1", "Agree the improvement plan", "J Smith", dt.datetime(2026, 3, 31), 0.4, "Amber"])
    sheet.append(["1.2", "Publish the plan", "A Khan", dt.datetime(2026, 6, 30), 1.0, ""])
    sheet["E2"].number_format = sheet["E3"].number_format = "0%"
    sheet["F3"].fill = PatternFill("solid", fgColor="FF00B050")  # RAG as a colour only
    sheet["A5"] = "Theme 2: workforce"
    sheet.merge_cells("A5:F5")
    book.save(path)
    return path


def _as_strict(transitional: Path, strict: Path) -> Path:
    """The workbook as Excel saves it in Strict Open XML: Strict's namespaces and relationship types."""
    with zipfile.ZipFile(transitional) as source, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.endswith((".xml", ".rels")) and info.filename != "[Content_Types].xml":
                part = TRANSITIONAL_NAME.sub(rb"http://purl.oclc.org/ooxml/\1/", part)
            target.writestr(info.filename, part)
    return strict


def test_strict_names_are_transitional_ones_under_another_root() -> None:
    assert transitional_uri("http://purl.oclc.org/ooxml/spreadsheetml/main") == (
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
    assert transitional_uri("http://purl.oclc.org/ooxml/officeDocument/relationships/styles") == (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles")
    assert transitional_uri("urn:schemas-microsoft-com:vml") == "urn:schemas-microsoft-com:vml"


def test_a_strict_workbook_reads_as_its_transitional_twin(tmp_path: Path) -> None:
    plain = _workbook(tmp_path / "plain.xlsx")
    strict = _as_strict(plain, tmp_path / "strict.xlsx")
    with zipfile.ZipFile(strict) as archive:
        assert b"purl.oclc.org/ooxml/spreadsheetml/main" in archive.read("xl/workbook.xml")
        assert b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in archive.read("_rels/.rels")
    with pytest.warns(UserWarning, match="invalid specification"):  # openpyxl alone: no sheet at all
        assert openpyxl.load_workbook(strict).worksheets == []
    ours, twin = extract(strict, "xlsx"), extract(plain, "xlsx")
    assert ours.tables and (ours.blocks, ours.n_pages, ours.modified) == (twin.blocks, twin.n_pages, twin.modified)
    cells = {c.text: c for t in ours.tables for row in t.rows for c in row}
    assert cells["40%"].value == 0.4 and cells["31/03/2026"].value == dt.datetime(2026, 3, 31)
    assert cells["Theme 2: workforce"].colspan == 6
    assert [c.fill for t in ours.tables for row in t.rows for c in row if c.fill] == ["00B050"]


def test_the_wild_strict_workbook_is_read() -> None:
    """calamine's test file, saved by Excel in Strict Open XML: before, no table and two warnings
    of openpyxl's about what it could not find."""
    paper = extract(WILD / "calamine-strict-iso-paths.xlsx", "xlsx")
    assert paper.warnings == []
    header = [c.text for c in paper.tables[0].rows[0]]
    assert header[:3] == ["Item", "Thickness", "Number Off Bends"]
