"""The 备份与恢复 page: a backup now, and a restore that reloads every page."""

from __future__ import annotations

from dataclasses import replace

from db import backup, repository
from desktop_app.services.settings import DEFAULTS, reminder_settings, save_reminder_settings
from tests.ui.settings.helpers import listed


def test_backup_now_adds_a_backup(dialog, storage) -> None:
    assert dialog.backups_page.backup_tree.topLevelItemCount() == 0
    assert not dialog.backups_page.restore_button.isEnabled()
    dialog.backups_page.backup_button.click()
    found = backup.list_backups(storage.backups_dir)
    assert [b.reason for b in found] == ["manual"]
    assert dialog.backups_page.backup_tree.topLevelItemCount() == 1
    item = dialog.backups_page.backup_tree.topLevelItem(0)
    assert item.text(1) == "手动备份"
    assert item.text(2).endswith("KB")
    assert "已备份" in dialog.backups_page.backup_message.text()


def test_restore_brings_back_an_earlier_state(dialog, storage, qtbot) -> None:
    dialog.backups_page.back_up_now()
    dialog.departments_page.select_department("信息处")
    dialog.departments_page.rename_selected("信息中心")
    save_reminder_settings(storage, replace(DEFAULTS, lead_workdays=(2,)))
    dialog.backups_page.back_up_now()  # the newest, first in the list; restore the older one
    dialog.backups_page.backup_tree.topLevelItem(1).setSelected(True)
    asked = []
    dialog.backups_page.confirm_restore = lambda info: asked.append(info.reason) or True
    with (
        qtbot.waitSignal(dialog.departments_changed),
        qtbot.waitSignal(dialog.settings_changed),
    ):
        assert dialog.backups_page.restore_selected()
    assert asked == ["manual"]
    assert repository.find_department("信息中心") is None
    assert "信息处" in listed(dialog)
    assert reminder_settings() == DEFAULTS
    assert dialog.reminders_page.lead_edit.text() == "10、5、1"
    reasons = [dialog.backups_page.backup_tree.topLevelItem(i).text(1) for i in range(3)]
    assert reasons == ["恢复前", "手动备份", "手动备份"]
    assert "已恢复" in dialog.backups_page.backup_message.text()


def test_restore_not_confirmed_changes_nothing(dialog, qtbot) -> None:
    dialog.backups_page.back_up_now()
    dialog.departments_page.select_department("信息处")
    dialog.departments_page.rename_selected("信息中心")
    dialog.backups_page.backup_tree.topLevelItem(0).setSelected(True)
    dialog.backups_page.confirm_restore = lambda info: False
    with qtbot.assertNotEmitted(dialog.departments_changed):
        assert not dialog.backups_page.restore_selected()
    assert repository.find_department("信息中心") is not None


def test_restore_without_a_selection(dialog) -> None:
    assert not dialog.backups_page.restore_selected()
    assert "请先选中一个备份" in dialog.backups_page.backup_message.text()


def test_backup_reasons_are_translated(dialog) -> None:
    assert dialog.backups_page.reason_name("manual") == "手动备份"
    assert dialog.backups_page.reason_name("before-import") == "导入前"
    assert dialog.backups_page.reason_name("before-restore") == "恢复前"
    assert dialog.backups_page.reason_name("before-v3") == "升级前"
    assert dialog.backups_page.reason_name("something-new") == "something-new"
