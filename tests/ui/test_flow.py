"""The whole first day, as a liaison lives it: start, import 003 through the wizard (fixing a
task's missing owner), choose my department, read the counts and the month, mark a task done,
look at the overview, search."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from db import repository
from desktop_app.services import departments
from desktop_app.ui.import_wizard import PREVIEW_PAGE, SUMMARY_PAGE, ImportWizard
from desktop_app.ui.models.department_model import DEPARTMENT_ID_ROLE
from desktop_app.ui.models.month_model import TASK_ID_ROLE
from desktop_app.ui.models.overview_model import DEPARTMENT_ID_ROLE as CELL_DEPARTMENT
from desktop_app.ui.models.preview_model import HAS_WARNING_ROLE, RESPONSIBLE
from desktop_app.ui.my_departments import MyDepartmentsDialog
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

TODAY = datetime(2024, 3, 18, 9, 0)
TASK_5 = "5. 做好向区委常委会汇报2023年度法治普陀建设相关工作。（责任部门：依法治区工作科。完成时间：3月）"


def test_first_day_with_the_program(qtbot, tmp_path: Path, make_window, make_storage) -> None:
    text = (FIXTURES / f"{PLAN_2024_DISTRICT}.txt").read_text(encoding="utf-8")
    assert TASK_5 in text
    plan_file = tmp_path / "2024年工作要点.txt"
    plan_file.write_text(
        text.replace(TASK_5, TASK_5.replace("责任部门：依法治区工作科。", "")), encoding="utf-8"
    )
    storage = make_storage(TODAY)
    clock = FakeClock(TODAY)
    window = make_window(storage, clock)

    # First start: the welcome page; 导入工作要点… opens the wizard.
    assert window.pages.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    wizard = window.wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    with qtbot.waitSignal(wizard.file_read, timeout=30_000) as read:
        wizard.load_file(plan_file)
    assert read.args == [True]
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    model = wizard.model
    assert model.rowCount() == 89
    row = next(r for r in range(model.rowCount()) if model.task(r).label == "5")
    assert model.index(row, 0).data(HAS_WARNING_ROLE)
    # The preview is fixed before anything is written.
    assert model.setData(model.index(row, RESPONSIBLE), "依法治区工作科", Qt.ItemDataRole.EditRole)
    assert not model.index(row, 0).data(HAS_WARNING_ROLE)
    assert repository.plans() == []
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == SUMMARY_PAGE
    assert "新增 89 项" in wizard.summary_label.text()
    assert window.mine_dialog is None  # nothing covers the summary while it is read
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)

    # After the first import (its wizard closed) the window asks which departments are mine.
    dialog = window.mine_dialog
    assert isinstance(dialog, MyDepartmentsDialog) and dialog.isVisible()
    dialog.some_button.setChecked(True)
    dialog.check("依法治区工作科")
    dialog.accept()
    review = repository.find_department("依法治区工作科")
    assert review is not None and departments.my_department_ids() == [review.id]
    fixed = next(t for t in repository.tasks() if t.label == "5")
    assert fixed.responsible == ("依法治区工作科",)

    # The department list: mine first, with what falls due in March.
    first = window.department_model.index(1)
    assert first.data(DEPARTMENT_ID_ROLE) == review.id
    march = [t for t in repository.department_month_tasks(review.id, 2024, 3)]
    assert f"本月 {len(march)}" in first.data(Qt.ItemDataRole.DisplayRole)
    window.department_view.setCurrentIndex(first)

    # The month view opens on March; task 5 is there. Mark it done.
    month_row = window.month_model.group_row("2024-03")
    march_index = window.month_model.index(month_row, 0)
    assert window.month_view.isExpanded(march_index)
    shown = [
        window.month_model.index(r, 0, march_index).data(TASK_ID_ROLE)
        for r in range(window.month_model.rowCount(march_index))
    ]
    assert fixed.id in shown
    window.month_view.setCurrentIndex(window.month_model.find_task(fixed.id))
    done = next(
        b for b in window.task_panel.status_buttons.buttons() if b.property("status") == "done"
    )
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    stored = repository.task(fixed.id)
    assert stored is not None and (stored.status, stored.completed_on) == (
        "done",
        date(2024, 3, 18),
    )
    still_open = len(march) - 1
    label = window.department_model.index(1).data(Qt.ItemDataRole.DisplayRole)
    assert (f"本月 {still_open}" in label) if still_open else ("本月" not in label)

    # The overview: a click on a department's December cell opens that month.
    qtbot.mouseClick(window.overview_button, Qt.MouseButton.LeftButton)
    grid = window.overview_model
    cell = next(
        grid.index(r, 11)
        for r in range(grid.rowCount())
        if grid.index(r, 11).data(CELL_DEPARTMENT) == review.id
    )
    qtbot.mouseClick(
        window.overview_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.overview_view.visualRect(cell).center(),
    )
    assert window.views.currentWidget() is window.month_view
    december = window.month_model.index(window.month_model.group_row("2024-12"), 0)
    assert window.month_view.isExpanded(december)
    assert window.month_model.rowCount(december) == len(
        repository.department_month_tasks(review.id, 2024, 12)
    )

    # Search across the plan.
    window.show_department(-1)
    with qtbot.waitSignal(window.view_updated, timeout=2000):
        window.search_box.insert("法治观察")
    found = {t.id for g in window.month_model.groups() if g.key != "late" for t in g.tasks}
    assert found and found == {t.id for t in repository.search("法治观察", limit=1000)}
