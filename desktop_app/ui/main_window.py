"""The main window: plans and departments on the left, the month view or the overview in the
centre, the chosen task on the right.

The window holds no rules of its own: it asks ``db.repository`` for rows, lets
``desktop_app.services.overview`` group and count them, and feeds the item
models; changes go through the services.

At start-up the window is painted before the database is opened. Until then only the
frame exists (menus, toolbar, "正在打开数据…"): this module imports no storage, services or
item models at the top, and does not touch Qt's ``Qt`` namespace, whose hundred enums
alone take 15 ms to build; ``attach_storage`` loads the rest and builds the panes
(desktop_app/ui/workspace.py). tests/test_startup.py keeps it so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from desktop_app.plans.errors import PlanReadError
from desktop_app.services.errors import ServiceError
from desktop_app.ui.models import ALL_DEPARTMENTS
from desktop_app.ui.tray import TrayController, pause_end

if TYPE_CHECKING:  # storage, APScheduler and the reminder service load after the first paint
    from db.connection import Storage
    from db.repository import CountRow, DepartmentRow
    from desktop_app.plans.workdays import WorkCalendar
    from desktop_app.reminders.notifier import Notifier
    from desktop_app.ui.banner import NotificationBanner
    from desktop_app.ui.desktop_clicks import DesktopClicks
    from desktop_app.ui.reminder_dialog import ReminderDialog
    from desktop_app.ui.reminder_popup import ReminderPopup
    from desktop_app.ui.reminder_scheduler import ReminderScheduler

Clock = Callable[[], datetime]
SOON_WORKDAYS = 10
ASKED_MINE_KEY = "onboarding/asked_my_departments"
OFFERED_SAMPLE_KEY = "onboarding/offered_sample_removal"
# Below this the filters squeeze the search box and the task text to nothing.
MINIMUM_SIZE = (960, 540)
PLAN_DOCUMENTS = (".docx", ".pdf", ".txt", ".xlsx", ".ofd", ".doc", ".wps", ".docm")

STATUS_FILTERS = {
    "all": None,
    "open": ("not_started", "in_progress"),
    "not_started": ("not_started",),
    "in_progress": ("in_progress",),
    "done": ("done",),
    "cancelled": ("cancelled",),
}


def minimum_size(available: QSize) -> QSize:
    """The smallest the window may be: MINIMUM_SIZE, or 95 % of a screen too small for it."""
    return QSize(
        min(MINIMUM_SIZE[0], available.width() * 19 // 20),
        min(MINIMUM_SIZE[1], available.height() * 19 // 20),
    )


class MainWindow(QMainWindow):
    """``storage`` is open, or None while it opens (``attach_storage`` follows); ``clock`` gives
    the current time (tests pass a fake one)."""

    view_updated = Signal()
    counts_changed = Signal(int, int)  # open tasks due this month, late tasks (the tray's tooltip)
    # Something that can move a reminder changed (tasks, plans, settings, a pause): the
    # reminder scheduler rebuilds from the database.
    reminders_changed = Signal()

    def __init__(
        self,
        storage: Storage | None,
        clock: Clock,
        app_settings: QSettings,
        calendar: WorkCalendar | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.storage: Storage | None = None
        self.clock = clock
        self.app_settings = app_settings
        self.calendar: WorkCalendar | None = calendar
        self.plan_id: int | None = None
        self.plan_year: int | None = None
        self.department_id = ALL_DEPARTMENTS
        self._wizard = None
        self._dialog = None
        self._shown_once = False
        self.notifier: Notifier | None = None  # set at start-up (delivery.build_notifier)
        self._popup: ReminderPopup | None = None  # made when a reminder first needs it
        self.desktop_clicks: DesktopClicks | None = None  # Linux: clicks on notifications
        self.tray: TrayController | None = None
        self.reminders: ReminderScheduler | None = None  # set at start-up (attach_reminders)
        self.reminder_dialog: ReminderDialog | None = None
        self.due_counts = (0, 0)
        self._pending_pause: datetime | None = None
        self._pause_timer: QTimer | None = None  # the tray's "paused" ends with the pause
        self._search_note = ""  # the status bar's explanation of an empty search, if shown
        # The plan's month counts, departments and my departments (see refresh_departments).
        self._counted: tuple[list[CountRow], list[DepartmentRow], list[int]] = ([], [], [])
        self._quitting = False
        self._note: QMessageBox | None = None
        self.sample_question: QMessageBox | None = None  # after the first real import
        self.setWindowTitle(self.tr("工作要点督办提醒"))

        self._build_actions()
        self._build_body()
        self._restore_geometry()
        if storage is not None:
            self.attach_storage(storage)
        else:
            self._show_opening()

    def attach_storage(self, storage: Storage) -> None:
        """The database is open: load the calendar and the services, show the plans."""
        from desktop_app.plans.workdays import WorkCalendar

        if self.calendar is None:
            self.calendar = WorkCalendar()
        self._build_workspace()
        self.storage = storage
        self.task_panel.attach(storage, self.calendar)
        for item in self._needs_storage:
            item.setEnabled(True)
        self.setAcceptDrops(True)
        self.reload()
        if self._pending_pause is not None:  # asked for in the tray while the data opened
            self._save_pause(self._pending_pause)
            self._pending_pause = None

    def _show_opening(self) -> None:
        """Between the first paint and ``attach_storage``: the frame, and what is happening."""
        for item in self._needs_storage:
            item.setEnabled(False)
        self.setAcceptDrops(False)
        self.pages.setCurrentWidget(self.opening)

    # -- construction ----------------------------------------------------------------
    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        # Actions without icons: the tool buttons show their text.
        self.addToolBar(toolbar)
        self.import_action = QAction(self.tr("导入工作要点…"), self)
        # setShortcuts, not setShortcut: PySide6 resolves the latter's overloads through the Qt
        # namespace, 15 ms of enum building before the first paint.
        self.import_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(lambda: self.open_import())
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.triggered.connect(self.refresh)
        self.search_action = QAction(self.tr("搜索"), self)
        self.search_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        self.mine_action = QAction(self.tr("我的部门…"), self)
        self.mine_action.triggered.connect(self.choose_my_departments)
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.delete_plan_action = QAction(self.tr("删除此计划…"), self)
        self.delete_plan_action.triggered.connect(self.delete_current_plan)
        for action in (self.import_action, self.refresh_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.months_button = QPushButton(self.tr("按月"))
        self.overview_button = QPushButton(self.tr("总览"))
        self.view_buttons = QButtonGroup(self)
        for button in (self.months_button, self.overview_button):
            button.setCheckable(True)
            button.setFlat(True)
            self.view_buttons.addButton(button)
            toolbar.addWidget(button)
        self.months_button.setChecked(True)
        self.months_button.clicked.connect(self.show_months)
        self.overview_button.clicked.connect(self.show_overview)
        toolbar.addSeparator()
        toolbar.addAction(self.mine_action)
        toolbar.addAction(self.settings_action)
        self.addAction(self.search_action)
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.addAction(self.import_action)
        menu.addAction(self.delete_plan_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_program)
        menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.search_action)
        view_menu.addSeparator()
        # Also in the tray's menu; here for a desktop without a tray.
        self.today_action = QAction(self.tr("今天的提醒"), self)
        self.today_action.triggered.connect(self.show_today)
        view_menu.addAction(self.today_action)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(self.mine_action)
        tools.addAction(self.settings_action)
        # Nothing of these works before the database is open (the first moment of start-up).
        self._needs_storage = (
            self.import_action,
            self.refresh_action,
            self.search_action,
            self.mine_action,
            self.settings_action,
            self.delete_plan_action,
            self.today_action,
            self.months_button,
            self.overview_button,
        )

    def _build_body(self) -> None:
        """The frame: the pages ("opening", later welcome and workspace) under a banner."""
        self.pages = QStackedWidget()
        self.opening = QWidget()
        centred = QHBoxLayout(self.opening)  # a label centres itself vertically
        opening_label = QLabel(self.tr("正在打开数据…"))
        opening_label.setStyleSheet("color: #5f6368;")
        centred.addStretch(1)
        centred.addWidget(opening_label)
        centred.addStretch(1)
        self.pages.addWidget(self.opening)
        self._banner: NotificationBanner | None = None  # made when first needed
        body = QWidget()
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self._body_layout.setSpacing(0)
        self._body_layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh_view)

    def _build_workspace(self) -> None:
        """The welcome page and the three panes (desktop_app/ui/workspace.py), connected."""
        from desktop_app.ui.welcome import WelcomePage
        from desktop_app.ui.workspace import Workspace

        self.welcome = WelcomePage()  # its large fonts alone take longer than the frame
        self.welcome.import_requested.connect(lambda: self.open_import())
        self.welcome.sample_requested.connect(self.import_sample)
        self.pages.addWidget(self.welcome)
        panes = Workspace(self.today)
        self.workspace = self.splitter = panes
        self.plan_combo = panes.plan_combo
        self.department_model = panes.department_model
        self.department_view = panes.department_view
        self.search_box = panes.search_box
        self.status_filter = panes.status_filter
        self.role_filter = panes.role_filter
        self.mine_only = panes.mine_only
        self.views = panes.views
        self.month_model = panes.month_model
        self.month_view = panes.month_view
        self.overview_model = panes.overview_model
        self.overview_view = panes.overview_view
        self.legend = panes.legend
        self.task_panel = panes.task_panel
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self.department_view.selectionModel().currentChanged.connect(self._department_chosen)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self.refresh_view)
        self.status_filter.currentIndexChanged.connect(self.refresh_view)
        self.role_filter.currentIndexChanged.connect(self.refresh_view)
        self.mine_only.toggled.connect(self.refresh_view)
        self.month_view.selectionModel().currentChanged.connect(self._task_chosen)
        self.overview_view.clicked.connect(self.open_cell)
        self.task_panel.changed.connect(self._task_changed)
        self.pages.addWidget(panes)
        header = self.app_settings.value("window/month_header")
        if isinstance(header, QByteArray):
            self.month_view.header().restoreState(header)
        if self._shown_once:  # else showEvent restores the splitter, once it has its width
            self._restore_splitter()

    # -- time ------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().date()

    def soon_until(self) -> date:
        assert self.calendar is not None, "attach_storage first"
        return self.calendar.add_workdays(self.today(), SOON_WORKDAYS)

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Everything from the database: plans, department counts, the current view."""
        if self.storage is None:
            return
        from db import repository

        # The task on the right may have been archived by an import or deleted with its plan.
        self.task_panel.show_task(self.task_panel.current_task_id())
        all_plans = repository.plans()
        if not all_plans:
            self.pages.setCurrentWidget(self.welcome)
            self.plan_id = None
            self.status_label.setText(self.tr("还没有导入工作要点"))
            self._set_counts(0, 0)
            self.reminders_changed.emit()
            return
        self.pages.setCurrentWidget(self.splitter)
        wanted = self.plan_id
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
        self._show_pause_in_tray()
        self.reminders_changed.emit()

    def refresh(self) -> None:
        """刷新 (F5): everything read again, and said so."""
        self.reload()
        self.statusBar().showMessage(self.tr("已刷新。"), 3_000)

    def _plan_chosen(self, _index: int) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id is not None and plan_id != self.plan_id:
            self._set_plan(int(plan_id))

    def _set_plan(self, plan_id: int) -> None:
        from db import repository

        self.plan_id = plan_id
        plan = next((p for p in repository.plans() if p.id == plan_id), None)
        self.plan_year = plan.year if plan else None
        if self.task_panel.current_plan_id() not in (None, plan_id):
            # A task of the plan shown before (an import or the plan selector changed the
            # plan): its buttons must not act on a task the user no longer sees.
            self.task_panel.show_task(None)
        self.task_panel.set_section_titles(repository.section_titles(plan_id))
        self.refresh_departments()
        self.refresh_view()

    def refresh_departments(self) -> None:
        if self.plan_id is None:
            return
        from db import repository
        from desktop_app.services import departments
        from desktop_app.services.overview import department_summaries, plan_totals

        today = self.today()
        mine = departments.my_department_ids()
        # Read once for the list and the grid (the overview shows the same numbers); every
        # change of data comes through here before the view is refreshed.
        self._counted = (
            repository.month_counts(today, self.soon_until(), plan_ids=[self.plan_id]),
            repository.departments(with_counts=False),
            mine,
        )
        rows = department_summaries(*self._counted, today)
        keep = self.department_id
        self.department_view.selectionModel().blockSignals(True)
        totals = plan_totals(
            repository.state_counts(today, self.soon_until(), plan_ids=[self.plan_id]), today
        )
        self.department_model.set_rows(rows, totals)
        row = self.department_model.row_of(keep)
        if row is None:
            row, self.department_id = 0, ALL_DEPARTMENTS
        self.department_view.setCurrentIndex(self.department_model.index(row))
        self.department_view.selectionModel().blockSignals(False)
        due, late = totals.due_this_month, totals.late
        if mine:  # the status bar speaks of my departments' tasks, each counted once
            own = repository.tasks(
                plan_ids=[self.plan_id],
                department_ids=mine,
                statuses=("not_started", "in_progress"),
            )
            month = (today.year, today.month)
            due = sum(1 for t in own if t.due and (t.due.year, t.due.month) == month)
            late = sum(1 for t in own if t.due and t.due < today)
        self._set_counts(due, late)
        template = (
            self.tr("今天 %1 · 我的部门本月待完成 %2 项 · 逾期 %3 项")
            if mine
            else self.tr("今天 %1 · 本月待完成 %2 项 · 逾期 %3 项")
        )
        self.status_label.setText(
            template.replace("%1", today.isoformat())
            .replace("%2", str(due))
            .replace("%3", str(late))
        )

    def _set_counts(self, due: int, late: int) -> None:
        self.due_counts = (due, late)
        self.counts_changed.emit(due, late)

    def _department_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.department_id = self.department_model.department_id(current) or ALL_DEPARTMENTS
            self.refresh_view()

    def _filters(self) -> dict:
        from desktop_app.services import departments

        filters: dict = {"plan_ids": [self.plan_id]}
        ids: list[int] | None = None
        if self.department_id != ALL_DEPARTMENTS:
            ids = [self.department_id]
        elif self.mine_only.isChecked():
            ids = departments.my_department_ids() or None
        if ids is not None:
            filters["department_ids"] = ids
            role = self.role_filter.currentData()
            if role:
                filters["role"] = role
        statuses = STATUS_FILTERS[self.status_filter.currentData()]
        if statuses is not None:
            filters["statuses"] = statuses
        return filters

    def refresh_view(self) -> None:
        if self.plan_id is None:
            return
        if self.views.currentWidget() is self.overview_view:
            self._refresh_overview()
        else:
            self._refresh_months()
        self.view_updated.emit()

    def _refresh_months(self) -> None:
        from db import repository
        from desktop_app.services.overview import group_by_month

        rows = repository.tasks(**self._filters())
        query = self.search_box.text().strip()
        if query:
            found = {t.id for t in repository.search(query, plan_ids=[self.plan_id], limit=100_000)}
            rows = [t for t in rows if t.id in found]
            self._say_what_the_search_found(query, len(rows), len(found))
        else:
            self._clear_search_note()
        today, soon = self.today(), self.soon_until()
        groups = group_by_month(rows, today, soon, self.plan_year)
        if query:
            groups = [g for g in groups if g.tasks]
        current = self.task_panel.current_task_id()
        self.month_model.set_groups(groups, today, soon)
        root = QModelIndex()
        for row in range(self.month_model.rowCount()):
            self.month_view.setFirstColumnSpanned(row, root, True)
        self._expand_default(bool(query))
        if current is not None:
            index = self.month_model.find_task(current)
            if index.isValid():
                self.month_view.selectionModel().blockSignals(True)
                self.month_view.setCurrentIndex(index)
                self.month_view.selectionModel().blockSignals(False)
                # The task just changed stays in sight (marked done, it may have moved
                # from 逾期 to its month).
                self.month_view.setExpanded(index.parent(), True)
                self.month_view.scrollTo(index)

    def _say_what_the_search_found(self, query: str, shown: int, in_plan: int) -> None:
        """An empty result is explained: nowhere in the plan, or only outside the filters.
        The explanation goes when the search finds something or is cleared; other messages
        in the status bar stay."""
        if shown:
            self._clear_search_note()
            return
        if in_plan:
            note = self.tr(
                "当前部门和筛选条件下没有“%1”；整个计划中有 %2 项，可选“全部部门”或放宽筛选。"
            )
            note = note.replace("%1", query).replace("%2", str(in_plan))
        else:
            note = self.tr("计划中没有找到“%1”。").replace("%1", query)
        self._search_note = note
        self.statusBar().showMessage(note)

    def _clear_search_note(self) -> None:
        if self._search_note and self.statusBar().currentMessage() == self._search_note:
            self.statusBar().clearMessage()
        self._search_note = ""

    def _expand_default(self, everything: bool) -> None:
        """Late tasks open, and the current month, or when it has none of the shown tasks the
        next month that has some (what comes next), else the first month with tasks."""
        if everything:
            self.month_view.expandAll()
            return
        today = self.today()
        groups = self.month_model.groups()
        with_tasks = [i for i, g in enumerate(groups) if g.month is not None and g.tasks]
        target = None
        if self.plan_year == today.year:
            this_month = f"{today.year:04d}-{today.month:02d}"
            target = next((i for i in with_tasks if groups[i].key >= this_month), None)
        if target is None:
            target = with_tasks[0] if with_tasks else None
        for i, g in enumerate(groups):
            expand = i == target or g.key == "late"
            self.month_view.setExpanded(self.month_model.index(i, 0), expand)
        if target is not None:
            self.month_view.scrollTo(self.month_model.index(target, 0))

    def _refresh_overview(self) -> None:
        from desktop_app.services.overview import overview_grid

        today = self.today()
        grid = overview_grid(*self._counted, today, self.plan_year or today.year)
        self.overview_model.set_grid(grid)

    # -- navigation ------------------------------------------------------------------
    def show_months(self) -> None:
        self.months_button.setChecked(True)
        self.views.setCurrentWidget(self.month_view)
        self.refresh_view()

    def show_overview(self) -> None:
        self.overview_button.setChecked(True)
        self.views.setCurrentWidget(self.overview_view)
        self.refresh_view()

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

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _task_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.month_model.task_at(current)
        self.task_panel.show_task(task.id if task else None)

    def _task_changed(self, _task_id: int) -> None:
        self.refresh_departments()
        self.refresh_view()
        self.reminders_changed.emit()  # a task marked done stops its reminders at once
        self.statusBar().showMessage(self.tr("已保存。"), 4_000)

    # -- actions ---------------------------------------------------------------------
    def open_import(self, path: Path | None = None) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.import_wizard import ImportWizard

        self._wizard = ImportWizard(self.storage, self, path)
        self._wizard.imported.connect(self._after_import)
        self._wizard.open()

    def _after_import(self, result) -> None:
        from db import repository
        from desktop_app.services import departments
        from desktop_app.services.plans import SAMPLE_PREFIX

        # After the first real import (the sample may have come before), ask once which
        # departments are mine; the general office may answer "all". Offer once to remove
        # the sample, whose tasks would otherwise stay among the real ones.
        ask_mine = not departments.my_department_ids() and not self.app_settings.value(
            ASKED_MINE_KEY, False, type=bool
        )
        sample = next(
            (
                p
                for p in repository.plans()
                if p.id != result.plan_id and (p.title or "").startswith(SAMPLE_PREFIX)
            ),
            None,
        )
        if sample is not None and self.app_settings.value(OFFERED_SAMPLE_KEY, False, type=bool):
            sample = None
        self.plan_id = result.plan_id
        self.reload()
        if not ask_mine and sample is None:
            return
        if ask_mine:
            self.app_settings.setValue(ASKED_MINE_KEY, True)
        if sample is not None:
            self.app_settings.setValue(OFFERED_SAMPLE_KEY, True)
        # The new plan's first digest waits for the answers: it is of my departments, and
        # not of a sample about to be removed.
        reminders = self.reminders
        if reminders is not None:
            reminders.hold()

        def release() -> None:
            if reminders is not None:
                reminders.release()

        def questions() -> None:
            then: Callable[[], None] = (
                (lambda: self.choose_my_departments(first_time=True, then=release))
                if ask_mine
                else release
            )
            if sample is not None:
                self._offer_to_remove_sample(sample.id, sample.title or "", then)
            else:
                then()

        wizard = self._wizard
        if wizard is not None and wizard.isVisible():
            # Not over the import summary: asked once the wizard is closed with 完成.
            wizard.finished.connect(lambda _result: questions())
        else:
            questions()

    def _offer_to_remove_sample(
        self, plan_id: int, title: str, then: Callable[[], None] | None
    ) -> None:
        """The sample next to a real plan: remove it (backed up first) or keep it; then
        ``then`` (the "my departments" question)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("示例计划"),
            self.tr(
                "示例计划“%1”还在：它的任务会出现在列表和总览里，"
                "选“全部部门”时也会到期提醒。现在删除示例吗？"
            ).replace("%1", title),
            parent=self,
        )
        remove = box.addButton(self.tr("删除示例"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("保留"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)

        def answered(_result: int) -> None:
            if box.clickedButton() is remove:
                self._delete_plan(plan_id, title)
            box.deleteLater()
            self.sample_question = None
            if then is not None:
                then()

        box.finished.connect(answered)
        self.sample_question = box
        box.open()

    def import_sample(self) -> None:
        if self.storage is None:
            return
        try:
            from desktop_app.services import plans  # the parser loads when it is needed

            result = plans.import_sample(self.storage, self.today())
        except (PlanReadError, ServiceError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("无法打开示例"), exc.message_zh)
            return
        self.plan_id = result.plan_id
        self.reload()

    def choose_my_departments(
        self, *, first_time: bool = False, then: Callable[[], None] | None = None
    ) -> None:
        """Which departments are mine; ``then`` runs once the dialog is closed, either way."""
        if self.storage is None:
            return
        from desktop_app.ui.my_departments import MyDepartmentsDialog

        self._dialog = MyDepartmentsDialog(self.storage, self, first_time=first_time)
        self._dialog.accepted.connect(self.reload)
        if then is not None:
            self._dialog.finished.connect(lambda _result: then())
        self._dialog.open()

    def open_settings(self) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.settings import SettingsDialog

        self._dialog = SettingsDialog(self.storage, self.app_settings, self)
        self._dialog.departments_changed.connect(self.reload)
        self._dialog.settings_changed.connect(self.reload)
        self._dialog.test_notification_requested.connect(self.send_test_notification)
        self._dialog.open()

    def send_test_notification(self) -> None:
        from desktop_app.ui.delivery import send_test_notification

        message = send_test_notification(self.notifier)
        self._show_note(self.tr("发送测试提醒"), message, self._dialog or self)

    def delete_current_plan(self) -> None:
        if self.plan_id is None or self.storage is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除计划"),
            self.tr("删除“%1”及其全部任务和进展记录？删除前会自动备份。").replace(
                "%1", self.plan_combo.currentText()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._delete_plan(self.plan_id, self.plan_combo.currentText())

    def _delete_plan(self, plan_id: int, title: str) -> None:
        if self.storage is None:
            return
        try:
            from desktop_app.services import plans

            plans.delete_plan(self.storage, plan_id)
        except (ServiceError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("无法删除"), exc.message_zh)
            return
        if self.plan_id == plan_id:
            self.plan_id = None
        self.reload()
        self.statusBar().showMessage(
            self.tr("已删除“%1”；删除前的数据已备份，可在设置中恢复。").replace("%1", title), 10_000
        )

    # -- reminders and the tray -------------------------------------------------------
    def attach_tray(self, tray: TrayController) -> None:
        """Live in the tray: its menu opens, pauses and quits; closing the window only hides it."""
        self.tray = tray
        tray.update_tooltip(*self.due_counts)
        self.counts_changed.connect(tray.update_tooltip)
        tray.open_requested.connect(self.bring_forward)
        tray.today_requested.connect(self.show_today)
        tray.pause_requested.connect(self.pause_reminders)
        tray.resume_requested.connect(self.resume_reminders)
        tray.quit_requested.connect(self.quit_program)
        tray.message_clicked.connect(self.open_reminders)
        tray.availability_changed.connect(self._tray_availability_changed)

    def _tray_availability_changed(self, available: bool) -> None:
        """The panel holding the tray icon went away: a window hidden in it would be lost,
        so it comes back as a minimised window."""
        if not available and self.isHidden() and not self._quitting:
            self.showMinimized()

    def bring_forward(self) -> None:
        """Show the window in front (from the tray, or when the program is started again)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @property
    def banner(self) -> NotificationBanner:
        """The in-window reminder banner above the pages, made the first time it is needed."""
        if self._banner is None:
            from desktop_app.ui.banner import NotificationBanner

            self._banner = NotificationBanner()
            self._banner.open_requested.connect(self.open_reminders)
            self._body_layout.insertWidget(0, self._banner)
        return self._banner

    def show_banner(self, title: str, body: str, task_ids: Sequence[int]) -> None:
        """A reminder as a banner in the window, the taskbar entry flashing; refused when
        nobody would see it: the window hidden or minimised (``window_hidden``), or behind
        another program's (``window_behind``). The small window on top comes next then."""
        from desktop_app.reminders.notifier import NotificationError

        if self.isHidden() or self.isMinimized():
            raise NotificationError("window_hidden", "the main window is not on screen")
        if not self.isActiveWindow():
            raise NotificationError("window_behind", "the main window is not in front")
        self.banner.show_notification(title, body, task_ids)
        QApplication.alert(self)

    @property
    def popup(self) -> ReminderPopup:
        """The small reminder window on top of the others, made the first time it is needed."""
        if self._popup is None:
            from desktop_app.ui.reminder_popup import ReminderPopup

            self._popup = ReminderPopup()
            self._popup.open_requested.connect(self.open_reminders)
        return self._popup

    def show_popup(self, title: str, body: str, task_ids: Sequence[int]) -> None:
        """The last resort for a reminder: the small window on top, even with the main one
        hidden. Our own window: once shown it is on screen (Qt raises if it cannot be)."""
        self.popup.show_notification(title, body, task_ids)

    def show_today(self) -> None:
        """The tray's 今天的提醒: the window, and every task that needs attention today."""
        self.bring_forward()
        if self.plan_id is not None:
            self.show_months()
        if self.reminders is not None:
            # What is late or due soon now, and what was reminded and not yet answered.
            attention = self.reminders.service.attention(self.clock())
            self.show_reminder_dialog(attention.task_ids if attention is not None else [])

    def attach_reminders(self, scheduler: ReminderScheduler) -> None:
        """Reminders on: every change rebuilds the schedule; a click on one lists its tasks."""
        self.reminders = scheduler
        self.reminders_changed.connect(scheduler.rebuild)
        scheduler.failed.connect(self._reminder_failed)
        scheduler.day_changed.connect(self.reload)  # a window left open all night moves on

    def open_reminders(self, task_ids: Sequence[int]) -> None:
        """A click on a notification: its tasks, each to acknowledge or put off (a test
        notification has none: the window only)."""
        if not task_ids:
            self.bring_forward()
            return
        if self.reminders is None:
            self.open_tasks(task_ids)
            return
        self.bring_forward()
        self.show_reminder_dialog(task_ids)

    def show_reminder_dialog(self, task_ids: Sequence[int]) -> ReminderDialog:
        """The reminder dialog on ``task_ids`` (replacing one already open); not modal."""
        assert self.reminders is not None, "attach_reminders first"
        if self.reminder_dialog is not None:
            self.reminder_dialog.close()
            self.reminder_dialog.deleteLater()
        from desktop_app.ui.reminder_dialog import ReminderDialog

        dialog = ReminderDialog(self.reminders.service, task_ids, self.clock, self)
        dialog.open_task_requested.connect(lambda task_id: self.open_tasks([task_id]))
        dialog.answered.connect(lambda _ids: self.reminders_changed.emit())
        self.reminder_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _reminder_failed(self, reason: str) -> None:
        self.statusBar().showMessage(
            self.tr("提醒未能送达，稍后会重试：%1").replace("%1", reason), 60_000
        )

    def open_tasks(self, task_ids: Sequence[int]) -> None:
        """From a reminder: the window in front, the first of its tasks chosen in the month view."""
        self.bring_forward()
        if self.storage is None:
            return
        from db import repository

        task = repository.task(int(task_ids[0])) if task_ids else None
        if task is None:
            return
        if task.plan_id != self.plan_id:
            self.plan_id = task.plan_id
            self.reload()
        self.show_months()
        index = self.month_model.find_task(task.id)
        if not index.isValid():  # hidden by a filter: show every task
            self.search_box.clear()
            self.mine_only.setChecked(False)
            self.status_filter.setCurrentIndex(0)
            self.show_department(ALL_DEPARTMENTS)
            self.refresh_view()
            index = self.month_model.find_task(task.id)
        if index.isValid():
            self.month_view.setExpanded(index.parent(), True)
            self.month_view.scrollTo(index)
            self.month_view.setCurrentIndex(index)

    def pause_reminders(self, kind: str) -> None:
        """The tray's 暂停提醒一小时 / 今天不再提醒, kept in the reminder settings (saved once
        the database is open, if it is not yet)."""
        until = pause_end(kind, self.clock())
        if self.storage is None:
            self._pending_pause = until
            return
        self._save_pause(until)

    def _save_pause(self, until: datetime | None) -> bool:
        from dataclasses import replace

        from desktop_app.services.settings import reminder_settings, save_reminder_settings

        assert self.storage is not None
        try:
            save_reminder_settings(self.storage, replace(reminder_settings(), paused_until=until))
        except (ServiceError, StorageError) as exc:
            title = self.tr("无法暂停提醒") if until is not None else self.tr("无法恢复提醒")
            self._show_note(title, exc.message_zh, self)
            return False
        if until is not None:
            self.statusBar().showMessage(
                self.tr("提醒已暂停，到 %1 恢复。").replace("%1", until.strftime("%Y-%m-%d %H:%M")),
                10_000,
            )
        self._show_pause_in_tray()
        self.reminders_changed.emit()
        return True

    def resume_reminders(self) -> None:
        """The tray's 恢复提醒: the pause ends now, and what it held comes at once."""
        if self.storage is not None and self._save_pause(None):
            self.statusBar().showMessage(self.tr("提醒已恢复。"), 10_000)

    def _show_pause_in_tray(self) -> None:
        """The tray says whether reminders are paused (from the settings, which the
        settings dialog may have changed too)."""
        if self.tray is None or self.storage is None:
            return
        from desktop_app.services.settings import reminder_settings

        until = reminder_settings().paused_until
        now = self.clock()
        paused = until is not None and until > now
        self.tray.show_pause(until if paused else None)
        if paused:  # said again when the pause ends
            assert until is not None
            if self._pause_timer is None:
                self._pause_timer = QTimer(self)
                self._pause_timer.setSingleShot(True)
                self._pause_timer.timeout.connect(self._show_pause_in_tray)
            wait_ms = int((until - now).total_seconds() * 1000) + 1_000
            self._pause_timer.start(min(wait_ms, 86_400_000))

    def quit_program(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def _show_note(self, title: str, text: str, parent: QWidget) -> None:
        """A message that does not block (the window may be hidden, or a dialog open)."""
        self._note = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        self._note.finished.connect(self._note.deleteLater)
        self._note.open()

    def _explain_tray_once(self) -> None:
        if self.app_settings.value("tray/close_explained", False, type=bool):
            return
        self.app_settings.setValue("tray/close_explained", True)
        self.app_settings.sync()
        self._show_note(
            self.tr("工作要点督办提醒"),
            self.tr(
                "窗口已关闭，程序仍在后台运行，到期时会照常提醒。\n"
                "点击任务栏通知区域中的图标可重新打开窗口；要完全退出，请在图标的菜单中选择“退出”。"
            ),
            self,
        )

    # -- drag and drop, geometry -----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if (
            len(urls) == 1
            and urls[0].isLocalFile()
            and urls[0].toLocalFile().lower().endswith(PLAN_DOCUMENTS)
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            self.open_import(Path(urls[0].toLocalFile()))

    def _restore_geometry(self) -> None:
        self.setMinimumSize(minimum_size(self.screen().availableGeometry().size()))
        geometry = self.app_settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        # First start: 1280×760, or less on a small screen (a 1366×768 laptop keeps room for
        # its taskbar; at 150 % a 1920×1080 screen has 1280×720), centred.
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width() * 19 // 20), min(760, screen.height() * 19 // 20))
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())

    def _restore_splitter(self) -> None:
        state = self.app_settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # The splitter takes its saved sizes once it has its real width.
            self._shown_once = True
            if self.storage is not None:
                self._restore_splitter()

    def save_geometry(self) -> None:
        self.app_settings.setValue("window/geometry", self.saveGeometry())
        if self.storage is not None:  # the panes exist
            self.app_settings.setValue("window/splitter", self.splitter.saveState())
            self.app_settings.setValue("window/month_header", self.month_view.header().saveState())
        self.app_settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self.tray is not None and self.tray.is_shown() and not self._quitting:
            event.ignore()
            if self.tray.is_usable():  # closing keeps the program in the tray
                self.hide()
                self._explain_tray_once()
            else:  # the tray host has gone (a panel restarted): hidden, it would be lost
                self.showMinimized()
            return
        if self._popup is not None:
            self._popup.close()
        super().closeEvent(event)
