"""The 常规 page: the language, and a new data folder that the data follows."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings

from desktop_app.services import departments
from tests.ui.settings.helpers import NAMES, department_id


def test_language_choice_is_stored(dialog, app_settings) -> None:
    assert dialog.general_page.chosen_language() == "zh_CN"
    dialog.general_page.language_combo.setCurrentIndex(
        dialog.general_page.language_combo.findData("en")
    )
    dialog.accept()
    assert app_settings.value("ui/language") == "en"
    assert QSettings(app_settings.fileName(), QSettings.Format.IniFormat).value("ui/language") == (
        "en"
    )


def test_errors_in_english_when_the_window_is_english(
    english, make_dialog, storage, app_settings
) -> None:
    app_settings.setValue("ui/language", "en")
    dialog = make_dialog(storage)
    assert dialog.general_page.chosen_language() == "en"
    dialog.departments_page.select_department("信息处")
    dialog.departments_page.rename_selected("公服处")
    assert "exists already" in dialog.departments_page.department_message.text()


def test_data_folder_change_is_stored_and_the_data_follows(dialog, storage, app_settings, tmp_path):
    assert dialog.general_page.data_dir_edit.text() == str(storage.path.parent)
    new_folder = tmp_path / "elsewhere"
    dialog.general_page.choose_data_dir(new_folder)
    assert dialog.general_page.data_dir_edit.text() == str(new_folder)
    assert "复制" in dialog.general_page.data_dir_note.text()
    dialog.departments_page.check_department("信息处")
    dialog.accept()
    assert app_settings.value("storage/data_dir") == str(new_folder)
    copied = sqlite3.connect(new_folder / "tasks.sqlite3")
    try:
        names = {n for (n,) in copied.execute("SELECT name FROM department")}
        mine = copied.execute("SELECT value FROM setting WHERE key = 'my_departments'").fetchone()
    finally:
        copied.close()
    assert names == set(NAMES)
    assert mine == (f"[{department_id('信息处')}]",)  # the copy holds what OK just saved


def test_an_unusable_data_folder_saves_nothing(dialog, app_settings, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.general_page.choose_data_dir(blocker / "data")
    dialog.departments_page.check_department("信息处")
    dialog.accept()
    assert "无法使用该文件夹" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert app_settings.value("storage/data_dir") is None
    assert app_settings.value("ui/language") is None
    assert departments.my_department_ids() == []


def test_choosing_the_current_folder_changes_nothing(dialog, storage, app_settings) -> None:
    dialog.general_page.choose_data_dir(storage.path.parent)
    dialog.accept()
    assert app_settings.value("storage/data_dir") is None


def test_folder_with_data_is_used_as_it_is(dialog, app_settings, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "tasks.sqlite3").write_bytes(b"")
    monkeypatch.setattr(dialog.general_page, "ask_directory", lambda: folder)
    dialog.general_page.change_data_dir_button.click()
    assert "已有数据" in dialog.general_page.data_dir_note.text()
    dialog.accept()
    assert app_settings.value("storage/data_dir") == str(folder)
    assert (folder / "tasks.sqlite3").read_bytes() == b""
