"""The database commands: import, tasks, done, note, status, departments, plans, backup, restore."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT, REPORT_2020
from tests.storage_helpers import FakeClock

PLAN_003 = str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt")


class Cli:
    """Runs the command line against one data folder and a fake clock."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        self.clock = FakeClock(datetime(2024, 3, 1, 9, 0))

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(self.folder)], clock=self.clock)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def json(self, *args: str) -> object:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "数据", capsys)


def test_import_twice_then_list_tasks(cli: Cli) -> None:
    code, out, _ = cli("import", PLAN_003)
    assert code == 0 and "新增 89 项" in out and "早于发文日期" in out
    code, out, _ = cli("import", PLAN_003)
    assert code == 0 and "没有变化" in out
    rows = cli.json("tasks")
    assert len(rows) == 89
    assert set(rows[0]) >= {"id", "label", "text", "lead", "responsible", "due", "status"}
    review = cli.json("tasks", "--department", "行政复议科", "--month", "2024-12")
    assert review and all(
        "行政复议科" in t["lead"] + t["responsible"] or t["collective"] for t in review
    )
    assert all(t["due"] == "2024-12-31" for t in review)
    [plan] = cli.json("plans")
    assert (plan["title"], plan["tasks"], plan["doc_number"]) == (
        "2024年普陀区司法行政工作要点和责任分工",
        89,
        "沪普司〔2024〕1号",
    )


def test_import_json_and_dry_run(cli: Cli) -> None:
    result = cli.json("import", PLAN_003, "--dry-run")
    assert (result["outcome"], result["dry_run"], result["added"]) == ("created", True, 89)
    assert cli.json("plans") == []
    result = cli.json("import", PLAN_003)
    assert (result["outcome"], result["added"], result["plan_id"]) == ("created", 89, 1)
    assert {w["code"] for w in result["warnings"]} == {"deadline_before_issue"}


def test_done_note_and_status(cli: Cli) -> None:
    cli("import", PLAN_003)
    code, out, _ = cli("done", "25", "--note", "已组织两次区长审案", "--date", "2024-05-20")
    assert code == 0 and "2024-05-20" in out
    assert cli("note", "25", "案例材料已归档")[0] == 0
    [task] = [t for t in cli.json("tasks", "--status", "已完成")]
    assert (task["id"], task["status"], task["completed_on"]) == (25, "done", "2024-05-20")
    assert cli("status", "25", "进行中")[0] == 0
    assert cli.json("tasks", "--status", "done") == []
    assert len(cli.json("tasks", "--status", "in_progress")) == 1


def test_departments_merge_and_mine(cli: Cli) -> None:
    cli("import", str(FIXTURES / f"{PLAN_2024_CITY}.txt"))
    names = {d["name"]: d for d in cli.json("departments")}
    assert names["各部门"]["collective"] and not names["办公室"]["collective"]
    assert cli("departments", "merge", "调研处", "法治调研处")[0] == 0
    names = {d["name"]: d for d in cli.json("departments")}
    assert "调研处" not in names and names["法治调研处"]["aliases"] == ["调研处"]
    code, out, _ = cli("departments", "mine", "办公室", "信息处")
    assert code == 0 and "办公室" in out and "信息处" in out
    assert {d["name"] for d in cli.json("departments") if d["mine"]} == {"办公室", "信息处"}


def test_a_rename_or_alias_to_the_same_name_says_nothing_changed(cli: Cli) -> None:
    cli("import", str(FIXTURES / f"{PLAN_2024_CITY}.txt"))
    code, out, err = cli("departments", "rename", "办公室", "办公室")
    assert (code, out) == (2, "") and "没有更改" in err
    code, out, err = cli("departments", "alias", "办公室", "办公室")
    assert (code, out) == (2, "") and "就是这个部门的名称" in err
    assert {d["name"]: d["aliases"] for d in cli.json("departments")}["办公室"] == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("tasks", "--month", "2024-13"), "YYYY-MM"),
        (("tasks", "--department", "不存在的处"), "没有名为"),
        (("tasks", "--status", "finished"), "未知的状态"),
        (("done", "999"), "没有编号为 999 的任务"),
        (("done", "1", "--date", "2024-02-30"), "YYYY-MM-DD"),
        (("note", "1", "   "), "不能为空"),
        (("import", str(FIXTURES / f"{REPORT_2020}.txt")), "年度报告"),
        (("import", "不存在.docx"), "不存在"),
        (("restore", "不存在.sqlite3"), "找不到备份文件"),
        (("restore", PLAN_003), "备份文件无法使用"),
    ],
)
def test_mistakes_exit_2_with_one_line_and_change_nothing(
    cli: Cli, args: tuple[str, ...], fragment: str
) -> None:
    cli("import", PLAN_003)
    before = cli.json("tasks")
    code, out, err = cli(*args)
    assert code == 2, (out, err)
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert cli.json("tasks") == before


def test_backup_and_restore(cli: Cli) -> None:
    cli("import", PLAN_003)
    code, out, _ = cli("backup")
    assert code == 0 and "已备份到" in out
    backup_file = out.split("已备份到：")[1].splitlines()[0].strip()
    cli("done", "25")
    code, out, _ = cli("restore", backup_file)
    assert code == 0 and "已从备份恢复" in out
    assert cli.json("tasks", "--status", "done") == []
    code, out, _ = cli("backup", "--list")
    assert "before-restore" in out and "manual" in out


def test_restoring_an_empty_or_foreign_database_is_refused(cli: Cli, tmp_path: Path) -> None:
    import sqlite3

    cli("import", PLAN_003)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE notes (x)").connection.close()
    for source in (empty, foreign):
        code, _out, err = cli("restore", str(source))
        assert code == 2 and "不是本程序的备份" in err, err
    assert len(cli.json("tasks")) == 89


def test_a_data_folder_that_is_a_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "数据.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["plans", "--data-dir", str(blocker)])
    err = capsys.readouterr().err
    assert code == 3 and "不是文件夹" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    # A folder under that file cannot be made either (the operating system says ENOTDIR).
    code = main(["plans", "--data-dir", str(blocker / "数据")])
    err = capsys.readouterr().err
    assert code == 3 and "不是文件夹" in err and "Traceback" not in err


def test_the_data_folder_may_come_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the default folder, if used by mistake
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("DEADLINE_REMINDER_DATA_DIR", raising=False)
    before, after = tmp_path / "before", tmp_path / "after"
    assert main(["--data-dir", str(before), "import", PLAN_003]) == 0
    assert main(["import", PLAN_003, "--data-dir", str(after)]) == 0
    capsys.readouterr()
    for folder in (before, after):
        assert (folder / "tasks.sqlite3").exists()
        assert main(["--data-dir", str(folder), "tasks", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 89
    assert not (tmp_path / "home").exists()
