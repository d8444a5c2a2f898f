"""The demo says it is one wherever it shows: the window's title (and every dialog's, through
the application's name), a banner naming the temporary folder, the tray's tooltip and its
reminders' titles; the banner's button leads to the real program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui import demo_mode
from desktop_app.ui.tray import TrayController
from tests.helpers import ROOT
from tests.storage_helpers import FakeClock, new_storage


@pytest.fixture
def tray(qapp):
    controller = TrayController(platform="linux")
    yield controller
    controller.dispose()


@pytest.fixture
def display_name(qapp):
    """The application's name as it was: the demo renames it for every window."""
    before = QApplication.applicationDisplayName()
    yield
    QApplication.setApplicationDisplayName(before)


def test_the_window_and_the_tray_say_demo(make_window, tray, display_name, tmp_path) -> None:
    window = make_window(None, FakeClock(datetime(2026, 3, 2, 9, 0)), show=False)
    assert "演示" not in window.windowTitle() and not tray.tooltip().startswith("演示")
    demo_mode.mark_as_demo(QApplication.instance(), window, tray)
    assert window.windowTitle() == "工作要点督办提醒 — 演示（数据不保存）"
    assert QApplication.applicationDisplayName() == window.windowTitle()  # every dialog's too
    assert tray.tooltip().startswith("演示（数据不保存）\n工作要点督办提醒")
    tray.update_tooltip(4, 2)  # the counts change, the mark stays first
    assert tray.tooltip().splitlines()[0] == "演示（数据不保存）"
    assert "逾期 2 项" in tray.tooltip()


def test_the_banner_names_the_folder_and_leads_to_the_real_program(
    make_window, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    window = make_window(storage, FakeClock(datetime(2026, 3, 2, 9, 0)))
    launched: list[bool] = []
    banner = demo_mode.add_banner(window, tmp_path, lambda: launched.append(True) or True)
    assert banner.isVisible()
    assert banner.y() < window.pages.y()  # above the pages
    said = banner.body_label.text() + banner.folder_label.text()
    assert "示例" in said and "临时文件夹" in said and "删除" in said
    assert str(tmp_path) in banner.folder_label.text()
    banner.real_button.click()
    assert launched == [True]
    assert not window.isVisible()  # the demo ended: the real program takes over
    storage.close()


def test_when_the_real_program_cannot_start_the_demo_stays_and_says_so(
    make_window, qtbot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    window = make_window(storage, FakeClock(datetime(2026, 3, 2, 9, 0)))
    banner = demo_mode.add_banner(window, tmp_path, lambda: False)
    banner.real_button.click()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    [box] = window.findChildren(QMessageBox)
    assert "正式程序没有启动" in box.text()
    assert window.isVisible()
    box.close()
    storage.close()


def test_the_real_program_is_this_program_without_demo() -> None:
    program, arguments = demo_mode.real_program()
    assert program == sys.executable and arguments == ["-m", "desktop_app"]


def test_the_demo_s_reminders_say_demo(notifier) -> None:
    demo = demo_mode.DemoNotifier(notifier)
    assert demo.notify("3 项任务逾期", "…", [1, 2, 3]) == "recording"
    assert notifier.calls[0].title == "【演示】3 项任务逾期"
    assert notifier.calls[0].task_ids == (1, 2, 3)


# The demo as the program runs it: its window kept past run_gui to be looked at.
A_DEMO_START = """
    import json, sys
    from PySide6.QtWidgets import QApplication
    from desktop_app.ui import main_window
    from desktop_app.ui.demo_banner import DemoBanner
    from desktop_app.ui.tray import TrayController
    windows = []
    attach = main_window.MainWindow.attach_storage
    def keep(self, storage):
        windows.append(self)
        attach(self, storage)
    main_window.MainWindow.attach_storage = keep
    from desktop_app.cli import main
    code = main(["--demo", "--quit-after-load"])
    w = windows[0]
    [banner] = w.findChildren(DemoBanner)
    [tray] = QApplication.instance().findChildren(TrayController)
    texts = [t.text for g in w.month_model.groups() for t in g.tasks]
    print(json.dumps({
        "code": code,
        "title": w.windowTitle(),
        "banner": not banner.isHidden(),
        "folder": banner.folder_label.text(),
        "tooltip": tray.tooltip(),
        "plan": w.plan_combo.currentText(),
        "texts": texts,
    }, ensure_ascii=False))
"""


def test_a_demo_start_is_marked_and_its_text_names_this_year(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TMPDIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(A_DEMO_START)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    year = datetime.now().year
    assert report["code"] == 0
    assert "演示" in report["title"] and report["banner"]
    assert str(tmp_path) in report["folder"]
    assert report["tooltip"].startswith("演示")
    assert f"{year}年" in report["plan"]
    assert any(f"{year}上海仲裁周" in t for t in report["texts"])
    if year != 2024:
        assert not [t for t in report["texts"] if "2024" in t]
    assert not list(tmp_path.glob(f"{demo_mode.FOLDER_PREFIX}*"))  # removed at the end
