"""The 提醒 page: when reminders go out, days off, the pause, start at login, a test reminder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import cast

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plans.years import YEAR_MAX, YEAR_MIN
from desktop_app.services import holidays
from desktop_app.services.settings import (
    ReminderSettings,
    format_lead_workdays,
    parse_lead_workdays,
    validate_reminder_settings,
)
from desktop_app.ui.settings.common import DATE_FORMAT, ID_ROLE, WARNING_STYLE, note, row

WEEKLY = 7


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# QDate.toPython() and QTime.toPython() give a datetime.date and a datetime.time;
# PySide6's stubs say object.
def _date(value: QDate) -> date:
    return cast(date, value.toPython())


def _qtime_to_time(value: QTime) -> time:
    return cast(time, value.toPython()).replace(second=0, microsecond=0)


@dataclass(frozen=True)
class ReminderChoice:
    """What the page holds for OK: the checked settings, and whether to start at login."""

    settings: ReminderSettings
    start_at_login: bool


class RemindersPage(QWidget):
    """The reminder settings as a form; ``apply`` checks them (raising ``ServiceError``)."""

    test_notification_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pause_until: datetime | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())

        self.calendar_note = note("", WARNING_STYLE)
        self.calendar_note.hide()
        layout.addWidget(self.calendar_note)

        self.pause_label = QLabel()
        self.resume_button = QPushButton(self.tr("立即恢复提醒"))
        self.resume_button.clicked.connect(self._resume)
        self.pause_row = QWidget()
        pause_row = row(self.pause_label, self.resume_button)
        pause_row.setContentsMargins(0, 0, 0, 0)
        self.pause_row.setLayout(pause_row)
        self.pause_row.hide()
        layout.addWidget(self.pause_row)

        self.autostart_check = QCheckBox(self.tr("登录电脑后自动启动本程序（在后台提醒）"))
        layout.addWidget(self.autostart_check)
        self.test_button = QPushButton(self.tr("发送测试提醒"))
        self.test_button.clicked.connect(lambda: self.test_notification_requested.emit())
        layout.addLayout(
            row(self.test_button, note(self.tr("检查桌面通知能否正常弹出"), wrap=False))
        )
        layout.addStretch(1)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.remind_time = QTimeEdit()
        self.remind_time.setDisplayFormat("HH:mm")
        form.addRow(self.tr("每天提醒时间："), row(self.remind_time))

        self.lead_edit = QLineEdit()
        self.lead_edit.setPlaceholderText(self.tr("例如 10、5、1"))
        self.lead_edit.setMaximumWidth(160)
        form.addRow(
            self.tr("提前提醒："),
            row(self.lead_edit, note(self.tr("个工作日前"), wrap=False)),
        )
        form.addRow(
            "",
            note(self.tr("多个天数用顿号分隔；截止当月的最后一个工作日总会再提醒一次。")),
        )

        self.late_check = QCheckBox(self.tr("逾期未完成的任务每周再提醒一次"))
        form.addRow(self.tr("逾期任务："), self.late_check)

        self.quiet_start = QTimeEdit()
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_end = QTimeEdit()
        self.quiet_end.setDisplayFormat("HH:mm")
        form.addRow(
            self.tr("免打扰时段："),
            row(
                self.quiet_start,
                QLabel(self.tr("至")),
                self.quiet_end,
                note(self.tr("（两者相同表示不设免打扰）"), wrap=False),
            ),
        )
        form.addRow(self.tr("额外休息日："), self._build_holidays())
        form.addRow(
            "",
            note(self.tr("本单位另行安排的休息日，不算工作日；法定节假日和调休已自动计入。")),
        )
        return form

    def _build_holidays(self) -> QHBoxLayout:
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
            lambda: self.add_holiday(_date(self.holiday_date.date()))
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
        return holidays

    # -- load and apply ------------------------------------------------------------------

    def load(self, settings: ReminderSettings, *, now: datetime, start_at_login: bool) -> None:
        """Show the stored settings; ``now`` decides the pause, today and next year's note."""
        self.remind_time.setTime(QTime(settings.remind_at.hour, settings.remind_at.minute))
        self.lead_edit.setText(format_lead_workdays(settings.lead_workdays))
        self.late_check.setChecked(settings.late_every_days > 0)
        self.quiet_start.setTime(QTime(settings.quiet_start.hour, settings.quiet_start.minute))
        self.quiet_end.setTime(QTime(settings.quiet_end.hour, settings.quiet_end.minute))
        self.holiday_list.clear()
        for day in settings.extra_holidays:
            self.add_holiday(day)
        self.holiday_date.setDate(_qdate(now.date()))
        next_year = now.year + 1
        if holidays.work_calendar(()).covers(next_year):
            self.calendar_note.hide()
        else:
            self.calendar_note.setText(
                self.tr(
                    "国家尚未公布 {0} 年的节假日安排，该年按周一至周五计算工作日；"
                    "可在“额外休息日”中自行添加。"
                ).format(next_year)
            )
            self.calendar_note.show()
        self._pause_until = settings.paused_until if settings.is_paused(now) else None
        self._show_pause()
        self.autostart_check.setChecked(start_at_login)

    def apply(self, stored: ReminderSettings) -> ReminderChoice:
        """The form's settings on top of ``stored``, checked; raises ``ServiceError``."""
        # a checked box keeps an interval set elsewhere (say 14 days); a new one is weekly
        late = (stored.late_every_days or WEEKLY) if self.late_check.isChecked() else 0
        settings = replace(
            stored,
            remind_at=_qtime_to_time(self.remind_time.time()),
            lead_workdays=parse_lead_workdays(self.lead_edit.text()),
            late_every_days=late,
            quiet_start=_qtime_to_time(self.quiet_start.time()),
            quiet_end=_qtime_to_time(self.quiet_end.time()),
            extra_holidays=tuple(self.holidays()),
            paused_until=self._pause_until,
        )
        return ReminderChoice(
            validate_reminder_settings(settings), self.autostart_check.isChecked()
        )

    # -- days off and the pause ----------------------------------------------------------

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
            self.tr("提醒已暂停，到 {0} 恢复。").format(
                self._pause_until.strftime("%Y-%m-%d %H:%M")
            )
        )
        self.pause_row.show()

    def _resume(self) -> None:
        self._pause_until = None
        self._show_pause()
