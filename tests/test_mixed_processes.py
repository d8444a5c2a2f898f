"""Different commands at the same moment on one data folder, as a liaison's window-less
scripts and a second terminal run them: an import, notes, a task marked done, reads of the
tasks, the reminders and the backups. Each ends with exit 0 and no traceback; afterwards
every note is stored exactly once, every task marked done has one change in its history,
the plan is stored once and the database is sound.

Backups made at the same moment (two `backup` commands, or one and an import's own backup)
take turns: the backups folder is locked while one is made, so neither deletes the other's
copy in progress (which once ended in a traceback, "disk I/O error") and each gets its own
sequence number.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest

from db import backup
from db.folder_lock import LOCK_NAME
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.helpers import PROGRAM, ROOT, integrity_problems, run_program

CITY = FIXTURES / f"{PLAN_2024_CITY}.txt"  # 33 tasks, imported first: ids 1 to 33
DISTRICT = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"  # 89 tasks, imported by the rounds
ROUNDS = 3
_MADE_RE = re.compile(r"^已备份到：(.+\.sqlite3)$", re.MULTILINE)
_TOTAL_RE = re.compile(r"^共 (\d+) 项$", re.MULTILINE)


def _at_once(folder: Path, commands: Sequence[Sequence[str]]) -> list[subprocess.CompletedProcess]:
    """Every command started before any is waited for, each a real `deadline-reminder`."""
    running = [
        subprocess.Popen(
            [*PROGRAM, *command, "--data-dir", str(folder)],
            cwd=ROOT,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    done = []
    for process in running:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _rows(folder: Path, query: str) -> list[tuple]:
    conn = sqlite3.connect(folder / "tasks.sqlite3")
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _notes(folder: Path) -> list[tuple[int, str]]:
    return sorted(_rows(folder, "SELECT task_id, text FROM progress_note"))


def _status_changes(folder: Path) -> dict[int, int]:
    """How many times each task's status was changed by the user."""
    rows = _rows(
        folder,
        "SELECT task_id, COUNT(*) FROM task_change WHERE field = 'status' AND source = 'user' "
        "GROUP BY task_id",
    )
    return dict(rows)


def _plans(folder: Path) -> list[int]:
    rows = _rows(
        folder,
        "SELECT COUNT(t.id) FROM plan p JOIN task t ON t.plan_id = p.id GROUP BY p.id "
        "ORDER BY p.id",
    )
    return [count for (count,) in rows]


def _described(results: Sequence[subprocess.CompletedProcess], *, last_line: bool = False) -> str:
    """Each command, its exit code and its standard error (or that error's last line)."""
    lines = []
    for r in results:
        err = r.stderr.strip()
        if last_line and err:
            err = err.splitlines()[-1]
        lines.append(f"{' '.join(map(str, r.args[3:]))} -> {r.returncode}: {err}")
    return "\n".join(lines)


def _round_commands(round_: int, *, backups: int) -> list[list[str]]:
    """One round: what the scripts and the second terminal start together."""
    return [
        ["import", str(DISTRICT)],
        ["note", str(1 + round_), f"第{round_}轮：已报送材料甲"],
        ["note", str(20 + round_), f"第{round_}轮：已召开推进会乙"],
        ["done", str(10 + round_)],
        *(["backup"] for _ in range(backups)),
        ["tasks"],
        ["remind", "--dry-run"],
        ["backup", "--list"],
        ["plans"],
    ]


def _expected_notes(rounds: int) -> list[tuple[int, str]]:
    return sorted(
        [(1 + r, f"第{r}轮：已报送材料甲") for r in range(rounds)]
        + [(20 + r, f"第{r}轮：已召开推进会乙") for r in range(rounds)]
    )


def _check_what_is_stored(folder: Path, rounds: int) -> None:
    assert _notes(folder) == _expected_notes(rounds)  # each exactly once, on its own task
    assert _status_changes(folder) == {10 + r: 1 for r in range(rounds)}
    states = _rows(folder, "SELECT id, status FROM task WHERE status != 'not_started'")
    assert sorted(states) == [(10 + r, "done") for r in range(rounds)]
    assert _plans(folder) == [33, 89]
    assert integrity_problems(folder / "tasks.sqlite3") == []


def _check_backups_folder(folder: Path, made: Sequence[Path]) -> None:
    """Only whole backups, each a sound database; nothing half-written left behind."""
    backups_dir = folder / "backups"
    files = sorted(p.name for p in backups_dir.iterdir()) if backups_dir.is_dir() else []
    names = [n for n in files if n != LOCK_NAME]  # the lock that makes backups take turns
    assert not [n for n in names if ".partial" in n], names
    for path in made:
        assert path.exists(), (path, names)
        assert backup.check_file(path) is None, path
    listed = backup.list_backups(backups_dir)
    assert len(listed) == len(names), names  # every file there is one of ours


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder holding the city plan (its tasks are 1 to 33)."""
    data = tmp_path / "data"
    first = run_program("import", str(CITY), "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    return data


def test_commands_of_every_kind_at_once_lose_and_double_nothing(folder: Path) -> None:
    created = 0
    for round_ in range(ROUNDS):
        results = _at_once(folder, _round_commands(round_, backups=0))
        assert all("Traceback" not in r.stderr for r in results), _described(results)
        assert [r.returncode for r in results] == [0] * len(results), _described(results)
        created += sum("已新建" in r.stdout for r in results)
        # A reader sees the district plan whole or not at all, never part of it.
        (tasks,) = (r for r in results if r.args[3] == "tasks")
        assert _TOTAL_RE.findall(tasks.stdout) in (["33"], ["122"]), tasks.stdout[-200:]
        if round_ > 0:
            assert _TOTAL_RE.findall(tasks.stdout) == ["122"]
        _check_what_is_stored(folder, round_ + 1)
    assert created == 1  # one of the imports stored the plan; the others found it there
    # The import's own backup, taken under its write lock, holds the data before it.
    (made,) = backup.list_backups(folder / "backups")
    assert made.reason == "before-import"
    _check_backups_folder(folder, [made.path])
    assert _plans_in(made.path) == [33]


def _plans_in(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT COUNT(*) FROM task GROUP BY plan_id ORDER BY plan_id")
        return [count for (count,) in rows.fetchall()]
    finally:
        conn.close()


def test_backups_at_once_with_other_commands_fail_none_of_them(folder: Path) -> None:
    """The same rounds with two `backup` commands in each: every backup is made whole, and
    nothing else is disturbed."""
    made: list[Path] = []
    for round_ in range(ROUNDS):
        results = _at_once(folder, _round_commands(round_, backups=2))
        for r in results:
            assert "Traceback" not in r.stderr, _described([r])
            assert r.returncode == 0, _described([r])
            made += [Path(p) for p in _MADE_RE.findall(r.stdout)]
        _check_what_is_stored(folder, round_ + 1)
    _check_backups_folder(folder, made)


class _CopiedSlowly:
    """The database, copied a page at a time; half-way through, another program (here a
    call of our own) starts a backup into the same folder."""

    def __init__(self, conn: sqlite3.Connection, meanwhile: Callable[[], None]) -> None:
        self.conn = conn
        self.meanwhile = meanwhile
        self.started = False

    def backup(self, target: sqlite3.Connection, **_options: object) -> None:
        def step(_status: int, _remaining: int, _total: int) -> None:
            if not self.started:
                self.started = True
                self.meanwhile()

        self.conn.backup(target, pages=1, progress=step)


def test_a_backup_started_while_another_is_copying_waits_and_both_are_whole(
    tmp_path: Path,
) -> None:
    """A `backup` command started while this process is half-way through copying the
    database into the same folder waits for it, then makes its own: both files are sound,
    both listed, in the order they were made."""
    folder = tmp_path / "data"
    assert run_program("import", str(CITY), "--data-dir", str(folder)).returncode == 0
    backups_dir = folder / "backups"
    before = {b.path for b in backup.list_backups(backups_dir)}
    conn = sqlite3.connect(folder / "tasks.sqlite3")
    started: list[subprocess.Popen[str]] = []

    def another_backup() -> None:
        started.append(
            subprocess.Popen(
                [*PROGRAM, "backup", "--data-dir", str(folder)],
                cwd=ROOT,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )

    try:
        first = backup.take_backup(
            cast(sqlite3.Connection, _CopiedSlowly(conn, another_backup)),
            backups_dir,
            datetime(2026, 12, 2, 9, 0),
            "manual",
        )
    finally:
        conn.close()
    [child] = started
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0 and "Traceback" not in err, err
    [second] = (Path(p) for p in _MADE_RE.findall(out))
    assert backup.check_file(first) is None and backup.check_file(second) is None
    listed = [b.path for b in backup.list_backups(backups_dir) if b.path not in before]
    assert listed == [second, first]  # newest really made first
