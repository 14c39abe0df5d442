"""Taking papers in: the shared folder synced into raw/, raw/'s papers listed with their sha256
(through a stat-keyed hash cache, so unchanged files are not read again), and the run's
fingerprint, which says whether anything has changed since the last run."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch import cache, ingest
from pipeline.batch.hashes import HashCache
from pipeline.batch.share import Skipped
from pipeline.config import Settings

log = logging.getLogger("bvtrack")

HASHES_FILE = "hashes.json"


@dataclass
class Taken:
    """The papers to read (current versions in raw/) and the files skipped on the way."""

    papers: list[ingest.RawPaper]
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
            sends_email: bool = False, on_first_copy: Callable[[], None] | None = None) -> Taken:
    """Sync the shared folder into raw/ and list raw/'s papers, with the run's fingerprint.
    ``on_first_copy`` is called before the first new paper is copied (see :func:`ingest.sync`)."""
    raw, staged = root / "raw", root / "staged"
    if tidy(root):
        log.info("removed temporary files a killed run left behind")
    hashes = HashCache(staged / cache.CACHE_DIR / HASHES_FILE)
    skipped: list[Skipped] = []
    added = 0
    if input_dir is not None:
        intake = ingest.sync(input_dir, raw, now=now, hashes=hashes, max_bytes=int(settings.max_input_mb * 2**20),
                             on_first_copy=on_first_copy)
        added, skipped = len(intake.added), list(intake.skipped)
        log.info("%d new or changed file(s) copied into %s", added, raw)
    papers, in_raw = ingest.scan_raw(raw, hashes)
    hashes.save()
    seen = {s.name for s in skipped}
    skipped += [s for s in in_raw if s.name not in seen]
    for s in skipped:
        log.warning("skipped %s: %s", s.name, s.reason)
    listed = [(str(p.path.relative_to(raw)), p.sha256) for p in papers]
    fingerprint = cache.run_fingerprint(listed, settings, f"e-mail {sends_email}")
    return Taken(papers, [(s.name, s.reason) for s in skipped], added, fingerprint)
