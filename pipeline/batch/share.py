"""Listing a folder as an IT team would want it listed: whatever it holds, the listing goes on.

- **Links are never followed**: a link in the shared folder (to a file or a folder, inside it or
  out) is skipped with its reason; so is anything that is not a plain file or folder.
- **Every entry lies under the folder**: its real path is checked, not its name.
- **An entry that cannot be read** (a folder without permission, a file gone since it was listed)
  is skipped with its reason; it never stops the listing.
- **Names as they are**: a name that is not valid UTF-8 (a file copied from an old system) is
  kept as the operating system gives it (:func:`shown` makes it printable), and copies into
  ``raw/`` get names that fit the file system and never collide with the workspace's own files
  (:func:`raw_name`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePath

IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
IGNORED_SUFFIXES = {".tmp", ".temp", ".part", ".crdownload", ".swp", ".lock", ".bak"}
RESERVED = {"manifest.json", "readme.md"}  # raw/'s own files: a paper of that name is copied under another
MAX_NAME_BYTES = 200  # a copy's name, its version and suffix added, stays under the usual 255 bytes


@dataclass(frozen=True)
class Skipped:
    """An entry of the shared folder or raw/ that is not read, and why."""

    name: str  # path relative to the folder it is in, printable
    reason: str


def shown(name: str | PurePath) -> str:
    """A name as text that can be printed and stored anywhere: bytes that are not UTF-8 (kept by
    Python as lone surrogates) shown as the replacement character."""
    return str(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_ignored(name: str) -> bool:
    """Office owner files, hidden, temporary and system files: never papers, never mentioned."""
    return (name.startswith(("~$", ".", "~")) or name.lower() in IGNORED_NAMES
            or os.path.splitext(name)[1].lower() in IGNORED_SUFFIXES)


def walk(root: Path, leave_out: list[Path] | None = None) -> tuple[list[Path], list[Skipped]]:
    """The plain files under ``root`` (ignored names aside), and the entries skipped, with why.
    Folders in ``leave_out`` (a workspace inside the shared folder) are not entered.

    A folder's real path is checked as it is entered (one that became a link since it was listed
    is skipped); an entry in it that is not a link lies where the folder does."""
    top = os.path.realpath(root)
    skip_dirs = {os.path.realpath(p) for p in leave_out or []}
    files: list[Path] = []
    skipped: list[Skipped] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if folder is not root and not real.startswith(top + os.sep):
            skipped.append(Skipped(_rel(folder, root) + "/", "outside the shared folder"))
            continue
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(_rel(folder, root) + "/", f"a folder that cannot be read: {_why(exc)}"))
            continue
        for entry in entries:
            if is_ignored(entry.name):
                continue
            try:
                if entry.is_symlink():
                    skipped.append(Skipped(_rel(Path(entry.path), root), "a link: links are not followed"))
                elif entry.is_dir(follow_symlinks=False):
                    if os.path.join(real, entry.name) not in skip_dirs:
                        stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    files.append(Path(entry.path))
                else:
                    skipped.append(Skipped(_rel(Path(entry.path), root),
                                           "not a plain file (a device, a pipe or a socket)"))
            except OSError as exc:
                skipped.append(Skipped(_rel(Path(entry.path), root), f"cannot be read: {_why(exc)}"))
    return sorted(files), sorted(skipped, key=lambda s: s.name)


def _rel(path: Path, root: Path) -> str:
    return shown(path.relative_to(root)) if path != root else "."


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _fit(part: str, digest: str) -> str:
    """A name part as UTF-8 within :data:`MAX_NAME_BYTES`, shortened with a hash where it is longer."""
    if len(part.encode("utf-8")) <= MAX_NAME_BYTES:
        return part
    stem, suffix = os.path.splitext(part)
    cut = stem.encode("utf-8")[: MAX_NAME_BYTES - len(suffix.encode("utf-8")) - 9].decode("utf-8", "ignore")
    return f"{cut}~{digest[:8]}{suffix}"


def raw_name(rel: PurePath) -> PurePath:
    """Where a file of the shared folder is copied in raw/: the same path, its names made valid
    UTF-8 (a byte that is not becomes '_'), shortened where too long, and never one of raw/'s own
    files ('manifest.json' at the top becomes '_manifest.json')."""
    parts = []
    for i, part in enumerate(rel.parts):
        text = part.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "_")
        if i == 0 and text.lower() in RESERVED:
            text = f"_{text}"
        parts.append(_fit(text, hashlib.sha256(part.encode("utf-8", "surrogateescape")).hexdigest()))
    return PurePath(*parts)


def version_name(rel: PurePath, sha: str, length: int = 8) -> PurePath:
    """A later version's name beside the first: 'name.<sha8>.ext', within the name's length limit."""
    name = f"{rel.stem}.{sha[:length]}{rel.suffix}"
    return rel.with_name(_fit(name, sha))
