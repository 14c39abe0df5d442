"""Bring papers from the shared folder into ``raw/``, which is never modified.

New or changed files are copied in; a changed file keeps its old version and gets a new name
(``name.<sha8>.ext``). ``raw/manifest.json`` (:mod:`pipeline.batch.manifest`) records each copy:
its name in raw/, where it came from, size, sha256, when it was first seen, and which copy is
current for its source.

A shared folder holds more than papers, and anything at all: the folder is listed without
following links, every entry checked to lie under it (:mod:`pipeline.batch.share`); office owner
files (``~$name.docx``), hidden, temporary and system files are ignored without a word. Other
files that are not papers by their extension *and* by their content (a .txt, .msg, .csv, .png)
are *skipped*: listed with a reason, never copied; so is a file over ``max_input_mb``, a link, an
entry that cannot be read. A paper with a wrong extension is still a paper (the content decides).
A file that changes while it is read (still being copied into the share) is skipped this run and
read on the next. Copies are made in ``<workspace>/.bvtrack-incoming/`` and renamed into raw/,
so a killed run never leaves a partial file in raw/. No entry of the share stops the sync.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from extractors.sniff import peek
from pipeline.batch.hashes import HashCache, stamp
from pipeline.batch.manifest import MANIFEST, ManifestEntry, load_manifest, save_manifest
from pipeline.batch.share import Skipped, raw_name, shown, version_name, walk
from pipeline.files import sha256_file

RAW_HOUSEKEEPING = {MANIFEST, "README.md"}
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


def skip_reason(path: Path, max_bytes: int | None = None) -> str | None:
    """None for a paper (by extension, or by content under another extension); else why not."""
    if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
        return f"{size / 2**20:,.1f} MB, over the limit of {max_bytes / 2**20:g} MB (max_input_mb)"
    suffix = path.suffix.lower()
    if suffix in PAPER_SUFFIXES:
        return None
    kind = peek(path)
    if kind in PAPER_KINDS:
        return None
    what = KNOWN_TYPES.get(suffix) or (f"a {suffix} file" if suffix else "a file without an extension")
    return f"{what}, not a paper (.docx, .xlsx or .pdf)"


def _copy_hashing(src: Path, dest: Path) -> tuple[str, bool]:
    """Copy ``src`` to ``dest`` and hash the bytes copied; the flag says ``src`` held still meanwhile."""
    before = src.stat()
    digest = hashlib.sha256()
    with src.open("rb") as fin, dest.open("wb") as fout:
        for chunk in iter(lambda: fin.read(CHUNK), b""):
            digest.update(chunk)
            fout.write(chunk)
    after = src.stat()
    return digest.hexdigest(), stamp(before) == stamp(after) and after.st_size == dest.stat().st_size


def _target(raw: Path, rel: PurePath, sha: str, hashes: HashCache) -> tuple[PurePath, bool]:
    """Where a new copy goes in raw/, and whether an identical copy is already there (an orphan a
    killed run copied but did not record)."""
    first = raw_name(rel)
    for candidate in (first, version_name(first, sha)):
        if not (raw / candidate).exists():
            return candidate, False
        if (raw / candidate).is_file() and hashes.sha(raw / candidate) == sha:
            return candidate, True
    return version_name(first, sha, 16), False


def _flush_to_disk() -> None:
    """The copies reach the disk before the manifest names them (one sync, not one per file)."""
    if hasattr(os, "sync"):
        os.sync()


@dataclass
class _Sync:
    """One sync's state: the manifest's entries and what has been decided so far."""

    raw: Path
    incoming: Path
    hashes: HashCache
    stamp: str
    max_bytes: int | None
    entries: list[ManifestEntry]
    intake: Intake = field(default_factory=Intake)
    reverted: bool = False
    on_first_copy: Callable[[], None] | None = None  # called once, before the first file is copied

    def __post_init__(self) -> None:
        self.by_sha = {e.sha256: e.raw_name for e in self.entries}
        self.by_source: dict[str, list[ManifestEntry]] = {}
        for e in self.entries:
            self.by_source.setdefault(e.source, []).append(e)

    def take(self, src: Path, rel: PurePath) -> None:
        """One file of the share: skipped with its reason, copied, or known already."""
        name = shown(rel)
        try:
            reason = skip_reason(src, self.max_bytes)
            if reason:
                self.intake.skipped.append(Skipped(name, reason))
                return
            entry = self.bring_in(src, rel)
            versions = self.by_source.setdefault(os.fsdecode(rel), [])
            if isinstance(entry, Skipped):
                self.intake.skipped.append(entry)
            elif entry is not None:
                _make_current(versions, None)
                versions.append(entry)
                self.entries.append(entry)
                self.intake.added.append(entry)
                self.by_sha[entry.sha256] = entry.raw_name
            else:
                sha = self.hashes.known(src, src.stat())
                if any(e.sha256 == sha for e in versions):
                    self.reverted |= _make_current(versions, sha)
                elif sha is not None:
                    self.intake.skipped.append(Skipped(name, f"the same bytes as {shown(self.by_sha[sha])}, read once"))
        except OSError as exc:  # unreadable, gone since the folder was listed, a name the file system refuses
            self.intake.skipped.append(Skipped(name, f"cannot be read: {exc.strerror or type(exc).__name__}"))

    def bring_in(self, src: Path, rel: PurePath) -> ManifestEntry | Skipped | None:
        """Copy one file into raw/ unless raw/ already has its bytes; Skipped if it would not hold still."""
        st = src.stat()
        known = self.hashes.known(src, st)
        if known is None:
            known = sha256_file(src)
            if stamp(src.stat()) != stamp(st):
                return Skipped(shown(rel), CHANGING)
            self.hashes.remember(src, st, known)
        if known in self.by_sha:
            return None
        if self.on_first_copy is not None:
            self.on_first_copy()
            self.on_first_copy = None
        tmp = self.incoming / "copy"
        sha, still = _copy_hashing(src, tmp)
        if not still or sha != known:
            tmp.unlink(missing_ok=True)
            return Skipped(shown(rel), CHANGING)
        target, orphan = _target(self.raw, rel, sha, self.hashes)
        if orphan:
            tmp.unlink()
        else:
            (self.raw / target).parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, self.raw / target)
            self.hashes.remember(self.raw / target, (self.raw / target).stat(), sha)
        return ManifestEntry(str(target), os.fsdecode(rel), (self.raw / target).stat().st_size, sha, self.stamp)


def sync(input_dir: Path, raw: Path, now: dt.datetime | None = None, hashes: HashCache | None = None,
         max_bytes: int | None = None, on_first_copy: Callable[[], None] | None = None) -> Intake:
    """Copy new or changed papers from ``input_dir`` into ``raw``; list what was skipped.
    ``on_first_copy`` is called before the first file is copied: the run has work then."""
    raw.mkdir(parents=True, exist_ok=True)
    incoming = raw.parent / INCOMING
    shutil.rmtree(incoming, ignore_errors=True)  # leftovers of a killed run
    incoming.mkdir(parents=True)
    state = _Sync(raw, incoming, hashes or HashCache(None),
                  (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"), max_bytes, load_manifest(raw),
                  on_first_copy=on_first_copy)
    try:
        files, skipped = walk(input_dir, _own_folders(input_dir, raw))
        state.intake.skipped.extend(skipped)
        for src in files:
            state.take(src, src.relative_to(input_dir))
        if state.intake.added or state.reverted:
            _flush_to_disk()
            save_manifest(raw, state.entries)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    return state.intake


def _own_folders(input_dir: Path, raw: Path) -> list[Path]:
    """The workspace's folders, where the workspace is inside the shared folder; else none."""
    root = raw.parent.resolve()
    if not root.is_relative_to(input_dir.resolve()):
        return []
    return [root / d for d in ("raw", "staged", "outputs", INCOMING)]


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
    names = {e.raw_name: shown(PurePath(e.source).name) for e in entries}
    papers: list[RawPaper] = []
    files, skipped = walk(raw)
    first: dict[str, str] = {}
    for path in files:
        rel = os.fsdecode(path.relative_to(raw))
        if rel in superseded or rel in RAW_HOUSEKEEPING:
            continue
        try:
            reason = skip_reason(path)
            if reason:
                skipped.append(Skipped(shown(rel), reason))
                continue
            sha = hashes.sha(path)
        except OSError as exc:
            skipped.append(Skipped(shown(rel), f"cannot be read: {exc.strerror or exc}"))
            continue
        if sha in first:
            skipped.append(Skipped(shown(rel), f"the same bytes as {shown(first[sha])}, read once"))
            continue
        first[sha] = rel
        papers.append(RawPaper(path, sha, names.get(rel, shown(path.name))))
    return papers, skipped
