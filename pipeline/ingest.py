"""Bring papers from the shared folder into ``raw/``, which is never modified.

New or changed files are copied in; a changed file keeps its old version and gets a new name
(``name.<sha8>.ext``). ``raw/manifest.json`` records each copy: its name in raw/, where it came
from, size, sha256, when it was first seen, and which copy is current for its source.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.reading import sha256_file
from pipeline.staging import atomic_write_bytes

MANIFEST = "manifest.json"
RAW_HOUSEKEEPING = {MANIFEST, "README.md"}
IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
IGNORED_SUFFIXES = {".tmp", ".temp", ".part", ".crdownload", ".swp", ".lock", ".bak"}


@dataclass
class ManifestEntry:
    raw_name: str  # path relative to raw/
    source: str  # path relative to the shared folder it came from
    size: int
    sha256: str
    first_seen: str  # ISO timestamp, UTC
    current: bool = True


def is_ignored(path: Path) -> bool:
    """Office owner files, hidden, temporary and system files: never papers."""
    name = path.name
    return (
        name.startswith(("~$", ".", "~"))
        or name.lower() in IGNORED_NAMES
        or path.suffix.lower() in IGNORED_SUFFIXES
    )


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


def _free_name(raw: Path, rel: Path, sha: str) -> Path:
    if not (raw / rel).exists():
        return rel
    return rel.with_name(f"{rel.stem}.{sha[:8]}{rel.suffix}")


def sync_input(input_dir: Path, raw: Path, now: dt.datetime | None = None) -> list[ManifestEntry]:
    """Copy new or changed files from ``input_dir`` into ``raw``; return the entries added."""
    raw.mkdir(parents=True, exist_ok=True)
    entries = load_manifest(raw)
    by_sha = {e.sha256 for e in entries}
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    added: list[ManifestEntry] = []
    for src in _files_under(input_dir):
        rel = src.relative_to(input_dir)
        sha = sha256_file(src)
        if sha in by_sha:
            continue
        target = _free_name(raw, rel, sha)
        (raw / target).parent.mkdir(parents=True, exist_ok=True)
        tmp = (raw / target).with_name(f".{target.name}.part")
        shutil.copyfile(src, tmp)
        tmp.replace(raw / target)
        for old in entries:
            if old.source == str(rel):
                old.current = False
        entry = ManifestEntry(str(target), str(rel), src.stat().st_size, sha, stamp)
        entries.append(entry)
        added.append(entry)
        by_sha.add(sha)
    if added:
        save_manifest(raw, entries)
    return added


def list_papers(raw: Path) -> list[Path]:
    """The current version of every file in ``raw`` (superseded copies are left out)."""
    if not raw.exists():
        return []
    superseded = {e.raw_name for e in load_manifest(raw) if not e.current}
    return [
        p for p in _files_under(raw)
        if str(p.relative_to(raw)) not in superseded and str(p.relative_to(raw)) not in RAW_HOUSEKEEPING
    ]
