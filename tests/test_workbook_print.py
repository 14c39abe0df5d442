"""The print view per plan: A4 landscape at 70 % or more, headers repeated, the print area set, the
table one page across when LibreOffice prints it; and the new sheets render without cut or ####
cells."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from workbook_read import (
    copy_papers,
    defined_names,
    load,
    pdf_pages,
    render_pdf,
    rows,
    run_over,
    series,
    sheet_xml,
)

from pipeline import schema
from pipeline.publish.workbook import RunInfo, begin, finish
from pipeline.publish.workbook.print_view import MIN_SCALE, PRINT_COLS, print_scale
from pipeline.run import RunResult

PRINT_HEADERS = ["Ref", "Action", "Lead", "Due date", "Progress", "Previous RAG", "RAG", "Latest commentary"]


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, Any, Path]:
    tmp = tmp_path_factory.mktemp("print")
    copy_papers(tmp / "shared", *series("strathbeg_docx"), *series("kildarroch_xlsx"))
    result = run_over(tmp / "ws", tmp / "shared")
    assert result.workbook is not None
    return result, load(result.workbook), tmp


def _prints(wb: Any) -> list[str]:
    return [name for name in wb.sheetnames if name.startswith("Print – ")]


def test_a_print_view_per_plan_with_its_actions(done: tuple[RunResult, Any, Path]) -> None:
    result, wb, _ = done
    assert _prints(wb) == ["Print – Improvement Action Plan", "Print – Best Value Action Plan"]
    actions = result.tables["actions"]
    for i, name in enumerate(_prints(wb), start=1):
        ws = wb[name]
        got = rows(ws, f"tblPrint{i}")
        assert [c.value for c in ws[3]] == PRINT_HEADERS
        plan = name.removeprefix("Print – ")
        assert sorted(r["Ref"] for r in got) == sorted(int(r) for r in actions[actions["plan"] == plan]["ref"])
        assert ws["A1"].value.startswith(plan)
        assert all(r["Action"] and r["Lead"] for r in got)
        assert any(r["Previous RAG"] for r in got) and any(r["Latest commentary"] for r in got)
        assert any(str(r["Latest commentary"]).startswith("[Not in the latest paper: last reported") for r in got)


def test_print_set_up_landscape_a4_readable_headers_repeated(done: tuple[RunResult, Any, Path]) -> None:
    result, wb, _ = done
    path = result.workbook
    assert path is not None
    names = defined_names(path)
    for name in _prints(wb):
        ws = wb[name]
        assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
        assert int(ws.page_setup.scale) >= MIN_SCALE
        assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)  # the scale holds
        assert ws.print_title_rows == "$3:$3"
        xml = sheet_xml(path, wb, name)
        setup = re.search(r"<pageSetup [^>]*/>", xml)
        assert setup and 'orientation="landscape"' in setup.group() and 'paperSize="9"' in setup.group()
        assert int(re.search(r'scale="(\d+)"', setup.group()).group(1)) >= MIN_SCALE  # type: ignore[union-attr]
        sheet_id = str(wb.sheetnames.index(name))
        quoted = f"'{name}'"
        assert ("_xlnm.Print_Titles", sheet_id, f"{quoted}!$3:$3") in names
        area = [f for n, i, f in names if n == "_xlnm.Print_Area" and i == sheet_id]
        assert area and area[0].startswith(f"{quoted}!$A$1:$H$")


def test_the_columns_fit_a_page_across_at_the_scale() -> None:
    assert MIN_SCALE <= print_scale(PRINT_COLS) <= 100
    wide = [*PRINT_COLS, *PRINT_COLS]
    assert print_scale(wide) < MIN_SCALE  # twice the columns would not fit: the check can fail


def test_sheet_names_are_short_unique_and_legal(tmp_path: Path) -> None:
    plans = [("Borders", "Best Value Audit Implementation Plan: the long title [draft]"),
             ("Moray", "Best Value Audit Implementation Plan: the long title [draft]"),
             ("Angus", "Action/Plan*?"), ("Fife", "Action/Plan*?")]
    actions = [{"action_id": f"a{i}", "organisation": org, "plan": plan, "ref": "1", "description": "Do it"}
               for i, (org, plan) in enumerate(plans)]
    snaps = [{"action_id": f"a{i}", "doc_id": "d", "as_of": dt.date(2022, 3, 31), "percent_complete": 10.0}
             for i in range(len(plans))]
    path = tmp_path / "tracker.xlsx"
    draft = begin({"actions": schema.conform("actions", actions), "snapshots": schema.conform("snapshots", snaps)},
                  RunInfo(), tmp_path)
    path.write_bytes(finish(draft, schema.empty("findings")))
    names = _prints(load(path))
    assert len(names) == 4 and len({n.casefold() for n in names}) == 4
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    assert names[0] == "Print – Angus Action Plan"  # organisations first where plans share a name


def test_libreoffice_prints_the_new_sheets_whole(done: tuple[RunResult, Any, Path]) -> None:
    result, wb, tmp = done
    assert result.workbook is not None
    pages = pdf_pages(render_pdf(result.workbook, tmp / "pdf"))
    text = "\f".join(pages)
    assert "Err:" not in text and "#NAME?" not in text and "###" not in text
    for title in ("Summary: the action plans at their latest papers",
                  "Changes: what moved since each plan's previous paper", "Chase list: who to ask about what"):
        assert title in text, title
    for name in _prints(wb):
        mine = [p for p in pages if name in p.splitlines()[0]]  # the page header names the sheet
        assert len(mine) == 1, name  # one page: no column pushed to a second page across
        assert all(h in mine[0] for h in ("Ref", "Action", "Lead", "Latest commentary")), name
