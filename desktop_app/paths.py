"""Where the program finds its bundled resources and keeps its data, in a checkout or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DeadlineReminder"
# Windows attributes notifications to this ID; the installer's Start-menu shortcut carries
# the same (packaging/windows/deadline-reminder.iss).
APP_USER_MODEL_ID = "DeadlineReminder.DeadlineReminder"
DATA_DIR_ENV = "DEADLINE_REMINDER_DATA_DIR"
DB_FILE_NAME = "tasks.sqlite3"
SAMPLE_PLAN = "sample_plan.txt"
SAMPLE_PREFIX = "示例："  # the bundled sample's title starts so, wherever it was imported


def resource_path(name: str) -> Path:
    """A file under ``resources/``; PyInstaller unpacks it under ``sys._MEIPASS``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[1]
    return root / "resources" / name


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the database and its backups.

    ``--data-dir`` wins, then the ``DEADLINE_REMINDER_DATA_DIR`` environment
    variable, then the user's data folder (``%LOCALAPPDATA%\\DeadlineReminder``
    on Windows, ``~/.local/share/DeadlineReminder`` on Linux).
    """
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only here: the start-up of the window is timed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def database_path(folder: Path) -> Path:
    return folder / DB_FILE_NAME


def backups_path(folder: Path) -> Path:
    return folder / "backups"
