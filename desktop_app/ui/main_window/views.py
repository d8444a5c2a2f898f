"""What the centre of the window shows: the plan chosen, its departments with their counts,
the month view or the overview, and moving between them (a click on the overview, a search
that finds nothing). The rows come from the presenter; this part only feeds the models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex

from desktop_app.ui.models import ALL_DEPARTMENTS, MY_DEPARTMENT

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import QSettings, Signal
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QListView,
        QMainWindow,
        QPushButton,
        QStackedWidget,
        QTableView,
        QTreeView,
    )

    from db.connection import Storage
    from desktop_app.calendar.workdays import WorkCalendar
    from desktop_app.ui.main_window.presenter import Counted
    from desktop_app.ui.main_window.workspace import Workspace
    from desktop_app.ui.models.department_model import DepartmentListModel
    from desktop_app.ui.models.month_model import MonthTaskModel
    from desktop_app.ui.models.overview_model import OverviewModel
    from desktop_app.ui.quick_filters import QuickFilterBar
    from desktop_app.ui.task_panel import TaskPanel
    from desktop_app.ui.tray import TrayController
    from desktop_app.ui.welcome import WelcomePage

    _Base = QMainWindow
else:
    _Base = object


STATUS_FILTERS = {
    "all": None,
    "open": ("not_started", "in_progress"),
    "not_started": ("not_started",),
    "in_progress": ("in_progress",),
    "done": ("done",),
    "cancelled": ("cancelled",),
}
# The entries of the status filter that go by the state on the day (db/states.py).
STATE_FILTERS = {"late": ("late",), "due_soon": ("due_soon",), "lagging": ("lagging",)}


class TaskViews(_Base):
    """Mixed into ``MainWindow``: loading the plan's data into the panes, and navigation."""

    storage: Storage | None
    plan_id: int | None
    plan_year: int | None
    department_id: int
    due_counts: tuple[int, int, int]
    _counted: Counted | None
    _search_note: str
    pages: QStackedWidget
    welcome: WelcomePage
    workspace: Workspace
    splitter: Workspace
    status_label: QLabel
    plan_combo: QComboBox
    department_model: DepartmentListModel
    department_view: QListView
    search_box: QLineEdit
    status_filter: QComboBox
    role_filter: QComboBox
    mine_only: QCheckBox
    quick_filters: QuickFilterBar
    views: QStackedWidget
    month_model: MonthTaskModel
    month_view: QTreeView
    overview_model: OverviewModel
    overview_view: QTableView
    task_panel: TaskPanel
    calendar: WorkCalendar | None
    tray: TrayController | None
    missing_holidays: int | None
    app_settings: QSettings
    months_button: QPushButton
    overview_button: QPushButton

    def reload(self) -> None:
        """Everything from the database: plans, department counts, the current view."""
        if self.storage is None:
            return
        from desktop_app.ui.main_window import presenter

        # The task on the right may have been archived by an import or deleted with its plan.
        self.task_panel.show_task(self.task_panel.current_task_id())
        all_plans = presenter.plans_list()
        if not all_plans:
            self.pages.setCurrentWidget(self.welcome)
            self.plan_id = None
            self.status_label.setText(self.tr("还没有导入工作要点"))
            self._set_counts(0, 0, 0)
            self.reminders_changed.emit()
            return
        self.pages.setCurrentWidget(self.splitter)
        wanted = self.plan_id
        opening = None
        if wanted is None:  # the data shown for the first time: where the window stood
            from desktop_app.ui.main_window.place import apply_filters, saved_place

            opening = saved_place(self.app_settings)
            wanted = opening.plan_id
            # none saved: my department in the plan shown, if I have one there
            self.department_id = opening.department_id or MY_DEPARTMENT
            apply_filters(self.workspace, opening.filters)  # read with the plan, below
        if wanted not in {p.id for p in all_plans}:
            this_year = [p for p in all_plans if p.year == self.today().year]
            wanted = (this_year or all_plans)[0].id
        self.workspace.set_plans(
            [
                (
                    p.id,
                    (f"{p.year} · " if p.year else "") + (p.title or self.tr("（无标题）")),
                    p.title,
                )
                for p in all_plans
            ],
            wanted,
        )
        self._set_plan(wanted)
        if opening is not None and opening.view == "overview":
            self.show_overview()
        elif opening is not None and opening.view == "my_month":
            self.show_my_month()
        self._show_pause_in_tray()
        self.reminders_changed.emit()

    def refresh(self) -> None:
        """刷新 (F5): everything read again, and said so."""
        self.reload()
        self.statusBar().showMessage(self.tr("已刷新。"), 3_000)

    def _plan_chosen(self, _index: int) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id is not None and plan_id != self.plan_id:
            self._leave_my_month()  # a plan chosen: its tasks by month
            self._set_plan(int(plan_id))

    def _set_plan(self, plan_id: int) -> None:
        from desktop_app.ui.main_window import presenter

        self.plan_id = plan_id
        plan = presenter.plan(plan_id)
        self.plan_year = plan.year if plan else None
        several = self.my_month_shown() or self.search_all_plans()
        if self.task_panel.current_plan_id() not in (None, plan_id) and not several:
            # A task of the plan shown before (an import or the plan selector changed the
            # plan): its buttons must not act on a task the user no longer sees.
            self.task_panel.show_task(None)
        self.task_panel.set_section_titles(presenter.section_titles(plan_id), plan_id)
        self.refresh_departments()
        self.refresh_view()

    def refresh_departments(self) -> None:
        if self.plan_id is None:
            return
        from desktop_app.ui.main_window import presenter

        today = self.today()
        shown = presenter.department_view(self.plan_id, today, self.soon_until())
        # Read once for the list and the grid (the overview shows the same numbers); every
        # change of data comes through here before the view is refreshed.
        self._counted = shown.counted
        keep = self.department_id
        self.department_view.selectionModel().blockSignals(True)
        self.department_model.set_rows(shown.rows, shown.totals)
        row = self.department_model.row_of(keep)
        if row is None:  # not in this plan (or none yet): my department there, if I have one
            own = [r.id for r in shown.rows if r.mine]
            self.department_id = own[0] if len(own) == 1 else ALL_DEPARTMENTS
            row = self.department_model.row_of(self.department_id) or 0
        self.department_view.setCurrentIndex(self.department_model.index(row))
        self.department_view.selectionModel().blockSignals(False)
        due, late, lagging, mine = shown.due, shown.late, shown.lagging, shown.counted.mine
        self._set_counts(due, late, lagging)
        template = (
            self.tr("今天 {0} · 我的部门本月待完成 {1} 项 · 逾期 {2} 项 · 未达序时进度 {3} 项")
            if mine
            else self.tr("今天 {0} · 本月待完成 {1} 项 · 逾期 {2} 项 · 未达序时进度 {3} 项")
        )
        text = template.format(today.isoformat(), due, late, lagging)
        missing = self.missing_holidays = presenter.missing_holiday_year(today, self.calendar)
        if missing is not None:
            text += " · " + self.tr(
                "尚无 {0} 年节假日安排，工作日按周一至周五估算：请在 设置 → 节假日 中导入通知"
            ).format(missing)
        self.status_label.setText(text)
        if self.tray is not None:
            self.tray.show_missing_holidays(missing)

    def _set_counts(self, due: int, late: int, lagging: int) -> None:
        self.due_counts = (due, late, lagging)
        self.counts_changed.emit(due, late, lagging)

    def _department_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.department_id = self.department_model.department_id(current) or ALL_DEPARTMENTS
            self._leave_my_month()
            self.refresh_view()

    def _filters(self) -> dict[str, Any]:
        from desktop_app.ui.main_window import presenter

        filters: dict[str, Any] = {"plan_ids": [self.plan_id]}
        ids: list[int] | None = None
        if self.department_id != ALL_DEPARTMENTS:
            ids = [self.department_id]
        elif self.mine_only.isChecked():
            ids = presenter.my_department_ids() or None
        if ids is not None:
            filters["department_ids"] = ids
            role = self.role_filter.currentData()
            if role:
                filters["role"] = role
        statuses = STATUS_FILTERS.get(self.status_filter.currentData())
        if statuses is not None:
            filters["statuses"] = statuses
        return filters

    def _state_filter(self) -> tuple[str, ...] | None:
        """The states the status filter keeps (None: it goes by the status, or keeps all)."""
        return STATE_FILTERS.get(self.status_filter.currentData())

    def refresh_view(self) -> None:
        """What the plan, the department, the filters and the search now select, the list
        from its top (its "逾期未完成" in view)."""
        self._refresh(keep_place=False)

    def _refresh(self, *, keep_place: bool) -> None:
        if self.plan_id is None:
            return
        # 只看我的部门 on 全部部门: the list's first row says what the centre shows
        mine_only = (
            self.department_id == ALL_DEPARTMENTS
            and self.mine_only.isChecked()
            and self._counted is not None
            and bool(self._counted.mine)
        )
        self.department_model.show_mine(self.due_counts[:2] if mine_only else None)
        self.update_search_hint()
        if self.views.currentWidget() is self.overview_view:
            self._refresh_overview()
        elif self.my_month_shown():
            self._refresh_my_month(keep_place)
        else:
            self._refresh_months(keep_place)
        self.view_updated.emit()

    def _refresh_months(self, keep_place: bool) -> None:
        """The month view read again. ``keep_place``: the same tasks changed (a note, a
        status): the groups open, the row chosen and the scroll position stay as they were."""
        from desktop_app.ui.main_window import presenter

        assert self.plan_id is not None
        query = self.search_box.text().strip()
        today, soon = self.today(), self.soon_until()
        filters, quick = self._filters(), self.quick_filters.current()
        every_plan = bool(query) and self.search_all_plans()
        shown = presenter.month_view(
            filters,
            query,
            self.plan_id,
            today,
            soon,
            self.plan_year,
            self._state_filter(),
            quick,
            all_plans=every_plan,
        )
        if shown.found_in_plan is not None:
            self._say_what_the_search_found(query, shown.matched, shown.found_in_plan)
        else:
            self._clear_search_note()
        view = self.workspace.month_view
        place = view.place() if keep_place else None
        current = self.task_panel.current_task_id()
        self.month_model.set_show_plans(every_plan)  # the results name their plans
        self.month_model.set_groups(shown.groups, today, soon, query)
        if place is None:
            this_month = f"{today:%Y-%m}" if self.plan_year == today.year else None
            view.open_default(this_month, everything=bool(query) or quick is not None)
        else:
            view.open_groups(place.expanded)
        # A late task is listed twice: the row chosen stays the one the user chose.
        chosen = QModelIndex()
        if (
            current is not None
            and not every_plan
            and self.task_panel.current_plan_id() != self.plan_id
        ):
            self.task_panel.show_task(None)  # one of another plan (我的本月任务, a search)
        elif current is not None:
            chosen = view.choose(current, place.group if place else None)
        if place is None:
            view.scrollToTop()
            return
        view.verticalScrollBar().setValue(place.scroll)
        if chosen.isValid():  # marked done, it may have moved from 逾期 to its month
            view.scrollTo(chosen)

    def _refresh_overview(self) -> None:
        from desktop_app.ui.main_window import presenter

        today = self.today()
        assert self._counted is not None
        year = self.plan_year or today.year
        grid = presenter.overview(self._counted, today, year, self.quick_filters.current())
        self.overview_model.set_grid(grid)
        # The quarter in view on a narrow grid: this one, else a past plan's last.
        this_quarter = (today.month - 1) // 3 + 1
        quarter = this_quarter if year == today.year else 4 if year < today.year else 1
        self.workspace.overview_view.show_quarter(quarter)

    def search_typed(self) -> None:
        """A search typed while 总览 shows: what it finds is a list of tasks, so the month
        view comes back to show it (the grid has no place for a text)."""
        if self.search_box.text().strip() and self.views.currentWidget() is self.overview_view:
            self.show_months()
        else:
            self.refresh_view()

    def show_months(self) -> None:
        self.months_button.setChecked(True)
        self.views.setCurrentWidget(self.month_view)
        self.refresh_view()

    def show_overview(self) -> None:
        self.overview_button.setChecked(True)
        if self.plan_id is not None:  # the grid filled before it is shown (overview_view.py)
            self._refresh_overview()
        self.views.setCurrentWidget(self.overview_view)
        if self.plan_id is not None:
            self.view_updated.emit()

    def show_department(self, department_id: int) -> None:
        row = self.department_model.row_of(department_id)
        if row is not None:
            self.department_view.setCurrentIndex(self.department_model.index(row))

    def open_month(self, month: int) -> None:
        """Expand one month of the month view and scroll to it."""
        key = f"{self.plan_year:04d}-{month:02d}" if self.plan_year else f"{month:02d}"
        row = self.month_model.group_row(key)
        if row is None:
            return
        index = self.month_model.index(row, 0)
        self.month_view.setExpanded(index, True)
        self.month_view.scrollTo(index, self.month_view.ScrollHint.PositionAtTop)
        self.month_view.setCurrentIndex(index)

    def open_cell(self, index: QModelIndex) -> None:
        """A click on the overview: that department's tasks, that month open."""
        cell = self.overview_model.cell_at(index)
        if cell is None:
            return
        department_id, month = cell
        self.months_button.setChecked(True)
        self.views.setCurrentWidget(self.month_view)
        self.show_department(int(department_id))
        self.refresh_view()
        self.open_month(int(month))

    def _task_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from desktop_app.ui.models.month_model import MonthTaskModel  # loaded with the panes

        model = current.model()
        task = model.task_at(current) if isinstance(model, MonthTaskModel) else None
        self.task_panel.show_task(task.id if task else None)

    def _task_changed(self, _task_id: int) -> None:
        self.refresh_departments()
        self._refresh(keep_place=True)
        self.reminders_changed.emit()  # a task marked done stops its reminders at once
        self.statusBar().showMessage(self.tr("已保存。"), 4_000)

    if TYPE_CHECKING:  # the window's
        view_updated: Signal
        counts_changed: Signal
        reminders_changed: Signal

        def today(self) -> date: ...
        def soon_until(self) -> date: ...
        def _show_pause_in_tray(self) -> None: ...
        def update_search_hint(self) -> None: ...
        def search_all_plans(self) -> bool: ...
        def _say_what_the_search_found(self, query: str, shown: int, in_plan: int) -> None: ...
        def _clear_search_note(self) -> None: ...
        def my_month_shown(self) -> bool: ...
        def show_my_month(self) -> None: ...
        def _leave_my_month(self) -> None: ...
        def _refresh_my_month(self, keep_place: bool) -> None: ...
