"""`remind --now` against a real notification daemon (dunst on a private session bus under
Xvfb): the digest arrives with its Chinese title, body and icon and is logged with the
channel that showed it; with the daemon stopped nothing is logged and the command exits 4;
once the daemon is back the same digest arrives. Also the real entry point at a fixed date
(faketime) writing the log file, and a new plan's "新导入" digest."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.commands.remind import EXIT_NOT_DELIVERED
from tests.helpers.desktop_session import DesktopSession
from tests.storage_helpers import FakeClock

ROOT = Path(__file__).resolve().parents[1]
PLAN = """2024年测试局工作要点

一、重点工作
1. 按时报送七月工作信息。（牵头部门：办公室；责任部门：信息处。完成时间：7月）
2. 完成年度工作总结。（牵头部门：办公室。完成时间：12月）
3. 完成上半年法治宣传评估。（牵头部门：信息处。完成时间：3月）
"""
TUESDAY = datetime(2024, 7, 30, 9, 0)  # task 1 is due tomorrow, task 3 is late
A_MONTH_BEFORE = datetime(2024, 6, 28, 9, 0)


class Remind:
    """The command line on one data folder, its clock set by the test."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        self.clock = FakeClock(A_MONTH_BEFORE)

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(self.folder)], clock=self.clock)
        out, err = self.capsys.readouterr()
        return code, out, err

    def import_plan(self, at: datetime) -> None:
        plan = self.folder.parent / "plan.txt"
        plan.write_text(PLAN, encoding="utf-8")
        self.clock.set(at)
        code, _, err = self("import", str(plan))
        assert code == 0, err

    def shown(self) -> list[tuple[int, str]]:
        with sqlite3.connect(self.folder / "tasks.sqlite3") as conn:
            rows = conn.execute(
                "SELECT task_id, channel FROM reminder_log WHERE event = 'shown' ORDER BY id"
            ).fetchall()
        conn.close()
        return rows


@pytest.fixture
def remind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Remind:
    return Remind(tmp_path / "数据", capsys)


@pytest.fixture
def on_desktop(desktop: DesktopSession, monkeypatch: pytest.MonkeyPatch) -> DesktopSession:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.address)
    monkeypatch.setenv("DISPLAY", desktop.display)
    return desktop


def test_remind_now_reaches_the_daemon_with_title_body_and_icon(
    remind: Remind, on_desktop: DesktopSession
) -> None:
    remind.import_plan(A_MONTH_BEFORE)
    remind.clock.set(TUESDAY)
    code, out, err = remind("remind", "--now")
    assert (code, err) == (0, "")
    assert out.startswith("【1 项任务即将到期】\n  7月31日截止 1 项\n")
    assert "已通过系统通知发送。" in out
    [shown] = on_desktop.notifications()
    assert shown["appname"] == "工作要点督办提醒"
    assert shown["summary"] == "1 项任务即将到期"
    assert shown["body"].startswith(
        "7月31日截止 1 项\n· 7月31日截止｜办公室：按时报送七月工作信息。"
    )
    assert Path(shown["icon_path"]) == ROOT / "resources" / "icons" / "app.png"
    assert remind.shown() == [(1, "dbus")]
    # Shown once: a second run finds nothing new, and the daemon gets nothing more.
    remind.clock.set(TUESDAY.replace(minute=30))
    assert remind("remind", "--now")[:2] == (0, "现在没有需要发送的提醒。\n")
    assert on_desktop.notifications() == [shown]


def test_with_the_daemon_stopped_nothing_is_logged_and_the_digest_comes_later(
    remind: Remind, on_desktop: DesktopSession
) -> None:
    remind.import_plan(A_MONTH_BEFORE)
    on_desktop.stop_dunst()
    remind.clock.set(TUESDAY)
    code, out, err = remind("remind", "--now")
    assert code == EXIT_NOT_DELIVERED == 4
    assert out.startswith("【1 项任务即将到期】")  # printed, so a login script's log has it
    assert "已通过系统通知发送" not in out
    assert "无法显示桌面通知：桌面上没有运行通知服务" in err
    assert "No desktop notification could be shown" in err
    assert remind.shown() == []
    on_desktop.start_dunst()
    remind.clock.set(TUESDAY.replace(minute=20))
    code, out, err = remind("remind", "--now")
    assert (code, err) == (0, "")
    assert [n["summary"] for n in on_desktop.notifications()] == ["1 项任务即将到期"]
    assert remind.shown() == [(1, "dbus")]


def test_without_a_session_bus_it_says_so_and_exits_4(
    remind: Remind, monkeypatch: pytest.MonkeyPatch
) -> None:
    remind.import_plan(A_MONTH_BEFORE)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    remind.clock.set(TUESDAY)
    code, out, err = remind("remind", "--now")
    assert code == 4 and "【1 项任务即将到期】" in out
    assert "没有桌面会话（D-Bus 会话总线）" in err
    assert remind.shown() == []
    # --print keeps the print-only behaviour, logged as printed.
    code, out, err = remind("remind", "--print")
    assert (code, err) == (0, "") and out.startswith("【1 项任务即将到期】")
    assert remind.shown() == [(1, "print")]


def test_a_new_plan_gets_one_new_import_digest_of_what_is_late_or_near(
    remind: Remind, on_desktop: DesktopSession
) -> None:
    remind.import_plan(TUESDAY.replace(hour=8))
    remind.clock.set(TUESDAY)
    code, out, _ = remind("remind", "--now")
    assert code == 0
    assert out.startswith("【新导入的工作要点中有 2 项任务已逾期或即将到期】\n")
    assert "7月31日截止 1 项；已逾期 1 项" in out
    [shown] = on_desktop.notifications()
    assert shown["summary"] == "新导入的工作要点中有 2 项任务已逾期或即将到期"
    assert sorted(task for task, _ in remind.shown()) == [1, 1, 3]  # today's point and the intro
    remind.clock.set(TUESDAY.replace(hour=10))
    assert remind("remind", "--now")[:2] == (0, "现在没有需要发送的提醒。\n")


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (Debian: faketime)")
def test_the_installed_command_at_a_fixed_date_notifies_and_writes_its_log(
    tmp_path: Path, desktop: DesktopSession
) -> None:
    folder = tmp_path / "data"
    logs = tmp_path / "logs"
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    env = desktop.env(DEADLINE_REMINDER_LOG_DIR=str(logs))

    def run(when: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = ["faketime", when, sys.executable, "-m", "desktop_app", *args]
        return subprocess.run(
            [*command, "--data-dir", str(folder)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("2024-06-28 09:00:00", "import", str(plan)).returncode == 0
    sent = run("2024-07-30 09:00:00", "remind", "--now")
    assert sent.returncode == 0, sent.stderr
    assert "【1 项任务即将到期】" in sent.stdout
    assert [n["summary"] for n in desktop.notifications()] == ["1 项任务即将到期"]
    log = (logs / "deadline-reminder.log").read_text(encoding="utf-8")
    assert "remind --now" in log and "shown through dbus" in log
    desktop.stop_dunst()
    failed = run("2024-07-31 09:00:00", "remind", "--now")
    assert failed.returncode == 4
    log = (logs / "deadline-reminder.log").read_text(encoding="utf-8")
    assert "not delivered, will retry" in log and "ServiceUnknown" in log
