"""Work off the GUI thread: a ``QRunnable`` on a thread pool that reports back once, with a
queued signal.

The dialog neither polls nor waits. Each job's relay is made on the GUI thread, so the
pool thread's signal reaches a slot there through the GUI thread's event loop. Each job
carries a ticket, and a ``LatestJob`` hears only the one it awaits: an outcome of a job
started before the latest, or after the dialog stopped waiting, is dropped. A dialog
already deleted receives nothing: Qt removes a connection, and the events posted for it,
with its receiver. A job always runs to its end and gives its thread back to the pool:
Python code cannot be stopped half-way, and none of these jobs writes anything, so
letting one finish unheard loses nothing.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What one job returned or raised, with the ticket it was started under."""

    ticket: int
    value: T | None = None
    error: BaseException | None = None

    def result(self) -> T:
        """The value, or the job's exception raised again (on the thread that asks)."""
        if self.error is not None:
            raise self.error
        # No error: the job returned, and value is what it returned (None only if T allows).
        return self.value  # type: ignore[return-value]


class _Relay(QObject):
    """Carries one outcome across threads. It is made on the GUI thread, and that makes
    its connection to a GUI-thread slot a queued one when a pool thread emits."""

    finished = Signal(object)  # an Outcome


class Job(QRunnable):
    """``work()`` on a pool thread, then ``on_finished(Outcome)`` on the GUI thread.

    ``on_finished`` must be a slot of a QObject living on the GUI thread: that object's
    lifetime is what ends the connection.
    """

    def __init__(
        self, work: Callable[[], Any], ticket: int, on_finished: Callable[[Outcome], None]
    ) -> None:
        super().__init__()
        self._work = work
        self._ticket = ticket
        self._relay = _Relay()
        self._relay.finished.connect(on_finished)

    def run(self) -> None:
        try:
            outcome = Outcome(self._ticket, value=self._work())
        except BaseException as exc:  # handed to the slot, which decides what it means
            outcome = Outcome(self._ticket, error=exc)
        # Raised only when the program quit while this ran: PySide then deletes every
        # QObject Python owns, this relay too, and nobody is left to hear the outcome.
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit(outcome)


class LatestJob(QObject):
    """Jobs of one kind for one dialog, of which only the latest counts.

    ``start`` queues a job on the pool and forgets the one before it; ``finished(Outcome)``
    answers the job started last, unless ``drop`` came after it. Any other outcome is
    dropped here when it arrives. Made a child of the dialog, it goes with it, and so do
    its jobs' connections.
    """

    finished = Signal(object)  # an Outcome

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = pool
        self._tickets = itertools.count(1)
        self._awaited: int | None = None

    def start(self, work: Callable[[], Any]) -> None:
        """Queue ``work``; the pool deletes the job once it has run."""
        self._awaited = next(self._tickets)
        self._pool.start(Job(work, self._awaited, self._job_finished))

    def drop(self) -> None:
        """The job under way, if there is one, finishes unheard."""
        self._awaited = None

    @Slot(object)
    def _job_finished(self, outcome: Outcome) -> None:
        if outcome.ticket != self._awaited:
            return  # started before the latest one, or dropped
        self._awaited = None
        self.finished.emit(outcome)


@functools.cache
def reader_pool() -> QThreadPool:
    """Documents are read one at a time: LibreOffice conversions must not overlap, and a
    file chosen while another is read waits for it."""
    return _one_thread_pool("plan-reader")


@functools.cache
def dry_run_pool() -> QThreadPool:
    """Dry runs one after another: a newer one waits for the one before it (whose outcome
    the dialog then drops) instead of competing with it for the database and the GIL."""
    return _one_thread_pool("import-dry-run")


def _one_thread_pool(name: str) -> QThreadPool:
    """A pool of one thread. Quitting the program drops the jobs still queued; it waits for
    the one under way, which cannot be stopped (a .doc's conversion ends within its
    timeout, anything else within seconds)."""
    pool = QThreadPool()
    pool.setObjectName(name)
    pool.setMaxThreadCount(1)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(pool.clear)
    return pool
