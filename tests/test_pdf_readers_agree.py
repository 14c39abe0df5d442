"""PDFium (the first reader) and pdfminer (the second, and bvtrack's only reader before PDFium)
make the same Paper of every PDF in the corpus and the tests: cells, text, fills, pages and
paragraphs. Where they differ on a third-party file, the test says how and why PDFium's is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ExtractionError
from extractors.model import Paper
from extractors.pdf import extract, extract_by_pdfminer

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
PDFS = sorted([*CORPUS.rglob("*.pdf"), *HERE.rglob("*.pdf")])
WILD = CORPUS / "wild"

# third-party files whose characters PDFium and pdfminer measure differently (where a glyph's box
# ends, which spaces a file draws twice), with what comes of it
DIFFERENT = {
    "pdfplumber-federal-register-2020-17221.pdf": "three columns of running text: a few lines joined differently",
    "pdfplumber-issue-982-example.pdf": "a paper's title block over a figure's labels split into two rows",
    "pdfplumber-pdffill-demo.pdf": "letters set one above the other, paired differently",
    "pdfplumber-warn-report-for-7-1-2015-to-03-25-2016.pdf": "dates read whole (see below)",
    "pdfplumber-malformed-from-issue-932.pdf": "PDFium finds a text layer pdfminer does not (see below)",
}


def _read(reader: object, path: Path) -> Paper | str:
    try:
        return reader(str(path))  # type: ignore[operator]
    except ExtractionError as exc:
        return f"error: {exc.reason}"


def _same(one: Paper | str, other: Paper | str) -> bool:
    if isinstance(one, str) or isinstance(other, str):
        return isinstance(one, str) and isinstance(other, str)  # both refuse it (each says why in its words)
    return (one.blocks, one.n_pages, one.modified) == (other.blocks, other.n_pages, other.modified)


@pytest.mark.parametrize("path", [p for p in PDFS if p.name not in DIFFERENT], ids=lambda p: p.name)
def test_both_readers_make_the_same_paper(path: Path) -> None:
    assert _same(_read(extract, path), _read(extract_by_pdfminer, path))


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_the_known_differences_are_still_differences(name: str) -> None:
    """Each entry of DIFFERENT is needed: were the readers to agree on a file, it leaves the list."""
    path = WILD / name
    assert not _same(_read(extract, path), _read(extract_by_pdfminer, path)), DIFFERENT[name]


def test_pdfium_reads_dates_pdfminer_spaces_out() -> None:
    """pdfminer measures this file's digits wider than they advance, so '03/25/2016' comes apart."""
    path = WILD / "pdfplumber-warn-report-for-7-1-2015-to-03-25-2016.pdf"
    pdfium_cells = {c.text for t in extract(str(path)).tables for row in t.rows for c in row}
    pdfminer_cells = {c.text for t in extract_by_pdfminer(str(path)).tables for row in t.rows for c in row}
    assert "03/25/2016" in pdfium_cells and "0 3 / 2 5 / 2 0 16" in pdfminer_cells


def test_pdfium_finds_a_text_layer_pdfminer_misses() -> None:
    path = WILD / "pdfplumber-malformed-from-issue-932.pdf"
    assert _read(extract_by_pdfminer, path) == "error: no text layer"
    paper = extract(str(path))
    assert paper.n_pages == 1 and "2021" in paper.paragraphs[0].text
