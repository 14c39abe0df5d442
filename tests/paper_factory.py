"""A shared folder as the batch meets it: distinct good papers, damaged papers, and clutter.

``good_paper`` writes one distinct progress paper (council, date and actions vary with its
number) with the builders of :mod:`papers`. Each mutation in :data:`MUTATIONS` turns a good
paper into a damaged one and says what the pipeline must make of it:

- ``quarantined``: the paper must be quarantined with a reason;
- ``any``: anything but a crash (a flipped byte may land where no parser looks);
- ``extracted``: still a good paper (a wrong extension: the content decides).

``clutter`` writes what else a shared folder holds: Office owner files, hidden, temporary and
system files (ignored) and files that are not papers (skipped).
"""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import os
import random
import signal
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from papers import make_docx_update, make_pdf_update, make_xlsx_summary

from pipeline.config import Settings
from pipeline.interpret.reading import PaperReading, document_row

COUNCILS = ["Kelvindale", "Strathmore", "Glenbrae", "Loch Arden", "Ben Varrow", "Corrieside", "Dunmere",
            "Inverlochy", "Ardfearn", "Balmullo", "Craigellie", "Eastwood Vale"]
VERBS = ["Agree", "Publish", "Introduce", "Review", "Set up", "Deliver", "Adopt", "Report on", "Develop", "Test"]
OBJECTS = ["a workforce plan", "the medium term financial strategy", "locality partnerships", "a digital strategy",
           "a community engagement framework", "the asset management plan", "a savings programme",
           "member training", "the performance framework", "a procurement strategy", "a climate action plan",
           "the housing investment programme"]
LEADS = ["Chief Executive", "Head of HR", "Chief Financial Officer", "Head of Communities", "Director of Place"]
FORMATS = ("docx", "xlsx", "pdf")


def _actions(i: int, n: int, excel: bool) -> list[dict[str, Any]]:
    rng = random.Random(i)
    actions = []
    for k in range(1, n + 1):
        progress = rng.randrange(0, 101, 5)
        actions.append({
            "ref": f"{k // 3 + 1}.{k % 3 + 1}",
            "description": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} for {COUNCILS[i % len(COUNCILS)]} ({i}-{k})",
            "lead": rng.choice(LEADS),
            "due": dt.datetime(2022, rng.randrange(1, 13), 1) if excel else
            f"{rng.randrange(1, 28)}/0{rng.randrange(1, 10)}/2022",
            "progress": progress / 100 if excel else f"{progress}%",
            "commentary": f"Update {i}.{k}: work continues.",
        })
    return actions


def good_paper(folder: Path, i: int, fmt: str | None = None) -> Path:
    """Paper number ``i``: distinct bytes and content; its format cycles docx, xlsx, pdf."""
    fmt = fmt or FORMATS[i % 3]
    council = COUNCILS[i % len(COUNCILS)]
    title = f"{council} Council Best Value Action Plan"
    date = dt.date(2020, 1, 1) + dt.timedelta(days=30 * (i // len(COUNCILS)) + i % 28)
    path = folder / f"{council.lower().replace(' ', '_')}_{i:04d}.{fmt}"
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        return make_docx_update(path, title, date, [("Strengthen leadership", _actions(i, 3, False))])
    if fmt == "xlsx":
        return make_xlsx_summary(path, f"{title}: Quarterly Summary", date, _actions(i, 3, True))
    return make_pdf_update(path, title, date, _actions(i, 3, False))


# ---- mutations: (good paper, destination folder, rng) -> damaged paper ----------------------------

def _out(src: Path, folder: Path, tag: str, suffix: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{src.stem}-{tag}{suffix or src.suffix}"


def truncated(src: Path, folder: Path, rng: random.Random) -> Path:
    data = src.read_bytes()
    dest = _out(src, folder, "truncated")
    dest.write_bytes(data[: int(len(data) * rng.uniform(0.3, 0.8))])
    return dest


def flipped(src: Path, folder: Path, rng: random.Random) -> Path:
    data = bytearray(src.read_bytes())
    for _ in range(20):
        pos = rng.randrange(len(data) // 10, len(data))
        data[pos] ^= 0xFF
    dest = _out(src, folder, "flipped")
    dest.write_bytes(bytes(data))
    return dest


MAIN_PARTS = ("word/document.xml", "xl/worksheets/sheet1.xml")


def damaged_entry(src: Path, folder: Path, rng: random.Random) -> Path:
    """Overwrite the middle of the main part's compressed data: a CRC or inflate error on reading."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as archive:
        info = next(i for i in archive.infolist() if i.filename in MAIN_PARTS)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for k in range(info.compress_size // 4, info.compress_size // 4 * 3):
        data[start + k] = rng.randrange(256)
    dest = _out(src, folder, "damaged")
    dest.write_bytes(bytes(data))
    return dest


def missing_part(src: Path, folder: Path, rng: random.Random) -> Path:
    dest = _out(src, folder, "nopart")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename not in MAIN_PARTS:
                zout.writestr(info.filename, zin.read(info.filename))
    return dest


def encrypted(src: Path, folder: Path, rng: random.Random) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    dest = _out(src, folder, "encrypted")
    out = io.BytesIO()
    with src.open("rb") as fh:
        OOXMLFile(fh).encrypt("s3cret", out)
    dest.write_bytes(out.getvalue())
    return dest


def emptied(src: Path, folder: Path, rng: random.Random) -> Path:
    dest = _out(src, folder, "empty")
    dest.write_bytes(b"")
    return dest


def distinct(data: bytes, tag: str) -> bytes:
    """The same paper with different bytes: a zip comment, or a PDF comment after its end."""
    if data.startswith(b"PK"):
        out = io.BytesIO(data)
        with zipfile.ZipFile(out, "a") as archive:
            archive.comment = tag.encode()
        return out.getvalue()
    return data + f"\n% {tag}\n".encode()


def renamed(src: Path, folder: Path, rng: random.Random) -> Path:
    """The paper (its bytes made distinct) under another paper's extension."""
    others = [f for f in FORMATS if f".{f}" != src.suffix]
    dest = _out(src, folder, "renamed", f".{rng.choice(others)}")
    dest.write_bytes(distinct(src.read_bytes(), dest.name))
    return dest


def text_as_paper(src: Path, folder: Path, rng: random.Random) -> Path:
    dest = _out(src, folder, "text")
    dest.write_text(f"{dest.name} is not really a paper.\n" * rng.randrange(1, 50), encoding="utf-8")
    return dest


def junk_prefix(src: Path, folder: Path, rng: random.Random) -> Path:
    dest = _out(src, folder, "junk")
    dest.write_bytes(b"\r\n" * rng.randrange(1, 100) + src.read_bytes())
    return dest


def zip_bomb(folder: Path, i: int, inflated_mb: int = 40) -> Path:
    """A .docx-shaped zip whose document part inflates to ``inflated_mb`` MB of the same byte."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"bomb_{i:03d}.docx"
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/></Types>')
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = f"bomb {i}".encode()
        archive.writestr("[Content_Types].xml", types)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"<w:p/>" * (2**20 // 6)
            for _ in range(inflated_mb):
                part.write(block)
    return dest


def encrypted_pdf(folder: Path, i: int) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"locked_{i:03d}.pdf"
    pdf = canvas.Canvas(str(dest), encrypt=pdfencrypt.StandardEncryption("s3cret"), invariant=True)
    pdf.drawString(72, 720, f"Confidential progress report {i}")
    pdf.save()
    return dest


Mutation = Callable[[Path, Path, random.Random], Path]
Q, ANY, OK = "quarantined", "any", "extracted"
# name -> (mutation, {format of the good paper: what the pipeline must make of the damaged one})
MUTATIONS: dict[str, tuple[Mutation, dict[str, str]]] = {
    "truncated": (truncated, {"docx": Q, "xlsx": Q, "pdf": ANY}),
    "flipped": (flipped, {"docx": ANY, "xlsx": ANY, "pdf": ANY}),
    "damaged_entry": (damaged_entry, {"docx": Q, "xlsx": Q}),
    # openpyxl's read-only fallback reads a workbook whose sheet part is gone as an empty one
    "missing_part": (missing_part, {"docx": Q, "xlsx": ANY}),
    "encrypted": (encrypted, {"docx": Q, "xlsx": Q}),
    "empty": (emptied, {"docx": Q, "xlsx": Q, "pdf": Q}),
    # the content decides; openpyxl still refuses a workbook by its extension (extractors/xlsx.py opens by name)
    "renamed": (renamed, {"docx": OK, "xlsx": ANY, "pdf": OK}),
    "text_as_paper": (text_as_paper, {"docx": Q, "xlsx": Q, "pdf": Q}),
    "junk_prefix": (junk_prefix, {"pdf": OK}),
}


def mutants(goods: list[Path], folder: Path, seed: int = 7) -> dict[Path, tuple[str, str]]:
    """Every mutation that applies to each good paper: damaged path -> (mutation, expectation)."""
    rng = random.Random(seed)
    made: dict[Path, tuple[str, str]] = {}
    for src in goods:
        for name, (mutate, expect) in MUTATIONS.items():
            if src.suffix[1:] in expect:
                made[mutate(src, folder, rng)] = (name, expect[src.suffix[1:]])
    return made


OWNER_FILE = b"\x0bJ. Smith" + b"\x00" * 153  # what Word leaves as ~$name.docx (162 bytes)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def clutter(folder: Path) -> tuple[list[str], list[str]]:
    """Write the non-papers of a shared folder; return (ignored names, skipped names)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignored = {"~$update.docx": OWNER_FILE, "~$summary.xlsx": OWNER_FILE, ".DS_Store": b"\x00\x00\x00\x01Bud1",
               "Thumbs.db": OLE, "draft.tmp": b"partial", "~WRL0001.tmp": b"temp", ".hidden.pdf": b"%PDF-1.4"}
    skipped = {"notes.txt": b"call back about the June paper\n", "minutes.msg": OLE,
               "actions.csv": b"ref,action\n1,Do it\n", "logo.png": PNG, "readme": b"plain text"}
    for name, data in {**ignored, **skipped}.items():
        (folder / name).write_bytes(data)
    return sorted(ignored), sorted(skipped)


def slow_workbook(path: Path, rows: int = 60_000, cols: int = 6) -> Path:
    """A valid .xlsx whose one sheet has ``rows`` rows of text: seconds of openpyxl time, written in
    a fraction of that (the sheet's XML is written directly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    letters = "ABCDEFGHIJ"[:cols]
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="inlineStr"><is><t>cell {c}{r}</t></is></c>' for c in letters)
        + "</row>" for r in range(1, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


# ---- readers a worker runs instead of read_paper_file, to misbehave on purpose -------------------
# (here, not in a test module: a worker imports its reader's module, and this one is light)

def _ok(path: Path, doc_id: str, note: str = "") -> PaperReading:
    row = document_row(path, doc_id, "docx")
    row.update(status="extracted", title=note or f"pid {os.getpid()}")
    return PaperReading(document=row)


def misbehave(path: Path, settings: Settings, doc_id: str) -> PaperReading:
    """Does what the file's name says: hang, hog, die, segv, bug, recurse; else reads fine."""
    kind = path.name.split("-")[0]
    if kind == "hang":
        time.sleep(3600)
    elif kind == "hog":
        hog = bytearray(8 * 2**30)
        return _ok(path, doc_id, str(len(hog)))
    elif kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "segv":
        ctypes.string_at(0)
    elif kind == "bug":
        raise ValueError("a bug on this paper")
    elif kind == "recurse":
        return misbehave(path, settings, doc_id)
    return _ok(path, doc_id)


def gc_thresholds(path: Path, settings: Settings, doc_id: str) -> PaperReading:
    """The reader's garbage-collection thresholds, as its title."""
    import gc

    return _ok(path, doc_id, repr(gc.get_threshold()))


def start_time(path: Path, settings: Settings, doc_id: str) -> PaperReading:
    """When the reader began the paper (``time.monotonic``: one clock for all processes), as its title."""
    return _ok(path, doc_id, repr(time.monotonic()))


def vm_size(path: Path, settings: Settings, doc_id: str) -> PaperReading:
    status = Path("/proc/self/status").read_text()
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmSize:"))
    return _ok(path, doc_id, str(kb // 1024))
