"""The 提醒 page: reminder times, days off, the pause, start at login, the test reminder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QTime

from desktop_app.services import departments
from desktop_app.services.settings import DEFAULTS, reminder_settings, save_reminder_settings
from tests.storage_helpers import new_storage


def test_reminder_time_and_lead_times_persist(dialog) -> None:
    dialog.tabs.setCurrentIndex(1)
    assert dialog.reminders_page.lead_edit.text() == "10、5、1"
    assert dialog.reminders_page.remind_time.time() == QTime(9, 0)
    dialog.reminders_page.remind_time.setTime(QTime(14, 30))
    dialog.reminders_page.lead_edit.setText("3，15、7")
    dialog.reminders_page.late_check.setChecked(False)
    dialog.reminders_page.quiet_start.setTime(QTime(12, 0))
    dialog.reminders_page.quiet_end.setTime(QTime(13, 0))
    dialog.reminders_page.add_holiday(date(2024, 10, 8))
    dialog.reminders_page.add_holiday(date(2024, 5, 6))
    dialog.reminders_page.add_holiday(date(2024, 5, 6))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert reminder_settings() == replace(
        DEFAULTS,
        remind_at=time(14, 30),
        lead_workdays=(15, 7, 3),
        late_every_days=0,
        quiet_start=time(12, 0),
        quiet_end=time(13, 0),
        extra_holidays=(date(2024, 5, 6), date(2024, 10, 8)),
    )


def test_dialog_shows_the_stored_reminder_settings(make_dialog, storage) -> None:
    stored = replace(
        DEFAULTS,
        remind_at=time(8, 15),
        lead_workdays=(20, 2),
        late_every_days=14,
        extra_holidays=(date(2024, 4, 30),),
        paused_until=datetime(2024, 3, 20, 9, 0),
    )
    save_reminder_settings(storage, stored)
    dialog = make_dialog(storage)
    assert dialog.reminders_page.remind_time.time() == QTime(8, 15)
    assert dialog.reminders_page.lead_edit.text() == "20、2"
    assert dialog.reminders_page.late_check.isChecked()
    assert dialog.reminders_page.holidays() == [date(2024, 4, 30)]
    assert (
        not dialog.reminders_page.pause_row.isHidden()
        and "2024-03-20 09:00" in dialog.reminders_page.pause_label.text()
    )
    dialog.reminders_page.holiday_list.item(0).setSelected(True)
    dialog.reminders_page.holiday_remove_button.click()
    dialog.reminders_page.resume_button.click()
    dialog.accept()
    assert reminder_settings() == replace(
        stored, extra_holidays=(), paused_until=None
    )  # the fortnightly late reminder is kept


def test_invalid_lead_times_show_a_message_and_save_nothing(dialog, qtbot) -> None:
    dialog.departments_page.check_department("信息处")
    dialog.reminders_page.remind_time.setTime(QTime(10, 0))
    dialog.reminders_page.lead_edit.setText("10、五")
    with (
        qtbot.assertNotEmitted(dialog.settings_changed),
        qtbot.assertNotEmitted(dialog.departments_changed),
    ):
        dialog.accept()
    assert dialog.isVisible()
    assert "“五”不是整数" in dialog.error_label.text()
    assert dialog.tabs.currentIndex() == 1
    assert departments.my_department_ids() == []
    assert reminder_settings() == DEFAULTS
    for bad, words in (("5、5", "不能重复"), ("61", "1 到 60")):
        dialog.reminders_page.lead_edit.setText(bad)
        dialog.accept()
        assert words in dialog.error_label.text()
    assert reminder_settings() == DEFAULTS


def test_reminder_time_in_quiet_hours_is_refused(dialog) -> None:
    dialog.reminders_page.remind_time.setTime(QTime(23, 0))
    dialog.accept()
    assert "免打扰" in dialog.error_label.text()
    assert reminder_settings() == DEFAULTS


def test_start_at_login(dialog, fake_autostart) -> None:
    assert not dialog.reminders_page.autostart_check.isChecked()
    dialog.reminders_page.autostart_check.setChecked(True)
    dialog.accept()
    assert fake_autostart.calls == [(True, ["deadline-reminder"])]


def test_start_at_login_failure_is_shown(
    storage, qtbot, app_settings, fake_autostart, make_dialog
) -> None:
    fake_autostart.fail = True
    dialog = make_dialog(storage)
    dialog.departments_page.check_department("信息处")
    dialog.reminders_page.autostart_check.setChecked(True)
    dialog.accept()
    assert "无法设置开机自动启动" in dialog.error_label.text()
    assert departments.my_department_ids() == []


def test_test_notification_button(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.test_notification_requested):
        dialog.reminders_page.test_button.click()


def test_calendar_note_when_next_year_is_not_announced(tmp_path, make_dialog) -> None:
    storage = new_storage(tmp_path / "future", start=datetime(2040, 3, 1, 9, 0))
    try:
        dialog = make_dialog(storage)
        assert not dialog.reminders_page.calendar_note.isHidden()
        assert "国家尚未公布 2041 年的节假日安排" in dialog.reminders_page.calendar_note.text()
        assert "按周一至周五计算工作日" in dialog.reminders_page.calendar_note.text()
    finally:
        storage.close()


def test_no_calendar_note_when_next_year_is_known(dialog) -> None:
    assert dialog.reminders_page.calendar_note.isHidden()  # the clock says 2024; 2025 is announced
