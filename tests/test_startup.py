"""Starting the window: painted first, the database after; what each start-up path ends with.

Each test runs the program in a fresh interpreter (the way a user starts it), offscreen,
because what counts is what one start loads and does, not what the test session has
loaded already.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage_helpers import storage_with_plan

# What the first paint must not wait for: storage and its driver, the services, the parser,
# the working-day calendar, the reminders, the panes' widgets and models.
LOADED_AFTER_THE_FIRST_PAINT = (
    "peewee",
    "db.connection",
    "db.repository",
    "desktop_app.services.overview",
    "desktop_app.services.importer",
    "desktop_app.plans.parser",
    "desktop_app.calendar.workdays",
    "chinese_calendar",
    "apscheduler",
    "desktop_app.reminders.service",
    "desktop_app.ui.main_window.workspace",
    "desktop_app.ui.task_panel",
    "desktop_app.ui.models.month_model",
)


def _program(tmp_path: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python3 *args`` as a user's start: offscreen, its own home and settings."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=env,
        cwd=cwd,
    )


def _run(script: str, tmp_path: Path, *args: str, cwd: Path | None = None) -> dict:
    result = _program(tmp_path, "-c", textwrap.dedent(script), *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# Keeps the window alive past run_gui (which drops it on return) so it can be looked at.
KEEP_THE_WINDOW = """
    import json, sys
    from desktop_app.ui import main_window
    windows = []
    attach = main_window.MainWindow.attach_storage
    def keep(self, storage):
        windows.append(self)
        attach(self, storage)
    main_window.MainWindow.attach_storage = keep
"""


# What was loaded at the first paint of a real start (no timing flag: single instance, tray,
# the database opened after the paint), taken by a filter on the window's first Paint; the
# run ends once the database is attached.
FIRST_PAINT_OF_A_REAL_START = """
    import json, sys
    import PySide6.QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from desktop_app.ui import main_window
    seen = {}
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen["loaded"] = sorted(m for m in WATCHED if m in sys.modules)
                # PySide6 builds a class's enums when the class is first used; the Qt
                # namespace has a hundred of them (15 ms), so the frame does without it.
                seen["qt_namespace"] = "Qt" in vars(PySide6.QtCore)
            return False
    probe = FirstPaint()
    show, attach = main_window.MainWindow.show, main_window.MainWindow.attach_storage
    def show_watched(self):
        self.installEventFilter(probe)
        show(self)
    def attach_then_quit(self, storage):
        seen["attached_after_paint"] = bool(seen)
        attach(self, storage)
        QTimer.singleShot(0, QApplication.quit)
    main_window.MainWindow.show = show_watched
    main_window.MainWindow.attach_storage = attach_then_quit
    WATCHED = sys.argv[2:]
    from desktop_app.cli import main
    code = main(json.loads(sys.argv[1]))
    print(json.dumps({"code": code, **seen}))
"""


@pytest.mark.parametrize("moment", ["paint", "load"])
def test_python_m_desktop_app_demo_ends_with_0_for_the_start_up_benchmark(
    tmp_path: Path, moment: str
) -> None:
    result = _program(tmp_path, "-m", "desktop_app", "--demo", f"--quit-after-{moment}")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("start", [["--demo"], ["--data-dir", "data"]], ids=["demo", "folder"])
def test_a_real_start_paints_the_window_before_the_database_and_services_load(
    tmp_path: Path, start: list[str]
) -> None:
    storage_with_plan(tmp_path / "data").close()
    arguments = json.dumps(start)
    report = _run(
        FIRST_PAINT_OF_A_REAL_START,
        tmp_path,
        arguments,
        *LOADED_AFTER_THE_FIRST_PAINT,
        cwd=tmp_path,
    )
    assert report == {
        "code": 0,
        "loaded": [],
        "qt_namespace": False,
        "attached_after_paint": True,
    }


def test_the_demo_window_shows_the_sample_plan_of_this_year(tmp_path: Path) -> None:
    report = _run(
        KEEP_THE_WINDOW
        + """
    from desktop_app.cli import main
    code = main(["--demo", "--quit-after-load"])
    w = windows[0]
    print(json.dumps({
        "code": code,
        "on_the_plan": w.pages.currentWidget() is w.workspace,
        "plan": w.plan_combo.currentText(),
        "departments": w.department_model.rowCount(),
        "months": w.month_model.rowCount(),
        "actions": w.import_action.isEnabled() and w.refresh_action.isEnabled(),
    }))
    """,
        tmp_path,
    )
    assert report["code"] == 0
    assert report["on_the_plan"] and report["actions"]
    assert report["plan"].startswith(f"{datetime.now().year} · ")
    assert "示例" in report["plan"]
    assert report["departments"] > 5 and report["months"] >= 12


def test_a_data_folder_opens_on_its_plan_with_the_tasks_shown(tmp_path: Path) -> None:
    storage_with_plan(tmp_path / "data").close()
    report = _run(
        KEEP_THE_WINDOW
        + """
    from desktop_app.cli import main
    code = main(["--data-dir", sys.argv[1], "--quit-after-load"])
    w = windows[0]
    print(json.dumps({
        "code": code,
        "plan": w.plan_combo.currentText(),
        "tasks": len({t.id for g in w.month_model.groups() for t in g.tasks}),
        "status": w.status_label.text(),
    }))
    """,
        tmp_path,
        str(tmp_path / "data"),
    )
    assert report["code"] == 0
    assert report["plan"].startswith("2024 · ")
    assert report["tasks"] == 89
    assert report["status"].startswith("今天 ")


@pytest.mark.parametrize("answer", ["no backup", "refuse", "restore", "newer backup"])
def test_a_damaged_database_is_reported_over_the_window_and_nothing_is_guessed(
    tmp_path: Path, answer: str
) -> None:
    data = tmp_path / "data"
    storage = storage_with_plan(data)
    if answer != "no backup":
        backup = storage.backup("manual")
    storage.close()
    if answer == "newer backup":  # offered, but a program of a later release made it
        with contextlib.closing(sqlite3.connect(backup)) as db:
            db.execute("PRAGMA user_version = 999")
    (data / "tasks.sqlite3").write_bytes(b"this is not a database " * 400)
    report = _run(
        KEEP_THE_WINDOW
        + """
    from PySide6.QtWidgets import QMessageBox
    said = []
    def critical(parent, title, text, *rest):
        said.append(("critical", parent is not None, text))
        return QMessageBox.StandardButton.Ok
    def question(parent, title, text, *rest):
        said.append(("question", parent is not None, text))
        yes = sys.argv[2] in ("restore", "newer backup")
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    QMessageBox.critical = staticmethod(critical)
    QMessageBox.question = staticmethod(question)
    from desktop_app.cli import main
    code = main(["--data-dir", sys.argv[1], "--quit-after-load"])
    print(json.dumps({
        "code": code,
        "said": said,
        "tasks": len({t.id for g in windows[0].month_model.groups() for t in g.tasks}) if windows else None,
    }))
    """,
        tmp_path,
        str(data),
        answer,
    )
    kinds = [(kind, over_the_window) for kind, over_the_window, _text in report["said"]]
    if answer == "no backup":
        assert report["code"] == 3 and kinds == [("critical", True)]
        assert (
            "数据库文件已损坏" in report["said"][0][2] and "没有可用的备份" in report["said"][0][2]
        )
        assert report["tasks"] is None
    elif answer == "refuse":
        assert report["code"] == 3 and kinds == [("question", True)]
        assert report["tasks"] is None
        assert (data / "tasks.sqlite3").read_bytes().startswith(b"this is not a database")
    elif answer == "newer backup":
        assert report["code"] == 3 and kinds == [("question", True), ("critical", True)]
        assert "更新版本" in report["said"][1][2]
        assert report["tasks"] is None
    else:
        assert report["code"] == 0 and kinds == [("question", True)]
        assert report["tasks"] == 89  # the backup's plan, shown


RECORD_THE_ANSWERS = """
    import json, sys
    from PySide6.QtWidgets import QMessageBox
    from desktop_app.ui import app
    said = []
    def critical(parent, title, text, *rest):
        said.append(("critical", text))
        return QMessageBox.StandardButton.Ok
    QMessageBox.critical = staticmethod(critical)
    app._excepthook = lambda kind, value, tb: said.append(("unexpected", kind.__name__))
"""


def test_a_data_folder_that_cannot_be_made_is_named_and_the_program_ends(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    report = _run(
        RECORD_THE_ANSWERS
        + """
    from desktop_app.cli import main
    code = main(["--data-dir", sys.argv[1], "--quit-after-load"])
    print(json.dumps({"code": code, "said": said}))
    """,
        tmp_path,
        str(tmp_path / "a-file" / "data"),
    )
    assert report["code"] == 3
    [[kind, text]] = report["said"]
    assert kind == "critical" and "不是文件夹" in text and "a-file" in text


def test_a_bug_while_opening_is_shown_with_its_details_and_the_program_ends(
    tmp_path: Path,
) -> None:
    storage_with_plan(tmp_path / "data").close()
    report = _run(
        RECORD_THE_ANSWERS
        + """
    from desktop_app.ui import main_window
    def broken(self, storage):
        raise ZeroDivisionError("a bug")
    main_window.MainWindow.attach_storage = broken
    from desktop_app.cli import main
    code = main(["--data-dir", sys.argv[1], "--quit-after-load"])
    print(json.dumps({"code": code, "said": said}))
    """,
        tmp_path,
        str(tmp_path / "data"),
    )
    assert report == {"code": 3, "said": [["unexpected", "ZeroDivisionError"]]}
