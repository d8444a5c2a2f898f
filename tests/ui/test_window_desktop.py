"""The window's reminders against a real notification daemon (dunst on a private session bus
under Xvfb; the window itself offscreen): a digest shown by the daemon is logged as such, a
click on it opens its tasks, and with the daemon gone the next channel shows it and the
log names that channel; the settings' test button says which channel worked."""

from __future__ import annotations

from datetime import datetime

import pytest

from db.connection import Storage
from db.models import ReminderLog
from desktop_app.ui.app import start_reminders
from desktop_app.ui.main_window import MainWindow
from tests.helpers.desktop_session import DesktopSession
from tests.storage_helpers import FakeClock

FRIDAY = datetime(2024, 6, 14, 9, 0)
MONDAY = datetime(2024, 6, 17, 9, 0)
JUNE_30 = (27, 30, 31, 48, 71)
LATE = (5, 54, 23, 58)
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(plan=True)


@pytest.fixture
def window(
    make_window, storage: Storage, desktop: DesktopSession, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """The window as run_gui builds it after its first paint, on the private desktop."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.address)
    return make_window(storage, FakeClock(FRIDAY))


def _channels() -> list[tuple[int, str]]:
    return [
        (r.task_id, r.channel)
        for r in ReminderLog.select().where(ReminderLog.event == "shown").order_by(ReminderLog.id)
    ]


def test_the_daemon_shows_the_digest_and_a_click_opens_its_tasks(
    qtbot, window: MainWindow, storage: Storage, desktop: DesktopSession
) -> None:
    scheduler = start_reminders(window, storage, window.clock)
    assert window.notifier.channels == ("dbus", "banner", "popup")  # offscreen: no tray
    desktop.wait_displayed(1)
    assert sorted(_channels()) == sorted((t, "dbus") for t in JUNE_30)
    assert window._banner is None and window._popup is None  # no fallback was needed
    desktop.click_first()  # the default action: "查看全部"
    qtbot.waitUntil(lambda: window.reminder_dialog is not None, timeout=5_000)
    assert sorted(window.reminder_dialog.task_ids()) == sorted(JUNE_30)
    [shown] = desktop.notifications()
    assert shown["summary"] == "5 项任务即将到期"
    assert shown["default_action_name"] == "default"
    assert shown["icon_path"].endswith("app.png")
    scheduler.stop()


def test_with_the_daemon_stopped_the_banner_shows_it_and_the_log_says_so(
    window: MainWindow, storage: Storage, desktop: DesktopSession
) -> None:
    desktop.stop_dunst()
    start_reminders(window, storage, window.clock)
    assert window.banner.isVisible()
    assert window.banner.title_label.text() == "5 项任务即将到期"
    assert sorted(_channels()) == sorted((t, "banner") for t in JUNE_30)
    # Monday, with the window hidden in the tray: the small reminder window instead.
    window.hide()
    window.clock.set(MONDAY)
    assert window.reminders is not None
    window.reminders.check_now()
    assert window.popup.isVisible() and sorted(window.popup.task_ids()) == sorted(LATE)
    assert sorted(t for t, c in _channels() if c == "popup") == sorted(LATE)


def test_the_test_button_says_which_channel_worked_against_the_real_daemon(
    window: MainWindow, storage: Storage, desktop: DesktopSession
) -> None:
    start_reminders(window, storage, window.clock)
    window.open_settings()
    window.settings_dialog.reminders_page.test_button.click()
    assert window._note.text() == "测试提醒已通过系统通知显示。"
    window._note.close()
    assert "测试提醒" in [n["summary"] for n in desktop.notifications()]
    desktop.stop_dunst()
    window.settings_dialog.reminders_page.test_button.click()
    said = window._note.text()
    assert said.startswith("测试提醒已通过主窗口顶部的提示条显示。")
    assert "· 系统通知：桌面上没有运行通知服务" in said
    window._note.close()
    window.settings_dialog.reject()


def test_a_status_notifier_tray_without_a_notification_service_is_no_channel(
    desktop: DesktopSession,
) -> None:
    """KDE, Xfce's panel, GNOME's AppIndicator: Qt hands their tray messages to the same
    notification service, unanswered. With the service gone, the tray cannot show it."""
    from jeepney import message_bus
    from jeepney.io.blocking import open_dbus_connection

    from desktop_app.reminders.dbus_notify import NotificationBus
    from desktop_app.reminders.notifier import NotificationError
    from desktop_app.ui.delivery import STATUS_NOTIFIER_WATCHER, status_notifier_check

    bus = NotificationBus(desktop.address)
    check = status_notifier_check(bus)
    try:
        desktop.stop_dunst()
        check()  # no StatusNotifier host: Qt draws its own balloon (XEmbed)
        with open_dbus_connection(bus=desktop.address) as host:
            host.send_and_get_reply(message_bus.RequestName(STATUS_NOTIFIER_WATCHER), timeout=5)
            with pytest.raises(NotificationError) as caught:
                check()
            assert caught.value.code == "no_service"
            desktop.start_dunst()
            check()  # the service is back: tray messages can appear again
    finally:
        bus.close()


def test_after_the_session_bus_restarts_clicks_are_heard_on_the_new_one(
    qtbot, window: MainWindow, storage: Storage, desktop: DesktopSession, monkeypatch
) -> None:
    start_reminders(window, storage, window.clock)
    desktop.wait_displayed(1)
    desktop.restart_bus()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.address)
    clicks = window.desktop_clicks
    assert clicks is not None
    # The old connection's end is noticed; its closed socket is no longer watched (Qt
    # would warn, and the test fail, about an invalid socket).
    qtbot.waitUntil(lambda: not clicks.bus.is_open(), timeout=5_000)
    assert window.notifier.notify("2 项任务已逾期", "已逾期 2 项", [5, 23]) == "dbus"
    desktop.wait_displayed(1)
    with qtbot.waitSignal(clicks.clicked, timeout=5_000) as clicked:
        desktop.click_first()
    assert clicked.args == [[5, 23]]
