"""`tasks.sqlite3` alone is the current data: while the window holds the database open, a
change made from the command line (or the window itself) is in the file, not only in its
`-wal`, so a liaison who copies the file copies today's data."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from db.connection import open_storage
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.helpers import run_program
from tests.storage_helpers import FakeClock


def _notes_in_the_file_alone(database: Path, tmp_path: Path) -> list[str]:
    """What a copy of ``tasks.sqlite3`` without its -wal and -shm holds."""
    copy = tmp_path / "copy" / "tasks.sqlite3"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(database, copy)
    with sqlite3.connect(copy) as conn:
        notes = [text for (text,) in conn.execute("SELECT text FROM progress_note ORDER BY id")]
    conn.close()
    return notes


def test_a_change_from_the_command_line_is_in_the_file_while_the_window_runs(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    window = open_storage(folder / "tasks.sqlite3", clock=FakeClock(datetime(2024, 6, 3, 9, 0)))
    try:
        import_file(window, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
        tasks.add_note(window, 1, "窗口里记的进展")
        note = run_program("note", "2", "命令行记的进展", "--data-dir", str(folder))
        assert note.returncode == 0, note.stderr
        # The window's connection is still open: nothing was merged by a last close.
        assert _notes_in_the_file_alone(folder / "tasks.sqlite3", tmp_path) == [
            "窗口里记的进展",
            "命令行记的进展",
        ]
    finally:
        window.close()
    wal = folder / "tasks.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # merged and emptied on quit
