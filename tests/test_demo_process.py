"""``--demo`` as a user starts it, in real processes (offscreen): beside the real program it
is a program of its own, and its temporary folder goes away however it ends — 退出, or
SIGTERM (a logout, ``kill``), SIGINT (Ctrl+C) or SIGHUP (its terminal closed).

Each process gets its own log folder, read to learn what it did; the demo's folder is made
under the temporary folder the test gives it (``TMPDIR``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.logs import LOG_DIR_ENV, LOG_FILE
from desktop_app.ui.demo_mode import FOLDER_PREFIX
from tests.helpers import PROGRAM, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

START_S = 90.0  # a start on a busy two-core machine


class Program:
    """One ``python3 -m desktop_app …`` process, its log read back."""

    def __init__(self, home: Path, name: str, *args: str) -> None:
        self.logs = home / f"logs-{name}"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "TMPDIR": str(home / "tmp"),
            LOG_DIR_ENV: str(self.logs),
            "PYTHONWARNINGS": "ignore",
        }
        self.process = subprocess.Popen(
            [*PROGRAM, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def log(self) -> str:
        path = self.logs / LOG_FILE
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def running(self) -> bool:
        return self.process.poll() is None

    def end(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum``; the exit code once the process has ended."""
        assert self.running(), "ended before the signal"
        self.process.send_signal(signum)
        return self.finish()

    def finish(self) -> int:
        """The exit code of a process that ends by itself."""
        _out, err = self.process.communicate(timeout=60)
        assert "Traceback" not in err, err
        return self.process.returncode


def wait_for(condition: Callable[[], object], what: str, *programs: Program) -> None:
    """Until ``condition()`` holds; fails at once when one of ``programs`` ends first."""
    deadline = time.monotonic() + START_S
    while not condition():
        for program in programs:
            assert program.running(), f"ended before {what}: {program.process.stderr.read()}"
        assert time.monotonic() < deadline, f"not {what} after {START_S} s"
        time.sleep(0.05)


def demo_folders(home: Path) -> list[Path]:
    return sorted((home / "tmp").glob(f"{FOLDER_PREFIX}*"))


@pytest.fixture
def home(tmp_path: Path):
    (tmp_path / "tmp").mkdir()
    started: list[Program] = []

    def start(name: str, *args: str) -> Program:
        program = Program(tmp_path, name, *args)
        started.append(program)
        return program

    yield tmp_path, start
    for program in started:
        if program.running():
            program.process.kill()
            program.process.communicate(timeout=60)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("moment", ["folder made", "window ready"])
def test_an_ending_signal_removes_the_demo_s_folder(home, signum: int, moment: str) -> None:
    where, start = home
    demo = start("demo", "--demo")
    if moment == "folder made":
        wait_for(lambda: demo_folders(where), "the demo's folder made", demo)
    else:
        wait_for(lambda: "window ready on" in demo.log(), "the demo's window ready", demo)
    folder = demo_folders(where)[0]
    assert folder.is_dir()
    assert demo.end(signum) == 128 + signum
    assert not folder.exists()
    assert demo_folders(where) == []


def test_quitting_the_demo_removes_its_folder(home) -> None:
    where, start = home
    # The demo's normal end: 退出 (here the window closes itself once it is painted).
    demo = start("demo", "--demo", "--quit-after-load")
    assert demo.finish() == 0
    assert demo_folders(where) == []
    assert "--demo: removed" in demo.log()


def test_the_demo_and_the_real_program_run_side_by_side(home) -> None:
    where, start = home
    data = str(where / "data")
    real = start("real", "--data-dir", data)
    wait_for(lambda: "window ready on" in real.log(), "the real window ready", real)

    demo = start("demo", "--demo")
    wait_for(lambda: "window ready on" in demo.log(), "the demo's window ready", demo, real)
    [folder] = demo_folders(where)
    assert str(folder) in demo.log() and str(folder) not in real.log()

    # A second real start still brings the first forward, and only the first.
    again = start("again", "--data-dir", data)
    assert again.finish() == 0
    assert "bringing that window forward" in again.log()
    wait_for(lambda: "received b'show'" in real.log(), "the real window asked forward", real)
    # A second demo brings the first demo forward and makes no folder of its own.
    second_demo = start("second-demo", "--demo")
    assert second_demo.finish() == 0
    wait_for(lambda: "received b'show'" in demo.log(), "the demo asked forward", demo)
    assert demo_folders(where) == [folder]

    assert real.log().count("received b'show'") == 1  # the demos never spoke to it
    assert demo.log().count("received b'show'") == 1
    assert real.running() and demo.running()
    assert demo.end() == 128 + signal.SIGTERM
    assert real.end() == 128 + signal.SIGTERM
    assert demo_folders(where) == []
    assert (where / "data" / "tasks.sqlite3").exists()  # the real data stays, of course
