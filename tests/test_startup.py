"""Starting the window: painted first, the database after; what each start-up path ends with.

Each test runs the program in a fresh interpreter (the way a user starts it), offscreen,
because what counts is what one start loads and does, not what the test session has
loaded already.
"""

from __future__ import annotations

import json
import os
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
    "desktop_app.plans.workdays",
    "chinese_calendar",
    "apscheduler",
    "desktop_app.reminders.service",
    "desktop_app.ui.workspace",
    "desktop_app.ui.task_panel",
    "desktop_app.ui.models.month_model",
)


def _run(script: str, tmp_path: Path, *args: str) -> dict:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=env,
    )
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


def test_the_window_is_painted_before_the_database_and_services_load(tmp_path: Path) -> None:
    report = _run(
        """
        import json, sys
        import PySide6.QtCore
        from desktop_app.cli import main
        code = main(["--demo", "--quit-after-paint"])
        print(json.dumps({
            "code": code,
            "loaded": sorted(m for m in sys.argv[1:] if m in sys.modules),
            # PySide6 builds a class's enums when the class is first used; the Qt namespace
            # has a hundred of them (15 ms), so the frame does without it.
            "qt_namespace": "Qt" in vars(PySide6.QtCore),
        }))
        """,
        tmp_path,
        *LOADED_AFTER_THE_FIRST_PAINT,
    )
    assert report == {"code": 0, "loaded": [], "qt_namespace": False}


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


@pytest.mark.parametrize("answer", ["no backup", "refuse", "restore"])
def test_a_damaged_database_is_reported_over_the_window_and_nothing_is_guessed(
    tmp_path: Path, answer: str
) -> None:
    data = tmp_path / "data"
    storage = storage_with_plan(data)
    if answer != "no backup":
        storage.backup("manual")
    storage.close()
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
        return QMessageBox.StandardButton.Yes if sys.argv[2] == "restore" else QMessageBox.StandardButton.No
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
    else:
        assert report["code"] == 0 and kinds == [("question", True)]
        assert report["tasks"] == 89  # the backup's plan, shown
