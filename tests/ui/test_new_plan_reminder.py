"""A plan imported in the window is reminded at once: its "新导入" digest comes at the first
check after the import, once, and after the "my departments" question has been answered
(so that it is the liaison's own tasks)."""

from __future__ import annotations

from datetime import datetime

import pytest

from db import repository
from db.connection import Storage
from desktop_app.reminders.notifier import RecordingNotifier
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window import ASKED_MINE_KEY, MainWindow
from desktop_app.ui.my_departments import MyDepartmentsDialog
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

WEDNESDAY_EVENING = datetime(2024, 6, 12, 18, 0)
LATE = (5, 54, 23, 58)
PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(WEDNESDAY_EVENING)


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier("dbus")


@pytest.fixture
def window(make_window, storage: Storage, notifier: RecordingNotifier) -> MainWindow:
    """A new user's window on an empty database, reminders running."""
    window = make_window(storage, FakeClock(WEDNESDAY_EVENING), notifier=notifier, reminders=True)
    assert window.reminders is not None
    assert window.reminders.start() is None  # nothing imported yet
    return window


def test_the_first_import_is_reminded_once_the_departments_are_chosen(
    window: MainWindow, notifier: RecordingNotifier
) -> None:
    assert window.reminders is not None
    window._after_import(import_file(window.storage, PLAN_003))
    dialog = window.mine_dialog
    assert isinstance(dialog, MyDepartmentsDialog) and dialog.isVisible()
    assert window.reminders.is_held()
    assert window.reminders.check_now() is None and notifier.attempts == []  # waits
    dialog.check("行政复议科")
    dialog.accept()
    assert not window.reminders.is_held()
    [sent] = notifier.calls
    assert sent.title == "新导入的工作要点中有 1 项任务已逾期"
    [task] = repository.tasks(task_ids=list(sent.task_ids))
    assert task.id in LATE and "行政复议科" in (*task.lead, *task.responsible)
    assert window.reminders.check_now() is None  # once
    assert len(notifier.calls) == 1


def test_a_question_put_off_still_lets_the_digest_come(
    window: MainWindow, notifier: RecordingNotifier
) -> None:
    assert window.reminders is not None
    window._after_import(import_file(window.storage, PLAN_003))
    window.mine_dialog.reject()  # 以后再说: every department then
    [sent] = notifier.calls
    assert sorted(sent.task_ids) == sorted(LATE)


def test_a_later_import_is_reminded_by_the_scheduler_s_own_job(
    qtbot, window: MainWindow, notifier: RecordingNotifier
) -> None:
    """No question this time: the import's rebuild puts the job at once, and the real
    APScheduler job fires it."""
    assert window.reminders is not None
    window.app_settings.setValue(ASKED_MINE_KEY, True)
    with qtbot.waitSignal(window.reminders.delivered, timeout=10_000) as delivered:
        window._after_import(import_file(window.storage, PLAN_003))
    assert delivered.args[0].kind == "new_plan"
    assert [sorted(c.task_ids) for c in notifier.calls] == [sorted(LATE)]
