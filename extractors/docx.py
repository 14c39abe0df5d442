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

from extractors.colours import normalise_hex
from extractors.docx_package import open_word_package
from extractors.errors import ExtractionError
from extractors.model import Block, Cell, Paper, Paragraph, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Any, tag: str) -> str | None:
    found = el.find(f"{W}{tag}") if el is not None else None
    return None if found is None else found.get(f"{W}val")


def paragraph_text(p: Any) -> str:
    """A paragraph's text: runs, tabs and line breaks (soft breaks become newlines)."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag == f"{W}tab" and el.getparent() is not None and el.getparent().tag == f"{W}r":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}delText":
            continue
    return "".join(parts).replace("\x0b", "\n")


def _is_list_item(p: Any) -> bool:
    ppr = p.find(f"{W}pPr")
    return ppr is not None and ppr.find(f"{W}numPr") is not None


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
    """Children in order, looking through content controls (w:sdt) and custom XML."""
    out: list[Any] = []
    for child in el.iterchildren():
        if child.tag in (f"{W}sdt", f"{W}customXml"):
            inner = child.find(f"{W}sdtContent")
            out.extend(_content(inner if inner is not None else child))
        else:
            out.append(child)
    return out


def cell_text(tc: Any) -> str:
    lines: list[str] = []
    for child in _content(tc):
        if child.tag == f"{W}p":
            text = paragraph_text(child)
            lines.append(f"• {text}" if _is_list_item(child) and text.strip() else text)
        elif child.tag == f"{W}tbl":
            for row in _rows(child):
                lines.append(" ".join(cell_text(c) for c in _cells(row)))
    return "\n".join(lines).strip("\n")


def _rows(tbl: Any) -> list[Any]:
    return [el for el in _content(tbl) if el.tag == f"{W}tr"]


def _cells(tr: Any) -> list[Any]:
    return [el for el in _content(tr) if el.tag == f"{W}tc"]


def _grid_before(tr: Any) -> int:
    trpr = tr.find(f"{W}trPr")
    value = _val(trpr, "gridBefore")
    return int(value) if value and value.isdigit() else 0


def read_table(tbl: Any, index: int) -> Table:
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
                row.append(Cell(text=cell_text(tc), row=r, col=col, colspan=span, fill=fill))
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


def read_blocks(body: Any, styles: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    n_tables = 0
    for el in _content(body):
        if el.tag == f"{W}p":
            blocks.append(Paragraph(text=paragraph_text(el), style=_style_name(el, styles), bold=_all_bold(el)))
        elif el.tag == f"{W}tbl":
            blocks.append(read_table(el, n_tables))
            n_tables += 1
    return blocks


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
    return Paper(path=path, format="docx", blocks=read_blocks(body, styles) if body is not None else [],
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
