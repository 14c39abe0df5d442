"""Write a :class:`~layouts.spec.PaperSpec` in each producer's form.

- ``docx``: python-docx. Paragraphs in Word's Title / Heading 1 / Normal / List Bullet styles; each
  table a real Word table, spans merged with ``cell.merge``, fills as ``w:shd``, font colours as
  the runs' colour, header rows marked to repeat on each page, ruled tables in 'Table Grid',
  unruled ones with every border off; a rotated cell's text runs bottom to top (``w:textDirection
  btLr``) in a row at least as tall as the text is long, a cell's vertical alignment as ``w:vAlign``.
- ``xlsx``: openpyxl. Blocks stacked down each sheet (a blank row between) or placed at their
  ``at``; spans merged, fills solid, font colours in the cells' fonts, typed values with their
  number formats, text wrapped, column widths from the table's, printed landscape (where the spec
  is) and fitted to the page width; a sheet's frozen panes and autofilter where it has them; a
  rotated cell's text turned 90 degrees (``text_rotation``) in a row tall enough for it, the
  cell's vertical alignment; a table's hidden rows and columns and its rows in a collapsed outline
  group, an autofilter's criteria, a hidden sheet (LibreOffice leaves them out of its print).
- ``pdf``: reportlab's platypus. Tables with the spec's column widths, text wrapped in its column,
  spans, fills, font colours (``<font color>``), grid lines only for ruled tables, header rows
  repeated, long tables split between rows; where a row (or a block of rows merged down) is taller
  than the page, split inside rows as Word does (see :func:`_pdf_table`); a rotated cell's text
  drawn turned 90 degrees from the cell's foot, a cell's vertical alignment as its VALIGN. Helvetica,
  or DejaVu Sans where the text needs it.
- ``lo-docx`` / ``lo-xlsx``: the PDF LibreOffice prints from the .docx / .xlsx (``soffice
  --headless --convert-to pdf``), many files per call, a few calls at once, each in a private
  profile (kept in the temp folder between builds: a new one takes seconds to set up).

A spec's ``post_docx`` / ``post_xlsx`` hook edits the Document / Workbook right before it is saved
(the .docx or .xlsx, and the copy LibreOffice prints, carry the edit).

Every form is reproducible: the files' own dates are the spec's ``modified`` (else
:data:`FIXED_DATE`), zip members carry a fixed timestamp, reportlab runs invariant and
LibreOffice's dates and document id are rewritten in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layouts.spec import PRODUCERS, Block, C, P, PaperSpec, Producer, Sheet, T

FIXED_DATE = dt.datetime(2000, 1, 1)  # a file's own date where the spec gives none (reportlab's invariant date too)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # zip members' timestamp: the earliest a zip can hold

SUFFIXES: dict[Producer, str] = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".rl.pdf",
                                 "lo-docx": ".lo-docx.pdf", "lo-xlsx": ".lo-xlsx.pdf"}

SOFFICE = os.environ.get("SOFFICE", "soffice")
FONT = "Arial"  # docx and xlsx: LibreOffice prints it as the metric-compatible Liberation Sans


def file_name(spec: PaperSpec, producer: Producer) -> str:
    """The paper's file name in one producer's form: the spec's name (a plausible council file
    name, with its date) and a suffix naming the producer ('.rl.pdf', '.lo-docx.pdf')."""
    return spec.name + SUFFIXES[producer]


def when(spec: PaperSpec) -> dt.datetime:
    """The file's own created/modified date: the spec's (in UTC, as the files store it), else
    :data:`FIXED_DATE`."""
    moment = spec.modified or FIXED_DATE
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment


# --- tables as grids -------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """A cell at its top-left grid position."""

    row: int
    col: int
    cell: C

    @property
    def bottom(self) -> int:
        return self.row + self.cell.rowspan - 1

    @property
    def right(self) -> int:
        return self.col + self.cell.colspan - 1


@dataclass(frozen=True)
class Grid:
    """A table's cells placed on its grid; positions no cell covers hold an empty cell."""

    cells: list[Placed]
    n_rows: int
    n_cols: int

    def row(self, index: int) -> list[Placed]:
        return [p for p in self.cells if p.row == index]


def as_cell(item: C | str) -> C:
    return item if isinstance(item, C) else C(str(item))


def grid(table: T) -> Grid:
    """Place a table's cells on its grid: each row's cells left to right, skipping positions a
    cell above covers with its rowspan. Short rows are padded with empty cells on the right."""
    covered: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(table.rows):
        c = 0
        for item in row:
            cell = as_cell(item)
            if cell.colspan < 1 or cell.rowspan < 1:
                raise ValueError(f"row {r}: a span below 1 in {cell!r}")
            while (r, c) in covered:
                c += 1
            placed.append(Placed(r, c, cell))
            covered.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
    n_rows = len(table.rows)
    if not placed:
        raise ValueError("a table with no cells")
    overrun = [p for p in placed if p.bottom >= n_rows]
    if overrun:
        raise ValueError(f"a rowspan runs past the table's last row: {overrun[0].cell!r} at row {overrun[0].row}")
    n_cols = max((c + 1 for _, c in covered), default=0)
    if table.widths is not None and len(table.widths) != n_cols:
        raise ValueError(f"{len(table.widths)} widths for a table of {n_cols} columns")
    placed += [Placed(r, c, C()) for r in range(n_rows) for c in range(n_cols) if (r, c) not in covered]
    placed.sort(key=lambda p: (p.row, p.col))
    return Grid(placed, n_rows, n_cols)


def fractions(table: T, n_cols: int) -> list[float]:
    """Column widths as fractions of the table's width."""
    widths = list(table.widths) if table.widths is not None else [1.0] * n_cols
    total = sum(widths) or 1.0
    return [w / total for w in widths]


def hex6(fill: str) -> str:
    value = fill.lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", value):
        raise ValueError(f"a fill is 'RRGGBB', not {fill!r}")
    return value


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n")


def rotated_length(cell: C, size: float) -> float:
    """How long, in points, a rotated cell's longest line runs (Helvetica metrics, which Arial
    shares): the height its row needs, less padding."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = "Helvetica-Bold" if cell.bold else "Helvetica"
    return max((stringWidth(line, font, size) for line in _plain(cell.text).split("\n")), default=0.0)


def narrow_words(spec: PaperSpec) -> list[tuple[str, str, float]]:
    """Words wider than their table column in a producer's form, as (form, word, room in points):
    Word, LibreOffice and reportlab then break them inside (councils' papers do not). Measured in
    Helvetica, whose widths Arial and Liberation Sans share; for docx (and lo-docx) and pdf, whose
    tables take the page's width. A workbook's columns are widened to their longest word (up to
    XLSX_COLUMN characters), so only longer words are listed for it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    mm = 72 / 25.4
    page = (297 if spec.landscape else 210) * mm
    forms: list[tuple[str, float, float]] = []  # (form, the table's width, padding)
    if {"docx", "lo-docx"} & set(spec.producers):
        forms.append(("docx", page - 2 * DOCX_MARGIN_CM * 10 * mm, DOCX_CELL_PADDING))
    if "pdf" in spec.producers:
        forms.append(("pdf", page - 2 * PDF_MARGIN_CM * 10 * mm, 2 * PDF_PADDING))
    found: list[tuple[str, str, float]] = []
    blocks = list(spec.blocks)
    for form, width, padding in forms:
        for table in (b for b in blocks if isinstance(b, T)):
            g = grid(table)
            shares = fractions(table, g.n_cols)
            size = table.font_size if form == "pdf" else DOCX_SIZE
            for p in g.cells:
                if p.cell.rotated:  # its words run along the row's height, which grows to hold them
                    continue
                room = width * sum(shares[p.col:p.right + 1]) - padding
                font = "Helvetica-Bold" if p.cell.bold else "Helvetica"
                found += [(form, word, round(room, 1)) for word in p.cell.text.split()
                          if stringWidth(word, font, size) > room]
    if {"xlsx", "lo-xlsx"} & set(spec.producers):
        for sheet in _xlsx_sheets(spec):
            for table in (b for b in sheet.blocks if isinstance(b, T)):
                for p in grid(table).cells:
                    if p.cell.colspan == 1 and not p.cell.rotated and _least_width(p.cell) > XLSX_COLUMN:
                        word = p.cell.text if p.cell.value is not None else max(p.cell.text.split(), key=len)
                        found.append(("xlsx", word, round((XLSX_COLUMN * 7 - 3) * 0.75, 1)))
    return found


# --- zip packages (docx, xlsx) ----------------------------------------------------------------


def normalise_zip(path: Path) -> None:
    """Rewrite a zip package with every member at :data:`ZIP_DATE`, in the same order, so the same
    content gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, data)
    tmp.replace(path)


# --- docx -------------------------------------------------------------------------------------

DOCX_STYLES = {"title": "Title", "heading": "Heading 1", "text": "Normal", "bullet": "List Bullet"}
DOCX_MARGIN_CM = 2.0  # page margins
DOCX_SIZE = 10  # points, the Normal style (table cells too)
DOCX_CELL_PADDING = 10.8  # points, left and right together (Word's default cell margins, 0.19 cm each)
DOCX_ROTATED_PADDING = 12  # points: a rotated text's row is this much taller than the text is long


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(f"w:{key}"), value)
    return el


def _docx_fonts(document: Any) -> None:
    """Arial in every style the producer uses (the template's theme fonts, Calibri and Calibri
    Light, print as other fonts in LibreOffice here)."""
    for name in ("Normal", "Title", "Heading 1", "List Bullet"):
        style = document.styles[name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(_qn("w:rFonts"))
        if fonts is None:
            fonts = _element("w:rFonts")
            rpr.insert(0, fonts)
        for key in list(fonts.attrib):
            del fonts.attrib[key]
        for key in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(_qn(f"w:{key}"), FONT)
    from docx.shared import Pt

    document.styles["Normal"].font.size = Pt(DOCX_SIZE)


def _docx_shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(_qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.append(_element("w:shd", val="clear", color="auto", fill=hex6(fill)))


def _docx_no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(_qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", val="nil"))
    tbl_pr.append(borders)


def _docx_cell_text(cell: Any, text: str, bold: bool, colour: str | None = None) -> None:
    from docx.shared import RGBColor

    lines = _plain(text).split("\n")
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        if line:
            run = paragraph.add_run(line)
            run.bold = bold or None
            if colour is not None:
                run.font.color.rgb = RGBColor.from_string(hex6(colour))


def _docx_table(document: Any, table: T, width_emu: int) -> None:
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE
    from docx.shared import Emu, Pt

    g = grid(table)
    doc_table = document.add_table(rows=g.n_rows, cols=g.n_cols)
    if table.ruled:
        doc_table.style = document.styles["Table Grid"]
    else:
        _docx_no_borders(doc_table)
    doc_table.autofit = False
    widths = [Emu(int(width_emu * f)) for f in fractions(table, g.n_cols)]
    for column, w in zip(doc_table.columns, widths, strict=True):
        column.width = w
    for row in doc_table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for r in range(min(table.header_rows, g.n_rows)):
        doc_table.rows[r]._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    # fills first on every cell a merged one covers (Word keeps each covered w:tc's own shading)
    for p in g.cells:
        if p.cell.fill:
            for r in range(p.row, p.bottom + 1):
                for c in range(p.col, p.right + 1):
                    _docx_shade(doc_table.cell(r, c), p.cell.fill)
    for p in g.cells:
        cell = doc_table.cell(p.row, p.col)
        if p.bottom > p.row or p.right > p.col:
            cell = cell.merge(doc_table.cell(p.bottom, p.right))
            cell.width = Emu(sum(widths[p.col:p.right + 1]))
        _docx_cell_text(cell, p.cell.text, p.cell.bold, p.cell.font_colour)
        if p.cell.rotated:
            cell._tc.get_or_add_tcPr().append(_element("w:textDirection", val="btLr"))
        if p.cell.valign != "top":
            cell.vertical_alignment = {"center": WD_ALIGN_VERTICAL.CENTER,
                                       "bottom": WD_ALIGN_VERTICAL.BOTTOM}[p.cell.valign]
    tall: dict[int, float] = {}  # rows holding rotated text: the height it needs
    for p in g.cells:
        if p.cell.rotated:
            need = (rotated_length(p.cell, DOCX_SIZE) + DOCX_ROTATED_PADDING) / p.cell.rowspan
            for r in range(p.row, p.bottom + 1):
                tall[r] = max(tall.get(r, 0.0), need)
    for r, height in sorted(tall.items()):
        doc_table.rows[r].height = Pt(round(height))
        doc_table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def write_docx(spec: PaperSpec, path: Path) -> Path:
    """Write ``spec.blocks`` as a Word document at ``path``."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm

    document = docx.Document()
    _docx_fonts(document)
    section = document.sections[0]
    if spec.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(DOCX_MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(DOCX_MARGIN_CM)
    width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
    for i, block in enumerate(spec.blocks):
        if isinstance(block, P):
            paragraph = document.add_paragraph(style=DOCX_STYLES[block.style])
            paragraph.add_run(_plain(block.text)).bold = block.bold or None
        else:
            _docx_table(document, block, width)
            if i + 1 == len(spec.blocks) or isinstance(spec.blocks[i + 1], T):
                document.add_paragraph()  # Word puts a paragraph between two tables and after a last one
    props = document.core_properties
    props.created = props.modified = when(spec)
    props.last_printed = when(spec)
    props.author = props.last_modified_by = "Committee Services"
    props.comments = props.title = props.subject = props.keywords = ""
    props.revision = 1
    if spec.post_docx is not None:
        spec.post_docx(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    normalise_zip(path)
    return path


# --- xlsx -------------------------------------------------------------------------------------

XLSX_WIDTH = {True: 135.0, False: 95.0}  # a table's width in characters at most, landscape / portrait
XLSX_COLUMN = 30.0  # ... and at most this many a column (a one-column key is not the page's width)
XLSX_SIZES = {"title": 14, "heading": 12, "text": 10, "bullet": 10}
XLSX_LINE = 12.75  # points per line of 10 pt text
DATE_FORMAT = "dd/mm/yyyy"
XLSX_MAX_HEIGHT = 409.0  # the tallest row Excel allows: a longer cell is cut off in print


def _xlsx_sheets(spec: PaperSpec) -> list[Sheet]:
    return spec.sheets if spec.sheets is not None else [Sheet("Sheet1", spec.blocks)]


def _lines_in(text: str, width_chars: float, bold: bool = False, size: float = 10) -> int:
    """How many lines ``text`` takes wrapped in a column ``width_chars`` wide (Excel's unit: a
    digit of the default font, 7 px), measured in Helvetica, whose metrics Arial shares."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = "Helvetica-Bold" if bold else "Helvetica"
    room = max(1.0, (int(width_chars * 7 + 5) - 8) * 0.75)  # points inside the cell's padding
    count = 0
    for line in _plain(text).split("\n"):
        lines, current = 1, ""
        for word in line.split(" "):
            trial = f"{current} {word}" if current else word
            if current and stringWidth(trial, font, size) > room:
                lines += 1
                current = word
            else:
                current = trial
            while stringWidth(current, font, size) > room and len(current) > 1:  # a word wider than the column
                cut = len(current)
                while cut > 1 and stringWidth(current[:cut], font, size) > room:
                    cut -= 1
                current = current[cut:]
                lines += 1
        count += lines
    return count


@dataclass
class _Placed:
    """A table written on a sheet: its grid at (top, left) and the widths it asks for."""

    top: int
    left: int
    grid: Grid
    widths: list[float]


def _chars(points: float) -> float:
    """Excel's column width (in digits of Arial 10, 7 px) that holds ``points`` of text."""
    return round((points / 0.75 + 8 - 5) / 7 + 0.5, 1)


def _least_width(cell: C) -> float:
    """The narrowest column that prints a cell without breaking a word (a typed value: its text)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = "Helvetica-Bold" if cell.bold else "Helvetica"
    if cell.rotated:  # its lines side by side
        return _chars(len(_plain(cell.text).split("\n")) * XLSX_LINE)
    pieces = [cell.text] if cell.value is not None else _plain(cell.text).split()
    return _chars(max((stringWidth(piece, font, 10) for piece in pieces), default=0.0))


class _XlsxSheet:
    """One worksheet being written: where the next block goes, and the tables on it, whose
    columns' widths and rows' heights are set once all are written."""

    def __init__(self, ws: Any, landscape: bool) -> None:
        self.ws = ws
        self.landscape = landscape
        self.next_row = 1
        self.heights: dict[int, float] = {}
        self.tables: list[tuple[_Placed, T]] = []

    def place(self, block: Block) -> tuple[int, int]:
        return block.at if block.at is not None else (self.next_row, 1)

    def done(self, bottom: int) -> None:
        self.next_row = max(self.next_row, bottom + 2)

    def paragraph(self, block: P) -> None:
        from openpyxl.styles import Alignment, Font

        row, col = self.place(block)
        text = _plain(block.text)
        cell = self.ws.cell(row, col, f"• {text}" if block.style == "bullet" else text)
        size = XLSX_SIZES[block.style]
        cell.font = Font(name=FONT, size=size, bold=block.bold or block.style in ("title", "heading"))
        cell.alignment = Alignment(vertical="top")
        self.heights[row] = max(self.heights.get(row, 0.0), size * 1.3 + 2)
        self.done(row)

    def table(self, table: T) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        top, left = self.place(table)
        g = grid(table)
        total = min(XLSX_WIDTH[self.landscape], XLSX_COLUMN * g.n_cols)
        widths = [max(4.0, round(total * f, 1)) for f in fractions(table, g.n_cols)]
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin) if table.ruled else None
        for p in g.cells:
            r, c = top + p.row, left + p.col
            cell = self.ws.cell(r, c)
            value = p.cell.value if p.cell.value is not None else (_plain(p.cell.text) or None)
            cell.value = value
            if p.cell.number_format:
                cell.number_format = p.cell.number_format
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            colour = hex6(p.cell.font_colour) if p.cell.font_colour else None
            cell.font = Font(name=FONT, size=10, bold=p.cell.bold, color=colour)
            if p.cell.rotated:  # read upwards, from the cell's foot
                cell.alignment = Alignment(wrap_text=True, text_rotation=90, horizontal="center",
                                           vertical="bottom" if p.cell.valign == "top" else p.cell.valign)
            else:
                cell.alignment = Alignment(wrap_text=True, vertical=p.cell.valign)
            fill = PatternFill("solid", fgColor=hex6(p.cell.fill)) if p.cell.fill else None
            for rr in range(r, r + p.cell.rowspan):
                for cc in range(c, c + p.cell.colspan):
                    covered = self.ws.cell(rr, cc)
                    if border is not None:
                        covered.border = border
                    if fill is not None:
                        covered.fill = fill
            if p.cell.rowspan > 1 or p.cell.colspan > 1:
                self.ws.merge_cells(start_row=r, start_column=c, end_row=r + p.cell.rowspan - 1,
                                    end_column=c + p.cell.colspan - 1)
        self.tables.append((_Placed(top, left, g, widths), table))
        self.done(top + g.n_rows - 1)

    def column_widths(self) -> dict[int, float]:
        """Each column's width: asked for by the table with the most columns over it (the
        action table, not a key or a label/value block beside or above it), the widest of those."""
        claims: dict[int, tuple[int, float]] = {}
        least: dict[int, float] = {}  # no word broken, no number shown as ###
        for placed, _ in self.tables:
            for i, width in enumerate(placed.widths):
                claim = (placed.grid.n_cols, width)
                claims[placed.left + i] = max(claims.get(placed.left + i, claim), claim)
            for p in placed.grid.cells:
                if p.cell.colspan == 1 and p.cell.text:
                    col = placed.left + p.col
                    least[col] = max(least.get(col, 0.0), _least_width(p.cell))
        return {col: max(width, min(least.get(col, 0.0), XLSX_COLUMN)) for col, (_, width) in claims.items()}

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.ws
        widths = self.column_widths()
        for col, width in sorted(widths.items()):
            ws.column_dimensions[get_column_letter(col)].width = width
        heights = dict(self.heights)
        for placed, _ in self.tables:
            for p in placed.grid.cells:
                if not p.cell.text:
                    continue
                r, c = placed.top + p.row, placed.left + p.col
                span = sum(widths.get(cc, 8.43) for cc in range(c, c + p.cell.colspan))
                if p.cell.rotated:  # as tall as the text is long
                    per_row = (rotated_length(p.cell, 10) + 12) / p.cell.rowspan
                else:
                    per_row = _lines_in(p.cell.text, span, p.cell.bold) * XLSX_LINE / p.cell.rowspan + 3
                for rr in range(r, r + p.cell.rowspan):
                    heights[rr] = max(heights.get(rr, 0.0), per_row)
        for row, height in sorted(heights.items()):
            ws.row_dimensions[row].height = round(min(max(height, XLSX_LINE + 2), XLSX_MAX_HEIGHT), 2)
        ws.page_setup.orientation = "landscape" if self.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        headed = [(placed, table) for placed, table in self.tables if table.header_rows and placed.grid.n_rows]
        if headed:  # the longest table's header rows repeat at the top of each printed page
            placed, table = max(headed, key=lambda t: t[0].grid.n_rows)
            last = placed.top + min(table.header_rows, placed.grid.n_rows) - 1
            ws.print_title_rows = f"{placed.top}:{last}"
        self.hide()

    def hide(self) -> None:
        """The tables' hidden rows and columns, and their rows in a collapsed outline group under
        the row above them (its summary row, as Excel marks it)."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import Outline

        ws = self.ws
        grouped = False
        for placed, table in self.tables:
            for r in table.hidden_rows:
                ws.row_dimensions[placed.top + r].hidden = True
            for c in table.hidden_columns:
                ws.column_dimensions[get_column_letter(placed.left + c)].hidden = True
            for r in table.grouped_rows:
                ws.row_dimensions[placed.top + r].outline_level = 1
                ws.row_dimensions[placed.top + r].hidden = True
                if r - 1 not in table.grouped_rows:
                    ws.row_dimensions[placed.top + r - 1].collapsed = True
                grouped = True
        if grouped:
            ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
            ws.sheet_format.outlineLevelRow = 1


def write_xlsx(spec: PaperSpec, path: Path) -> Path:
    """Write the spec's sheets (or its blocks on 'Sheet1') as a workbook at ``path``."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.writer.excel import ExcelWriter

    wb = openpyxl.Workbook()
    # Arial 10 as the workbook's default font: column widths are in its digits' width, which
    # Excel and LibreOffice then agree on (LibreOffice has no Calibri here)
    default = Font(name=FONT, size=10, family=2)
    wb._fonts = IndexedList([default])
    wb._named_styles["Normal"].font = default
    first = wb.active
    assert first is not None
    wb.remove(first)
    for sheet in _xlsx_sheets(spec):
        writer = _XlsxSheet(wb.create_sheet(sheet.name), spec.landscape)
        for block in sheet.blocks:
            if isinstance(block, P):
                writer.paragraph(block)
            else:
                writer.table(block)
        writer.finish()
        if sheet.freeze is not None:
            writer.ws.freeze_panes = sheet.freeze
        if sheet.autofilter is not None:
            writer.ws.auto_filter.ref = sheet.autofilter
        for column, values in sorted(sheet.autofilter_shows.items()):
            writer.ws.auto_filter.add_filter_column(column, values)
        if sheet.hidden:
            writer.ws.sheet_state = "hidden"
    wb.properties.created = wb.properties.modified = when(spec)
    wb.properties.creator = wb.properties.lastModifiedBy = "Committee Services"
    if spec.post_xlsx is not None:
        spec.post_xlsx(wb)
    path.parent.mkdir(parents=True, exist_ok=True)
    # ExcelWriter directly: openpyxl.save() would stamp 'modified' with the time of saving
    ExcelWriter(wb, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    normalise_zip(path)
    return path


# --- pdf (reportlab) --------------------------------------------------------------------------

PDF_FONTS = {"regular": "Helvetica", "bold": "Helvetica-Bold"}
PDF_MARGIN_CM = 1.8  # page margins
PDF_PADDING = 4  # points, each side of a cell's text
UNICODE_FONTS = {"regular": ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                 "bold": ("DejaVuSans-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")}


def _texts(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, P):
            yield block.text
        else:
            for row in block.rows:
                for item in row:
                    yield as_cell(item).text


def _pdf_fonts(spec: PaperSpec) -> dict[str, str]:
    """Helvetica, unless the paper holds letters WinAnsi lacks (a lead typed in Cyrillic): then
    DejaVu Sans, embedded."""
    try:
        for text in _texts(spec.blocks):
            text.encode("cp1252")
    except UnicodeEncodeError:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file in UNICODE_FONTS.values():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, file))
        return {key: name for key, (name, _) in UNICODE_FONTS.items()}
    return dict(PDF_FONTS)


def _markup(text: str, colour: str | None = None) -> str:
    lines = (html.escape(line, quote=False) for line in _plain(text).split("\n"))
    if colour is not None:
        lines = (f'<font color="#{hex6(colour)}">{line}</font>' if line else line for line in lines)
    return "<br/>".join(lines)


def _pdf_date(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return f"D:{moment:%Y%m%d%H%M%S}+00'00'"


def _pdf_table(table: T, width: float, fonts: dict[str, str], split_in_row: bool) -> Any:
    """A platypus Table for ``table``. Merged cells are SPANs; ``split_in_row`` (for a row, or a
    cell merged down, taller than a page) lets reportlab split inside rows, and draws a cell merged
    down as its rows without the lines between them (reportlab cannot split a page inside a
    vertical SPAN), its text in the top one, as Word shows a merged cell broken across pages."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    g = grid(table)
    size = table.font_size
    styles = {bold: ParagraphStyle(f"cell{int(bold)}", fontName=fonts["bold" if bold else "regular"],
                                   fontSize=size, leading=round(size * 1.2, 2), splitLongWords=True)
              for bold in (False, True)}
    data: list[list[Any]] = [[""] * g.n_cols for _ in range(g.n_rows)]
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), PDF_PADDING),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), PDF_PADDING),
                                       ("TOPPADDING", (0, 0), (-1, -1), 2),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    merged_down: set[tuple[int, int]] = set()  # (row, col) with the same merged cell in the row below
    for p in g.cells:
        if p.cell.text and p.cell.rotated:  # drawn upwards from the cell's foot
            data[p.row][p.col] = _pdf_rotated(p.cell, fonts["bold" if p.cell.bold else "regular"], size)
            commands.append(("VALIGN", (p.col, p.row), (p.col, p.row),
                             "BOTTOM" if p.cell.valign == "top" else _PDF_VALIGN[p.cell.valign]))
        elif p.cell.text:
            data[p.row][p.col] = Paragraph(_markup(p.cell.text, p.cell.font_colour), styles[p.cell.bold])
        if p.cell.valign != "top" and not p.cell.rotated:
            commands.append(("VALIGN", (p.col, p.row), (p.right, p.bottom), _PDF_VALIGN[p.cell.valign]))
        if split_in_row and p.bottom > p.row:
            merged_down.update((r, c) for r in range(p.row, p.bottom) for c in range(p.col, p.right + 1))
            if p.right > p.col:
                commands += [("SPAN", (p.col, r), (p.right, r)) for r in range(p.row, p.bottom + 1)]
        elif p.bottom > p.row or p.right > p.col:
            commands.append(("SPAN", (p.col, p.row), (p.right, p.bottom)))
        if p.cell.fill:
            commands.append(("BACKGROUND", (p.col, p.row), (p.right, p.bottom),
                             colors.HexColor(f"#{hex6(p.cell.fill)}")))
    if table.ruled and not merged_down:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif table.ruled:  # the grid without the lines inside cells merged down
        commands += [("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                     ("LINEBEFORE", (1, 0), (-1, -1), 0.5, colors.black)]
        for r in range(g.n_rows - 1):
            c = 0
            while c < g.n_cols:
                if (r, c) in merged_down:
                    c += 1
                    continue
                end = c
                while end + 1 < g.n_cols and (r, end + 1) not in merged_down:
                    end += 1
                commands.append(("LINEBELOW", (c, r), (end, r), 0.5, colors.black))
                c = end + 1
    widths = [width * f for f in fractions(table, g.n_cols)]
    kind = _closed_table() if table.ruled and split_in_row else Table
    return kind(data, colWidths=widths, repeatRows=min(table.header_rows, g.n_rows),
                splitByRow=int(not split_in_row), splitInRow=int(split_in_row), style=TableStyle(commands),
                hAlign="LEFT")


_PDF_VALIGN = {"top": "TOP", "center": "MIDDLE", "bottom": "BOTTOM"}


def _pdf_rotated(cell: C, font: str, size: float) -> Any:
    """A flowable drawing a cell's text turned 90 degrees, reading bottom to top, its lines side by
    side from the left: as wide as its lines are high, as tall as the longest is long."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    lines = _plain(cell.text).split("\n")
    leading = round(size * 1.2, 2)
    colour = colors.HexColor(f"#{hex6(cell.font_colour)}") if cell.font_colour else colors.black

    class Rotated(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = leading * len(lines)
            self.height = max(stringWidth(line, font, size) for line in lines)
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.rotate(90)  # x runs up the page, y to the left
            canvas.setFont(font, size)
            canvas.setFillColor(colour)
            for i, line in enumerate(lines):
                canvas.drawString(0, -(i * leading + size * 0.9), line)
            canvas.restoreState()

    return Rotated()


def _closed_table() -> type:
    """A reportlab Table that draws a line along the foot of each page's piece (reportlab leaves
    it off where it splits inside a row; Word draws it)."""
    from reportlab.platypus import Table

    class ClosedTable(Table):  # type: ignore[misc]
        def draw(self) -> None:
            super().draw()
            self.canv.saveState()
            self.canv.setLineWidth(0.5)
            self.canv.line(0, 0, self._width, 0)
            self.canv.restoreState()

    return ClosedTable


def write_pdf(spec: PaperSpec, path: Path) -> Path:
    """Draw ``spec.blocks`` with reportlab as a PDF at ``path`` (A4, landscape where the spec is)."""
    from reportlab.lib.pagesizes import A4, landscape, portrait
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus.doctemplate import LayoutError

    fonts = _pdf_fonts(spec)
    styles = {
        "title": ParagraphStyle("title", fontName=fonts["bold"], fontSize=16, leading=20, spaceAfter=8),
        "heading": ParagraphStyle("heading", fontName=fonts["bold"], fontSize=12, leading=15, spaceBefore=6,
                                  spaceAfter=4),
        "text": ParagraphStyle("text", fontName=fonts["regular"], fontSize=10, leading=12.5, spaceAfter=4),
        "bullet": ParagraphStyle("bullet", fontName=fonts["regular"], fontSize=10, leading=12.5, leftIndent=18,
                                 bulletIndent=6, spaceAfter=2),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    date = _pdf_date(when(spec))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4) if spec.landscape else portrait(A4),
                            leftMargin=PDF_MARGIN_CM * cm, rightMargin=PDF_MARGIN_CM * cm,
                            topMargin=PDF_MARGIN_CM * cm, bottomMargin=PDF_MARGIN_CM * cm,
                            invariant=1)
    def story(split_in_row: bool) -> list[Any]:
        flowables: list[Any] = []
        for block in spec.blocks:
            if isinstance(block, P):
                style = styles[block.style]
                if block.bold and block.style in ("text", "bullet"):
                    style = ParagraphStyle(f"{block.style}-bold", parent=style, fontName=fonts["bold"])
                bullet = "•" if block.style == "bullet" else None
                flowables.append(Paragraph(_markup(block.text), style, bulletText=bullet))
            else:
                flowables += [Spacer(1, 4), _pdf_table(block, doc.width, fonts, split_in_row), Spacer(1, 10)]
        return flowables

    def dates(canvas: Any, _doc: Any) -> None:
        canvas.setDateFormatter(lambda *_: date)

    try:  # rows kept whole: a table splits between rows, and not inside a cell merged down
        doc.build(story(False), onFirstPage=dates, onLaterPages=dates)
    except (LayoutError, TypeError):  # TypeError: reportlab 5.1 failing to word its LayoutError for spans
        # a row, or rows merged down, taller than the page: split inside them
        doc.build(story(True), onFirstPage=dates, onLaterPages=dates)
    return path


# --- LibreOffice ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoJob:
    """One LibreOffice print: ``source`` (.docx, .xlsx) to the PDF ``target``, whose own dates are
    set to ``modified``."""

    source: Path
    target: Path
    modified: dt.datetime


def _claim_profile(held: list[Any]) -> Path:
    """A LibreOffice profile folder no other soffice of ours is using (two instances on one
    profile hand their work to each other); kept between builds, as a fresh one takes seconds to
    set up. Its lock stays held while ``held`` holds its file."""
    import fcntl

    for index in range(64):
        folder = Path(tempfile.gettempdir()) / f"bvtrack-layouts-lo-{os.getuid()}-{index}"
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / ".lock", "w")  # noqa: SIM115 - held open while soffice runs
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        held.append(lock)
        return folder
    raise RuntimeError("no free LibreOffice profile")


def _soffice_batches(jobs: Sequence[LoJob]) -> list[list[LoJob]]:
    """Split jobs so that no two in one call write the same <stem>.pdf."""
    batches: list[list[LoJob]] = []
    stems: list[set[str]] = []
    for job in jobs:
        for batch, seen in zip(batches, stems, strict=True):
            if job.source.stem not in seen:
                batch.append(job)
                seen.add(job.source.stem)
                break
        else:
            batches.append([job])
            stems.append({job.source.stem})
    return batches


def _run_soffice(batches: list[list[LoJob]], workers: int, timeout: float) -> None:
    """Run soffice over each batch, up to ``workers`` at a time (each in its own profile), the
    PDFs into a scratch folder, then move each to its target."""
    with tempfile.TemporaryDirectory(prefix="bvtrack-lo-") as scratch:
        pending = list(enumerate(batches))
        running: list[tuple[subprocess.Popen[bytes], list[Any], list[LoJob], Path]] = []
        failures: list[str] = []
        while pending or running:
            while pending and len(running) < workers:
                number, batch = pending.pop(0)
                held: list[Any] = []
                profile = _claim_profile(held)
                out = Path(scratch) / str(number)
                out.mkdir()
                command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                           "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out),
                           *[str(job.source) for job in batch]]
                proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
                running.append((proc, held, batch, out))
            proc, held, batch, out = running.pop(0)
            limit = timeout + 30 * len(batch)
            try:
                output, _ = proc.communicate(timeout=limit)
            except subprocess.TimeoutExpired:
                proc.kill()
                output, _ = proc.communicate()
                failures.append(f"soffice timed out after {limit:.0f} s")
            finally:
                for lock in held:
                    lock.close()
            for job in batch:
                made = out / f"{job.source.stem}.pdf"
                if not made.exists():
                    failures.append(f"{job.source}: no PDF ({output.decode(errors='replace').strip()[-300:]})")
                    continue
                job.target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(made), job.target)
                fix_pdf_dates(job.target, job.modified)
        if failures:
            raise RuntimeError("LibreOffice failed: " + "; ".join(failures))


def libreoffice_pdfs(jobs: Sequence[LoJob], *, workers: int | None = None, timeout: float = 120) -> list[Path]:
    """Print each job's source to its target PDF with LibreOffice, many sources per soffice call
    and up to ``workers`` calls at once (``timeout`` seconds a call, and 30 more a file); return the
    targets. Raise RuntimeError naming the sources LibreOffice printed no PDF for."""
    if not jobs:
        return []
    if shutil.which(SOFFICE) is None:
        raise RuntimeError(f"LibreOffice ({SOFFICE}) is not installed")
    batches = _soffice_batches(jobs)
    workers = workers or min(4, os.cpu_count() or 1)
    if len(batches) < workers:  # split the calls so every worker has some
        size = -(-len(jobs) // workers)
        batches = [part for batch in batches for part in (batch[i:i + size] for i in range(0, len(batch), size))]
    _run_soffice(batches, workers, timeout)
    return [job.target for job in jobs]


_DATE_KEYS = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
_XMP_DATES = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>([^<]*)</xmp:\1>")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def fix_pdf_dates(path: Path, moment: dt.datetime) -> None:
    """Set a LibreOffice PDF's CreationDate/ModDate (and XMP dates, where there are any) to
    ``moment``, and its document id and checksum to a hash of the rest, in place and byte for byte the same
    length, so the xref table stays valid."""
    data = path.read_bytes()
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    stamp = f"{moment:%Y%m%d%H%M%S}"
    forms = [f"D:{stamp}+00'00'", f"D:{stamp}Z00'00'", f"D:{stamp}Z'", f"D:{stamp}Z", f"D:{stamp}"]

    def info(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        for form in forms:
            if len(form) == len(old):
                return m.group(0).replace(old, form.encode())
        raise ValueError(f"{path}: cannot write a date over {old!r} in place")

    data = _DATE_KEYS.sub(info, data)
    iso = moment.isoformat(timespec="seconds")

    def xmp(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = (iso + "Z").encode()
        if len(new) > len(old):
            raise ValueError(f"{path}: cannot write a date over {old!r} in place")
        return m.group(0).replace(old, new.ljust(len(old)))

    data = _XMP_DATES.sub(xmp, data)
    found = _ID.search(data)
    if found:
        digest = hashlib.md5(data[: found.start()]).hexdigest().upper()  # all but the trailer
        first, second = ((digest * 4)[: len(found.group(i))].encode() for i in (1, 2))
        data = (data[: found.start(1)] + first + data[found.end(1): found.start(2)] + second
                + data[found.end(2):])
        data = _CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), (digest * 4)[: len(m.group(1))].encode()),
                             data)
    path.write_bytes(data)


# --- all forms of specs -----------------------------------------------------------------------


def _source_producer(producer: Producer) -> Producer:
    return "docx" if producer == "lo-docx" else "xlsx"


def render(specs: Sequence[PaperSpec], folder: Path | Callable[[PaperSpec], Path], *,
           producers: Sequence[Producer] | None = None,
           workers: int | None = None) -> list[tuple[PaperSpec, Producer, Path]]:
    """Write every spec in each of its producers' forms (or only ``producers``) under
    ``folder(spec)`` (a callable giving a spec's folder, or one folder for all); return what was
    written, in the specs' order and :data:`~layouts.spec.PRODUCERS`' order."""
    where: Callable[[PaperSpec], Path] = folder if callable(folder) else (lambda _spec: Path(folder))
    written: list[tuple[PaperSpec, Producer, Path]] = []
    jobs: list[LoJob] = []
    with tempfile.TemporaryDirectory(prefix="bvtrack-sources-") as scratch:
        for number, spec in enumerate(specs):
            wanted = [p for p in PRODUCERS if p in spec.producers and (producers is None or p in producers)]
            out = Path(where(spec))
            sources: dict[Producer, Path] = {}
            for producer in wanted:
                target = out / file_name(spec, producer)
                if producer == "docx":
                    sources["docx"] = write_docx(spec, target)
                elif producer == "xlsx":
                    sources["xlsx"] = write_xlsx(spec, target)
                elif producer == "pdf":
                    write_pdf(spec, target)
                else:
                    kind = _source_producer(producer)
                    source = sources.get(kind)
                    if source is None:  # the office file is not one of the spec's forms: a scratch copy
                        source = Path(scratch) / str(number) / file_name(spec, kind)
                        (write_docx if kind == "docx" else write_xlsx)(spec, source)
                    jobs.append(LoJob(source, target, when(spec)))
                written.append((spec, producer, target))
        libreoffice_pdfs(jobs, workers=workers)
    return written


def render_one(spec: PaperSpec, producer: Producer, folder: Path) -> Path:
    """Write one spec in one producer's form under ``folder``; return the file."""
    [(_, _, path)] = render([spec], folder, producers=[producer])
    return path
