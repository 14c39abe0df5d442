"""The ``bvtrack`` command's entry point: the program imported under Ctrl-C's watch.

Importing :mod:`pipeline.cli` takes about half a second (pandas, pyarrow, the run's modules); a
Ctrl-C in that half second reached Python as an exception inside an import and printed its trace.
Here it is one line and exit status 130, as at any later moment of a run (:func:`pipeline.cli.main`).
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def program() -> None:
    try:
        from pipeline import cli  # half a second of imports: this module stays small so Ctrl-C is caught

        cli.program()  # catches Ctrl-C itself from its first moment to its exit status
    except KeyboardInterrupt:
        print("bvtrack: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
