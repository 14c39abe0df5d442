"""A paper's title, report reference, report date and committee date.

From labelled cells ('Report Date:' | '01/03/21') or labelled lines ('Report Date: 01/03/21'),
else from the opening text: the title is the first line of the paper, the report date the
first line near the top that is a date and nothing else ('15 February 2021').
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.model import Cell, Paper, Paragraph, Table
from pipeline.interpret.normalise import clean_text, parse_report_date, parse_single_date

LABELS: dict[str, re.Pattern[str]] = {
    "report_ref": re.compile(
        r"^(?:committee\s+)?(?:report|paper)\s*(?:ref(?:erence)?|no\.?|number)\s*[:.]?\s*(?P<v>.*)$", re.I),
    "committee_date": re.compile(
        r"^(?:committee|meeting)\s+date\s*[:.]?\s*(?P<v>.*)$|^date\s+of\s+(?:the\s+)?(?:committee|meeting)"
        r"\s*[:.]?\s*(?P<v2>.*)$", re.I),
    "report_date": re.compile(r"^(?:report\s+date|date\s+of\s+report|report\s+as\s+at|as\s+at)\s*[:.]?\s*(?P<v>.*)$",
                              re.I),
}
OPENING_BLOCKS = 15


@dataclass
class Metadata:
    title: str | None = None
    report_ref: str | None = None
    report_date: dt.date | None = None
    committee_date: dt.date | None = None


def _label(text: str) -> tuple[str, str] | None:
    cleaned = clean_text(text) or ""
    for name, pattern in LABELS.items():
        m = pattern.match(cleaned)
        if m:
            value = next((g for g in m.groups() if g), "") or ""
            return name, value.strip()
    return None


def _set(meta: Metadata, name: str, text: str, value: object = None) -> None:
    if getattr(meta, name) is not None or not (text or value):
        return
    if name == "report_ref":
        meta.report_ref = clean_text(text)
    else:
        setattr(meta, name, parse_report_date(text, value))


def _from_table(meta: Metadata, table: Table) -> None:
    """Label cells: 'Report Date:' then its value in the next cell. A label without a colon
    counts only in a row of two cells, so a table's header 'Report Ref' is not a label."""
    for row in table.rows:
        cells = [c for c in row if not c.is_blank]
        for i, cell in enumerate(cells):
            found = _label(cell.text)
            if not found or not (cell.text.strip().endswith(":") or len(cells) == 2 or found[1]):
                continue
            name, inline = found
            if inline:
                _set(meta, name, inline)
            elif i + 1 < len(cells):
                nxt: Cell = cells[i + 1]
                _set(meta, name, nxt.text, nxt.value)


def _first_text(paper: Paper) -> str | None:
    for block in paper.blocks[:OPENING_BLOCKS]:
        if isinstance(block, Paragraph):
            text = clean_text(block.text)
            if text:
                return text
        else:
            for row in block.rows[:3]:
                for cell in row:
                    text = clean_text(cell.text)
                    if text and not _label(text):
                        return text
            return None
    return None


def _opening_date(paper: Paper) -> dt.date | None:
    for block in paper.blocks[:OPENING_BLOCKS]:
        if isinstance(block, Paragraph):
            date, precision = parse_single_date(clean_text(block.text) or "")
            if date and precision == "day":
                return date
        elif block.index > 0:
            break
    return None


def read_metadata(paper: Paper) -> Metadata:
    meta = Metadata()
    for block in paper.blocks:
        if isinstance(block, Table):
            _from_table(meta, block)
        else:
            found = _label(block.text)
            if found and found[1]:
                _set(meta, found[0], found[1])
    meta.title = _first_text(paper)
    if meta.title and len(meta.title) > 200:
        meta.title = meta.title[:200]
    if meta.report_date is None:
        meta.report_date = _opening_date(paper)
    return meta
