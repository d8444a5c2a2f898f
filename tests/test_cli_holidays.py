"""``holidays parse|import|list`` on the command line, and what an imported notice does to the
reminders of a year the bundled data does not cover.

The 2027 notice here is made up for the test (the bundled data stops at 2026; a real 2027
notice would do the same): 元旦 1–3 January, 春节 6–14 February, make-up Saturdays 30
January and 20 February.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.storage_helpers import FakeClock

NOTICES = Path(__file__).resolve().parent / "fixtures" / "holidays"
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至14日（周日）放假调休，共9天。1月30日（周六）、2月20日（周六）上班。
"""
PLAN_2027 = """2027年测试局工作要点
一、重点工作
1. 报送春节值班安排。（牵头部门：办公室。完成时间：2月10日）
2. 完成一季度工作总结。（牵头部门：办公室。完成时间：3月）
"""
HOLIDAY_2027 = {date(2027, 1, d) for d in (1, 2, 3)} | {date(2027, 2, d) for d in range(6, 15)}


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        self.clock = FakeClock(datetime(2026, 12, 3, 9, 0))

    def __call__(self, *args: str, data_dir: bool = True) -> tuple[int, str, str]:
        extra = ["--data-dir", str(self.folder)] if data_dir else []
        code = main([*args, *extra], clock=self.clock)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "数据", capsys)


def test_parse_prints_the_documented_json(cli: Cli) -> None:
    code, out, err = cli("holidays", "parse", str(NOTICES / "2026.txt"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["year"] == 2026 and data["warnings"] == []
    spring = next(h for h in data["holidays"] if h["name"] == "春节")
    assert spring["days_off"][0] == "2026-02-15" and len(spring["days_off"]) == 9
    assert spring["workdays"] == ["2026-02-14", "2026-02-28"]
    assert [h["name"] for h in data["holidays"]][:2] == ["元旦", "春节"]


def test_parse_reads_a_pasted_notice_from_standard_input(cli: Cli, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(NOTICE_2027.replace("：", ":")))
    code, out, _ = cli("holidays", "parse", "-")
    assert code == 0
    assert "2027 年节假日安排" in out and "调休上班：2027-01-30（周六）、2027-02-20（周六）" in out


def test_a_file_that_is_no_notice_is_refused_in_both_languages(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "plan.txt"
    other.write_text(PLAN_2027, encoding="utf-8")
    code, out, err = cli("holidays", "parse", str(other))
    assert code == 2 and out == ""
    assert "没有在通知中读出" in err and "No holiday" in err and "Traceback" not in err


def test_import_shows_the_changes_stores_them_and_list_says_where_each_year_comes_from(
    cli: Cli, tmp_path: Path
) -> None:
    notice = tmp_path / "2027年节假日安排.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    code, out, _ = cli("holidays", "list")
    assert code == 0 and "2026  程序内置数据" in out and "2027  暂无节假日安排" in out
    code, out, _ = cli("holidays", "import", str(notice), "--dry-run")
    assert code == 0 and "与当前日历相比，8 天改变" in out and "未写入" in out
    assert "2027-01-30（周六）：休息日 → 工作日" in out
    assert "2027-02-08（周一）：工作日 → 休息日" in out
    assert "2027  暂无节假日安排" in cli("holidays", "list")[1]  # a dry run stores nothing
    code, out, _ = cli("holidays", "import", str(notice))
    assert code == 0 and "已导入 2027 年" in out
    code, out, _ = cli("holidays", "list", "--year", "2027")
    assert code == 0 and out.startswith(
        "2027  已导入的通知：国务院办公厅关于2027年部分节假日安排的通知"
    )
    assert "2027年节假日安排.txt" in out
    again = cli("holidays", "import", str(notice))[1]
    assert "没有变化" in again


def test_an_imported_notice_moves_the_reminders_of_a_year_without_bundled_data(
    cli: Cli, tmp_path: Path
) -> None:
    plan, notice = tmp_path / "plan.txt", tmp_path / "notice.txt"
    plan.write_text(PLAN_2027, encoding="utf-8")
    notice.write_text(NOTICE_2027, encoding="utf-8")
    assert cli("import", str(plan))[0] == 0
    window = ("remind", "--dry-run", "--from", "2027-01-20", "--to", "2027-02-28", "--json")

    def reminded() -> dict[date, list[int]]:
        code, out, err = cli(*window)
        assert code == 0, err
        return {datetime.fromisoformat(r["at"]).date(): r["task_ids"] for r in json.loads(out)}

    before = reminded()
    assert date(2027, 2, 10) in before  # Monday to Friday: the due day is a working day
    assert "尚无 2027 年的法定节假日安排" in cli(*window[:-1])[1]
    assert cli("holidays", "import", str(notice))[0] == 0
    after = reminded()
    assert not set(after) & HOLIDAY_2027  # nothing on a day off
    # The deadline falls inside the Spring Festival: reminded on the last working day before.
    assert after[date(2027, 2, 5)] == [1]
    # Ten and five working days before that, counting the make-up Saturday of 30 January.
    assert date(2027, 1, 30) in after and date(2027, 1, 25) in after
    assert "尚无 2027 年的法定节假日安排" not in cli(*window[:-1])[1]


def test_a_supplement_needs_the_year_it_amends(cli: Cli) -> None:
    code, _, err = cli("holidays", "import", str(NOTICES / "2020-supplement.txt"))
    assert code == 0, err  # 2020 is bundled: the extension amends the bundled arrangement
    code, out, _ = cli("holidays", "list", "--year", "2020")
    assert code == 0 and "延长2020年春节假期" in out
    lonely = NOTICE_2027.replace(
        "关于2027年部分节假日安排的通知", "关于调整2028年春节假期安排的通知"
    )
    lonely = lonely.replace("2027", "2028")
    path = Path(cli.folder.parent / "2028-supplement.txt")
    path.write_text(lonely, encoding="utf-8")
    code, _, err = cli("holidays", "import", str(path))
    assert code == 2 and "请先导入 2028 年的通知" in err
