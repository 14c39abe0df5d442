"""Excel workbooks (.xlsx) with openpyxl: each visible sheet becomes one Table.

Every non-empty cell (a value, or a fill: RAG is often only a colour) is kept at its grid
position; a merged range becomes one cell at its top-left with its span. Cell text is what
Excel shows: a 0.7 formatted '0%' reads '70%', a date 'dd/mm/yyyy'; the typed value and the
number format travel with it so the normaliser never has to guess.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

from extractors.colours import apply_tint, is_mark, normalise_hex
from extractors.errors import ExtractionError
from extractors.model import Cell, Paper, Table
from extractors.opc import RT_CORE, parse, related
from extractors.strict import is_strict_package, transitional_package
from extractors.xlsx_conditional import conditional_fills

THEME_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EXCEL_CELL_CHARS = 32_767  # the most text an Excel cell holds (Excel's specifications and limits)
# Excel's theme colour indices swap the first two pairs of the theme's colour scheme.
THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5",
               "accent6", "hlink", "folHlink"]


def theme_colours(theme_xml: bytes | str | None) -> list[str]:
    """The workbook theme's colours, in Excel's theme-index order."""
    if not theme_xml:
        return []
    try:
        root = ElementTree.fromstring(theme_xml)
    except ElementTree.ParseError:
        return []
    scheme = root.find(f".//{THEME_NS}clrScheme")
    if scheme is None:
        return []
    found: dict[str, str] = {}
    for child in scheme:
        name = child.tag.replace(THEME_NS, "")
        for colour in child:
            found[name] = colour.get("lastClr") or colour.get("val") or ""
    return [found.get(name, "") for name in THEME_ORDER]


def fill_hex(cell: Any, theme: list[str]) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return None
    return colour_hex(fill.fgColor if fill.fill_type == "solid" else (fill.fgColor or fill.bgColor), theme)


def colour_hex(colour: Any, theme: list[str]) -> str | None:
    """An openpyxl colour (RGB, theme with tint, or indexed) as 'RRGGBB'; None for none or white."""
    if colour is None:
        return None
    kind = colour.type
    if kind == "rgb" and isinstance(colour.rgb, str):
        return normalise_hex(colour.rgb)
    if kind == "theme" and isinstance(colour.theme, int) and colour.theme < len(theme):
        base = theme[colour.theme]
        return normalise_hex(apply_tint(base, colour.tint or 0.0)) if base else None
    if kind == "indexed" and isinstance(colour.indexed, int):
        from openpyxl.styles.colors import COLOR_INDEX  # openpyxl loads in 0.13 s: only once a .xlsx is read

        if colour.indexed < len(COLOR_INDEX):
            return normalise_hex(COLOR_INDEX[colour.indexed])
    return None


def _format_number(value: float, number_format: str) -> str:
    if "%" in number_format:
        decimals = len(m.group(1)) if (m := re.search(r"0\.(0+)%", number_format)) else 0
        return f"{value * 100:.{decimals}f}%"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


_FORMAT_SECTION = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # quoted text, escaped characters, [colour] and [$-locale]
_MONTH_TOKENS = [("mmmm", "%B"), ("mmm", "%b"), ("yyyy", "%Y"), ("yy", "%y")]


def _month_format(number_format: str) -> str | None:
    """A date format that shows a month and a year and no day ('mmm-yy', 'mmmm yyyy') as a
    ``strftime`` format ('%b-%y'): Excel prints such a date 'Jun-23', and a reader takes it for the
    month, not its first day. None for any other format."""
    fmt = _FORMAT_SECTION.sub("", (number_format or "").split(";")[0]).lower()
    if "d" in fmt or "h" in fmt or "s" in fmt or "mmm" not in fmt or "yy" not in fmt:
        return None
    for token, directive in _MONTH_TOKENS:
        fmt = fmt.replace(token, directive)
    return fmt if re.fullmatch(r"(?:%[BbYy]|[ \-/.,'])+", fmt) else None


def display_text(value: Any, number_format: str) -> str:
    """What Excel shows for a value, close enough for reading papers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime(_month_format(number_format) or "%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return _format_number(value, number_format or "General")
    return str(value).replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")


def within_cell_limit(value: Any) -> tuple[Any, bool]:
    """Text cut at the most an Excel cell holds (:data:`EXCEL_CELL_CHARS`), as Excel cuts it when it
    repairs such a file, and whether it was cut. One shared string can fill every cell of a sheet:
    a 100 KB file can hold a megabyte of text in each of 12,000 cells."""
    if isinstance(value, str) and len(value) > EXCEL_CELL_CHARS:
        return value[:EXCEL_CELL_CHARS], True
    return value, False


def _typed(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | int | float | str) or value is None:
        return value
    return str(value)


def _merges(ws: Any) -> tuple[dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in (getattr(ws, "merged_cells", None) and ws.merged_cells.ranges) or []:
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        covered.update((r, c) for r in range(rng.min_row, rng.max_row + 1)
                       for c in range(rng.min_col, rng.max_col + 1) if (r, c) != (rng.min_row, rng.min_col))
    return spans, covered


def _sheet_cells(ws: Any) -> list[Any]:
    """The cells the sheet defines. A normal sheet keeps them in ``_cells``: iterating the full
    grid would trust the <dimension> element and can walk a million rows of nothing. A
    read-only sheet streams its rows."""
    if hasattr(ws, "_cells"):
        return [cell for _, cell in sorted(ws._cells.items())]
    return [cell for row in ws.iter_rows() for cell in row if getattr(cell, "row", None)]


def sheet_table(ws: Any, index: int, sheet_number: int, theme: list[str],
                warnings: list[str] | None = None) -> Table | None:
    """The sheet's cells as one Table; cells whose text had to be cut are said on ``warnings``."""
    spans, covered = _merges(ws)
    hidden_rows, hidden_cols = _hidden(ws)
    found: list[tuple[int, int, Any, Any, str, str | None]] = []
    cut: list[str] = []
    left_out = 0
    cells = _sheet_cells(ws)
    by_place = {(cell.row, cell.column): cell.value for cell in cells}
    last = (max((r for r, _ in by_place), default=0), max((c for _, c in by_place), default=0))
    ruled = conditional_fills(ws, lambda r, c: by_place.get((r, c)), lambda colour: colour_hex(colour, theme), last)
    for cell in cells:
        r, c = cell.row, cell.column
        if (r, c) in covered:
            continue
        if r in hidden_rows or c in hidden_cols:
            left_out += cell.value is not None
            continue
        value, was_cut = within_cell_limit(cell.value)
        if was_cut:
            cut.append(getattr(cell, "coordinate", f"row {r}, column {c}"))
        fmt = cell.number_format or "General"
        text = display_text(value, fmt)
        fill = fill_hex(cell, theme) if cell.has_style else None
        if fill is None and cell.has_style and is_mark(text):  # a coloured '●' colours its cell
            fill = colour_hex(cell.font.color if cell.font is not None else None, theme)
        fill = ruled.get((r, c), fill)  # a conditional format's colour shows over the cell's own
        if text.strip() or fill is not None:
            found.append((r, c, cell, value, text, fill))
    for (r, c), colour in ruled.items():  # an empty cell the sheet does not define, coloured by a rule
        if (r, c) not in by_place and (r, c) not in covered and r not in hidden_rows and c not in hidden_cols:
            found.append((r, c, None, None, "", colour))
    found.sort(key=lambda f: (f[0], f[1]))
    if cut and warnings is not None:
        warnings.append(f"sheet {ws.title!r}: {len(cut):,} cell(s) hold more text than an Excel cell can "
                        f"({EXCEL_CELL_CHARS:,} characters), cut there as Excel cuts it: {', '.join(cut[:5])}"
                        f"{' …' if len(cut) > 5 else ''}")
    if left_out and warnings is not None:
        warnings.append(f"sheet {ws.title!r}: {left_out:,} cell(s) in hidden rows or columns left out, as Excel "
                        f"prints the sheet ({len(hidden_rows):,} hidden row(s), {len(hidden_cols):,} column(s))")
    if not found:
        return None
    top, left = min(f[0] for f in found), min(f[1] for f in found)
    bottom, right = max(f[0] for f in found), max(f[1] for f in found)
    row_at = _visible_positions(top, bottom, hidden_rows)  # sheet row -> the table's row, hidden ones gone
    col_at = _visible_positions(left, right, hidden_cols)
    rows: list[list[Cell]] = [[] for _ in range(len(row_at))]
    for r, c, cell, value, text, fill in found:
        rowspan, colspan = spans.get((r, c), (1, 1))
        rowspan = max(1, sum(1 for k in range(r, r + rowspan) if k not in hidden_rows))
        colspan = max(1, sum(1 for k in range(c, c + colspan) if k not in hidden_cols))
        rows[row_at[r]].append(Cell(text=text, row=row_at[r], col=col_at[c], rowspan=rowspan, colspan=colspan,
                                    fill=fill, value=_typed(value),
                                    number_format=cell.number_format if cell is not None else None,
                                    page=sheet_number))
    return Table(rows=rows, index=index, page=sheet_number, name=ws.title)


def _hidden(ws: Any) -> tuple[set[int], set[int]]:
    """The sheet's hidden rows and columns (filtered out, in a collapsed group, or hidden), by number."""
    rows = {r for r, dim in getattr(ws, "row_dimensions", {}).items() if getattr(dim, "hidden", False)}
    cols: set[int] = set()
    for dim in getattr(ws, "column_dimensions", {}).values():
        if getattr(dim, "hidden", False) and dim.min and dim.max and dim.max - dim.min < 16_384:
            cols.update(range(dim.min, dim.max + 1))
    return rows, cols


def _visible_positions(first: int, last: int, hidden: set[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for k in range(first, last + 1):
        if k not in hidden:
            out[k] = len(out)
    return out


LOAD_ERRORS = (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, IndexError, OSError,
               ElementTree.ParseError)


def _read(path: str) -> tuple[bytes, set[str]]:
    """The workbook's bytes, and which of 'modified' and 'created' its core properties declare
    (:func:`declared_dates`). A Strict Open XML workbook's bytes (openpyxl would read it as empty)
    come with their names turned into Transitional's (:mod:`extractors.strict`)."""
    from lxml import etree  # openpyxl's XML library: loaded with it

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ExtractionError(path, f"cannot be read as a workbook: {exc.strerror or exc}") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            strict, declared = is_strict_package(archive), declared_dates(archive)
    except Exception:  # a damaged package (zipfile and zlib raise many kinds): openpyxl says why
        return data, set()
    if not strict:
        return data, declared
    try:
        return transitional_package(data), declared
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        reason = f"cannot be read as a workbook: a Strict Open XML part does not parse: {exc}"
        raise ExtractionError(path, reason) from exc


def _open(path: str, data: bytes) -> tuple[Any, str | None]:
    """The workbook; if openpyxl cannot load it fully (pivot tables it cannot parse, say), the
    read-only reader, which skips those parts but loses merged ranges."""
    import openpyxl  # loads in 0.13 s: only once a .xlsx is read

    # opened as a file object: openpyxl refuses a path whose extension is not .xlsx, and the
    # format was already decided by the file's content
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True), None
    except LOAD_ERRORS as exc:
        first = f"{type(exc).__name__}: {exc}"
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except LOAD_ERRORS as exc:
        raise ExtractionError(path, f"cannot be read as a workbook: {first}") from exc
    return book, f"read without merged cells after: {first}"


DCTERMS = "{http://purl.org/dc/terms/}"


def declared_dates(archive: zipfile.ZipFile) -> set[str]:
    """Which of 'modified' and 'created' the workbook's core properties declare. openpyxl makes up
    *now* for a date they lack (and for both where there are none), which would become the paper's
    report date; a date it did not read is no date."""
    from lxml import etree  # openpyxl's XML library: loaded with it

    try:
        part = related(archive, "/", RT_CORE)
        core = parse(archive.read(part.lstrip("/"))) if part else None
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return set()
    return {name for name in ("modified", "created") if core is not None and core.find(f"{DCTERMS}{name}") is not None}


def extract(path: str) -> Paper:
    data, declared = _read(path)
    wb, warning = _open(path, data)
    paper = Paper(path=path, format="xlsx", warnings=[warning] if warning else [])
    try:
        theme = theme_colours(getattr(wb, "loaded_theme", None))
        for number, ws in enumerate(wb.worksheets, start=1):
            if getattr(ws, "sheet_state", "visible") != "visible" or not hasattr(ws, "iter_rows"):
                continue  # hidden sheets and chart sheets
            table = sheet_table(ws, len(paper.tables), number, theme, paper.warnings)
            if table is not None:
                paper.blocks.append(table)
        paper.n_pages = len(wb.worksheets)
        props = getattr(wb, "properties", None)
        when = [getattr(props, name, None) for name in ("modified", "created") if name in declared]
        paper.modified = next((w for w in when if isinstance(w, dt.datetime)), None)
    except LOAD_ERRORS as exc:
        raise ExtractionError(path, f"cannot be read as a workbook: {type(exc).__name__}: {exc}") from exc
    finally:
        wb.close()
    return paper
