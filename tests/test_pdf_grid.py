"""table_cells finds the very cells pdfplumber's table finder ("lines" strategies) finds from the same
ruling edges: on every page of every PDF in the corpora and the tests, and on a few grids drawn here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from extractors.pdf.grid import table_cells

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TESTS = Path(__file__).resolve().parent
MAX_EDGES = 20000  # pages with more edges are left out: pdfplumber's finder takes too long on them
SNAP = 3.0
SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": SNAP,
    "join_tolerance": SNAP,
    "edge_min_length": 3,
    "intersection_tolerance": SNAP,
}


def pdfs() -> list[Path]:
    corpus = sorted(CORPUS.rglob("*.pdf")) if CORPUS.exists() else []
    return corpus + sorted(TESTS.rglob("*.pdf"))


@pytest.mark.parametrize("path", pdfs(), ids=lambda p: p.name)
def test_same_cells_as_pdfplumber(path: Path) -> None:
    try:
        pdf = pdfplumber.open(path)
    except Exception:  # unreadable or encrypted: the extractor's tests cover those
        pytest.skip("pdfplumber cannot open it")
    with pdf:
        for page in pdf.pages:
            edges = [e for e in page.edges if e["orientation"] in ("h", "v")]
            if len(edges) > MAX_EDGES:
                continue
            expected = [table.cells for table in page.find_tables(SETTINGS)]
            assert table_cells(edges, SNAP, 3) == expected, f"page {page.page_number}"


def h(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "orientation": "h"}


def v(x: float, top: float, bottom: float) -> dict[str, Any]:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "orientation": "v"}


def test_two_by_two_grid() -> None:
    edges = [h(0, 20, 0), h(0, 20, 10), h(0, 20, 20), v(0, 0, 20), v(10, 0, 20), v(20, 0, 20)]
    # cells from each corner, left to right and then down: the left column first
    assert table_cells(edges) == [[(0, 0, 10, 10), (0, 10, 10, 20), (10, 0, 20, 10), (10, 10, 20, 20)]]


def test_merged_cell() -> None:
    # the middle line only in the lower row: the upper row is one cell
    edges = [h(0, 20, 0), h(0, 20, 10), h(0, 20, 20), v(0, 0, 20), v(10, 10, 20), v(20, 0, 20)]
    assert table_cells(edges) == [[(0, 0, 20, 10), (0, 10, 10, 20), (10, 10, 20, 20)]]


def test_lines_two_points_apart_snap_together() -> None:
    # the top line in two pieces at y 0 and 2 (snapped to 1, then joined), the right one at x 19 and 21
    edges = [h(0, 10, 0), h(10, 20, 2), h(0, 20, 20), v(0, 0, 20), v(10, 0, 20), v(19, 0, 10), v(21, 10, 20)]
    assert table_cells(edges) == [[(0, 1, 10, 20), (10, 1, 20, 20)]]


def test_short_edge_dropped() -> None:
    # a divider 2 pt long in the upper row (within the tolerance of both its lines)
    edges = [h(0, 20, 0), h(0, 20, 5), h(0, 20, 15), v(0, 0, 15), v(20, 0, 15), v(10, 1.5, 3.5)]
    assert table_cells(edges) == [[(0, 0, 20, 5), (0, 5, 20, 15)]]
    assert table_cells(edges, min_length=1) == [[(0, 0, 10, 5), (0, 5, 20, 15), (10, 0, 20, 5)]]


def test_one_cell_is_no_table_and_tables_go_top_down() -> None:
    box = [h(0, 20, 100), h(0, 20, 110), v(0, 100, 110), v(20, 100, 110)]  # one cell: no table
    lower = [h(0, 20, 50), h(0, 20, 60), h(0, 20, 70), v(0, 50, 70), v(20, 50, 70)]
    upper = [h(40, 60, 0), h(40, 60, 10), v(40, 0, 10), v(50, 0, 10), v(60, 0, 10)]
    assert table_cells(box + lower + upper) == [
        [(40, 0, 50, 10), (50, 0, 60, 10)],
        [(0, 50, 20, 60), (0, 60, 20, 70)],
    ]
