"""An Excel paper's own dates are the ones its core properties declare: openpyxl makes up *now* for
a date they lack, which would become the paper's report date (report_date_source 'file_properties')."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl

from extractors import extract


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()  # it writes its own core properties, last modified as it saves
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Action", "% complete"])
    sheet.append(["1.1", "Agree the plan", "40%"])
    book.save(path)
    return path


def _core(created: bool, modified: bool) -> bytes:
    """Core properties declaring the dates asked for, as Excel writes them."""
    dates = [f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{when}</dcterms:{name}>'
             for name, when, wanted in (("created", "2026-09-01T10:00:00Z", created),
                                        ("modified", "2026-10-02T09:30:00Z", modified)) if wanted]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + "".join(dates) + "</cp:coreProperties>").encode()


def _rewritten(path: Path, core: bytes | None) -> Path:
    """The workbook with its core properties part replaced by ``core``, or gone (with its relationship)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    if core is None:
        del parts["docProps/core.xml"]
        parts["_rels/.rels"] = re.sub(rb'<Relationship [^>]*Target="/?docProps/core.xml"/>', b"", parts["_rels/.rels"])
    else:
        parts["docProps/core.xml"] = core
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


CREATED, MODIFIED = dt.datetime(2026, 9, 1, 10, 0), dt.datetime(2026, 10, 2, 9, 30)


def test_the_declared_dates_are_read(tmp_path: Path) -> None:
    path = _rewritten(_workbook(tmp_path / "dated.xlsx"), _core(created=True, modified=True))
    assert extract(path, "xlsx").modified == MODIFIED


def test_without_core_properties_an_excel_paper_has_no_date(tmp_path: Path) -> None:
    path = _rewritten(_workbook(tmp_path / "undated.xlsx"), None)
    made_up = openpyxl.load_workbook(path).properties.modified
    assert made_up is not None and made_up.date() == dt.datetime.now(dt.UTC).date()  # openpyxl's now
    assert extract(path, "xlsx").modified is None


def test_a_date_the_core_properties_lack_is_not_made_up(tmp_path: Path) -> None:
    only_created = _rewritten(_workbook(tmp_path / "created.xlsx"), _core(created=True, modified=False))
    assert extract(only_created, "xlsx").modified == CREATED
    neither = _rewritten(_workbook(tmp_path / "neither.xlsx"), _core(created=False, modified=False))
    assert extract(neither, "xlsx").modified is None
