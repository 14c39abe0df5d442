"""A helper process of the run's own (``bvtrack-checks``), for work that overlaps the run's.

``import great_expectations`` takes about two seconds, the checks about one. A run that has papers
to read starts a :class:`Background` at once: its process imports what it is told to preload at
nice 19 (in the moments the readers leave a core idle, and on the core consolidation leaves free
once they are done; the checks need consolidation's tables first), then runs the functions the run submits
to it, one after another, while the run goes on with its own work. A function is submitted by
name (a module-level function, as pickle sends it) with its arguments; :meth:`Pending.result`
waits for what it returned, or raises what it raised. A large argument that several functions
need is sent once (:meth:`Background.keep`).

If the process cannot start or dies, a pending function is run in the run's own process instead,
and the log says so: the helper saves time, never changes a result.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from queue import SimpleQueue
from typing import Any

from pipeline.batch.collector import collect_less
from pipeline.batch.workers import bare_main, context, die_with_parent
from pipeline.errors import PublishError

log = logging.getLogger("bvtrack")

PROCESS_NAME = "bvtrack-checks"
NICENESS = 19  # readers first: the helper imports in the moments they leave a core idle


def _quiet_progress_bars() -> None:
    """tqdm's default lock is a semaphore, which a helper ended by the run (kill) would leave to the
    resource tracker; libraries draw hidden progress bars (GX does), so a thread lock instead."""
    with contextlib.suppress(ImportError):
        from tqdm import tqdm  # a dependency of GX, not of bvtrack: where it is installed

        tqdm.set_lock(threading.RLock())


def _returnable(exc: BaseException) -> BaseException:
    """``exc`` if it can be sent back to the run as it is, else a PublishError saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return PublishError(f"{type(exc).__name__}: {exc}")


def serve(conn: Connection, preload: tuple[str, ...]) -> None:
    """The helper's loop: import ``preload``, then for each (function, args) received send back
    ("ok", result, seconds) or ("error", exception); until the pipe closes."""
    die_with_parent(PROCESS_NAME)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle: it ends its helper
    collect_less()
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
    _quiet_progress_bars()
    for name in preload:
        with contextlib.suppress(Exception):  # a failing import is reported by the function that needs it
            importlib.import_module(name)
    kept: dict[str, Any] = {}
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the run ended (or died)
            return
        if message[0] == "keep":
            kept[message[1]] = message[2]
            continue
        _, fn, args = message
        started = time.monotonic()
        try:
            reply: tuple[Any, ...] = ("ok", fn(*resolve(args, kept)), time.monotonic() - started)
        except Exception as exc:  # sent back whole: the run raises it
            reply = ("error", _returnable(exc))
        del message, fn, args  # not kept while the next arguments arrive
        try:
            conn.send(reply)
        except OSError:
            return


@dataclass(frozen=True)
class Kept:
    """An argument the helper already holds (sent once with :meth:`Background.keep`), by name."""

    name: str


def resolve(args: tuple[Any, ...], kept: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(kept[a.name] if isinstance(a, Kept) else a for a in args)


class Pending:
    """A function submitted to the helper: :meth:`result` waits for it."""

    def __init__(self, helper: Background, fn: Callable[..., Any], args: tuple[Any, ...]):
        self.helper, self.fn, self.args = helper, fn, args
        self.done = False
        self.value: Any = None
        self.error: BaseException | None = None

    def settle(self, reply: tuple[Any, ...]) -> None:
        """Take the helper's answer: ("ok", value, seconds) or ("error", exception)."""
        self.done = True
        if reply[0] == "error":
            self.error = reply[1]
            return
        self.value = reply[1]
        log.info("%s: %s in %.2f s", PROCESS_NAME, getattr(self.fn, "__qualname__", self.fn), reply[2])

    def result(self) -> Any:
        """What the function returned (run here if the helper is gone); raises what it raised."""
        if not self.done:
            self.helper.wait(self)
        if not self.done:  # the helper is gone: run it here
            self.value, self.done = self.fn(*resolve(self.args, self.helper.kept)), True
        if self.error is not None:
            raise self.error
        return self.value


class Background:
    """The helper process, started now: :meth:`submit` functions to it, in the order they should run."""

    def __init__(self, preload: tuple[str, ...] = ()) -> None:
        self.preload = preload
        self.conn: Connection | None = None
        self.process: BaseProcess | None = None
        self.queue: list[Pending] = []  # submitted, not yet answered, oldest first
        self.kept: dict[str, Any] = {}  # what the helper holds, by name (for the run to do its work)
        self.outbox: SimpleQueue[tuple[Any, ...] | None] = SimpleQueue()
        self.sender: threading.Thread | None = None
        # started from a thread: the fork server may still be importing the parsers, and the run
        # has other work meanwhile
        self.starter = threading.Thread(target=self._start, name=f"{PROCESS_NAME}-start", daemon=True)
        self.starter.start()

    def _start(self) -> None:
        try:
            ctx = context()
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=serve, args=(theirs, self.preload), name=PROCESS_NAME,  # type: ignore[attr-defined]
                                  daemon=True)
            with bare_main():
                process.start()
            theirs.close()
            self.conn, self.process = ours, process
        except (OSError, ValueError) as exc:  # e.g. no more processes: the run does the work itself
            log.warning("%s: cannot start a helper process (%s); its work is done in the main process",
                        PROCESS_NAME, exc)

    def keep(self, name: str, value: Any) -> Kept:
        """Send ``value`` to the helper once, to be passed to the functions submitted after it as
        the :class:`Kept` this returns (a large table, say, that two functions need)."""
        self.kept[name] = value
        self._post(("keep", name, value))
        return Kept(name)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending:
        """Run ``fn(*args)`` in the helper after what was submitted before; the arguments are sent
        by a thread of their own, in order, so the run goes on at once."""
        pending = Pending(self, fn, args)
        if self._post(("call", fn, args)):
            self.queue.append(pending)
        return pending

    def _post(self, message: tuple[Any, ...]) -> bool:
        """Queue a message for the sender thread; False where there is no helper."""
        self.starter.join()
        if self.conn is None:
            return False
        self.outbox.put(message)
        if self.sender is None:
            self.sender = threading.Thread(target=self._send, args=(self.conn,), name=f"{PROCESS_NAME}-send",
                                           daemon=True)
            self.sender.start()
        return True

    def _send(self, conn: Connection) -> None:
        """Send what is submitted, one message after another, until told to stop (None)."""
        while (message := self.outbox.get()) is not None:
            try:
                conn.send(message)
            except (OSError, ValueError):  # the process died: wait() finds out; what is left is not sent
                return

    def wait(self, pending: Pending) -> None:
        """Until ``pending`` is answered, taking the answers to what was submitted before it; returns
        early if the helper is gone (what it still owed is then done in the run's process)."""
        while pending in self.queue:
            reply = self._reply()
            if reply is None:
                return
            self.queue.pop(0).settle(reply)

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
            log.warning("%s ended without an answer (exit status %s): its work is done in the main process",
                        PROCESS_NAME, exitcode)
            self.queue.clear()
            self.close()
            return None

    def close(self) -> None:
        """End the process (nothing is kept in it between runs); safe to call twice."""
        self.starter.join()
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None
        if self.sender is not None:
            self.outbox.put(None)
            self.sender.join()
            self.sender = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Background:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
