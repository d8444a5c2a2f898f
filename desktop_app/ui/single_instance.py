"""One running program per user and data folder: a second start asks the first to show
its window and exits (a QLocalServer, recovered when a crash left its socket behind).
The demo is a program of its own beside them: one demo per user, whatever else runs.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show"
MAX_MESSAGE = 4096
TIMEOUT_MS = 1000


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no password entry (some containers)
        return os.environ.get("USERNAME") or str(getattr(os, "getuid", lambda: "")())


def instance_key(data_folder: str | os.PathLike[str], user: str | None = None) -> str:
    """The server name for this user and data folder: short, ASCII, the same on every start.

    Hashed, because user names and folders may be Chinese or long, and a Unix socket path
    must stay short. Links are followed: a folder reached through a symbolic link (or a
    ``..`` detour) is the same database, so it is the same program.
    """
    folder = os.path.normcase(os.path.realpath(os.fspath(data_folder)))
    who = _user_name() if user is None else user
    digest = hashlib.sha256(f"{who}\0{folder}".encode()).hexdigest()[:16]
    return f"DeadlineReminder-{digest}"


def demo_instance_key(user: str | None = None) -> str:
    """The server name of this user's demo: never that of a data folder, so the demo and
    the real program neither bring each other forward nor keep each other from starting;
    a second demo brings the first forward (both would show the same sample)."""
    who = _user_name() if user is None else user
    digest = hashlib.sha256(f"{who}\0--demo".encode()).hexdigest()[:16]
    return f"DeadlineReminder-demo-{digest}"


class SingleInstance(QObject):
    """``claim()`` once at start; the loser calls ``notify_running()`` and exits.

    The winner keeps a server listening until ``release()`` (or its end) and emits
    ``message_received`` with what each later start sent (``b"show"``).
    """

    message_received = Signal(bytes)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server: QLocalServer | None = None
        self._pending: dict[QLocalSocket, bytearray] = {}

    def claim(self) -> bool:
        """True when this is the first instance (and now listens); False when one runs."""
        if self.server is not None:
            return True
        if self._running_instance_answers():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if (
            not server.listen(self.key)
            and server.serverError() == QAbstractSocket.SocketError.AddressInUseError
        ):
            # Nobody answered, yet the name is taken: a socket left by a crash.
            log.info("removing the stale single-instance socket %s", self.key)
            QLocalServer.removeServer(self.key)
            server.listen(self.key)
        if not server.isListening():
            # Better two windows than none: run, without the single-instance guard.
            log.warning("cannot listen on %s: %s", self.key, server.errorString())
            server.deleteLater()
            return True
        server.newConnection.connect(self._accept)
        self.server = server
        log.info("single instance: listening on %s", server.fullServerName())
        return True

    def notify_running(self, message: bytes = SHOW) -> bool:
        """Send ``message`` to the running instance; True once it has been handed over."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(TIMEOUT_MS):
            log.warning("no running instance answered on %s: %s", self.key, socket.errorString())
            return False
        socket.write(message[:MAX_MESSAGE])
        socket.flush()
        while socket.bytesToWrite() and socket.waitForBytesWritten(TIMEOUT_MS):
            pass
        sent = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(TIMEOUT_MS)
        if not sent:
            log.warning("the running instance did not take the message: %s", socket.errorString())
        return sent

    def release(self) -> None:
        """Stop listening (the socket file goes with it); a later start becomes the first."""
        for socket in list(self._pending):
            self._pending.pop(socket, None)
            socket.abort()
        self._pending.clear()
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None

    def _running_instance_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.key)
        if not probe.waitForConnected(TIMEOUT_MS):
            return False
        probe.abort()  # an empty connection: the running instance ignores it
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._pending[socket] = bytearray()
            # Bound methods, not lambdas: Qt drops these connections when this object goes,
            # so a socket closing during its destruction cannot call back into a dead wrapper.
            socket.readyRead.connect(self._read_sender)
            socket.disconnected.connect(self._finish_sender)
            self._read(socket)
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._finish(socket)

    # Connected only to pending sockets' signals; anything else (None once the sender has
    # gone) is not pending, which _read and _finish ignore anyway.
    def _read_sender(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _finish_sender(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._finish(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._pending.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            log.warning("single instance: message too long, dropped")
            buffer.clear()
            socket.abort()

    def _finish(self, socket: QLocalSocket) -> None:
        if socket not in self._pending:
            return
        self._read(socket)
        message = bytes(self._pending.pop(socket))
        # No socket.disconnect(self): PySide 6.12 miscounts the bool it returns, which
        # crashes the interpreter later; a socket no longer pending is ignored anyway.
        socket.deleteLater()
        if message:
            log.info("single instance: received %r", message)
            self.message_received.emit(message)
