"""The main window: plans and departments on the left, the month view or the overview in the
centre, the chosen task on the right.

The window holds no rules of its own. Its parts, each in its own module: the actions
(actions.py), what the centre shows (views.py), the dialogs about plans (plan_flows.py),
reminders and the tray (reminder_host.py); all of them read the database through the
presenter (presenter.py), which hands them plain rows; changes go through the services.

At start-up the window is painted before the database is opened. Until then only the
frame exists (menus, toolbar, "正在打开数据…"): this module imports no storage, services or
item models at the top, and does not touch Qt's ``Qt`` namespace, whose hundred enums
alone take 15 ms to build; ``attach_storage`` loads the rest and builds the panes
(workspace.py). tests/test_startup.py keeps it so.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QMoveEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.clock import Clock
from desktop_app.ui import settings_keys as keys
from desktop_app.ui.main_window.actions import WindowActions
from desktop_app.ui.main_window.batch_status import BatchStatus
from desktop_app.ui.main_window.my_month import MyMonthFlow
from desktop_app.ui.main_window.plan_flows import PlanFlows
from desktop_app.ui.main_window.reminder_host import ReminderHost
from desktop_app.ui.main_window.search_scope import TaskSearch
from desktop_app.ui.main_window.views import TaskViews
from desktop_app.ui.models import ALL_DEPARTMENTS
from desktop_app.ui.theme import NOTE_COLOR, text_style
from desktop_app.ui.tray import TrayController

if TYPE_CHECKING:  # storage, APScheduler and the reminder service load after the first paint
    from db.connection import Storage
    from desktop_app.calendar.workdays import WorkCalendar
    from desktop_app.reminders.notifier import Notifier
    from desktop_app.ui.banner import NotificationBanner
    from desktop_app.ui.desktop_clicks import DesktopClicks
    from desktop_app.ui.import_wizard import ImportWizard
    from desktop_app.ui.main_window.presenter import Counted
    from desktop_app.ui.my_departments import MyDepartmentsDialog
    from desktop_app.ui.reminder_dialog import ReminderDialog
    from desktop_app.ui.reminder_popup import ReminderPopup
    from desktop_app.ui.reminder_scheduler import ReminderScheduler
    from desktop_app.ui.settings import SettingsDialog

SOON_WORKDAYS = 10
# Below this the filters squeeze the search box and the task text to nothing.
MINIMUM_SIZE = (960, 540)
FIRST_SIZE = (1280, 760)  # where the screen has room
# The window manager's frame before it is known: a title bar of 30–45 px (100–150 %).
FRAME_GUESS = QMargins(8, 45, 8, 8)
PLAN_DOCUMENTS = (".docx", ".pdf", ".txt", ".xlsx", ".ofd", ".doc", ".wps", ".docm")


def minimum_size(available: QSize) -> QSize:
    """The smallest the window may be: MINIMUM_SIZE, or 95 % of a screen too small for it."""
    return QSize(
        min(MINIMUM_SIZE[0], available.width() * 19 // 20),
        min(MINIMUM_SIZE[1], available.height() * 19 // 20),
    )


def first_geometry(available: QRect, frame: QMargins) -> QRect:
    """Where the first window goes (its inside, without the frame): FIRST_SIZE, or as much of
    the screen's available area (without the taskbar) as leaves room for ``frame``; frame
    and all inside that area, centred."""
    width = min(FIRST_SIZE[0], available.width() - frame.left() - frame.right())
    height = min(FIRST_SIZE[1], available.height() - frame.top() - frame.bottom())
    outer = QRect(0, 0, width + frame.left() + frame.right(), height + frame.top() + frame.bottom())
    outer.moveCenter(available.center())
    return QRect(outer.left() + frame.left(), outer.top() + frame.top(), width, height)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window`` (nothing before it is shown)."""
    inside, outside = window.geometry(), window.frameGeometry()
    return QMargins(
        inside.left() - outside.left(),
        inside.top() - outside.top(),
        outside.right() - inside.right(),
        outside.bottom() - inside.bottom(),
    )


class MainWindow(
    TaskViews,
    MyMonthFlow,
    TaskSearch,
    BatchStatus,
    PlanFlows,
    ReminderHost,
    WindowActions,
    QMainWindow,
):
    """``storage`` is open, or None while it opens (``attach_storage`` follows); ``clock`` gives
    the current time (tests pass a fake one)."""

    view_updated = Signal()
    # open tasks due this month, late ones, lagging ones (未达序时进度): the tray's tooltip
    counts_changed = Signal(int, int, int)
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
        self.wizard: ImportWizard | None = None
        self.mine_dialog: MyDepartmentsDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._shown_once = False
        self._fit_on_screen = False  # a first start: fitted again once the frame is known
        self.notifier: Notifier | None = None  # set at start-up (delivery.build_notifier)
        self._popup: ReminderPopup | None = None  # made when a reminder first needs it
        self.desktop_clicks: DesktopClicks | None = None  # Linux: clicks on notifications
        self.tray: TrayController | None = None
        self.missing_holidays: int | None = None  # next year, while its holidays are unknown
        self.reminders: ReminderScheduler | None = None  # set at start-up (attach_reminders)
        self.reminder_dialog: ReminderDialog | None = None
        self.due_counts = (0, 0, 0)
        self._pending_pause: datetime | None = None
        self._pause_timer: QTimer | None = None  # the tray's "paused" ends with the pause
        self._search_note = ""  # the status bar's explanation of an empty search, if shown
        # The plan's month counts, departments and my departments (see refresh_departments).
        self._counted: Counted | None = None
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
        from desktop_app.ui.main_window import presenter

        if self.calendar is None:
            self.calendar = presenter.work_calendar()
        self._build_workspace()
        self.storage = storage
        self.task_panel.attach(storage, self.calendar)
        for item in self.needs_storage:
            item.setEnabled(True)
        self.setAcceptDrops(True)
        self.reload()
        if self._pending_pause is not None:  # asked for in the tray while the data opened
            self._save_pause(self._pending_pause)
            self._pending_pause = None

    def _show_opening(self) -> None:
        """Between the first paint and ``attach_storage``: the frame, and what is happening."""
        for item in self.needs_storage:
            item.setEnabled(False)
        self.setAcceptDrops(False)
        self.pages.setCurrentWidget(self.opening)

    # -- construction ----------------------------------------------------------------
    def _build_body(self) -> None:
        """The frame: the pages ("opening", later welcome and workspace) under a banner."""
        self.pages = QStackedWidget()
        self.opening = QWidget()
        centred = QHBoxLayout(self.opening)  # a label centres itself vertically
        opening_label = QLabel(self.tr("正在打开数据…"))
        opening_label.setStyleSheet(text_style(NOTE_COLOR))
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
        self._search_timer.timeout.connect(self.search_typed)

    def _build_workspace(self) -> None:
        """The welcome page and the three panes (workspace.py), connected."""
        from desktop_app.ui.main_window.workspace import Workspace
        from desktop_app.ui.welcome import WelcomePage

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
        self.search_scope = panes.search_scope
        self.status_filter = panes.status_filter
        self.role_filter = panes.role_filter
        self.mine_only = panes.mine_only
        self.quick_filters = panes.quick_filters
        self.views = panes.views
        self.month_model = panes.month_model
        self.month_view = panes.month_view
        self.overview_model = panes.overview_model
        self.overview_view = panes.overview_view
        self.my_month_model = panes.my_month_model
        self.legend = panes.legend
        self.task_panel = panes.task_panel
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self.department_view.selectionModel().currentChanged.connect(self._department_chosen)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self.search_typed)
        self.status_filter.currentIndexChanged.connect(self.refresh_view)
        self.role_filter.currentIndexChanged.connect(self.refresh_view)
        self.mine_only.toggled.connect(self.refresh_view)
        self.quick_filters.changed.connect(self.refresh_view)
        self.search_scope.currentIndexChanged.connect(self._scope_chosen)
        for view in (self.month_view, panes.my_month.list):
            view.selectionModel().currentChanged.connect(self._task_chosen)
        panes.my_month.choose_requested.connect(self.choose_my_departments)
        self._attach_status_actions()
        self.overview_view.clicked.connect(self.open_cell)
        self.task_panel.changed.connect(self._task_changed)
        self.pages.addWidget(panes)
        header = self.app_settings.value(keys.MONTH_HEADER)
        if isinstance(header, QByteArray):
            panes.month_view.restore_columns(header)
        if self._shown_once:  # else showEvent restores the splitter, once it has its width
            self._restore_splitter()

    # -- time ------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().date()

    def soon_until(self) -> date:
        assert self.calendar is not None, "attach_storage first"
        return self.calendar.add_workdays(self.today(), SOON_WORKDAYS)

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
        if self.app_settings.value(keys.CLOSE_EXPLAINED, False, type=bool):
            return
        self.app_settings.setValue(keys.CLOSE_EXPLAINED, True)
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
        geometry = self.app_settings.value(keys.GEOMETRY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        # First start: 1280×760, or less on a small screen (a 1366×768 laptop keeps its
        # taskbar in view; at 150 % a 1920×1080 screen has 1280×720), frame and all, centred.
        self.setGeometry(first_geometry(self.screen().availableGeometry(), FRAME_GUESS))
        self._fit_on_screen = True

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        frame = frame_margins(self)
        if self._fit_on_screen and self.isVisible() and not frame.isNull():
            # The window manager has framed the window: the guess may have been too small.
            self._fit_on_screen = False
            screen = self.screen().availableGeometry()
            if not screen.contains(self.frameGeometry()):
                self.setGeometry(first_geometry(screen, frame))

    def _restore_splitter(self) -> None:
        self.workspace.panel_place.restore(
            self.app_settings.value(keys.SPLITTER), self.app_settings.value(keys.CENTRE_SPLITTER)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # The splitter takes its saved sizes once it has its real width.
            self._shown_once = True
            if self.storage is not None:
                self._restore_splitter()

    def save_geometry(self) -> None:
        self.app_settings.setValue(keys.GEOMETRY, self.saveGeometry())
        if self.plan_id is not None:
            from desktop_app.ui.main_window.place import Place, filters_of, save_place

            view = "overview" if self.views.currentWidget() is self.overview_view else "months"
            view = "my_month" if self.my_month_shown() else view
            filters = filters_of(self.workspace)
            save_place(self.app_settings, Place(self.plan_id, self.department_id, view, filters))
        if self.storage is not None:  # the panes exist
            main, centre = self.workspace.panel_place.state()
            self.app_settings.setValue(keys.SPLITTER, main)
            self.app_settings.setValue(keys.CENTRE_SPLITTER, centre)
            self.app_settings.setValue(keys.MONTH_HEADER, self.workspace.month_view.columns_state())
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
