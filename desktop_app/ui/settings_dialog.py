"""The settings dialog: my departments and their names, reminders, language and data folder, backups.

Department renames and merges, backups and restores act at once (each is its
own transaction); everything else is saved together by OK, or not at all.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTabWidget,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import backup, repository
from db.backup import BackupInfo
from db.connection import Storage, restore_backup
from db.errors import StorageError
from desktop_app import paths
from desktop_app.plans.workdays import WorkCalendar
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import (
    ReminderSettings,
    format_lead_workdays,
    parse_lead_workdays,
    reminder_settings,
    save_reminder_settings,
    validate_reminder_settings,
)
from desktop_app.ui import autostart

LANGUAGE_KEY = "ui/language"
DATA_DIR_KEY = "storage/data_dir"
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
WEEKLY = 7
ERROR_STYLE = "color: #d93025;"
NOTE_STYLE = "color: #5f6368;"
WARNING_STYLE = "color: #b06000;"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_FORMAT = "yyyy-MM-dd"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime_to_time(value: QTime) -> time:
    return value.toPython().replace(second=0, microsecond=0)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class _Refused(Exception):
    """Something the dialog itself refuses, with a message already in the user's language."""


class SettingsDialog(QDialog):
    """Four tabs: 我的部门, 提醒, 常规, 备份与恢复."""

    settings_changed = Signal()
    departments_changed = Signal()
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
        self._pending_data_dir: Path | None = None
        self._loaded_reminders = ReminderSettings()
        self._loaded_mine: list[int] = []
        self._autostart_was = False
        self._pause_until: datetime | None = None

        self.setWindowTitle(self.tr("设置"))
        self.setMinimumSize(560, 480)
        self.resize(660, 600)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_departments_tab(), self.tr("我的部门"))
        self.tabs.addTab(self._build_reminders_tab(), self.tr("提醒"))
        self.tabs.addTab(self._build_general_tab(), self.tr("常规"))
        self.tabs.addTab(self._build_backups_tab(), self.tr("备份与恢复"))
        layout.addWidget(self.tabs)
        self.error_label = self._message_label()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load_all()

    # -- building ------------------------------------------------------------------------

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _note(self, text: str, style: str = NOTE_STYLE, *, wrap: bool = True) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(wrap)
        if wrap:  # take the row's width instead of QLabel's narrow "balanced" wrapping
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(320)
        label.setStyleSheet(style)
        return label

    def _build_departments_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            self._note(
                self.tr(
                    "您是哪个部门的联络员？主窗口的“我的部门”和提醒都按这里的选择；"
                    "“各部门”等集体任务总会包括在内。"
                )
            )
        )
        self.all_departments_button = QRadioButton(self.tr("全部部门（办公室汇总）"))
        self.some_departments_button = QRadioButton(self.tr("只选以下部门："))
        group = QButtonGroup(page)
        group.addButton(self.all_departments_button)
        group.addButton(self.some_departments_button)
        self.all_departments_button.clicked.connect(self._choose_all_departments)
        layout.addWidget(self.all_departments_button)
        layout.addWidget(self.some_departments_button)

        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderLabels([self.tr("部门"), self.tr("任务"), self.tr("别名")])
        self.department_tree.setRootIsDecorated(False)
        self.department_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.department_tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.department_tree.itemChanged.connect(self._department_check_changed)
        self.department_tree.itemSelectionChanged.connect(self._update_department_buttons)
        layout.addWidget(self.department_tree, 1)
        self.no_departments_note = self._note(
            self.tr("还没有部门：导入工作要点后，这里会列出其中的各个部门。")
        )
        self.no_departments_note.hide()
        layout.addWidget(self.no_departments_note)

        manage = QGroupBox(self.tr("部门名称"))
        manage_layout = QVBoxLayout(manage)
        manage_layout.addWidget(
            self._note(
                self.tr(
                    "改名后旧名称作为别名保留，以后导入的工作要点会自动对应到新名称；"
                    "合并把一个部门的任务全部并入另一个部门。这些操作立即生效。"
                )
            )
        )
        row = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("改名…"))
        self.merge_button = QPushButton(self.tr("合并到…"))
        self.alias_button = QPushButton(self.tr("添加别名…"))
        self.rename_button.clicked.connect(self._ask_rename)
        self.merge_button.clicked.connect(self._ask_merge)
        self.alias_button.clicked.connect(self._ask_alias)
        for button in (self.rename_button, self.merge_button, self.alias_button):
            row.addWidget(button)
        row.addStretch(1)
        manage_layout.addLayout(row)
        self.department_message = self._message_label()
        manage_layout.addWidget(self.department_message)
        layout.addWidget(manage)
        return page

    def _build_reminders_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.remind_time = QTimeEdit()
        self.remind_time.setDisplayFormat("HH:mm")
        form.addRow(self.tr("每天提醒时间："), self._row(self.remind_time))

        self.lead_edit = QLineEdit()
        self.lead_edit.setPlaceholderText(self.tr("例如 10、5、1"))
        self.lead_edit.setMaximumWidth(160)
        form.addRow(
            self.tr("提前提醒："),
            self._row(self.lead_edit, self._note(self.tr("个工作日前"), wrap=False)),
        )
        form.addRow(
            "",
            self._note(self.tr("多个天数用顿号分隔；截止当月的最后一个工作日总会再提醒一次。")),
        )

        self.late_check = QCheckBox(self.tr("逾期未完成的任务每周再提醒一次"))
        form.addRow(self.tr("逾期任务："), self.late_check)

        self.quiet_start = QTimeEdit()
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_end = QTimeEdit()
        self.quiet_end.setDisplayFormat("HH:mm")
        form.addRow(
            self.tr("免打扰时段："),
            self._row(
                self.quiet_start,
                QLabel(self.tr("至")),
                self.quiet_end,
                self._note(self.tr("（两者相同表示不设免打扰）"), wrap=False),
            ),
        )

        self.holiday_list = QListWidget()
        self.holiday_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.holiday_list.setMaximumHeight(96)
        self.holiday_date = QDateEdit()
        self.holiday_date.setDateRange(QDate(YEAR_MIN, 1, 1), QDate(YEAR_MAX, 12, 31))
        self.holiday_date.setDisplayFormat(DATE_FORMAT)
        self.holiday_date.setCalendarPopup(True)
        self.holiday_add_button = QPushButton(self.tr("添加"))
        self.holiday_remove_button = QPushButton(self.tr("删除所选"))
        self.holiday_add_button.clicked.connect(
            lambda: self.add_holiday(self.holiday_date.date().toPython())
        )
        self.holiday_remove_button.clicked.connect(self.remove_selected_holidays)
        holiday_side = QVBoxLayout()
        holiday_side.addWidget(self.holiday_date)
        holiday_side.addWidget(self.holiday_add_button)
        holiday_side.addWidget(self.holiday_remove_button)
        holiday_side.addStretch(1)
        holidays = QHBoxLayout()
        holidays.addWidget(self.holiday_list, 1)
        holidays.addLayout(holiday_side)
        form.addRow(self.tr("额外休息日："), holidays)
        form.addRow(
            "",
            self._note(self.tr("本单位另行安排的休息日，不算工作日；法定节假日和调休已自动计入。")),
        )
        layout.addLayout(form)

        self.calendar_note = self._note("", WARNING_STYLE)
        self.calendar_note.hide()
        layout.addWidget(self.calendar_note)

        self.pause_label = QLabel()
        self.resume_button = QPushButton(self.tr("立即恢复提醒"))
        self.resume_button.clicked.connect(self._resume)
        self.pause_row = QWidget()
        pause_row = self._row(self.pause_label, self.resume_button)
        pause_row.setContentsMargins(0, 0, 0, 0)
        self.pause_row.setLayout(pause_row)
        self.pause_row.hide()
        layout.addWidget(self.pause_row)

        self.autostart_check = QCheckBox(self.tr("登录电脑后自动启动本程序（在后台提醒）"))
        layout.addWidget(self.autostart_check)
        self.test_button = QPushButton(self.tr("发送测试提醒"))
        self.test_button.clicked.connect(lambda: self.test_notification_requested.emit())
        layout.addLayout(
            self._row(self.test_button, self._note(self.tr("检查桌面通知能否正常弹出"), wrap=False))
        )
        layout.addStretch(1)
        return page

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        """Widgets side by side, pushed to the left."""
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_general_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        language_box = QVBoxLayout()
        language_box.setSpacing(2)
        language_box.addLayout(self._row(self.language_combo))
        language_box.addWidget(self._note(self.tr("更改语言后需重新启动程序才能生效。")))
        form.addRow(self.tr("界面语言："), language_box)

        self.data_dir_edit = QLineEdit()
        self.data_dir_edit.setReadOnly(True)
        self.change_data_dir_button = QPushButton(self.tr("更改…"))
        self.open_data_dir_button = QPushButton(self.tr("打开文件夹"))
        self.change_data_dir_button.clicked.connect(self._ask_data_dir)
        self.open_data_dir_button.clicked.connect(self._open_data_dir)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(self.change_data_dir_button)
        folder_row.addWidget(self.open_data_dir_button)
        folder_box = QVBoxLayout()
        folder_box.setSpacing(2)
        folder_box.addLayout(folder_row)
        self.data_dir_note = self._note("")
        folder_box.addWidget(self.data_dir_note)
        form.addRow(self.tr("数据文件夹："), folder_box)
        form.addRow(self.tr("日志文件："), self._log_row())
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _log_row(self) -> QVBoxLayout:
        """Where the log is (delivery failures and errors go there), to hand to support."""
        from desktop_app import logs

        current = logs.current_log_file()
        self.log_file_edit = QLineEdit(str(current or logs.log_dir() / logs.LOG_FILE))
        self.log_file_edit.setReadOnly(True)
        self.open_log_dir_button = QPushButton(self.tr("打开文件夹"))
        folder = current.parent if current is not None else logs.log_dir()
        self.open_log_dir_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        row = QHBoxLayout()
        row.addWidget(self.log_file_edit, 1)
        row.addWidget(self.open_log_dir_button)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(row)
        note = (
            self.tr("提醒的发送情况和程序错误记录在这里，遇到问题时可发给维护人员。")
            if current is not None
            else self.tr("日志文件无法写入，本次运行的记录不会保存。")
        )
        self.log_note = self._note(note)
        box.addWidget(self.log_note)
        return box

    def _build_backups_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            self._note(
                self.tr(
                    "每次导入、删除计划和升级前都会自动备份，最多保留最近 {n} 份。"
                    "从备份恢复前，当前数据会先另存为一份备份。"
                ).format(n=backup.KEEP_BACKUPS)
            )
        )
        self.backup_tree = QTreeWidget()
        self.backup_tree.setHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("大小")])
        self.backup_tree.setRootIsDecorated(False)
        self.backup_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.backup_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.backup_tree.itemSelectionChanged.connect(self._update_backup_buttons)
        layout.addWidget(self.backup_tree, 1)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.backup_message = self._message_label()
        layout.addWidget(self.backup_message)
        return page

    # -- loading -------------------------------------------------------------------------

    def _load_all(self) -> None:
        self._load_departments(departments.my_department_ids())
        self._load_reminders()
        self._load_general()
        self._load_backups()

    def _load_departments(self, checked_ids: Sequence[int]) -> None:
        selected = self.selected_department_id()
        checked = set(checked_ids)
        tree = self.department_tree
        tree.blockSignals(True)
        tree.clear()
        for d in repository.departments():
            if d.collective:
                continue
            item = QTreeWidgetItem([d.name, str(d.tasks), "、".join(d.aliases)])
            item.setData(0, ID_ROLE, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            if d.id == selected:
                item.setSelected(True)
                tree.setCurrentItem(item)
        tree.blockSignals(False)
        self.no_departments_note.setHidden(tree.topLevelItemCount() > 0)
        self._loaded_mine = list(departments.my_department_ids())
        self._sync_department_radios()
        self._update_department_buttons()

    def _load_reminders(self) -> None:
        settings = reminder_settings()
        self._loaded_reminders = settings
        self.remind_time.setTime(QTime(settings.remind_at.hour, settings.remind_at.minute))
        self.lead_edit.setText(format_lead_workdays(settings.lead_workdays))
        self.late_check.setChecked(settings.late_every_days > 0)
        self.quiet_start.setTime(QTime(settings.quiet_start.hour, settings.quiet_start.minute))
        self.quiet_end.setTime(QTime(settings.quiet_end.hour, settings.quiet_end.minute))
        self.holiday_list.clear()
        for day in settings.extra_holidays:
            self.add_holiday(day)
        now = self._storage.clock()
        self.holiday_date.setDate(_qdate(now.date()))
        next_year = now.year + 1
        if WorkCalendar.covers(next_year):
            self.calendar_note.hide()
        else:
            self.calendar_note.setText(
                self.tr(
                    "国家尚未公布 {year} 年的节假日安排，该年按周一至周五计算工作日；"
                    "可在“额外休息日”中自行添加。"
                ).format(year=next_year)
            )
            self.calendar_note.show()
        self._pause_until = settings.paused_until if settings.is_paused(now) else None
        self._show_pause()
        try:
            self._autostart_was = bool(self._is_start_at_login())
        except (OSError, ValueError):  # an unreadable entry: show it as off
            self._autostart_was = False
        self.autostart_check.setChecked(self._autostart_was)

    def _load_general(self) -> None:
        index = self.language_combo.findData(self._language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self._show_data_dir()

    def _load_backups(self) -> None:
        self.backup_tree.clear()
        now = self._storage.clock()
        for info in backup.list_backups(self._storage.backups_dir):  # newest made first
            reason = self.reason_name(info.reason)
            if info.from_the_future(now):
                reason += self.tr("（时间晚于现在，当时时钟有误）")
            item = QTreeWidgetItem(
                [info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), reason, human_size(info.size)]
            )
            item.setData(0, ID_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_tree.addTopLevelItem(item)
        self._update_backup_buttons()

    def reason_name(self, reason: str) -> str:
        """Why a backup was taken, in the user's language."""
        if reason == "manual":
            return self.tr("手动备份")
        if reason == "before-import":
            return self.tr("导入前")
        if reason == "before-restore":
            return self.tr("恢复前")
        if reason == "before-delete":
            return self.tr("删除计划前")
        if re.fullmatch(r"before-v\d+", reason):
            return self.tr("升级前")
        return reason

    # -- messages ------------------------------------------------------------------------

    def _error_text(self, exc: ServiceError | StorageError) -> str:
        return exc.message_en if self._language == "en" else exc.message_zh

    def _show(self, label: QLabel, text: str, *, error: bool) -> None:
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)
        label.show()

    # -- my departments ------------------------------------------------------------------

    def _department_items(self) -> list[QTreeWidgetItem]:
        tree = self.department_tree
        return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]

    def chosen_department_ids(self) -> list[int]:
        """The departments ticked, in list order; empty means all departments."""
        return [
            int(item.data(0, ID_ROLE))
            for item in self._department_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def check_department(self, name: str, checked: bool = True) -> None:
        for item in self._department_items():
            if item.text(0) == name:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def select_department(self, name: str) -> None:
        for item in self._department_items():
            if item.text(0) == name:
                self.department_tree.setCurrentItem(item)
                item.setSelected(True)
                return
        raise KeyError(name)

    def selected_department_id(self) -> int | None:
        items = self.department_tree.selectedItems()
        return int(items[0].data(0, ID_ROLE)) if items else None

    def _selected_department_name(self) -> str | None:
        items = self.department_tree.selectedItems()
        return items[0].text(0) if items else None

    def _choose_all_departments(self) -> None:
        self.department_tree.blockSignals(True)
        for item in self._department_items():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        self.department_tree.blockSignals(False)
        self._sync_department_radios()

    def _department_check_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._sync_department_radios()

    def _sync_department_radios(self) -> None:
        some = bool(self.chosen_department_ids())
        (self.some_departments_button if some else self.all_departments_button).setChecked(True)

    def _update_department_buttons(self) -> None:
        has = self.selected_department_id() is not None
        for button in (self.rename_button, self.merge_button, self.alias_button):
            button.setEnabled(has)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """Ask for one line of text; tests replace this so nothing blocks."""
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def ask_item(self, title: str, label: str, items: list[str]) -> str | None:
        """Ask to pick one of ``items``; tests replace this so nothing blocks."""
        value, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return value if ok else None

    def _ask_rename(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        new_name = self.ask_text(
            self.tr("部门改名"), self.tr("“{name}”的新名称：").format(name=name), name
        )
        if new_name is not None:
            self.rename_selected(new_name)

    def _ask_merge(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        others = [item.text(0) for item in self._department_items() if item.text(0) != name]
        if not others:
            self._show(self.department_message, self.tr("没有可以合并到的其他部门。"), error=True)
            return
        target = self.ask_item(
            self.tr("合并部门"),
            self.tr("把“{name}”的任务全部并入（合并后“{name}”作为别名保留）：").format(name=name),
            others,
        )
        if target is not None:
            self.merge_selected_into(target)

    def _ask_alias(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        alias = self.ask_text(
            self.tr("添加别名"),
            self.tr("工作要点中“{name}”的另一种写法：").format(name=name),
        )
        if alias is not None:
            self.add_alias_to_selected(alias)

    def _department_action(self, action: Callable[[int], object], done: str) -> bool:
        dept_id = self.selected_department_id()
        if dept_id is None:
            self._show(self.department_message, self.tr("请先选中一个部门。"), error=True)
            return False
        try:
            action(dept_id)
        except (ServiceError, StorageError) as exc:
            self._show(self.department_message, self._error_text(exc), error=True)
            return False
        self._show(self.department_message, done, error=False)
        self.departments_changed.emit()
        return True

    def rename_selected(self, new_name: str) -> bool:
        """Rename the selected department; False (with the reason shown) when refused."""
        checked = self.chosen_department_ids()

        def rename(dept_id: int) -> None:
            departments.rename(self._storage, dept_id, new_name)
            self._load_departments(checked)

        clean = repository.normalize_name(new_name)
        return self._department_action(
            rename, self.tr("已改名为“{name}”，原名称保留为别名。").format(name=clean)
        )

    def merge_selected_into(self, name: str) -> bool:
        """Fold the selected department into the one called ``name``."""
        checked = self.chosen_department_ids()

        def merge(dept_id: int) -> None:
            target = departments.merge(self._storage, dept_id, name)
            mapped = [target.id if i == dept_id else i for i in checked]
            self._load_departments(list(dict.fromkeys(mapped)))
            self.select_department(target.name)

        return self._department_action(
            merge, self.tr("已合并到“{name}”。").format(name=repository.normalize_name(name))
        )

    def add_alias_to_selected(self, alias: str) -> bool:
        """Another name that later imports will read as the selected department."""
        checked = self.chosen_department_ids()
        clean = repository.normalize_name(alias)
        if not clean:
            self._show(self.department_message, self.tr("别名不能为空。"), error=True)
            return False

        def add(dept_id: int) -> None:
            departments.add_alias(self._storage, dept_id, clean)
            self._load_departments(checked)

        return self._department_action(add, self.tr("已添加别名“{alias}”。").format(alias=clean))

    # -- reminders -----------------------------------------------------------------------

    def add_holiday(self, day: date) -> None:
        existing = self.holidays()
        if day in existing:
            return
        item = QListWidgetItem(day.isoformat())
        item.setData(ID_ROLE, day.isoformat())
        position = sum(1 for d in existing if d < day)
        self.holiday_list.insertItem(position, item)

    def remove_selected_holidays(self) -> None:
        for item in self.holiday_list.selectedItems():
            self.holiday_list.takeItem(self.holiday_list.row(item))

    def holidays(self) -> list[date]:
        return [
            date.fromisoformat(self.holiday_list.item(i).data(ID_ROLE))
            for i in range(self.holiday_list.count())
        ]

    def _show_pause(self) -> None:
        if self._pause_until is None:
            self.pause_row.hide()
            return
        self.pause_label.setText(
            self.tr("提醒已暂停，到 {when} 恢复。").format(
                when=self._pause_until.strftime("%Y-%m-%d %H:%M")
            )
        )
        self.pause_row.show()

    def _resume(self) -> None:
        self._pause_until = None
        self._show_pause()

    def reminder_settings_from_form(self) -> ReminderSettings:
        """The reminder settings as the form shows them, checked; raises ServiceError."""
        loaded = self._loaded_reminders
        # a checked box keeps an interval set elsewhere (say 14 days); a new one is weekly
        late = (loaded.late_every_days or WEEKLY) if self.late_check.isChecked() else 0
        settings = replace(
            loaded,
            remind_at=_qtime_to_time(self.remind_time.time()),
            lead_workdays=parse_lead_workdays(self.lead_edit.text()),
            late_every_days=late,
            quiet_start=_qtime_to_time(self.quiet_start.time()),
            quiet_end=_qtime_to_time(self.quiet_end.time()),
            extra_holidays=tuple(self.holidays()),
            paused_until=self._pause_until,
        )
        return validate_reminder_settings(settings)

    # -- general -------------------------------------------------------------------------

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    def _current_data_dir(self) -> Path:
        return self._storage.path.parent

    def _show_data_dir(self) -> None:
        current = self._current_data_dir()
        configured = self._app_settings.value(DATA_DIR_KEY, "")
        if self._pending_data_dir is not None:
            self.data_dir_edit.setText(str(self._pending_data_dir))
            if paths.database_path(self._pending_data_dir).exists():
                note = self.tr(
                    "该文件夹中已有数据，重新启动程序后将使用其中的数据；当前文件夹中的数据保留不动。"
                )
            else:
                note = self.tr(
                    "按“确定”后，当前数据会复制到该文件夹，重新启动程序后生效；"
                    "请在更改后尽快重启，原文件夹中的数据保留不动。"
                )
        else:
            self.data_dir_edit.setText(str(current))
            if configured and Path(str(configured)) != current:
                note = self.tr("已设置为 {path}，重新启动程序后生效。").format(path=configured)
            else:
                note = self.tr("数据库和备份保存在这里。更改文件夹后需重新启动程序才能生效。")
        self.data_dir_note.setText(note)

    def ask_directory(self) -> Path | None:
        """Ask for a folder; tests replace this so nothing blocks."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择数据文件夹"), str(self._current_data_dir())
        )
        return Path(chosen) if chosen else None

    def _ask_data_dir(self) -> None:
        folder = self.ask_directory()
        if folder is not None:
            self.choose_data_dir(folder)

    def choose_data_dir(self, folder: Path) -> None:
        """Use ``folder`` for the data from the next start (stored by OK)."""
        folder = Path(folder).expanduser()
        same = folder.resolve() == self._current_data_dir().resolve()
        self._pending_data_dir = None if same else folder
        self._show_data_dir()

    def _open_data_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._current_data_dir())))

    def _check_folder(self, folder: Path) -> None:
        """Refuse a new data folder that cannot be created or written, before saving anything."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise _Refused(
                self.tr("无法使用该文件夹：{path}（{reason}）").format(
                    path=folder, reason=exc.strerror or exc
                )
            ) from exc

    def _copy_data_to(self, folder: Path) -> None:
        """Copy the database into a new data folder that has none."""
        target = paths.database_path(folder)
        if target.exists():
            return
        try:
            with self._storage.translated():
                backup.copy_database(self._storage.raw(), target)
        except (OSError, StorageError) as exc:
            reason = self._error_text(exc) if isinstance(exc, StorageError) else str(exc)
            raise _Refused(
                self.tr("其他设置已保存，但无法把数据复制到新文件夹：{reason}").format(
                    reason=reason
                )
            ) from exc

    # -- backups -------------------------------------------------------------------------

    def selected_backup(self) -> BackupInfo | None:
        items = self.backup_tree.selectedItems()
        if not items:
            return None
        path = Path(items[0].data(0, ID_ROLE))
        for info in backup.list_backups(self._storage.backups_dir):
            if info.path == path:
                return info
        return None

    def _update_backup_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.backup_tree.selectedItems()))

    def back_up_now(self) -> Path | None:
        try:
            made = self._storage.backup("manual")
        except StorageError as exc:
            self._show(self.backup_message, self._error_text(exc), error=True)
            return None
        self._load_backups()
        self._show(
            self.backup_message, self.tr("已备份：{name}").format(name=made.name), error=False
        )
        return made

    def confirm_restore(self, info: BackupInfo) -> bool:
        """Ask before replacing the data; tests replace this so nothing blocks."""
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用 {when} 的备份替换现在的全部数据吗？\n现在的数据会先另存为一份备份。"
            ).format(when=info.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        """Replace the data with the selected backup, after asking; the dialog reloads."""
        info = self.selected_backup()
        if info is None:
            self._show(self.backup_message, self.tr("请先选中一个备份。"), error=True)
            return False
        if not self.confirm_restore(info):
            return False
        try:
            restore_backup(self._storage, info.path)
        except (StorageError, ServiceError) as exc:
            self._show(self.backup_message, self._error_text(exc), error=True)
            return False
        self._load_departments(departments.my_department_ids())
        self._load_reminders()
        self._load_backups()
        self._show(
            self.backup_message,
            self.tr("已恢复到 {when} 的数据；恢复前的数据已另存为备份。").format(
                when=info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
            ),
            error=False,
        )
        self.departments_changed.emit()
        self.settings_changed.emit()
        return True

    # -- OK ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save everything or nothing; a refusal is shown and the dialog stays open."""
        self.error_label.hide()
        try:
            self._save()
        except (ServiceError, StorageError) as exc:
            self._show(self.error_label, self._error_text(exc), error=True)
            return
        except _Refused as exc:
            self._show(self.error_label, str(exc), error=True)
            return
        super().accept()

    def _save(self) -> None:
        try:
            reminders = self.reminder_settings_from_form()
        except ServiceError:
            self.tabs.setCurrentIndex(1)
            raise
        mine = self.chosen_department_ids()
        new_folder = self._pending_data_dir
        if new_folder is not None and not paths.database_path(new_folder).exists():
            self._check_folder(new_folder)
        autostart_wanted = self.autostart_check.isChecked()
        autostart_changed = autostart_wanted != self._autostart_was
        if autostart_changed:
            self._apply_autostart(autostart_wanted)
        try:
            with self._storage.write():
                departments.set_my_departments(self._storage, mine)
                save_reminder_settings(self._storage, reminders)
        except BaseException:
            if autostart_changed:
                self._apply_autostart(self._autostart_was, quiet=True)
            raise
        self._autostart_was = autostart_wanted
        self._loaded_reminders = reminders
        self._app_settings.setValue(LANGUAGE_KEY, self.chosen_language())
        self._app_settings.sync()
        if mine != self._loaded_mine:
            self._loaded_mine = mine
            self.departments_changed.emit()
        self.settings_changed.emit()
        if new_folder is not None:
            # after the save, so the copy holds it; the folder was checked above
            self._copy_data_to(new_folder)
            self._app_settings.setValue(DATA_DIR_KEY, str(new_folder))
            self._app_settings.sync()
            self._pending_data_dir = None
            self._show_data_dir()

    def _apply_autostart(self, enabled: bool, *, quiet: bool = False) -> None:
        try:
            self._set_start_at_login(enabled, self._login_command)
        except (OSError, ValueError) as exc:
            if quiet:
                return
            raise _Refused(self.tr("无法设置开机自动启动：{reason}").format(reason=exc)) from exc
