"""One run at a time per workspace: an exclusive lock on ``<workspace>/.bvtrack.lock``.

The lock is ``fcntl.flock`` (``msvcrt.locking`` on Windows): the operating system releases it
when the process ends, however it ends (kill -9 included), so a lock is never stale. The lock
file is left in place between runs; it holds the pid and start time of the run holding it, for
the message a refused run prints.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pipeline.errors import WorkspaceBusy

LOCK_NAME = ".bvtrack.lock"


def _try_lock(fh: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt  # Windows only

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # not on Windows

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextmanager
def workspace_lock(workspace: Path) -> Iterator[Path]:
    """Hold the workspace's lock for the ``with`` block, or raise :class:`WorkspaceBusy` at once."""
    workspace.mkdir(parents=True, exist_ok=True)
    path = workspace / LOCK_NAME
    # "a+" never truncates before the lock is held, so a refused run cannot wipe the holder's note
    fh = path.open("a+", encoding="utf-8")
    try:
        if not _try_lock(fh):
            raise WorkspaceBusy(workspace, _holder(path))
        started = dt.datetime.now().isoformat(timespec="seconds")
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, started {started}\n")
        fh.flush()
        yield path
    finally:
        fh.close()  # closing the file releases the lock
