"""A click on a desktop notification (Linux): the service's ``ActionInvoked`` read from the
window's D-Bus connection whenever its socket is readable, and turned into ``clicked``
with the tasks of that notification.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from desktop_app.reminders.dbus_notify import DEFAULT_ACTION, NotificationBus
from desktop_app.reminders.notifier import NotificationError

log = logging.getLogger(__name__)

# Notifications remembered at most (the oldest are forgotten; the service closes them anyway).
REMEMBERED = 50


class DesktopClicks(QObject):
    """Hears the notification service on ``bus``; ``clicked`` gives a clicked one's tasks."""

    clicked = Signal(list)

    def __init__(self, bus: NotificationBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._tasks: dict[int, tuple[int, ...]] = {}
        self._socket: QSocketNotifier | None = None
        bus.on_open.append(self._watch)
        bus.on_close.append(self._unwatch)

    def start(self) -> bool:
        """Connect now, so that a click on the first notification is heard; False without
        a session bus (the notifier tries again at each notification)."""
        try:
            if not self.bus.is_open():
                self.bus.open()
        except NotificationError as exc:
            log.info("desktop notifications cannot be clicked for now: %s", exc)
            return False
        return True

    def remember(self, notification_id: int, task_ids: tuple[int, ...]) -> None:
        """The tasks of a notification just shown (``DBusNotifier.on_sent``)."""
        self._tasks[notification_id] = task_ids
        while len(self._tasks) > REMEMBERED:
            del self._tasks[next(iter(self._tasks))]
        # A click that came while the call waited for its answer was read by the call:
        # the socket will not say so again.
        self._readable()

    def stop(self) -> None:
        self.bus.close()  # tells _unwatch

    def _watch(self) -> None:
        """The bus was (re)connected: watch its new socket."""
        self._unwatch()
        self._socket = QSocketNotifier(self.bus.fileno(), QSocketNotifier.Type.Read, self)
        self._socket.activated.connect(self._readable)

    def _unwatch(self) -> None:
        """The connection is gone: never watch its closed (and reusable) descriptor."""
        if self._socket is not None:
            self._socket.setEnabled(False)
            self._socket.deleteLater()
            self._socket = None

    def _readable(self) -> None:
        try:
            signals = self.bus.read()
        except NotificationError as exc:  # the bus closed itself, and told _unwatch
            log.warning("the notification service's bus has gone: %s", exc)
            return
        for signal in signals:
            if signal.member == "ActionInvoked" and signal.action == DEFAULT_ACTION:
                tasks = self._tasks.get(signal.notification_id)
                if tasks is not None:
                    log.info("desktop notification %d clicked", signal.notification_id)
                    self.clicked.emit(list(tasks))
            elif signal.member == "NotificationClosed":
                self._tasks.pop(signal.notification_id, None)
