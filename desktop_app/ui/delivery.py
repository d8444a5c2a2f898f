"""How the window's reminders reach the liaison: the chain of channels (the desktop's
notification, the tray message, the in-window banner, the small reminder window), and the
words that say which one showed a reminder or why none could.

The desktop's notification is ``desktop_app.reminders``' (D-Bus on Linux, plyer elsewhere);
the Qt channels are here and in ``tray.py``; each raises ``NotificationError`` with a
code, put into the user's language by ``failure_text``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop_app.reminders.dbus_notify import SERVICE, DBusNotifier, NotificationBus
from desktop_app.reminders.notifier import (
    APP_TITLE,
    FallbackNotifier,
    NotificationError,
    Notifier,
    channel_of,
    desktop_notifier,
    notification_icon,
    plyer_platform,
)
from desktop_app.ui.tray import TrayController

if TYPE_CHECKING:
    from desktop_app.ui.desktop_clicks import DesktopClicks

log = logging.getLogger(__name__)

ShowReminder = Callable[[str, str, Sequence[int]], None]


class WindowNotifier:
    """A reminder shown by the program itself: the banner in the main window (``banner``),
    or the small reminder window on top (``popup``).

    ``show`` raises ``NotificationError`` when it cannot be seen (the banner of a hidden
    window: ``window_hidden``); any other error of it counts as ``window_failed``.
    """

    def __init__(self, channel: str, show: ShowReminder) -> None:
        self.channel = channel
        self.show = show

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        try:
            self.show(title, body, task_ids)
        except NotificationError:
            raise
        except Exception as exc:  # e.g. the window is already gone
            raise NotificationError("window_failed", f"{self.channel}: {exc!r}") from exc
        return self.channel


@dataclass(frozen=True)
class DesktopChannel:
    """The desktop's notification as the window uses it."""

    notifier: Notifier
    clicks: DesktopClicks | None = None  # Linux: hears a click on a notification
    # Linux: raises when a tray message could not appear (see ``status_notifier_check``)
    tray_check: Callable[[], None] | None = None


# The name a StatusNotifier tray host (KDE, Xfce's panel, waybar, GNOME's AppIndicator)
# holds; Qt then sends tray messages to org.freedesktop.Notifications without an answer.
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"


def status_notifier_check(bus: NotificationBus) -> Callable[[], None]:
    """A check for the tray channel: on a StatusNotifier tray its messages go through the
    notification service, so with no service on the bus they cannot appear either. An
    XEmbed tray (or no session bus at all) draws Qt's own balloon: nothing to check."""

    def check() -> None:
        try:
            if not bus.is_open():
                bus.open()
            if not bus.has_owner(STATUS_NOTIFIER_WATCHER):
                return
            owned = bus.has_owner(SERVICE)
        except NotificationError:
            return  # no session bus: Qt's tray cannot be a StatusNotifier one either
        if not owned:
            raise NotificationError(
                "no_service", "the tray's messages go through org.freedesktop.Notifications"
            )

    return check


def window_desktop_notifier(parent: QObject, on_click: Callable[[list], None]) -> DesktopChannel:
    """The desktop's notification for the window; on Linux with what hears a click on it
    (``on_click`` gets the clicked notification's task ids) and the tray's check."""
    if plyer_platform() != "linux":
        return DesktopChannel(desktop_notifier(APP_TITLE))
    from desktop_app.ui.desktop_clicks import DesktopClicks

    bus = NotificationBus()
    clicks = DesktopClicks(bus, parent)
    clicks.clicked.connect(on_click)
    clicks.start()
    notifier = DBusNotifier(
        APP_TITLE,
        notification_icon(),
        bus=bus,
        on_sent=clicks.remember,
        action_label=QCoreApplication.translate("Delivery", "查看全部"),
    )
    return DesktopChannel(notifier, clicks, status_notifier_check(bus))


def build_notifier(
    desktop: Notifier,
    tray_controller: TrayController | None,
    show_banner: ShowReminder,
    show_popup: ShowReminder,
    *,
    tray_check: Callable[[], None] | None = None,
) -> FallbackNotifier:
    """The desktop's notification, then the tray message, the banner, the reminder window.

    Every channel stays in the chain and is tried at each reminder: a notification
    service or a tray that is missing now may be back at the next one.
    """
    chain: list[Notifier] = [desktop]
    if tray_controller is not None:
        chain.append(tray_controller.notifier(can_show=tray_check))
    chain += [WindowNotifier("banner", show_banner), WindowNotifier("popup", show_popup)]
    notifier = FallbackNotifier(chain, log)
    log.info("notification channels: %s", ", ".join(notifier.channels))
    return notifier


# -- the words ------------------------------------------------------------------------


def channel_name(channel: str) -> str:
    """The channel as the user knows it."""
    names = {
        "dbus": QCoreApplication.translate("Delivery", "系统通知"),
        "plyer": QCoreApplication.translate("Delivery", "系统通知"),
        "tray": QCoreApplication.translate("Delivery", "托盘消息"),
        "banner": QCoreApplication.translate("Delivery", "主窗口顶部的提示条"),
        "popup": QCoreApplication.translate("Delivery", "提醒小窗口"),
    }
    return names.get(channel, channel)


def failure_text(error: NotificationError) -> str:
    """Why a channel could not show a reminder, in the user's language."""
    texts = {
        "no_session_bus": QCoreApplication.translate("Delivery", "没有桌面会话（D-Bus 会话总线）"),
        "no_service": QCoreApplication.translate("Delivery", "桌面上没有运行通知服务"),
        "refused": QCoreApplication.translate("Delivery", "通知服务拒绝显示"),
        "unavailable": QCoreApplication.translate("Delivery", "本机无法显示系统通知"),
        "failed": QCoreApplication.translate("Delivery", "显示时出错"),
        "no_tray": QCoreApplication.translate("Delivery", "桌面没有系统托盘"),
        "tray_no_messages": QCoreApplication.translate("Delivery", "系统托盘不能显示消息"),
        "window_hidden": QCoreApplication.translate("Delivery", "主窗口没有显示"),
        "window_behind": QCoreApplication.translate("Delivery", "主窗口不在最前面"),
        "window_failed": QCoreApplication.translate("Delivery", "窗口无法显示"),
    }
    if error.code == "none_worked" and error.failures:
        return "；".join(
            f"{channel_name(name)}：{failure_text(failure)}" for name, failure in error.failures
        )
    return texts.get(error.code, QCoreApplication.translate("Delivery", "显示时出错"))


def _failures_text(failures: Sequence[tuple[str, NotificationError]]) -> str:
    return "\n".join(f"· {channel_name(name)}：{failure_text(error)}" for name, error in failures)


def send_test_notification(notifier: Notifier | None) -> str:
    """What the settings' 发送测试提醒 does: send one, and say truthfully how it went."""
    title = QCoreApplication.translate("Delivery", "测试提醒")
    body = QCoreApplication.translate("Delivery", "看到这条消息，说明到期提醒可以正常弹出。")
    if notifier is None:
        log.warning("test notification: no notifier set up")
        return QCoreApplication.translate("Delivery", "测试提醒没有发出：提醒功能尚未启动。")
    try:
        channel = notifier.notify(title, body, [])
    except NotificationError as exc:
        log.warning("test notification not shown: %s", exc)
        failures = exc.failures or ((channel_of(notifier), exc),)
        return QCoreApplication.translate(
            "Delivery", "测试提醒没有发出，没有一种方式能够显示它：\n{0}"
        ).format(_failures_text(failures))
    log.info("test notification shown through %s", channel)
    said = QCoreApplication.translate("Delivery", "测试提醒已通过{0}显示。").format(
        channel_name(channel)
    )
    failures = getattr(notifier, "last_failures", ())
    if failures:
        said += "\n" + QCoreApplication.translate("Delivery", "这些方式没有成功：\n{0}").format(
            _failures_text(failures)
        )
    return said
