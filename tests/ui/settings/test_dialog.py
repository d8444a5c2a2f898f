"""The dialog as a whole: OK saves every page or nothing, and it fits a small screen."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtCore import QTime

from db.connection import open_storage
from desktop_app.services import departments
from desktop_app.services.settings import DEFAULTS, reminder_settings
from desktop_app.ui.settings import SettingsDialog
from tests.storage_helpers import FakeClock
from tests.ui.settings.helpers import add_departments, department_id


def test_a_locked_database_saves_nothing(tmp_path, qtbot, app_settings, fake_autostart) -> None:
    path = tmp_path / "locked" / "tasks.sqlite3"
    storage = open_storage(path, clock=FakeClock(datetime(2024, 3, 1, 9)), busy_timeout=0.05)
    add_departments(storage)
    dialog = SettingsDialog(
        storage,
        app_settings,
        is_start_at_login=fake_autostart.get,
        set_start_at_login=fake_autostart.set,
        login_command=["x"],
    )
    qtbot.addWidget(dialog)
    dialog.departments_page.check_department("信息处")
    dialog.reminders_page.remind_time.setTime(QTime(10, 0))
    dialog.reminders_page.autostart_check.setChecked(True)
    dialog.general_page.language_combo.setCurrentIndex(
        dialog.general_page.language_combo.findData("en")
    )
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.assertNotEmitted(dialog.settings_changed):
            dialog.accept()
    finally:
        other.rollback()
        other.close()
    assert "数据库正被另一个程序占用" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert fake_autostart.calls == [(True, ["x"]), (False, ["x"])]
    assert not fake_autostart.enabled
    assert app_settings.value("ui/language") is None
    assert departments.my_department_ids() == []
    assert reminder_settings() == DEFAULTS
    dialog.accept()  # the lock is gone: now it saves
    assert departments.my_department_ids() == [department_id("信息处")]
    assert fake_autostart.enabled
    storage.close()


def test_the_dialog_fits_a_small_screen(dialog) -> None:
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 - 80 and hint.height() <= 768 - 80
    assert dialog.height() <= 768 - 80
