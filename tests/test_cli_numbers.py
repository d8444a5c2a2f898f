"""Numbers out of range on the command line: ids beyond what SQLite holds, dates and months
in year 0001 or 9999. Each is a one-line message in both languages and exit code 2, never
a traceback, and nothing is written."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

HUGE = "99999999999999999999999"
JUST_OVER = str(2**63)  # one more than SQLite's largest integer


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("numbers") / "data"
    assert (
        main(["import", str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt"), "--data-dir", str(folder)])
        == 0
    )
    return folder


def _changes(folder: Path) -> int:
    with sqlite3.connect(folder / "tasks.sqlite3") as conn:
        count = conn.execute(
            "SELECT (SELECT COUNT(*) FROM task_change) + (SELECT COUNT(*) FROM progress_note)"
        ).fetchone()[0]
    conn.close()
    return count


@pytest.mark.parametrize(
    "args",
    [
        ("done", HUGE),
        ("done", "0"),
        ("done", "-3"),
        ("done", "²"),
        ("note", JUST_OVER, "进展"),
        ("status", HUGE, "进行中"),
        ("tasks", "--plan", HUGE),
        ("import", str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt"), "--plan", JUST_OVER),
        ("tasks", "--department", HUGE),
        ("tasks", "--month", "0000-01"),
        ("tasks", "--month", "9999-12"),
        ("done", "1", "--date", "9999-01-01"),
        ("done", "1", "--date", "0001-01-01"),
        ("remind", "--dry-run", "--from", "0001-01-01", "--to", "0001-01-05"),
        ("remind", "--dry-run", "--from", "9999-12-25", "--to", "9999-12-31"),
    ],
)
def test_a_number_out_of_range_is_a_message_not_a_traceback(
    folder: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _changes(folder)
    try:
        code = main([*args, "--data-dir", str(folder)])
    except SystemExit as exit_:  # argparse refuses the argument itself
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and err.strip()
    assert any("\u4e00" <= c <= "\u9fff" for c in err)  # said in Chinese (English after it)
    assert _changes(folder) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_to_a_full_disk_is_a_message_not_a_traceback(folder: Path) -> None:
    from tests.helpers import run_program

    with open("/dev/full", "w") as full:
        done = run_program("tasks", "--data-dir", str(folder), stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 3
    assert done.stderr.strip().startswith("无法写出结果") and "Traceback" not in done.stderr


def test_ctrl_c_is_a_message_and_exit_code_130(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app import cli

    def interrupted(args, clock):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    assert cli.main(["tasks", "--data-dir", str(folder)]) == 130
    assert "已中断" in capsys.readouterr().err


def test_a_search_cut_at_its_limit_does_not_claim_a_total(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app import commands

    monkeypatch.setattr(commands, "SEARCH_LIMIT", 3)
    assert main(["tasks", "--search", "法", "--data-dir", str(folder)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "只列出前 3 项，请缩小搜索范围"
