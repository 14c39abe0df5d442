"""Read papers in worker processes, each paper under a time and a memory limit.

A parser can hang (pdfminer.six#879), recurse without end (#1113) or allocate gigabytes
(pdfplumber#1339). Each worker is a child process that reads one paper at a time under
``RLIMIT_AS`` (``Settings.memory_mb``); the parent kills a worker whose paper runs past
``Settings.timeout_seconds`` and starts a fresh one. A worker that dies takes only its own paper
with it: that paper is quarantined with the reason, and the others go on (unlike
``concurrent.futures``, whose pool breaks for every pending paper when one worker dies).

Workers are forked from a ``forkserver`` that has already imported the parsers, so a new worker
costs milliseconds, and no worker inherits the parent's threads or open files (the workspace
lock among them). On Linux a worker is killed when its parent dies, so a killed run leaves no
parser running.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from pipeline.batch.collector import collect_less
from pipeline.config import Settings
from pipeline.interpret import PaperReading, read_paper_file
from pipeline.interpret.reading import quarantined

log = logging.getLogger("bvtrack")

# imported once in the fork server, so every worker starts with them (the extractors import
# python-docx, openpyxl and msoffcrypto when they first need them; naming them here warms them)
PRELOAD = ["pipeline.interpret", "pipeline.batch.background", "docx", "openpyxl", "msoffcrypto"]
OOM_MARKERS = ("MemoryError", "Memory allocation failed", "Cannot allocate memory", "std::bad_alloc")
STOP_GRACE_SECONDS = 2.0
BOOT_SECONDS = 60.0  # a new worker's allowance to start up before its paper's clock runs
WORKER_NAME = "bvtrack-reader"
QUEUED = 2  # papers a worker holds: the one it reads and the next, so it never waits for the run


@dataclass(frozen=True)
class Job:
    """One paper to read: where it is and its sha256 (the document id)."""

    path: Path
    doc_id: str


Done = Callable[[int, PaperReading, float], None]  # (job index, reading, seconds)
Reader = Callable[[Path, Settings, str], PaperReading]  # read_paper_file's signature; importable by name


def oom_reason(settings: Settings) -> str:
    return f"ran out of memory (limit {settings.memory_mb} MB)"


def timeout_reason(settings: Settings) -> str:
    return f"timed out after {settings.timeout_seconds:g} s"


def is_resource_failure(reading: PaperReading, settings: Settings) -> bool:
    """Quarantined for the machine's limits, not for the paper's bytes: worth trying again later."""
    error = str(reading.document.get("error") or "")
    return error in (oom_reason(settings), timeout_reason(settings)) or error.startswith("worker process died")


# ---- in the worker -------------------------------------------------------------------------------

def _limit_memory(memory_mb: int) -> None:
    try:
        import resource  # not on Windows
    except ImportError:  # pragma: no cover - Windows: no RLIMIT_AS; the time limit still holds
        return
    limit = int(memory_mb) * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def die_with_parent(name: str = WORKER_NAME) -> None:
    """Linux: SIGKILL this process when the process that forked it ends; ``name`` is how ps and top show it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # only where prctl exists (Linux)

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        libc.prctl(15, name.encode())  # PR_SET_NAME
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the parent's cleanup must do
        pass


def _read_one(reader: Reader, path: Path, doc_id: str, settings: Settings) -> tuple[PaperReading, bool]:
    """Read one paper; the flag says the worker ran out of memory and should be replaced."""
    try:
        reading = reader(path, settings, doc_id)
    except MemoryError:
        return quarantined(path, doc_id, None, oom_reason(settings)), True
    except RecursionError:
        return quarantined(path, doc_id, None, "too deeply nested to read (recursion limit)"), False
    except Exception as exc:  # a bug on this paper: quarantine it, keep the batch going
        return quarantined(path, doc_id, None, f"failed while reading: {type(exc).__name__}: {exc}"), False
    error = str(reading.document.get("error") or "")
    if reading.status == "quarantined" and any(m in error for m in OOM_MARKERS):
        reading.document["error"] = oom_reason(settings)
        return reading, True
    return reading, False


def worker_main(conn: Connection, settings: Settings, reader: Reader) -> None:
    """A worker's loop: receive (index, path, doc_id); send ("start", index, None, False) then ("done",
    index, reading, exhausted) back; until told to stop, or until it ran out of memory (exhausted)."""
    die_with_parent(WORKER_NAME)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle: it ends its readers
    _limit_memory(settings.memory_mb)
    collect_less()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its complaints about a file say nothing to the batch
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, doc_id = task
        conn.send(("start", index, None, False))  # the paper's clock starts now, not while the worker boots
        reading, exhausted = _read_one(reader, Path(path), doc_id, settings)
        gc.collect()  # the paper's garbage, cycles and all (pdfplumber's pages and document point at each other)
        try:
            conn.send(("done", index, reading, exhausted))
        except MemoryError:
            conn.send(("done", index, quarantined(Path(path), doc_id, None, oom_reason(settings)), True))
            exhausted = True
        if exhausted:
            return  # a fresh worker takes the next paper


# ---- in the parent -------------------------------------------------------------------------------

_MAIN_LOCK = threading.Lock()
_BARE_MAIN = types.ModuleType("__main__")  # no file, no spec: nothing for a child to import


@contextlib.contextmanager
def bare_main() -> Iterator[None]:
    """For the moment a child process is started, a main module without a file.

    multiprocessing has every child import the parent's main module, for functions defined there.
    bvtrack's children run functions of its own packages, and its main module is the command line,
    which imports the whole pipeline: every reader would carry pandas and the rest (twice the
    memory, an import of half a second each). Started as from an interactive session, a child
    imports only what it runs.
    """
    with _MAIN_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = _BARE_MAIN
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def context() -> BaseContext:
    """The way child processes start: from the fork server that has the parsers imported (Linux,
    macOS), else spawned (Windows)."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")  # pragma: no cover - Windows


def start_server() -> None:
    """Start the fork server now (where there is one), so that it imports the parsers while the
    run does other work: the first worker then starts at once."""
    ctx = context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver  # only where there is a fork server (not Windows)

        # started with Ctrl-C ignored, which it and its workers keep: it would die of one while it
        # imports the parsers (before it ignores it itself), taking the run's next worker with it
        main_thread = threading.current_thread() is threading.main_thread()  # signals are set there only
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
        try:
            with bare_main():
                forkserver.ensure_running()
        finally:
            if main_thread:
                signal.signal(signal.SIGINT, previous)


def _signal_name(exitcode: int | None) -> str:
    if exitcode is None or exitcode >= 0:
        return f"exit status {exitcode}"
    try:
        return signal.Signals(-exitcode).name
    except ValueError:
        return f"signal {-exitcode}"


class _Slot:
    """One worker process, the paper it is reading and the one it reads next.

    A worker is sent its next paper while it reads one (:data:`QUEUED`), so that it never waits
    for the run to file a reading and send another; it reads them in the order sent.
    """

    def __init__(self, ctx: BaseContext, settings: Settings, reader: Reader):
        self.ctx, self.settings, self.reader = ctx, settings, reader
        self.jobs: deque[int] = deque()  # sent and not yet read back, in the order the worker reads them
        self.deadline = 0.0
        self.started = 0.0
        self.seconds = 0.0  # how long the last paper read back took
        self.process: BaseProcess | None = None
        self.conn: Connection | None = None
        self.hung_up = False  # the worker closed its end of the pipe without sending a reading

    def _spawn(self) -> None:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=worker_main, args=(child, self.settings, self.reader), daemon=True,  # type: ignore[attr-defined]
                                   name=WORKER_NAME)
        with bare_main():
            process.start()
        child.close()
        self.process, self.conn = process, parent

    @property
    def job(self) -> int | None:
        """The paper the worker is reading (or starts on next); None when it has none."""
        return self.jobs[0] if self.jobs else None

    def assign(self, index: int, job: Job) -> None:
        if not self.jobs and (self.process is None or not self.process.is_alive()):
            self.discard()
            self._spawn()
        assert self.conn is not None
        self.jobs.append(index)
        if len(self.jobs) == 1:
            self.started = time.monotonic()
            self.deadline = self.started + BOOT_SECONDS + self.settings.timeout_seconds  # until the worker says "start"
            self._send(index, job)
        else:  # queued behind the paper being read: a failed send shows as that paper's failure
            with contextlib.suppress(OSError):
                assert self.conn is not None
                self.conn.send((index, str(job.path), job.doc_id))

    def _send(self, index: int, job: Job) -> None:
        assert self.conn is not None
        try:
            self.conn.send((index, str(job.path), job.doc_id))
        except OSError:  # the worker died between papers: start another and send again
            self.discard()
            self._spawn()
            assert self.conn is not None
            self.conn.send((index, str(job.path), job.doc_id))

    def waitables(self) -> list[Any]:
        assert self.conn is not None and self.process is not None
        return [self.conn, self.process.sentinel]

    def collect(self) -> PaperReading | None:
        """The reading if the worker has sent it; None while it is still reading (or died)."""
        assert self.conn is not None
        try:
            while self.conn.poll():
                kind, _, reading, exhausted = self.conn.recv()
                if kind == "start":
                    self.started = time.monotonic()
                    self.deadline = self.started + self.settings.timeout_seconds
                elif isinstance(reading, PaperReading):
                    self.jobs.popleft()
                    self.seconds = time.monotonic() - self.started
                    if self.jobs:  # the queued paper's clock runs from now until its "start" comes
                        self.started = time.monotonic()
                        self.deadline = self.started + self.settings.timeout_seconds
                    if exhausted:  # the worker is leaving: the next paper gets a fresh one
                        self.process_exited()
                    return reading
        except (EOFError, OSError):
            self.hung_up = True
        return None

    def process_exited(self) -> None:
        if self.process is not None:
            self.process.join(STOP_GRACE_SECONDS)
        self.discard()

    def dead(self) -> bool:
        if self.process is None:
            return False
        if self.hung_up:  # its exit status follows the closed pipe by a moment
            self.process.join(STOP_GRACE_SECONDS)
        return not self.process.is_alive()

    def kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(STOP_GRACE_SECONDS)

    def discard(self) -> None:
        self.kill()
        if self.conn is not None:
            self.conn.close()
        if self.process is not None:
            self.process.join(STOP_GRACE_SECONDS)
            self.process.close()
        self.process = self.conn = None
        self.hung_up = False

    def take_back(self) -> list[int]:
        """The papers sent to this slot's worker and not read, taken off the slot: for another
        worker, once this one is gone (killed, or left after its last reading)."""
        unread = list(self.jobs)
        self.jobs.clear()
        return unread

    def stop(self) -> None:
        if self.conn is not None and self.process is not None and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(STOP_GRACE_SECONDS)
        self.discard()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class Pool:
    """``workers`` reader processes; :meth:`read` hands them papers and survives their deaths."""

    def __init__(self, settings: Settings, workers: int, reader: Reader = read_paper_file):
        self.settings = settings
        self.workers = max(1, workers)
        self.reader = reader  # tests pass their own, to hang or crash a worker on purpose

    def read(self, jobs: list[Job], done: Done | None = None) -> list[PaperReading]:
        """One reading per job, in the jobs' order; ``done`` is called as each paper finishes."""
        if not jobs:
            return []
        results: dict[int, PaperReading] = {}
        ctx = context()
        slots = [_Slot(ctx, self.settings, self.reader) for _ in range(min(self.workers, len(jobs)))]
        pending = deque(range(len(jobs)))

        def hand_out() -> None:
            for slot in slots:  # an idle worker first, then one paper queued behind each paper being read
                if not slot.jobs and pending:
                    index = pending.popleft()
                    slot.assign(index, jobs[index])
            for slot in slots:  # not the last papers: queued behind a slow one, they would wait while a worker idles
                if len(slot.jobs) < QUEUED and len(pending) > len(slots):
                    index = pending.popleft()
                    slot.assign(index, jobs[index])

        try:
            hand_out()
            while any(s.jobs for s in slots):
                self._wait(slots)
                finished = [f for slot in slots if (f := self._settle(slot, jobs, results, pending)) is not None]
                hand_out()  # the next papers go out before this process files the last ones
                for index, reading, seconds in finished:
                    if done is not None:
                        done(index, reading, seconds)
        finally:
            for slot in slots:
                slot.stop()
        return [results[i] for i in range(len(jobs))]

    @staticmethod
    def _wait(slots: list[_Slot]) -> None:
        busy = [s for s in slots if s.jobs]
        if not busy:
            return
        timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
        wait([w for s in busy for w in s.waitables()], timeout=timeout)

    def _settle(self, slot: _Slot, jobs: list[Job], results: dict[int, PaperReading],
                pending: deque[int]) -> tuple[int, PaperReading, float] | None:
        """Take the slot's next reading if it is ready, or quarantine the paper being read if the
        worker died or ran over: the paper's index, its reading and its seconds; None while it is
        still being read. Papers queued behind it on a worker now gone go back to ``pending``."""
        index = slot.job
        if index is None:
            return None
        reading = slot.collect()
        if reading is None:
            reason = self._failure(slot)
            if reason is None:
                return None  # still reading, within its time
            job = jobs[index]
            reading = quarantined(job.path, job.doc_id, None, reason)
            slot.jobs.popleft()
            slot.discard()
            slot.seconds = time.monotonic() - slot.started
        if slot.process is None:  # gone: what it was sent and did not read is read by another
            pending.extendleft(reversed(slot.take_back()))
        results[index] = reading
        return index, reading, slot.seconds

    def _failure(self, slot: _Slot) -> str | None:
        if slot.dead():
            assert slot.process is not None
            return (f"worker process died ({_signal_name(slot.process.exitcode)}) while reading it: "
                    f"a parser crashed or it ran out of memory (limit {self.settings.memory_mb} MB)")
        if time.monotonic() >= slot.deadline:
            return timeout_reason(self.settings)
        return None
