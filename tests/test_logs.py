"""One log for the window and the command line: the rotating file, a folder that cannot be
written, the hooks that send uncaught errors of every thread to it, faulthandler's crash
file, and the installed command writing its log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import logs
from tests.helpers import run_program

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def hooks() -> Iterator[None]:
    """Puts back the interpreter's hooks after a test that installs ours."""
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    logs.remove_file_logging()


def test_the_log_goes_to_a_rotating_file_in_the_folder(tmp_path: Path, hooks) -> None:
    path = logs.configure_logging(tmp_path / "日志")
    assert path == tmp_path / "日志" / "deadline-reminder.log" == logs.current_log_file()
    logging.getLogger("desktop_app.reminders.notifier").warning("通知服务没有运行")
    text = path.read_text(encoding="utf-8")
    assert "WARNING" in text and "desktop_app.reminders.notifier: 通知服务没有运行" in text
    # Configured again with the same folder: still one handler, so no line is doubled.
    assert logs.configure_logging(tmp_path / "日志") == path
    logging.getLogger("x").warning("once")
    assert path.read_text(encoding="utf-8").count("once") == 1
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logs._OurHandler))
    assert (handler.maxBytes, handler.backupCount) == (logs.MAX_BYTES, logs.BACKUP_COUNT)


def test_a_full_log_is_rotated_not_grown(tmp_path: Path, hooks) -> None:
    path = logs.configure_logging(tmp_path)
    assert path is not None
    line = "x" * 1000
    for _ in range(logs.MAX_BYTES // 1000 + 50):
        logging.getLogger("flood").warning(line)
    assert path.stat().st_size <= logs.MAX_BYTES
    assert (tmp_path / "deadline-reminder.log.1").is_file()


def test_a_log_folder_under_a_file_is_refused_without_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hooks
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.configure_logging(blocker / "logs") is None
    assert "The log file cannot be written" in capsys.readouterr().err


def test_uncaught_errors_of_the_main_thread_and_other_threads_are_logged_and_shown(
    tmp_path: Path, hooks
) -> None:
    path = logs.configure_logging(tmp_path)
    assert path is not None
    shown: list[str] = []
    logs.install_exception_hooks(show=shown.append)
    try:
        raise ValueError("坏的日期 0000年12月")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=lambda: 1 / 0, name="reader")
    worker.start()
    worker.join()
    text = path.read_text(encoding="utf-8")
    assert "unexpected error\nTraceback" in text and "坏的日期 0000年12月" in text
    assert "unexpected error in thread reader" in text and "ZeroDivisionError" in text
    assert len(shown) == 2 and "ValueError" in shown[0] and "ZeroDivisionError" in shown[1]


def test_a_hard_crash_leaves_its_stack_in_the_crash_file(tmp_path: Path) -> None:
    code = (
        "import faulthandler, pathlib, sys; from desktop_app import logs; "
        "logs.enable_crash_file(pathlib.Path(sys.argv[1])); faulthandler._sigsegv()"
    )
    crashed = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, timeout=60
    )
    assert crashed.returncode != 0
    text = (tmp_path / logs.CRASH_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text


def test_the_installed_command_logs_each_start_to_the_user_log_folder(tmp_path: Path) -> None:
    env = {**os.environ, logs.LOG_DIR_ENV: str(tmp_path / "logs")}
    env.pop("PYTHONWARNINGS", None)
    done = run_program("plans", "--data-dir", str(tmp_path / "data"), env=env)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "logs" / "deadline-reminder.log").read_text(encoding="utf-8")
    assert "deadline-reminder started: plans --data-dir" in text
    assert (tmp_path / "logs" / logs.CRASH_FILE).is_file()


def test_a_log_that_cannot_be_rotated_says_so_once_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], hooks
) -> None:
    """Windows: the window and `remind --now` hold the same file; renaming it fails."""
    import logging.handlers

    def in_use(source: str, dest: str) -> None:
        raise PermissionError(32, "The process cannot access the file", source)

    path = logs.configure_logging(tmp_path)
    assert path is not None
    monkeypatch.setattr(logging.handlers.os, "rename", in_use)
    line = "y" * 1000
    for _ in range(logs.MAX_BYTES // 1000 + 50):
        logging.getLogger("flood").warning(line)
    logging.getLogger("after").warning("still written")
    err = capsys.readouterr().err
    assert err.count("日志文件无法轮换") == 1 and "Logging error" not in err
    assert "still written" in path.read_text(encoding="utf-8")
