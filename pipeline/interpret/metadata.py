"""A paper's title, report reference, report date and committee date.

- **Labels**, in cells ('Report Date:' | '01/03/21') or in lines of text, several to a line as
  a PDF printed from a spreadsheet runs them together ('Report Ref: AC 014 Report Date: 04/02/22
  Meeting Date: ###'): each label's value ends where the next label starts. A value of '#'s is a
  spreadsheet column too narrow to print: unreadable, never a value.
- **Prose** near the top: 'Report by the Director of Finance to the Policy and Resources
  Committee, 14 March 2022. Reference PR/22/07' gives the report date and the reference.
- Else the **opening text**: the title is the first line of the paper, the report date the first
  line near the top that is a date and nothing else ('15 February 2021').

Where the paper states no report date, :func:`settle_report_date` takes the fallbacks the
contract orders: the committee date, a date in the file name, the file's own last-modified date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from extractors.model import Paper, Paragraph, Table
from pipeline.interpret.council import council_named
from pipeline.interpret.normalise import (
    MONTHS,
    clean_text,
    find_date,
    month_end,
    parse_report_date,
    parse_single_date,
)

# a label: its words, then ':' or '.', or nothing before a value
_SEP = r"\s*[:.\-–]?\s*"
LABELS: dict[str, str] = {
    "report_ref": r"(?:committee\s+)?(?:report|paper)\s*(?:ref(?:erence)?|no\.?|number)|our\s+ref(?:erence)?"
                  r"|reference(?:\s+no\.?)?",
    "committee_date": r"(?:committee|meeting)\s+date|date\s+of\s+(?:the\s+)?(?:committee|meeting)",
    "report_date": r"report\s+date|date\s+of\s+report|(?:report|position|progress|update|status)\s+as\s+at"
                   r"|as\s+at|report\s+dated",
}
LABEL_RE = re.compile("|".join(f"(?P<{name}>\\b(?:{words}))" for name, words in LABELS.items()), re.I)
DATE_LABEL_RE = re.compile(r"^date\s*:\s*(?P<v>.+)$", re.I)  # a bare 'Date:' at the top is the report's
UNPRINTABLE = re.compile(r"^#+$")  # a spreadsheet column too narrow for its value
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9/\-. ]{0,18}[A-Z0-9]$|^[A-Z0-9]$", re.I)
PROSE_RE = re.compile(r"\breport\s+(?:by|of|from|to)\b", re.I)
OPENING_BLOCKS = 15
DETAILS_ROWS = 20  # a table states the report's details in its first rows (a sheet's top)
FILE_DATE_RES = (
    re.compile(r"(?<!\d)(?P<y>20\d{2})[-_. ]?(?P<m>0[1-9]|1[0-2])[-_. ]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>0[1-9]|[12]\d|3[01])[-_. ](?P<m>0[1-9]|1[0-2])[-_. ](?P<y>20\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>20\d{2})[-_. ](?P<m>0[1-9]|1[0-2])(?![\d])"),
    re.compile(r"(?<![a-z])(?P<mon>[a-z]{3,9})[-_. ]?(?P<y>20\d{2}|\d{2})(?!\d)", re.I),
)


@dataclass
class Metadata:
    title: str | None = None
    report_ref: str | None = None
    report_date: dt.date | None = None
    committee_date: dt.date | None = None
    council: str | None = None  # a council named in the title or the text at the top of the paper


# --- labels -----------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)  # the cells of a paper are looked at once as labels, once as values
def labelled(text: str, anchored: bool = True) -> tuple[tuple[str, str], ...]:
    """Every (field, value) a line states by its labels, in order; a value runs to the next label.
    ``anchored``: only a line that starts with a label states any."""
    cleaned = clean_text(text) or ""
    if anchored and not LABEL_RE.match(cleaned):
        return ()
    found = [(m.lastgroup or "", m.start(), m.end()) for m in LABEL_RE.finditer(cleaned)]
    if anchored and found and found[0][1] != 0:
        return ()
    out = []
    for i, (name, _, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(cleaned)
        value = re.sub(rf"^{_SEP}", "", cleaned[end:stop]).strip(" ,;")
        out.append((name, value))
    return tuple(out)


def _is_label_cell(text: str) -> bool:
    """A cell that is only a label ('Report Date:', 'Meeting date')."""
    found = labelled(text)
    return len(found) == 1 and not found[0][1]


def _value(name: str, text: str, value: object = None) -> object:
    """The field's value from the text after its label; None when it is unreadable or absent."""
    text = (text or "").strip()
    if UNPRINTABLE.match(text) or not (text or value is not None):
        return None
    if name == "report_ref":
        ref = clean_text(re.split(r"\s{2,}|[,;]", text)[0])
        return ref if ref and CODE_RE.match(ref) else None
    return parse_report_date(text, value)


def _set(meta: Metadata, name: str, text: str, value: object = None) -> None:
    if getattr(meta, name) is None:
        setattr(meta, name, _value(name, text, value))


def _from_table(meta: Metadata, table: Table) -> None:
    """Label cells: 'Report Date:' then its value in the next cell; or labels with their values in
    one cell. A label cell without a colon counts only in a row of two cells, so a table's header
    'Report Ref' is not a label."""
    for row in table.rows[:DETAILS_ROWS]:
        cells = [c for c in row if not c.is_blank and len(c.text) <= 300]
        for i, cell in enumerate(cells):
            if _is_label_cell(cell.text):
                if (cell.text.strip().endswith(":") or len(cells) == 2) and i + 1 < len(cells):
                    nxt = cells[i + 1]
                    _set(meta, labelled(cell.text)[0][0], nxt.text, nxt.value)
                continue
            for line in cell.text.splitlines():  # a cell of several labelled lines
                for name, value in labelled(line):
                    if value:
                        _set(meta, name, value)


def _from_prose(meta: Metadata, text: str) -> None:
    """'Report by the Director of Finance to the Policy and Resources Committee, 14 March 2022.
    Reference PR/22/07': the report's date and reference."""
    if meta.report_date is None and PROSE_RE.search(text):
        meta.report_date = find_date(text)
    for name, value in labelled(text, anchored=False):
        if value:
            _set(meta, name, value)


# --- the opening ------------------------------------------------------------------------------


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
                    if text and not labelled(text):
                        return text
            return None
    return None


def _opening(paper: Paper) -> list[Paragraph]:
    """The paragraphs before the first table (or the first few)."""
    out = []
    for block in paper.blocks[:OPENING_BLOCKS]:
        if not isinstance(block, Paragraph):
            break
        out.append(block)
    return out


def _opening_lines(paper: Paper) -> list[str]:
    """The lines of text a paper opens with: its paragraphs before the first table, then the rows
    of one cell at the top of that table (a sheet's title and byline above its header)."""
    opening = _opening(paper)
    lines = [clean_text(block.text) or "" for block in opening]
    following = paper.blocks[len(opening)] if len(opening) < min(len(paper.blocks), OPENING_BLOCKS) else None
    if isinstance(following, Table):
        for row in following.rows[:DETAILS_ROWS]:
            cells = [c for c in row if not c.is_blank]
            if len(cells) == 1 and len(cells[0].text) <= 300:
                lines.append(clean_text(cells[0].text) or "")
    return lines


def _opening_date(paper: Paper) -> dt.date | None:
    for block in _opening(paper):
        text = clean_text(block.text) or ""
        date, precision = parse_single_date(text)
        if date and precision == "day":
            return date
        m = DATE_LABEL_RE.match(text)
        if m and (date := parse_report_date(m.group("v"))):
            return date
    return None


def read_metadata(paper: Paper) -> Metadata:
    meta = Metadata()
    for block in paper.blocks:
        if isinstance(block, Table):
            _from_table(meta, block)
        else:
            for name, value in labelled(block.text):
                if value:
                    _set(meta, name, value)
    for text in _opening_lines(paper):
        _from_prose(meta, text)
    meta.title = _first_text(paper)
    if meta.title and len(meta.title) > 200:
        meta.title = meta.title[:200]
    if meta.report_date is None:
        meta.report_date = _opening_date(paper)
    meta.council = council_named([meta.title or "", *_top_texts(paper)])
    return meta


def _top_texts(paper: Paper) -> list[str]:
    """The text at the top of the paper: its opening lines, and the first rows of a table there."""
    out: list[str] = []
    for block in paper.blocks[:OPENING_BLOCKS]:
        if isinstance(block, Paragraph):
            out.append(clean_text(block.text) or "")
        else:
            out += [clean_text(cell.text) or "" for row in block.rows[:3] for cell in row]
            break
    return out


# --- when the paper states no report date ----------------------------------------------------


def file_name_date(name: str | None) -> dt.date | None:
    """A date in a file's name: '..._2021-12-13', '..._20211213', '13-12-2021', '..._2021-12' and
    'Dec2021' (a month: its last day)."""
    stem = PurePath(name or "").stem
    for pattern in FILE_DATE_RES:
        for m in pattern.finditer(stem):
            groups = m.groupdict()
            if groups.get("mon"):
                month = MONTHS.get(groups["mon"].lower())
                if month is None:
                    continue
                year = int(groups["y"]) + (2000 if len(groups["y"]) == 2 else 0)
                return month_end(year, month)
            year, month = int(groups["y"]), int(groups["m"])
            if groups.get("d"):
                try:
                    return dt.date(year, month, int(groups["d"]))
                except ValueError:
                    continue
            return month_end(year, month)
    return None


def settle_report_date(stated: dt.date | None, committee: dt.date | None, file_name: str | None,
                       modified: dt.date | None, override: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """The report date and where it came from: the configuration's override, else the paper, else
    the committee date, the file name, the file's properties (``report_date_source``)."""
    for date, source in ((override, "config"), (stated, "paper"), (committee, "committee_date"),
                         (file_name_date(file_name), "file_name"), (modified, "file_properties")):
        if date is not None:
            return date, source
    return None, None
