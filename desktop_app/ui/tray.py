"""The tray icon and its menu, the tray message as a notification channel, and the watch on
the tray host: when the panel that holds the icon goes away, the program says so
(``availability_changed``), and the icon is put back when the host returns. The chain of
channels is in ``desktop_app.ui.delivery``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QMenu,
    QSystemTrayIcon,
)

from desktop_app.paths import resource_path
from desktop_app.reminders.notifier import NOTIFICATION_TIMEOUT_MS, NotificationError

log = logging.getLogger(__name__)

MESSAGE_TIMEOUT_MS = NOTIFICATION_TIMEOUT_MS
# How often the tray host is looked for (it goes away when the panel is restarted).
TRAY_WATCH_MS = 5_000
PAUSE_KINDS = ("hour", "today")


def app_icon() -> QIcon:
    """The program's icon (resources/icons/app.png); an empty icon when the file is missing."""
    path = resource_path("icons/app.png")
    return QIcon(str(path)) if path.is_file() else QIcon()


def pause_end(kind: str, now: datetime) -> datetime:
    """Until when the tray's pause lasts: an hour from now, or the start of tomorrow."""
    if kind == "hour":
        return now + timedelta(hours=1)
    if kind == "today":
        return datetime.combine(now.date() + timedelta(days=1), time(0, 0))
    raise ValueError(f"unknown pause {kind!r}; expected one of {PAUSE_KINDS}")


# -- channels --------------------------------------------------------------------------


class TrayNotifier:
    """A message from the tray icon; fails where the desktop has no system tray.

    ``on_shown`` hears the task ids of each message, so that a click on it can open them.
    ``available`` replaces Qt's answer to "is there a tray"; ``can_show`` raises
    ``NotificationError`` when the tray is there but its messages could not appear (on
    Linux a StatusNotifier tray hands them to the notification service, which may be gone).
    Qt gives no answer once ``showMessage`` is called: past these checks it counts as shown.
    """

    channel = "tray"

    def __init__(
        self,
        tray: QSystemTrayIcon,
        on_shown: Callable[[Sequence[int]], None] | None = None,
        timeout_ms: int = MESSAGE_TIMEOUT_MS,
        *,
        available: Callable[[], bool] | None = None,
        can_show: Callable[[], None] | None = None,
    ) -> None:
        self.tray = tray
        self.on_shown = on_shown
        self.timeout_ms = timeout_ms
        self.available = available or QSystemTrayIcon.isSystemTrayAvailable
        self.can_show = can_show

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        if not self.available():
            raise NotificationError("no_tray", "no system tray on this desktop")
        if not QSystemTrayIcon.supportsMessages():
            raise NotificationError("tray_no_messages", "the system tray does not show messages")
        if self.can_show is not None:
            self.can_show()
        if not self.tray.isVisible():
            self.tray.show()  # a message needs a visible icon to come from
        if self.on_shown is not None:
            self.on_shown(task_ids)
        self.tray.showMessage(title, body, self.tray.icon(), self.timeout_ms)
        return self.channel


# -- the tray icon ---------------------------------------------------------------------


class TrayController(QObject):
    """The tray icon: a tooltip with this month's counts, a menu, a click to open the window.

    The icon shows only where the desktop has a system tray (``show()`` says whether it did).
    """

    open_requested = Signal()
    today_requested = Signal()
    pause_requested = Signal(str)  # "hour" or "today"
    resume_requested = Signal()
    quit_requested = Signal()
    message_clicked = Signal(list)
    availability_changed = Signal(bool)  # the tray host went away (False) or came back

    def __init__(
        self,
        icon: QIcon | None = None,
        parent: QObject | None = None,
        *,
        platform: str = "",
        available: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._platform = platform or sys.platform
        self._available = available
        self._was_available: bool | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(TRAY_WATCH_MS)
        self._watch.timeout.connect(self.watch)
        self._message_task_ids: list[int] = []
        self.tray = QSystemTrayIcon(icon if icon is not None else app_icon(), self)
        self.menu = QMenu()  # a QMenu cannot have a QObject parent; see dispose()
        self.open_action = QAction(self.tr("打开"), self)
        self.open_action.triggered.connect(lambda: self.open_requested.emit())
        self.today_action = QAction(self.tr("今天的提醒"), self)
        self.today_action.triggered.connect(lambda: self.today_requested.emit())
        self.pause_hour_action = QAction(self.tr("暂停提醒一小时"), self)
        self.pause_hour_action.triggered.connect(lambda: self.pause_requested.emit("hour"))
        self.pause_today_action = QAction(self.tr("今天不再提醒"), self)
        self.pause_today_action.triggered.connect(lambda: self.pause_requested.emit("today"))
        self.resume_action = QAction(self.tr("恢复提醒"), self)
        self.resume_action.triggered.connect(lambda: self.resume_requested.emit())
        self.resume_action.setVisible(False)  # while reminders are paused
        self._paused_until: datetime | None = None
        self._counts = (0, 0, 0)
        self._missing_holidays: int | None = None
        self._demo = False
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.triggered.connect(lambda: self.quit_requested.emit())
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.today_action)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_hour_action)
        self.menu.addAction(self.pause_today_action)
        self.menu.addAction(self.resume_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.setDefaultAction(self.open_action)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self._message_clicked)
        self.update_tooltip(0, 0)

    def is_available(self) -> bool:
        """Whether the desktop has a tray host now (``available`` replaces Qt's answer)."""
        if self._available is not None:
            return bool(self._available())
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Put the icon in the tray; False (and nothing shown) where there is no tray.

        Once shown, the tray host is watched: see ``watch``.
        """
        if not self.is_available():
            log.info("no system tray: closing the window will quit the program")
            return False
        self.tray.show()
        self._was_available = True
        self._watch.start()
        return True

    def watch_for_host(self) -> None:
        """Where there is no tray yet (a panel that starts after the program, at login),
        look for one: the icon shows once it comes (``availability_changed(True)``)."""
        if self._was_available is None:
            self._was_available = self.is_available()
        self._watch.start()

    def is_shown(self) -> bool:
        return self.tray.isVisible()

    def is_usable(self) -> bool:
        """Whether the icon is in a tray now: the window can be closed into it."""
        return self.is_shown() and self.is_available()

    def watch(self) -> bool | None:
        """Look for the tray host; the new availability when it changed, else None.

        When the host comes back (a restarted panel), the icon is put in it again.
        """
        now = self.is_available()
        if now == self._was_available:
            return None
        self._was_available = now
        if now:
            log.info("the system tray is back: showing the icon again")
            self.tray.hide()  # a new host knows nothing of the old icon
            self.tray.show()
        else:
            log.warning("the system tray has gone: the window will not hide into it")
        self.availability_changed.emit(now)
        return now

    def dispose(self) -> None:
        """Take the icon out of the tray and free the menu (at quit, or a test's end)."""
        self._watch.stop()
        self.tray.hide()
        # Qt takes a null menu (no menu); PySide6's stubs do not say the argument may be None.
        self.tray.setContextMenu(None)  # type: ignore[arg-type]
        self.menu.deleteLater()

    def update_tooltip(self, due_this_month: int, late: int, lagging: int = 0) -> None:
        """The counts the window shows (``lagging``: 未达序时进度), with the pause and the
        missing holidays."""
        self._counts = (due_this_month, late, lagging)
        lines = [
            self.tr("工作要点督办提醒"),
            self.tr("本月待完成 {0} 项 · 逾期 {1} 项 · 未达序时进度 {2} 项").format(
                due_this_month, late, lagging
            ),
        ]
        if self._paused_until is not None:
            lines.append(
                self.tr("提醒已暂停，到 {0} 恢复").format(
                    self._paused_until.strftime("%m-%d %H:%M")
                )
            )
        if self._missing_holidays is not None:
            lines.append(
                self.tr("尚无 {0} 年节假日安排：在 设置 → 节假日 中导入通知").format(
                    self._missing_holidays
                )
            )
        if self._demo:
            lines.insert(0, self.tr("演示（数据不保存）"))
        self.tray.setToolTip("\n".join(lines))

    def mark_demo(self) -> None:
        """The icon of ``--demo``: its tooltip starts by saying so."""
        self._demo = True
        self.update_tooltip(*self._counts)

    def show_missing_holidays(self, year: int | None) -> None:
        """Next year's holidays are unknown (None: they are known, or it is not yet November)."""
        if year != self._missing_holidays:
            self._missing_holidays = year
            self.update_tooltip(*self._counts)

    def show_pause(self, until: datetime | None) -> None:
        """Reminders are paused until ``until`` (None: they are not): said in the tooltip,
        and the menu offers 恢复提醒."""
        self._paused_until = until
        self.resume_action.setVisible(until is not None)
        self.update_tooltip(*self._counts)

    def tooltip(self) -> str:
        return self.tray.toolTip()

    def remember_message(self, task_ids: Sequence[int]) -> None:
        """The tasks of the message just shown: a click on it opens them."""
        self._message_task_ids = [int(i) for i in task_ids]

    def notifier(self, can_show: Callable[[], None] | None = None) -> TrayNotifier:
        """The tray message as a channel (``can_show``: see ``TrayNotifier``)."""
        return TrayNotifier(
            self.tray,
            on_shown=self.remember_message,
            available=self.is_available,
            can_show=can_show,
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        opening = {QSystemTrayIcon.ActivationReason.DoubleClick}
        if self._platform != "darwin":  # on macOS a click opens the menu
            opening.add(QSystemTrayIcon.ActivationReason.Trigger)
        if reason in opening:
            self.open_requested.emit()

    def _message_clicked(self) -> None:
        self.message_clicked.emit(list(self._message_task_ids))
