"""SIGTERM, SIGINT and SIGHUP (a logout, ``kill``, Ctrl+C, a closed terminal) end the window
like 退出 does, so that what ``run_gui`` does at its end still happens: the database closed,
the demo's folder removed.

Python runs its signal handlers only between two of its own instructions, and Qt's event
loop may wait for minutes without running any: the signal's number is written to a socket
(``signal.set_wakeup_fd``) whose reading end the event loop watches.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

# The signals that ask a program to end; SIGHUP does not exist on Windows.
ENDING_SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)

_Handler = Callable[[int, FrameType | None], object] | int | None


def _note(_signum: int, _frame: FrameType | None) -> None:
    """Python's side of the handler: nothing; the wake-up socket carries the signal."""


class EndOnSignal(QObject):
    """``install()`` on the GUI thread; ``received(signum)`` is emitted in the event loop
    for each ending signal; ``uninstall()`` puts the previous handlers back."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None, signals: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self.signals = signals or ENDING_SIGNALS
        self._previous: dict[int, _Handler] = {}
        self._previous_fd: int | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None

    def install(self) -> bool:
        """Listen for the signals; False (and nothing changed) off the main thread."""
        if self._sockets is not None:
            return True
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        try:
            self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread: the default handlers stay
            log.warning("cannot listen for ending signals off the main thread")
            reader.close()
            writer.close()
            return False
        self._sockets = (reader, writer)
        for signum in self.signals:
            self._previous[signum] = signal.signal(signum, _note)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        return True

    def uninstall(self) -> None:
        if self._sockets is None:
            return
        for signum, previous in self._previous.items():
            signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd if self._previous_fd is not None else -1)
        self._previous_fd = None
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for end in self._sockets:
            end.close()
        self._sockets = None

    def _woken(self) -> None:
        if self._sockets is None:
            return
        try:
            numbers = self._sockets[0].recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in numbers:
            if signum in self.signals:
                log.info("signal %d received: ending", signum)
                self.received.emit(signum)
