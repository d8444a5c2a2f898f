"""`deadline-reminder remind`: the dry-run's JSON and list, its range and department, bad
dates, and `--now` sending once."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

PLAN_003 = str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
JUNE = ("--from", "2024-06-01", "--to", "2024-06-30")


class Cli:
    """Runs the command line on one data folder with 003 imported and a fake clock."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        self.clock = FakeClock(datetime(2024, 6, 1, 9, 0))

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(self.folder)], clock=self.clock)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def json(self, *args: str) -> list[dict]:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    def channels(self) -> set[str]:
        with sqlite3.connect(self.folder / "tasks.sqlite3") as conn:
            rows = conn.execute("SELECT DISTINCT channel FROM reminder_log WHERE event = 'shown'")
            found = {channel for (channel,) in rows}
        conn.close()
        return found

    def log_rows(self) -> int:
        with sqlite3.connect(self.folder / "tasks.sqlite3") as conn:
            count = conn.execute("SELECT COUNT(*) FROM reminder_log").fetchone()[0]
        conn.close()
        return count


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "数据", capsys)
    code, _, err = cli("import", PLAN_003)
    assert code == 0, err
    return cli


def test_dry_run_json_lists_each_digest_of_the_range(cli: Cli) -> None:
    rows = cli.json("remind", "--dry-run", *JUNE)
    assert [r["at"] for r in rows] == [
        "2024-06-03T09:00:00",
        "2024-06-11T09:00:00",  # Monday 10 June is the Dragon Boat Festival
        "2024-06-14T09:00:00",
        "2024-06-17T09:00:00",
        "2024-06-21T09:00:00",
        "2024-06-24T09:00:00",
        "2024-06-27T09:00:00",
        "2024-06-28T09:00:00",
    ]
    for row in rows:
        assert set(row) == {"at", "task_ids", "title", "body"}
        assert row["task_ids"] and all(isinstance(i, int) for i in row["task_ids"])
        assert re.fullmatch(r"\d+ 项.+", row["title"])
        assert isinstance(row["body"], str) and len(row["body"].splitlines()) <= 5
    assert rows[2]["title"] == "5 项任务即将到期"
    assert sorted(rows[2]["task_ids"]) == [27, 30, 31, 48, 71]
    # Both ends are included; a one-day range holds that day's digest only.
    [one] = cli.json("remind", "--dry-run", "--from", "2024-06-28", "--to", "2024-06-28")
    assert one["at"] == "2024-06-28T09:00:00"
    assert cli.json("remind", "--dry-run", "--from", "2024-06-29", "--to", "2024-06-30") == []
    assert cli.log_rows() == 0  # a dry run writes nothing


def test_dry_run_for_one_department_includes_collective_tasks(cli: Cli) -> None:
    everyone = cli.json("remind", "--dry-run", "--from", "2024-12-01", "--to", "2024-12-31")
    review = cli.json(
        "remind",
        "--dry-run",
        "--from",
        "2024-12-01",
        "--to",
        "2024-12-31",
        "--department",
        "行政复议科",
    )
    tasks = {t["id"]: t for t in cli.json("tasks")}
    ids = {i for row in review for i in row["task_ids"]}
    assert ids < {i for row in everyone for i in row["task_ids"]}
    assert all(
        "行政复议科" in tasks[i]["lead"] + tasks[i]["responsible"] or tasks[i]["collective"]
        for i in ids
    )
    assert any(tasks[i]["collective"] for i in ids)
    assert any(not tasks[i]["collective"] for i in ids)


def test_dry_run_prints_a_readable_list(cli: Cli) -> None:
    code, out, _ = cli("remind", "--dry-run", *JUNE)
    assert code == 0
    assert "2024-06-14 09:00  5 项任务即将到期" in out
    assert "    6月30日截止 5 项" in out
    assert out.rstrip().endswith("共 8 条提醒（2024-06-01 至 2024-06-30）")
    assert "注意" not in out
    code, out, _ = cli("remind", "--dry-run", "--from", "2099-12-01", "--to", "2099-12-31")
    assert code == 0
    assert "项任务已逾期" in out  # 2024's tasks, still open 75 years on
    assert "尚无 2099 年的法定节假日安排，按周一至周五计算工作日" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2024-02-30"),
        ("--from", "2024/06/01"),
        ("--to", "明天"),
        ("--from", "2024-06-30", "--to", "2024-06-01"),
        ("--from", "2020-01-01", "--to", "2030-01-01"),
    ],
)
def test_bad_dates_exit_2_with_one_line_in_both_languages(cli: Cli, args: tuple[str, ...]) -> None:
    code, out, err = cli("remind", "--dry-run", *args)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert re.search(r"[\u4e00-\u9fff]", lines[0]) and re.search(r"[A-Za-z]", lines[0])


def test_an_unknown_department_exits_2(cli: Cli) -> None:
    code, _, err = cli("remind", "--dry-run", *JUNE, "--department", "不存在的科")
    assert code == 2 and "不存在的科" in err


def test_print_prints_what_is_due_once_and_logs_it_as_printed(cli: Cli) -> None:
    cli.clock.set(datetime(2024, 6, 14, 9, 0))
    code, out, _ = cli("remind", "--print")
    assert code == 0
    assert out.startswith("【5 项任务即将到期】\n  6月30日截止 5 项\n")
    assert "任务编号：" in out
    assert cli.log_rows() == 5
    assert cli.channels() == {"print"}
    code, out, _ = cli("remind", "--print")
    assert (code, out) == (0, "现在没有需要发送的提醒。\n")
    cli.clock.set(datetime(2024, 6, 17, 9, 30))
    [sent] = cli.json("remind", "--print")
    assert sent["title"] == "4 项任务已逾期"
    # four tasks, three lines: the rest is not "clicked" in a terminal
    assert sent["body"].endswith("另有 1 项，打开程序可查看全部")
    assert sorted(sent["task_ids"]) == [5, 23, 54, 58]
    assert cli.json("remind", "--print") == []


def test_now_takes_no_range(cli: Cli) -> None:
    code, _, err = cli("remind", "--now", *JUNE)
    assert code == 2 and "--now" in err


def test_remind_now_in_quiet_hours_says_when_it_will_send(tmp_path: Path, capsys) -> None:
    from datetime import datetime

    from desktop_app.cli import main
    from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

    folder = str(tmp_path / "data")
    early = datetime(2024, 6, 17, 7, 30)  # a Monday with a digest due, before 08:00
    a_month_ago = lambda: datetime(2024, 5, 17, 9, 0)  # noqa: E731 - not a new plan any more
    plan = str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    assert main(["import", plan, "--data-dir", folder], clock=a_month_ago) == 0
    capsys.readouterr()
    assert main(["remind", "--now", "--data-dir", folder], clock=lambda: early) == 0
    out = capsys.readouterr().out
    assert "免打扰" in out and "2024-06-17 09:00" in out
