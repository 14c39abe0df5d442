"""Text outside the Basic Multilingual Plane, and halves of characters: read as the characters they
are, stored whatever a file says (extractors/storable.py, the PDFium reader's pairs of halves).

A run over pdf.js's test PDFs stopped at consolidation: PDFium gives a character such as '𝑝'
(U+1D45D) or an emoji as the two UTF-16 halves of its pair, and Arrow cannot store them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from paper_factory import good_paper
from pdf_builders import mapped_text

from extractors import extract
from extractors import pdf as pdf_reader
from extractors.model import Paragraph
from extractors.storable import storable_text
from pipeline.config import Settings
from pipeline.interpret import read_paper_file
from pipeline.interpret.reading import quarantined

OUTSIDE = ["0041", "D835DC5D", "0020", "D83DDE00", "0042"]  # 'A𝑝 😀B': a maths letter and an emoji
HALF_ALONE = ["0041", "D835", "0042"]


def _first_text(paper: object) -> str:
    block = paper.blocks[0]  # type: ignore[attr-defined]
    assert isinstance(block, Paragraph)
    return block.text


def test_a_character_outside_the_plane_is_one_character_as_pdfminer_reads_it(tmp_path: Path) -> None:
    """PDFium gives each of them as its two UTF-16 halves: the PDF reader joins them itself, before
    any text is made of them (the words, the cells), as pdfminer does."""
    path = mapped_text(tmp_path / "maths.pdf", OUTSIDE)
    assert _first_text(pdf_reader.extract(str(path))) == "A𝑝 😀B"
    assert pdf_reader.extract(str(path)).blocks == pdf_reader.extract_by_pdfminer(str(path)).blocks


def test_half_a_character_alone_is_the_replacement_character_and_said(tmp_path: Path) -> None:
    """The reader keeps what the file says; extraction ends by replacing it and saying so, and the
    reading carries that as a finding on the file."""
    path = mapped_text(tmp_path / "halves.pdf", HALF_ALONE)
    assert _first_text(pdf_reader.extract(str(path))) == "A\ud835B"
    paper = extract(path, "pdf")
    assert _first_text(paper) == "A\ufffdB"
    assert paper.warnings == ["1 character(s) of its text were half of a character (a UTF-16 surrogate) without "
                              "the other half, each shown as \ufffd"]
    findings = read_paper_file(path, Settings()).findings
    assert [(f["check"], f["severity"]) for f in findings if "surrogate" in f["message"]] == [
        ("parser_warning", "info")]


@pytest.mark.parametrize(("text", "stored"), [
    ("plain", "plain"), ("\ud835\udc5d", "𝑝"), ("a\ud835b", "a\ufffdb"), ("\udc5d\ud835", "\ufffd\ufffd"), ("", ""),
])
def test_storable_text_joins_pairs_and_replaces_halves(text: str, stored: str) -> None:
    assert storable_text(text) == stored
    stored.encode("utf-8")


def test_a_paper_of_halves_does_not_stop_the_run(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mapped_text(share / "halves.pdf", HALF_ALONE)
    mapped_text(share / "maths.pdf", OUTSIDE)
    good_paper(share, 0, "docx")
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--input", str(share), "--workspace",
                           str(tmp_path / "ws"), "--no-email"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    documents = pq.read_table(tmp_path / "ws" / "staged" / "documents.parquet").to_pylist()
    assert {d["file_name"] for d in documents} == {"halves.pdf", "maths.pdf", "kelvindale_0000.docx"}


def test_a_quarantine_reason_is_storable(tmp_path: Path) -> None:
    """A parser's message can quote what it choked on, halves and all."""
    reading = quarantined(tmp_path / "odd.pdf", "0" * 64, "pdf", "cannot be read: unexpected \ud835 in a name")
    assert reading.document["error"] == "cannot be read: unexpected \ufffd in a name"
