"""A Paper's text as UTF-8 can hold it, whatever a file's bytes made of it.

A reader can give the two UTF-16 halves (surrogates) of a character outside the Basic Multilingual
Plane as two characters, or half of one alone (a PDF's ToUnicode map can say anything). Python
holds such text, but UTF-8 cannot: the staged tables, the reading cache, the workbook and the
report would refuse it, and one paper would stop the run. Here a pair of halves becomes its
character and a half alone the replacement character, in every text of the Paper.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.model import Block, Cell, Paper, Paragraph, Table

HALF = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with pairs of UTF-16 halves joined and a half alone replaced by U+FFFD."""
    if not HALF.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _cell(cell: Cell) -> Cell:
    value = storable_text(cell.value) if isinstance(cell.value, str) else cell.value
    if value is cell.value and not HALF.search(cell.text):
        return cell
    return dataclasses.replace(cell, text=storable_text(cell.text), value=value)


def _block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return dataclasses.replace(block, text=storable_text(block.text)) if HALF.search(block.text) else block
    table: Table = block
    for row in table.rows:
        for i, cell in enumerate(row):
            if (fixed := _cell(cell)) is not cell:
                row[i] = fixed
    if table.name is not None:
        table.name = storable_text(table.name)
    return table


def storable(paper: Paper) -> Paper:
    """``paper`` with every text (paragraphs, cells and their values, sheet names, the readers'
    warnings) as UTF-8 can hold it: changed in place, a paragraph or cell (frozen) replaced."""
    paper.blocks = [_block(block) for block in paper.blocks]
    paper.warnings = [storable_text(w) for w in paper.warnings]
    return paper
