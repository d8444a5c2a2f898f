"""我的本月任务: my departments' open tasks due this month and my late ones, of every plan
(here the city bureau's ``000_…`` and the district's ``003_…``), each row naming its plan;
a click shows the task in the panel, whose buttons work on it; with no department of mine
it says so and offers the 我的部门 dialog."""

from __future__ import annotations

from datetime import datetime

import pytest

from db import repository
from desktop_app.reminders.digest import plan_label
from desktop_app.services import departments
from desktop_app.services.importer import import_file
from desktop_app.ui.models.month_model import COL_PLAN
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)
TODAY = NOW.date()
MINE = (
    ("办公室", "上海市司法局"),
    ("复议一处", "上海市司法局"),
    ("行政复议科", "上海市普陀区司法局"),
)


@pytest.fixture
def storage(make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    return storage


def _mine(storage) -> list[int]:
    ids = [departments.get_department(name, bureau).id for name, bureau in MINE]
    departments.set_my_departments(storage, ids)
    return ids


def _expected(window, mine: list[int]) -> set[int]:
    soon = window.soon_until()
    open_tasks = repository.tasks(department_ids=mine, statuses=("not_started", "in_progress"))
    return {
        t.id
        for t in open_tasks
        if t.state(TODAY, soon) == "late"
        or (t.due is not None and (t.due.year, t.due.month) == (2024, 6))
    }


def _listed(window) -> list:
    model = window.my_month_model
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows += [model.index(r, 0, group) for r in range(model.rowCount(group))]
    return rows


def test_it_lists_my_tasks_of_this_month_and_late_of_every_plan(storage, make_window) -> None:
    mine = _mine(storage)
    window = make_window(storage, FakeClock(NOW))
    window.my_month_button.click()
    assert window.my_month_shown() and window.workspace.my_month.showing_list()
    model = window.my_month_model
    rows = _listed(window)
    listed = {model.task_at(i).id for i in rows}
    assert listed == _expected(window, mine)
    assert len({model.task_at(i).plan_id for i in rows}) == 2  # both bureaus' plans
    assert [g.key for g in model.groups()] == ["late", "2024-06"]
    for index in rows:
        task = model.task_at(index)
        assert index.siblingAtColumn(COL_PLAN).data() == plan_label(task.plan_title)
        assert task.status in ("not_started", "in_progress")
    summary = window.workspace.my_month.summary.text()
    assert "复议一处" in summary and "2 个计划" in summary
    assert not window.search_scope.isEnabled()  # it is of every plan already


def test_a_row_opens_in_the_panel_and_its_buttons_work(storage, make_window) -> None:
    _mine(storage)
    window = make_window(storage, FakeClock(NOW))
    window.show_my_month()
    model, view = window.my_month_model, window.workspace.my_month.list
    june = model.index(model.group_row("2024-06"), 0)
    index = model.index(0, 0, june)
    task = model.task_at(index)
    view.setCurrentIndex(index)
    assert window.task_panel.current_task_id() == task.id
    done = next(
        b for b in window.task_panel.status_buttons.buttons() if b.property("status") == "done"
    )
    done.click()
    assert repository.task(task.id).status == "done"
    assert task.id not in {model.task_at(i).id for i in _listed(window)}  # no longer open
    assert window.my_month_shown()


def test_a_task_of_the_other_plan_shows_its_own_sections(storage, make_window) -> None:
    _mine(storage)
    window = make_window(storage, FakeClock(NOW))
    window.show_my_month()
    model = window.my_month_model
    other = next(i for i in _listed(window) if model.task_at(i).plan_id != window.plan_id)
    task = model.task_at(other)
    window.workspace.my_month.list.setCurrentIndex(other)
    titles = repository.section_titles(task.plan_id)
    top = task.section_path[0]
    assert titles[top] in window.task_panel.path_label.text()


def test_without_a_department_of_mine_it_says_so_and_offers_to_choose(
    storage, make_window, qtbot
) -> None:
    window = make_window(storage, FakeClock(NOW))
    window.show_my_month()
    page = window.workspace.my_month
    assert not page.showing_list()
    assert "还没有选择我的部门" in page.unchosen_label.text()
    page.choose_button.click()
    dialog = window.mine_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.check("复议一处")
    dialog.accept()
    qtbot.waitUntil(page.showing_list)
    assert window.my_month_shown()
    office = departments.get_department("复议一处", "上海市司法局").id
    assert {window.my_month_model.task_at(i).id for i in _listed(window)} == _expected(
        window, [office]
    )


def test_a_plan_chosen_goes_back_to_the_months(storage, make_window) -> None:
    _mine(storage)
    window = make_window(storage, FakeClock(NOW))
    window.show_my_month()
    other = next(
        window.plan_combo.itemData(i)
        for i in range(window.plan_combo.count())
        if window.plan_combo.itemData(i) != window.plan_id
    )
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(other))
    assert not window.my_month_shown() and window.months_button.isChecked()
    assert {t.plan_id for g in window.month_model.groups() for t in g.tasks} == {other}
