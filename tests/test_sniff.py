"""Sniffing: the bytes decide the format, and files no parser should open are refused first."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from paper_factory import OLE, PNG, encrypted, encrypted_pdf, good_paper, zip_bomb

from extractors.sniff import (
    BOMB_FLOOR_BYTES,
    DEFLATE_MAX_RATIO,
    DEFLATE_SLACK,
    MAX_ZIP_MEMBERS,
    SniffError,
    peek,
    sniff,
)
from pipeline.config import Settings
from pipeline.interpret import read_paper_file

WILD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"


def reason(path: Path, settings: Settings | None = None) -> str:
    with pytest.raises(SniffError) as caught:
        sniff(path, settings or Settings())
    return caught.value.reason


@pytest.fixture(scope="module")
def goods(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("goods")
    return {fmt: good_paper(folder, i, fmt) for i, fmt in enumerate(("docx", "xlsx", "pdf"))}


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_each_format_is_known_by_its_bytes_under_any_name(goods: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    for name in (f"paper.{fmt}", "paper.txt", "paper.docx", "paper"):
        target = tmp_path / name
        target.write_bytes(goods[fmt].read_bytes())
        assert sniff(target, Settings()) == fmt
        assert peek(target) == fmt


def test_a_pdf_with_junk_before_its_header_is_a_pdf(goods: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"\r\n" * 100 + goods["pdf"].read_bytes())
    assert sniff(path) == "pdf"


def _zip(path: Path, parts: dict[str, str], comment: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = comment.encode()
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _types(content_type: str, part: str) -> str:
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="{part}" ContentType="{content_type}"/></Types>')


SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@pytest.mark.parametrize(("parts", "expected"), [
    ({"[Content_Types].xml": _types(SHEET_MAIN, "/workbook.xml"), "workbook.xml": "<workbook/>"}, "xlsx"),
    ({"[Content_Types].xml": _types("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "/xl/wb.xml")}, "xlsx"),
    ({"[Content_Types].xml": _types("application/vnd.ms-word.document.macroEnabled.main+xml", "/word/d.xml")},
     "docx"),
    ({"word/document.xml": "<w:document/>"}, "docx"),  # no content types: the part names decide
    ({"xl/workbook.xml": "<workbook/>"}, "xlsx"),
])
def test_ooxml_is_known_by_its_main_part(tmp_path: Path, parts: dict[str, str], expected: str) -> None:
    assert sniff(_zip(tmp_path / "x.bin", parts)) == expected


def test_the_wild_minimal_package_with_its_workbook_at_the_root_is_a_workbook() -> None:
    if not WILD.is_dir():
        pytest.skip("../shared/corpus/wild is not beside the repository")
    assert sniff(WILD / "calamine-minimal-package.xlsx") == "xlsx"
    assert reason(WILD / "calamine-pass-protected.xlsx") == "encrypted: password-protected Office document"
    assert reason(WILD / "pdfplumber-password-example.pdf") == "encrypted: password-protected PDF"
    assert reason(WILD / "pdfplumber-empty.pdf") == "empty file"


@pytest.mark.parametrize(("parts", "expected"), [
    ({"[Content_Types].xml": _types("application/vnd.openxmlformats-officedocument.presentationml.presentation"
                                    ".main+xml", "/ppt/presentation.xml")}, "PowerPoint"),
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}, "OpenDocument"),
    ({"notes.txt": "just a zip"}, "neither a Word document nor an Excel workbook"),
])
def test_other_zips_are_refused_saying_what_they_are(tmp_path: Path, parts: dict[str, str], expected: str) -> None:
    assert expected in reason(_zip(tmp_path / "x.docx", parts))


def test_a_zip_bomb_is_refused_before_any_parser_sees_it(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path, 0, inflated_mb=30)
    assert bomb.stat().st_size < 2**20
    assert "inflates to 30 MB, over the 20 MB limit" in reason(bomb, Settings(max_unzipped_mb=20))
    assert sniff(bomb, Settings(max_unzipped_mb=40)) == "docx"  # the limit is the setting's


def _lie_about_size(path: Path, member: str, size: int, field: int = 24) -> None:
    """Rewrite the central directory's uncompressed size of ``member`` (a bomb's declared size), or
    the 4-byte ``field`` at another offset of its entry (16: its CRC-32)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        start = archive.start_dir
    at = data.index(b"PK\x01\x02" + bytes(data[start + 4: start + 28]), start)  # first central entry
    while True:
        name_len = int.from_bytes(data[at + 28: at + 30], "little")
        if data[at + 46: at + 46 + name_len].decode() == info.filename:
            data[at + field: at + field + 4] = size.to_bytes(4, "little")
            break
        extra, comment = (int.from_bytes(data[at + k: at + k + 2], "little") for k in (30, 32))
        at += 46 + name_len + extra + comment
    path.write_bytes(bytes(data))


def test_deflate_expands_no_more_than_the_bound_the_sniffer_trusts(tmp_path: Path) -> None:
    """The most compressible data there is (zeros), at zlib's best level: within the bound an
    archive is trusted by without inflating it, and close to it (the bound is DEFLATE's, not a guess)."""
    path = tmp_path / "zeros.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("zeros", bytes(64 * 2**20))
    info = zipfile.ZipFile(path).getinfo("zeros")
    assert info.compress_size * 1000 < info.file_size <= info.compress_size * DEFLATE_MAX_RATIO + DEFLATE_SLACK


def test_a_paper_that_cannot_inflate_past_the_limit_is_not_inflated_to_check(tmp_path: Path) -> None:
    """A damaged part (its CRC wrong) shows whether the sniffer inflated the archive: a paper of 40 KB
    could inflate to 40 MB at most, so under the 200 MB limit it is not tried; under a 5 MB limit it
    is, and refused. Under the larger limit the paper is read (python-docx's app.xml is not a part
    bvtrack reads), and where the damaged part is one it reads, the reason says which."""
    paper = good_paper(tmp_path, 0, "docx")
    assert paper.stat().st_size < 64 * 2**10
    for part in ("docProps/app.xml", "word/document.xml"):
        damaged = tmp_path / f"damaged {part.replace('/', ' ')}.docx"
        damaged.write_bytes(paper.read_bytes())
        _lie_about_size(damaged, part, 0x12345678, field=16)
        assert sniff(damaged, Settings()) == "docx"
        assert f"part {part} does not inflate" in reason(damaged, Settings(max_unzipped_mb=5))
        reading = read_paper_file(damaged, Settings())
        if part == "docProps/app.xml":
            assert reading.status != "quarantined" and reading.actions
        else:
            assert reading.status == "quarantined"
            assert "cannot be read as a Word document: Bad CRC-32 for file 'word/document.xml'" in (
                reading.document["error"])


def test_the_declared_size_is_what_counts(tmp_path: Path) -> None:
    path = _zip(tmp_path / "liar.xlsx", {"[Content_Types].xml": _types(SHEET_MAIN, "/xl/workbook.xml"),
                                         "xl/workbook.xml": "<workbook/>"})
    _lie_about_size(path, "xl/workbook.xml", 4_000_000_000)
    assert "zip bomb?" in reason(path)


def test_a_large_part_that_inflates_far_too_much_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path, 1, inflated_mb=BOMB_FLOOR_BYTES // 2**20 + 2)
    assert "inflates" in reason(bomb, Settings(max_unzipped_mb=1000)) and "times" in reason(
        bomb, Settings(max_unzipped_mb=1000))


def test_an_archive_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"p/{i}", b"")
    assert "parts, over the limit" in reason(path)


def test_a_damaged_or_truncated_zip_is_refused_with_a_reason(goods: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(goods["docx"].read_bytes()[:2000])
    assert reason(path).startswith("damaged zip archive")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_an_encrypted_office_paper_is_refused_as_encrypted(goods: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    import random

    path = encrypted(goods[fmt], tmp_path, random.Random(0))
    assert peek(path) == "ole"
    assert reason(path) == "encrypted: password-protected Office document"


def test_an_encrypted_pdf_is_refused_as_encrypted(tmp_path: Path) -> None:
    assert reason(encrypted_pdf(tmp_path, 0)) == "encrypted: password-protected PDF"


def test_ole_files_that_are_not_encrypted_papers_say_so(tmp_path: Path) -> None:
    path = tmp_path / "minutes.msg"
    path.write_bytes(OLE)
    assert "OLE file that is not a Word or Excel document" in reason(path)


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=True)
    for n in range(pages):
        pdf.drawString(72, 720, f"page {n + 1}")
        pdf.showPage()
    pdf.save()
    return path


def test_a_pdf_over_the_page_limit_is_refused_by_its_declared_count(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "long.pdf", 6)
    assert reason(path, Settings(max_pages=5)) == "6 pages, over the limit of 5 (max_pages)"
    assert sniff(path, Settings(max_pages=6)) == "pdf"


def test_a_pdf_whose_structure_cannot_be_read_is_left_to_the_extractor(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    assert sniff(path, Settings(max_pages=1)) == "pdf"


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "empty file"),
    (b"hello, world\n", "unrecognised content"),
    (PNG, "unrecognised content"),
])
def test_other_content_is_refused(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "paper.docx"
    path.write_bytes(data)
    assert expected in reason(path)


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "empty"), (b"text", None), (PNG, None), (OLE, "ole"), (b"%PDF-1.7", "pdf"), (b"PK\x03\x04broken", "zip"),
])
def test_peek_never_raises_on_content(tmp_path: Path, data: bytes, expected: str | None) -> None:
    path = tmp_path / "f"
    path.write_bytes(data)
    assert peek(path) == expected


def test_a_missing_file_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    assert reason(tmp_path / "gone.docx").startswith("cannot be opened")
    assert peek(tmp_path / "gone.docx") is None


def test_openpyxl_guards_against_xml_bombs_with_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_sniff_is_cheap_on_a_large_zip(tmp_path: Path) -> None:
    import time

    path = zip_bomb(tmp_path, 2, inflated_mb=10)
    started = time.monotonic()
    for _ in range(20):
        sniff(path, Settings())
    assert (time.monotonic() - started) / 20 < 0.05  # the directory is read, nothing is inflated


def test_content_types_are_read_without_inflating_a_huge_part(tmp_path: Path) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", " " * (8 * 2**20) + _types(SHEET_MAIN, "/xl/workbook.xml"))
    path = tmp_path / "padded.xlsx"
    path.write_bytes(data.getvalue())
    with pytest.raises(SniffError):  # the main part's type lies past the first MB: not looked for
        sniff(path, Settings())
