"""One batch run, top to bottom: take in, read, consolidate, check, publish.

The stages are plain functions from data to data; this module wires them to the workspace's
folders, and is the one place that decides what is written to ``staged/`` and ``outputs/``. Work
that overlaps for speed goes to the run's helper process by name (:class:`pipeline.batch.Background`):
the checks, then the staged tables and the report, while this process writes the workbook.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import batch, checks, files, schema, staging
from pipeline.config import Settings
from pipeline.consolidate import consolidate
from pipeline.consolidate.current import mark_current
from pipeline.errors import PublishError
from pipeline.findings import Finding, collect
from pipeline.interpret import PaperReading
from pipeline.publish import mailer, report_html, workbook
from pipeline.workspace import Workspace

log = logging.getLogger("bvtrack")

STAGED_TABLES = staging.STAGED_TABLES
WORKBOOK, REPORT, EMAIL_COPY = "tracker.xlsx", "data_quality.html", "data_quality.eml"


@dataclass
class RunResult:
    tables: dict[str, pd.DataFrame]
    workbook: Path | None = None
    report: Path | None = None
    messages: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): not papers, never read
    unchanged: bool = False  # nothing changed since the last run: nothing was read, validated or published
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step
    email_failed: bool = False  # the e-mail was wanted and not sent

    @property
    def n_quarantined(self) -> int:
        docs = self.tables["documents"]
        return int((docs["status"] == "quarantined").sum()) if len(docs) else 0

    @property
    def exit_code(self) -> int:
        """4 the e-mail was not sent (over 3), 3 a paper was quarantined, else 0."""
        return 4 if self.email_failed else 3 if self.n_quarantined else 0


def run(workspace: Path, settings: Settings, input_dir: Path | None = None, email: bool | None = None,
        workers: int | None = None, now: dt.datetime | None = None) -> RunResult:
    """One batch run, holding the workspace's lock (:class:`pipeline.errors.WorkspaceBusy` if another
    run has it) and logging to ``outputs/logs/``."""
    ws = Workspace(workspace)
    # the SMTP password is kept from the processes that parse papers: out of the environment before
    # any starts, given to the mailer alone, and put back for the caller once the run is over
    password = os.environ.pop(mailer.PASSWORD_ENV, None)
    try:
        with batch.workspace_lock(ws.root), batch.run_log(ws.outputs / "logs", settings.log_keep), \
                batch.fewer_collections():
            return _run(ws, settings, input_dir, email, workers, now, password)
    finally:
        if password is not None:
            os.environ[mailer.PASSWORD_ENV] = password


def _run(ws: Workspace, settings: Settings, input_dir: Path | None, email: bool | None, workers: int | None,
         now: dt.datetime | None, password: str | None) -> RunResult:
    clock = batch.Clock()
    sends = settings.email.enabled if email is None else email
    # e-mail or not is in the fingerprint (--email after --no-email redoes the run); a paper to copy
    # means work: the fork server starts then and imports the parsers while the rest are copied
    taken = batch.take_in(ws.root, settings, input_dir, now, sends_email=sends, on_first_copy=batch.start_server)
    if batch.unchanged(ws.root, taken.fingerprint):
        try:
            return unchanged_result(ws, taken)
        except (OSError, ValueError) as exc:  # a staged table damaged behind the run's back: rebuild
            log.warning("the last run's staged tables cannot be read (%s): everything is rebuilt", exc)
    batch.start_server()  # if no copy started it: it imports the parsers while the run looks up its cache
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
        draft = workbook.begin(tables, run_info(ws, input_dir, now, taken.skipped), ws.outputs,
                               previous=ws.outputs / WORKBOOK, published_location=settings.published_location)
        findings = mark_current(schema.conform("findings", collect(
            reading_findings(readings, consolidated.duplicates), consolidated.findings,
            schema.records(checked.result()), draft.text_findings)), tables)
        written = helper.submit(prepare_staged_and_report, shared, findings, ws, taken.skipped, generated,
                                settings.published_location)
        publish_together(ws, [lambda: [(files.prepare(ws.outputs / WORKBOOK, workbook.finish(draft, findings)),
                                         ws.outputs / WORKBOOK)], written.result])
        result = RunResult(tables={**tables, "findings": findings}, skipped=taken.skipped, timings=clock.laps,
                           workbook=ws.outputs / WORKBOOK, report=ws.outputs / REPORT)
        unassigned = without_organisation(tables)
        if unassigned:
            result.messages.append(unassigned)
            log.info("%s", unassigned)
    delivered = send_report(ws, result, settings, email, generated, password)
    clock.lap("validate and publish")
    if delivered:  # an e-mail that could not be sent is tried again by the next run, even if nothing changed
        batch.record(ws.root, taken.fingerprint)  # last: a run killed before here is redone by the next
    return result


def reading_findings(readings: list[PaperReading], duplicates: dict[str, str]) -> list[Finding]:
    """What reading the papers noticed, paper by paper (a paper read once, from another file: nothing)."""
    return [f for reading in readings if reading.document["doc_id"] not in duplicates for f in reading.findings]


def without_organisation(tables: dict[str, pd.DataFrame]) -> str | None:
    """One line naming the papers with actions that no ``[organisations]`` glob matches and that
    name no council; None where every paper has its organisation."""
    plans, docs = tables.get("document_plans"), tables["documents"]
    if plans is None or plans.empty:
        return None
    names = dict(zip(docs["doc_id"], docs["file_name"], strict=True))
    files_ = sorted(str(names.get(d, d)) for d, org in zip(plans["doc_id"], plans["organisation"], strict=True)
                    if schema.missing(org))
    if not files_:
        return None
    return (f"{len(files_)} paper{'s' if len(files_) > 1 else ''} with no organisation (no [organisations] folder or "
            f"file-name glob in bvtrack.toml matches, no council named): {', '.join(files_)}")


def run_info(ws: Workspace, input_dir: Path | None, now: dt.datetime | None,
             skipped: list[tuple[str, str]]) -> workbook.RunInfo:
    return workbook.RunInfo(started=now or dt.datetime.now(), workspace=str(ws.root.resolve()),
                            input_dir=str(input_dir.resolve()) if input_dir else None, skipped=tuple(skipped))


def prepare_staged_and_report(tables: dict[str, pd.DataFrame], findings: pd.DataFrame, ws: Workspace,
                              skipped: list[tuple[str, str]], generated: dt.datetime,
                              published_location: str | None = None) -> files.Prepared:
    """The staged tables and the report written beside where they go (by the helper process, while
    the run writes the workbook), to be put in place with the workbook."""
    tables = {**tables, "findings": findings}
    prepared: files.Prepared = []
    try:
        for name in STAGED_TABLES:
            path = staging.table_path(ws.staged, name)
            prepared.append((files.prepare(path, staging.table_bytes(name, tables[name])), path))
        html = report_html(tables, skipped, ws.outputs, ws.raw, generated, published_location).encode("utf-8")
        prepared.append((files.prepare(ws.outputs / REPORT, html), ws.outputs / REPORT))
    except BaseException:
        files.discard(prepared)
        raise
    return prepared


def publish_together(ws: Workspace, parts: list[Callable[[], files.Prepared]]) -> None:
    """The staged tables, the workbook and the report put in place together, once every one of them
    is written whole; where one cannot be written (a full disk), none is, and the previous set
    stays as it was (:class:`pipeline.errors.PublishError`, naming the disk)."""
    prepared: files.Prepared = []
    failure: OSError | None = None
    for part in parts:
        try:
            prepared += part()
        except OSError as exc:
            failure = failure or exc
    if failure is not None:
        files.discard(prepared)
        where = Path(failure.filename) if failure.filename else ws.outputs
        full = " (the disk is full)" if failure.errno in (errno.ENOSPC, errno.EDQUOT) else ""
        raise PublishError(f"cannot write {where}: {failure.strerror or failure}{full}; the disk at "
                           f"{files.disk_of(where)} holds the workspace: the previous outputs are left as they "
                           "were") from failure
    files.commit(prepared)


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
                generated: dt.datetime, password: str | None) -> bool:
    """E-mail the report when asked (``email``, else ``[email] enabled``), keeping a copy of what
    was sent in ``outputs/``.

    False when the e-mail was wanted and not sent: said in ``result.messages`` and the log; the
    outputs stay and the exit status is 4.
    """
    if not (settings.email.enabled if email is None else email):
        return True
    env = {mailer.PASSWORD_ENV: password} if password is not None else {}
    sent = mailer.send_report(ws.outputs / WORKBOOK, ws.raw, result.tables, result.skipped, settings.email,
                              generated, env=env, published_location=settings.published_location)
    if sent.copy is not None:
        files.atomic_write_bytes(ws.outputs / EMAIL_COPY, sent.copy)
    result.messages.append(sent.message)
    result.email_failed = not sent.ok
    return sent.ok
