"""The ``bvtrack`` command's entry point: the program imported under Ctrl-C's watch.

Importing :mod:`pipeline.cli` takes about half a second (pandas, pyarrow, the run's modules); a
Ctrl-C in that half second reached Python as an exception inside an import and printed its trace.
Here a Ctrl-C while the program is imported is noted, not raised (an exception raised inside a
library's import can be swallowed by it, or leave it half made), and the command then ends with one
line and exit status 130, as at any later moment of a run (:func:`pipeline.cli.main`).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130


def program() -> None:
    pressed: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        pressed.append(signum)

    previous = signal.signal(signal.SIGINT, note)
    try:
        from pipeline import cli  # half a second of imports: this module stays small so Ctrl-C is heard
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        if pressed:
            raise KeyboardInterrupt
        cli.program()  # hears Ctrl-C itself from its first moment to its exit status
    except KeyboardInterrupt:
        print("bvtrack: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
