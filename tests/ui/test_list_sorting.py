"""Sorting the month list by a click on a column's header: within each group (逾期 on top,
the months, ongoing and undated work stay where they are), a second click the other way,
a third back to the document's order, the arrow showing which. The real district plan
``003_…`` on 20 June 2024, a few tasks done or in progress so that the states differ."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from db import repository
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from desktop_app.services.overview import SEVERITY
from desktop_app.ui.models.month_model import COL_DUE, COL_LABEL, COL_STATUS, STATE_ROLE
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


@pytest.fixture
def window(make_window, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    december = repository.tasks(due_from=date(2024, 12, 1), due_to=date(2024, 12, 31))
    for row in december[1::4]:
        tasks.set_status(storage, row.id, "done")
    for row in december[2::4]:
        tasks.set_status(storage, row.id, "in_progress")
    window = make_window(storage, FakeClock(NOW))
    window.resize(1366, 768)
    return window


def _click_header(window, qtbot, column: int) -> None:
    header = window.month_view.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(window.month_view.sort_changed):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _labels(window) -> dict[str, list[str]]:
    return {g.key: [t.label for t in g.tasks] for g in window.month_model.groups()}


def _column(window, key: str, role: int, column: int) -> list:
    model = window.month_model
    group = model.index(model.group_row(key), 0)
    return [model.index(r, column, group).data(role) for r in range(model.rowCount(group))]


def test_three_clicks_sort_up_down_and_back_to_the_document(window, qtbot) -> None:
    document = _labels(window)
    keys = list(document)
    assert keys[0] == "late" and "ongoing" in keys
    december = document["2024-12"]
    by_number = sorted(december, key=int)
    assert sorted(december) != by_number  # text order would put "10" before "9"
    header = window.month_view.header()

    _click_header(window, qtbot, COL_LABEL)
    assert _labels(window)["2024-12"] == by_number
    assert list(_labels(window)) == keys  # the groups stay
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_LABEL,
        Qt.SortOrder.AscendingOrder,
    )
    _click_header(window, qtbot, COL_LABEL)
    assert _labels(window)["2024-12"] == by_number[::-1]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    _click_header(window, qtbot, COL_LABEL)
    assert _labels(window) == document
    assert header.sortIndicatorSection() == -1


def test_the_status_column_sorts_the_worst_first(window, qtbot) -> None:
    before = _column(window, "2024-12", STATE_ROLE, COL_LABEL)
    assert len(set(before)) > 1
    rank = [SEVERITY.index(s) for s in before]
    assert rank != sorted(rank)  # the document's order is not already by state
    _click_header(window, qtbot, COL_STATUS)
    for group in window.month_model.groups():
        states = _column(window, group.key, STATE_ROLE, COL_LABEL)
        ranks = [SEVERITY.index(s) for s in states]
        assert ranks == sorted(ranks), group.key
    shown = _column(window, "2024-12", Qt.ItemDataRole.DisplayRole, COL_STATUS)
    assert shown.index("未开始") < shown.index("进行中") < shown.index("已完成")


def test_the_sort_outlasts_a_filter_and_keeps_the_row_chosen(window, qtbot) -> None:
    model, view = window.month_model, window.month_view
    december = model.index(model.group_row("2024-12"), 0)
    view.expand(december)
    view.setCurrentIndex(model.index(3, 0, december))
    chosen = window.task_panel.current_task_id()
    _click_header(window, qtbot, COL_DUE)
    _click_header(window, qtbot, COL_DUE)  # latest first
    assert model.task_at(view.currentIndex()).id == chosen  # the same task stays current
    late = _column(window, "late", Qt.ItemDataRole.DisplayRole, COL_DUE)
    assert late == sorted(late, reverse=True) and late != sorted(late)
    window.status_filter.setCurrentIndex(window.status_filter.findData("open"))
    late = _column(window, "late", Qt.ItemDataRole.DisplayRole, COL_DUE)
    assert late == sorted(late, reverse=True)


def test_labels_of_chinese_numerals_sort_by_their_value(make_window, make_storage, qtbot) -> None:
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    window = make_window(storage, FakeClock(NOW))
    _click_header(window, qtbot, COL_LABEL)
    december = _labels(window)["2024-12"]
    assert december.index("（四）") < december.index("（十）-1") < december.index("（十一）-1")


def test_the_sorted_model_passes_the_model_tester(window, qtbot, qtmodeltester) -> None:
    _click_header(window, qtbot, COL_STATUS)
    qtmodeltester.check(window.month_model)
    window.search_scope.setCurrentIndex(window.search_scope.findData("all"))
    window.search_box.setText("法治")
    window.refresh_view()
    assert window.month_model.shows_plans()
    qtmodeltester.check(window.month_model)
    window.show_my_month()
    qtmodeltester.check(window.my_month_model)
