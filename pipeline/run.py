"""One batch run, top to bottom: ingest, read each paper, consolidate, validate, publish.

The steps are plain functions from data to data; this module is the one place that wires them
to the workspace's folders.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import staging
from pipeline.batch import papers as batch
from pipeline.batch import ingest
from pipeline.batch.collector import fewer_collections
from pipeline.config import Settings
from pipeline.batch.lock import workspace_lock
from pipeline.batch.logs import run_log
from pipeline.interpret.reading import PaperReading

log = logging.getLogger("bvtrack")

STAGED_TABLES = staging.STAGED_TABLES


@dataclass
class Workspace:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def staged(self) -> Path:
        return self.root / "staged"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"


@dataclass
class RunResult:
    tables: dict[str, pd.DataFrame]
    workbook: Path | None = None
    report: Path | None = None
    messages: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): not papers, never read
    unchanged: bool = False  # nothing changed since the last run: nothing was read, validated or published
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step

    @property
    def n_quarantined(self) -> int:
        docs = self.tables["documents"]
        return int((docs["status"] == "quarantined").sum()) if len(docs) else 0

    @property
    def exit_code(self) -> int:
        return 3 if self.n_quarantined else 0


def read_papers(papers: list[ingest.Paper], settings: Settings, workers: int | None,
                staged: Path | None = None) -> list[PaperReading]:
    """Read every paper in isolated worker processes (unchanged ones from the cache in ``staged``);
    a bad paper comes back quarantined."""
    return batch.read_papers(papers, settings, workers, staged)


def with_source_names(readings: list[PaperReading], raw: Path) -> list[PaperReading]:
    """Each document's file_name as it was in the shared folder (a changed paper's copy in raw/
    is named 'name.<sha8>.ext'); source_path stays the copy in raw/."""
    names = {str((raw / e.raw_name).resolve()): Path(e.source).name for e in ingest.load_manifest(raw)}
    for reading in readings:
        source = names.get(str(Path(reading.document["source_path"]).resolve()))
        if source:
            reading.document["file_name"] = source
    return readings


def run(
    workspace: Path,
    settings: Settings,
    input_dir: Path | None = None,
    email: bool | None = None,
    workers: int | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    """One batch run, holding the workspace's lock (:class:`pipeline.batch.lock.WorkspaceBusy` if another
    run has it) and logging to ``outputs/logs/``."""
    ws = Workspace(workspace)
    with workspace_lock(ws.root), run_log(ws.outputs / "logs", settings.log_keep), fewer_collections():
        return _run(ws, settings, input_dir, email, workers, now)


def unchanged_result(ws: Workspace, taken: batch.Taken) -> RunResult:
    """What the last run published, read back: nothing has changed since."""
    tables = {name: staging.read_table(ws.staged, name) for name in STAGED_TABLES}
    result = RunResult(tables=tables, skipped=taken.skipped, unchanged=True)
    workbook, report = ws.outputs / "tracker.xlsx", ws.outputs / "data_quality.html"
    result.workbook = workbook if workbook.exists() else None
    result.report = report if report.exists() else None
    result.messages.append("nothing changed since the last run: no paper read, nothing validated or published")
    log.info("%s", result.messages[-1])
    return result


def _run(ws: Workspace, settings: Settings, input_dir: Path | None, email: bool | None, workers: int | None,
         now: dt.datetime | None) -> RunResult:
    from pipeline.consolidate.tables import consolidate
    from pipeline.batch.background import BackgroundValidator, Publication
    from pipeline.batch.workers import start_server

    clock = batch.Clock()
    sends = settings.email.enabled if email is None else email
    taken = batch.take_in(ws.root, settings, input_dir, now, sends_email=sends)  # --email after --no-email redoes
    if batch.unchanged(ws.root, taken.fingerprint):
        return unchanged_result(ws, taken)
    start_server()  # it imports the parsers while the run looks up which papers it has read before
    clock.lap("ingest")
    with BackgroundValidator(settings) as checks:  # imports GX while the papers are read
        readings = with_source_names(read_papers(taken.papers, settings, workers, ws.staged), ws.raw)
        clock.lap("read")
        tables = consolidate(readings, settings)
        clock.lap("consolidate")
        generated = now or dt.datetime.now()
        # the checks' process validates, then writes the staged tables and the report, while this
        # one writes the workbook
        checks.submit(tables, Publication(ws.staged, ws.outputs, ws.raw, taken.skipped, generated))

        def findings() -> pd.DataFrame:
            tables["findings"] = checks.findings()  # the papers' and consolidation's findings, then the checks'
            return tables["findings"]

        result = RunResult(tables=tables, skipped=taken.skipped, timings=clock.laps)
        result.workbook = publish_workbook(ws, tables, settings, now, input_dir, findings)
        result.report = checks.published()
    delivered = send_report(ws, result, settings, email, generated)
    clock.lap("validate and publish")
    if delivered:  # an e-mail that could not be sent is tried again by the next run, even if nothing changed
        batch.record(ws.root, taken.fingerprint)  # last: a run killed before here is redone by the next
    return result


def send_report(ws: Workspace, result: RunResult, settings: Settings, email: bool | None,
                generated: dt.datetime) -> bool:
    """E-mail the report when asked (``email``, else ``[email] enabled``).

    False when the e-mail was wanted and not sent: said in ``result.messages`` and the log; the
    outputs stay and the exit status is unchanged (it speaks of the papers only).
    """
    from pipeline.publish import mailer

    if not (settings.email.enabled if email is None else email):
        return True
    sent = mailer.send_report(ws.outputs, ws.raw, result.tables, result.skipped, settings.email, generated)
    result.messages.append(sent.message)
    return sent.ok


def publish_workbook(ws: Workspace, tables: dict[str, pd.DataFrame], settings: Settings,
                     now: dt.datetime | None, input_dir: Path | None = None,
                     findings: Callable[[], pd.DataFrame] | None = None) -> Path:
    """Write outputs/tracker.xlsx; findings raised writing it (text Excel cannot hold) join
    ``tables['findings']``. ``findings``, when given, is asked for the findings table once the
    sheets that need none are written."""
    from pipeline import schema
    from pipeline.publish.workbook.book import RunInfo, with_text_findings, write_workbook

    path = ws.outputs / "tracker.xlsx"
    info = RunInfo(started=now or dt.datetime.now(), workspace=str(ws.root.resolve()),
                   input_dir=str(input_dir.resolve()) if input_dir else None)
    extra = write_workbook(tables, path, run_info=info, findings=findings)
    tables["findings"] = with_text_findings(tables.get("findings", schema.empty("findings")), extra)
    return path
