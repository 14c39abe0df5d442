"""The Excel mechanics the workbook's sheets share: formats, typed cells, Excel tables, page set-up.

A sheet's table is a DataFrame whose columns are described by :class:`Col`. Kinds:

- ``text``: written with ``write_string`` always; a text a spreadsheet could take for a formula
  (see :func:`pipeline.publish.workbook.text.is_formula_like`) also gets a quote prefix.
- ``date`` / ``datetime``: real Excel dates, ``dd/mm/yyyy`` (``dd/mm/yyyy hh:mm``).
- ``percent``: 0 to 100 in the frame (the contract's unit), written as the fraction 0 to 1 with
  the format ``0%``, so 40 shows as 40% and sums and averages work; ``change`` is a difference
  in percentage points, shown ``+10%`` / ``-5%``.
- ``int``: whole numbers (``count``: the same, centred under its header, for tables of counts);
  ``link``: a :class:`Link` to a file, written as a hyperlink.
- ``ref``: a paper's action number: a plain whole number ('2', '10') is written as a number, any
  other ('1.3', '1.10', '4a', '01') as text, so '1.10' never becomes 1.1; both left-aligned, and
  Excel's 'number stored as text' flag is switched off over the column.
- ``note``: text an analyst typed (carried over from the workbook this one replaces), wrapped, on
  a pale fill that marks the column as theirs to write in.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.publish.workbook.text import is_formula_like
from pipeline.schema import missing

Kind = Literal["text", "date", "datetime", "percent", "change", "int", "count", "link", "ref", "note"]

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
PERCENT_FORMAT = "0%"
CHANGE_FORMAT = "+0%;-0%;0%"
INT_FORMAT = "0"
TABLE_STYLE = "Table Style Medium 2"
MAX_LINKS = 65_000  # Excel allows 65,530 hyperlinks a sheet
MAX_URL = 2_000  # and 2,079 characters a link
MAX_FROZEN_PIXELS = 420  # the most a summary above a table may take of the screen, frozen
LINE_HEIGHT = 15.0  # points, Calibri 11
NOTE_FILL = "#FFF9E5"  # the Notes columns: pale yellow, a place to write
PLAIN_INTEGER = re.compile(r"0|[1-9][0-9]{0,14}")  # a ref Excel holds exactly as a number
MAX_ROW_HEIGHT = 409.0  # Excel's limit

_FIXED_WIDTH: dict[str, float] = {"date": 11.5, "datetime": 16, "percent": 9, "change": 9, "int": 9, "count": 9}
_WRAP_WIDTH = 60.0
_MAX_WIDTH = 45.0
_MIN_WIDTH = 6.0


@dataclass(frozen=True)
class Col:
    header: str
    kind: Kind = "text"
    width: float | None = None  # None: fitted to the header and the content
    wrap: bool = False


@dataclass(frozen=True)
class Link:
    """A hyperlink cell: ``target`` is a file path relative to the workbook's folder (or absolute),
    or ``internal:'Sheet'!A1`` for a place in the workbook."""

    target: str
    text: str
    tip: str = "Open this paper's copy in raw/"

    @property
    def url(self) -> str:
        """What xlsxwriter's ``write_url`` takes: a place in the workbook or a web address as it is,
        a file path (relative, absolute or UNC) as ``external:``."""
        if self.target.startswith("internal:") or "://" in self.target:
            return self.target
        return "external:" + self.target


NUMBER_FORMATS = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "percent": PERCENT_FORMAT,
                  "change": CHANGE_FORMAT, "int": INT_FORMAT, "count": INT_FORMAT}
WHOLE = ("int", "count")

class Formats:
    """One xlsxwriter Format per distinct set of properties (Excel keeps a cell-style table)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}
        self._cells: dict[tuple[Kind, bool, bool], Format] = {}

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.book.add_format(dict(props))
        return self._cache[key]

    def cell(self, kind: Kind, wrap: bool = False, quote: bool = False) -> Format:
        key = (kind, wrap, quote)
        if key not in self._cells:
            self._cells[key] = self._cell(kind, wrap, quote)
        return self._cells[key]

    def _cell(self, kind: Kind, wrap: bool, quote: bool) -> Format:
        props: dict[str, Any] = {"valign": "top"}
        if wrap:
            props["text_wrap"] = True
        if quote:
            props["quote_prefix"] = True
        if kind in NUMBER_FORMATS:
            props["num_format"] = NUMBER_FORMATS[kind]
        if kind == "count":
            props["align"] = "center"
        elif kind == "link":
            props.update(font_color="#0563C1", underline=1)
        elif kind == "ref":
            props["align"] = "left"
        elif kind == "note":
            props.update(text_wrap=True, bg_color=NOTE_FILL)
        return self.get(**props)

    @property
    def header(self) -> Format:
        return self.get(bold=True, text_wrap=True, valign="top")

    @property
    def title(self) -> Format:
        return self.get(bold=True, font_size=14, font_color="#1F3864")

    @property
    def note(self) -> Format:
        return self.get(italic=True, font_color="#595959")


class SheetWriter:
    """Writes typed cells on one worksheet, counting its hyperlinks."""

    def __init__(self, sheet: Worksheet, formats: Formats) -> None:
        self.sheet = sheet
        self.formats = formats
        self.links = 0
        self.ref_ranges: list[str] = []  # the ref columns: Excel's 'number stored as text' flag is off there

    def refs_in(self, cell_range: str) -> None:
        """No 'number stored as text' triangles over ``cell_range`` (refs such as '1.3' are text)."""
        self.ref_ranges.append(cell_range)
        self.sheet.ignore_errors({"number_stored_as_text": " ".join(self.ref_ranges)})

    def ref(self, row: int, col: int, value: Any) -> None:
        """A ref: a plain whole number as a number, anything else as text."""
        text = str(value).strip() if isinstance(value, str) else value
        if isinstance(text, str) and PLAIN_INTEGER.fullmatch(text):
            self.sheet.write_number(row, col, int(text), self.formats.cell("ref"))
        elif isinstance(text, int) and not isinstance(text, bool):
            self.sheet.write_number(row, col, text, self.formats.cell("ref"))
        else:
            self.text(row, col, str(value))

    def text(self, row: int, col: int, value: str, wrap: bool = False) -> None:
        fmt = self.formats.cell("text", wrap=wrap, quote=is_formula_like(value))
        self.sheet.write_string(row, col, value, fmt)

    def cell(self, row: int, col: int, value: Any, spec: Col) -> None:
        if missing(value):
            return
        kind, sheet = spec.kind, self.sheet
        if kind in ("date", "datetime") and (when := _as_datetime(value)) is not None:
            sheet.write_datetime(row, col, when, self.formats.cell(kind))
        elif kind in ("percent", "change", *WHOLE) and _finite(value):
            number = float(value) / 100.0 if kind not in WHOLE else int(value)
            sheet.write_number(row, col, number, self.formats.cell(kind))
        elif kind == "link" and isinstance(value, Link):
            self.link(row, col, value)
        elif kind == "ref":
            self.ref(row, col, value)
        elif kind == "note":
            shown = str(value)
            self.sheet.write_string(row, col, shown, self.formats.cell("note", quote=is_formula_like(shown)))
        else:
            self.text(row, col, str(value), wrap=spec.wrap)

    def column(self, spec: Col) -> Callable[[int, int, Any], None]:
        """:meth:`cell` for one column's cells, its choices made once: text columns, most of a
        workbook's cells, go straight to ``write_string``."""
        if spec.kind in ("percent", "change", *WHOLE):
            return self._number_column(spec)
        if spec.kind != "text":
            return lambda row, col, value: None if value is None else self.cell(row, col, value, spec)
        write, cell_format, wrap = self.sheet.write_string, self.formats.cell, spec.wrap

        def text(row: int, col: int, value: Any) -> None:
            if value is None or missing(value):
                return
            shown = value if type(value) is str else str(value)
            write(row, col, shown, cell_format("text", wrap, is_formula_like(shown)))

        return text

    def _number_column(self, spec: Col) -> Callable[[int, int, Any], None]:
        write, cell_format, kind = self.sheet.write_number, self.formats.cell, spec.kind

        def number(row: int, col: int, value: Any) -> None:
            if value is None:
                return
            if (type(value) is float or type(value) is int) and math.isfinite(value):
                write(row, col, value / 100.0 if kind not in WHOLE else int(value), cell_format(kind))
            else:  # missing, not finite, or not a plain number: as cell() decides
                self.cell(row, col, value, spec)

        return number

    def link(self, row: int, col: int, link: Link) -> None:
        if self.links >= MAX_LINKS or len(link.target) > MAX_URL:
            self.text(row, col, link.text)
            return
        self.links += 1
        fmt = self.formats.cell("link", quote=is_formula_like(link.text))
        self.sheet.write_url(row, col, link.url, fmt, string=link.text, tip=link.tip)


def sheet_named(book: Workbook, name: str) -> Worksheet:
    """The sheet called ``name``: the one added already (to fix the sheets' order), else a new one."""
    return book.get_worksheet_by_name(name) or book.add_worksheet(name)


def _as_datetime(value: Any) -> dt.datetime | None:
    """``value`` as a naive datetime Excel can hold (1900 to 9999), else None (it is shown as text)."""
    try:
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        elif not isinstance(value, dt.date):
            value = pd.Timestamp(value).to_pydatetime()
    except (ValueError, TypeError, OverflowError):
        return None
    if not 1900 <= value.year <= 9999:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime(value.year, value.month, value.day)


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _shown_length(value: Any) -> int:
    if missing(value):
        return 0
    if isinstance(value, Link):
        return len(value.text)
    return max((len(line) for line in str(value).splitlines()), default=0)


def fitted_width(spec: Col, values: Sequence[Any]) -> float:
    """A column width from the header's longest word and the longer contents (90th percentile)."""
    if spec.width is not None:
        return spec.width
    header = max((len(word) for word in spec.header.split()), default=0) + 3  # + the filter button
    if spec.kind in _FIXED_WIDTH:
        return max(_FIXED_WIDTH[spec.kind], float(header))
    lengths = sorted(_shown_length(v) for v in values[:5000])
    content = lengths[int(len(lengths) * 0.9)] if lengths else 0
    cap = _WRAP_WIDTH if spec.wrap else _MAX_WIDTH
    return min(cap, max(_MIN_WIDTH, float(header), content + 2.0))


class Placed(NamedTuple):
    last_row: int
    last_col: int
    widths: list[float]
    heights: dict[int, float]  # rows given a height (points) to show their wrapped text


def fitted_widths(frame: pd.DataFrame, cols: Sequence[Col]) -> list[float]:
    return [fitted_width(c, list(frame[c.header]) if len(frame) else []) for c in cols]


def write_table(w: SheetWriter, top: int, left: int, name: str, frame: pd.DataFrame,
                cols: Sequence[Col], totals: dict[str, str] | None = None,
                widths: Sequence[float] | None = None, filters: bool = True) -> Placed:
    """Write ``frame`` as Excel table ``name`` with its header at (top, left).

    ``totals`` maps a header to a ``total_function`` (or to a label with the prefix ``label:``)
    for a totals row. ``widths`` are the widths the columns already have (a table placed over
    another one's columns); without them each column is fitted and set. ``filters`` False: no filter
    buttons (a small table of counts with totals), and the headers of counts centred over them.
    Returns where it ended.
    """
    headers = [c.header for c in cols]
    n = len(frame)
    data = frame[headers].to_numpy(dtype=object) if n else None
    fitted = []
    for j, spec in enumerate(cols):
        column = list(data[:, j]) if data is not None else []
        if widths is None:
            fitted.append(fitted_width(spec, column))
            w.sheet.set_column(left + j, left + j, fitted[j])
        else:
            fitted.append(widths[j])
        put = w.column(spec)
        for i, value in enumerate(column):
            put(top + 1 + i, left + j, value)
        if spec.kind == "ref":
            w.refs_in(f"{xl_rowcol_to_cell(top + 1, left + j)}:{xl_rowcol_to_cell(top + max(n, 1), left + j)}")
        elif spec.kind == "note":  # the empty cells too: the column invites writing
            for i in range(max(n, 1)):
                if i >= n or missing(column[i]):
                    w.sheet.write_blank(top + 1 + i, left + j, None, w.formats.cell("note"))
    heights = _fit_rows(w, top, cols, fitted, data)
    last_row = top + max(n, 1) + (1 if totals else 0)
    columns: list[dict[str, Any]] = []
    for j, spec in enumerate(cols):
        header = w.formats.header if filters or spec.kind != "count" else w.formats.get(
            bold=True, text_wrap=True, valign="top", align="center")
        column_opts: dict[str, Any] = {"header": spec.header, "header_format": header}
        total = (totals or {}).get(spec.header)
        if total and total.startswith("label:"):
            column_opts["total_string"] = total[len("label:"):]
            column_opts["format"] = w.formats.get(bold=True, valign="top")
        elif total:
            column_opts["total_function"] = _subtotal(total, name, spec.header)
            column_opts["total_value"] = _total_value(total, data[:, j] if data is not None else [], spec)
            column_opts["format"] = w.formats.cell(spec.kind)
        columns.append(column_opts)
    w.sheet.add_table(top, left, last_row, left + len(cols) - 1, {
        "name": name, "style": TABLE_STYLE, "columns": columns, "total_row": bool(totals), "autofilter": filters,
    })
    return Placed(last_row, left + len(cols) - 1, fitted, heights)


def width_pixels(widths: Sequence[float]) -> int:
    """Excel's on-screen width of columns this many characters wide (Calibri 11: 7 px a character)."""
    return sum(int(width * 7 + 5) for width in widths)


def wrapped_lines(value: Any, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide (an estimate)."""
    if missing(value):
        return 1
    budget = max(1, int(width * 1.1))
    text = str(value)
    if len(text) <= budget and "\n" not in text:
        return 1
    lines = 0
    for paragraph in text.split("\n"):
        used, lines = 0, lines + 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > budget:
                lines, used = lines + 1, 0
            if len(word) > budget:
                lines += (len(word) - 1) // budget
                used = len(word) % budget
            else:
                used += len(word) + (1 if used else 0)
    return lines


def _fit_rows(w: SheetWriter, top: int, cols: Sequence[Col], widths: list[float], data: Any) -> dict[int, float]:
    """Row heights for wrapped text, set explicitly: not every reader fits them on opening."""
    heights: dict[int, float] = {}
    header = max(wrapped_lines(c.header, widths[j] - 2) for j, c in enumerate(cols))
    if header > 1:
        heights[top] = LINE_HEIGHT * header
    wrapped = [j for j, c in enumerate(cols) if c.wrap]
    for i in range(len(data) if data is not None and wrapped else 0):
        lines = max(wrapped_lines(data[i, j], widths[j]) for j in wrapped)
        if lines > 1:
            heights[top + 1 + i] = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)
    for row, height in heights.items():
        w.sheet.set_row(row, height)
    return heights


def pixels_above(row: int, heights: dict[int, float]) -> int:
    """The on-screen height of the rows above ``row`` (the title row is 21 points, others 15 unless set)."""
    points = sum(heights.get(r, 21.0 if r == 0 else LINE_HEIGHT) for r in range(row))
    return int(points * 4 / 3)


def rows_for(pixels: int, first: int, heights: dict[int, float]) -> int:
    """How many rows from ``first`` down it takes to cover ``pixels`` (default rows are 20 px)."""
    row, covered = first, 0.0
    while covered < pixels:
        covered += heights.get(row, LINE_HEIGHT) * 4 / 3
        row += 1
    return row - first


_SUBTOTALS = {"average": 101, "count": 103, "sum": 109}


def _subtotal(function: str, table: str, header: str) -> str:
    """A totals-row formula naming the table in full (LibreOffice misreads a bare [Two words])."""
    escaped = "".join("'" + ch if ch in "'#[]" else ch for ch in header)
    return f"SUBTOTAL({_SUBTOTALS[function]},{table}[{escaped}])"


def _total_value(function: str, values: Any, spec: Col) -> float:
    numbers = [float(v) for v in values if not missing(v)]
    scale = 100.0 if spec.kind in ("percent", "change") else 1.0
    if function == "sum":
        return sum(numbers) / scale
    if function == "average":
        return (sum(numbers) / len(numbers) / scale) if numbers else 0.0
    if function == "count":
        return float(len(numbers))
    raise ValueError(f"no cached value for total function {function!r}")


def sheet_heading(w: SheetWriter, title: str, note: str) -> None:
    w.sheet.set_row(0, 21)
    w.sheet.write_string(0, 0, title, w.formats.title)
    w.sheet.write_string(1, 0, note, w.formats.note)


def page_setup(sheet: Worksheet, header_row: int, freeze_cols: int = 0, freeze_rows: bool = True) -> None:
    """Frozen headers on screen; landscape A4, one page wide, headers repeated, page numbers.

    ``freeze_rows`` False freezes only the columns: for a summary above the table so tall that
    freezing down to the header would leave little room to scroll (many plans). Excel then shows
    the table's headers in place of the column letters while scrolling through it.
    """
    sheet.freeze_panes(header_row + 1 if freeze_rows else 0, freeze_cols)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(header_row)
    sheet.set_header("&L&\"Calibri,Bold\"&A&R&F")
    sheet.set_footer("&LBest Value tracker&RPage &P of &N")
