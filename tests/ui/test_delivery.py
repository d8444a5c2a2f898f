"""The window's chain of channels (desktop notification, tray message, banner, reminder
window) on the real widgets offscreen, the words that say which one showed a reminder or
why none could, and the window when the tray host goes away."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.reminders.notifier import (
    FallbackNotifier,
    NotificationError,
    RecordingNotifier,
)
from desktop_app.ui.delivery import (
    WindowNotifier,
    build_notifier,
    failure_text,
    send_test_notification,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tray import TrayController
from tests.storage_helpers import FakeClock

TODAY = datetime(2024, 6, 20, 10, 0)
pytestmark = pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def window(make_window, make_storage):
    return make_window(make_storage(TODAY), FakeClock(TODAY))


def _chain(window: MainWindow, desktop: RecordingNotifier, tray: TrayController | None = None):
    return build_notifier(desktop, tray, window.show_banner, window.show_popup)


def test_the_chain_is_desktop_tray_banner_then_the_reminder_window(
    qapp, window: MainWindow
) -> None:
    tray = TrayController(platform="linux", available=lambda: False)
    try:
        chain = _chain(window, RecordingNotifier("dbus"), tray)
        assert chain.channels == ("dbus", "tray", "banner", "popup")
        assert _chain(window, RecordingNotifier("plyer")).channels == ("plyer", "banner", "popup")
    finally:
        tray.dispose()


def test_with_the_desktop_and_tray_failing_the_banner_shows_it_in_the_window(
    window: MainWindow,
) -> None:
    tray = TrayController(platform="linux", available=lambda: False)  # offscreen: no tray
    try:
        chain = _chain(window, RecordingNotifier("dbus", fail="no_service"), tray)
        assert chain.notify("1 项任务已逾期", "已逾期 1 项", [7]) == "banner"
        assert window.banner.isVisible() and window.banner.task_ids() == [7]
        assert [(name, e.code) for name, e in chain.last_failures] == [
            ("dbus", "no_service"),
            ("tray", "no_tray"),
        ]
    finally:
        tray.dispose()


def test_with_the_window_hidden_the_reminder_window_shows_it_on_top(
    qtbot, window: MainWindow
) -> None:
    window.hide()
    chain = _chain(window, RecordingNotifier("dbus", fail="no_session_bus"))
    assert chain.notify("2 项任务即将到期", "6月30日截止 2 项", [3, 4]) == "popup"
    assert window.isHidden()  # the main window is not pushed in front of the user's work
    popup = window.popup
    assert popup.isVisible() and popup.task_ids() == [3, 4]
    assert popup.title_label.text() == "2 项任务即将到期"
    assert [(name, e.code) for name, e in chain.last_failures] == [
        ("dbus", "no_session_bus"),
        ("banner", "window_hidden"),
    ]
    with qtbot.waitSignal(popup.open_requested, timeout=1000) as opened:
        popup.view_button.click()
    assert opened.args == [[3, 4]] and popup.isHidden()


def test_the_reminder_window_shows_all_of_a_long_digest_inside_the_screen(
    qtbot, window: MainWindow
) -> None:
    window.hide()
    lines = [
        f"· 6月30日截止｜行政应诉科：组织法制干部培训班，进一步提高全区法制干部履职{i}…"
        for i in range(3)
    ]
    body = "\n".join(["6月30日截止 5 项；需记录本季度进展 7 项", *lines, "另有 9 项，点击查看全部"])
    window.show_popup("12 项任务需要关注", body, [1, 2])
    popup = window.popup
    qtbot.waitExposed(popup)
    screen = popup.screen().availableGeometry()
    assert screen.contains(popup.frameGeometry())  # in the corner, not past the edge
    label = popup.body_label
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off
    assert popup.view_button.geometry().top() >= label.geometry().bottom()


def test_a_minimised_window_counts_as_hidden_for_the_banner(window: MainWindow) -> None:
    window.showMinimized()
    with pytest.raises(NotificationError) as caught:
        WindowNotifier("banner", window.show_banner).notify("t", "b", [1])
    assert caught.value.code == "window_hidden"


def test_a_broken_window_channel_is_a_failure_not_a_crash() -> None:
    def gone(title, body, task_ids):
        raise RuntimeError("Internal C++ object already deleted")

    for notifier in (WindowNotifier("banner", gone), WindowNotifier("popup", gone)):
        with pytest.raises(NotificationError) as caught:
            notifier.notify("t", "b", [])
        assert caught.value.code == "window_failed"


# -- the words ------------------------------------------------------------------------


def test_the_test_button_names_the_channel_that_showed_it(qapp) -> None:
    assert send_test_notification(RecordingNotifier("dbus")) == "测试提醒已通过系统通知显示。"
    assert send_test_notification(RecordingNotifier("tray")) == "测试提醒已通过托盘消息显示。"
    chain = FallbackNotifier(
        [RecordingNotifier("dbus", fail="no_service"), RecordingNotifier("banner")]
    )
    said = send_test_notification(chain)
    assert said == (
        "测试提醒已通过主窗口顶部的提示条显示。\n这些方式没有成功：\n"
        "· 系统通知：桌面上没有运行通知服务"
    )


def test_the_test_button_says_plainly_when_nothing_could_show_it(qapp) -> None:
    chain = FallbackNotifier(
        [
            RecordingNotifier("dbus", fail="no_session_bus"),
            RecordingNotifier("tray", fail="no_tray"),
            RecordingNotifier("banner", fail="window_hidden"),
            RecordingNotifier("popup", fail="window_failed"),
        ]
    )
    said = send_test_notification(chain)
    assert said.startswith("测试提醒没有发出，没有一种方式能够显示它：\n")
    assert "· 系统通知：没有桌面会话（D-Bus 会话总线）" in said
    assert "· 托盘消息：桌面没有系统托盘" in said
    assert "· 主窗口顶部的提示条：主窗口没有显示" in said
    assert "· 提醒小窗口：窗口无法显示" in said
    assert "已通过" not in said
    alone = send_test_notification(RecordingNotifier("dbus", fail="no_service"))
    assert alone.endswith("· 系统通知：桌面上没有运行通知服务")
    assert send_test_notification(None) == "测试提醒没有发出：提醒功能尚未启动。"


def test_every_failure_code_has_words(qapp) -> None:
    from desktop_app.reminders.notifier import FAILURE_CODES

    generic = failure_text(NotificationError("failed"))
    for code in FAILURE_CODES:
        if code not in ("failed", "none_worked"):
            assert failure_text(NotificationError(code)) != generic, code


def test_the_test_button_in_the_settings_reports_through_the_window(window: MainWindow) -> None:
    window.notifier = FallbackNotifier(
        [RecordingNotifier("dbus", fail="no_service"), RecordingNotifier("banner")]
    )
    window.open_settings()
    window.settings_dialog.reminders_page.test_button.click()
    assert window._note.text().startswith("测试提醒已通过主窗口顶部的提示条显示。")
    assert "桌面上没有运行通知服务" in window._note.text()
    window._note.close()
    window.settings_dialog.reject()


def test_the_settings_show_where_the_log_is(window: MainWindow, tmp_path: Path) -> None:
    from desktop_app import logs

    path = logs.configure_logging(tmp_path / "logs")
    try:
        window.open_settings()
        assert window.settings_dialog.general_page.log_file_edit.text() == str(path)
        assert window.settings_dialog.general_page.log_file_edit.isReadOnly()
        window.settings_dialog.reject()
    finally:
        logs.remove_file_logging()


# -- the tray host going away ---------------------------------------------------------


def test_closing_the_window_after_the_tray_host_left_minimises_instead_of_hiding(
    window: MainWindow,
) -> None:
    host = {"up": True}
    tray = TrayController(platform="linux", available=lambda: host["up"])
    try:
        tray.tray.show = lambda: None  # offscreen has no tray; pretend the icon is in it
        tray.tray.isVisible = lambda: True
        window.attach_tray(tray)
        host["up"] = False  # the panel is restarted
        window.close()
        assert window.isVisible() and window.isMinimized()  # on the taskbar, not lost
        host["up"] = True
        window.showNormal()
        window.close()
        assert window.isHidden()  # with a tray again, closing hides into it
    finally:
        tray.dispose()


def test_a_window_hidden_in_a_tray_that_goes_away_comes_back_minimised(
    window: MainWindow,
) -> None:
    tray = TrayController(platform="linux", available=lambda: True)
    try:
        window.attach_tray(tray)
        window.hide()
        tray.availability_changed.emit(False)
        assert window.isVisible() and window.isMinimized()
    finally:
        tray.dispose()


def test_a_click_on_a_notification_without_tasks_only_opens_the_window(
    window: MainWindow,
) -> None:
    window.hide()
    window.open_reminders([])  # the test notification
    assert window.isVisible() and window.reminder_dialog is None


def test_a_tray_whose_messages_cannot_appear_is_passed_over(window: MainWindow) -> None:
    def service_gone() -> None:
        raise NotificationError("no_service", "the tray's messages go through it")

    tray = TrayController(platform="linux", available=lambda: True)
    try:
        chain = build_notifier(
            RecordingNotifier("dbus", fail="no_service"),
            tray,
            window.show_banner,
            window.show_popup,
            tray_check=service_gone,
        )
        assert chain.notify("1 项任务已逾期", "已逾期 1 项", [7]) == "banner"
        assert [(n, e.code) for n, e in chain.last_failures] == [
            ("dbus", "no_service"),
            ("tray", "no_service"),
        ]
    finally:
        tray.dispose()


def test_a_window_behind_another_shows_the_reminder_window_on_top(
    qtbot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QWidget

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    other = QWidget()  # the liaison is typing in another program
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=2_000)
    chain = _chain(window, RecordingNotifier("dbus", fail="no_service"))
    assert chain.notify("1 项任务已逾期", "已逾期 1 项", [7]) == "popup"
    assert ("banner", "window_behind") in [(n, e.code) for n, e in chain.last_failures]
    assert failure_text(NotificationError("window_behind")) == "主窗口不在最前面"
