"""The window's side of reminders and the tray: where a reminder is shown (banner, small
window on top, reminder dialog), what a click on one opens, and pausing them from the tray."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication

from db.errors import StorageError
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.models import ALL_DEPARTMENTS
from desktop_app.ui.tray import TrayController, pause_end

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QMainWindow,
        QTreeView,
        QVBoxLayout,
        QWidget,
    )

    from db.connection import Storage
    from desktop_app.clock import Clock
    from desktop_app.ui.banner import NotificationBanner
    from desktop_app.ui.models.month_model import MonthTaskModel
    from desktop_app.ui.quick_filters import QuickFilterBar
    from desktop_app.ui.reminder_dialog import ReminderDialog
    from desktop_app.ui.reminder_popup import ReminderPopup
    from desktop_app.ui.reminder_scheduler import ReminderScheduler
    from desktop_app.ui.task_panel import TaskPanel

    _Base = QMainWindow
else:
    _Base = object


class ReminderHost(_Base):
    """Mixed into ``MainWindow``: reminders shown in and over the window, and the tray."""

    storage: Storage | None
    plan_id: int | None
    tray: TrayController | None
    reminders: ReminderScheduler | None
    reminder_dialog: ReminderDialog | None
    due_counts: tuple[int, int, int]
    _banner: NotificationBanner | None
    _popup: ReminderPopup | None
    _body_layout: QVBoxLayout
    _pending_pause: datetime | None
    _pause_timer: QTimer | None
    _quitting: bool
    month_model: MonthTaskModel
    month_view: QTreeView
    task_panel: TaskPanel
    search_box: QLineEdit
    mine_only: QCheckBox
    status_filter: QComboBox
    quick_filters: QuickFilterBar
    missing_holidays: int | None

    def attach_tray(self, tray: TrayController) -> None:
        """Live in the tray: its menu opens, pauses and quits; closing the window only hides it."""
        self.tray = tray
        tray.update_tooltip(*self.due_counts)
        tray.show_missing_holidays(self.missing_holidays)
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
        dialog.open_task_requested.connect(self._open_from_reminder_dialog)
        dialog.answered.connect(lambda _ids: self.reminders_changed.emit())
        self.reminder_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _open_from_reminder_dialog(self, task_id: int) -> None:
        """A task chosen in the reminder dialog: shown in the window, and the dialog moved
        off it (its row and the task panel), so the task can be read and worked on."""
        self.open_tasks([task_id])
        dialog = self.reminder_dialog
        if dialog is not None and dialog.isVisible():
            dialog.move_aside(self.shown_task_area())

    def shown_task_area(self) -> list[QRect]:
        """Where the chosen task is on screen: its whole row in the month view and the
        task panel (global rectangles; none before the panes exist)."""
        if self.storage is None:
            return []
        found = []
        panel = self.task_panel
        if panel.isVisible():
            found.append(QRect(panel.mapToGlobal(QPoint(0, 0)), panel.size()))
        index = self.month_view.currentIndex()
        if index.isValid() and self.month_view.isVisible():
            viewport = self.month_view.viewport()
            cell = self.month_view.visualRect(index)
            row = QRect(0, cell.top(), viewport.width(), cell.height())
            if viewport.rect().intersects(row):
                found.append(QRect(viewport.mapToGlobal(row.topLeft()), row.size()))
        return found

    def _reminder_failed(self, reason: str) -> None:
        self.statusBar().showMessage(
            self.tr("提醒未能送达，稍后会重试：{0}").format(reason), 60_000
        )

    def open_tasks(self, task_ids: Sequence[int]) -> None:
        """From a reminder: the window in front, the first of its tasks chosen in the month view."""
        self.bring_forward()
        if self.storage is None:
            return
        from desktop_app.ui.main_window import presenter

        task = presenter.task(int(task_ids[0])) if task_ids else None
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
            self.quick_filters.set_current(None)
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
        from desktop_app.ui.main_window import presenter

        assert self.storage is not None
        try:
            presenter.save_pause(self.storage, until)
        except (ServiceError, StorageError) as exc:
            title = self.tr("无法暂停提醒") if until is not None else self.tr("无法恢复提醒")
            self._show_note(title, error_text(exc), self)
            return False
        if until is not None:
            self.statusBar().showMessage(
                self.tr("提醒已暂停，到 {0} 恢复。").format(until.strftime("%Y-%m-%d %H:%M")),
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
        from desktop_app.ui.main_window import presenter

        until = presenter.paused_until()
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

    if TYPE_CHECKING:  # the window's
        counts_changed: Signal
        reminders_changed: Signal
        clock: Clock

        def reload(self) -> None: ...
        def refresh_view(self) -> None: ...
        def show_months(self) -> None: ...
        def show_department(self, department_id: int) -> None: ...
        def quit_program(self) -> None: ...
        def _show_note(self, title: str, text: str, parent: QWidget) -> None: ...
