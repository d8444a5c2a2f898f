"""The main window living in the tray: close-to-tray explained once, the tooltip following the
counts, the tray menu's pause, reminders opening their tasks, the test notification, and a
second start handing over to the first."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from db import repository
from db.connection import Storage
from desktop_app.reminders.notifier import RecordingNotifier
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from desktop_app.services.settings import reminder_settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.single_instance import SingleInstance, instance_key
from desktop_app.ui.tray import TrayController
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

TODAY = datetime(2024, 6, 20, 10, 0)
# Offscreen has no tray (its fallback warns when shown with availability faked) and cannot
# raise a window.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(TODAY)


@pytest.fixture
def tray(qapp, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    controller = TrayController()
    yield controller
    controller.dispose()


@pytest.fixture
def make_window(make_window, storage):
    def make(tray: TrayController | None = None) -> MainWindow:
        return make_window(storage, FakeClock(TODAY), tray=tray)

    return make


def test_closing_keeps_the_program_in_the_tray_and_says_so_once(make_window, tray) -> None:
    window = make_window(tray)
    assert not window.close()
    assert window.isHidden()
    assert window._note is not None and "后台" in window._note.text()
    assert window.app_settings.value("tray/close_explained", type=bool)
    note = window._note
    note.close()
    tray.open_requested.emit()
    assert window.isVisible()
    window.close()
    assert window.isHidden() and window._note is note  # no second explanation


def test_without_a_tray_closing_closes(make_window) -> None:
    window = make_window()
    assert window.close()


def test_quit_from_the_tray_really_closes(make_window, tray) -> None:
    window = make_window(tray)
    tray.quit_action.trigger()
    assert window.isHidden() and window._note is None


def test_the_tooltip_follows_the_counts(make_window, tray, storage) -> None:
    window = make_window(tray)
    assert tray.tooltip().endswith("本月待完成 0 项 · 逾期 0 项 · 未达序时进度 0 项")
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window.reload()
    due, late, lagging = window.due_counts
    today, soon = window.today(), window.soon_until()
    behind = [t for t in repository.tasks() if t.state(today, soon) == "lagging"]
    assert late > 0 and lagging == len(behind) > 0
    assert tray.tooltip().endswith(
        f"本月待完成 {due} 项 · 逾期 {late} 项 · 未达序时进度 {lagging} 项"
    )
    # A progress note this month puts a task back on schedule: one fewer.
    tasks.add_note(storage, behind[0].id, "已形成初稿")
    window.reload()
    assert window.due_counts == (due, late, lagging - 1)
    assert tray.tooltip().endswith(f"未达序时进度 {lagging - 1} 项")
    assert f"未达序时进度 {lagging - 1} 项" in window.status_label.text()


def test_pause_from_the_tray_is_stored(make_window, tray) -> None:
    window = make_window(tray)
    tray.pause_hour_action.trigger()
    until = reminder_settings().paused_until
    assert until is not None
    assert timedelta(minutes=59) < until - TODAY < timedelta(minutes=61)
    tray.pause_today_action.trigger()
    assert reminder_settings().paused_until == datetime(2024, 6, 21, 0, 0)
    assert "提醒已暂停" in window.statusBar().currentMessage()
    # The tray says so, and offers to resume.
    assert "提醒已暂停，到 06-21 00:00 恢复" in tray.tooltip()
    assert tray.resume_action.isVisible()
    tray.resume_action.trigger()
    assert reminder_settings().paused_until is None
    assert "暂停" not in tray.tooltip() and not tray.resume_action.isVisible()
    assert window.statusBar().currentMessage() == "提醒已恢复。"


def test_a_click_on_a_reminder_opens_its_task(make_window, tray, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(tray)
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    late = repository.overdue(TODAY.date())[0]
    window.hide()
    tray.remember_message([late.id])
    tray.tray.messageClicked.emit()
    assert window.isVisible()
    assert window.task_panel.current_task_id() == late.id


def test_the_banner_is_the_last_resort_and_opens_its_tasks(qtbot, make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    task = repository.overdue(TODAY.date())[0]
    window.show_banner("到期提醒", "1 项逾期", [task.id])
    assert window.banner.isVisible()
    window.banner.view_button.click()
    assert window.banner.isHidden()
    assert window.task_panel.current_task_id() == task.id


def test_settings_test_button_sends_through_the_notifier(make_window) -> None:
    window = make_window()
    window.notifier = RecordingNotifier("tray")
    window.open_settings()
    window.settings_dialog.reminders_page.test_button.click()
    assert len(window.notifier.calls) == 1
    assert "托盘" in window._note.text()
    window._note.close()
    window.settings_dialog.reject()


def test_a_second_start_hands_over_to_the_first(qtbot, tmp_path: Path) -> None:
    """A real second process: it finds the first, says "show", and exits without a window."""
    folder = tmp_path / "data"
    first = SingleInstance(instance_key(folder))
    assert first.claim()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    try:
        with qtbot.waitSignal(first.message_received, timeout=20_000) as blocker:
            second = subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "--data-dir", str(folder)], env=env
            )
        assert blocker.args == [b"show"]
        assert second.wait(timeout=20) == 0
        assert not folder.exists()  # the second start touched nothing
    finally:
        first.release()
