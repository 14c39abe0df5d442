"""Bring papers from the shared folder into ``raw/``, which is never modified.

New or changed files are copied in; a changed file keeps its old version and gets a new name
(``name.<sha8>.ext``). ``raw/manifest.json`` records each copy: its name in raw/, where it came
from, size, sha256, when it was first seen, and which copy is current for its source.

A shared folder holds more than papers. Office owner files (``~$name.docx``), hidden, temporary
and system files are ignored without a word. Other files that are not papers by their
extension *and* by their content (a .txt, .msg, .csv, .png) are *skipped*: listed with a reason,
never copied. A paper with a wrong extension is still a paper (the content decides). A file that
changes while it is read (still being copied into the share) is skipped this run and read on the
next. Copies are made in ``<workspace>/.bvtrack-incoming/`` and renamed into raw/, so a killed
run never leaves a partial file in raw/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extractors.sniff import peek
from pipeline.files import atomic_write_bytes, sha256_file

MANIFEST = "manifest.json"
RAW_HOUSEKEEPING = {MANIFEST, "README.md"}
IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
IGNORED_SUFFIXES = {".tmp", ".temp", ".part", ".crdownload", ".swp", ".lock", ".bak"}
PAPER_SUFFIXES = {".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx", ".pdf", ".doc", ".xls"}
PAPER_KINDS = {"docx", "xlsx", "pdf"}
INCOMING = ".bvtrack-incoming"
CHUNK = 1 << 20
CHANGING = "changed while being read (still being copied?): read on the next run"
KNOWN_TYPES = {
    ".txt": "a text file", ".msg": "an Outlook message", ".eml": "an e-mail", ".csv": "a CSV file",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".zip": "a zip archive",
    ".pptx": "a PowerPoint presentation", ".ppt": "a PowerPoint presentation", ".odt": "an OpenDocument text",
    ".ods": "an OpenDocument spreadsheet", ".rtf": "a rich-text file", ".htm": "a web page", ".html": "a web page",
    ".lnk": "a shortcut", ".url": "a shortcut",
}


@dataclass
class ManifestEntry:
    raw_name: str  # path relative to raw/
    source: str  # path relative to the shared folder it came from
    size: int
    sha256: str
    first_seen: str  # ISO timestamp, UTC
    current: bool = True


@dataclass(frozen=True)
class Skipped:
    """A file in the shared folder or raw/ that is not read, and why."""

    name: str  # path relative to the folder it is in
    reason: str


@dataclass(frozen=True)
class RawPaper:
    """A paper in raw/ to read: where it is, its sha256 (the document id) and its file name as it
    was in the shared folder (a changed paper's copy in raw/ is named 'name.<sha8>.ext')."""

    path: Path
    sha256: str
    name: str


@dataclass
class Intake:
    """What one sync of the shared folder did."""

    added: list[ManifestEntry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def is_ignored(path: Path) -> bool:
    """Office owner files, hidden, temporary and system files: never papers."""
    name = path.name
    return (
        name.startswith(("~$", ".", "~"))
        or name.lower() in IGNORED_NAMES
        or path.suffix.lower() in IGNORED_SUFFIXES
    )


def skip_reason(path: Path) -> str | None:
    """None for a paper (by extension, or by content under another extension); else why not."""
    suffix = path.suffix.lower()
    if suffix in PAPER_SUFFIXES:
        return None
    kind = peek(path)
    if kind in PAPER_KINDS:
        return None
    what = KNOWN_TYPES.get(suffix) or (f"a {suffix} file" if suffix else "a file without an extension")
    return f"{what}, not a paper (.docx, .xlsx or .pdf)"


class HashCache:
    """sha256 of files by (size, mtime): unchanged files are not read again (``staged/cache/hashes.json``)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, list[int | str]] = {}
        self.seen: set[str] = set()
        if path is not None:
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}

    def known(self, file: Path, st: os.stat_result) -> str | None:
        entry = self.entries.get(str(file))
        if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
            self.seen.add(str(file))
            return str(entry[2])
        return None

    def remember(self, file: Path, st: os.stat_result, sha: str) -> None:
        self.entries[str(file)] = [st.st_size, st.st_mtime_ns, sha]
        self.seen.add(str(file))

    def sha(self, file: Path) -> str:
        st = file.stat()
        sha = self.known(file, st)
        if sha is None:
            sha = sha256_file(file)
            self.remember(file, st, sha)
        return sha

    def save(self) -> None:
        if self.path is None:
            return
        kept = {k: v for k, v in self.entries.items() if k in self.seen}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(kept), encoding="utf-8")
        os.replace(tmp, self.path)


def load_manifest(raw: Path) -> list[ManifestEntry]:
    path = raw / MANIFEST
    if not path.exists():
        return []
    return [ManifestEntry(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def save_manifest(raw: Path, entries: list[ManifestEntry]) -> None:
    text = json.dumps([asdict(e) for e in entries], indent=1, ensure_ascii=False)
    atomic_write_bytes(raw / MANIFEST, text.encode("utf-8"))


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(is_ignored(Path(part)) for part in p.relative_to(folder).parts)
    )


def _stamp(st: os.stat_result) -> tuple[int, int]:
    return st.st_size, st.st_mtime_ns


def _copy_hashing(src: Path, dest: Path) -> tuple[str, bool]:
    """Copy ``src`` to ``dest`` and hash the bytes copied; the flag says ``src`` held still meanwhile."""
    before = src.stat()
    digest = hashlib.sha256()
    with src.open("rb") as fin, dest.open("wb") as fout:
        for chunk in iter(lambda: fin.read(CHUNK), b""):
            digest.update(chunk)
            fout.write(chunk)
    after = src.stat()
    return digest.hexdigest(), _stamp(before) == _stamp(after) and after.st_size == dest.stat().st_size


def _target(raw: Path, rel: Path, sha: str, hashes: HashCache) -> tuple[Path, bool]:
    """Where a new copy goes in raw/, and whether an identical copy is already there (an orphan a
    killed run copied but did not record)."""
    for candidate in (rel, rel.with_name(f"{rel.stem}.{sha[:8]}{rel.suffix}")):
        if not (raw / candidate).exists():
            return candidate, False
        if hashes.sha(raw / candidate) == sha:
            return candidate, True
    return rel.with_name(f"{rel.stem}.{sha[:16]}{rel.suffix}"), False


def _flush_to_disk() -> None:
    """The copies reach the disk before the manifest names them (one sync, not one per file)."""
    if hasattr(os, "sync"):
        os.sync()


def sync(input_dir: Path, raw: Path, now: dt.datetime | None = None, hashes: HashCache | None = None) -> Intake:
    """Copy new or changed papers from ``input_dir`` into ``raw``; list what was skipped."""
    hashes = hashes or HashCache(None)
    raw.mkdir(parents=True, exist_ok=True)
    incoming = raw.parent / INCOMING
    shutil.rmtree(incoming, ignore_errors=True)  # leftovers of a killed run
    incoming.mkdir(parents=True)
    entries = load_manifest(raw)
    by_sha = {e.sha256: e.raw_name for e in entries}
    by_source: dict[str, list[ManifestEntry]] = {}
    for e in entries:
        by_source.setdefault(e.source, []).append(e)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    intake = Intake()
    reverted = False
    try:
        own = _own_folders(input_dir, raw)
        for src in _files_under(input_dir):
            if own and any(src.resolve().is_relative_to(folder) for folder in own):
                continue  # a workspace inside the shared folder: its own files are not papers
            rel = src.relative_to(input_dir)
            reason = skip_reason(src)
            if reason:
                intake.skipped.append(Skipped(str(rel), reason))
                continue
            try:
                entry = _bring_in(src, rel, raw, incoming, hashes, by_sha, stamp)
            except OSError as exc:  # unreadable, or gone since the folder was listed
                entry = Skipped(str(rel), f"cannot be read: {exc.strerror or exc}")
            versions = by_source.setdefault(str(rel), [])
            if isinstance(entry, Skipped):
                intake.skipped.append(entry)
            elif entry is not None:
                _make_current(versions, None)
                versions.append(entry)
                entries.append(entry)
                intake.added.append(entry)
                by_sha[entry.sha256] = entry.raw_name
            else:
                sha = hashes.known(src, src.stat())
                if any(e.sha256 == sha for e in versions):
                    reverted |= _make_current(versions, sha)
                elif sha is not None:
                    intake.skipped.append(Skipped(str(rel), f"the same bytes as {by_sha[sha]}, read once"))
        if intake.added or reverted:
            _flush_to_disk()
            save_manifest(raw, entries)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    return intake


def _own_folders(input_dir: Path, raw: Path) -> list[Path]:
    """The workspace's folders, where the workspace is inside the shared folder; else none."""
    root = raw.parent.resolve()
    if not root.is_relative_to(input_dir.resolve()):
        return []
    return [root / d for d in ("raw", "staged", "outputs")]


def _make_current(versions: list[ManifestEntry], sha: str | None) -> bool:
    """Make the copy with bytes ``sha`` the current one of its source's ``versions`` (None: none is
    current any more); True if that changed anything. A source edited back to an earlier version
    is that version again."""
    changed = False
    for e in versions:
        if e.current != (e.sha256 == sha):
            e.current = e.sha256 == sha
            changed = True
    return changed


def _bring_in(src: Path, rel: Path, raw: Path, incoming: Path, hashes: HashCache, by_sha: dict[str, str],
              stamp: str) -> ManifestEntry | Skipped | None:
    """Copy one file into raw/ unless raw/ already has its bytes; Skipped if it would not hold still."""
    st = src.stat()
    known = hashes.known(src, st)
    if known is None:
        known = sha256_file(src)
        if _stamp(src.stat()) != _stamp(st):
            return Skipped(str(rel), CHANGING)
        hashes.remember(src, st, known)
    if known in by_sha:
        return None
    tmp = incoming / "copy"
    sha, still = _copy_hashing(src, tmp)
    if not still or sha != known:
        tmp.unlink(missing_ok=True)
        return Skipped(str(rel), CHANGING)
    target, orphan = _target(raw, rel, sha, hashes)
    if orphan:
        tmp.unlink()
    else:
        (raw / target).parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, raw / target)
        hashes.remember(raw / target, (raw / target).stat(), sha)
    return ManifestEntry(str(target), str(rel), (raw / target).stat().st_size, sha, stamp)


def scan_raw(raw: Path, hashes: HashCache | None = None) -> tuple[list[RawPaper], list[Skipped]]:
    """The current version of every paper in ``raw`` with its sha256, and the files skipped there.

    Superseded copies are left out; a second file with the same bytes is skipped, so each
    document id is read once.
    """
    if not raw.exists():
        return [], []
    hashes = hashes or HashCache(None)
    entries = load_manifest(raw)
    superseded = {e.raw_name for e in entries if not e.current}
    names = {e.raw_name: Path(e.source).name for e in entries}
    papers: list[RawPaper] = []
    skipped: list[Skipped] = []
    first: dict[str, str] = {}
    for path in _files_under(raw):
        rel = str(path.relative_to(raw))
        if rel in superseded or rel in RAW_HOUSEKEEPING:
            continue
        reason = skip_reason(path)
        if reason:
            skipped.append(Skipped(rel, reason))
            continue
        try:
            sha = hashes.sha(path)
        except OSError as exc:
            skipped.append(Skipped(rel, f"cannot be read: {exc.strerror or exc}"))
            continue
        if sha in first:
            skipped.append(Skipped(rel, f"the same bytes as {first[sha]}, read once"))
            continue
        first[sha] = rel
        papers.append(RawPaper(path, sha, names.get(rel, path.name)))
    return papers, skipped
