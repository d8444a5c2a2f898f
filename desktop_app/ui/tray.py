"""The tray icon and its menu, the tray message and the in-window banner as notification
channels, and the choice of channels made once at start-up (plyer, then tray, then banner).
The banner widget itself is in ``desktop_app.ui.banner``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QMenu,
    QSystemTrayIcon,
)

from desktop_app.paths import resource_path
from desktop_app.reminders.notifier import (
    FallbackNotifier,
    NotificationError,
    Notifier,
    PlyerNotifier,
    notification_icon,
)

log = logging.getLogger(__name__)

APP_TITLE = "工作要点督办提醒"
MESSAGE_TIMEOUT_MS = 15_000
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
    """

    channel = "tray"

    def __init__(
        self,
        tray: QSystemTrayIcon,
        on_shown: Callable[[Sequence[int]], None] | None = None,
        timeout_ms: int = MESSAGE_TIMEOUT_MS,
    ) -> None:
        self.tray = tray
        self.on_shown = on_shown
        self.timeout_ms = timeout_ms

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            raise NotificationError("no system tray on this desktop")
        if not QSystemTrayIcon.supportsMessages():
            raise NotificationError("the system tray does not show messages")
        if not self.tray.isVisible():
            self.tray.show()  # a message needs a visible icon to come from
        if self.on_shown is not None:
            self.on_shown(task_ids)
        self.tray.showMessage(title, body, self.tray.icon(), self.timeout_ms)
        return self.channel


class BannerNotifier:
    """The last resort: a banner across the top of the main window."""

    channel = "banner"

    def __init__(self, show: Callable[[str, str, Sequence[int]], None]) -> None:
        self.show = show

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        try:
            self.show(title, body, task_ids)
        except Exception as exc:  # e.g. the window is already gone
            raise NotificationError(f"the in-window banner failed: {exc!r}") from exc
        return self.channel


# -- the tray icon ---------------------------------------------------------------------


class TrayController(QObject):
    """The tray icon: a tooltip with this month's counts, a menu, a click to open the window.

    The icon shows only where the desktop has a system tray (``show()`` says whether it did).
    """

    open_requested = Signal()
    today_requested = Signal()
    pause_requested = Signal(str)  # "hour" or "today"
    quit_requested = Signal()
    message_clicked = Signal(list)

    def __init__(
        self, icon: QIcon | None = None, parent: QObject | None = None, *, platform: str = ""
    ) -> None:
        super().__init__(parent)
        self._platform = platform or sys.platform
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
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.triggered.connect(lambda: self.quit_requested.emit())
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.today_action)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_hour_action)
        self.menu.addAction(self.pause_today_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.setDefaultAction(self.open_action)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self._message_clicked)
        self.update_tooltip(0, 0)

    @staticmethod
    def is_available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Put the icon in the tray; False (and nothing shown) where there is no tray."""
        if not self.is_available():
            log.info("no system tray: closing the window will quit the program")
            return False
        self.tray.show()
        return True

    def is_shown(self) -> bool:
        return self.tray.isVisible()

    def dispose(self) -> None:
        """Take the icon out of the tray and free the menu (at quit, or a test's end)."""
        self.tray.hide()
        self.tray.setContextMenu(None)
        self.menu.deleteLater()

    def update_tooltip(self, due_this_month: int, late: int) -> None:
        counts = (
            self.tr("本月待完成 %1 项 · 逾期 %2 项")
            .replace("%1", str(due_this_month))
            .replace("%2", str(late))
        )
        self.tray.setToolTip(self.tr("工作要点督办提醒") + "\n" + counts)

    def tooltip(self) -> str:
        return self.tray.toolTip()

    def remember_message(self, task_ids: Sequence[int]) -> None:
        """The tasks of the message just shown: a click on it opens them."""
        self._message_task_ids = [int(i) for i in task_ids]

    def notifier(self) -> TrayNotifier:
        return TrayNotifier(self.tray, on_shown=self.remember_message)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        opening = {QSystemTrayIcon.ActivationReason.DoubleClick}
        if self._platform != "darwin":  # on macOS a click opens the menu
            opening.add(QSystemTrayIcon.ActivationReason.Trigger)
        if reason in opening:
            self.open_requested.emit()

    def _message_clicked(self) -> None:
        self.message_clicked.emit(list(self._message_task_ids))


# -- the choice of channels ------------------------------------------------------------


def build_notifier(
    tray_controller: TrayController | None,
    banner_callback: Callable[[str, str, Sequence[int]], None],
    *,
    plyer_notifier: PlyerNotifier | None = None,
    log: logging.Logger = log,
) -> FallbackNotifier:
    """plyer, then the tray message, then the in-window banner: chosen once, at start-up.

    A channel that cannot work here (plyer without a back-end, a desktop without a
    tray) is left out, and why is logged; the banner always remains.
    """
    plyer = plyer_notifier or PlyerNotifier(APP_TITLE, notification_icon())
    chain: list[Notifier] = []
    if plyer.available():
        chain.append(plyer)
    else:
        log.info("desktop notifications: plyer left out")
    if tray_controller is not None and QSystemTrayIcon.isSystemTrayAvailable():
        chain.append(tray_controller.notifier())
    else:
        log.info("desktop notifications: no system tray, tray messages left out")
    chain.append(BannerNotifier(banner_callback))
    notifier = FallbackNotifier(chain, log)
    log.info("notification channels: %s", ", ".join(notifier.channels))
    return notifier


def _channel_message(channel: str) -> str:
    messages = {
        "plyer": QCoreApplication.translate("Tray", "测试提醒已通过系统通知发出。"),
        "tray": QCoreApplication.translate(
            "Tray", "测试提醒已通过托盘消息发出（系统通知不可用）。"
        ),
        "banner": QCoreApplication.translate(
            "Tray", "系统通知和托盘消息都不可用，测试提醒显示在主窗口顶部。"
        ),
    }
    return messages.get(channel, QCoreApplication.translate("Tray", "测试提醒已发出。"))


def send_test_notification(notifier: Notifier | None) -> str:
    """What the settings' 发送测试提醒 does: send one, and say to the user how it went."""
    title = QCoreApplication.translate("Tray", "测试提醒")
    body = QCoreApplication.translate("Tray", "看到这条消息，说明到期提醒可以正常弹出。")
    if notifier is None:
        log.warning("test notification: no notifier set up")
        return QCoreApplication.translate("Tray", "测试提醒没有发出：提醒功能尚未启动。")
    try:
        channel = notifier.notify(title, body, [])
    except NotificationError as exc:
        log.warning("test notification failed: %s", exc)
        return QCoreApplication.translate("Tray", "测试提醒没有发出。\n原因：%1").replace(
            "%1", str(exc)
        )
    log.info("test notification sent through %s", channel)
    return _channel_message(channel)
