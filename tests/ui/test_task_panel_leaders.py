"""The task panel names a task's leaders (责任领导) after its owners, and only when the plan
names any; a revision that changes them shows in the panel's history."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from db import repository
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.services.importer import import_file
from desktop_app.ui.task_panel import TaskPanel
from tests.test_leaders import ROWS, leader_plan

NOW = datetime(2024, 6, 3, 9, 0)


def _panel(qtbot, storage) -> TaskPanel:
    panel = TaskPanel(storage, lambda: date(2024, 6, 3), WorkCalendar())
    qtbot.addWidget(panel)
    return panel


def _task(label: str) -> int:
    return next(t.id for t in repository.tasks() if t.label == label)


def test_the_panel_shows_the_leaders_after_the_owners(qtbot, make_storage, tmp_path: Path) -> None:
    storage = make_storage(NOW)
    import_file(storage, leader_plan(tmp_path, ROWS))
    panel = _panel(qtbot, storage)
    panel.show_task(_task("1"))
    shown = panel.owners_label.text()
    assert "责任领导：张三、王五" in shown
    assert shown.index("责任部门：") < shown.index("责任领导：")
    panel.show_task(_task("2"))
    assert "责任领导" not in panel.owners_label.text()  # none named: no empty line


def test_a_revision_of_the_leaders_is_in_the_panels_history(
    qtbot, make_storage, tmp_path: Path
) -> None:
    storage = make_storage(NOW)
    import_file(storage, leader_plan(tmp_path, ROWS))
    revised = [(*ROWS[0][:2], "李四", *ROWS[0][3:]), ROWS[1]]
    import_file(storage, leader_plan(tmp_path, revised, "revised.docx"))
    panel = _panel(qtbot, storage)
    panel.show_task(_task("1"))
    history = [panel.history.item(i).text() for i in range(panel.history.count())]
    assert any("责任领导：张三、王五 → 李四、王五" in line for line in history), history
    assert "责任领导：李四、王五" in panel.owners_label.text()
