"""The reminder dialog in the real window: a click on a notification (tray message, banner)
lists exactly its tasks, the tray's 今天的提醒 lists what is unanswered, each task can be
acknowledged or put off (recorded in the reminder log, the schedule rebuilt) or opened in
the main window.

003 imported; Friday 14 June 2024 at 09:00 the digest of the five tasks due 30 June.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QSystemTrayIcon

from db import repository
from db.connection import Storage
from db.models import ReminderLog
from desktop_app.reminders import Notification
from desktop_app.services import departments
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reminder_dialog import (
    COL_DUE,
    COL_OWNERS,
    COL_PLAN,
    COL_TEXT,
    ReminderDialog,
)
from desktop_app.ui.tray import TrayController
from tests.conftest import FIXTURES, PLAN_2024_CITY
from tests.storage_helpers import FakeClock

FRIDAY = datetime(2024, 6, 14, 9, 0)
JUNE_30 = (27, 30, 31, 48, 71)
LATE = (5, 54, 23, 58)  # due 31 March and 31 January
# Offscreen has no tray, cannot raise a window, nor grab the keyboard for a popup menu.
pytestmark = pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged",
    "does not support raise",
    "does not support grabbing the keyboard",
)


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(plan=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FRIDAY)


@pytest.fixture
def tray(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[TrayController]:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    controller = TrayController()
    yield controller
    controller.dispose()


@pytest.fixture
def window(make_window, storage: Storage, clock: FakeClock, notifier, tray) -> MainWindow:
    """The window as run_gui builds it: in the tray, reminders on, Friday's digest delivered."""
    return make_window(storage, clock, tray=tray, notifier=notifier, reminders=True)


@pytest.fixture
def digest(window: MainWindow) -> Notification:
    assert window.reminders is not None
    notification = window.reminders.start()
    assert notification is not None and sorted(notification.task_ids) == sorted(JUNE_30)
    return notification


def _log(event: str) -> list[tuple[int, datetime | None]]:
    return [
        (r.task_id, r.snooze_until)
        for r in ReminderLog.select().where(ReminderLog.event == event).order_by(ReminderLog.id)
    ]


def _dialog(window: MainWindow) -> ReminderDialog:
    dialog = window.reminder_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_click_on_the_tray_message_lists_exactly_its_tasks(
    window: MainWindow, tray: TrayController, digest: Notification
) -> None:
    window.hide()
    tray.remember_message(digest.task_ids)  # what the tray notifier does when it shows one
    tray.tray.messageClicked.emit()
    assert window.isVisible()
    dialog = _dialog(window)
    assert dialog.task_ids() == list(digest.task_ids)  # most urgent first, as in the digest
    assert not dialog.isModal()  # the window stays usable behind it
    assert dialog.heading.text() == "5 项任务的提醒待处理"
    item = dialog.item_of(27)
    assert item.text(0) and item.text(COL_TEXT).startswith("编纂《行政复议行政诉讼典型案例汇编》")
    assert item.text(COL_DUE) == "2024-06-30"
    assert "行政复议科" in item.text(COL_OWNERS)
    assert dialog.tree.isColumnHidden(COL_PLAN)  # one plan: no column to say which


def test_acknowledge_snooze_and_acknowledge_all_are_logged_and_rebuild(
    qtbot, window: MainWindow, digest: Notification, clock: FakeClock
) -> None:
    window.open_reminders(digest.task_ids)
    dialog = _dialog(window)
    scheduler = window.reminders
    assert scheduler is not None
    acknowledge, snooze = dialog.row_buttons(27)
    with qtbot.waitSignal(scheduler.rebuilt):
        acknowledge.click()
    assert [task_id for task_id, _ in _log("acknowledged")] == [27]
    assert 27 not in dialog.task_ids()

    # 稍后提醒 ▾ on task 30: the choices as they stand now, one hour picked.
    clock.set(FRIDAY.replace(minute=5))
    acknowledge, snooze = dialog.row_buttons(30)
    snooze.click()
    menu = dialog.snooze_menu
    labels = [a.text() for a in menu.actions()]
    assert labels == [
        "1 小时后（10:05）",
        "下一个工作日 6月17日 09:00",
        "3 个工作日后 6月19日 09:00",
    ]
    with qtbot.waitSignal(scheduler.rebuilt) as rebuilt:
        menu.actions()[0].trigger()
    menu.close()
    [(task_id, until)] = _log("snoozed")
    assert task_id == 30 and until is not None
    assert until.replace(second=0) == datetime(2024, 6, 14, 10, 5)
    assert rebuilt.args == [until]  # the snooze is the next reminder
    assert dialog.task_ids() == [t for t in digest.task_ids if t not in (27, 30)]

    # 全部知道了 answers the rest and closes the dialog.
    with qtbot.waitSignal(scheduler.rebuilt):
        dialog.acknowledge_all_button.click()
    assert sorted(t for t, _ in _log("acknowledged")) == sorted(set(JUNE_30) - {30})
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.isHidden()
    pending = scheduler.service.pending_digest(clock())
    assert pending is None


def test_clicking_a_task_opens_it_in_the_main_window(
    qtbot, window: MainWindow, digest: Notification
) -> None:
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))  # hides it
    window.open_reminders(digest.task_ids)
    dialog = _dialog(window)
    item = dialog.item_of(48)
    rect = dialog.tree.visualItemRect(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.task_panel.current_task_id() == 48
    assert dialog.isVisible()  # still there for the other tasks
    assert _log("acknowledged") == []  # opening is not answering


def test_the_tray_s_today_lists_what_is_late_or_near_even_when_answered(
    window: MainWindow, tray: TrayController, digest: Notification
) -> None:
    window.open_reminders(digest.task_ids)
    _dialog(window).acknowledge([27, 31])
    window.reminder_dialog.close()
    tray.today_action.trigger()  # 今天的提醒
    dialog = _dialog(window)
    # Acknowledged or not, due on 30 June; and late since March and January.
    assert sorted(dialog.task_ids()) == sorted(JUNE_30 + LATE)
    assert dialog.task_ids()[:5] == list(digest.task_ids)  # most urgent first


def test_today_lists_the_late_tasks_before_any_digest_went_out(
    window: MainWindow, tray: TrayController
) -> None:
    tray.today_action.trigger()  # Friday before 09:00's digest: nothing was shown yet
    assert sorted(_dialog(window).task_ids()) == sorted(JUNE_30 + LATE)


def test_today_with_nothing_late_or_near_says_so(
    window: MainWindow, tray: TrayController, clock: FakeClock
) -> None:
    clock.set(datetime(2024, 1, 2, 9, 0))  # the plan's first deadline is weeks away
    tray.today_action.trigger()
    dialog = _dialog(window)
    assert dialog.task_ids() == []
    assert dialog.heading.text() == "没有待处理的提醒。"
    assert not dialog.acknowledge_all_button.isEnabled()


def test_the_banner_s_view_button_opens_the_dialog(
    window: MainWindow, digest: Notification
) -> None:
    window.show_banner(digest.title, digest.body, digest.task_ids)
    window.banner.view_button.click()
    assert _dialog(window).task_ids() == list(digest.task_ids)


def test_a_task_done_since_the_reminder_is_not_listed(
    window: MainWindow, storage: Storage, digest: Notification
) -> None:
    from desktop_app.services import tasks

    tasks.set_status(storage, 71, "done")
    window.open_reminders(digest.task_ids)
    assert 71 not in _dialog(window).task_ids()


def test_a_task_deleted_meanwhile_gives_a_message_not_a_traceback(
    window: MainWindow, storage: Storage, digest: Notification
) -> None:
    from db import repository
    from desktop_app.services import plans

    window.open_reminders(digest.task_ids)
    dialog = _dialog(window)
    plan_id = repository.task(27).plan_id
    plans.delete_plan(storage, plan_id)  # e.g. from the command line, the dialog still open
    assert not dialog.acknowledge([27])
    assert dialog.message.isVisible() and "27" in dialog.message.text()
    assert 27 in dialog.task_ids()


def test_tomorrow_is_named_when_it_is_a_working_day(window: MainWindow, clock: FakeClock) -> None:
    clock.set(datetime(2024, 6, 13, 16, 0))  # a Thursday
    window.open_reminders(list(JUNE_30))
    dialog = _dialog(window)
    labels = [a.text() for a in dialog.show_snooze_menu([30]).actions()]
    assert labels[1] == "明天 09:00"
    assert dialog.snooze([30], "tomorrow")
    assert _log("snoozed") == [(30, FRIDAY)]
    with pytest.raises(ValueError):
        dialog.snooze([31], "next_year")


def test_two_plans_offices_are_told_apart_in_the_dialog_and_the_digest(
    make_window, storage: Storage, clock: FakeClock, notifier, tray
) -> None:
    """My departments: the 办公室 of the district and of the city. The reminders list each
    one's own tasks, and say whose plan each task is."""
    from desktop_app.reminders.service import ReminderService

    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    offices = repository.departments_named("办公室")
    assert len(offices) == 2
    departments.set_my_departments(storage, [d.id for d in offices])
    attention = ReminderService(storage, clock=clock).attention(datetime(2024, 12, 20, 9, 0))
    assert attention is not None
    plans = {repository.task(i).plan_id for i in attention.task_ids}
    assert len(plans) == 2
    assert "上海市司法局政务公开·" in attention.body or "普陀区司法行政·" in attention.body
    window = make_window(storage, clock, tray=tray, notifier=notifier, reminders=True)
    window.open_reminders(attention.task_ids)
    dialog = _dialog(window)
    assert not dialog.tree.isColumnHidden(COL_PLAN)
    shown = {dialog.item_of(i).text(COL_PLAN) for i in attention.task_ids}
    assert shown == {"上海市司法局政务公开", "普陀区司法行政"}
    # neither office is reminded of the other bureau's 各司法所 or 各部门 tasks by name alone
    for task_id in attention.task_ids:
        task = repository.task(task_id)
        assert "办公室" in task.lead + task.responsible or task.collective
