"""Word documents (.docx): paragraphs and tables in reading order, from the parts python-docx's
parser gives (:mod:`extractors.docx_package` opens them).

Tables are read by walking ``w:tr``/``w:tc`` directly rather than through ``row.cells``, which
repeats a merged cell once per grid column it spans and once per row of a vertical merge
(python-docx#344) and raises on irregular vertical merges. Here a merged cell appears once at
its top-left grid position with its ``colspan``/``rowspan``; a cell's fill comes from its
``w:shd/@w:fill`` (python-docx has no shading API, #146).
"""

from __future__ import annotations

import datetime as dt
import functools
import zipfile
from typing import Any

from extractors.colours import is_mark, normalise_hex
from extractors.docx_numbering import BULLET, Numbering
from extractors.docx_package import open_word_package
from extractors.errors import ExtractionError
from extractors.model import Block, Cell, Paper, Paragraph, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Any, tag: str) -> str | None:
    found = el.find(f"{W}{tag}") if el is not None else None
    return None if found is None else found.get(f"{W}val")


# a symbol font's character (w:sym, Wingdings or Symbol) as the shape it prints, by its last two hex
# digits: the circles, squares and diamonds papers colour for a RAG; any other symbol prints nothing here
SYMBOLS = {"6C": "●", "A1": "○", "6E": "■", "6F": "□", "A7": "▪", "75": "◆", "9F": "•", "B7": "•"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HIDDEN_TAGS = (f"{W}vanish", f"{W}showingPlcHdr", f"{W}txbxContent", f"{W}moveFrom", MC_FALLBACK)


def paragraph_text(p: Any) -> str:
    """A paragraph's text as Word prints it: runs, tabs and line breaks (soft breaks become
    newlines), non-breaking hyphens; not deleted or moved-away text, hidden text, a content
    control's placeholder prompt, nor the text of text boxes anchored in it (read as blocks of
    their own, :func:`text_boxes`)."""
    hidden = _hidden_parts(p)
    parts: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}sym"):
        if hidden and _within(el, hidden, p):
            continue
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag == f"{W}sym":
            parts.append(SYMBOLS.get((el.get(f"{W}char") or "").upper()[-2:], ""))
        elif tag == f"{W}tab":
            if el.getparent() is not None and el.getparent().tag == f"{W}r":
                parts.append("\t")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts).replace("\x0b", "\n")


def _hidden_parts(p: Any) -> set[Any]:
    """The elements of ``p`` whose text is not printed: runs of hidden text (``w:vanish``), content
    controls showing their placeholder, text boxes, text moved away, and the copy of a drawing
    kept for older programs (``mc:Fallback``)."""
    hidden: set[Any] = set()
    for el in p.iter(*HIDDEN_TAGS):
        tag = el.tag
        if tag == f"{W}vanish":
            run = el.getparent().getparent() if el.getparent() is not None else None
            if run is not None and run.tag == f"{W}r" and el.get(f"{W}val") not in ("0", "false"):
                hidden.add(run)
        elif tag == f"{W}showingPlcHdr":
            sdt = el.getparent().getparent() if el.getparent() is not None else None
            if sdt is not None and sdt.tag == f"{W}sdt" and el.get(f"{W}val") not in ("0", "false"):
                hidden.add(sdt)
        else:
            hidden.add(el)
    return hidden


def _within(el: Any, hidden: set[Any], stop: Any) -> bool:
    while el is not None and el is not stop:
        if el in hidden:
            return True
        el = el.getparent()
    return False


def text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in a paragraph (their ``w:txbxContent``), outermost, each once
    (not again from the copy kept for older programs)."""
    boxes = [box for box in p.iter(f"{W}txbxContent")]
    if not boxes:
        return []
    skip = {el for el in p.iter(MC_FALLBACK)}
    return [box for box in boxes if not _within(box.getparent(), skip | set(boxes), p)]


def _all_bold(p: Any) -> bool:
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(f"{W}rPr")
        b = rpr.find(f"{W}b") if rpr is not None else None
        if b is None or b.get(f"{W}val") in ("0", "false"):
            return False
    return True


def _content(el: Any) -> list[Any]:
    """Children in order, looking through content controls (w:sdt) and custom XML; a content
    control still showing its placeholder prompt ('Click or tap here to enter text.') holds no
    paragraphs."""
    out: list[Any] = []
    for child in el.iterchildren():
        if child.tag in (f"{W}sdt", f"{W}customXml"):
            inner = child.find(f"{W}sdtContent")
            found = _content(inner if inner is not None else child)
            if _shows_placeholder(child):
                found = [c for c in found if c.tag != f"{W}p"]
            out.extend(found)
        else:
            out.append(child)
    return out


def _shows_placeholder(sdt: Any) -> bool:
    flag = sdt.find(f"{W}sdtPr/{W}showingPlcHdr")
    return flag is not None and flag.get(f"{W}val") not in ("0", "false")


def cell_text(tc: Any, numbering: Numbering) -> str:
    """A cell's paragraphs, each after the number or bullet Word prints before it ('1.1', '•'),
    and the text of a table nested in it, a line a row."""
    lines: list[str] = []
    for child in _content(tc):
        if child.tag == f"{W}p":
            text, label = paragraph_text(child), numbering.label(child)
            if label == BULLET:
                lines.append(f"{label} {text}" if text.strip() else text)
            else:
                lines.append(f"{label} {text}".rstrip() if label else text)
        elif child.tag == f"{W}tbl":
            for row in _rows(child):
                lines.append(" ".join(cell_text(c, numbering) for c in _cells(row)))
    return "\n".join(lines).strip("\n")


def _rows(tbl: Any) -> list[Any]:
    return [el for el in _content(tbl) if el.tag == f"{W}tr"]


def _cells(tr: Any) -> list[Any]:
    return [el for el in _content(tr) if el.tag == f"{W}tc"]


def _mark_colour(tc: Any) -> str | None:
    """The colour of the first run in the cell that prints something and has a colour."""
    for run in tc.iter(f"{W}r"):
        if run.find(f"{W}t") is None and run.find(f"{W}sym") is None:
            continue
        colour = _val(run.find(f"{W}rPr"), "color")
        if colour and (hex6 := normalise_hex(colour)):
            return hex6
    return None


def _grid_before(tr: Any) -> int:
    trpr = tr.find(f"{W}trPr")
    value = _val(trpr, "gridBefore")
    return int(value) if value and value.isdigit() else 0


def read_table(tbl: Any, index: int, numbering: Numbering) -> Table:
    rows: list[list[Cell]] = []
    # origin cell of an open vertical merge, by grid column: (row index, position in that row)
    open_merges: dict[int, tuple[int, int]] = {}
    for r, tr in enumerate(_rows(tbl)):
        row: list[Cell] = []
        col = _grid_before(tr)
        for tc in _cells(tr):
            tcpr = tc.find(f"{W}tcPr")
            span_text = _val(tcpr, "gridSpan")
            span = int(span_text) if span_text and span_text.isdigit() else 1
            vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            vval = None if vmerge is None else (vmerge.get(f"{W}val") or "continue")
            if vval == "continue" and col in open_merges:
                orow, opos = open_merges[col]
                origin = rows[orow][opos]
                rows[orow][opos] = Cell(**{**origin.__dict__, "rowspan": r - orow + 1})
            else:
                shd = tcpr.find(f"{W}shd") if tcpr is not None else None
                fill = normalise_hex(shd.get(f"{W}fill")) if shd is not None else None
                text = cell_text(tc, numbering)
                if fill is None and is_mark(text):  # a coloured '●' colours its cell
                    fill = _mark_colour(tc)
                row.append(Cell(text=text, row=r, col=col, colspan=span, fill=fill))
                if vval == "restart":
                    open_merges[col] = (r, len(row) - 1)
                else:
                    open_merges.pop(col, None)
            col += span
        rows.append(row)
    return Table(rows=rows, index=index)


REMEMBERED_STYLES_BYTES = 2 * 2**20  # styles parts up to this size are remembered, 16 at most


def style_names(styles_xml: bytes | None) -> dict[str, str]:
    """Style id to the name Word shows ('heading 1' as 'Heading 1'), as python-docx's ``Style.name``
    gives it, read straight from the styles part (a tenth of the time of making every Style).

    Remembered by the part's bytes: the papers of one template (one council's, one program's)
    carry the same styles part, and python-docx's is 350 KB, 5 ms to parse. Shared between
    papers: not to be changed. A styles part larger than :data:`REMEMBERED_STYLES_BYTES` is read
    each time (a reader keeps what it remembers). A package without styles has none: its
    paragraphs' style ids stand for their names."""
    if styles_xml is not None and len(styles_xml) > REMEMBERED_STYLES_BYTES:
        return _style_names(styles_xml)
    return _remembered_style_names(styles_xml)


def _style_names(styles_xml: bytes | None) -> dict[str, str]:
    from docx.oxml.parser import parse_xml  # python-docx loads in 0.1 s: only once a .docx is read
    from docx.styles import BabelFish  # as above

    names: dict[str, str] = {}
    if styles_xml is None:
        return names
    for style in parse_xml(styles_xml).iterchildren(f"{W}style"):
        style_id, name = style.get(f"{W}styleId"), style.find(f"{W}name")
        if style_id and name is not None and name.get(f"{W}val") is not None:
            names[style_id] = BabelFish.internal2ui(name.get(f"{W}val"))
    return names


_remembered_style_names = functools.lru_cache(maxsize=16)(_style_names)


def _style_name(p: Any, styles: dict[str, str]) -> str | None:
    style_id = _val(p.find(f"{W}pPr"), "pStyle")
    return styles.get(style_id, style_id) if style_id else None


def read_blocks(body: Any, styles: dict[str, str], numbering: Numbering | None = None) -> list[Block]:
    """The body's paragraphs and tables in reading order; a text box's content after the paragraph
    it is anchored in; a table of one column that holds tables (a frame around the content) read
    as its content. Numbered paragraphs are counted in this order; a table's cells carry their
    numbers (running text does not: a numbered heading reads as its words)."""
    blocks: list[Block] = []
    _read_into(body, styles, numbering or Numbering(), blocks)
    return blocks


def _read_into(el: Any, styles: dict[str, str], numbering: Numbering, blocks: list[Block]) -> None:
    for child in _content(el):
        if child.tag == f"{W}p":
            numbering.label(child)  # counted: a list may go on in a table
            blocks.append(Paragraph(text=paragraph_text(child), style=_style_name(child, styles),
                                    bold=_all_bold(child)))
            for box in text_boxes(child):
                _read_into(box, styles, numbering, blocks)
        elif child.tag == f"{W}tbl":
            if _is_frame(child):
                for tr in _rows(child):
                    for tc in _cells(tr):
                        _read_into(tc, styles, numbering, blocks)
            else:
                blocks.append(read_table(child, sum(isinstance(b, Table) for b in blocks), numbering))


def _is_frame(tbl: Any) -> bool:
    """A table of one column with a table in it: a frame laid around content, not a table of data."""
    rows = _rows(tbl)
    return all(len(_cells(tr)) == 1 for tr in rows) and any(
        child.tag == f"{W}tbl" for tr in rows for tc in _cells(tr) for child in _content(tc))


def extract(path: str) -> Paper:
    from lxml import etree  # python-docx's XML library: loaded with it, once a .docx is read

    try:
        package = open_word_package(path)
        styles = style_names(package.styles_xml)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, etree.XMLSyntaxError) as exc:
        said = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc  # KeyError's str() quotes it
        reason = str(said) or type(exc).__name__
        raise ExtractionError(path, f"cannot be read as a Word document: {reason}") from exc
    body = package.document.find(f"{W}body")
    numbering = Numbering.of(package.numbering_xml, package.styles_xml)
    return Paper(path=path, format="docx", blocks=read_blocks(body, styles, numbering) if body is not None else [],
                 modified=_when(package.core, "modified") or _when(package.core, "created"))


def _when(core: Any | None, name: str) -> dt.datetime | None:
    """A date of the core properties (python-docx reads them); None where it is missing or cannot
    be read."""
    if core is None:
        return None
    from docx.opc.coreprops import CoreProperties  # python-docx: only once a .docx is read

    try:
        value = getattr(CoreProperties(core), name)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return value if isinstance(value, dt.datetime) else None
