"""The settings dialog on a real database (four departments), with start-at-login faked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui.settings import SettingsDialog
from tests.storage_helpers import new_storage
from tests.ui.settings.helpers import FakeAutostart, add_departments


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path / "data")
    add_departments(storage)
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
