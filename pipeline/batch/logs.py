"""One log file per run under ``outputs/logs/``, the newest ``Settings.log_keep`` kept.

The file gets everything bvtrack logs at DEBUG (a line per paper with its status and time);
the console keeps the level the command line chose (INFO, or DEBUG with ``-v``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("bvtrack")

LOGGER = "bvtrack"
PREFIX = "bvtrack-"
FORMAT = "%(asctime)s %(levelname)s %(message)s"
DEFAULT_KEEP = 30


def prune(folder: Path, keep: int) -> None:
    """Delete all but the newest ``keep`` run logs (names sort by time)."""
    logs = sorted(p for p in folder.glob(f"{PREFIX}*.log") if p.is_file())
    for old in logs[: max(0, len(logs) - keep)]:
        old.unlink(missing_ok=True)


def _log_path(folder: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # names sort in time order
    return folder / f"{PREFIX}{stamp}-{os.getpid()}.log"


@contextmanager
def run_log(folder: Path, keep: int = DEFAULT_KEEP) -> Iterator[Path]:
    """Log this run to a new file in ``folder`` for the ``with`` block."""
    folder.mkdir(parents=True, exist_ok=True)
    path = _log_path(folder)
    handler = logging.FileHandler(path, encoding="utf-8", delay=False)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger(LOGGER)
    root = logging.getLogger()
    console_level = logger.getEffectiveLevel()
    # handlers without a level of their own would pass the file's DEBUG lines to the console
    quiet = [h for h in root.handlers if h.level == logging.NOTSET]
    for h in quiet:
        h.setLevel(console_level)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield path
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.setLevel(old_level)
        for h in quiet:
            h.setLevel(logging.NOTSET)
        prune(folder, keep)


class Clock:
    """Seconds per step of a run, logged as each step ends."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.monotonic()

    def lap(self, step: str) -> None:
        now = time.monotonic()
        self.laps[step] = now - self._last
        self._last = now
        log.info("step %s: %.2f s", step, self.laps[step])
