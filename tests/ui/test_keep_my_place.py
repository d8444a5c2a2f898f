"""The window keeps my place: a restart opens the plan, department and view it was left on,
else my department when I have one."""

from __future__ import annotations

from datetime import datetime

from desktop_app.services import departments
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


def _storage(make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    return storage


def test_a_restart_opens_where_the_window_was_left(make_window, make_storage) -> None:
    storage = _storage(make_storage)
    window = make_window(storage, FakeClock(NOW))
    plans = [window.plan_combo.itemData(i) for i in range(window.plan_combo.count())]
    other = next(p for p in plans if p != window.plan_id)
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(other))
    office = departments.get_department("办公室", departments.plan_bureau(other)).id
    window.show_department(office)
    window.show_overview()
    window.close()
    again = make_window(storage, FakeClock(NOW))
    assert again.plan_id == other
    assert again.department_id == office
    assert again.views.currentWidget() is again.overview_view


def test_without_a_place_it_opens_on_my_only_department(make_window, make_storage) -> None:
    storage = _storage(make_storage)
    office = departments.get_department("办公室", "上海市司法局").id  # of the newest plan
    with storage.write():
        departments.set_my_departments_in_transaction([office])
    window = make_window(storage, FakeClock(NOW))
    assert window.department_id == office
    selected = window.department_view.currentIndex()
    assert window.department_model.department_id(selected) == office


def test_a_restart_keeps_the_filters_and_the_sorts(make_window, make_storage) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.ui.models.month_model import COL_DUE, COL_PLAN, COL_STATUS

    storage = _storage(make_storage)
    window = make_window(storage, FakeClock(NOW))
    window.status_filter.setCurrentIndex(window.status_filter.findData("open"))
    window.role_filter.setCurrentIndex(window.role_filter.findData("lead"))
    window.mine_only.setChecked(True)
    window.quick_filters.buttons["late"].click()
    window.search_scope.setCurrentIndex(window.search_scope.findData("all"))
    window.month_view.header().setSortIndicator(COL_STATUS, Qt.SortOrder.DescendingOrder)
    window.show_my_month()
    my_list = window.workspace.my_month.list
    my_list.header().setSortIndicator(COL_PLAN, Qt.SortOrder.AscendingOrder)
    window.show_months()
    late = [t.id for g in window.month_model.groups() for t in g.tasks]
    assert late
    window.show_my_month()
    window.close()

    again = make_window(storage, FakeClock(NOW))
    assert again.status_filter.currentData() == "open"
    assert again.role_filter.currentData() == "lead"
    assert again.mine_only.isChecked()
    assert again.quick_filters.current() == "late"
    assert again.quick_filters.buttons["late"].isChecked()
    assert again.search_scope.currentData() == "all"
    assert again.my_month_shown()
    assert again.month_view.sort_state() == (COL_STATUS, Qt.SortOrder.DescendingOrder)
    header = again.month_view.header()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_STATUS,
        Qt.SortOrder.DescendingOrder,
    )
    assert again.workspace.my_month.list.sort_state() == (COL_PLAN, Qt.SortOrder.AscendingOrder)
    again.show_months()
    assert [t.id for g in again.month_model.groups() for t in g.tasks] == late
    # A later session sorting by something else is kept too; the document's order as well.
    again.month_view.header().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
    again.month_view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    again.close()
    third = make_window(storage, FakeClock(NOW))
    assert third.month_view.sort_state()[0] == -1
    assert third.month_view.header().sortIndicatorSection() == -1
