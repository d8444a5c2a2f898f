"""Several tasks selected in the month list and marked 已完成 (or 进行中) at once: Ctrl-click,
Ctrl+A within a group, the context menu, the toolbar's action and Ctrl+D; one transaction,
each task's history naming its change, the list read once and the rows still selected; more
than five asked about first, 取消 the default. 撤销 after: the toolbar's button, 任务 →
撤销上次标记 or Ctrl+Z in the list puts each task back where it stood (its status and the day
it was done); a task changed again since is left as it is and the message says so. The
real district plan ``003_…``."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar

from db import journal, repository
from desktop_app.services import plans, tasks
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window.batch_status import CONFIRM_ABOVE
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


@pytest.fixture
def window(make_window, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(storage, FakeClock(NOW), active=True)
    window.resize(1366, 768)
    return window


def _rows_of(window, key: str):
    model = window.month_model
    group = model.index(model.group_row(key), 0)
    window.month_view.expand(group)
    return [model.index(r, 0, group) for r in range(model.rowCount(group))]


def _click(window, qtbot, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.month_view
    view.scrollTo(index)
    rect = view.visualRect(index.siblingAtColumn(1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _selected_ids(window) -> set[int]:
    return {task_id for task_id, _g in window.month_view.selected_tasks()}


def test_ctrl_click_selects_three_and_one_action_marks_them_done(window, qtbot) -> None:
    rows = _rows_of(window, "2024-12")[:5]
    _click(window, qtbot, rows[0])
    for index in (rows[2], rows[4]):
        _click(window, qtbot, index, Qt.KeyboardModifier.ControlModifier)
    chosen = [window.month_model.task_at(i).id for i in (rows[0], rows[2], rows[4])]
    assert _selected_ids(window) == set(chosen)
    assert window.task_panel.current_task_id() == chosen[2]  # the current row, as before
    assert window.done_action.isEnabled()
    menu = window.list_menu(window.month_view)
    texts = [a.text() for a in menu.actions()]
    assert texts[:3] == ["已选 3 项任务", "标为已完成", "标为进行中"]
    updates = []
    window.view_updated.connect(lambda: updates.append(1))
    window.done_action.trigger()
    assert updates == [1]  # read once
    assert {t.status for t in repository.tasks(task_ids=chosen)} == {"done"}
    for task_id in chosen:
        (change,) = journal.history(task_id)
        assert change.field == "status" and change.new_value.startswith("已完成")
    assert _selected_ids(window) == set(chosen)  # still selected
    assert window.task_panel.current_task_id() == chosen[2]
    done = next(b for b in window.task_panel.status_buttons.buttons() if b.isChecked())
    assert done.property("status") == "done"  # the panel shows the change
    assert "3" in window.statusBar().currentMessage()


def test_ctrl_d_marks_the_selection_while_the_list_has_the_focus(window, qtbot) -> None:
    rows = _rows_of(window, "2024-06")
    _click(window, qtbot, rows[0])
    _click(window, qtbot, rows[1], Qt.KeyboardModifier.ShiftModifier)
    chosen = _selected_ids(window)
    assert len(chosen) == 2
    qtbot.keyClick(window.month_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert {t.status for t in repository.tasks(task_ids=list(chosen))} == {"done"}
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.month_view, Qt.Key.Key_D, keys)
    assert {t.status for t in repository.tasks(task_ids=list(chosen))} == {"in_progress"}


def test_ctrl_a_takes_the_group_and_many_are_asked_about_no_first(window, qtbot) -> None:
    rows = _rows_of(window, "2024-12")
    assert len(rows) > CONFIRM_ABOVE
    _click(window, qtbot, rows[0])
    qtbot.keyClick(window.month_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    december = {window.month_model.task_at(i).id for i in rows}
    assert _selected_ids(window) == december  # that group only, not the other months
    window.done_action.trigger()
    box = window.batch_question
    assert box is not None and str(len(december)) in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.batch_question is None
    assert {t.status for t in repository.tasks(task_ids=list(december))} == {"not_started"}
    window.done_action.trigger()
    window.batch_question.button(QMessageBox.StandardButton.Yes).click()
    assert {t.status for t in repository.tasks(task_ids=list(december))} == {"done"}


def test_a_late_task_selected_in_both_its_groups_changes_once(window, qtbot) -> None:
    late = _rows_of(window, "late")
    task = window.month_model.task_at(late[0])
    month = window.month_model.find_task(task.id)  # its copy under its month
    assert window.month_model.group_key_of(month) != "late"
    _click(window, qtbot, late[0])
    _click(window, qtbot, month, Qt.KeyboardModifier.ControlModifier)
    assert len(window.month_view.selected_tasks()) == 2
    window.in_progress_action.trigger()
    assert len(journal.history(task.id)) == 1
    assert repository.task(task.id).status == "in_progress"


# -- 撤销 ---------------------------------------------------------------------------------


def _select(window, qtbot, key: str, count: int) -> list[int]:
    """The first ``count`` tasks of a group, Ctrl-clicked."""
    rows = _rows_of(window, key)[:count]
    _click(window, qtbot, rows[0])
    for index in rows[1:]:
        _click(window, qtbot, index, Qt.KeyboardModifier.ControlModifier)
    return [window.month_model.task_at(i).id for i in rows]


def _states(ids: list[int]) -> list[tuple[str, date | None]]:
    by_id = {t.id: t for t in repository.tasks(task_ids=ids, include_archived=True)}
    return [(by_id[i].status, by_id[i].completed_on) for i in ids]


def test_the_status_bars_undo_puts_each_task_back(window, qtbot) -> None:
    ids = _select(window, qtbot, "2024-12", 3)
    storage = window.storage
    tasks.set_status(storage, ids[1], "in_progress")
    window.refresh_view()
    _select(window, qtbot, "2024-12", 3)
    assert not window.undo_status_action.isEnabled()
    window.done_action.trigger()
    assert {s for s, _d in _states(ids)} == {"done"}
    toolbar = window.findChild(QToolBar, "main_toolbar")
    button = toolbar.widgetForAction(window.undo_status_action)
    assert button.isEnabled() and button.text() == "撤销"
    assert "撤销" in window.statusBar().currentMessage()  # and says how

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _states(ids) == [("not_started", None), ("in_progress", None), ("not_started", None)]
    assert "3" in window.statusBar().currentMessage()
    assert not button.isEnabled() and not window.undo_status_action.isEnabled()
    # The history says both: done, then back.
    last_two = [c.new_value for c in journal.history(ids[1])[-2:]]
    assert sorted(v[:3] for v in last_two) == ["已完成", "进行中"]
    # Nothing left to undo: a second 撤销 changes nothing.
    window.undo_status_action.trigger()
    assert _states(ids)[1] == ("in_progress", None)


def test_a_task_changed_since_is_left_and_the_message_says_so(window, qtbot) -> None:
    ids = _select(window, qtbot, "2024-12", 3)
    window.done_action.trigger()
    tasks.set_status(window.storage, ids[0], "in_progress")  # in the task panel, meanwhile
    window.undo_status_action.trigger()
    assert _states(ids) == [("in_progress", None), ("not_started", None), ("not_started", None)]
    message = window.statusBar().currentMessage()
    assert "2" in message and "1" in message and "未动" in message


def test_undo_gives_a_task_done_earlier_its_own_day_back(window, qtbot) -> None:
    ids = _select(window, qtbot, "2024-06", 2)
    tasks.set_status(window.storage, ids[0], "done", completed_on=date(2024, 6, 3))
    window.refresh_view()
    _select(window, qtbot, "2024-06", 2)
    window.in_progress_action.trigger()
    assert {s for s, _d in _states(ids)} == {"in_progress"}
    qtbot.keyClick(window.month_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _states(ids) == [("done", date(2024, 6, 3)), ("not_started", None)]


def test_ctrl_z_in_the_search_box_is_the_boxs_own(window, qtbot) -> None:
    ids = _select(window, qtbot, "2024-12", 2)
    window.done_action.trigger()
    box = window.search_box
    box.setFocus()
    box.insert("普法")  # typed (keyClicks takes ASCII only)
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == ""  # the typing undone
    assert {s for s, _d in _states(ids)} == {"done"}  # the marking not
    assert window.undo_status_action.isEnabled()


def test_a_task_changed_and_changed_back_since_is_left(window, qtbot) -> None:
    """Done by the marking, then 进行中 and 已完成 again in the task panel: changed since,
    though its status is the one the marking gave."""
    ids = _select(window, qtbot, "2024-12", 3)
    window.done_action.trigger()
    tasks.set_status(window.storage, ids[0], "in_progress")
    tasks.set_status(window.storage, ids[0], "done", completed_on=date(2024, 6, 19))
    window.undo_status_action.trigger()
    assert _states(ids) == [
        ("done", date(2024, 6, 19)),
        ("not_started", None),
        ("not_started", None),
    ]
    assert "未动" in window.statusBar().currentMessage()


def test_undo_after_the_plan_was_deleted_and_imported_again_touches_no_new_task(
    window, qtbot
) -> None:
    """The plan imported again has new tasks (SQLite may give them the old numbers); one
    done since in the task panel is not the marking's."""
    ids = _select(window, qtbot, "2024-12", 3)
    window.done_action.trigger()
    storage = window.storage
    plans.delete_plan(storage, window.plan_id)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window.reload()
    again = {t.text: t.id for t in repository.tasks()}
    done_since = [i for i in again.values() if i in ids]
    assert done_since  # the numbers came back
    for task_id in done_since:
        tasks.set_status(storage, task_id, "done")
    window.undo_status_action.trigger()
    assert {t.status for t in repository.tasks(task_ids=done_since)} <= {"done"}
