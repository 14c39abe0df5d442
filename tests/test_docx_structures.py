"""Word structures that council templates carry, read as Word prints the document: hidden text,
content controls still showing their prompt, non-breaking hyphens, tables in text boxes and tables
framed by a one-column table. Each paper is built here with python-docx (and lxml where python-docx
has no API) and read by the real extractor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from extractors.docx import extract
from extractors.model import Paragraph, Table

HEADER = ["Ref", "Action", "Lead Officer", "Target Date"]
ROW = ["1", "Refresh the council plan", "Head of Strategy", "31/03/2025"]


def _table(document: docx.document.Document, rows: list[list[str]]) -> docx.table.Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_hidden_text_placeholders_and_non_breaking_hyphens_read_as_printed(tmp_path: Path) -> None:
    document = docx.Document()
    table = _table(document, [HEADER, ROW])
    lead = table.cell(1, 2).paragraphs[0]
    lead.add_run(" (enter the post, not a name)").font.hidden = True  # guidance hidden from print
    due = table.cell(1, 3).paragraphs[0]
    due.runs[0].text = "31/03/2025"
    due._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (dd/mm/yyyy)'
                            "</w:t></w:r>"))
    action = table.cell(1, 1).paragraphs[0]
    action.runs[0].text = "Set up an arm's"
    action._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:noBreakHyphen/><w:t>length company</w:t></w:r>'))
    update = table.add_row().cells[1]._tc
    update.remove(update.find(qn("w:p")))
    update.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
        "<w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    update.append(parse_xml(f'<w:p {nsdecls("w")}/>'))
    document.save(tmp_path / "structures.docx")

    [read] = extract(str(tmp_path / "structures.docx")).tables

    assert _texts(read)[1] == ["1", "Set up an arm's-length company", "Head of Strategy", "31/03/2025"]
    assert _texts(read)[2][1] == ""


TEXT_BOX = """<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="5000000"
cy="2000000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData
uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>
<v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_a_table_in_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Report Date: 26/11/2024")
    anchor = document.add_paragraph("Progress on the actions:")
    inner = _table(document, [HEADER, ROW])._tbl
    inner.getparent().remove(inner)
    ns = (f'{nsdecls("w", "a", "wp")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    run = parse_xml(TEXT_BOX.format(ns=ns))
    for box in run.iter(qn("w:txbxContent")):  # Word keeps a copy for older programs in mc:Fallback
        box.append(parse_xml(inner.xml))
        box.append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>Figures at 31 October.</w:t></w:r></w:p>'))
    anchor._p.append(run)
    document.save(tmp_path / "text_box.docx")

    blocks = extract(str(tmp_path / "text_box.docx")).blocks

    assert [b.text if isinstance(b, Paragraph) else _texts(b) for b in blocks] == [
        "Report Date: 26/11/2024", "Progress on the actions:", [HEADER, ROW], "Figures at 31 October."]


def test_a_table_framed_by_a_one_column_table_is_read_as_itself(tmp_path: Path) -> None:
    document = docx.Document()
    frame = _table(document, [["Halkirk Council: Best Value Improvement Plan"], [""]])
    inner = _table(document, [HEADER, ROW])._tbl
    inner.getparent().remove(inner)
    cell = frame.cell(1, 0)._tc
    cell.insert(cell.index(cell.find(qn("w:p"))), inner)
    nested = _table(document, [["Milestone", "Date"], ["Draft", "30/09/2024"]])._tbl  # in a cell of data: its text
    nested.getparent().remove(nested)
    row_cell = inner.findall(qn("w:tr"))[1].findall(qn("w:tc"))[1]
    row_cell.append(nested)
    row_cell.append(parse_xml(f'<w:p {nsdecls("w")}/>'))  # a cell ends with a paragraph
    document.save(tmp_path / "framed.docx")

    blocks = extract(str(tmp_path / "framed.docx")).blocks

    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert blocks[0] == Paragraph("Halkirk Council: Best Value Improvement Plan")
    assert isinstance(blocks[1], Table) and blocks[1].index == 0
    assert _texts(blocks[1]) == [HEADER, ["1", "Refresh the council plan\nMilestone Date\nDraft 30/09/2024",
                                          "Head of Strategy", "31/03/2025"]]


def _numbered(paragraph: Any, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_numbers_words_numbering_prints_in_a_tables_cells_are_read(tmp_path: Path) -> None:
    """Refs made by Word's numbering button ('1.', '2.'; '1.1' under a two-level list), not typed."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    table = _table(document, [["Ref", "Action"], ["", "Agree the plan"], ["", "Publish it"], ["", "Review it"]])
    for r, level in ((1, 0), (2, 1), (3, 1)):
        _numbered(table.cell(r, 0).paragraphs[0], 90, level)
    document.save(tmp_path / "numbered.docx")

    [read] = extract(str(tmp_path / "numbered.docx")).tables

    assert [row[0] for row in _texts(read)] == ["Ref", "1.", "1.1", "1.2"]
