"""Where the window stood when it was closed, kept in its QSettings: the plan, the department,
the view (按月, 总览, 我的本月任务), and how the list was filtered and sorted (the status and
role filters, 只看我的部门, the quick filter, the search's scope, each list's sort column and
order). It opens there the first time the data is shown, else on my department when I have
exactly one. Filters that no longer exist (a settings file of another version) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

from desktop_app.services.task_filters import QUICK_FILTERS
from desktop_app.ui import settings_keys as keys

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from desktop_app.ui.main_window.month_view import MonthView
    from desktop_app.ui.main_window.workspace import Workspace

VIEWS = ("months", "overview", "my_month")
SCOPES = ("plan", "all")


@dataclass(frozen=True)
class ListFilters:
    status: str = "all"  # the status filter's entry
    role: str = ""  # the role filter's ("" lead and responsible)
    mine_only: bool = False
    quick: str = ""  # the quick filter pressed ("" none)
    scope: str = "plan"  # where the search looks: this plan, or every plan
    sort: str = ""  # the month list's, "column:asc" or "column:desc"; "" the document's order
    my_month_sort: str = ""  # 我的本月任务's


@dataclass(frozen=True)
class Place:
    plan_id: int | None
    department_id: int | None
    view: str  # one of VIEWS
    filters: ListFilters = field(default_factory=ListFilters)


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value) if value is not None else default


def saved_place(settings: QSettings) -> Place:
    view = _text(settings, keys.PLACE_VIEW, "months")
    quick = _text(settings, keys.PLACE_QUICK)
    scope = _text(settings, keys.PLACE_SEARCH_SCOPE, "plan")
    filters = ListFilters(
        status=_text(settings, keys.PLACE_STATUS, "all"),
        role=_text(settings, keys.PLACE_ROLE),
        mine_only=_text(settings, keys.PLACE_MINE_ONLY, "false").lower() == "true",
        quick=quick if quick in QUICK_FILTERS else "",
        scope=scope if scope in SCOPES else "plan",
        sort=_text(settings, keys.PLACE_SORT),
        my_month_sort=_text(settings, keys.PLACE_MY_MONTH_SORT),
    )
    return Place(
        _int(settings.value(keys.PLACE_PLAN)),
        _int(settings.value(keys.PLACE_DEPARTMENT)),
        view if view in VIEWS else "months",
        filters,
    )


def save_place(settings: QSettings, place: Place) -> None:
    settings.setValue(keys.PLACE_PLAN, place.plan_id if place.plan_id is not None else "")
    settings.setValue(
        keys.PLACE_DEPARTMENT, place.department_id if place.department_id is not None else ""
    )
    settings.setValue(keys.PLACE_VIEW, place.view)
    f = place.filters
    settings.setValue(keys.PLACE_STATUS, f.status)
    settings.setValue(keys.PLACE_ROLE, f.role)
    settings.setValue(keys.PLACE_MINE_ONLY, "true" if f.mine_only else "false")
    settings.setValue(keys.PLACE_QUICK, f.quick)
    settings.setValue(keys.PLACE_SEARCH_SCOPE, f.scope)
    settings.setValue(keys.PLACE_SORT, f.sort)
    settings.setValue(keys.PLACE_MY_MONTH_SORT, f.my_month_sort)


# -- the panes' filters and sorts ---------------------------------------------------------


def sort_text(view: MonthView) -> str:
    column, order = view.sort_state()
    if column < 0:
        return ""
    return f"{column}:{'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"


def parse_sort(text: str) -> tuple[int, Qt.SortOrder]:
    """``column:asc``/``column:desc`` as a column and an order; anything else: none."""
    column, _, order = text.partition(":")
    number = _int(column)
    if number is None or number < 0 or order not in ("asc", "desc"):
        return -1, Qt.SortOrder.AscendingOrder
    descending = order == "desc"
    return number, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


def filters_of(panes: Workspace) -> ListFilters:
    quick = panes.quick_filters.current()
    return ListFilters(
        status=str(panes.status_filter.currentData() or "all"),
        role=str(panes.role_filter.currentData() or ""),
        mine_only=panes.mine_only.isChecked(),
        quick=quick or "",
        scope=str(panes.search_scope.currentData() or "plan"),
        sort=sort_text(panes.month_view),
        my_month_sort=sort_text(panes.my_month.list),
    )


def _choose(box: QComboBox, data: str | None) -> None:
    """The entry whose data is ``data``, if there is one (None: the role filter's first)."""
    for index in range(box.count()):
        if box.itemData(index) == data:
            box.setCurrentIndex(index)
            return


def apply_filters(panes: Workspace, filters: ListFilters) -> None:
    """Put the filters and sorts back, without a signal: the list is read once, after."""
    widgets = (
        panes.status_filter,
        panes.role_filter,
        panes.mine_only,
        panes.quick_filters,
        panes.search_scope,
    )
    for widget in widgets:
        widget.blockSignals(True)
    try:
        _choose(panes.status_filter, filters.status)
        _choose(panes.role_filter, filters.role or None)
        panes.mine_only.setChecked(filters.mine_only)
        panes.quick_filters.set_current(filters.quick or None)
        _choose(panes.search_scope, filters.scope)
    finally:
        for widget in widgets:
            widget.blockSignals(False)
    panes.month_view.set_sort(*parse_sort(filters.sort))
    panes.my_month.list.set_sort(*parse_sort(filters.my_month_sort))
