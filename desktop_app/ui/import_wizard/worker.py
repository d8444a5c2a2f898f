"""Work off the GUI thread: a ``QRunnable`` on a thread pool that reports back once, with a
queued signal.

The dialog neither polls nor waits. Each job's relay is made on the GUI thread, so the
pool thread's ``finished`` reaches the dialog's slot through the GUI thread's event
loop. A dialog that no longer awaits the job's ticket (closed, or asked again since)
drops the outcome; a dialog already deleted receives nothing, because Qt removes a
connection, and the events posted for it, with its receiver. A job always runs to its
end and gives its thread back to the pool: Python code cannot be stopped half-way, and
none of these jobs writes anything, so letting one finish unheard loses nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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
        return self.value  # type: ignore[return-value]


class _Relay(QObject):
    """Carries one outcome across threads. It is made on the GUI thread, and that makes
    its connection to a GUI-thread slot a queued one when a pool thread emits."""

    finished = Signal(object)  # an Outcome


class Job(QRunnable):
    """``work()`` on a pool thread, then ``on_finished(Outcome)`` on the GUI thread.

    ``on_finished`` must be a slot of a QObject living on the GUI thread (the dialog):
    that object's lifetime is what ends the connection.
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
        self._relay.finished.emit(outcome)


def start(
    pool: QThreadPool, work: Callable[[], Any], ticket: int, on_finished: Callable[[Outcome], None]
) -> None:
    """Queue ``work`` on ``pool``; the pool deletes the job once it has run."""
    pool.start(Job(work, ticket, on_finished))


@functools.cache
def reader_pool() -> QThreadPool:
    """Documents are read one at a time: LibreOffice conversions must not overlap, and a
    file chosen while another is read waits for it."""
    pool = QThreadPool()
    pool.setObjectName("plan-reader")
    pool.setMaxThreadCount(1)
    return pool


@functools.cache
def dry_run_pool() -> QThreadPool:
    """Dry runs one after another: a newer one waits for the one before it (whose outcome
    the dialog then drops) instead of competing with it for the database and the GIL."""
    pool = QThreadPool()
    pool.setObjectName("import-dry-run")
    pool.setMaxThreadCount(1)
    return pool
