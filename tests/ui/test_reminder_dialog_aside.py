"""A task opened from the reminder dialog is left in view: the dialog moves (and shrinks if it
must) off the task's row and the task panel, and stays on the screen."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_app.ui.placement import place_aside
from desktop_app.ui.tray import TrayController
from tests.storage_helpers import FakeClock

FRIDAY = datetime(2024, 6, 14, 9, 0)
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@pytest.fixture
def window(make_window, make_storage, notifier, qapp, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = TrayController()
    window = make_window(
        make_storage(plan=True), FakeClock(FRIDAY), tray=tray, notifier=notifier, reminders=True
    )
    yield window
    tray.dispose()


def _covers(frame: QRect, areas: list[QRect]) -> list[QRect]:
    return [a for a in areas if frame.intersects(a)]


def test_the_dialog_moves_off_the_task_it_opened(qtbot, window) -> None:
    digest = window.reminders.start()
    assert digest is not None
    window.open_reminders(digest.task_ids)
    dialog = window.reminder_dialog
    qtbot.waitExposed(dialog)
    first, second = digest.task_ids[0], digest.task_ids[-1]
    # Where Qt puts it, over the middle of its window, it covers the task panel.
    assert _covers(dialog.frameGeometry(), window.shown_task_area())

    for task_id in (first, second):
        dialog.open_task(task_id)
        current = window.month_view.currentIndex()
        assert window.month_model.task_at(current).id == task_id  # the task is chosen
        shown = window.shown_task_area()
        assert len(shown) == 2  # its row and the task panel
        frame = dialog.frameGeometry()
        assert not _covers(frame, shown), (frame, shown)
        assert dialog.isVisible()
        assert window.screen().availableGeometry().contains(frame)


def test_a_task_opened_elsewhere_is_not_followed(qtbot, window) -> None:
    """Only a task opened from the dialog moves it: the dialog stays where the user put it
    when they choose a task in the window themselves."""
    digest = window.reminders.start()
    window.open_reminders(digest.task_ids)
    dialog = window.reminder_dialog
    qtbot.waitExposed(dialog)
    where = dialog.frameGeometry()
    window.open_tasks([digest.task_ids[0]])
    assert dialog.frameGeometry() == where


AREA = QRect(0, 0, 1024, 768)
SMALLEST = QSize(480, 240)


def test_it_keeps_its_size_when_there_is_room_and_moves_the_least() -> None:
    panel = QRect(700, 80, 324, 680)
    row = QRect(240, 400, 460, 24)
    frame = place_aside(QRect(100, 150, 600, 240), [panel, row], AREA, SMALLEST)
    assert frame.size() == QSize(600, 240)
    assert not frame.intersects(panel) and not frame.intersects(row)
    assert AREA.contains(frame)
    assert frame.topLeft() == QPoint(100, 150)  # it covered neither: it stays


def test_it_shrinks_when_it_must_and_never_leaves_the_screen() -> None:
    panel = QRect(600, 80, 424, 680)
    row = QRect(200, 300, 400, 24)
    frame = place_aside(QRect(60, 150, 904, 464), [panel, row], AREA, SMALLEST)
    assert not frame.intersects(panel) and not frame.intersects(row)
    assert AREA.contains(frame)
    assert frame.width() < 904 and frame.width() >= SMALLEST.width()
    assert frame.height() >= SMALLEST.height()


def test_with_no_free_place_it_covers_the_least() -> None:
    everything_but_a_strip = QRect(0, 0, 1024, 700)
    frame = place_aside(QRect(60, 150, 904, 464), [everything_but_a_strip], AREA, SMALLEST)
    assert frame.size() == SMALLEST and AREA.contains(frame)
    assert frame.bottom() == AREA.bottom()  # as low as it goes: the least covered
