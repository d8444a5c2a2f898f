"""撤销 after marking several tasks at once: the status bar's button or 任务 → 撤销上次标记
(Ctrl+Z in the list) puts each task back where it stood (its status and the day it was
done), its history recording the change; a task changed again since is left as it is and
the message says so. The real district plan ``003_…``."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from db import journal, repository
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
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


def _select(window, qtbot, key: str, count: int) -> list[int]:
    model, view = window.month_model, window.month_view
    group = model.index(model.group_row(key), 0)
    view.expand(group)
    rows = [model.index(r, 0, group) for r in range(count)]
    for k, index in enumerate(rows):
        view.scrollTo(index)
        rect = view.visualRect(index.siblingAtColumn(1))
        modifier = Qt.KeyboardModifier.ControlModifier if k else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    return [model.task_at(i).id for i in rows]


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
    assert window.undo_button.isVisible() and window.undo_status_action.isEnabled()

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert _states(ids) == [("not_started", None), ("in_progress", None), ("not_started", None)]
    assert "3" in window.statusBar().currentMessage()
    assert not window.undo_button.isVisible() and not window.undo_status_action.isEnabled()
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
