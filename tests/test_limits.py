"""What one paper may hold is checked on what the file really holds, not on what it declares:
the inflated size of an archive, the pages of a PDF, the table rows of any paper; and matching
actions by their descriptions scales to plans of thousands of unnumbered actions."""

from __future__ import annotations

import io
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import numpy as np
import openpyxl
import pytest
import xlsxwriter
from reportlab.pdfgen.canvas import Canvas

from extractors import extract
from pipeline.config import Settings
from pipeline.consolidate import consolidate
from pipeline.consolidate.similarity import Texts, best_scores, score_matrix, text_score
from pipeline.interpret import read_paper_file


def _declaring_less(path: Path, part: str, head: bytes, padding_mb: int, declared: int) -> Path:
    """A .docx whose ``part`` holds ``head`` and ``padding_mb`` MB of spaces, deflated, while its
    headers declare ``declared`` bytes (its own claims, patched in its local header and its central
    directory)."""
    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Progress report")
    document.save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info, src.read(info))
                continue
            with dst.open(part, "w") as member:  # written a megabyte at a time: this process stays small
                member.write(head)
                for _ in range(padding_mb):
                    member.write(b" " * 2**20)
    data = bytearray(out.getvalue())
    name = part.encode()
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = data.find(signature)
        while pos >= 0:
            length = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if data[pos + name_at: pos + name_at + length] == name:
                struct.pack_into("<I", data, pos + size_at, declared)
            pos = data.find(signature, pos + 4)
    path.write_bytes(bytes(data))
    return path


def _peak_mb_reading(path: Path) -> tuple[str, float]:
    """Read one paper in a fresh process: (status and error, peak resident memory in MB)."""
    code = f"""
from pathlib import Path
from pipeline.config import Settings
from pipeline.interpret import read_paper_file
r = read_paper_file(Path({str(path)!r}), Settings())
print(r.status, r.document.get("error"))
status = Path("/proc/self/status").read_text()  # VmHWM starts afresh at exec; ru_maxrss is inherited
print(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    status, peak = out.stdout.strip().rsplit("\n", 1)
    return status, float(peak)


def test_a_part_that_inflates_to_more_than_it_declares_is_refused_before_a_parser_inflates_it(
        tmp_path: Path) -> None:
    """word/document.xml declares 1 MB and inflates to 400 MB: a parser reading it whole would
    hold the 400 MB before zipfile cut it to size; the check inflates 1 MB at a time."""
    xml = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    bomb = _declaring_less(tmp_path / "bomb.docx", "word/document.xml", xml, 400, 2**20)
    assert bomb.stat().st_size < 2 * 2**20
    status, peak_mb = _peak_mb_reading(bomb)
    assert status.startswith("quarantined") and "does not inflate to the 1,048,576 bytes it declares" in status
    assert peak_mb < 250, f"{peak_mb:.0f} MB held while reading a 2 MB file"


def test_an_archive_that_really_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.docx"
    document = docx.Document()
    for i in range(3000):
        document.add_paragraph(f"Paragraph {i} " + "x" * 600)
    document.save(str(big))
    reading = read_paper_file(big, Settings(max_unzipped_mb=1))
    assert reading.status == "quarantined" and "over the 1 MB limit" in reading.document["error"]
    assert read_paper_file(big, Settings()).status != "quarantined"


def _pdf_declaring_one_page(path: Path, pages: int) -> Path:
    canvas = Canvas(str(path))
    for n in range(pages):
        canvas.drawString(72, 720, f"Page {n + 1}")
        canvas.showPage()
    canvas.save()
    data = path.read_bytes()
    claim = f"/Count {pages}".encode()
    assert data.count(claim) == 1
    path.write_bytes(data.replace(claim, b"/Count 1".ljust(len(claim))))  # same length: offsets hold
    return path


def test_the_pages_a_pdf_really_has_are_capped_not_those_it_declares(tmp_path: Path) -> None:
    pdf = _pdf_declaring_one_page(tmp_path / "many.pdf", 40)
    reading = read_paper_file(pdf, Settings(max_pages=10))
    assert reading.status == "quarantined"
    assert reading.document["error"] == "40 pages, over the limit of 10 (max_pages)"
    within = read_paper_file(pdf, Settings(max_pages=40))  # not over the limit: refused, as PDFium would read 1 page
    assert within.status == "quarantined"
    assert within.document["error"] == "damaged: its page tree holds 40 pages but says it has 1"


def test_a_paper_with_more_table_rows_than_max_rows_is_quarantined(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Lead Officer", "Target Date", "% Complete"])
    for i in range(300):
        sheet.append([f"Review the scheme of delegation, part {i}", "Chief Executive", "31/03/2023", 50])
    path = tmp_path / "long.xlsx"
    book.save(path)
    capped = read_paper_file(path, Settings(max_rows=100))
    assert capped.status == "quarantined"
    assert capped.document["error"] == "301 table rows, over the limit of 100 (max_rows)"
    assert len(read_paper_file(path, Settings()).actions) == 300


def test_cell_text_longer_than_excel_holds_is_cut_and_said(tmp_path: Path) -> None:
    # one shared string fills a column: a small file, a megabyte of text a cell once read (Apache
    # POI's poc-shared-strings.xlsx); Excel holds 32,767 characters a cell and cuts the rest
    made = io.BytesIO()
    book = xlsxwriter.Workbook(made, {"in_memory": True})
    sheet = book.add_worksheet("Actions")
    whole = "x" * 32_767
    for j, header in enumerate(["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Notes"]):
        sheet.write_string(0, j, header)
    for i in range(1, 301):
        for j, value in enumerate([str(i), f"Review the scheme of delegation, part {i}", "Chief Executive",
                                   "31/03/2023", "50%", "FLOOD" if i > 1 else whole]):
            sheet.write_string(i, j, value)
    book.close()
    path = tmp_path / "flooded.xlsx"  # writers cut what they write: the long shared string is put in afterwards
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                assert b"<t>FLOOD</t>" in data
                data = data.replace(b"<t>FLOOD</t>", b"<t>" + b"abcdefgh" * 12_500 + b"</t>")
            dst.writestr(info, data)
    assert path.stat().st_size < 200_000
    paper = extract(str(path), "xlsx")
    notes = [row[5] for row in paper.tables[0].rows[1:]]
    assert notes[0].text == whole and not any(w for w in paper.warnings if "x" * 10 in w)
    assert {len(c.text) for c in notes[1:]} == {32_767} and {len(c.value) for c in notes[1:]} == {32_767}
    assert paper.warnings == ["sheet 'Actions': 299 cell(s) hold more text than an Excel cell can (32,767 characters), "
                              "cut there as Excel cuts it: F3, F4, F5, F6, F7 …"]
    reading = read_paper_file(path, Settings())
    assert reading.status == "extracted" and len(reading.actions) == 300
    said = [f for f in reading.findings if f["check"] == "parser_warning"]
    assert len(said) == 1 and "299 cell(s)" in said[0]["message"] and "F3" in said[0]["message"]


WORDS = (
    "review", "develop", "implement", "improve", "deliver", "council", "budget", "strategy", "workforce", "plan",
    "governance", "report", "service", "officers", "members", "digital", "transformation", "capital", "programme",
    "community", "engagement",
)


def _descriptions(rng: random.Random, n: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
        out.append(rng.choice([text, text.upper(), f"{text} and {rng.choice(WORDS)}", "", None,
                               text[: rng.randint(1, len(text))], text[rng.randint(0, len(text) - 1):]]))
    return out


@pytest.mark.parametrize("cutoff", [0.0, 65.0, 85.0])
def test_scores_at_scale_are_the_pairwise_scores(cutoff: float) -> None:
    """The matrix that makes matching scale gives text_score's own numbers wherever they count:
    every pair at or above the cut-off, and each row's best (the near misses)."""
    rng = random.Random(int(cutoff))
    queries, choices = _descriptions(rng, 150), _descriptions(rng, 150)
    choices += queries[:30]  # some exact repeats, as a plan's later papers have
    exact = np.array([[text_score(q, c) for c in choices] for q in queries])
    matrix = score_matrix(Texts.of(queries), Texts.of(choices), cutoff)
    assert np.array_equal(matrix[exact >= cutoff], exact[exact >= cutoff])
    assert (matrix <= exact + 1e-9).all()
    best = best_scores(Texts.of(queries), Texts.of(choices), cutoff)
    rows = exact.max(axis=1) >= cutoff
    assert np.array_equal(best.max(axis=1)[rows], exact.max(axis=1)[rows])
    assert np.array_equal(best.argmax(axis=1)[rows], exact.argmax(axis=1)[rows])


def _plan_paper(path: Path, month: str, descriptions: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"Kelvindale Council Best Value Improvement Plan: Progress Report {month}"])
    sheet.append(["Action", "Lead Officer", "Target Date", "% Complete"])
    for text in descriptions:
        sheet.append([text, "Chief Executive", "31/03/2023", 50])
    book.save(path)
    return path


def test_unnumbered_actions_are_matched_across_papers_by_description(tmp_path: Path) -> None:
    """Two papers of one plan, 400 unnumbered actions each: the repeated, the lightly edited and the
    new are told apart (the bench, scripts/bench_matching.py, runs 3,000 each)."""
    rng = random.Random(7)
    things = ("the capital programme", "workforce planning", "member training", "the risk register",
              "performance reporting", "community engagement", "digital services", "the asset strategy")
    first = [f"{rng.choice(('Review', 'Develop', 'Deliver', 'Agree'))} {rng.choice(things)} (item {i:04})"
             for i in range(400)]
    second = [*first[:300], *(text.replace("(item", "(revised item") for text in first[300:350]),
              *(f"Introduce a new approach to {rng.choice(things)} (new {i:04})" for i in range(50))]
    readings = [read_paper_file(_plan_paper(tmp_path / "a.xlsx", "December 2022", first), Settings()),
                read_paper_file(_plan_paper(tmp_path / "b.xlsx", "March 2023", second), Settings())]
    actions = consolidate(readings, Settings()).tables["actions"]
    assert len(actions) == 450  # 400, and the 50 new ones
    assert set(actions["description"]) >= set(second[350:])
