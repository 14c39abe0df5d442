"""words_of makes the very words pdfplumber's WordExtractor makes (its defaults, bvtrack's
tolerances) from the same characters: on every page of every PDF in the corpus and the tests.
Text turned sideways is read the way it runs (bottom to top where it runs up: pdfplumber's
``char_dir_rotated='btt'``), with the word gap along its lines (pdfplumber's ``y_tolerance`` there),
where pdfplumber's defaults read every sideways text top to bottom with the line gap between words."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber.utils.text import WordExtractor

from extractors.pdf.chars import STYLE, Char, Chars, Style, as_pdfplumber
from extractors.pdf.pdfium_page import read_page_objects
from extractors.pdf.rotation import direction, upright_chars
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import ROTATED_READING, words_of

HERE = Path(__file__).parent
PDFS = sorted([*(HERE.parent.parent / "shared" / "corpus").rglob("*.pdf"), *HERE.rglob("*.pdf")])
GAP = PdfSettings().word_gap


def _pages(path: Path) -> list[Chars]:
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        pytest.skip("PDFium cannot open it")
    pages = []
    for page in doc:
        objects = read_page_objects(page)
        pages.append(upright_chars(objects.chars, objects.width, objects.height)[0])
    return pages


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_words_are_pdfplumbers(path: Path) -> None:
    for chars in _pages(path):
        ours = words_of(chars, GAP, 3.0)
        as_dicts = [as_pdfplumber(c) for c in chars]
        place = {id(c): n for n, c in enumerate(chars)} | {id(d): n for n, d in enumerate(as_dicts)}

        def way_of(char: Char) -> str:
            return "upright" if char[STYLE].upright else direction(char[STYLE].matrix)

        for way in {way_of(c) for c in chars}:  # upright text, and sideways text of each way
            mine = [(w, cs) for w, cs in ours if way_of(cs[0]) == way]
            dicts = [d for d, c in zip(as_dicts, chars, strict=True) if way_of(c) == way]
            char_dir, line_dir = ROTATED_READING.get(way, ("ttb", "ltr"))
            gaps = (3.0, GAP) if way in ROTATED_READING else (GAP, 3.0)  # along a sideways line: y_tolerance
            theirs = list(WordExtractor(x_tolerance=gaps[0], y_tolerance=gaps[1], char_dir_rotated=char_dir,
                                        line_dir_rotated=line_dir).iter_extract_tuples(dicts))
            # the same words of the same characters (in another order where sideways text parts the
            # upright: bvtrack reads each run of one way apart, pdfplumber a way's characters at once)
            assert sorted((w.text, w.x0, w.x1, w.top, w.bottom, tuple(place[id(c)] for c in cs))
                          for w, cs in mine) == sorted(
                (w["text"], w["x0"], w["x1"], w["top"], w["bottom"], tuple(place[id(d)] for d in ds))
                for w, ds in theirs)


def test_a_space_a_step_back_a_gap_and_a_new_line_end_words() -> None:
    def char(text: str, x0: float, top: float = 10.0) -> Char:
        return text, x0, x0 + 5, top, top + 10, Style(10.0, "Helvetica", (1.0, 0.0, 0.0, 1.0), True)

    chars = [char("a", 0), char("b", 5), char(" ", 10), char("c", 15), char("d", 22), char("e", 12, 30),
             char("ﬁ", 17, 30)]
    assert [w.text for w, _ in words_of(chars, 1.2, 3.0)] == ["ab", "c", "d", "efi"]
