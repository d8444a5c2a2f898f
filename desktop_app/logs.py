"""One log for the window and the command line: a rotating file in the user's log folder,
the exception hooks of the main thread and of other threads, and faulthandler's crash file.

``setup`` is called once by the entry point (``desktop_app.cli.entry``); the window adds
its crash dialog through ``install_exception_hooks(show=…)``. No Qt here.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from desktop_app.paths import APP_NAME

LOG_DIR_ENV = "DEADLINE_REMINDER_LOG_DIR"
LOG_FILE = "deadline-reminder.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"

log = logging.getLogger(__name__)

ShowError = Callable[[str], None]


class _OurHandler(RotatingFileHandler):
    """Our file handler, told apart from any other the root logger may hold.

    The window and a command (a login script's ``remind --now``) may write the same file;
    on Windows the one that rotates it then finds it open elsewhere. A rotation that fails
    is said once, and the log goes on growing in the same file until the next start.
    """

    _rotation_failed = False

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        return not self._rotation_failed and bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError as exc:
            self._rotation_failed = True
            if self.stream is None:
                self.stream = self._open()
            print(
                f"日志文件无法轮换，继续写入原文件：{exc}（The log file cannot be rotated）",
                file=sys.stderr,
            )


_crash_file: IO[str] | None = None


def log_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the log lives: ``override``, ``$DEADLINE_REMINDER_LOG_DIR``, else the user's
    log folder (``%LOCALAPPDATA%\\DeadlineReminder\\Logs``, ``~/.local/state/DeadlineReminder/log``)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(LOG_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def current_log_file() -> Path | None:
    """The file the log goes to now, or None when logging to a file could not be set up."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _OurHandler):
            return Path(handler.baseFilename)
    return None


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log to ``folder``/deadline-reminder.log (1 MiB, 5 old files kept).

    Calling it again with another folder moves the log there. A folder that cannot be
    written (read-only profile, full disk) is said on standard error and returns None:
    the run then keeps no log (only warnings reach standard error), but a log must never
    stop the program.
    """
    folder = folder or log_dir()
    path = folder / LOG_FILE
    root = logging.getLogger()
    current = current_log_file()
    if current == path:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _OurHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as exc:
        print(f"日志文件无法写入：{path}（The log file cannot be written: {exc}）", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    remove_file_logging()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def remove_file_logging() -> None:
    """Stop writing to the log file (a test's end)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _OurHandler)]:
        root.removeHandler(old)
        old.close()


def enable_crash_file(folder: Path | None = None) -> Path | None:
    """faulthandler writes the stack of a hard crash (a segfault in Qt) to crash.log."""
    global _crash_file
    path = (folder or log_dir()) / CRASH_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        crash = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open while the program runs
    except OSError as exc:
        log.warning("no crash file at %s: %s", path, exc)
        return None
    faulthandler.enable(crash, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash
    return path


def details(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, value, tb))


def install_exception_hooks(show: ShowError | None = None) -> None:
    """Route uncaught errors of every thread to the log; ``show`` (the window's dialog,
    which must be safe to call from any thread) tells the user."""

    def main_hook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = details(kind, value, tb)
        log.critical("unexpected error\n%s", text)
        if show is None:
            sys.__excepthook__(kind, value, tb)
        else:
            show(text)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        text = details(args.exc_type, args.exc_value, args.exc_traceback)
        log.critical("unexpected error in thread %s\n%s", name, text)
        if show is not None:
            show(text)

    sys.excepthook = main_hook
    threading.excepthook = thread_hook


def setup() -> Path | None:
    """What the entry point does first: the log file, the crash file, the hooks."""
    folder = log_dir()
    path = configure_logging(folder)
    enable_crash_file(folder)
    install_exception_hooks()
    log.info("deadline-reminder started: %s", " ".join(sys.argv[1:]) or "(window)")
    return path
