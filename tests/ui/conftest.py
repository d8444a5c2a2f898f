"""Qt tests run offscreen; each gets its own database and window settings.

``make_window`` is the one way a test builds the main window: registered with qtbot, shown
(and made active when asked), with reminders and a tray when asked, closed and deleted
afterwards. A test that leaves a running QTimer or a visible top-level widget behind once
its windows are gone fails (as napari's ``make_napari_viewer`` does): such leftovers fire
into the next test, or into a window that no longer exists.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QTranslator

    from db.connection import Storage
    from desktop_app.reminders.notifier import RecordingNotifier
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tray import TrayController

    MakeWindow = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _collect_qt_objects(qapp):
    """Delete what each test left for later while the application still runs.

    Widgets and sockets that wait for ``deleteLater`` or for the garbage collector
    would otherwise be destroyed at interpreter exit, after QApplication, where
    PySide may crash the whole run.
    """
    yield
    from tests.helpers.qt_leaks import process_deletions

    process_deletions()


@pytest.fixture
def window_settings(tmp_path: Path) -> QSettings:
    """The window's own settings (geometry, first-run answers) in a file of this test."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def _no_dangling_qt(qapp) -> Iterator[None]:
    """Fails the test if, once its windows are closed and deleted, a QTimer it started is
    still running or a top-level widget it opened is still on screen."""
    from tests.helpers.qt_leaks import no_dangling_qt

    with no_dangling_qt():
        yield


@pytest.fixture
def make_window(qtbot, window_settings: QSettings, _no_dangling_qt: None) -> Iterator[MakeWindow]:
    """``make_window(storage, clock, ...)``: the main window as the program builds it."""
    from desktop_app.ui.main_window import MainWindow
    from tests.helpers.qt_leaks import is_alive

    made: list[MainWindow] = []

    def make(
        storage: Storage | None,
        clock: Callable[[], datetime],
        *,
        settings: QSettings | None = None,
        show: bool = True,
        active: bool = False,
        tray: TrayController | None = None,
        notifier: RecordingNotifier | None = None,
        reminders: bool = False,
    ) -> MainWindow:
        window = MainWindow(storage, clock, settings or window_settings)
        qtbot.addWidget(window)
        made.append(window)
        if tray is not None:
            assert tray.show()
            window.attach_tray(tray)
        if notifier is not None:
            window.notifier = notifier
        if reminders:
            from desktop_app.reminders.service import ReminderService
            from desktop_app.ui.reminder_scheduler import ReminderScheduler

            assert storage is not None and notifier is not None
            service = ReminderService(storage, notifier, clock=clock)
            window.attach_reminders(ReminderScheduler(service, clock, window))
        if show:
            with qtbot.waitExposed(window):
                window.show()
        if active:
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    for window in made:
        if not is_alive(window):
            continue
        if window.reminders is not None:
            window.reminders.stop()
        if window.desktop_clicks is not None:
            window.desktop_clicks.stop()
        for other in (window.reminder_dialog, window._popup, window.wizard):
            if other is not None and is_alive(other):
                other.close()
                other.deleteLater()
        window._quitting = True  # closing is leaving, not hiding in the tray
        window.close()
        window.deleteLater()


@pytest.fixture
def make_storage(tmp_path: Path) -> Iterator[Callable[..., Storage]]:
    """``make_storage(now=None, plan=False, folder=None)``: a database of this test, closed
    after it; with ``plan`` it holds the district plan (tests/storage_helpers.storage_with_plan)."""
    from tests.storage_helpers import new_storage, storage_with_plan

    made: list[Storage] = []

    def make(
        now: datetime | None = None, *, plan: bool = False, folder: Path | None = None
    ) -> Storage:
        where = folder or tmp_path
        make = storage_with_plan if plan else new_storage
        storage = make(where) if now is None else make(where, now)
        made.append(storage)
        return storage

    yield make
    for storage in made:
        storage.close()


@pytest.fixture
def english(qapp) -> Iterator[list[QTranslator]]:
    """The window in English, as a user who chose English in the settings gets it."""
    from tests.helpers.languages import in_language

    with in_language(qapp, "en") as installed:
        yield installed


@pytest.fixture
def wizard_jobs_end() -> Iterator[None]:
    """For the import dialog's tests: a read or a dry run still under way when a test ends
    would read on through the models' one database proxy, which the next test points at
    its own database: wait for them."""
    yield
    from desktop_app.ui.import_wizard import worker

    for pool in (worker.reader_pool(), worker.dry_run_pool()):
        assert pool.waitForDone(30_000)
