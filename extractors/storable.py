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


def has_halves(text: str) -> bool:
    """Whether ``text`` holds a UTF-16 half; ASCII text (most of it: ``isascii`` does not scan) cannot."""
    return not text.isascii() and HALF.search(text) is not None


def storable_text(text: str) -> str:
    """``text`` with pairs of UTF-16 halves joined and a half alone replaced by U+FFFD."""
    if not has_halves(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class _Storing:
    """Makes texts storable, counting the halves that had to be replaced."""

    def __init__(self) -> None:
        self.replaced = 0

    def text(self, text: str) -> str:
        if not has_halves(text):
            return text
        stored = storable_text(text)
        self.replaced += stored.count("\ufffd") - text.count("\ufffd")
        return stored

    def cell(self, cell: Cell) -> Cell:
        value = self.text(cell.value) if isinstance(cell.value, str) else cell.value
        if value is cell.value and not has_halves(cell.text):
            return cell
        return dataclasses.replace(cell, text=self.text(cell.text), value=value)

    def block(self, block: Block) -> Block:
        if isinstance(block, Paragraph):
            return dataclasses.replace(block, text=self.text(block.text)) if has_halves(block.text) else block
        table: Table = block
        for row in table.rows:
            for i, cell in enumerate(row):
                if (fixed := self.cell(cell)) is not cell:
                    row[i] = fixed
        if table.name is not None:
            table.name = self.text(table.name)
        return table


def storable(paper: Paper) -> Paper:
    """``paper`` with every text (paragraphs, cells and their values, sheet names, the readers'
    warnings) as UTF-8 can hold it: changed in place, a paragraph or cell (frozen) replaced. Halves
    replaced are reported on ``paper.warnings`` (a ``parser_warning`` finding names the file)."""
    storing = _Storing()
    paper.blocks = [storing.block(block) for block in paper.blocks]
    paper.warnings = [storing.text(w) for w in paper.warnings]
    if storing.replaced:
        paper.warnings.append(f"{storing.replaced:,} character(s) of its text were half of a character (a UTF-16 "
                              "surrogate) without the other half, each shown as \ufffd")
    return paper
