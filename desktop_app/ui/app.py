"""Starting the window: the application object, translations, the main window, the database.

``run_gui`` is what ``deadline-reminder`` does without a sub-command. The window is
shown and painted first, with only Qt and our window modules loaded; the database
(peewee, the integrity check), the sample plan of ``--demo`` and then the reminders
follow in that order, each once the one before has been seen.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.errors import CorruptDatabaseError, StorageError
from desktop_app import logs
from desktop_app.clock import Clock
from desktop_app.paths import data_dir, database_path, resource_path
from desktop_app.ui import demo_mode
from desktop_app.ui import settings_keys as keys
from desktop_app.ui.app_identity import claim_app_user_model_id
from desktop_app.ui.end_on_signal import EndOnSignal
from desktop_app.ui.error_text import error_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tray import TrayController

if TYPE_CHECKING:
    from db.connection import Storage
    from desktop_app.ui.reminder_scheduler import ReminderScheduler
    from desktop_app.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")
# The catch-up check waits until the window has been painted (it reads the database).
REMINDERS_START_DELAY_MS = 500
# The database opens once the window has been painted, or after this long if the window
# is not painted at all (a locked screen, a minimised start).
OPEN_WITHOUT_PAINT_MS = 1_000


def app_settings() -> QSettings:
    """The window's own preferences (geometry, language, data folder), per user."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "DeadlineReminder", "window"
    )


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese is the source language; Qt's own dialogs get qtbase_zh_CN, English gets our .qm."""
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir) or qt.load("qtbase_zh_CN", str(resource_path("i18n"))):
            app.installTranslator(qt)
            loaded.append(qt)
        extra = QTranslator(app)  # what this Qt release's qtbase_zh_CN lacks; asked first
        if extra.load("qtbase_extra_zh_CN", str(resource_path("i18n"))):
            app.installTranslator(extra)
            loaded.append(extra)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        ours = QTranslator(app)
        if ours.load(f"deadline_reminder_{language}", str(resource_path("i18n"))):
            app.installTranslator(ours)
            loaded.append(ours)
    return loaded


class _AfterPaint(QObject):
    """Calls ``then`` once, just after the next time ``widget`` has been painted."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An error nobody caught: into the log, then a calm message with the details to copy."""
    text = logs.details(kind, value, tb)
    log.critical("unexpected error\n%s", text)
    show_crash(text)


def show_crash(details: str) -> None:
    """The crash dialog: what happened to the data, where the log is, the details to copy."""
    if QApplication.instance() is None:
        print(details, file=sys.stderr)
        return
    log_file = logs.current_log_file()
    text = QCoreApplication.translate(
        "App", "程序遇到意外错误，已保存的数据没有受影响。\n请把“详细信息”复制给维护人员。"
    )
    if log_file is not None:
        text += "\n" + QCoreApplication.translate("App", "日志文件：{0}").format(log_file)
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("App", "工作要点督办提醒"), text
    )
    box.setDetailedText(details)
    box.exec()


class _CrashReporter(QObject):
    """Shows the crash dialog on the GUI thread, whichever thread failed."""

    report = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report.connect(show_crash)  # queued when emitted from another thread

    def show(self, details: str) -> None:
        self.report.emit(details)


def _open(folder: Path, clock: Clock, parent: QWidget | None) -> Storage | None:
    from desktop_app.services import backups, data_folder  # peewee loads here

    path = database_path(folder)
    try:
        return data_folder.open_data(folder, clock)
    except CorruptDatabaseError as exc:
        if exc.latest_backup is None:
            QMessageBox.critical(parent, "工作要点督办提醒", error_text(exc))
            return None
        answer = QMessageBox.question(
            parent,
            "工作要点督办提醒",
            f"数据库文件已损坏：{path}\n\n是否用最近的备份恢复？\n{exc.latest_backup}\n\n"
            "损坏的文件会另存，不会删除。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:  # the backup itself may be refused (newer program, not ours) or fail to open
            backups.replace_damaged(folder, exc.latest_backup, clock)
            return data_folder.open_data(folder, clock)
        except StorageError as failed:
            QMessageBox.critical(parent, "工作要点督办提醒", error_text(failed))
            return None
    except StorageError as exc:
        QMessageBox.critical(parent, "工作要点督办提醒", error_text(exc))
        return None


def put_in_tray(app: QApplication, window: MainWindow, tray: TrayController) -> bool:
    """The window lives in the tray (closing it only hides it) once there is one: now, or
    when a panel that starts after the program (at login) brings one. True: now."""

    def live_in_tray() -> None:
        if window.tray is None:
            app.setQuitOnLastWindowClosed(False)
            window.attach_tray(tray)

    if tray.show():
        live_in_tray()
        return True
    tray.watch_for_host()
    tray.availability_changed.connect(lambda up: live_in_tray() if up else None)
    return False


def start_reminders(
    window: MainWindow,
    storage: Storage,
    clock: Clock,
    tray: TrayController | None = None,
    *,
    demo: bool = False,
) -> ReminderScheduler:
    """The reminder scheduler of the window: the catch-up check now, then the next due time
    (``demo``: each reminder's title says it is the demo's).

    Runs after the first paint: the notifier chain (plyer), the service and APScheduler
    load here, not before the window is seen.
    """
    from desktop_app.reminders.service import ReminderService  # APScheduler loads here
    from desktop_app.ui.delivery import build_notifier, window_desktop_notifier
    from desktop_app.ui.reminder_scheduler import ReminderScheduler

    if window.notifier is None:
        desktop = window_desktop_notifier(window, window.open_reminders)
        window.desktop_clicks = desktop.clicks
        # The tray channel is in the chain even without a tray now: it asks at each
        # reminder, and a panel may come later.
        window.notifier = build_notifier(
            desktop.notifier,
            tray,
            window.show_banner,
            window.show_popup,
            tray_check=desktop.tray_check,
        )
        if demo:
            window.notifier = demo_mode.DemoNotifier(window.notifier)
    service = ReminderService(storage, window.notifier, clock=clock)
    scheduler = ReminderScheduler(service, clock, window)
    window.attach_reminders(scheduler)
    scheduler.start()
    return scheduler


def run_gui(
    *,
    data_dir_override: str | None = None,
    demo: bool = False,
    quit_after_paint: bool = False,
    quit_after_load: bool = False,
    clock: Clock = datetime.now,
) -> int:
    """The window until the program quits; the exit code (3: the database could not be
    opened; 128 + the signal's number when SIGTERM, SIGINT or SIGHUP ended it).

    ``quit_after_paint`` exits once the window has been painted the first time (before the
    database is open), ``quit_after_load`` once it has been painted with the plan's tasks:
    the two moments the start-up benchmark measures.
    """
    # High DPI: Qt 6 scales by the screen's factor unrounded (PassThrough) by default; nothing
    # to set (tests/ui/test_qt_binding.py checks the default).
    claim_app_user_model_id()  # Windows: before any window, so the taskbar groups it too
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(sys.argv[:1])
    else:  # made by an earlier run_gui, or by the tests' qapp: a QApplication either way
        assert isinstance(existing, QApplication), "the window needs a QApplication"
        app = existing
    app.setApplicationName("DeadlineReminder")
    # The desktop's menu entry (packaging/linux), so a Wayland dock shows its name and icon.
    app.setDesktopFileName("deadline-reminder")
    icon = resource_path("icons/app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Before the demo's folder exists: a signal then still ends the program through the
    # ``finally`` that removes it.
    ending = EndOnSignal(app)
    ending.install()
    try:
        start = _Start(data_dir_override, demo, quit_after_paint, quit_after_load, clock)
        return _claim_and_run(app, ending, start)
    finally:
        ending.uninstall()
        ending.deleteLater()


@dataclass(frozen=True)
class _Start:
    """What ``run_gui`` was asked for."""

    data_dir_override: str | None
    demo: bool
    quit_after_paint: bool
    quit_after_load: bool
    clock: Clock

    @property
    def timing(self) -> bool:
        return self.quit_after_paint or self.quit_after_load


def _claim_and_run(app: QApplication, ending: EndOnSignal, start: _Start) -> int:
    """One program per data folder, and one demo beside it (single_instance.py), then the
    window; the demo's folder is made once the demo is the first, and always removed."""
    settings = app_settings()
    # The demo speaks the user's language, though it keeps no setting of its own.
    language = str(settings.value(keys.LANGUAGE, "zh_CN"))
    chosen = start.data_dir_override or settings.value(keys.DATA_DIR) or None
    folder = None if start.demo else data_dir(chosen)
    instance = None
    if not start.timing:  # timing runs stand alone
        from desktop_app.ui.single_instance import (  # QtNetwork
            SingleInstance,
            demo_instance_key,
            instance_key,
        )

        instance = SingleInstance(
            demo_instance_key() if folder is None else instance_key(folder), app
        )
        if not instance.claim():
            log.info("already running (%s): bringing that window forward", folder or "--demo")
            instance.notify_running()
            return 0
    if folder is None:
        folder = demo_mode.make_folder()
        settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    try:
        return _run_window(app, ending, instance, folder, settings, language, start)
    finally:
        if instance is not None:
            instance.release()
        if start.demo:
            demo_mode.remove_folder(folder)  # the demo leaves nothing behind


def _run_window(
    app: QApplication,
    ending: EndOnSignal,
    instance: SingleInstance | None,
    folder: Path,
    settings: QSettings,
    language: str,
    start: _Start,
) -> int:
    demo, timing, clock = start.demo, start.timing, start.clock
    quit_after_paint, quit_after_load = start.quit_after_paint, start.quit_after_load
    install_translators(app, language if language in LANGUAGES else "zh_CN")
    # After the translators: Qt appends the display name to every window title.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "工作要点督办提醒"))
    # Uncaught errors of every thread: logged (desktop_app.logs), then the crash dialog.
    logs.install_exception_hooks(show=_CrashReporter(app).show)
    window = MainWindow(None, clock, settings)  # "正在打开数据…" until the storage is attached
    tray = TrayController(parent=app)
    if demo:
        demo_mode.mark_as_demo(app, window, tray)
    if not timing:
        put_in_tray(app, window, tray)
    if instance is not None:
        instance.message_received.connect(lambda _message: window.bring_forward())
    ending.received.connect(lambda signum: _end(app, window, signum))
    opened: list[Storage] = []
    reminders: list[ReminderScheduler] = []
    started = False

    def open_data() -> None:
        nonlocal started
        if started:  # painted, and the fallback timer fired too (or during a dialog of ours)
            return
        started = True
        try:
            if demo:
                demo_mode.add_banner(window, folder)
            storage = _open(folder, clock, window)
            if storage is None:
                app.exit(3)
                return
            opened.append(storage)
            if demo:
                demo_mode.import_sample(storage, clock, window)
            window.attach_storage(storage)
            log.info("window ready on %s", database_path(folder))
        except StorageError as exc:
            QMessageBox.critical(window, "工作要点督办提醒", error_text(exc))
            app.exit(3)
            return
        except Exception:
            # A bug: its details to copy, then the end. A window left on "正在打开数据…"
            # (or a program left in the tray without its data) would help nobody.
            _excepthook(*sys.exc_info())
            app.exit(3)
            return
        if quit_after_load:
            _AfterPaint(window, QApplication.quit)
            window.update()
        elif not timing:
            QTimer.singleShot(
                REMINDERS_START_DELAY_MS,
                lambda: reminders.append(start_reminders(window, storage, clock, tray, demo=demo)),
            )

    _AfterPaint(window, QApplication.quit if quit_after_paint else open_data)
    if not quit_after_paint:
        QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, open_data)
    window.show()
    try:
        return app.exec()
    finally:
        for scheduler in reminders:
            scheduler.stop()
        if window.desktop_clicks is not None:
            window.desktop_clicks.stop()
        tray.dispose()
        for storage in opened:
            storage.close()


def _end(app: QApplication, window: MainWindow, signum: int) -> None:
    """An ending signal: the window's place kept, then out of every event loop (a dialog's
    too) to ``run_gui``'s end, which closes the database (and removes the demo's folder)."""
    if window.storage is not None:
        window.save_geometry()
    app.exit(128 + signum)
