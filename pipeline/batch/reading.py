"""Reading the papers: each from the reading cache when its bytes, path, code and settings are
unchanged, else in an isolated reader process (:mod:`pipeline.batch.workers`)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from extractors.sniff import peek
from pipeline.batch import cache, ingest
from pipeline.batch.progress import Progress
from pipeline.batch.workers import Job, Pool, default_workers, is_resource_failure
from pipeline.config import Settings
from pipeline.interpret import PaperReading

log = logging.getLogger("bvtrack")

FORMATS = {"docx", "xlsx", "pdf"}


def _format(path: Path) -> str | None:
    kind = peek(path)
    return kind if kind in FORMATS else None


def read_papers(papers: list[ingest.RawPaper], settings: Settings, workers: int | None,
                staged: Path | None = None) -> list[PaperReading]:
    """One reading per paper, in order: from the cache where possible, else read in a worker; each
    document's ``file_name`` is the paper's name in the shared folder (``source_path`` its copy in raw/)."""
    store = cache.ReadingCache(staged) if staged is not None else None
    key = cache.reading_keys(settings)
    keys = [key(p.sha256, p.path, _format(p.path)) for p in papers]
    readings: list[PaperReading | None] = [store.get(k) if store else None for k in keys]
    todo = [i for i, r in enumerate(readings) if r is None]
    log.info("%d paper(s) in raw/: %d unchanged since they were read, %d to read",
             len(papers), len(papers) - len(todo), len(todo))
    count = workers or settings.workers or default_workers()
    progress = Progress(len(todo))
    started = time.monotonic()

    def done(j: int, reading: PaperReading, seconds: float) -> None:
        i = todo[j]
        readings[i] = reading
        progress.advance(reading.status == "quarantined")
        log.debug("read %s: %s%s in %.2f s", papers[i].path.name, reading.status,
                  f" ({reading.document.get('error')})" if reading.status == "quarantined" else
                  f" ({len(reading.actions)} actions)", seconds)
        if store is not None and not is_resource_failure(reading, settings):
            store.put(keys[i], reading)

    try:
        Pool(settings, count).read([Job(papers[i].path, papers[i].sha256) for i in todo], done)
    finally:
        progress.close()
    if todo:
        log.info("read %d paper(s) in %.1f s with %d worker(s)", len(todo), time.monotonic() - started,
                 min(count, len(todo)))
    if store is not None:
        store.prune()
    for paper, reading in zip(papers, readings, strict=True):
        if reading is not None:
            reading.document["file_name"] = paper.name
            if reading.status == "quarantined":  # each run says so: a problem, on stderr under a scheduler
                log.warning("quarantined %s: %s", paper.name, reading.document.get("error"))
    return [r for r in readings if r is not None]
