"""Files as the pipeline writes and names them: whole or not at all, and by their content.

:func:`atomic_write_bytes` puts one file in place through a temporary file and a rename.
:func:`prepare` and :func:`commit` put a set in place together: every file is written whole
first, so that a full disk leaves the previous set as it was.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    """The process's umask (read by setting it, so set back at once: done once, at import, before
    any thread of the run's could see it change)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _umask()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename; the
    file gets the permissions the umask gives a new file (a temporary file is made private)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~UMASK)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_file(path: Path) -> str:
    """The sha256 of a file's bytes: a paper's document id."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def disk_of(path: Path) -> str:
    """The mount point of the file system that holds ``path`` (for a message about a full disk)."""
    here = Path(os.path.abspath(path))
    while not os.path.ismount(here) and here != here.parent:
        here = here.parent
    return str(here)


def prepare(path: Path, data: bytes) -> Path:
    """``data`` written whole to a temporary file beside ``path`` (synced, with the umask's
    permissions), to be put in place by :func:`commit`; returns the temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~UMASK)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


Prepared = list[tuple[Path, Path]]  # (temporary file, where it goes)


def commit(prepared: Prepared) -> None:
    """Every prepared file put in place, one rename each, once all were written."""
    for tmp, path in prepared:
        os.replace(tmp, path)
    for folder in {path.parent for _, path in prepared}:
        _sync_folder(folder)


def discard(prepared: Prepared) -> None:
    for tmp, _ in prepared:
        tmp.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """The renames reach the disk (where the system allows a folder to be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
