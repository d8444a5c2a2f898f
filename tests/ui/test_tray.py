"""The tray icon, its menu and tooltip, the tray channel, the banner, the watch on the tray
host, and the program's icon files (the chain of channels: test_delivery.py)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_app.reminders.notifier import NotificationError
from desktop_app.ui.banner import NotificationBanner
from desktop_app.ui.tray import TrayController, TrayNotifier, pause_end

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
# Showing a tray icon where the platform has none (offscreen, with availability faked)
# makes Qt's fallback tray warn about a signal the offscreen platform lacks.
NO_TRAY_WARNING = "systemTrayWindowChanged"


def _tray_available(monkeypatch: pytest.MonkeyPatch, available: bool) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available))


@pytest.fixture
def controller(qapp):
    tray = TrayController(platform="linux")
    yield tray
    tray.dispose()


# -- the tray icon ---------------------------------------------------------------------


def test_menu_holds_the_actions_in_order(controller: TrayController) -> None:
    def shown() -> list[str]:
        menu = controller.tray.contextMenu().actions()
        return [a.text() for a in menu if not a.isSeparator() and a.isVisible()]

    assert shown() == ["打开", "今天的提醒", "暂停提醒一小时", "今天不再提醒", "退出"]
    controller.show_pause(datetime(2024, 6, 14, 10, 0))  # 恢复提醒 only while paused
    assert shown() == ["打开", "今天的提醒", "暂停提醒一小时", "今天不再提醒", "恢复提醒", "退出"]
    controller.show_pause(None)
    assert "恢复提醒" not in shown()
    assert controller.menu.defaultAction() is controller.open_action


@pytest.mark.parametrize(
    ("action", "signal", "args"),
    [
        ("open_action", "open_requested", []),
        ("today_action", "today_requested", []),
        ("pause_hour_action", "pause_requested", ["hour"]),
        ("pause_today_action", "pause_requested", ["today"]),
        ("resume_action", "resume_requested", []),
        ("quit_action", "quit_requested", []),
    ],
)
def test_menu_actions_emit_their_signals(
    qtbot, controller: TrayController, action: str, signal: str, args: list
) -> None:
    with qtbot.waitSignal(getattr(controller, signal), timeout=1000) as blocker:
        getattr(controller, action).trigger()
    assert blocker.args == args


def test_a_click_on_the_icon_opens_the_window(qtbot, controller: TrayController) -> None:
    reason = QSystemTrayIcon.ActivationReason
    for click in (reason.Trigger, reason.DoubleClick):
        with qtbot.waitSignal(controller.open_requested, timeout=1000):
            controller.tray.activated.emit(click)
    with qtbot.assertNotEmitted(controller.open_requested):
        controller.tray.activated.emit(reason.Context)


def test_on_macos_a_single_click_is_left_to_the_menu(qtbot) -> None:
    mac = TrayController(platform="darwin")
    try:
        with qtbot.assertNotEmitted(mac.open_requested):
            mac.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        with qtbot.waitSignal(mac.open_requested, timeout=1000):
            mac.tray.activated.emit(QSystemTrayIcon.ActivationReason.DoubleClick)
    finally:
        mac.dispose()


def test_tooltip_says_what_is_due_late_and_behind_schedule(controller: TrayController) -> None:
    assert (
        controller.tooltip() == "工作要点督办提醒\n本月待完成 0 项 · 逾期 0 项 · 未达序时进度 0 项"
    )
    controller.update_tooltip(12, 3, 5)
    assert (
        controller.tooltip() == "工作要点督办提醒\n本月待完成 12 项 · 逾期 3 项 · 未达序时进度 5 项"
    )


def test_without_a_system_tray_the_icon_stays_hidden(
    monkeypatch: pytest.MonkeyPatch, controller: TrayController
) -> None:
    _tray_available(monkeypatch, False)
    assert not controller.show()
    assert not controller.is_shown()


@pytest.mark.qt_log_ignore(NO_TRAY_WARNING)
def test_with_a_system_tray_the_icon_shows(
    monkeypatch: pytest.MonkeyPatch, controller: TrayController
) -> None:
    _tray_available(monkeypatch, True)
    assert controller.show()
    assert controller.is_shown()


# -- the tray channel ------------------------------------------------------------------


def test_tray_notifier_raises_when_no_tray_is_available(
    monkeypatch: pytest.MonkeyPatch, controller: TrayController
) -> None:
    _tray_available(monkeypatch, False)
    with pytest.raises(NotificationError) as caught:
        controller.notifier().notify("到期提醒", "2 项逾期", [1, 2])
    assert caught.value.code == "no_tray"
    assert not controller.is_shown()


@pytest.mark.qt_log_ignore(NO_TRAY_WARNING)
def test_tray_message_then_a_click_on_it_opens_its_tasks(
    qtbot, monkeypatch: pytest.MonkeyPatch, controller: TrayController
) -> None:
    _tray_available(monkeypatch, True)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    assert controller.notifier().notify("到期提醒", "2 项逾期", [5, 8]) == "tray"
    assert controller.is_shown()  # a message needs the icon in the tray
    with qtbot.waitSignal(controller.message_clicked, timeout=1000) as blocker:
        controller.tray.messageClicked.emit()
    assert blocker.args == [[5, 8]]


def test_tray_notifier_raises_when_the_tray_shows_no_messages(
    monkeypatch: pytest.MonkeyPatch, controller: TrayController
) -> None:
    _tray_available(monkeypatch, True)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: False))
    with pytest.raises(NotificationError) as caught:
        TrayNotifier(controller.tray).notify("t", "b", [])
    assert caught.value.code == "tray_no_messages"


# -- the tray host going away and coming back -----------------------------------------


@pytest.mark.qt_log_ignore(NO_TRAY_WARNING)
def test_the_tray_host_is_watched_and_the_icon_comes_back_with_it(qtbot) -> None:
    host = {"up": True}
    controller = TrayController(platform="linux", available=lambda: host["up"])
    try:
        assert controller.show() and controller.is_usable()
        assert controller.watch() is None  # nothing changed
        host["up"] = False  # the panel was restarted
        with qtbot.waitSignal(controller.availability_changed, timeout=1000) as gone:
            assert controller.watch() is False
        assert gone.args == [False] and not controller.is_usable()
        assert controller.watch() is None  # said once
        host["up"] = True
        with qtbot.waitSignal(controller.availability_changed, timeout=1000) as back:
            assert controller.watch() is True
        assert back.args == [True] and controller.is_shown() and controller.is_usable()
    finally:
        controller.dispose()


def test_the_tray_host_is_watched_by_a_timer_once_the_icon_shows_or_when_asked(qapp) -> None:
    from PySide6.QtCore import QTimer

    from desktop_app.ui.tray import TRAY_WATCH_MS

    controller = TrayController(platform="linux", available=lambda: False)
    try:
        watch = [t for t in controller.findChildren(QTimer) if t.interval() == TRAY_WATCH_MS]
        assert len(watch) == 1 and not watch[0].isActive()
        assert not controller.show()  # no tray: nothing to watch
        assert not watch[0].isActive()
        controller.watch_for_host()  # unless asked to wait for one
        assert watch[0].isActive()
    finally:
        controller.dispose()


@pytest.mark.qt_log_ignore(NO_TRAY_WARNING)
def test_a_tray_that_comes_after_the_program_takes_the_window_in(make_window) -> None:
    """At login the panel may start after us: once it is there, the icon shows and closing
    the window hides it in the tray instead of quitting."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import put_in_tray
    from tests.storage_helpers import FakeClock

    app = QApplication.instance()
    host = {"up": False}
    controller = TrayController(platform="linux", available=lambda: host["up"])
    window = make_window(None, FakeClock(datetime(2024, 6, 14, 9, 0)), show=False)
    try:
        assert put_in_tray(app, window, controller) is False
        assert window.tray is None and app.quitOnLastWindowClosed()
        host["up"] = True
        assert controller.watch() is True
        assert window.tray is controller and controller.is_shown()
        assert not app.quitOnLastWindowClosed()
    finally:
        app.setQuitOnLastWindowClosed(True)
        controller.dispose()


# -- the banner ------------------------------------------------------------------------


def test_banner_shows_the_text_and_opens_the_tasks(qtbot) -> None:
    banner = NotificationBanner()
    qtbot.addWidget(banner)
    assert banner.isHidden()
    banner.show_notification("到期提醒", "信息处：3 项任务本月到期", [3, 1, 2])
    assert not banner.isHidden()
    assert banner.title_label.text() == "到期提醒"
    assert banner.body_label.text() == "信息处：3 项任务本月到期"
    assert banner.view_button.text() == "查看" and banner.close_button.text() == "关闭"
    assert not banner.view_button.isHidden()
    with qtbot.waitSignal(banner.open_requested, timeout=1000) as blocker:
        qtbot.mouseClick(banner.view_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[3, 1, 2]]
    assert banner.isHidden()


def test_banner_close_hides_and_a_banner_without_tasks_has_nothing_to_open(qtbot) -> None:
    banner = NotificationBanner()
    qtbot.addWidget(banner)
    banner.show_notification("测试提醒", "<b>not markup</b>", [])
    assert banner.view_button.isHidden()
    assert banner.body_label.textFormat() == Qt.TextFormat.PlainText
    with qtbot.assertNotEmitted(banner.open_requested):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden() and banner.task_ids() == []


def test_pause_lasts_an_hour_or_until_tomorrow() -> None:
    now = datetime(2024, 12, 31, 16, 45)
    assert pause_end("hour", now) == datetime(2024, 12, 31, 17, 45)
    assert pause_end("today", now) == datetime(2025, 1, 1, 0, 0)
    with pytest.raises(ValueError):
        pause_end("week", now)


# -- the icon files --------------------------------------------------------------------


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ICONS / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


def test_app_png_is_a_256_pixel_icon_with_transparent_corners(qapp) -> None:
    image = QImage(str(ICONS / "app.png"))
    assert image.width() == image.height() == 256
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(128, 20).alpha() == 255  # the red square


def test_app_ico_holds_every_size_as_png(qapp) -> None:
    entries = make_icons.read_ico((ICONS / "app.ico").read_bytes())
    assert [(w, h) for w, h, _ in entries] == [(s, s) for s in make_icons.ICO_SIZES]
    for size, _, data in entries:
        assert data.startswith(make_icons.PNG_SIGNATURE)
        assert QImage.fromData(data, "PNG").width() == size
    reader = QImageReader(str(ICONS / "app.ico"))  # and Qt reads the container itself
    assert reader.imageCount() == len(make_icons.ICO_SIZES)
    sizes = set()
    for i in range(reader.imageCount()):
        assert reader.jumpToImage(i)
        sizes.add(reader.read().width())
    assert sizes == set(make_icons.ICO_SIZES)


def test_ico_container_round_trip_and_rejects() -> None:
    png = make_icons.PNG_SIGNATURE + b"rest"
    data = make_icons.ico_bytes([(16, png), (256, png + b"!")])
    assert data[:6] == b"\0\0\1\0\2\0"
    assert data[6] == 16 and data[22] == 0  # 256 is written as 0
    assert make_icons.read_ico(data) == [(16, 16, png), (256, 256, png + b"!")]
    with pytest.raises(ValueError):
        make_icons.ico_bytes([(300, png)])
    with pytest.raises(ValueError):
        make_icons.ico_bytes([(16, b"BM not a png")])
    with pytest.raises(ValueError):
        make_icons.read_ico(b"\0\0\2\0\1\0")  # a cursor, not an icon
    with pytest.raises(ValueError):
        make_icons.read_ico(data[:-3])


def test_make_icons_writes_both_files(qapp, tmp_path: Path) -> None:
    png_path, ico_path = make_icons.write_icons(tmp_path)
    assert QImage(str(png_path)).width() == 256
    assert len(make_icons.read_ico(ico_path.read_bytes())) == len(make_icons.ICO_SIZES)
    small = make_icons.draw_icon(16)
    assert small.width() == 16 and small.pixelColor(8, 1).alpha() > 0
