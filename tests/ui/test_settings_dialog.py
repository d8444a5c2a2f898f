"""The settings dialog on a real database, and start-at-login on fake home folders and registries."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import plistlib
import sqlite3
import subprocess
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTime

from db import backup, repository
from db.connection import open_storage
from desktop_app.services import departments
from desktop_app.services.settings import DEFAULTS, reminder_settings, save_reminder_settings
from desktop_app.ui import autostart
from desktop_app.ui.settings_dialog import SettingsDialog
from tests.storage_helpers import FakeClock, new_storage

NAMES = ("信息处", "公服处", "办公室", "各部门")


class FakeAutostart:
    """Records what the dialog asks of start-at-login; can be told to fail."""

    def __init__(self, enabled: bool = False, fail: bool = False) -> None:
        self.enabled = enabled
        self.fail = fail
        self.calls: list[tuple[bool, list[str]]] = []

    def get(self) -> bool:
        return self.enabled

    def set(self, enabled: bool, command: list[str]) -> None:
        self.calls.append((enabled, command))
        if self.fail:
            raise PermissionError(13, "Permission denied")
        self.enabled = enabled


def _add_departments(storage) -> None:
    with storage.write():
        for name in NAMES:
            departments.resolve_or_create(storage, name)


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path / "data")
    _add_departments(storage)
    yield storage
    storage.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def fake_autostart() -> FakeAutostart:
    return FakeAutostart()


@pytest.fixture
def make_dialog(qtbot, app_settings, fake_autostart):
    def make(storage) -> SettingsDialog:
        dialog = SettingsDialog(
            storage,
            app_settings,
            is_start_at_login=fake_autostart.get,
            set_start_at_login=fake_autostart.set,
            login_command=["deadline-reminder"],
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


@pytest.fixture
def dialog(make_dialog, storage) -> SettingsDialog:
    return make_dialog(storage)


def _id(name: str) -> int:
    found = repository.find_department(name)
    assert found is not None, name
    return found.id


def _listed(dialog: SettingsDialog) -> list[str]:
    tree = dialog.department_tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


# -- my departments ----------------------------------------------------------------------


def test_collective_departments_are_not_listed(dialog) -> None:
    assert sorted(_listed(dialog)) == sorted(["信息处", "公服处", "办公室"])
    assert dialog.all_departments_button.isChecked()


def test_choosing_my_departments_persists(dialog, qtbot) -> None:
    dialog.check_department("信息处")
    dialog.check_department("公服处")
    assert dialog.some_departments_button.isChecked()
    with (
        qtbot.waitSignal(dialog.settings_changed),
        qtbot.waitSignal(dialog.departments_changed),
    ):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert sorted(departments.my_department_ids()) == sorted([_id("信息处"), _id("公服处")])
    assert not dialog.isVisible()


def test_all_departments_clears_the_choice(make_dialog, storage) -> None:
    departments.set_my_departments(storage, ["信息处"])
    dialog = make_dialog(storage)
    assert dialog.chosen_department_ids() == [_id("信息处")]
    assert dialog.some_departments_button.isChecked()
    dialog.all_departments_button.click()
    assert dialog.chosen_department_ids() == []
    dialog.accept()
    assert departments.my_department_ids() == []


def test_unticking_the_last_department_means_all(dialog) -> None:
    dialog.check_department("信息处")
    dialog.check_department("信息处", checked=False)
    assert dialog.all_departments_button.isChecked()


def test_rename_changes_the_database_and_tells_the_window(dialog, qtbot) -> None:
    dialog.check_department("信息处")
    dialog.select_department("信息处")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.rename_selected("信息 中心")
    found = repository.find_department("信息处")
    assert found is not None and found.name == "信息中心"  # the old name is an alias now
    assert "信息中心" in _listed(dialog) and "信息处" not in _listed(dialog)
    assert dialog.chosen_department_ids() == [found.id]  # the unsaved tick survives
    assert dialog.selected_department_id() == found.id
    assert "已改名为“信息中心”" in dialog.department_message.text()


def test_rename_to_a_taken_name_is_refused_inline(dialog, qtbot) -> None:
    dialog.select_department("信息处")
    with qtbot.assertNotEmitted(dialog.departments_changed):
        assert not dialog.rename_selected("公服处")
    assert "已有名为“公服处”的部门" in dialog.department_message.text()
    assert dialog.department_message.isVisible()
    assert sorted(_listed(dialog)) == sorted(["信息处", "公服处", "办公室"])


def test_rename_button_asks_then_renames(dialog, monkeypatch) -> None:
    asked = []

    def ask_text(title: str, label: str, text: str = "") -> str:
        asked.append(text)
        return "公共服务处"

    monkeypatch.setattr(dialog, "ask_text", ask_text)
    dialog.select_department("公服处")
    dialog.rename_button.click()
    assert asked == ["公服处"]
    assert repository.find_department("公服处").name == "公共服务处"


def test_nothing_selected_says_so(dialog) -> None:
    dialog.department_tree.clearSelection()
    assert not dialog.rename_button.isEnabled()
    assert not dialog.merge_selected_into("信息处")
    assert "请先选中一个部门" in dialog.department_message.text()


def test_merge_changes_the_database_and_tells_the_window(make_dialog, storage, qtbot) -> None:
    departments.set_my_departments(storage, ["公服处"])
    dialog = make_dialog(storage)
    dialog.select_department("公服处")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.merge_selected_into("信息处")
    assert repository.find_department("公服处").name == "信息处"
    assert "公服处" not in _listed(dialog)
    assert dialog.chosen_department_ids() == [_id("信息处")]
    assert departments.my_department_ids() == [_id("信息处")]
    row = next(d for d in repository.departments() if d.name == "信息处")
    assert "公服处" in row.aliases


def test_merge_button_offers_the_other_departments(dialog, monkeypatch) -> None:
    offered = []

    def ask_item(title: str, label: str, items: list[str]) -> str:
        offered.extend(items)
        return "办公室"

    monkeypatch.setattr(dialog, "ask_item", ask_item)
    dialog.select_department("信息处")
    dialog.merge_button.click()
    assert sorted(offered) == sorted(["公服处", "办公室"])
    assert repository.find_department("信息处").name == "办公室"


def test_merge_into_itself_is_refused(dialog) -> None:
    dialog.select_department("信息处")
    assert not dialog.merge_selected_into("信息处")
    assert "不能把部门合并到它自己" in dialog.department_message.text()


def test_add_alias(dialog, qtbot) -> None:
    dialog.select_department("办公室")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.add_alias_to_selected("局办公室")
    assert repository.find_department("局办公室").name == "办公室"
    assert not dialog.add_alias_to_selected("信息处")
    assert "已是一个部门" in dialog.department_message.text()


def test_an_empty_database_says_where_departments_come_from(tmp_path, make_dialog) -> None:
    storage = new_storage(tmp_path / "empty")
    try:
        dialog = make_dialog(storage)
        assert not dialog.no_departments_note.isHidden()
        assert not dialog.rename_button.isEnabled()
        dialog.accept()
        assert departments.my_department_ids() == []
        assert reminder_settings() == DEFAULTS
    finally:
        storage.close()


# -- reminders ---------------------------------------------------------------------------


def test_reminder_time_and_lead_times_persist(dialog) -> None:
    dialog.tabs.setCurrentIndex(1)
    assert dialog.lead_edit.text() == "10、5、1"
    assert dialog.remind_time.time() == QTime(9, 0)
    dialog.remind_time.setTime(QTime(14, 30))
    dialog.lead_edit.setText("3，15、7")
    dialog.late_check.setChecked(False)
    dialog.quiet_start.setTime(QTime(12, 0))
    dialog.quiet_end.setTime(QTime(13, 0))
    dialog.add_holiday(date(2024, 10, 8))
    dialog.add_holiday(date(2024, 5, 6))
    dialog.add_holiday(date(2024, 5, 6))
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
    assert dialog.remind_time.time() == QTime(8, 15)
    assert dialog.lead_edit.text() == "20、2"
    assert dialog.late_check.isChecked()
    assert dialog.holidays() == [date(2024, 4, 30)]
    assert not dialog.pause_row.isHidden() and "2024-03-20 09:00" in dialog.pause_label.text()
    dialog.holiday_list.item(0).setSelected(True)
    dialog.holiday_remove_button.click()
    dialog.resume_button.click()
    dialog.accept()
    assert reminder_settings() == replace(
        stored, extra_holidays=(), paused_until=None
    )  # the fortnightly late reminder is kept


def test_invalid_lead_times_show_a_message_and_save_nothing(dialog, qtbot) -> None:
    dialog.check_department("信息处")
    dialog.remind_time.setTime(QTime(10, 0))
    dialog.lead_edit.setText("10、五")
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
        dialog.lead_edit.setText(bad)
        dialog.accept()
        assert words in dialog.error_label.text()
    assert reminder_settings() == DEFAULTS


def test_reminder_time_in_quiet_hours_is_refused(dialog) -> None:
    dialog.remind_time.setTime(QTime(23, 0))
    dialog.accept()
    assert "免打扰" in dialog.error_label.text()
    assert reminder_settings() == DEFAULTS


def test_a_locked_database_saves_nothing(tmp_path, qtbot, app_settings, fake_autostart) -> None:
    path = tmp_path / "locked" / "tasks.sqlite3"
    storage = open_storage(path, clock=FakeClock(datetime(2024, 3, 1, 9)), busy_timeout=0.05)
    _add_departments(storage)
    dialog = SettingsDialog(
        storage,
        app_settings,
        is_start_at_login=fake_autostart.get,
        set_start_at_login=fake_autostart.set,
        login_command=["x"],
    )
    qtbot.addWidget(dialog)
    dialog.check_department("信息处")
    dialog.remind_time.setTime(QTime(10, 0))
    dialog.autostart_check.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
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
    assert departments.my_department_ids() == [_id("信息处")]
    assert fake_autostart.enabled
    storage.close()


def test_start_at_login(dialog, fake_autostart) -> None:
    assert not dialog.autostart_check.isChecked()
    dialog.autostart_check.setChecked(True)
    dialog.accept()
    assert fake_autostart.calls == [(True, ["deadline-reminder"])]


def test_start_at_login_failure_is_shown(
    storage, qtbot, app_settings, fake_autostart, make_dialog
) -> None:
    fake_autostart.fail = True
    dialog = make_dialog(storage)
    dialog.check_department("信息处")
    dialog.autostart_check.setChecked(True)
    dialog.accept()
    assert "无法设置开机自动启动" in dialog.error_label.text()
    assert departments.my_department_ids() == []


def test_test_notification_button(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.test_notification_requested):
        dialog.test_button.click()


def test_calendar_note_when_next_year_is_not_announced(tmp_path, make_dialog) -> None:
    storage = new_storage(tmp_path / "future", start=datetime(2040, 3, 1, 9, 0))
    try:
        dialog = make_dialog(storage)
        assert not dialog.calendar_note.isHidden()
        assert "国家尚未公布 2041 年的节假日安排" in dialog.calendar_note.text()
        assert "按周一至周五计算工作日" in dialog.calendar_note.text()
    finally:
        storage.close()


def test_no_calendar_note_when_next_year_is_known(dialog) -> None:
    assert dialog.calendar_note.isHidden()  # the clock says 2024; 2025 is announced


# -- general -----------------------------------------------------------------------------


def test_language_choice_is_stored(dialog, app_settings) -> None:
    assert dialog.chosen_language() == "zh_CN"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert app_settings.value("ui/language") == "en"
    assert QSettings(app_settings.fileName(), QSettings.Format.IniFormat).value("ui/language") == (
        "en"
    )


def test_errors_in_english_when_the_window_is_english(make_dialog, storage, app_settings) -> None:
    app_settings.setValue("ui/language", "en")
    dialog = make_dialog(storage)
    assert dialog.chosen_language() == "en"
    dialog.select_department("信息处")
    dialog.rename_selected("公服处")
    assert "exists already" in dialog.department_message.text()


def test_data_folder_change_is_stored_and_the_data_follows(dialog, storage, app_settings, tmp_path):
    assert dialog.data_dir_edit.text() == str(storage.path.parent)
    new_folder = tmp_path / "elsewhere"
    dialog.choose_data_dir(new_folder)
    assert dialog.data_dir_edit.text() == str(new_folder)
    assert "复制" in dialog.data_dir_note.text()
    dialog.check_department("信息处")
    dialog.accept()
    assert app_settings.value("storage/data_dir") == str(new_folder)
    copied = sqlite3.connect(new_folder / "tasks.sqlite3")
    try:
        names = {n for (n,) in copied.execute("SELECT name FROM department")}
        mine = copied.execute("SELECT value FROM setting WHERE key = 'my_departments'").fetchone()
    finally:
        copied.close()
    assert names == set(NAMES)
    assert mine == (f"[{_id('信息处')}]",)  # the copy holds what OK just saved


def test_an_unusable_data_folder_saves_nothing(dialog, app_settings, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.choose_data_dir(blocker / "data")
    dialog.check_department("信息处")
    dialog.accept()
    assert "无法使用该文件夹" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert app_settings.value("storage/data_dir") is None
    assert app_settings.value("ui/language") is None
    assert departments.my_department_ids() == []


def test_choosing_the_current_folder_changes_nothing(dialog, storage, app_settings) -> None:
    dialog.choose_data_dir(storage.path.parent)
    dialog.accept()
    assert app_settings.value("storage/data_dir") is None


def test_folder_with_data_is_used_as_it_is(dialog, app_settings, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "tasks.sqlite3").write_bytes(b"")
    monkeypatch.setattr(dialog, "ask_directory", lambda: folder)
    dialog.change_data_dir_button.click()
    assert "已有数据" in dialog.data_dir_note.text()
    dialog.accept()
    assert app_settings.value("storage/data_dir") == str(folder)
    assert (folder / "tasks.sqlite3").read_bytes() == b""


# -- backups -----------------------------------------------------------------------------


def test_backup_now_adds_a_backup(dialog, storage) -> None:
    assert dialog.backup_tree.topLevelItemCount() == 0
    assert not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    found = backup.list_backups(storage.backups_dir)
    assert [b.reason for b in found] == ["manual"]
    assert dialog.backup_tree.topLevelItemCount() == 1
    item = dialog.backup_tree.topLevelItem(0)
    assert item.text(1) == "手动备份"
    assert item.text(2).endswith("KB")
    assert "已备份" in dialog.backup_message.text()


def test_restore_brings_back_an_earlier_state(dialog, storage, qtbot) -> None:
    dialog.back_up_now()
    dialog.select_department("信息处")
    dialog.rename_selected("信息中心")
    save_reminder_settings(storage, replace(DEFAULTS, lead_workdays=(2,)))
    dialog.back_up_now()  # the newest, first in the list; restore the older one
    dialog.backup_tree.topLevelItem(1).setSelected(True)
    asked = []
    dialog.confirm_restore = lambda info: asked.append(info.reason) or True
    with (
        qtbot.waitSignal(dialog.departments_changed),
        qtbot.waitSignal(dialog.settings_changed),
    ):
        assert dialog.restore_selected()
    assert asked == ["manual"]
    assert repository.find_department("信息中心") is None
    assert "信息处" in _listed(dialog)
    assert reminder_settings() == DEFAULTS
    assert dialog.lead_edit.text() == "10、5、1"
    reasons = [dialog.backup_tree.topLevelItem(i).text(1) for i in range(3)]
    assert reasons == ["恢复前", "手动备份", "手动备份"]
    assert "已恢复" in dialog.backup_message.text()


def test_restore_not_confirmed_changes_nothing(dialog, qtbot) -> None:
    dialog.back_up_now()
    dialog.select_department("信息处")
    dialog.rename_selected("信息中心")
    dialog.backup_tree.topLevelItem(0).setSelected(True)
    dialog.confirm_restore = lambda info: False
    with qtbot.assertNotEmitted(dialog.departments_changed):
        assert not dialog.restore_selected()
    assert repository.find_department("信息中心") is not None


def test_restore_without_a_selection(dialog) -> None:
    assert not dialog.restore_selected()
    assert "请先选中一个备份" in dialog.backup_message.text()


def test_backup_reasons_are_translated(dialog) -> None:
    assert dialog.reason_name("manual") == "手动备份"
    assert dialog.reason_name("before-import") == "导入前"
    assert dialog.reason_name("before-restore") == "恢复前"
    assert dialog.reason_name("before-v3") == "升级前"
    assert dialog.reason_name("something-new") == "something-new"


def test_the_dialog_fits_a_small_screen(dialog) -> None:
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1366 - 80 and hint.height() <= 768 - 80
    assert dialog.height() <= 768 - 80


# -- start at login ----------------------------------------------------------------------


COMMAND = ["/opt/Deadline Reminder/bin/python", "-m", "desktop_app", "--data-dir=$HOME/100%"]


def test_linux_autostart_entry(tmp_path: Path) -> None:
    entry = tmp_path / ".config" / "autostart" / "deadline-reminder.desktop"
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)
    autostart.set_start_at_login(True, COMMAND, platform="linux", home=tmp_path)
    text = entry.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert "Name=工作要点督办提醒\n" in text
    assert "X-GNOME-Autostart-enabled=true\n" in text
    assert "Type=Application\n" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == (
        'Exec="/opt/Deadline Reminder/bin/python" -m desktop_app "--data-dir=\\\\$HOME/100%%"'
    )
    assert autostart.is_start_at_login(platform="linux", home=tmp_path)
    autostart.set_start_at_login(False, COMMAND, platform="linux", home=tmp_path)
    assert not entry.exists()
    autostart.set_start_at_login(False, COMMAND, platform="linux", home=tmp_path)  # no error
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)


def test_linux_entry_disabled_by_the_desktop_counts_as_off(tmp_path: Path) -> None:
    autostart.set_start_at_login(True, ["app"], platform="linux", home=tmp_path)
    entry = tmp_path / ".config" / "autostart" / "deadline-reminder.desktop"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("enabled=true", "enabled=false"),
        encoding="utf-8",
    )
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)


def test_exec_quoting() -> None:
    assert autostart.exec_argument("plain") == "plain"
    assert autostart.exec_argument("") == '""'
    assert autostart.exec_argument('say "hi"') == '"say \\"hi\\""'
    assert autostart.exec_argument("a`b") == '"a\\`b"'
    # a backslash is quoted (\\), then string-escaped again (\\\\), as the spec requires
    assert autostart.exec_line(["C:\\x"]) == '"C:\\\\\\\\x"'


def test_macos_launch_agent(tmp_path: Path) -> None:
    agent = tmp_path / "Library" / "LaunchAgents" / "deadline-reminder.plist"
    autostart.set_start_at_login(True, COMMAND, platform="darwin", home=tmp_path)
    data = plistlib.loads(agent.read_bytes())
    assert data["ProgramArguments"] == COMMAND
    assert data["RunAtLoad"] is True
    assert data["Label"] == "deadline-reminder"
    assert autostart.is_start_at_login(platform="darwin", home=tmp_path)
    autostart.set_start_at_login(False, COMMAND, platform="darwin", home=tmp_path)
    assert not agent.exists()
    assert not autostart.is_start_at_login(platform="darwin", home=tmp_path)


class FakeKey:
    def __init__(self, registry: FakeRegistry, path: str) -> None:
        self.registry, self.path = registry, path

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        self.registry.closed += 1


class FakeRegistry:
    """The part of ``winreg`` that autostart uses, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    KEY_READ = 0x20019
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[int, str]]] = {}
        self.closed = 0

    def CreateKeyEx(self, root: str, sub: str, reserved: int, access: int) -> FakeKey:
        path = f"{root}\\{sub}"
        self.keys.setdefault(path, {})
        return FakeKey(self, path)

    def OpenKey(self, root: str, sub: str, reserved: int, access: int) -> FakeKey:
        path = f"{root}\\{sub}"
        if path not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, path)

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: str) -> None:
        self.keys[key.path][name] = (kind, value)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[str, int]:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        kind, value = self.keys[key.path][name]
        return value, kind

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[key.path][name]


def test_windows_run_key() -> None:
    registry = FakeRegistry()
    run = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"
    assert not autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, COMMAND, platform="win32", registry=registry)  # no key yet
    command = ["C:\\Program Files\\Deadline Reminder\\deadline-reminder.exe", "--tray"]
    autostart.set_start_at_login(True, command, platform="win32", registry=registry)
    assert registry.keys[run]["DeadlineReminder"] == (
        registry.REG_SZ,
        subprocess.list2cmdline(command),
    )
    assert registry.keys[run]["DeadlineReminder"][1].startswith('"C:\\Program Files\\')
    assert autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, command, platform="win32", registry=registry)
    assert "DeadlineReminder" not in registry.keys[run]
    assert not autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, command, platform="win32", registry=registry)
    assert registry.closed >= 5  # every key opened was closed


def test_login_command_runs_this_program() -> None:
    command = autostart.login_command()
    assert command[-2:] == ["-m", "desktop_app"]
