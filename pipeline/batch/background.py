"""The checks in a process of their own (``bvtrack-checks``), with what needs only their
findings: the staged tables and the report.

``import great_expectations`` takes about two seconds, the checks about one. A run that has
papers to read starts a :class:`BackgroundValidator`: its process imports GX at nice 19 (in the
moments the readers leave a core idle, and while the run consolidates on one core), validates
the consolidated tables, then writes the staged tables and ``outputs/data_quality.html``, while
the run writes the workbook (whose sheets that show findings come last). The findings are those
:func:`pipeline.checks.suites.validate` gives in the run's own process: the process calls it, and the
workbook's text findings it adds are worked out by the same function the workbook uses.

A suite that cannot be used raises :class:`~pipeline.checks.suites.SuiteError` in the run as it would
in-process. If the process cannot start or dies, the run does its work itself and says so in the
log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.batch.collector import collect_less
from pipeline.config import Settings
from pipeline.checks.suites import SUITES_DIR, SuiteError, validate

log = logging.getLogger("bvtrack")

PROCESS_NAME = "bvtrack-checks"
NICENESS = 19  # readers first: GX imports in the moments they leave a core idle, and while the run consolidates


@dataclass(frozen=True)
class Publication:
    """Where the outputs that need only the findings go: the staged tables and the report."""

    staged: Path
    outputs: Path
    raw: Path
    skipped: list[tuple[str, str]]
    generated: dt.datetime


def publish(tables: dict[str, pd.DataFrame], findings: pd.DataFrame, where: Publication) -> Path:
    """The staged tables and ``outputs/data_quality.html``, with every finding: the papers', the
    checks' and those the workbook raises on the same tables. Returns the report's path."""
    from pipeline import staging
    from pipeline.publish import report
    from pipeline.publish.workbook.book import text_findings, with_text_findings

    final = {**tables, "findings": with_text_findings(findings, text_findings(tables))}
    for name in staging.STAGED_TABLES:
        staging.write_table(where.staged, name, final[name])
    return report.write_report(where.outputs, where.raw, final, where.skipped, where.generated)


def serve(conn: Connection, settings: Settings, suites_dir: Path) -> None:
    """The checks' process: import GX, then validate the one set of tables it is sent and send
    back ("ok", findings, seconds), ("suite", message) or ("error", message); then, if it was sent
    a :class:`Publication`, write it and send ("published", report path) or ("error", message)."""
    from pipeline.batch.workers import die_with_parent

    die_with_parent(PROCESS_NAME)
    collect_less()
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
    with contextlib.suppress(ImportError):
        from tqdm import tqdm

        # GX draws progress bars even when told not to show them; tqdm's default lock is a
        # semaphore that a process ended by the run (kill) would leave to the resource tracker
        tqdm.set_lock(threading.RLock())
    with contextlib.suppress(Exception):  # a failing import is reported by validate() itself
        import great_expectations  # noqa: F401
    try:
        tables, where = conn.recv()
    except (EOFError, OSError):  # the run ended (or died) without validating
        return
    started = time.monotonic()
    try:
        findings = validate(tables, settings, suites_dir)
        reply: tuple[Any, ...] = ("ok", findings, time.monotonic() - started)
    except SuiteError as exc:
        reply = ("suite", str(exc))
    except Exception as exc:  # sent back whole: the run decides
        reply = ("error", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):
        conn.send(reply)
    if reply[0] != "ok" or where is None:
        return
    try:
        done: tuple[Any, ...] = ("published", publish(tables, findings, where))
    except Exception as exc:
        done = ("error", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):
        conn.send(done)


class BackgroundValidator:
    """One validation, in a process started now: :meth:`submit` the tables, :meth:`findings` waits
    for the findings, :meth:`published` for the staged tables and the report."""

    def __init__(self, settings: Settings, suites_dir: Path = SUITES_DIR) -> None:
        self.settings, self.suites_dir = settings, suites_dir
        self.tables: dict[str, pd.DataFrame] | None = None
        self.publication: Publication | None = None
        self.found: pd.DataFrame | None = None
        self.conn: Connection | None = None
        self.process: BaseProcess | None = None
        self.sender: threading.Thread | None = None
        # started from a thread: the fork server may still be importing the parsers, and the run
        # has other work meanwhile
        self.starter = threading.Thread(target=self._start, name="bvtrack-checks-start", daemon=True)
        self.starter.start()

    def _start(self) -> None:
        try:
            from pipeline.batch.workers import context

            ctx = context()
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=serve, args=(theirs, self.settings, self.suites_dir),  # type: ignore[attr-defined]
                                  name=PROCESS_NAME, daemon=True)
            process.start()
            theirs.close()
            self.conn, self.process = ours, process
        except (OSError, ValueError) as exc:  # e.g. no more processes: validate in this process later
            log.warning("checks will run in the main process: cannot start a process for them (%s)", exc)

    def submit(self, tables: Mapping[str, pd.DataFrame], publication: Publication | None = None) -> None:
        """Send the tables to be validated (and, with ``publication``, published: :meth:`published`),
        from a thread: the process takes them once it has imported GX, and the run goes on meanwhile."""
        self.tables, self.publication = dict(tables), publication
        self.starter.join()
        if self.conn is not None:
            self.sender = threading.Thread(target=self._send, args=(self.conn, (self.tables, publication)),
                                           daemon=True)
            self.sender.start()

    @staticmethod
    def _send(conn: Connection, message: tuple[dict[str, pd.DataFrame], Publication | None]) -> None:
        with contextlib.suppress(OSError, ValueError):  # the process died: findings() finds out
            conn.send(message)

    def findings(self) -> pd.DataFrame:
        """The findings table, as :func:`pipeline.checks.suites.validate` gives it."""
        if self.tables is None:
            raise RuntimeError("nothing submitted to validate")
        waited = time.monotonic()
        reply = self._reply(keep=self.publication is not None)
        log.debug("waited %.2f s for the checks", time.monotonic() - waited)
        if reply is None:
            self.found = validate(self.tables, self.settings, self.suites_dir)
            return self.found
        if reply[0] == "suite":
            raise SuiteError(reply[1])
        if reply[0] == "error":
            raise RuntimeError(f"the checks failed: {reply[1]}")
        log.info("checks run in their own process in %.2f s (with %d findings in all)", reply[2], len(reply[1]))
        self.found = reply[1]
        return self.found

    def published(self) -> Path:
        """The report's path once the staged tables and the report are written (by the process,
        else here); after :meth:`findings`."""
        if self.publication is None or self.found is None:
            raise RuntimeError("nothing to publish: submit with a Publication, then ask for the findings")
        reply = self._reply(keep=False)
        if reply is None:  # the process is gone: publish here
            return publish(self.tables or {}, self.found, self.publication)
        if reply[0] == "error":
            raise RuntimeError(f"publishing failed: {reply[1]}")
        path: Path = reply[1]
        return path

    def _reply(self, keep: bool) -> tuple[Any, ...] | None:
        """The process's next message; None if it is gone. ``keep``: more is to come from it."""
        if self.conn is None:
            return None
        try:
            reply: tuple[Any, ...] = self.conn.recv()
            if not keep or reply[0] != "ok":
                self.close()
            return reply
        except (EOFError, OSError):
            if self.process is not None:
                self.process.join(timeout=5)
            exitcode = self.process.exitcode if self.process else None
            log.warning("the checks' process ended without an answer (exit status %s): its work is done in "
                        "the main process", exitcode)
            self.close()
            return None

    def close(self) -> None:
        """End the process (it has nothing to keep once it has answered); safe to call twice."""
        self.starter.join()
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None
        if self.sender is not None:
            self.sender.join()
            self.sender = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> BackgroundValidator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
