"""Processes that import at the same moment: the database serialises them, so the same file
imported three times at once leaves one plan, and three first imports into an empty folder
(each creating the schema) all end without a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.helpers import PROGRAM, ROOT, run_program

PROCESSES = 3


def _import_at_once(folder: Path, plan: Path) -> list[subprocess.CompletedProcess[str]]:
    """``PROCESSES`` imports started together, each a real `deadline-reminder import`."""
    command = [*PROGRAM, "import", str(plan), "--data-dir", str(folder)]
    running = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    done = []
    for process in running:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _plans(folder: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(folder / "tasks.sqlite3") as conn:
        rows = conn.execute(
            "SELECT p.title, COUNT(t.id) FROM plan p JOIN task t ON t.plan_id = p.id "
            "GROUP BY p.id ORDER BY p.id"
        ).fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("round_", range(3))
def test_the_same_plan_imported_three_times_at_once_is_stored_once(
    tmp_path: Path, round_: int
) -> None:
    folder = tmp_path / "data"
    first = run_program(
        "import", str(FIXTURES / f"{PLAN_2024_CITY}.txt"), "--data-dir", str(folder)
    )
    assert first.returncode == 0, first.stderr
    results = _import_at_once(folder, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results]
    assert all("Traceback" not in r.stderr for r in results)
    assert sum("已新建" in r.stdout for r in results) == 1, [r.stdout for r in results]
    assert [count for _, count in _plans(folder)] == [33, 89]


@pytest.mark.parametrize("round_", range(5))
def test_three_first_imports_into_an_empty_folder_leave_one_plan(
    tmp_path: Path, round_: int
) -> None:
    folder = tmp_path / "new"
    results = _import_at_once(folder, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    assert all("Traceback" not in r.stderr for r in results), [r.stderr for r in results]
    assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results]
    assert [count for _, count in _plans(folder)] == [89]


def test_a_database_created_between_two_reads_is_not_taken_for_another_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three first imports at once: one process read the schema version of the new file
    (0: nothing there yet), then another committed the first schema before this one
    looked for tables. Tables and version are judged in one snapshot, so the file is ours
    (once, about one run in twenty, this said "这个数据库不是本程序的")."""
    from db import backup
    from tests.storage_helpers import new_storage

    folder = tmp_path / "data"
    new_storage(folder).close()  # the other process's first schema, committed
    monkeypatch.setattr(backup, "schema_version_of", lambda _path: 0)  # read before it
    storage = new_storage(folder)
    storage.close()
