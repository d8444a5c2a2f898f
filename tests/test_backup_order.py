"""Backups are ordered by when they were really made, not by a clock that was once wrong:
ten made while the clock stood in 2099 neither push out the real ones made after them nor
get recommended over them."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from db import backup

AHEAD = datetime(2099, 1, 1, 9, 0)
REAL = datetime(2026, 12, 2, 9, 0)


def _database(path: Path, marker: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE IF NOT EXISTS marker (text TEXT)")
    conn.execute("DELETE FROM marker")
    conn.execute("INSERT INTO marker VALUES (?)", (marker,))
    conn.commit()
    return conn


def _marker(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        (text,) = conn.execute("SELECT text FROM marker").fetchone()
    conn.close()
    return text


def test_backups_made_with_the_clock_ahead_do_not_push_out_later_real_ones(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "backups"
    for i in range(backup.KEEP_BACKUPS):  # the clock once stood in 2099
        conn = _database(tmp_path / "tasks.sqlite3", f"ahead {i}")
        backup.take_backup(conn, folder, AHEAD.replace(minute=i), "before-import")
        conn.close()
    made = []
    for i in range(4):  # then put right
        conn = _database(tmp_path / "tasks.sqlite3", f"real {i}")
        made.append(backup.take_backup(conn, folder, REAL.replace(minute=i), "before-import"))
        conn.close()
    kept = backup.list_backups(folder)
    assert len(kept) == backup.KEEP_BACKUPS
    assert [_marker(b.path) for b in kept[:4]] == ["real 3", "real 2", "real 1", "real 0"]
    assert all(path.exists() for path in made)  # every real one survived rotation
    # Recommended after damage: the newest real one, not a stale copy from "2099".
    assert backup.latest_backup(folder) == made[-1]
    assert [b.from_the_future(REAL.replace(hour=10)) for b in kept[:5]] == [
        False,
        False,
        False,
        False,
        True,
    ]


def test_backups_of_earlier_versions_count_as_older_than_sequenced_ones(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    conn = _database(tmp_path / "tasks.sqlite3", "old format")
    backup.copy_database(conn, folder / "tasks-20991231-090000-000000-before-import.sqlite3")
    conn.close()
    conn = _database(tmp_path / "tasks.sqlite3", "new format")
    newest = backup.take_backup(conn, folder, REAL, "manual")
    conn.close()
    assert backup.list_backups(folder)[0].path == newest
    assert newest.name.startswith("tasks-000001-20261202-090000-")


def test_the_backup_list_says_which_times_were_from_a_wrong_clock(tmp_path: Path, capsys) -> None:
    from desktop_app.cli import main

    folder = tmp_path / "data"
    assert main(["backup", "--data-dir", str(folder)], clock=lambda: AHEAD) == 0
    assert main(["backup", "--data-dir", str(folder)], clock=lambda: REAL) == 0
    capsys.readouterr()
    assert main(["backup", "--list", "--data-dir", str(folder)], clock=lambda: REAL) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith("2026-12-02") and "时钟有误" not in first  # newest made first
    assert second.startswith("2099-01-01") and second.endswith("（时间晚于现在，当时时钟有误）")
