"""sha256 of files remembered by what the file system says of them (``staged/cache/hashes.json``),
so that unchanged files are not read again.

A file counts as unchanged only if its size, modification time, inode and change time are all as
they were: a paper replaced by another of the same size and modification time (copied with its
times kept) has another inode or change time, and is hashed again. A damaged or wrong-shaped
record is logged with its path and started afresh: it only saves time.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pipeline.files import sha256_file

log = logging.getLogger("bvtrack")

Stamp = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns


def stamp(st: os.stat_result) -> Stamp:
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


def _valid(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 5 and all(isinstance(v, int) and not isinstance(v, bool)
                                                                  for v in entry[:4])
            and isinstance(entry[4], str) and len(entry[4]) == 64)


def _older(entry: object) -> bool:
    """An entry an earlier bvtrack wrote: [size, mtime_ns, sha256], without inode and change time."""
    return (isinstance(entry, list) and len(entry) == 3 and all(isinstance(v, int) and not isinstance(v, bool)
                                                                  for v in entry[:2])
            and isinstance(entry[2], str) and len(entry[2]) == 64)


class HashCache:
    """sha256 by file path and stamp; :meth:`save` keeps the entries this run looked at."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, list[int | str]] = {}
        self.seen: set[str] = set()
        if path is None or not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object of file -> [size, mtime, inode, ctime, sha256]")
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("%s is damaged (%s): every file is hashed again", path, exc)
            return
        self.entries = {k: v for k, v in data.items() if isinstance(k, str) and _valid(v)}
        older = sum(_older(v) for v in data.values())
        if older:  # an upgrade, not damage: those files are hashed once more, without a warning
            log.info("%s: %d entries of an earlier bvtrack: those files are hashed again", path, older)
        if len(self.entries) + older < len(data):
            log.warning("%s: %d damaged entries dropped", path, len(data) - len(self.entries) - older)

    def known(self, file: Path, st: os.stat_result) -> str | None:
        key = os.fsdecode(file)
        entry = self.entries.get(key)
        if entry is not None and tuple(entry[:4]) == stamp(st):
            self.seen.add(key)
            return str(entry[4])
        return None

    def remember(self, file: Path, st: os.stat_result, sha: str) -> None:
        key = os.fsdecode(file)
        self.entries[key] = [*stamp(st), sha]
        self.seen.add(key)

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
        tmp.write_text(json.dumps(kept, ensure_ascii=True), encoding="ascii")
        os.replace(tmp, self.path)
