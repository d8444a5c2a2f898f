"""``deadline-reminder --self-test``: does this build (a checkout, the one-folder program, the
installed package) carry everything it loads at run time?

Offscreen, in a temporary data folder that is removed afterwards: read the bundled sample,
import it, build the main window on it, compute the reminders, load the translations and
this platform's notification module. One line per step; the first step that fails is named
and ends the test with exit code 1.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from desktop_app import __version__
from desktop_app.clock import Clock
from desktop_app.paths import SAMPLE_PLAN, database_path, resource_path

EXIT_PASSED = 0
EXIT_FAILED = 1


class StepFailed(Exception):
    """What a step found wrong, said for the person reading the output."""


@dataclass
class _Run:
    clock: Clock
    folder: Path
    out: TextIO
    things: dict[str, Any] = field(default_factory=dict)


Step = tuple[str, Callable[[_Run], str]]


def _sample(run: _Run) -> str:
    from desktop_app.plans.parser import parse_file

    path = resource_path(SAMPLE_PLAN)
    if not path.is_file():
        raise StepFailed(f"找不到示例文件 {path}")
    plan = parse_file(path)
    if plan.kind != "work_plan" or not plan.tasks:
        raise StepFailed(f"示例中没有读出任务（{plan.kind}）")
    return f"{len(plan.tasks)} 项任务"


def _traditional(run: _Run) -> str:
    """A plan in traditional script, read through OpenCC's dictionaries (bundled data)."""
    from desktop_app.plans.parser import parse_text

    plan = parse_text(
        "某市2024年工作要點\n1. 加強預算管理。（牽頭單位：市財政局；完成時間：6月）\n"
    )
    if plan.kind != "work_plan" or [t.lead for t in plan.tasks] != [("市財政局",)]:
        raise StepFailed("繁体字的工作要点没有读出任务（OpenCC 词典缺失？）")
    return "繁体字标注可读"


def _import(run: _Run) -> str:
    from db.connection import open_storage
    from desktop_app.services.plans import import_sample

    storage = open_storage(database_path(run.folder), clock=run.clock)
    run.things["storage"] = storage
    result = import_sample(storage, run.clock().date())
    if result.plan_id is None or not result.count("added"):
        raise StepFailed(f"导入结果为 {result.outcome}，没有新任务")
    return f"{result.count('added')} 项任务写入 {database_path(run.folder).name}"


def _translations(run: _Run) -> str:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop_app.ui.app import install_translators

    app = _application(run)
    loaded = []
    for language in ("en", "zh_CN"):
        translators: list[QTranslator] = install_translators(app, language)
        names = sorted(Path(t.filePath()).stem for t in translators)
        loaded += names
        english = QCoreApplication.translate("App", "工作要点督办提醒")
        if language == "en" and english == "工作要点督办提醒":
            raise StepFailed("英文翻译没有加载（deadline_reminder_en.qm）")
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    if "qtbase_zh_CN" not in loaded:
        raise StepFailed("Qt 的中文翻译没有加载（qtbase_zh_CN.qm）")
    return "、".join(sorted(set(loaded)))


def _window(run: _Run) -> str:
    from PySide6.QtCore import QSettings

    from desktop_app.ui.main_window import MainWindow

    app = _application(run)
    settings = QSettings(str(run.folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(run.things["storage"], run.clock, settings)
    run.things["window"] = window
    window.show()
    app.processEvents()
    departments = window.department_model.rowCount()
    if departments == 0:
        raise StepFailed("主窗口没有列出任何部门")
    return f"{departments} 个部门"


def _reminders(run: _Run) -> str:
    from desktop_app.reminders.service import ReminderService

    service = ReminderService(run.things["storage"], clock=run.clock)
    now = run.clock()
    digests = service.preview(now, now + timedelta(days=366))
    if not digests:
        raise StepFailed("一年内没有算出任何提醒")
    return f"一年内 {len(digests)} 次提醒"


def _notifier(run: _Run) -> str:
    from desktop_app.reminders.notifier import (
        PLYER_HIDDEN_IMPORTS_BY_PLATFORM,
        desktop_notifier,
        plyer_platform,
    )

    names = list(PLYER_HIDDEN_IMPORTS_BY_PLATFORM.get(plyer_platform(), ()))
    if sys.platform.startswith("linux"):
        names += ["jeepney", "jeepney.io.blocking", "desktop_app.reminders.dbus_notify"]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # ImportError, or plyer's NotImplementedError at import
            raise StepFailed(f"无法加载 {name}：{exc!r}") from exc
    notifier = desktop_notifier("工作要点督办提醒")
    return f"{type(notifier).__name__}（{'、'.join(names) or '—'}）"


def _licences(run: _Run) -> str:
    from desktop_app.about import bundled_libraries

    libraries = {lib.name.lower(): lib for lib in bundled_libraries()}
    for needed in ("pyside6_essentials", "peewee", "apscheduler", "pdfplumber"):
        if needed not in {name.replace("-", "_") for name in libraries}:
            raise StepFailed(f"关于 中缺少 {needed} 的版本和许可证（包的元数据没有随程序安装）")
    unnamed = [lib.name for lib in libraries.values() if not lib.licence]
    if unnamed:
        raise StepFailed(f"这些库没有许可证信息：{'、'.join(unnamed)}")
    return f"{len(libraries)} 个随附的库"


STEPS: tuple[Step, ...] = (
    ("读取示例 (parse the sample)", _sample),
    ("导入示例 (import it)", _import),
    ("加载翻译 (translations)", _translations),
    ("打开主窗口 (main window)", _window),
    ("计算提醒 (reminders)", _reminders),
    ("通知模块 (notifier)", _notifier),
    ("许可证信息 (licences)", _licences),
    ("繁体字文档 (traditional script)", _traditional),
)


def _application(run: _Run) -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], "-platform", "offscreen"])
        run.things["app"] = app
    return app


@contextmanager
def _scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="deadline-reminder-self-test-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_self_test(out: TextIO, clock: Clock = datetime.now) -> int:
    """Every step in order; 0 when all passed, 1 at the first that failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    frozen = "，打包版本" if getattr(sys, "frozen", False) else ""
    print(f"工作要点督办提醒 {__version__} 自检{frozen}（self-test）", file=out)
    with _scratch() as folder:
        run = _Run(clock, folder, out)
        try:
            for number, (name, step) in enumerate(STEPS, 1):
                try:
                    detail = step(run)
                except Exception as exc:
                    reason = str(exc) if isinstance(exc, StepFailed) else f"{exc!r}"
                    print(f"[失败 FAIL] {number}. {name}：{reason}", file=out)
                    return EXIT_FAILED
                print(f"[通过 OK]   {number}. {name}：{detail}", file=out)
        finally:
            _close(run)
    print(f"自检通过，共 {len(STEPS)} 项（all {len(STEPS)} steps passed）", file=out)
    return EXIT_PASSED


def _close(run: _Run) -> None:
    window = run.things.get("window")
    if window is not None:
        window.close()
        window.deleteLater()
    storage = run.things.get("storage")
    if storage is not None:
        storage.close()
