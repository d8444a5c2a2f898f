"""No input of the extended corpus produces a traceback, whichever command meets it.

Every hostile plan file (tests/bad_inputs.py: CORPUS, INTACT) goes through ``parse``,
``parse --json``, ``import --dry-run`` and ``import``; every foreign or damaged data folder
(DATA_FOLDERS) through each command that opens the database. Each ends with its exit code
and, when refused, one line in both languages that leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.bad_inputs import CORPUS, DATA_FOLDERS, INTACT, PLAN, BadFolder, BadInput
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

_CJK = re.compile(r"[\u4e00-\u9fff]")
PLAN_FILE = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"


@pytest.fixture(autouse=True)
def no_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A .doc or .wps is said to need LibreOffice, whatever this machine has."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A sound database of ours, holding the district plan, as the bytes of one file."""
    folder = tmp_path_factory.mktemp("ours")
    assert main(["import", str(PLAN_FILE), "--data-dir", str(folder)]) == 0
    return (folder / "tasks.sqlite3").read_bytes()


def _state(folder: Path) -> tuple[object, ...]:
    """What a user has stored: plans, tasks, their states, notes and changes."""
    with sqlite3.connect(folder / "tasks.sqlite3") as conn:
        state = tuple(
            conn.execute(query).fetchall()
            for query in (
                "SELECT id, title, content_hash FROM plan ORDER BY id",
                "SELECT id, status, due_date, archived_at FROM task ORDER BY id",
                "SELECT COUNT(*) FROM progress_note",
                "SELECT COUNT(*) FROM task_change",
            )
        )
    conn.close()
    return state


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out, captured.err
    return code, captured.out, captured.err


def _one_line_in_both_languages(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert _CJK.search(lines[0]) and re.search(r"[A-Za-z]{3}", lines[0]), lines[0]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CORPUS + INTACT])
def test_a_hostile_plan_file_is_a_plan_or_one_line_on_every_command(
    case: BadInput, tmp_path: Path, ours: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tasks.sqlite3").write_bytes(ours)
    path = case.write(tmp_path)
    readable = case.expected == PLAN

    code, out, err = _run(["parse", str(path)], capsys)
    assert code == (0 if readable else 2), err
    if not readable:
        _one_line_in_both_languages(err)
    code, out, err = _run(["parse", "--json", str(path)], capsys)
    assert code == (0 if readable else 2), err
    if readable:
        json.loads(out)

    before = _state(folder)
    code, out, err = _run(["import", "--dry-run", str(path), "--data-dir", str(folder)], capsys)
    assert code in (0, 2), err
    assert _state(folder) == before  # a dry run writes nothing
    code, out, err = _run(["import", str(path), "--data-dir", str(folder)], capsys)
    assert code in (0, 2), err
    if code == 2:  # refused (not readable, or no tasks): nothing of it was stored
        _one_line_in_both_languages(err)
        assert _state(folder) == before
    else:
        assert readable


FOLDER_COMMANDS = (  # the import first, so that task 1 exists in an empty database
    ["import", str(PLAN_FILE)],
    ["plans"],
    ["tasks"],
    ["tasks", "--month", "2024-06"],
    ["done", "1"],
    ["status", "1", "in_progress"],
    ["note", "1", "已完成初稿"],
    ["departments"],
    ["remind", "--dry-run"],
    ["backup"],
)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in DATA_FOLDERS])
def test_a_foreign_or_damaged_data_folder_is_one_line_on_every_command(
    case: BadFolder, tmp_path: Path, ours: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = case.make(tmp_path, ours)
    database = folder / "tasks.sqlite3"

    def fingerprint() -> str | None:
        try:
            return hashlib.sha256(database.read_bytes()).hexdigest()
        except OSError:  # a folder, a loop, a name too long, nothing there
            return None

    before = fingerprint()
    for command in FOLDER_COMMANDS:
        code, _out, err = _run([*command, "--data-dir", str(folder)], capsys)
        assert code == case.exit_code, (command, err)
        if case.exit_code == 3:
            _one_line_in_both_languages(err)
            assert case.words in err, (command, err)
            assert fingerprint() == before, command  # left exactly as it was
