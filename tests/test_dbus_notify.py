"""The D-Bus notifier against a real daemon (dunst on a private session bus): what it sends,
what counts as shown, and the click that comes back on the same connection."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.reminders.dbus_notify import DBusNotifier, NotificationBus
from desktop_app.reminders.notifier import NotificationError, notification_icon
from tests.helpers.desktop_session import DesktopSession


def _notifier(desktop: DesktopSession, **options) -> DBusNotifier:
    return DBusNotifier(
        "工作要点督办提醒", notification_icon("linux"), address=desktop.address, **options
    )


def test_task_text_is_never_read_as_markup(desktop: DesktopSession) -> None:
    _notifier(desktop).notify("1 项任务即将到期", "完成<b>重点</b>任务 & 报送", [])
    [shown] = desktop.notifications()
    # dunst keeps the body as received and renders it as markup: it came escaped
    assert shown["body"] == "完成&lt;b&gt;重点&lt;/b&gt;任务 &amp; 报送"


def test_a_notification_with_tasks_is_clicked_back_on_the_same_connection(
    desktop: DesktopSession,
) -> None:
    bus = NotificationBus(desktop.address)
    bus.open()
    sent: list[tuple[int, tuple[int, ...]]] = []
    try:
        notifier = _notifier(desktop, bus=bus, on_sent=lambda i, t: sent.append((i, t)))
        assert notifier.notify("2 项任务已逾期", "已逾期 2 项", [5, 23]) == "dbus"
        assert sent == [(notifier.last_id, (5, 23))]
        desktop.wait_displayed(1)
        desktop.click_first()
        deadline = time.monotonic() + 5
        signals = []
        while not signals and time.monotonic() < deadline:
            signals = [s for s in bus.read() if s.member == "ActionInvoked"]
            time.sleep(0.02)
        assert [(s.notification_id, s.action) for s in signals] == [(notifier.last_id, "default")]
    finally:
        bus.close()


def test_no_service_on_the_bus_is_a_failure_with_its_reason(desktop: DesktopSession) -> None:
    desktop.stop_dunst()
    with pytest.raises(NotificationError) as caught:
        _notifier(desktop).notify("t", "b", [1])
    assert caught.value.code == "no_service" and "ServiceUnknown" in caught.value.detail


def test_a_bus_that_is_not_there_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    missing = f"unix:path={tmp_path / 'no-bus'}"
    with pytest.raises(NotificationError) as caught:
        DBusNotifier("x", None, address=missing).notify("t", "b", [])
    assert caught.value.code == "no_session_bus"


def test_a_kept_connection_reconnects_after_the_daemon_restarts(desktop: DesktopSession) -> None:
    bus = NotificationBus(desktop.address)
    try:
        notifier = _notifier(desktop, bus=bus)
        notifier.notify("第一条", "b", [])  # opens the kept connection
        desktop.stop_dunst()
        with pytest.raises(NotificationError):
            notifier.notify("第二条", "b", [])
        desktop.start_dunst()
        assert notifier.notify("第三条", "b", []) == "dbus"
        assert [n["summary"] for n in desktop.notifications()] == ["第三条"]
    finally:
        bus.close()


class _RecordingBus:
    """Stands in for the session bus: answers as dunst does, keeps what was sent."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []
        self.capabilities: tuple[str, ...] | None = None

    def is_open(self) -> bool:
        return True

    def call(self, method: str, signature: str | None = None, body: tuple = ()) -> tuple:
        self.calls.append((method, body))
        return (["actions", "body", "body-markup"],) if method == "GetCapabilities" else (7,)


def test_what_is_sent_name_icon_actions_hints_and_timeout() -> None:
    bus = _RecordingBus()
    notifier = DBusNotifier("工作要点督办提醒", notification_icon("linux"), bus=bus)
    assert notifier.notify("2 项任务已逾期", "已逾期 2 项", [5, 23]) == "dbus"
    (_, (name, replaces, icon, title, body, actions, hints, timeout)) = bus.calls[-1]
    assert (name, replaces, title, body) == ("工作要点督办提醒", 0, "2 项任务已逾期", "已逾期 2 项")
    assert Path(icon) == notification_icon("linux") and Path(icon).is_file()
    assert actions == ["default", "查看全部"] and timeout == 15_000
    assert hints == {"desktop-entry": ("s", "deadline-reminder"), "urgency": ("y", 1)}
    assert notifier.last_id == 7


def test_nothing_to_click_without_tasks_or_for_a_sender_that_exits() -> None:
    bus = _RecordingBus()
    DBusNotifier("x", None, bus=bus).notify("测试提醒", "b", [])
    DBusNotifier("x", None, bus=bus, clickable=False).notify("1 项任务即将到期", "b", [1])
    assert [body[5] for method, body in bus.calls if method == "Notify"] == [[], []]
