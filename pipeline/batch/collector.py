"""Fewer garbage collections while bvtrack builds many small objects.

Reading a paper makes tens of thousands of small dictionaries and tuples (a PDF's characters
above all), and CPython's cyclic garbage collector scans the young ones every 700 allocations:
about 14 % of a paper's reading time. With the first generation's threshold at 50,000 that time
comes back. Garbage without cycles is freed at once whatever the thresholds; a reader collects
everything after each paper (pdfplumber's pages and document point at each other, so a paper
leaves cycles behind), which costs little with the start-up objects frozen and keeps its memory
at one paper's worth.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

THRESHOLDS = (50_000, 20, 20)


def collect_less() -> None:
    """For a process of bvtrack's own (a reader, the checks): the raised thresholds for good, and
    what the process was started with kept out of every collection (``gc.freeze``)."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


def spare_the_last_collection() -> None:
    """For a process about to exit: what it holds is freed with it, so the collection Python makes
    as it shuts down is spared going through it (with pandas and the parsers loaded, about 0.1 s,
    a seventh of an unchanged rerun)."""
    gc.freeze()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The raised thresholds for the duration, then the caller's own again."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
