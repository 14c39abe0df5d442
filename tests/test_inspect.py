"""``bvtrack inspect``: what a paper's tables were read as, and for a PDF a picture of its cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ExtractionError
from extractors.pdf.debug import table_cells
from pipeline import config
from pipeline.cli import main
from pipeline.inspect import inspect_paper

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "papers"


def test_inspect_names_the_header_and_the_column_map() -> None:
    text = inspect_paper(PAPERS / "mc002_bvar_strategic_summary_2021-03.xlsx", config.load(None))
    assert "header row: 8" in text
    assert "rag                <- col 0 'RAG'" in text
    assert "progress           <- col 1 '% Completed' as of the report date" in text
    assert "RESULT: extracted" in text and "9 actions" in text


def test_inspect_shows_dated_progress_columns_of_a_pdf() -> None:
    text = inspect_paper(PAPERS / "sbc_bv_audit_implementation_update_2021-02.pdf", config.load(None))
    assert "'Progress at 28.09.20' as of 2020-09-28" in text
    assert "ref                <- col 0 'ACTION'" in text


def test_the_picture_draws_the_cells_the_extractor_reads(tmp_path: Path) -> None:
    pdf = PAPERS / "sbc_bv_audit_implementation_update_2021-02.pdf"
    cells = table_cells(str(pdf), 3)
    # page 3: one table of a header and three actions, eight columns (ACTION spans two)
    assert len(cells) == 8 + 3 * 9
    out = tmp_path / "page3.png"
    text = inspect_paper(pdf, config.load(None), page=3, image=out)
    assert f"page 3 drawn to {out}" in text
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_page_the_paper_does_not_have_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    pdf = PAPERS / "sbc_bv_audit_implementation_update_2021-02.pdf"
    with pytest.raises(ExtractionError, match="no page 99"):
        table_cells(str(pdf), 99)
    assert main(["inspect", str(pdf), "--page", "99", "--image", "/tmp/never.png"]) == 1
    err = capsys.readouterr().err
    assert "no page 99 (the paper has 7)" in err and "Traceback" not in err


def test_inspect_says_which_tables_were_turned_or_split_side_by_side(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Action", "Review the scheme of delegation", "Provide scrutiny training"],
                ["Lead officer", "Head of Legal", "Monitoring Officer"], ["Target date", "31/03/2025", "31/12/2024"],
                [], ["Ref", "Action", "Lead", "Due", None, "Ref", "Action", "Lead", "Due"],
                ["C1", "Recruit foster carers", "Fostering Manager", "31/03/2025", None, "F1", "Introduce a system",
                 "Head of Finance", "30/09/2025"]):
        sheet.append(row)
    book.save(tmp_path / "shapes.xlsx")
    text = inspect_paper(tmp_path / "shapes.xlsx", config.load(None))
    assert "a table on its side, read turned: 3 rows x 3 columns" in text
    assert "a table side by side with another: columns 0-3" in text
    assert "a table side by side with another: columns 5-8" in text
