"""Numbers out of range on the command line: ids beyond what SQLite holds, dates and months
in year 0001 or 9999. Each is a one-line message in both languages and exit code 2, never
a traceback, and nothing is written."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

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
    from desktop_app.commands import tasks

    monkeypatch.setattr(tasks, "SEARCH_LIMIT", 3)
    assert main(["tasks", "--search", "法", "--data-dir", str(folder)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "只列出前 3 项，请缩小搜索范围"


_NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "-0", "+1", "1e3", "0x10", "١٢", "²", " 7 ", "", "9" * 400]),
)
_DATES = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.from_regex(r"\A-?[0-9]{1,6}-[0-9]{1,3}(-[0-9]{1,3})?\Z"),
    st.text(max_size=12),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    command=st.sampled_from(["done", "note", "status", "tasks --plan", "tasks --department"]),
    number=_NUMBERS,
)
def test_any_number_where_an_id_is_read_is_an_answer_or_one_message(
    folder: Path, command: str, number: str
) -> None:
    extra = {"note": ["进展"], "status": ["进行中"]}.get(command, [])
    code, err = _main([*command.split(), number, *extra, "--data-dir", str(folder)])
    assert code in (0, 2), err
    assert "Traceback" not in err


@example(option="tasks --month", text="2024-\n06")  # a line break typed into the value
@example(option="done 1 --date", text="\x85")  # NEL: a line break to str.splitlines()
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    option=st.sampled_from(["tasks --month", "done 1 --date", "remind --dry-run --from"]),
    text=_DATES,
)
def test_any_date_or_month_given_is_an_answer_or_one_message(
    folder: Path, option: str, text: str
) -> None:
    code, err = _main([*option.split(), text, "--data-dir", str(folder)])
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2 and not err.startswith("用法："):  # argparse's own refusal, with its usage
        assert len(err.strip().splitlines()) == 1, err


def _main(args: list[str]) -> tuple[int, str]:
    """``main`` with its output captured (hypothesis runs many examples in one test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse refuses the argument itself
            code = int(exit_.code or 0)
    return code, err.getvalue()


def test_a_file_that_fails_is_named_not_called_the_output(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An OSError about a file (not about standard output) says which file, instead of
    "the output cannot be written" (which once described a backup's vanished copy)."""
    from desktop_app import cli

    def vanished(args, clock):
        raise FileNotFoundError(2, "No such file or directory", "/data/backups/x.partial")

    monkeypatch.setattr(cli, "_run", vanished)
    assert cli.main(["tasks", "--data-dir", str(folder)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("无法访问文件：/data/backups/x.partial") and "无法写出结果" not in err
