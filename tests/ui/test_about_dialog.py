"""关于: the version, the folders, every library the program carries with its licence."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication, QLabel

from desktop_app import __version__, about, logs
from desktop_app.ui.about_dialog import AboutDialog
from tests.storage_helpers import FakeClock


def _about(window) -> AboutDialog:
    window.about_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_about_names_the_version_and_the_folders(
    make_window, make_storage, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(logs, "current_log_file", lambda: tmp_path / "logs" / logs.LOG_FILE)
    window = make_window(make_storage(), FakeClock(datetime(2026, 3, 2, 9, 0)))
    dialog = _about(window)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"工作要点督办提醒 {__version__}" in texts
    assert window.storage is not None
    assert dialog.data_button.text() == str(window.storage.path.parent)
    assert dialog.data_button.isEnabled()
    assert dialog.log_button.text() == str(tmp_path / "logs")
    dialog.close()


def test_about_lists_every_library_with_a_licence(make_window, make_storage) -> None:
    window = make_window(make_storage(), FakeClock(datetime(2026, 3, 2, 9, 0)))
    dialog = _about(window)
    table = dialog.libraries
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    expected = {lib.name for lib in about.bundled_libraries()} | {"Python"}
    assert set(rows) == expected
    for name in ("PySide6_Essentials", "peewee", "APScheduler", "pdfplumber", "python-docx"):
        assert rows[name], name
    assert "LGPL-3.0" in rows["PySide6_Essentials"]
    assert all(rows.values())
    dialog.close()
