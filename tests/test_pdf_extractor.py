"""The PDF extractor on PDFs built here with reportlab, on the sample papers, and on the wild corpus.

Built PDFs know exactly what they hold, so each test compares the whole table read back with the
rows drawn. The sample papers' PDFs were printed by LibreOffice from the .docx/.xlsx beside them:
their tables must read as the Word and Excel extractors read the originals.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdf_builders import (
    ACTION_HEADER,
    ACTION_WIDTHS,
    AMBER,
    BLUE_CMYK,
    BOLD,
    FONT,
    GREEN,
    GREY,
    HEADER_BLUE,
    RED,
    TableDrawing,
    action_rows,
    draw_lines,
    draw_table,
    encrypted,
    new_canvas,
    ruled_pages,
    scanned,
    side_by_side_tables,
    written_vertically,
)
from reportlab.lib.pagesizes import A4

from extractors import extract as extract_any
from extractors.errors import ExtractionError
from extractors.model import Cell, Paper, Paragraph, Table
from extractors.pdf import PdfSettings, Word, extract, pdfium_reason, text_of
from extractors.pdf.chars import TEXT, TOP, X0
from extractors.pdf.pdfium_page import read_page_objects

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAPERS = SHARED / "papers"
WILD = sorted((SHARED / "wild").glob("*.pdf")) if (SHARED / "wild").exists() else []
MC002 = PAPERS / "mc002_bvar_strategic_summary_2021-03"
SBC = PAPERS / "sbc_bv_audit_implementation_update_2021-02"


def texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def squeezed(table: Table) -> list[dict[int, tuple[str, str | None]]]:
    """Each row's non-blank or filled cells by column, text without whitespace (line breaks fall
    differently in print), with fill."""
    return [{c.col: (re.sub(r"\s+", "", c.text), c.fill) for c in row if not c.is_blank or c.fill}
            for row in table.rows]


def needs(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside the repository")
    return path


# --- tables drawn here -------------------------------------------------------------------------


def test_borderless_table_reads_columns_from_text_alignment(tmp_path: Path) -> None:
    path = tmp_path / "borderless.pdf"
    canvas = new_canvas(path)
    draw_lines(canvas, ["Audit Recommendation: Improve the scrutiny of performance"], 40, 40, font=BOLD)
    rows = [ACTION_HEADER, *action_rows(1, 3)]
    below = draw_table(canvas, TableDrawing(ACTION_WIDTHS, rows, ruled=False), 40, 70)
    draw_lines(canvas, ["Next steps will be reported to the committee in June."], 40, below + 20)
    canvas.save()

    paper = extract(str(path))

    assert [type(b).__name__ for b in paper.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert texts(paper.tables[0]) == rows
    assert paper.blocks[0] == Paragraph("Audit Recommendation: Improve the scrutiny of performance", page=1, bold=True)
    assert [c.col for c in paper.tables[0].rows[1]] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("header_fill", ["per cell", "one bar"])
def test_borderless_table_under_a_shaded_header_row(tmp_path: Path, header_fill: str) -> None:
    """Word's 'no borders' tables often keep a shaded header: its rectangles rule one row only."""
    rows = [ACTION_HEADER, *action_rows(1, 3)]
    path = tmp_path / "shaded_header.pdf"
    canvas = new_canvas(path)
    if header_fill == "one bar":
        canvas.setFillColorRGB(*HEADER_BLUE)
        canvas.rect(40, canvas._pagesize[1] - 40 - 16.8, sum(ACTION_WIDTHS), 16.8, stroke=0, fill=1)
        fills = {}
    else:
        fills = {(0, c): HEADER_BLUE for c in range(len(ACTION_HEADER))}
    draw_table(canvas, TableDrawing(ACTION_WIDTHS, rows, fills=fills, ruled=False), 40, 40)
    canvas.save()

    table = extract(str(path)).tables[0]

    assert texts(table) == rows
    assert [c.fill for c in table.rows[0]] == ["1F4E78"] * 6
    assert [c.fill for c in table.rows[1]] == [None] * 6


def test_borderless_table_with_striped_rows(tmp_path: Path) -> None:
    """Zebra stripes are full-width shaded bands: their edges rule a one-column 'table' that is not one."""
    rows = [ACTION_HEADER, *action_rows(1, 4)]
    drawing = TableDrawing(ACTION_WIDTHS, rows, ruled=False)
    path = tmp_path / "striped.pdf"
    canvas = new_canvas(path)
    top = 40 + drawing.row_height(rows[0])
    for r, row in enumerate(rows[1:], start=1):  # bands touch: their edges make one ruled column
        canvas.setFillGray(0.85 if r % 2 else 0.97)
        canvas.rect(40, canvas._pagesize[1] - top - drawing.row_height(row), sum(ACTION_WIDTHS),
                    drawing.row_height(row), stroke=0, fill=1)
        top += drawing.row_height(row)
    draw_table(canvas, drawing, 40, 40)
    canvas.save()

    table = extract(str(path)).tables[0]

    assert texts(table) == rows
    assert [row[1].fill for row in table.rows] == [None, "D9D9D9", None, "D9D9D9", None]  # F7F7F7 is white


@pytest.mark.parametrize("box", [True, False], ids=["in a box", "no box"])
def test_rows_told_apart_by_shading_cell_by_cell_are_one_table_in_their_columns(tmp_path: Path, box: bool) -> None:
    """A banded table style printed: the header and every other row shaded cell by cell, the rows
    between not drawn at all (inside an outer box, or with none)."""
    rows = [ACTION_HEADER, *action_rows(1, 5)]
    fills = {(r, c): (HEADER_BLUE if r == 0 else (0.83, 0.87, 0.93)) for r in range(0, len(rows), 2)
             for c in range(len(ACTION_HEADER))}
    drawing = TableDrawing(ACTION_WIDTHS, rows, fills=fills, ruled=False)
    canvas = new_canvas(tmp_path / "banded.pdf")
    bottom = draw_table(canvas, drawing, 40, 40)
    if box:
        canvas.setLineWidth(0.5)
        canvas.rect(40, canvas._pagesize[1] - bottom, sum(ACTION_WIDTHS), bottom - 40, stroke=1, fill=0)
    canvas.save()

    [table] = extract(tmp_path / "banded.pdf").tables

    assert texts(table) == rows
    assert [row[0].fill for row in table.rows] == ["1F4E78", None, "D4DEED", None, "D4DEED", None]


def test_ruled_table_over_three_pages_is_one_table_without_repeated_headers(tmp_path: Path) -> None:
    pages = [action_rows(1, 12), action_rows(13, 12), action_rows(25, 3)]
    paper = extract(str(ruled_pages(tmp_path / "three.pdf", pages, furniture=True)))

    assert paper.n_pages == 3
    assert [type(b).__name__ for b in paper.blocks] == ["Paragraph", "Table"]  # no running header, page numbers
    table = paper.tables[0]
    assert (table.index, table.page, table.n_cols) == (0, 1, 6)
    assert texts(table) == [ACTION_HEADER, *action_rows(1, 27)]
    assert [row[0].page for row in table.rows] == [1] * 13 + [2] * 12 + [3] * 3
    assert [[c.row for c in row] for row in table.rows] == [[r] * 6 for r in range(28)]


def test_row_split_by_a_page_break_is_joined(tmp_path: Path) -> None:
    whole = action_rows(12, 1)[0]
    first = ["12", "Action number 12 of the plan,", "Lead 12", "12/03/2022", "20%", "Progress note 12"]
    rest = ["", "wrapped onto a second line", "", "", "", "second line\nthird line"]
    pages = [[*action_rows(1, 11), first], [rest, *action_rows(13, 2)]]
    paper = extract(str(ruled_pages(tmp_path / "split.pdf", pages)))

    assert texts(paper.tables[0]) == [ACTION_HEADER, *action_rows(1, 11), whole, *action_rows(13, 2)]
    assert paper.tables[0].rows[12][0].page == 1


def test_table_ending_high_on_its_page_is_not_continued_by_the_next(tmp_path: Path) -> None:
    """A table that stops well before the foot of its page ended there: a table of the same columns
    at the top of the next page is another one, even with no text between them."""
    paper = extract(str(ruled_pages(tmp_path / "apart.pdf", [action_rows(1, 3), action_rows(4, 3)])))

    assert [texts(t) for t in paper.tables] == [[ACTION_HEADER, *action_rows(1, 3)],
                                                [ACTION_HEADER, *action_rows(4, 3)]]


def test_tables_separated_by_text_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    canvas = new_canvas(path)
    draw_lines(canvas, ["Audit Recommendation: Embed a culture of continuous improvement"], 40, 40)
    below = draw_table(canvas, TableDrawing(ACTION_WIDTHS, [ACTION_HEADER, *action_rows(1, 2)]), 40, 60)
    draw_lines(canvas, ["Cont./"], 40, below + 10)
    canvas.showPage()
    draw_lines(canvas, ["Audit Recommendation: Improve partnership working with the health board,",
                        "in order to support the strategic objectives of the joint board"], 40, 40)
    draw_table(canvas, TableDrawing(ACTION_WIDTHS, [ACTION_HEADER, *action_rows(3, 1)]), 40, 80)
    canvas.save()

    paper = extract(str(path))

    assert [(type(b).__name__, getattr(b, "page", None)) for b in paper.blocks] == [
        ("Paragraph", 1), ("Table", 1), ("Paragraph", 1), ("Paragraph", 2), ("Table", 2)]
    assert paper.paragraphs[2].text == ("Audit Recommendation: Improve partnership working with the health board,\n"
                                        "in order to support the strategic objectives of the joint board")
    assert [t.index for t in paper.tables] == [0, 1]
    assert texts(paper.tables[1]) == [ACTION_HEADER, *action_rows(3, 1)]


def test_shaded_cells_and_colour_key_come_out_as_fills(tmp_path: Path) -> None:
    key = ["Key", "Not Started", "Concern", "Caution", "On Target", "Complete"]
    header = ["RAG", "% Completed", "Target Date", "Lead", "Workstream", "Status Update"]
    data = [["", "70", "May 2021", "DCE", "Increase the pace of change", "Work on options"],
            ["", "35%", "Feb 2022", "H/GSP", "Financial planning", "Interim update drafted"],
            ["", "100", "Dec 2020", "CEx", "Governance review", "Done"]]
    fills = {(0, 1): GREY, (0, 2): RED, (0, 3): AMBER, (0, 4): GREEN, (0, 5): BLUE_CMYK,
             (2, 0): AMBER, (3, 0): GREEN, (4, 0): BLUE_CMYK, (4, 5): (1.0, 1.0, 1.0)}
    fills.update({(1, c): HEADER_BLUE for c in range(6)})
    path = tmp_path / "rag.pdf"
    canvas = new_canvas(path)
    draw_table(canvas, TableDrawing([40, 60, 60, 60, 200, 200], [key, header, *data], fills=fills), 40, 40)
    canvas.save()

    table = extract(str(path)).tables[0]

    # the CMYK blue as PDFium renders it (as Acrobat and Chrome show it)
    assert [[c.fill for c in row] for row in table.rows] == [
        [None, "BFBFBF", "FF0000", "FFC000", "00B050", "00619C"],
        ["1F4E78"] * 6,
        ["FFC000", *[None] * 5],
        ["00B050", *[None] * 5],
        ["00619C", *[None] * 5],  # a white fill is no fill
    ]
    assert texts(table) == [key, header, *data]


def test_text_printed_across_cell_edges_is_split_into_its_cells(tmp_path: Path) -> None:
    """Spreadsheets print a right-aligned number against the next cell's text: '70May 2021'."""
    path = tmp_path / "tight.pdf"
    canvas = new_canvas(path, pagesize=A4)
    height = A4[1]
    for top in (100, 120, 140):
        canvas.line(50, height - top, 250, height - top)
    for x in (50, 90, 250):
        canvas.line(x, height - 100, x, height - 140)
    canvas.setFont(FONT, 9)
    for top, left, right in ((100, "% Done", "Target Date"), (120, "70", "May 2021")):
        canvas.drawRightString(89.5, height - top - 12, left)
        canvas.drawString(90.5, height - top - 12, right)
    canvas.save()

    assert texts(extract(str(path)).tables[0]) == [["% Done", "Target Date"], ["70", "May 2021"]]


def test_bullets_and_line_breaks_inside_cells(tmp_path: Path) -> None:
    rows = [ACTION_HEADER, ["1", "Review the plan", "Chief Executive", "31-Mar-21\n(30/06/2020)", "40%",
                            "Meeting held.\n• improving quality of reports\n• joint working"]]
    path = tmp_path / "bullets.pdf"
    canvas = new_canvas(path)
    draw_table(canvas, TableDrawing(ACTION_WIDTHS, rows), 40, 40)
    canvas.save()

    assert texts(extract(str(path)).tables[0]) == rows


def test_private_use_bullets_read_as_bullets() -> None:
    words = [Word("\uf0b7", 10, 14, 10, 20, 10, []), Word("first", 20, 40, 10, 20, 10, []),
             Word("\uf0b7", 10, 14, 22, 32, 10, []), Word("second", 20, 44, 22, 32, 10, [])]
    assert text_of(words) == "• first\n• second"


def test_text_written_vertically_stands_a_character_under_another(tmp_path: Path) -> None:
    # one text object whose characters are not on one baseline: each is placed on its own, while
    # a line of ordinary text shares its first character's
    doc = pdfium.PdfDocument(str(written_vertically(tmp_path / "vertical.pdf")))
    try:
        chars = read_page_objects(doc[0]).chars
    finally:
        doc.close()
    column = [c for c in chars if c[TEXT] in "ABCDE"]
    assert [c[TEXT] for c in column] == list("ABCDE")
    assert [round(b[TOP] - a[TOP], 3) for a, b in pairwise(column)] == [20.0] * 4  # an em down each
    assert len({c[X0] for c in column}) == 1
    assert len({c[TOP] for c in chars if c[TEXT] in "Plain text"}) == 1


@pytest.mark.parametrize("turn", ["rotated content", "page /Rotate 90"])
def test_landscape_table_on_a_turned_page_reads_upright(tmp_path: Path, turn: str) -> None:
    rows = [ACTION_HEADER, *action_rows(1, 2)]
    path = tmp_path / "turned.pdf"
    canvas = new_canvas(path, pagesize=A4)
    if turn == "rotated content":  # a landscape table printed sideways on a portrait page
        canvas.translate(A4[0], 0)
        canvas.rotate(90)
        canvas.setPageSize((A4[1], A4[0]))
    else:
        canvas.setPageRotation(90)
        canvas.setPageSize((A4[1], A4[0]))
    draw_table(canvas, TableDrawing(ACTION_WIDTHS, rows), 40, 40)
    canvas.save()

    assert texts(extract(str(path)).tables[0]) == rows


def test_wrapped_lines_make_one_paragraph_and_headings_their_own(tmp_path: Path) -> None:
    path = tmp_path / "text.pdf"
    canvas = new_canvas(path, pagesize=A4)
    width = A4[0] - 80
    canvas.setFont(FONT, 10)
    text = ("The update was presented to the Corporate Management Team on 27 January 2021 and a further "
            "update on progress of the wider plan will be provided in due course.")
    lines, line = [], ""
    for word in text.split():
        if canvas.stringWidth(f"{line} {word}".strip(), FONT, 10) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    top = draw_lines(canvas, ["UPDATE"], 40, 40, size=14, font=BOLD)
    top = draw_lines(canvas, ["15 February 2021"], 40, top + 6)
    draw_lines(canvas, lines, 40, top + 12)
    canvas.save()

    paper = extract(str(path))

    assert [p.text for p in paper.paragraphs] == ["UPDATE", "15 February 2021", "\n".join(lines)]
    assert [p.bold for p in paper.paragraphs] == [True, False, False]
    assert len(lines) == 2


# --- papers that cannot be read ------------------------------------------------------------------


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(str(scanned(tmp_path / "scan.pdf")))
    assert caught.value.reason == "no text layer"


def test_encrypted_pdf_names_the_cause(tmp_path: Path) -> None:
    path = encrypted(tmp_path / "locked.pdf")
    with pytest.raises(ExtractionError) as caught:
        extract(str(path))
    assert caught.value.reason == "encrypted: a password is needed to open it"
    assert caught.value.path == str(path)


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path) -> None:
    paper = extract(str(encrypted(tmp_path / "restricted.pdf", user_password="")))
    assert texts(paper.tables[0]) == [ACTION_HEADER, *action_rows(1, 2)]


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n%%EOF\n", b"%PDF-1.7\n" + b"\x00garbage" * 50])
def test_damaged_pdf_is_an_extraction_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as caught:
        extract(str(path))
    assert caught.value.reason


@pytest.mark.parametrize(("old", "new"), [(b"/Type /Pages", b"/Type 7Pages"), (b"/Type /Font", b"/Type 7Font")])
def test_pdfium_reads_past_damage_pdfminer_stops_at(tmp_path: Path, old: bytes, new: bytes) -> None:
    """Same-length damage to the page tree or a font: pdfminer fails on it; PDFium reads the table."""
    whole = ruled_pages(tmp_path / "whole.pdf", [action_rows(1, 2)])
    path = tmp_path / "damaged.pdf"
    path.write_bytes(whole.read_bytes().replace(old, new, 1))
    assert extract(str(path)).blocks == extract(str(whole)).blocks


def test_a_pdf_pdfium_refuses_is_read_by_pdfminer(tmp_path: Path) -> None:
    """Without its '%PDF-' header PDFium will not open a file; pdfminer reads it, to the same Paper."""
    whole = ruled_pages(tmp_path / "whole.pdf", [action_rows(1, 3)])
    path = tmp_path / "headless.pdf"
    path.write_bytes(whole.read_bytes().replace(b"%PDF-", b"%XXX-", 1))
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(path))
    paper, expected = extract(str(path)), extract(str(whole))
    assert paper.blocks == expected.blocks and paper.n_pages == expected.n_pages == 1


@pytest.mark.parametrize(("old", "new", "reason"), [
    (b"/Type /Pages", b"/Type 7Pages", "cannot list the pages: PSSyntaxError: Invalid dictionary construct"),
    (b"/Type /Font", b"/Type 7Font", "cannot be read on page 1: PSSyntaxError: Invalid dictionary construct"),
])
def test_damage_the_second_reader_stops_at_names_the_step_and_page(tmp_path: Path, old: bytes, new: bytes,
                                                                   reason: str) -> None:
    """A file PDFium refuses (no header) with same-length damage: pdfminer opens it, then fails on the
    page tree or on a page's font; the reason says which, and on which page."""
    path = tmp_path / "damaged.pdf"
    data = ruled_pages(tmp_path / "whole.pdf", [action_rows(1, 2)]).read_bytes()
    path.write_bytes(data.replace(b"%PDF-", b"%XXX-", 1).replace(old, new, 1))
    with pytest.raises(ExtractionError) as caught:
        extract(str(path))
    assert caught.value.reason.startswith(reason)
    assert caught.value.page == (1 if "page 1" in reason else None)


def test_a_file_neither_reader_opens_names_both_reasons(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(ExtractionError) as caught:
        extract(str(path))
    assert caught.value.reason.startswith("cannot be read as a PDF: data format error (PDFium); ")
    assert caught.value.reason.endswith("(pdfminer)")


@pytest.mark.parametrize(("message", "reason"), [
    ("Failed to load document (PDFium: Data format error).", "data format error"),
    ("Failed to load document (PDFium: Success).", "failed to load document"),  # pdf.js's Brotli test file
    ("Failed to load page.", "failed to load page"),
])
def test_pdfiums_errors_are_named_in_words(message: str, reason: str) -> None:
    """PDFium can fail and still call its last error 'Success': then what failed is the reason."""
    assert pdfium_reason(pdfium.PdfiumError(message)) == reason


def test_truncated_pdf_reads_or_says_why(tmp_path: Path) -> None:
    whole = ruled_pages(tmp_path / "whole.pdf", [action_rows(1, 3), action_rows(4, 3)]).read_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 200):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(whole[:cut])
        try:
            assert isinstance(extract(str(path)), Paper)
        except ExtractionError as exc:
            assert exc.reason


def test_settings_name_a_bad_value() -> None:
    with pytest.raises(ValueError, match=r"PdfSettings\.snap"):
        PdfSettings(snap=0)
    with pytest.raises(ValueError, match="no setting 'snapp'"):
        PdfSettings.resolve({"snapp": 2})
    assert PdfSettings.resolve({"snap": 2}) == PdfSettings(snap=2)
    assert PdfSettings.resolve(None) == PdfSettings()


# --- the sample papers -----------------------------------------------------------------------------


def test_mc002_pdf_reads_as_the_workbook_it_was_printed_from() -> None:
    pdf = extract(str(needs(MC002.with_suffix(".pdf"))))
    xlsx = extract_any(needs(MC002.with_suffix(".xlsx")), "xlsx").tables[0]

    details, main, registers = pdf.tables
    assert pdf.n_pages == 3
    assert [p.text for p in pdf.paragraphs[:2]] == [
        "Best Value Assurance Strategic Action Plan: MC 002", "BVAR Strategic Summary Progress Update"]
    assert texts(details) == [  # the sheet's cells of labels and values, printed without rulings
        ["Committee Report Ref:", "MC 002"], ["Report Date:", "01/03/21"], ["Committee Date:", "10/03/2021"]]
    assert [c.text for c in main.rows[1]] == [
        "RAG", "% Completed", "Target Date", "Lead", "Priority", "Workstreams (BV Recommendations)",
        "Status Update", "Decisions Required/Made by\ncmt/smt"]
    assert len(main.rows) - 2 == 9  # the key, the header, nine workstreams over two pages
    assert [c.fill for c in main.rows[0]] == [None, "BFBFBF", "FF0000", "FFC000", "00B050", "0070C0"]
    assert [row[0].fill for row in main.rows[2:]] == [
        "FFC000", "FFC000", "00B050", "00B050", "FF0000", "00B050", "00B050", "FFC000", "00B050"]
    assert [row[0].page for row in main.rows[2:]] == [1] * 6 + [2] * 3
    assert squeezed(main) == squeezed(xlsx)[7:18]
    assert [c.text for c in registers.rows[1] if c.text] == ["Issues / Major Risks / Change Requests",
                                                            "Targets for Next Period"]
    assert [row[0].text for row in registers.rows[2:]] == [str(n) for n in range(1, 11)]


def test_sbc_pdf_reads_as_the_word_document_it_was_printed_from() -> None:
    pdf = extract(str(needs(SBC.with_suffix(".pdf"))))
    docx = extract_any(needs(SBC.with_suffix(".docx")), "docx")

    assert pdf.n_pages == 7
    assert [squeezed(t) for t in pdf.tables] == [squeezed(t) for t in docx.tables]
    header = pdf.tables[1].rows[0]
    assert [(c.text, c.colspan, c.fill) for c in header[:2]] == [("ACTION", 2, "1F3864"), ("Timescales", 1, "1F3864")]
    assert [len(t.rows) - 1 for t in pdf.tables[1:]] == [2, 3, 2, 2, 1, 2]
    assert [t.page for t in pdf.tables] == [1, 2, 3, 4, 5, 6, 7]
    words = [re.sub(r"\s+", "", p.text).lstrip("•") for p in pdf.paragraphs]
    assert words == [re.sub(r"\s+", "", p.text) for p in docx.paragraphs if p.text.strip()]
    assert "Cont./" in [p.text for p in pdf.paragraphs]


# --- the wild corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", WILD, ids=[p.name for p in WILD])
def test_wild_pdf_reads_or_says_why(path: Path) -> None:
    try:
        paper = extract(str(path))
    except ExtractionError as exc:
        assert exc.reason and exc.path == str(path)
        return
    assert isinstance(paper, Paper) and paper.n_pages
    for table in paper.tables:
        for r, row in enumerate(table.rows):
            assert all(isinstance(c, Cell) and c.row == r and c.page for c in row)


@pytest.mark.parametrize("turn", [90, -90])
def test_a_header_printed_sideways_reads_the_way_it_runs(tmp_path: Path, turn: int) -> None:
    # narrow columns headed sideways, as a spreadsheet prints a header cell turned 90 degrees (up)
    # or -90 (down): each header reads as written, not backwards
    canvas = new_canvas(tmp_path / "sideways.pdf")
    header_h = 70.0
    draw_table(canvas, TableDrawing([40, 200, 30, 30], [["Ref", "Action", "", ""]],
                                    size=9.0, padding=(header_h - 9.0 * 1.2) / 2), 40, 40)
    page_h = canvas._pagesize[1]
    for left, word in ((240 + 40, "Priority"), (270 + 40, "% Complete")):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 9)
        if turn == 90:  # bottom to top, at the cell's foot
            canvas.translate(left + 18, page_h - 40 - header_h + 4)
        else:  # top to bottom, from the cell's top
            canvas.translate(left + 12, page_h - 40 - 4)
        canvas.rotate(turn)
        canvas.drawString(0, 0, word)
        canvas.restoreState()
    draw_table(canvas, TableDrawing([40, 200, 30, 30], [["1", "Agree the plan", "2", "40%"]], bold_rows=0),
               40, 40 + header_h)
    canvas.save()
    [table] = extract(tmp_path / "sideways.pdf").tables
    assert [c.text for c in table.rows[0]] == ["Ref", "Action", "Priority", "% Complete"]


def test_a_cell_merged_down_over_a_page_break_goes_on_over_the_next_page(tmp_path: Path) -> None:
    # 'Lead' merged over actions 2 to 5, printed as a word processor prints it: its text on the
    # first page, an empty cell merged over the rows it still covers at the top of the next page
    xs, row_h = [40.0, 80.0, 300.0, 420.0, 480.0], 24.0
    canvas = new_canvas(tmp_path / "merged.pdf", pagesize=A4)
    page_h = A4[1]
    pages = [[("Ref", "Action", "Lead", "Target Date"), ("1", "Agree the plan", "Head of Finance", "31/03/2025"),
              ("2", "Close the budget gap", "Head of Education", "30/06/2026"), ("3", "Improve destinations", "", "")],
             [("4", "Track pupils' progress", "", ""), ("5", "Widen vocational courses", "", ""),
              ("6", "Reduce exclusions", "Head of Inclusion", "31/12/2024")]]
    merged = [{2: 2, 3: 2}, {0: 2}]  # per page: first row of the merged cells -> rows they cover
    for rows, spans in zip(pages, merged, strict=True):
        top = 60 + len(rows) * row_h if rows is pages[0] else page_h - 60  # the first ends at the page's foot
        covered = {r + k for r, n in spans.items() for k in range(1, n)}
        for r, row in enumerate(rows):
            y = top - r * row_h
            canvas.setFont(BOLD if r == 0 and rows is pages[0] else FONT, 9)
            for c, text in enumerate(row):
                canvas.drawString(xs[c] + 3, y - 15, text)
            canvas.setLineWidth(0.5)
            for c in range(4):  # the line above each cell, but not inside a merged cell
                if not (r in covered and c in (2, 3)):
                    canvas.line(xs[c], y, xs[c + 1], y)
            for x in xs:
                canvas.line(x, y, x, y - row_h)
        canvas.line(xs[0], top - len(rows) * row_h, xs[-1], top - len(rows) * row_h)
        canvas.showPage()
    canvas.save()
    [table] = extract(tmp_path / "merged.pdf").tables
    lead = {c.row: c for row in table.rows for c in row if c.col == 2}
    assert (lead[2].text, lead[2].rowspan) == ("Head of Education", 4)
    assert 4 not in lead and lead[6].text == "Head of Inclusion"


def test_tables_side_by_side_are_read_left_to_right_each_after_its_heading(tmp_path: Path) -> None:
    paper = extract(side_by_side_tables(tmp_path / "side_by_side.pdf"))
    assert [b.text if isinstance(b, Paragraph) else texts(b)[1][0] for b in paper.blocks] == [
        "Report Date: 06/02/2025", "Workstream 1: Children and Families", "C1", "Workstream 2: Finance", "F1",
        "A note below the tables stays where it is"]


def test_rows_under_another_tables_header_repeated_at_the_page_top_go_on_with_their_table(tmp_path: Path) -> None:
    # a sheet of two tables printed with rows to repeat: the first table's header is printed again
    # at the top of page 2, over the second table's last row (the second table uses six of the
    # sheet's seven columns, in another order)
    widths = [40, 170, 110, 70, 60, 60, 200]
    first = ["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update"]
    second = ["Ref", "Target Date", "Action", "Lead Officer", "RAG", "Comments"]
    added = [[str(n), "28/02/2025", f"New action {n}", "Head of Legal", "Green", "Begun"] for n in range(5, 15)]
    canvas = new_canvas(tmp_path / "print_titles.pdf")
    below = draw_table(canvas, TableDrawing(widths, [first, *action_rows(1, 4)]), 40, 40)
    draw_lines(canvas, ["Actions added since the last report"], 40, below + 10)
    draw_table(canvas, TableDrawing(widths[:6], [second, *added]), 40, below + 30)
    canvas.showPage()
    top = draw_table(canvas, TableDrawing(widths, [first]), 40, 40)
    draw_table(canvas, TableDrawing(widths[:6], [["15", "31/03/2025", "Review FOI responses", "IG Manager", "Amber",
                                                  "Improving"]], bold_rows=0), 40, top)
    canvas.save()

    paper = extract(tmp_path / "print_titles.pdf")

    assert [type(b).__name__ for b in paper.blocks] == ["Table", "Paragraph", "Table"]
    assert len(paper.tables[1].rows) == 12
    assert texts(paper.tables[1])[-1] == ["15", "31/03/2025", "Review FOI responses", "IG Manager", "Amber",
                                          "Improving"]


def test_bars_drawn_in_cells_as_gradient_strips_are_no_cell_edges(tmp_path: Path) -> None:
    # a spreadsheet's data bars printed by LibreOffice: each bar a run of filled strips 0.42 pt wide,
    # as tall as the row, ending where the value puts it
    rows = [ACTION_HEADER, *action_rows(1, 3)]
    drawing = TableDrawing(ACTION_WIDTHS, rows)
    canvas = new_canvas(tmp_path / "bars.pdf")
    draw_table(canvas, drawing, 40, 40)
    x0, top = 40 + sum(ACTION_WIDTHS[:4]), 40 + drawing.row_height(rows[0])
    for row, share in zip(rows[1:], (0.1, 0.45, 0.8), strict=True):
        height = drawing.row_height(row)
        for k in range(int(share * ACTION_WIDTHS[4] / 0.42)):
            canvas.setFillColorRGB(0.39 + k * 0.002, 0.55, 0.9)
            canvas.rect(x0 + k * 0.42, canvas._pagesize[1] - top - height, 0.42, height, stroke=0, fill=1)
        top += height
    canvas.save()

    [table] = extract(tmp_path / "bars.pdf").tables

    assert texts(table) == rows


CARD = [["Ref", "2.3"], ["Action", "Publish a register of delegated decisions"], ["Lead", "Head of Democratic Services"],
        ["Target", "28 February 2023"], ["Progress", "0%"], ["RAG", "Amber"], ["Update", "Work begins in spring"]]


@pytest.mark.parametrize("left", [1, 2])
def test_rows_of_a_borderless_card_left_at_a_page_foot_go_on_with_it(tmp_path: Path, left: int) -> None:
    path = tmp_path / "card_split.pdf"
    canvas = new_canvas(path)
    draw_lines(canvas, ["Theme 2: Governance and Accountability"], 40, 420, font=BOLD)
    draw_table(canvas, TableDrawing([90, 300], CARD[:left], ruled=False, bold_rows=0), 40, 535 - 17 * left)
    canvas.showPage()
    rest = TableDrawing([90, 300], CARD[left:], ruled=False, bold_rows=0, fills={(5 - left, 1): AMBER})
    draw_table(canvas, rest, 40, 40)
    canvas.save()

    paper = extract(str(path))

    assert [type(b).__name__ for b in paper.blocks] == ["Paragraph", "Table"]
    (table,) = paper.tables
    assert texts(table) == CARD and table.page == 1
    assert [c.page for c in table.rows[0]] == [1, 1] and [c.page for c in table.rows[-1]] == [2, 2]
    assert table.rows[5][1].fill == "FFC000"


def test_a_heading_or_text_at_a_page_foot_stays_running_text_above_the_next_pages_table(tmp_path: Path) -> None:
    path = tmp_path / "heading_at_foot.pdf"
    canvas = new_canvas(path)
    draw_lines(canvas, ["Theme 3: Use of Resources", "The plans below were agreed in June."], 40, 500)
    canvas.showPage()
    draw_table(canvas, TableDrawing([90, 300], CARD, ruled=False, bold_rows=0), 40, 40)
    canvas.save()

    paper = extract(str(path))

    assert [type(b).__name__ for b in paper.blocks] == ["Paragraph", "Paragraph", "Table"]
    assert texts(paper.tables[0]) == CARD


def test_a_borderless_record_of_labels_and_values_is_a_two_column_table(tmp_path: Path) -> None:
    path = tmp_path / "labels_and_values.pdf"
    canvas = new_canvas(path)
    draw_lines(canvas, ["Report date: 12 March 2025"], 40, 40)
    rows = [["Action ref", "BV01"], ["Action", "Set out the council's priorities\nin a single corporate plan"],
            ["Responsible officer", "Chief Executive"], ["Due date", "31/05/2025"], ["RAG status", "Green"]]
    draw_table(canvas, TableDrawing([110, 200], rows, ruled=False, bold_rows=0, fills={(4, 1): GREEN}), 40, 70)
    canvas.setFont(FONT, 9)
    canvas.drawRightString(350, 595 - 168 - 9, "85%")  # a number set right in its column
    draw_lines(canvas, ["Progress"], 43, 168, size=9)
    canvas.save()

    (table,) = extract(str(path)).tables

    assert texts(table) == [*rows, ["Progress", "85%"]]
    assert table.rows[4][1].fill is not None and table.rows[4][0].fill is None


def test_two_columns_of_running_text_or_a_numbered_list_are_no_labels_and_values(tmp_path: Path) -> None:
    path = tmp_path / "columns_of_text.pdf"
    canvas = new_canvas(path)
    left = ["The council agreed its plan in June", "and the committee will see it again", "when the audit reports."]
    for i, line in enumerate(left):
        draw_lines(canvas, [line], 40, 40 + 12 * i)
        draw_lines(canvas, [f"Officers have met every month {i}"], 300, 40 + 12 * i)
    for i, heading in enumerate(["Purpose", "Background", "Progress"]):
        draw_lines(canvas, [f"{i + 1}"], 40, 200 + 12 * i)
        draw_lines(canvas, [heading], 70, 200 + 12 * i)
    canvas.save()

    assert not extract(str(path)).tables


def test_a_record_found_from_its_text_goes_on_in_the_ruled_rows_of_the_next_page(tmp_path: Path) -> None:
    path = tmp_path / "record_over_pages.pdf"
    canvas = new_canvas(path)
    draw_table(canvas, TableDrawing([60, 200], CARD[:3], ruled=False, bold_rows=0), 40, 480)
    canvas.showPage()
    draw_table(canvas, TableDrawing([60, 200], [["", ""], *CARD[3:]], bold_rows=0), 40, 40)
    canvas.save()

    (table,) = extract(str(path)).tables

    assert texts(table) == CARD
    assert [c.page for c in table.rows[2]] == [1, 1] and [c.page for c in table.rows[3]] == [2, 2]
