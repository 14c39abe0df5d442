"""The batch's bookkeeping around reading: take papers in, read only what changed, skip a run
that would change nothing.

- :func:`take_in` syncs the shared folder into raw/ and lists raw/'s papers with their sha256
  (both through a stat-keyed hash cache, so unchanged files are not read again);
- :func:`read_papers` takes each paper's reading from the cache when its bytes, path, code and
  settings are unchanged, and reads the others in isolated workers (:mod:`pipeline.batch.workers`);
- :func:`unchanged` says whether the last completed run had the same fingerprint and its files
  are still as it left them; :func:`record` writes that fingerprint at the end of a run.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from extractors.sniff import peek
from pipeline.batch import cache
from pipeline.batch import ingest
from pipeline.config import Settings
from pipeline.batch.progress import Progress
from pipeline.interpret.reading import PaperReading
from pipeline.batch.workers import Job, Pool, default_workers, is_resource_failure

log = logging.getLogger("bvtrack")

HASHES_FILE = "hashes.json"
FORMATS = {"docx", "xlsx", "pdf"}


@dataclass
class Taken:
    """The papers to read (current versions in raw/) and the files skipped on the way."""

    papers: list[ingest.Paper]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    fingerprint: str = ""


def tidy(root: Path) -> int:
    """Remove the temporary files a killed run left half-written (``.name.*.tmp``) in staged/ and
    outputs/; the lock is held, so no other run is writing them."""
    stale = [p for folder in ("staged", "staged/cache", f"staged/cache/{cache.READINGS_DIR}", "outputs")
             for p in (root / folder).glob(".*.tmp") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def take_in(root: Path, settings: Settings, input_dir: Path | None, now: dt.datetime | None,
            sends_email: bool = False) -> Taken:
    """Sync the shared folder into raw/ and list raw/'s papers, with the run's fingerprint."""
    raw, staged = root / "raw", root / "staged"
    if tidy(root):
        log.info("removed temporary files a killed run left behind")
    hashes = ingest.HashCache(staged / cache.CACHE_DIR / HASHES_FILE)
    skipped: list[ingest.Skipped] = []
    added = 0
    if input_dir is not None:
        intake = ingest.sync(input_dir, raw, now=now, hashes=hashes)
        added, skipped = len(intake.added), list(intake.skipped)
        log.info("%d new or changed file(s) copied into %s", added, raw)
    papers, in_raw = ingest.scan_raw(raw, hashes)
    hashes.save()
    seen = {s.name for s in skipped}
    skipped += [s for s in in_raw if s.name not in seen]
    for s in skipped:
        log.info("skipped %s: %s", s.name, s.reason)
    listed = [(str(p.path.relative_to(raw)), p.sha256) for p in papers]
    fingerprint = cache.run_fingerprint(listed, settings, f"e-mail {sends_email}")
    return Taken(papers, [(s.name, s.reason) for s in skipped], added, fingerprint)


def unchanged(root: Path, fingerprint: str) -> cache.RunState | None:
    """The last run's state if this run would redo it exactly (same fingerprint, files intact)."""
    state = cache.RunState.load(root)
    if state is None or state.fingerprint != fingerprint or not state.outputs_intact(root):
        return None
    return state


def written_files(root: Path) -> list[Path]:
    """What a run leaves for the next to check: staged tables and the outputs (not the logs)."""
    staged = sorted((root / "staged").glob("*.parquet"))
    outputs = sorted(p for p in (root / "outputs").glob("*") if p.is_file() and not p.name.startswith("."))
    return staged + outputs


def record(root: Path, fingerprint: str) -> None:
    files = written_files(root)
    state = cache.RunState(fingerprint, cache.stamps(root, files), dt.datetime.now().isoformat(timespec="seconds"))
    state.save(root)


def _format(path: Path) -> str | None:
    kind = peek(path)
    return kind if kind in FORMATS else None


def read_papers(papers: list[ingest.Paper], settings: Settings, workers: int | None,
                staged: Path | None = None) -> list[PaperReading]:
    """One reading per paper, in order: from the cache where possible, else read in a worker."""
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
    return [r for r in readings if r is not None]


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
