"""What the crash and storage-failure tests share: a database's whole content, read with sqlite3.

``import_child.py`` next to this file is the entry point those tests run in
child processes (killed, locked out, or as a user who may not write).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

HELPER_SCRIPT = Path(__file__).with_name("import_child.py")
ROOT = Path(__file__).resolve().parents[2]
PROGRAM = (sys.executable, "-m", "desktop_app")


def run_program(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """`deadline-reminder ARGS` in a process of its own, from the checkout; its output as
    text. ``options`` go to ``subprocess.run`` (env, stdout…)."""
    settings: dict[str, Any] = {"cwd": ROOT, "text": True, "timeout": 120}
    if "stdout" not in options and "stderr" not in options:
        settings["capture_output"] = True
    return subprocess.run([*PROGRAM, *args], **{**settings, **options})


# The full-text index keeps its data in shadow tables; its rows are compared through the
# virtual table instead, and its own integrity check vouches for the shadow tables.
_SEARCH_TABLE = "task_search"


def integrity_problems(path: Path) -> list[str]:
    """What SQLite finds wrong with the file (empty when sound), the search index included."""
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            problems = []
        problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
        has_search = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (_SEARCH_TABLE,)
        ).fetchone()
        if has_search:
            try:
                conn.execute(
                    f"INSERT INTO {_SEARCH_TABLE} ({_SEARCH_TABLE}) VALUES ('integrity-check')"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index: {exc}")
            conn.rollback()
        return problems
    finally:
        conn.close()


def database_state(path: Path) -> dict[str, object]:
    """Every row of every table (and the schema version): equal states mean equal data."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE ? ORDER BY name",
                (f"{_SEARCH_TABLE}_%",),
            )
        ]
        state: dict[str, object] = {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0]
        }
        for name in names:
            columns = "rowid, body" if name == _SEARCH_TABLE else "rowid, *"
            state[name] = conn.execute(f'SELECT {columns} FROM "{name}" ORDER BY rowid').fetchall()
        return state
    finally:
        conn.close()


def census(path: Path) -> dict[str, int]:
    """How many rows each table holds: a readable summary for assertion messages."""
    state = database_state(path)
    return {name: len(rows) for name, rows in state.items() if isinstance(rows, list)}
