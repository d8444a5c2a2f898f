"""The search says what it covers and shows what it found: the placeholder names the plan's
department (or every plan, with the scope box), the matches are marked in the task text and
the owners, a match in an owner the narrow column would cut leads the cell, and the tooltip
has the whole text. The real plans ``000_…`` (city) and ``003_…`` (district)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from db import repository
from db.search import match_spans
from desktop_app.reminders.digest import plan_label
from desktop_app.services import departments
from desktop_app.services.importer import import_file
from desktop_app.ui.models.highlight import lead_in
from desktop_app.ui.models.month_model import (
    COL_OWNERS,
    COL_PLAN,
    COL_TEXT,
    MATCHES_ROLE,
    OWNERS_HTML_ROLE,
)
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


@pytest.fixture
def window(make_window, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    district = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt").plan_id
    window = make_window(storage, FakeClock(NOW))
    window.resize(1024, 700)
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(district))
    return window


def _search(window, text: str) -> None:
    window.search_box.setText(text)
    window.refresh_view()  # what the box's timer does 200 ms later


def _rows(window):
    model = window.month_model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            yield model.index(r, 0, group)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")


def test_the_placeholder_says_where_the_search_looks(window) -> None:
    box = window.search_box
    assert box.placeholderText() == "在本计划的全部部门中搜索"
    office = departments.get_department("办公室", departments.plan_bureau(window.plan_id))
    window.show_department(office.id)
    assert box.placeholderText() == "在本计划的办公室中搜索"
    assert "办公室" in box.toolTip() and "全部计划" in box.toolTip()
    window.search_scope.setCurrentIndex(window.search_scope.findData("all"))
    assert box.placeholderText() == "在全部计划中搜索"
    width = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert width < box.width() - 24  # at 1024 px, not cut


def test_matches_are_marked_in_the_text_and_the_owners(window) -> None:
    _search(window, "行政复议")
    rows = list(_rows(window))
    assert rows
    in_text = [i for i in rows if i.siblingAtColumn(COL_TEXT).data(MATCHES_ROLE)]
    assert in_text
    for index in in_text:
        text = index.siblingAtColumn(COL_TEXT).data()
        for start, end in index.siblingAtColumn(COL_TEXT).data(MATCHES_ROLE):
            assert text[start:end] == "行政复议"
        tip = index.siblingAtColumn(COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
        assert _plain(tip) == text  # the whole text
    owners = rows[0].siblingAtColumn(COL_OWNERS).data(OWNERS_HTML_ROLE)
    assert "background-color" in owners and "行政复议" in owners


def test_a_match_in_a_later_owner_leads_the_owners_cell(window) -> None:
    _search(window, "公证处")
    found = [i for i in _rows(window)]
    assert found
    later = [
        i
        for i in found
        if window.month_model.task_at(i).lead[:1] != ("公证处",)
        and window.month_model.task_at(i).lead
    ]
    assert later  # tasks whose first owner is another department
    for index in later:
        html = index.siblingAtColumn(COL_OWNERS).data(OWNERS_HTML_ROLE)
        assert _plain(html).startswith("公证处")
        tip = _plain(index.siblingAtColumn(COL_OWNERS).data(Qt.ItemDataRole.ToolTipRole))
        task = window.month_model.task_at(index)
        assert all(name in tip for name in task.lead + task.responsible)


def test_every_plan_is_searched_when_asked_and_the_rows_name_their_plan(window) -> None:
    _search(window, "公证")
    here = {window.month_model.task_at(i).plan_id for i in _rows(window)}
    assert here == {window.plan_id}
    assert window.month_model.columnCount() == COL_PLAN  # no plan column for one plan
    window.search_scope.setCurrentIndex(window.search_scope.findData("all"))
    rows = list(_rows(window))
    everywhere = {window.month_model.task_at(i).id for i in rows}
    assert everywhere == {t.id for t in repository.search("公证", limit=1000)}
    assert len({window.month_model.task_at(i).plan_id for i in rows}) == 2
    for index in rows:
        task = window.month_model.task_at(index)
        assert index.siblingAtColumn(COL_PLAN).data() == plan_label(task.plan_title)
    window.month_view.setCurrentIndex(rows[0])  # a task of either plan opens in the panel
    assert window.task_panel.current_task_id() == window.month_model.task_at(rows[0]).id


def test_a_match_beyond_the_cell_moves_the_start_of_the_text() -> None:
    def advance(text: str) -> int:
        return 10 * len(text)  # ten pixels a character

    text = "一" * 40 + "普法" + "二" * 10
    spans = match_spans(text, "普法")
    assert lead_in(text, spans, advance, 600) == (text, spans)  # in view: as it is
    shown, moved = lead_in(text, spans, advance, 200)
    assert shown.startswith("…") and shown.endswith("普法" + "二" * 10)
    ((start, end),) = moved
    assert shown[start:end] == "普法" and advance(shown[:start]) <= 200 // 4 + 10


def test_a_sort_by_plan_goes_with_the_plans_column(window) -> None:
    window.search_scope.setCurrentIndex(window.search_scope.findData("all"))
    _search(window, "公证")
    header = window.month_view.header()
    header.setSortIndicator(COL_PLAN, Qt.SortOrder.AscendingOrder)
    model = window.month_model
    mixed = 0
    for group in model.groups():
        names = [model.plan_name(t) for t in group.tasks]
        # by pinyin: 普陀区… (pu) before 上海市… (shang)
        assert names == sorted(names, key=lambda n: not n.startswith("普陀区")), group.key
        mixed += len(set(names)) == 2
    assert mixed  # a group holding both plans' tasks
    _search(window, "")
    assert window.month_model.sort_column() == -1
    assert header.sortIndicatorSection() == -1


def test_a_search_typed_in_the_overview_shows_its_results_in_the_month_view(window) -> None:
    window.show_overview()
    assert window.views.currentWidget() is window.overview_view
    window.search_box.setText("法治")
    window.search_box.returnPressed.emit()  # Enter, or the box's timer 200 ms later
    assert window.views.currentWidget() is window.month_view
    assert window.months_button.isChecked()
    found = [window.month_model.task_at(i) for i in _rows(window)]
    assert found and all(
        match_spans(t.text + "".join(t.lead + t.responsible + t.leaders), "法治") for t in found
    )
    # Emptying the box there, or choosing 总览 again with a search in it, stays where it is.
    window.show_overview()
    window.search_box.returnPressed.emit()
    assert window.views.currentWidget() is window.month_view
    window.search_box.clear()
    window.show_overview()
    window.search_box.returnPressed.emit()
    assert window.views.currentWidget() is window.overview_view
