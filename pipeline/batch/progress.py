"""Progress of the reading step: a bar on a terminal, a plain line now and then otherwise.

On a terminal (stderr is a TTY) the bar redraws in place and clears itself before any log line
is written, so the two never share a line. Elsewhere (cron, systemd, a CI log) a line is logged
at every tenth of the way and at the end: no carriage returns in a log file.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

log = logging.getLogger("bvtrack")

BAR_WIDTH = 28
REDRAW_SECONDS = 0.1


def _eta(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class Progress:
    """Counts papers read; ``advance`` after each, ``close`` at the end."""

    def __init__(self, total: int, what: str = "papers", stream: TextIO | None = None):
        self.total, self.what = total, what
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.quarantined = 0
        self.started = time.monotonic()
        self._drawn = 0.0
        self._next_tenth = 1
        self._filter: _ClearBar | None = None
        if self.tty and total:
            self._filter = _ClearBar(self)
            for handler in logging.getLogger().handlers:
                handler.addFilter(self._filter)

    def advance(self, quarantined: bool = False) -> None:
        self.done += 1
        self.quarantined += quarantined
        if self.tty:
            now = time.monotonic()
            if now - self._drawn >= REDRAW_SECONDS or self.done == self.total:
                self._draw()
                self._drawn = now
        elif self.total and self.done * 10 >= self._next_tenth * self.total:
            self._next_tenth = self.done * 10 // self.total + 1
            log.info("%s", self.line())

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        pct = 100 * self.done // self.total if self.total else 100
        bad = f", {self.quarantined} quarantined" if self.quarantined else ""
        return f"read {self.done}/{self.total} {self.what} ({pct}%){bad}, {self.rate():.1f}/s"

    def _draw(self) -> None:
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        rate = self.rate()
        eta = f" eta {_eta((self.total - self.done) / rate)}" if rate and self.done < self.total else ""
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.line()}{eta}\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        if self.tty and self.total:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        if self._filter is not None:
            for handler in logging.getLogger().handlers:
                handler.removeFilter(self._filter)
            self._filter = None
        if self.tty and self.total:
            self.clear()
            log.info("%s", self.line())


class _ClearBar(logging.Filter):
    """Clears the bar before a console handler writes a line; the next advance redraws it."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        self.progress._drawn = 0.0
        return True
