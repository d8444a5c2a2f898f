"""The command line: `deadline-reminder parse FILE [--json]` and the default sample run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main

from .conftest import FIXTURES, PLAN_2024_DISTRICT


def test_parse_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {
        "kind",
        "title",
        "year",
        "issuer",
        "doc_number",
        "issued_on",
        "sections",
        "tasks",
        "warnings",
    }
    assert data["kind"] == "work_plan"
    assert data["issued_on"] == "2024-02-22"
    assert len(data["tasks"]) == 89
    task = data["tasks"][63]
    assert task["label"] == "64"
    assert task["section"] == ["四、", "（四）"]
    assert task["responsible"] == ["区公共法律服务中心（各街镇工作站）", "法律援助中心"]
    assert task["deadline"] == {
        "raw": "12月",
        "kind": "month",
        "due": "2024-12-31",
        "milestones": [],
    }
    assert task["annotation"].startswith("（牵头部门：司法鉴定管理科")
    assert {"label": "一、", "title": "坚持统筹推进，高水平推动法治普陀建设", "level": 1} in data[
        "sections"
    ]
    assert {w["code"] for w in data["warnings"]} == {"deadline_before_issue"}


def test_parse_prints_a_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt")]) == 0
    out = capsys.readouterr().out
    assert "2024年普陀区司法行政工作要点和责任分工" in out
    assert "任务：89 项" in out
    assert "行政复议科" in out
    assert "早于发文日期" in out


def test_unreadable_file_exits_2_with_one_line_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "不存在.docx"
    assert main(["parse", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert any(ch.isascii() and ch.isalpha() for ch in lines[0])


def test_thousands_of_tasks_without_a_year_are_one_problem_in_the_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet of thousands of rows whose document names no year: every deadline lacks it.
    The listing shows ten and counts the rest; JSON keeps every one for scripts."""
    rows = "".join(
        f"{i}. 第{i}项工作。（牵头部门：办公室。完成时间：6月）\n" for i in range(1, 3001)
    )
    path = tmp_path / "no_year.txt"
    path.write_text("某局工作要点\n" + rows, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if "[year_unknown]" in line]
    assert len(listed) == 11
    assert listed[-1].endswith("另有 2990 条同类提示（任务 11、12、13、14、15等）")
    assert "提示（3000）" in out
    assert main(["parse", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum(w["code"] == "year_unknown" for w in data["warnings"]) == 3000


def test_help_is_in_chinese_and_hides_the_benchmarks_flags(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：deadline-reminder") and "选项" in out and "显示本帮助并退出" in out
    assert "positional arguments" not in out and "show this help" not in out
    assert "--quit-after-paint" not in out and "--quit-after-load" not in out
    with pytest.raises(SystemExit) as refused:
        main(["export", "-f", "foo", "-o", "x"])
    assert refused.value.code == 2 and "参数有误" in capsys.readouterr().err
