"""LeanPage builds the very objects pdfplumber builds: every character, line, rectangle and curve
on every page of every PDF in the corpora (and one made here), compared key for key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdf_builders import action_rows, ruled_pages

from extractors.pdf.objects import LeanPage, lean

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KINDS = ("char", "line", "rect", "curve")


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.rglob("*.pdf")) if CORPUS.exists() else []


def objects(path: Path, fast: bool, **options: Any) -> list[dict[str, list[dict[str, Any]]]]:
    """Every page's objects, images aside (their streams are objects of one open file)."""
    try:
        pdf = pdfplumber.open(path, **options)
    except Exception:  # unreadable or encrypted: the extractor's tests cover those
        return []
    with pdf:
        pages = []
        for page in pdf.pages:
            if fast:
                assert type(lean(page)) is LeanPage
            try:
                found = {kind: objs for kind, objs in page.objects.items() if kind != "image"}
            except Exception as exc:  # a damaged page must fail the same way
                found = {"error": [{"type": type(exc).__name__}]}
            pages.append(found)
        return pages


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: p.name)
def test_objects_equal_pdfplumber_s_own(path: Path) -> None:
    assert objects(path, fast=True) == objects(path, fast=False)


def test_a_ruled_paper_made_here(tmp_path: Path) -> None:
    made = ruled_pages(tmp_path / "ruled.pdf", [action_rows(1, 6), action_rows(7, 6)], furniture=True)
    fast = objects(made, fast=True)
    assert fast == objects(made, fast=False)
    seen = {kind: sum(len(page.get(kind, [])) for page in fast) for kind in KINDS}
    assert seen["char"] > 1000 and seen["line"] + seen["rect"] > 10, seen


def test_with_layout_analysis_the_characters_are_pdfminer_s(tmp_path: Path) -> None:
    """pdfplumber's layout analysis needs pdfminer's own LTChar: LeanPage leaves the reading to
    pdfplumber and still converts the characters itself."""
    made = ruled_pages(tmp_path / "ruled.pdf", [action_rows(1, 4)])
    fast = objects(made, fast=True, laparams={})
    assert fast == objects(made, fast=False, laparams={})
    assert sum(len(page.get("char", [])) for page in fast) > 300 and any("textboxhorizontal" in p for p in fast)
