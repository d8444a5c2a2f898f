"""``--demo``: the window on the bundled sample in a temporary folder, marked as a demo
wherever it shows (every window's title, a banner, the tray's tooltip, its notifications)
and leaving nothing behind.

Importable before the first paint: the banner (and Qt's ``Qt`` namespace) loads after it.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QApplication, QBoxLayout, QMessageBox, QWidget

from db.errors import StorageError
from desktop_app.clock import Clock
from desktop_app.plans.errors import PlanReadError
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text

if TYPE_CHECKING:
    from db.connection import Storage
    from desktop_app.reminders.notifier import Notifier
    from desktop_app.ui.demo_banner import DemoBanner
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tray import TrayController

log = logging.getLogger(__name__)

# tempfile's folder (TMPDIR on Unix, TEMP on Windows) holds the demo's.
FOLDER_PREFIX = "deadline-reminder-demo-"


def demo_title() -> str:
    """The demo's name in every title bar (Qt adds it to each window's own title)."""
    return QCoreApplication.translate("Demo", "工作要点督办提醒 — 演示（数据不保存）")


def make_folder() -> Path:
    """A new temporary folder for one demo's database and window settings."""
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    log.info("--demo: temporary folder %s", folder)
    return folder


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():  # a file still open elsewhere (Windows): said, not hidden
        log.warning("--demo: could not remove %s", folder)
    else:
        log.info("--demo: removed %s", folder)


def import_sample(storage: Storage, clock: Clock, parent: QWidget) -> None:
    """The bundled sample, moved to this year (the parser loads only for it)."""
    from desktop_app.services import plans

    try:
        result = plans.import_sample(storage, clock().date())
        log.info("--demo: the sample plan %s, %d task(s)", result.outcome, result.count("added"))
    except (PlanReadError, ServiceError, StorageError) as exc:
        QMessageBox.warning(parent, demo_title(), error_text(exc))


def mark_as_demo(app: QApplication, window: MainWindow, tray: TrayController) -> None:
    """Before the first paint: the titles of every window and the tray's tooltip."""
    app.setApplicationDisplayName(demo_title())
    window.setWindowTitle(demo_title())  # the same words, so Qt does not add them twice
    tray.mark_demo()


def add_banner(
    window: MainWindow, folder: Path, launch: Callable[[], bool] | None = None
) -> DemoBanner:
    """After the first paint: the banner above the window's pages. Its button starts the
    real program (``launch``, by default ``start_real_program``) and ends the demo."""
    from desktop_app.ui.demo_banner import DemoBanner

    banner = DemoBanner(folder)
    body = window.centralWidget()
    pages = body.layout() if body is not None else None
    assert isinstance(pages, QBoxLayout), "the window's body is a column: banners, pages"
    pages.insertWidget(0, banner)
    banner.show()  # the window may be on screen already
    start = launch or start_real_program

    def switch() -> None:
        if start():
            window.quit_program()
            return
        from PySide6.QtCore import Qt

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Demo", "无法打开正式程序"),
            QCoreApplication.translate(
                "Demo", "正式程序没有启动。请从开始菜单或桌面上的图标打开“工作要点督办提醒”。"
            ),
            parent=window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # the demo's window stays usable behind it

    banner.real_program_requested.connect(switch)
    return banner


def real_program() -> tuple[str, list[str]]:
    """How to start this program without ``--demo``: the packaged executable itself, or
    this interpreter on the package."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "desktop_app"]


def start_real_program() -> bool:
    """The real program, on the user's own data, as a process of its own (one already
    running comes forward instead)."""
    program, arguments = real_program()
    started, _pid = QProcess.startDetached(program, arguments)
    log.info("--demo: starting the real program: %s", "done" if started else "failed")
    return bool(started)


class DemoNotifier:
    """The demo's reminders say they are the demo's: ``【演示】`` before every title."""

    def __init__(self, inner: Notifier) -> None:
        self.inner = inner
        self.channel = str(getattr(inner, "channel", type(inner).__name__))

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        mark = QCoreApplication.translate("Demo", "【演示】")
        return self.inner.notify(mark + title, body, task_ids)
