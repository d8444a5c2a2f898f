"""The installed .deb as a liaison gets it: ``/usr/bin/deadline-reminder`` answers its version
and passes its self-test, reads every kind of plan, shows its window in Chinese on a real X
screen with the bundled sample, and delivers a reminder to a real notification daemon.

`.ci/run` builds and installs the package first (``DEADLINE_REMINDER_REQUIRE_INSTALLED=1``:
a missing package fails these tests instead of skipping them) and removes it afterwards.
By hand: ``python3 packaging/build.py && dpkg -i dist/deadline-reminder_*.deb``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from desktop_app import __version__
from desktop_app.self_test import STEPS
from tests.helpers.desktop_session import DesktopSession, skip_without_tools

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path("/usr/bin/deadline-reminder")
INSTALL_DIR = Path("/opt/deadline-reminder")
SAMPLE = INSTALL_DIR / "_internal" / "resources" / "sample_plan.txt"
TITLE = "工作要点督办提醒"
# Where the screenshots go when asked (the README's come from here).
SCREENSHOTS_ENV = "DEADLINE_REMINDER_SCREENSHOTS"


@pytest.fixture(scope="module")
def installed() -> Path:
    if LAUNCHER.is_file() and (INSTALL_DIR / "deadline-reminder").is_file():
        return LAUNCHER
    message = (
        "the .deb is not installed: python3 packaging/build.py && "
        "dpkg -i dist/deadline-reminder_*.deb"
    )
    if os.environ.get("DEADLINE_REMINDER_REQUIRE_INSTALLED"):
        pytest.fail(message)
    pytest.skip(message)


def _run(
    command: list[str], env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)


def test_the_installed_program_is_this_version_and_passes_its_self_test(installed: Path) -> None:
    version = _run([str(installed), "--version"])
    assert version.returncode == 0 and version.stdout.split() == ["deadline-reminder", __version__]
    result = _run([str(installed), "--self-test"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "打包版本" in result.stdout  # the frozen program, not a checkout's
    assert result.stdout.count("[通过 OK]") == len(STEPS) and "[失败" not in result.stdout


@pytest.mark.parametrize(
    ("name", "tasks"),
    [
        ("000_9ec6db43f1a77751.docx", 33),
        ("000_9ec6db43f1a77751.ofd", 33),
        ("003_977e8fd6d0e9a83c.pdf", None),
        ("table_plan.xlsx", None),
        ("000_9ec6db43f1a77751.doc", 33),  # through LibreOffice, started by the frozen program
    ],
)
def test_the_installed_program_reads_every_kind_of_plan(
    installed: Path, fixtures: Path, name: str, tasks: int | None
) -> None:
    if name.endswith(".doc") and shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (Debian: libreoffice-writer-nogui)")
    result = _run([str(installed), "parse", str(fixtures / name)])
    assert result.returncode == 0, result.stderr
    assert "类型：工作要点" in result.stdout
    if tasks is not None:
        assert f"任务：{tasks} 项" in result.stdout


def test_the_installed_program_delivers_a_reminder_to_the_desktop(
    installed: Path, tmp_path: Path, desktop: DesktopSession
) -> None:
    if shutil.which("faketime") is None:
        pytest.skip("needs faketime (Debian: faketime)")
    data = tmp_path / "data"
    env = desktop.env(DEADLINE_REMINDER_LOG_DIR=str(tmp_path / "logs"))

    def run(when: str, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(["faketime", when, str(installed), *args, "--data-dir", str(data)], env)

    imported = run("2026-11-20 09:00:00", "import", str(SAMPLE))
    assert imported.returncode == 0, imported.stderr
    sent = run("2026-11-30 09:00:00", "remind", "--now")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    summaries = [n["summary"] for n in desktop.notifications()]
    assert len(summaries) == 1 and "项任务" in summaries[0], summaries
    log = (tmp_path / "logs" / "deadline-reminder.log").read_text(encoding="utf-8")
    assert "shown through dbus" in log


@pytest.mark.parametrize("screen", ["1024x768", "1366x768"])
def test_the_installed_window_opens_in_chinese_on_the_sample(
    installed: Path, tmp_path: Path, screen: str
) -> None:
    skip_without_tools()
    if shutil.which("xdotool") is None:
        pytest.skip("needs xdotool (Debian: xdotool)")
    # A short folder: the bus socket's path must be short.
    session = DesktopSession(Path(tempfile.mkdtemp(prefix="dr-installed-")), screen).start()
    program = None
    try:
        logs = tmp_path / "logs"
        env = session.env(DEADLINE_REMINDER_LOG_DIR=str(logs), HOME=str(tmp_path / "home"))
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("LANGUAGE", None)
        program = subprocess.Popen(
            [str(installed), "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        log = logs / "deadline-reminder.log"
        _wait(lambda: "window ready" in _text(log), program, "the window to open its data")
        text = _text(log)
        assert "--demo: the sample plan created, 33 task(s)" in text, text
        window = _wait(lambda: _window_id(session, TITLE), program, "a window titled " + TITLE)
        name = _run(["xdotool", "getwindowname", window], session.env()).stdout
        assert TITLE in name
        shot = _screenshot(session, tmp_path / f"installed_{screen}.png", program)
        target = os.environ.get(SCREENSHOTS_ENV)
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            shutil.copy2(shot, Path(target) / shot.name)
        assert "Traceback" not in _text(log)
    finally:
        if program is not None:
            program.terminate()
            program.wait(timeout=30)
        session.stop()
        shutil.rmtree(session.folder, ignore_errors=True)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def _window_id(session: DesktopSession, title: str) -> str:
    found = _run(["xdotool", "search", "--onlyvisible", "--name", title], session.env())
    ids = found.stdout.split()
    return ids[0] if ids else ""


T = TypeVar("T")


def _wait(
    probe: Callable[[], T], program: subprocess.Popen[bytes], what: str, timeout: float = 60.0
) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if program.poll() is not None:
            pytest.fail(f"the program ended (exit {program.returncode}) before {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} after {timeout:.0f} s")
        time.sleep(0.2)


def _screenshot(session: DesktopSession, target: Path, program: subprocess.Popen[bytes]) -> Path:
    """The screen once two grabs a moment apart are the same (the window has settled)."""
    env = session.env()
    env.pop("QT_QPA_PLATFORM", None)
    grab = [sys.executable, str(ROOT / "tests" / "helpers" / "grab_screen.py")]
    previous = b""
    for _ in range(50):
        result = _run([*grab, str(target)], env)
        assert result.returncode == 0, result.stderr
        data = target.read_bytes()
        if data == previous:
            return target
        previous = data
        time.sleep(0.3)
    pytest.fail("the screen never settled")


@pytest.mark.parametrize("kind", ["xlsx", "csv", "ics"])
def test_the_installed_program_exports_the_ledger(
    installed: Path, fixtures: Path, tmp_path: Path, kind: str
) -> None:
    data = tmp_path / "data"
    imported = _run(
        [
            str(installed),
            "import",
            str(fixtures / "003_977e8fd6d0e9a83c.txt"),
            "--data-dir",
            str(data),
        ]
    )
    assert imported.returncode == 0, imported.stderr
    target = tmp_path / f"台账.{kind}"
    result = _run(
        [str(installed), "export", "-f", kind, "-o", str(target), "--data-dir", str(data)]
    )
    assert result.returncode == 0, result.stderr
    assert "89 项任务" in result.stdout and target.stat().st_size > 1000
