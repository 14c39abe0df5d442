"""``raw/manifest.json``: each copy in raw/, where it came from, and which copy is current.

The manifest is state of bvtrack's own, and state can be damaged (a disk full mid-write, a hand
edit): one that cannot be read, or whose entries are not what they should be, is logged with its
path and rebuilt from raw/ itself, so that no damage stops a run for good.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from pipeline.files import atomic_write_bytes, sha256_file

log = logging.getLogger("bvtrack")

MANIFEST = "manifest.json"
VERSION_RE = re.compile(r"\.[0-9a-f]{8,16}(?=\.[^.]+$)")  # 'name.<sha8>.ext': a later version of 'name.ext'


@dataclass
class ManifestEntry:
    raw_name: str  # path relative to raw/
    source: str  # path relative to the shared folder it came from
    size: int
    sha256: str
    first_seen: str  # ISO timestamp, UTC
    current: bool = True


TYPES = {"raw_name": str, "source": str, "size": int, "sha256": str, "first_seen": str, "current": bool}


def _entry(row: Any) -> ManifestEntry:
    """One entry, checked field by field; ValueError where it is not one."""
    if not isinstance(row, dict) or set(row) != {f.name for f in fields(ManifestEntry)}:
        raise ValueError(f"an entry is not an object of {', '.join(TYPES)}")
    for name, kind in TYPES.items():
        if not isinstance(row[name], kind) or (kind is int and isinstance(row[name], bool)):
            raise ValueError(f"an entry's {name} is not {kind.__name__}")
    return ManifestEntry(**row)


def load_manifest(raw: Path) -> list[ManifestEntry]:
    """The manifest's entries; rebuilt from raw/ (and saved) where it is damaged."""
    path = raw / MANIFEST
    if not path.exists():
        return []
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(rows, list):
            raise ValueError("it is not a list of entries")
        return [_entry(row) for row in rows]
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("%s is damaged (%s): rebuilt from the files in %s", path, exc, raw)
        entries = rebuild(raw)
        save_manifest(raw, entries)
        return entries


def rebuild(raw: Path) -> list[ManifestEntry]:
    """Entries for the files raw/ holds: each its own source ('name.<sha8>.ext' a version of
    'name.ext'), the newest version of a source current."""
    by_source: dict[str, list[tuple[float, ManifestEntry]]] = {}
    for path in sorted(p for p in raw.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = str(path.relative_to(raw))
        if rel in (MANIFEST, "README.md") or path.name.startswith("."):
            continue
        st = path.stat()
        when = dt.datetime.fromtimestamp(st.st_mtime, dt.UTC).isoformat(timespec="seconds")
        entry = ManifestEntry(rel, VERSION_RE.sub("", rel), st.st_size, sha256_file(path), when, False)
        by_source.setdefault(entry.source, []).append((st.st_mtime, entry))
    entries: list[ManifestEntry] = []
    for versions in by_source.values():
        versions.sort(key=lambda v: v[0])
        versions[-1][1].current = True
        entries.extend(e for _, e in versions)
    return entries


def save_manifest(raw: Path, entries: list[ManifestEntry]) -> None:
    """Names that are not valid UTF-8 are kept as they are, escaped (ASCII JSON)."""
    text = json.dumps([asdict(e) for e in entries], indent=1, ensure_ascii=True)
    atomic_write_bytes(raw / MANIFEST, text.encode("ascii"))
