"""Opening the import wizard in a test, as the window does."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from db.connection import Storage
from desktop_app.ui.import_wizard import ImportWizard


def open_wizard(qtbot: QtBot, storage: Storage, path: Path | None = None) -> ImportWizard:
    """The dialog, with ``path`` read (on the reader pool) when one is given."""
    wizard = ImportWizard(storage, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: not wizard.is_reading(), timeout=30_000)
    return wizard
