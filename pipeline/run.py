"""One batch run, top to bottom: take in, read, consolidate, check, publish.

The stages are plain functions from data to data; this module wires them to the workspace's
folders, and is the one place that decides what is written to ``staged/`` and ``outputs/``. Work
that overlaps for speed goes to the run's helper process by name (:class:`pipeline.batch.Background`):
the checks, then the staged tables and the report, while this process writes the workbook.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import batch, checks, schema, staging
from pipeline.config import Settings
from pipeline.consolidate import consolidate
from pipeline.files import atomic_write_bytes
from pipeline.findings import Finding, collect
from pipeline.interpret import PaperReading
from pipeline.publish import mailer, report_html, workbook

log = logging.getLogger("bvtrack")

STAGED_TABLES = staging.STAGED_TABLES
WORKBOOK, REPORT, EMAIL_COPY = "tracker.xlsx", "data_quality.html", "data_quality.eml"


@dataclass(frozen=True)
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


def run(workspace: Path, settings: Settings, input_dir: Path | None = None, email: bool | None = None,
        workers: int | None = None, now: dt.datetime | None = None) -> RunResult:
    """One batch run, holding the workspace's lock (:class:`pipeline.errors.WorkspaceBusy` if another
    run has it) and logging to ``outputs/logs/``."""
    ws = Workspace(workspace)
    with batch.workspace_lock(ws.root), batch.run_log(ws.outputs / "logs", settings.log_keep), \
            batch.fewer_collections():
        return _run(ws, settings, input_dir, email, workers, now)


def _run(ws: Workspace, settings: Settings, input_dir: Path | None, email: bool | None, workers: int | None,
         now: dt.datetime | None) -> RunResult:
    clock = batch.Clock()
    sends = settings.email.enabled if email is None else email
    taken = batch.take_in(ws.root, settings, input_dir, now, sends_email=sends)  # --email after --no-email redoes
    if batch.unchanged(ws.root, taken.fingerprint):
        return unchanged_result(ws, taken)
    batch.start_server()  # it imports the parsers while the run looks up which papers it has read before
    clock.lap("ingest")
    generated = now or dt.datetime.now()
    with batch.Background(preload=checks.PRELOAD) as helper:  # imports GX while the papers are read
        readings = batch.read_papers(taken.papers, settings, workers, ws.staged)
        clock.lap("read")
        consolidated = consolidate(readings, settings)
        tables = consolidated.tables
        clock.lap("consolidate")
        shared = helper.keep("tables", tables)  # sent once: the checks and the staged tables need them
        checked = helper.submit(checks.validate, shared, settings)
        draft = workbook.begin(tables, run_info(ws, input_dir, now), ws.outputs)
        findings = schema.conform("findings", collect(reading_findings(readings), consolidated.findings,
                                                      schema.records(checked.result()), draft.text_findings))
        written = helper.submit(write_staged_and_report, shared, findings, ws, taken.skipped, generated)
        atomic_write_bytes(ws.outputs / WORKBOOK, workbook.finish(draft, findings))
        result = RunResult(tables={**tables, "findings": findings}, skipped=taken.skipped, timings=clock.laps,
                           workbook=ws.outputs / WORKBOOK, report=written.result())
    delivered = send_report(ws, result, settings, email, generated)
    clock.lap("validate and publish")
    if delivered:  # an e-mail that could not be sent is tried again by the next run, even if nothing changed
        batch.record(ws.root, taken.fingerprint)  # last: a run killed before here is redone by the next
    return result


def reading_findings(readings: list[PaperReading]) -> list[Finding]:
    """What reading the papers noticed, paper by paper."""
    return [f for reading in readings for f in reading.findings]


def run_info(ws: Workspace, input_dir: Path | None, now: dt.datetime | None) -> workbook.RunInfo:
    return workbook.RunInfo(started=now or dt.datetime.now(), workspace=str(ws.root.resolve()),
                            input_dir=str(input_dir.resolve()) if input_dir else None)


def write_staged_and_report(tables: dict[str, pd.DataFrame], findings: pd.DataFrame, ws: Workspace,
                            skipped: list[tuple[str, str]], generated: dt.datetime) -> Path:
    """The staged tables and the report (run by the helper process while the run writes the
    workbook); returns the report's path."""
    tables = {**tables, "findings": findings}
    for name in STAGED_TABLES:
        staging.write_table(ws.staged, name, tables[name])
    path = ws.outputs / REPORT
    atomic_write_bytes(path, report_html(tables, skipped, ws.outputs, ws.raw, generated).encode("utf-8"))
    return path


def unchanged_result(ws: Workspace, taken: batch.Taken) -> RunResult:
    """What the last run published, read back: nothing has changed since."""
    tables = {name: staging.read_table(ws.staged, name) for name in STAGED_TABLES}
    result = RunResult(tables=tables, skipped=taken.skipped, unchanged=True)
    workbook_path, report_path = ws.outputs / WORKBOOK, ws.outputs / REPORT
    result.workbook = workbook_path if workbook_path.exists() else None
    result.report = report_path if report_path.exists() else None
    result.messages.append("nothing changed since the last run: no paper read, nothing validated or published")
    log.info("%s", result.messages[-1])
    return result


def send_report(ws: Workspace, result: RunResult, settings: Settings, email: bool | None,
                generated: dt.datetime) -> bool:
    """E-mail the report when asked (``email``, else ``[email] enabled``), keeping a copy of what
    was sent in ``outputs/``.

    False when the e-mail was wanted and not sent: said in ``result.messages`` and the log; the
    outputs stay and the exit status is unchanged (it speaks of the papers only).
    """
    if not (settings.email.enabled if email is None else email):
        return True
    sent = mailer.send_report(ws.outputs / WORKBOOK, ws.raw, result.tables, result.skipped, settings.email,
                              generated)
    if sent.copy is not None:
        atomic_write_bytes(ws.outputs / EMAIL_COPY, sent.copy)
    result.messages.append(sent.message)
    return sent.ok
