"""我的本月任务: one list of my departments' open tasks due this month in every plan (the
plans of other bureaus too), and my late ones, each row naming its plan. A view beside 按月
and 总览; a click on a row shows the task in the task panel, whose buttons work on it.

With no department of mine chosen it says so and offers the 我的部门 dialog. The filters
above the lists apply (the status filter within the open statuses, the role, the quick
filters, the search in every plan); the department list and the plan selector do not: a
choice there goes back to 按月. The rows come from ``presenter.my_month``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.theme import NOTE_COLOR, text_style

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMainWindow
    from PySide6.QtWidgets import QStackedWidget as Stack

    from desktop_app.ui.main_window.month_view import MonthView
    from desktop_app.ui.main_window.presenter import MyMonth
    from desktop_app.ui.main_window.workspace import Workspace
    from desktop_app.ui.models.month_model import MonthTaskModel
    from desktop_app.ui.quick_filters import QuickFilterBar

    _Base = QMainWindow
else:
    _Base = object


class MyMonthPage(QWidget):
    """The view's page: a line saying whose tasks these are, and the list; or, with no
    department of mine, what to do about it. ``choose_requested``: the button 选择我的部门…"""

    choose_requested = Signal()

    def __init__(self, view: MonthView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.summary = QLabel()
        self.summary.setStyleSheet(text_style(NOTE_COLOR))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.pages = QStackedWidget()
        self.pages.addWidget(view)
        self.unchosen = QWidget()
        inner = QVBoxLayout(self.unchosen)
        self.unchosen_label = QLabel(
            QCoreApplication.translate(
                "MyMonth",
                "还没有选择我的部门。选好后，这里列出各个计划中我的部门本月到期和已逾期的任务，"
                "其他单位的计划也在内。",
            )
        )
        self.unchosen_label.setWordWrap(True)
        self.choose_button = QPushButton(QCoreApplication.translate("MyMonth", "选择我的部门…"))
        self.choose_button.clicked.connect(self.choose_requested)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        inner.addStretch(1)
        inner.addWidget(self.unchosen_label)
        inner.addLayout(row)
        inner.addStretch(2)
        self.pages.addWidget(self.unchosen)
        layout.addWidget(self.pages, 1)

    def show_unchosen(self) -> None:
        self.summary.hide()
        self.pages.setCurrentWidget(self.unchosen)

    def show_list(self, shown: MyMonth, month: int) -> None:
        self.summary.setText(summary_text(shown, month))
        self.summary.show()
        self.pages.setCurrentWidget(self.list)

    def showing_list(self) -> bool:
        return self.pages.currentWidget() is self.list


def summary_text(shown: MyMonth, month: int) -> str:
    """我的部门：办公室（上海市司法局）、… · 6月到期 3 项 · 逾期 5 项 · 来自 2 个计划"""
    bureaus = {b for _n, b in shown.departments}
    names = "、".join(
        f"{name}（{bureau}）" if len(bureaus) > 1 and bureau else name
        for name, bureau in shown.departments
    )
    if not shown.groups:
        return QCoreApplication.translate(
            "MyMonth", "我的部门：{0} · 本月没有到期或逾期的任务"
        ).format(names)
    return QCoreApplication.translate(
        "MyMonth", "我的部门：{0} · {1}月到期 {2} 项 · 逾期 {3} 项 · 来自 {4} 个计划"
    ).format(names, month, shown.due, shown.late, shown.plans)


class MyMonthFlow(_Base):
    """Mixed into ``MainWindow``: showing 我的本月任务 and reading it again."""

    workspace: Workspace
    views: Stack
    search_box: QLineEdit
    status_filter: QComboBox
    role_filter: QComboBox
    mine_only: QCheckBox
    quick_filters: QuickFilterBar
    my_month_model: MonthTaskModel
    my_month_button: QPushButton
    months_button: QPushButton

    def my_month_shown(self) -> bool:
        panes = getattr(self, "workspace", None)  # built once the data is open
        return panes is not None and self.views.currentWidget() is panes.my_month

    def show_my_month(self) -> None:
        if getattr(self, "workspace", None) is None:
            return
        self.my_month_button.setChecked(True)
        self.views.setCurrentWidget(self.workspace.my_month)
        self.refresh_view()

    def _leave_my_month(self) -> None:
        """Back to 按月 without reading it (the caller does): a plan or department chosen."""
        if self.my_month_shown():
            self.months_button.setChecked(True)
            self.views.setCurrentWidget(self.workspace.month_view)

    def _refresh_my_month(self, keep_place: bool) -> None:
        from desktop_app.ui.main_window import presenter
        from desktop_app.ui.main_window.views import STATUS_FILTERS

        page = self.workspace.my_month
        view = page.list
        today, soon = self.today(), self.soon_until()
        query = self.search_box.text().strip()
        shown = presenter.my_month(
            today,
            soon,
            role=self.role_filter.currentData() or None,
            statuses=STATUS_FILTERS.get(self.status_filter.currentData()),
            states=self._state_filter(),
            quick=self.quick_filters.current(),
            query=query,
        )
        if not shown.departments:
            self.my_month_model.set_groups([], today, soon)
            page.show_unchosen()
            return
        place = view.place() if keep_place and page.showing_list() else None
        current = self.task_panel.current_task_id()
        self.my_month_model.set_groups(shown.groups, today, soon, query)
        page.show_list(shown, today.month)
        if place is None:
            view.open_groups({g.key for g in shown.groups})
        else:
            view.open_groups(place.expanded)
        chosen = view.choose(current, place.group if place else None) if current else None
        if place is None:
            if chosen is None or not chosen.isValid():  # a task of the list left: not here
                self.task_panel.show_task(None)
            view.scrollToTop()
        else:
            view.verticalScrollBar().setValue(place.scroll)

    if TYPE_CHECKING:  # the window's and its other parts'
        from desktop_app.ui.task_panel import TaskPanel

        task_panel: TaskPanel

        def today(self) -> date: ...
        def soon_until(self) -> date: ...
        def refresh_view(self) -> None: ...
        def _state_filter(self) -> tuple[str, ...] | None: ...
