"""Word packages opened part by part (extractors/docx_package.py): the parts found by their
relationships wherever a producer put them, the others never read, and the papers python-docx
reads the same."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from extractors import docx as word
from extractors.errors import ExtractionError
from extractors.model import Paragraph, Table

Parts = dict[str, bytes]


def _paper(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Best Value action plan: update", level=1)
    document.add_paragraph("Progress at 30 September 2026.")
    table = document.add_table(rows=2, cols=3)
    texts = ["Action", "Lead officer", "% complete", "1.1 Agree the plan", "J Smith", "40%"]
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, texts, strict=True):
        cell.text = text
    document.core_properties.modified = dt.datetime(2026, 10, 2, 9, 30)
    document.save(path)
    return path


def _rewritten(path: Path, edit: Callable[[Parts], Parts]) -> Path:
    """The package at ``path`` with its parts changed by ``edit`` (name to bytes), written anew."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in edit(parts).items():
            archive.writestr(name, data)
    return path


def _texts(path: Path) -> list[str]:
    return [b.text if isinstance(b, Paragraph) else "|".join(c.text for row in b.rows for c in row)
            for b in word.extract(str(path)).blocks]


def test_the_parts_are_read_where_the_relationships_point(tmp_path: Path) -> None:
    """A producer that names its main part otherwise (not word/document.xml) and its styles from a
    folder of their own is read the same."""
    plain = _texts(_paper(tmp_path / "plain.docx"))

    def move(parts: Parts) -> Parts:
        parts["content/main.xml"] = parts.pop("word/document.xml")
        parts["content/_rels/main.xml.rels"] = parts.pop("word/_rels/document.xml.rels").replace(
            b'Target="styles.xml"', b'Target="../looks/styles.xml"').replace(
            b'Target="', b'Target="../word/').replace(b'Target="../word/../looks/', b'Target="../looks/')
        parts["looks/styles.xml"] = parts.pop("word/styles.xml")
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"content/main.xml")
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b'PartName="/word/document.xml"', b'PartName="/CONTENT/Main.xml"').replace(
            b'PartName="/word/styles.xml"', b'PartName="/looks/styles.xml"')
        return parts

    moved = _rewritten(_paper(tmp_path / "moved.docx"), move)
    assert docx.Document(str(moved)).paragraphs[0].style.name == "Heading 1"  # python-docx reads it too
    assert _texts(moved) == plain
    paper = word.extract(str(moved))
    assert isinstance(paper.blocks[0], Paragraph) and paper.blocks[0].style == "Heading 1"
    assert isinstance(paper.blocks[2], Table) and paper.blocks[2].rows[1][2].text == "40%"


def test_a_part_bvtrack_does_not_read_cannot_make_the_paper_unreadable(tmp_path: Path) -> None:
    def dangle(parts: Parts) -> Parts:
        del parts["word/settings.xml"]  # its relationship stays: python-docx refuses the package
        parts["word/fontTable.xml"] = b"<w:fonts this is not XML"
        return parts

    path = _rewritten(_paper(tmp_path / "dangling.docx"), dangle)
    with pytest.raises(KeyError):
        docx.Document(str(path))
    assert _texts(path)[0] == "Best Value action plan: update"


def test_without_core_properties_a_paper_has_no_date(tmp_path: Path) -> None:
    """python-docx makes up core properties last modified now: that would become the paper's
    report date (report_date_source 'file_properties')."""
    dated = word.extract(str(_paper(tmp_path / "dated.docx")))
    assert dated.modified == dt.datetime(2026, 10, 2, 9, 30, tzinfo=dt.UTC)

    def undate(parts: Parts) -> Parts:
        del parts["docProps/core.xml"]
        parts["_rels/.rels"] = re.sub(rb'<Relationship [^>]*Target="docProps/core.xml"/>', b"", parts["_rels/.rels"])
        return parts

    undated = _rewritten(_paper(tmp_path / "undated.docx"), undate)
    assert docx.Document(str(undated)).core_properties.modified is not None  # now, made up
    assert word.extract(str(undated)).modified is None

    def twice(parts: Parts) -> Parts:  # Apache POI's test files hold such a package
        rels = parts["_rels/.rels"]
        core = re.search(rb'<Relationship [^>]*Target="docProps/core.xml"/>', rels)
        assert core is not None
        parts["_rels/.rels"] = rels.replace(core.group(0), core.group(0) + core.group(0).replace(b'Id="', b'Id="x'))
        return parts

    doubled = _rewritten(_paper(tmp_path / "doubled.docx"), twice)
    with pytest.raises(ValueError, match="multiple relationships"):
        docx.Document(str(doubled)).core_properties  # noqa: B018 - python-docx refuses it only when asked
    assert word.extract(str(doubled)).modified is None and _texts(doubled) == _texts(tmp_path / "dated.docx")

    damaged = _rewritten(_paper(tmp_path / "damaged.docx"),
                         lambda parts: {**parts, "docProps/core.xml": b"<cp:coreProperties"})
    paper = word.extract(str(damaged))
    assert paper.modified is None and _texts(damaged) == _texts(tmp_path / "dated.docx")


def test_without_a_styles_part_a_style_is_its_id(tmp_path: Path) -> None:
    def unstyle(parts: Parts) -> Parts:
        del parts["word/styles.xml"]
        parts["word/_rels/document.xml.rels"] = re.sub(
            rb'<Relationship [^>]*Target="styles.xml"/>', b"", parts["word/_rels/document.xml.rels"])
        return parts

    path = _rewritten(_paper(tmp_path / "unstyled.docx"), unstyle)
    heading = word.extract(str(path)).blocks[0]
    assert isinstance(heading, Paragraph)
    assert heading.style == "Heading1"


def test_each_styles_part_gives_its_own_names(tmp_path: Path) -> None:
    """Names are remembered by the styles part's bytes: two templates that name one style id
    differently each keep their own."""
    renamed = _rewritten(_paper(tmp_path / "renamed.docx"), lambda parts: {
        **parts, "word/styles.xml": parts["word/styles.xml"].replace(
            b'<w:name w:val="heading 1"/>', b'<w:name w:val="Council Heading"/>')})
    plain = _paper(tmp_path / "plain.docx")
    for path, name in [(plain, "Heading 1"), (renamed, "Council Heading"), (plain, "Heading 1")]:
        block = word.extract(str(path)).blocks[0]
        assert isinstance(block, Paragraph) and block.style == name


@pytest.mark.parametrize(("edit", "reason"), [
    (lambda parts: {**parts, "[Content_Types].xml": parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")},
     "is not a Word file, content type is 'application/vnd.openxmlformats-officedocument."
     "wordprocessingml.template.main+xml"),
    (lambda parts: {**parts, "word/document.xml": parts["word/document.xml"][:-40]}, "line 2"),
    (lambda parts: {name: data for name, data in parts.items() if name != "word/document.xml"},
     "There is no item named 'word/document.xml' in the archive"),
    (lambda parts: {**parts, "_rels/.rels": parts["_rels/.rels"].replace(b"officeDocument\"", b"other\"")},
     "no relationship of type"),
])
def test_a_package_python_docx_refuses_is_refused_with_its_reason(
        tmp_path: Path, edit: Callable[[Parts], Parts], reason: str) -> None:
    path = _rewritten(_paper(tmp_path / "refused.docx"), edit)
    with pytest.raises(Exception):  # noqa: B017 - python-docx raises several kinds: that it refuses is the point
        docx.Document(str(path))
    with pytest.raises(ExtractionError, match="cannot be read as a Word document") as refused:
        word.extract(str(path))
    assert reason in str(refused.value)


def test_a_large_styles_part_is_read_each_time_not_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader remembers small styles parts only: sixteen parts of hundreds of megabytes would
    stay in its memory."""
    path = _paper(tmp_path / "plain.docx")
    with zipfile.ZipFile(path) as archive:
        size = len(archive.read("word/styles.xml"))
    word._remembered_style_names.cache_clear()
    monkeypatch.setattr(word, "REMEMBERED_STYLES_BYTES", size - 1)
    for _ in range(2):
        block = word.extract(str(path)).blocks[0]
        assert isinstance(block, Paragraph) and block.style == "Heading 1"
    assert word._remembered_style_names.cache_info().currsize == 0
    monkeypatch.setattr(word, "REMEMBERED_STYLES_BYTES", size)
    word.extract(str(path))
    assert word._remembered_style_names.cache_info().currsize == 1


def _as_strict(parts: Parts) -> Parts:
    """The package as Word saves a "Strict Open XML Document": Strict's relationship types and
    namespaces for the document and its styles."""
    strict = {b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
              b"http://purl.oclc.org/ooxml/officeDocument/relationships",
              b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
              b"http://purl.oclc.org/ooxml/wordprocessingml/main"}
    for name in ("_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml"):
        for transitional, iso in strict.items():
            parts[name] = parts[name].replace(transitional, iso)
    return parts


def test_a_strict_open_xml_document_reads_as_its_transitional_twin(tmp_path: Path) -> None:
    """Word's "Strict Open XML Document" format: python-docx refuses it; bvtrack reads the same
    Paper as from the same document saved the ordinary way (merged and shaded cells, styles, dates)."""
    plain = _paper(tmp_path / "plain.docx")
    document = docx.Document(str(plain))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Theme 1: governance"
    table.cell(1, 0).text, table.cell(1, 1).text = "1.2 Publish the plan", "Complete"
    shade = docx.oxml.parse_xml(  # a RAG fill, as the papers' tables carry them
        '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="clear" w:fill="00B050"/>')
    table.cell(1, 1)._tc.get_or_add_tcPr().append(shade)
    document.save(str(plain))
    strict = tmp_path / "strict.docx"
    strict.write_bytes(plain.read_bytes())
    _rewritten(strict, _as_strict)
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    with pytest.raises(KeyError):
        docx.Document(str(strict))
    ours, twin = word.extract(str(strict)), word.extract(str(plain))
    assert (ours.blocks, ours.modified) == (twin.blocks, twin.modified)
    fills = [c.fill for b in ours.blocks if isinstance(b, Table) for row in b.rows for c in row if c.fill]
    assert fills == ["00B050"] and isinstance(ours.blocks[0], Paragraph) and ours.blocks[0].style == "Heading 1"
