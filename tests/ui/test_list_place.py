"""Where the month list stands: a new selection (plan, department, filter, search) shows it
from the top, "逾期未完成" in view; a change to the task chosen (a note, a status) leaves the
list where it was, on the row the user chose."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from db import repository
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.month_model import GROUP_KEY_ROLE, TASK_ID_ROLE
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOVEMBER = datetime(2024, 11, 20, 10, 0)


@pytest.fixture
def window(make_window, make_storage) -> MainWindow:
    storage = make_storage(NOVEMBER)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(storage, FakeClock(NOVEMBER))
    window.resize(1024, 700)
    QApplication.processEvents()
    return window


def _scroll_to_the_bottom(window: MainWindow) -> None:
    window.month_view.expandAll()
    QApplication.processEvents()
    bar = window.month_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0


def _late_title_in_view(window: MainWindow) -> bool:
    model, view = window.month_model, window.month_view
    late = model.index(model.group_row("late") or 0, 0)
    return view.viewport().rect().contains(view.visualRect(late))


def test_a_filter_change_scrolls_to_the_top(window) -> None:
    _scroll_to_the_bottom(window)
    window.status_filter.setCurrentIndex(window.status_filter.findData("open"))
    QApplication.processEvents()
    bar = window.month_view.verticalScrollBar()
    assert bar.maximum() > 0  # still more than a screen: the top is a choice, not the end
    assert bar.value() == 0 and _late_title_in_view(window)


def test_a_department_or_a_search_shows_its_list_from_the_top(window) -> None:
    bar = window.month_view.verticalScrollBar()
    _scroll_to_the_bottom(window)
    window.show_department(repository.find_department("综合监督科").id)
    QApplication.processEvents()
    assert bar.value() == 0 and _late_title_in_view(window)

    _scroll_to_the_bottom(window)
    window.search_box.setText("法治")
    window.refresh_view()  # what the search box's timer does
    QApplication.processEvents()
    assert bar.value() == 0


def test_a_note_leaves_the_list_on_the_row_chosen(window, qtbot) -> None:
    """A late task is listed under 逾期 and under its month: the note is added on the 逾期
    copy, and the list stays there, scrolled and opened as the user left it."""
    model, view = window.month_model, window.month_view
    late = model.index(model.group_row("late") or 0, 0)
    row = model.index(model.rowCount(late) - 1, 0, late)
    task_id = row.data(TASK_ID_ROLE)
    view.setExpanded(model.index(model.group_row("2024-01") or 0, 0), True)  # opened by hand
    view.setCurrentIndex(row)
    QApplication.processEvents()
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0  # the last late task is below the first screen
    opened = [g.key for r, g in enumerate(model.groups()) if view.isExpanded(model.index(r, 0))]

    panel = window.task_panel
    panel.note_edit.setPlainText("已报送材料")
    with qtbot.waitSignal(window.view_updated):
        panel.save_note_button.click()
    current = view.currentIndex()
    assert current.data(TASK_ID_ROLE) == task_id
    assert current.parent().data(GROUP_KEY_ROLE) == "late"
    assert view.verticalScrollBar().value() == scrolled
    assert [
        g.key for r, g in enumerate(model.groups()) if view.isExpanded(model.index(r, 0))
    ] == opened
    assert panel.notes.count() == 1
