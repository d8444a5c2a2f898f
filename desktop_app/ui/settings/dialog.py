"""The settings dialog: five pages, and OK that saves them all or nothing.

Department renames and merges, holiday notices, backups and restores act at once on their pages
(each is its own transaction); everything else is saved together by OK.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from db.errors import StorageError
from desktop_app.services import data_folder, departments
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import reminder_settings, save_reminder_settings
from desktop_app.ui import autostart
from desktop_app.ui.error_text import error_text
from desktop_app.ui.settings.backups_page import BackupsPage
from desktop_app.ui.settings.common import (
    DATA_DIR_KEY,
    LANGUAGE_KEY,
    Refused,
    message_label,
    show_message,
)
from desktop_app.ui.settings.departments_page import DepartmentsPage
from desktop_app.ui.settings.general_page import GeneralPage
from desktop_app.ui.settings.holidays_page import HolidaysPage
from desktop_app.ui.settings.reminders_page import RemindersPage

if TYPE_CHECKING:
    from pathlib import Path

    from db.connection import Storage


class SettingsDialog(QDialog):
    """Five tabs: 我的部门, 提醒, 节假日, 常规, 备份与恢复."""

    settings_changed = Signal()
    departments_changed = Signal()
    holidays_changed = Signal()  # a notice was imported: the working days changed
    test_notification_requested = Signal()

    def __init__(
        self,
        storage: Storage,
        app_settings: QSettings,
        parent: QWidget | None = None,
        *,
        is_start_at_login: Callable[[], bool] = autostart.is_start_at_login,
        set_start_at_login: Callable[[bool, list[str]], None] = autostart.set_start_at_login,
        login_command: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._app_settings = app_settings
        self._is_start_at_login = is_start_at_login
        self._set_start_at_login = set_start_at_login
        self._login_command = list(login_command or autostart.login_command())
        self._language = str(app_settings.value(LANGUAGE_KEY, "zh_CN"))
        self._autostart_was = False

        self.setWindowTitle(self.tr("设置"))
        self.setMinimumSize(560, 480)
        self.resize(660, 600)
        layout = QVBoxLayout(self)
        self.departments_page = DepartmentsPage(storage)
        self.reminders_page = RemindersPage()
        self.general_page = GeneralPage(storage.path.parent)
        self.backups_page = BackupsPage(storage)
        self.holidays_page = HolidaysPage(storage)
        self.holidays_page.holidays_changed.connect(self.holidays_changed)
        self.departments_page.departments_changed.connect(self.departments_changed)
        self.reminders_page.test_notification_requested.connect(self.test_notification_requested)
        self.backups_page.restored.connect(self._restored)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.departments_page, self.tr("我的部门"))
        self.tabs.addTab(self.reminders_page, self.tr("提醒"))
        self.tabs.addTab(self.holidays_page, self.tr("节假日"))
        self.tabs.addTab(self.general_page, self.tr("常规"))
        self.tabs.addTab(self.backups_page, self.tr("备份与恢复"))
        layout.addWidget(self.tabs)
        self.error_label = message_label()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.departments_page.load()
        self._load_reminders()
        self.general_page.load(self._language, self._configured_data_dir())
        self.backups_page.load()
        self.holidays_page.load()

    def _configured_data_dir(self) -> str:
        return str(self._app_settings.value(DATA_DIR_KEY, "") or "")

    def _load_reminders(self) -> None:
        try:
            self._autostart_was = bool(self._is_start_at_login())
        except (OSError, ValueError):  # an unreadable entry: show it as off
            self._autostart_was = False
        self.reminders_page.load(
            reminder_settings(), now=self._storage.clock(), start_at_login=self._autostart_was
        )

    def _restored(self) -> None:
        """The data was replaced by a backup: what the pages show came from the old data."""
        self.departments_page.load()
        self._load_reminders()
        self.departments_changed.emit()
        self.settings_changed.emit()

    # -- OK ------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def apply(self) -> bool:
        """Save everything or nothing; a refusal is shown (False) and the dialog stays open."""
        self.error_label.hide()
        try:
            self._save()
        except (ServiceError, StorageError) as exc:
            show_message(self.error_label, error_text(exc), error=True)
            return False
        except Refused as exc:
            show_message(self.error_label, str(exc), error=True)
            return False
        return True

    def _save(self) -> None:
        try:
            reminders = self.reminders_page.apply(reminder_settings())
        except ServiceError:
            self.tabs.setCurrentWidget(self.reminders_page)
            raise
        mine = self.departments_page.apply()
        general = self.general_page.apply()
        new_folder = general.data_dir
        if new_folder is not None and not data_folder.has_data(new_folder):
            data_folder.check_usable(new_folder)  # before anything is saved
        autostart_changed = reminders.start_at_login != self._autostart_was
        if autostart_changed:
            self._apply_autostart(reminders.start_at_login)
        try:
            with self._storage.write():
                mine_changed = mine != departments.my_department_ids()
                departments.set_my_departments(self._storage, mine)
                save_reminder_settings(self._storage, reminders.settings)
        except BaseException:
            if autostart_changed:
                self._apply_autostart(self._autostart_was, quiet=True)
            raise
        self._autostart_was = reminders.start_at_login
        self._app_settings.setValue(LANGUAGE_KEY, general.language)
        self._app_settings.sync()
        if mine_changed:
            self.departments_changed.emit()
        self.settings_changed.emit()
        if new_folder is not None:
            # after the save, so the copy holds it; the folder was checked above
            self._copy_data_to(new_folder)
            self._app_settings.setValue(DATA_DIR_KEY, str(new_folder))
            self._app_settings.sync()
            self.general_page.load(general.language, str(new_folder))

    def _copy_data_to(self, folder: Path) -> None:
        try:
            data_folder.copy_data(self._storage, folder)
        except (ServiceError, StorageError) as exc:
            raise Refused(
                self.tr("其他设置已保存，但无法把数据复制到新文件夹：{0}").format(error_text(exc))
            ) from exc

    def _apply_autostart(self, enabled: bool, *, quiet: bool = False) -> None:
        try:
            self._set_start_at_login(enabled, self._login_command)
        except (OSError, ValueError) as exc:
            if quiet:
                return
            raise Refused(self.tr("无法设置开机自动启动：{0}").format(exc)) from exc
