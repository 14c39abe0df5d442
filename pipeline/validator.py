"""Validation in a process of its own, started as the run starts, so Great Expectations' import
and the checks cost the run little time.

``import great_expectations`` takes about two seconds and the checks about as long again. A run
starts a :class:`BackgroundValidator` before it reads the papers: the process imports GX at a
lower priority while the readers work (in the time they leave a core idle, and while the run
consolidates on one core), then validates the consolidated tables while the run writes the
workbook's sheets that need no findings. The findings are those :func:`pipeline.validate.validate`
gives in the run's own process: the validator process calls it.

A suite that cannot be used raises :class:`~pipeline.validate.SuiteError` in the run as it would
in-process. If the process cannot start or dies, the run validates in its own process instead and
says so in the log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.collector import collect_less
from pipeline.config import Settings
from pipeline.validate import SUITES_DIR, SuiteError, validate

log = logging.getLogger("bvtrack")

PROCESS_NAME = "bvtrack-checks"
NICENESS = 19  # readers first: GX imports in the moments they leave a core idle, and while the run consolidates


def serve(conn: Connection, settings: Settings, suites_dir: Path) -> None:
    """The validator process: import GX, then validate the one set of tables it is sent and send
    back ("ok", findings, seconds), ("suite", message) or ("error", message)."""
    from pipeline.workers import die_with_parent

    die_with_parent(PROCESS_NAME)
    collect_less()
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
    with contextlib.suppress(Exception):  # a failing import is reported by validate() itself
        import great_expectations  # noqa: F401
    try:
        tables = conn.recv()
    except (EOFError, OSError):  # the run ended (or died) without validating
        return
    started = time.monotonic()
    try:
        reply: tuple[Any, ...] = ("ok", validate(tables, settings, suites_dir), time.monotonic() - started)
    except SuiteError as exc:
        reply = ("suite", str(exc))
    except Exception as exc:  # sent back whole: the run decides
        reply = ("error", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):
        conn.send(reply)


class BackgroundValidator:
    """One validation, in a process started now: :meth:`submit` the tables, :meth:`findings` waits."""

    def __init__(self, settings: Settings, suites_dir: Path = SUITES_DIR) -> None:
        self.settings, self.suites_dir = settings, suites_dir
        self.tables: Mapping[str, pd.DataFrame] | None = None
        self.conn: Connection | None = None
        self.process: BaseProcess | None = None
        self.sender: threading.Thread | None = None
        # started from a thread: the fork server may still be importing the parsers, and the run
        # has other work meanwhile
        self.starter = threading.Thread(target=self._start, name="bvtrack-checks-start", daemon=True)
        self.starter.start()

    def _start(self) -> None:
        try:
            from pipeline.workers import context

            ctx = context()
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=serve, args=(theirs, self.settings, self.suites_dir),  # type: ignore[attr-defined]
                                  name=PROCESS_NAME, daemon=True)
            process.start()
            theirs.close()
            self.conn, self.process = ours, process
        except (OSError, ValueError) as exc:  # e.g. no more processes: validate in this process later
            log.warning("checks will run in the main process: cannot start a process for them (%s)", exc)

    def submit(self, tables: Mapping[str, pd.DataFrame]) -> None:
        """Send the tables to be validated, from a thread: the process takes them once it has
        imported GX, and the run goes on meanwhile."""
        self.tables = tables
        self.starter.join()
        if self.conn is not None:
            self.sender = threading.Thread(target=self._send, args=(self.conn, dict(tables)), daemon=True)
            self.sender.start()

    @staticmethod
    def _send(conn: Connection, tables: dict[str, pd.DataFrame]) -> None:
        with contextlib.suppress(OSError, ValueError):  # the process died: findings() finds out
            conn.send(tables)

    def findings(self) -> pd.DataFrame:
        """The findings table, as :func:`pipeline.validate.validate` gives it."""
        if self.tables is None:
            raise RuntimeError("nothing submitted to validate")
        waited = time.monotonic()
        reply = self._reply()
        log.debug("waited %.2f s for the checks", time.monotonic() - waited)
        if reply is None:
            return validate(self.tables, self.settings, self.suites_dir)
        if reply[0] == "suite":
            raise SuiteError(reply[1])
        if reply[0] == "error":
            raise RuntimeError(f"the checks failed: {reply[1]}")
        log.info("checks run in their own process in %.2f s (with %d findings in all)", reply[2], len(reply[1]))
        return reply[1]

    def _reply(self) -> tuple[Any, ...] | None:
        if self.conn is None:
            return None
        try:
            reply: tuple[Any, ...] = self.conn.recv()
            return reply
        except (EOFError, OSError):
            if self.process is not None:
                self.process.join(timeout=5)
            exitcode = self.process.exitcode if self.process else None
            log.warning("the checks' process ended without an answer (exit status %s): the checks run in "
                        "the main process", exitcode)
            return None
        finally:
            self.close()

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
