"""One page read once: its characters (turned upright), filled rectangles and ruled tables, laid out
as parts of tables and paragraphs in reading order."""

from __future__ import annotations

import re

from extractors.model import Paragraph
from extractors.pdf.bars import without_bars
from extractors.pdf.geometry import BBox
from extractors.pdf.grid import table_cells
from extractors.pdf.page_foot import foot_lines
from extractors.pdf.paragraphs import paragraphs
from extractors.pdf.parts import Fill, Foot, PageText, Part, finish
from extractors.pdf.pdfium_page import PageObjects
from extractors.pdf.rotation import upright_chars
from extractors.pdf.ruled import is_banded, place_words, ruled_grid
from extractors.pdf.settings import PdfSettings
from extractors.pdf.shaded_rows import split_unruled_rows, stack
from extractors.pdf.side_by_side import headed_runs, in_reading_order
from extractors.pdf.unruled import attach_rows, unruled_tables
from extractors.pdf.words import WordChars, lines_of, words_of

LINE_GAP = 3.0  # points between the tops of characters on one line
PAGE_NUMBER_RE = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)


def read_page(objects: PageObjects, number: int, cfg: PdfSettings) -> PageText:
    """The page's layout from its characters, ruling edges and filled rectangles."""
    chars, turn, height = upright_chars(objects.chars, objects.width, objects.height)
    words = words_of(chars, cfg.word_gap, LINE_GAP)
    fills = [(turn(box), colour) for box, colour in objects.fills]
    tables: list[list[BBox]] = []
    if chars and len(objects.edges) <= cfg.max_edges:
        edges = without_bars(objects.edges, objects.fills)
        tables = [[turn(cell) for cell in t] for t in table_cells(edges, cfg.snap)]
    text = layout_page(number, words, tables, fills, height, cfg)
    text.n_chars = len(chars)
    return text


def layout_page(number: int, words: list[WordChars], tables: list[list[BBox]],
                fills: list[Fill], height: float, cfg: PdfSettings) -> PageText:
    """Words into ruled tables (shaded bands aside; rows told apart by shading read in their
    columns and stacked into one table), the rows joining them, unruled tables and paragraphs;
    page numbers in the top or bottom margin dropped; all in order from the top, but tables side
    by side, each after its heading, left to right."""
    grids = [g for t in tables if len(t) >= 2 and len((g := ruled_grid(t, number, cfg.snap)).part.xs) > 2
             and not is_banded(g, words, cfg)]  # one column of cells: filled cells of a borderless table
    free_words = place_words(words, grids)
    for grid in grids:
        split_unruled_rows(grid.part, cfg)
    parts = sorted((g.part for g in grids), key=lambda p: p.top)
    bands = {id(part) for part in parts if len(part.rows) == 1}
    free = attach_rows(parts, lines_of(free_words), cfg)
    parts = stack(parts, bands, free, cfg)
    found, remaining = unruled_tables(free, number, cfg)
    parts += found
    for part in parts:
        finish(part, fills)
        part.ends_low = part.bottom >= 0.5 * height
    margins = (0.08 * height, 0.92 * height)
    parts = [p for p in parts if any(p.cells)]
    runs, remaining = headed_runs(parts, remaining, number, cfg)
    foot = foot_lines([ln for ln in remaining if not is_page_number(ln.text, ln.top, margins)], parts, margins[1], cfg)
    in_foot = {id(line) for line in foot}
    foot_paragraphs = [(top, para) for top, para in paragraphs(foot, number, cfg)]
    blocks: list[tuple[float, Part | Paragraph]] = [(p.top, p) for p in parts]
    blocks += [(top, para) for top, para in paragraphs([ln for ln in remaining if id(ln) not in in_foot], number, cfg)
               if not is_page_number(para.text, top, margins)]
    blocks += foot_paragraphs
    blocks.sort(key=lambda b: b[0])
    top = min((ln.top for ln in foot), default=0.0)
    return PageText(number, in_reading_order(blocks, runs), margins,
                    foot=Foot(foot, [p for _, p in foot_paragraphs], [f for f in fills if f[0][3] >= top]))


def is_page_number(text: str, top: float, margins: tuple[float, float]) -> bool:
    """'Page 3 of 4', '- 3 -' in the top or bottom margin."""
    return bool(PAGE_NUMBER_RE.match(text)) and not margins[0] <= top <= margins[1]
