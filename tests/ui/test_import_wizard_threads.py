"""The import wizard's background work: the reading and the dry runs happen on pool threads,
the dialog stays usable meanwhile, only the latest request is heard, and closing (even
deleting) the dialog while a job runs neither crashes nor leaves a thread behind.

Each job here waits at a gate the test opens, so what runs when is the test's choice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from pytestqt.qtbot import QtBot

from db.models import Plan, Task
from desktop_app.services.import_diff import ImportResult
from desktop_app.services.importer import import_file
from desktop_app.ui import import_wizard
from desktop_app.ui.import_wizard import CHOOSE_PAGE, PREVIEW_PAGE, ImportWizard, jobs, worker
from desktop_app.ui.models.preview_model import DEADLINE, RESPONSIBLE
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage
from tests.ui.wizard_helpers import open_wizard

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
NO_OWNER_PLAN = (
    "某区司法局2024年工作要点\n"
    "1. 开展普法宣传。（完成时间：6月）\n"
    "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n"
)
POOLS = (worker.reader_pool, worker.dry_run_pool)


pytestmark = pytest.mark.usefixtures("wizard_jobs_end")


_wizard = open_wizard


def _no_owner_file(tmp_path: Path) -> Path:
    path = tmp_path / "no_owner_plan.txt"
    path.write_text(NO_OWNER_PLAN, encoding="utf-8")
    return path


def _revised_003(tmp_path: Path) -> Path:
    """003 with task 9 moved from September to October: a revision, so the diff list shows."""
    text = PLAN_003.read_text(encoding="utf-8")
    path = tmp_path / "revised.txt"
    path.write_text(text.replace("完成时间：9 月）", "完成时间：10 月）", 1), encoding="utf-8")
    return path


def _delete(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Close the dialog and let Qt delete it now, as the window does with an old wizard."""
    destroyed: list[bool] = []
    wizard.destroyed.connect(lambda: destroyed.append(True))
    wizard.close()
    wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: destroyed == [True], timeout=5_000)


def _idle() -> bool:
    """No pool thread busy: every job has run to its end (none left blocked or leaked)."""
    return all(pool().activeThreadCount() == 0 for pool in POOLS)


class _SlowReader:
    """Stands in for the reader thread's work: each file waits until the test lets it go."""

    def __init__(self, real: Callable[[Path], object]) -> None:
        self.real = real
        self.gates: dict[str, threading.Event] = {}
        self.read: list[str] = []

    def __call__(self, path: Path) -> object:
        self.gates.setdefault(path.name, threading.Event()).wait(timeout=30)
        self.read.append(path.name)
        return self.real(path)

    def let_go(self, name: str) -> None:
        self.gates.setdefault(name, threading.Event()).set()


@pytest.fixture
def slow_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[_SlowReader]:
    reader = _SlowReader(import_wizard._read)
    monkeypatch.setattr(import_wizard, "_read", reader)
    yield reader
    for gate in reader.gates.values():  # never leave the reader thread waiting
        gate.set()


class _HeldDryRuns:
    """Stands in for the dry run: while held, each one waits at the gate until let go."""

    def __init__(self, real: Callable[..., ImportResult]) -> None:
        self.real = real
        self.gate = threading.Event()
        self.gate.set()
        self.threads: list[threading.Thread] = []  # of each dry run that started
        self.corrections: list[int] = []  # of each dry run that returned

    def __call__(self, *args: object, **kwargs: object) -> ImportResult:
        self.threads.append(threading.current_thread())
        assert self.gate.wait(timeout=30)
        result = self.real(*args, **kwargs)
        self.corrections.append(result.corrected)
        return result

    def hold(self) -> None:
        self.gate.clear()

    def let_go(self) -> None:
        self.gate.set()


@pytest.fixture
def held_dry_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[_HeldDryRuns]:
    held = _HeldDryRuns(jobs.dry_run)
    monkeypatch.setattr(jobs, "dry_run", held)
    yield held
    held.let_go()  # never leave a pool thread waiting


# -- reading ------------------------------------------------------------------------------


def test_the_dialog_stays_usable_and_says_what_it_reads_while_a_file_is_read(
    qtbot: QtBot, tmp_path: Path, slow_reader: _SlowReader
) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path))
    wizard.load_file(PLAN_003)
    qtbot.wait(100)  # the event loop runs: the dialog is not frozen by the reading
    assert wizard.is_reading() and wizard.pages.currentIndex() == CHOOSE_PAGE
    assert wizard.file_label.text() == f"正在读取：{PLAN_003}"
    assert wizard.reading_bar.isVisible() and not wizard.next_button.isEnabled()
    with qtbot.waitSignal(wizard.file_read, timeout=30_000) as read:
        slow_reader.let_go(PLAN_003.name)
    assert read.args == [True]
    assert wizard.pages.currentIndex() == PREVIEW_PAGE and wizard.model.rowCount() == 89
    assert not wizard.reading_bar.isVisible()


def test_a_file_chosen_while_another_is_read_replaces_it(
    qtbot: QtBot, tmp_path: Path, slow_reader: _SlowReader
) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path))
    other = _no_owner_file(tmp_path)
    wizard.load_file(PLAN_003)
    wizard.load_file(other)  # the user picked the wrong file first
    results: list[bool] = []
    wizard.file_read.connect(results.append)
    slow_reader.let_go(PLAN_003.name)
    slow_reader.let_go(other.name)
    qtbot.waitUntil(lambda: len(slow_reader.read) == 2, timeout=30_000)  # both were read
    qtbot.waitUntil(lambda: not wizard.is_reading(), timeout=30_000)
    assert results == [True]  # one answer, for the file chosen last
    assert wizard.model.rowCount() == 2 and wizard.file_name_label.text() == other.name


def test_closing_the_dialog_while_a_file_is_read_writes_nothing(
    qtbot: QtBot, tmp_path: Path, slow_reader: _SlowReader
) -> None:
    storage = new_storage(tmp_path)
    wizard = _wizard(qtbot, storage)
    results: list[bool] = []
    wizard.file_read.connect(results.append)
    wizard.load_file(PLAN_003)
    wizard.reject()
    slow_reader.let_go(PLAN_003.name)
    qtbot.waitUntil(lambda: slow_reader.read == [PLAN_003.name], timeout=30_000)
    qtbot.wait(100)
    assert results == [] and not wizard.is_reading()
    assert Plan.select().count() == 0 and wizard.model.rowCount() == 0


def test_reading_and_dry_runs_happen_on_pool_threads(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_dry_runs: _HeldDryRuns,
) -> None:
    readers: list[threading.Thread] = []
    real_read = import_wizard._read

    def read(path: Path) -> jobs.Document:
        readers.append(threading.current_thread())
        return real_read(path)

    monkeypatch.setattr(import_wizard, "_read", read)
    wizard = _wizard(qtbot, new_storage(tmp_path), PLAN_003)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    with qtbot.waitSignal(wizard.dry_run_shown, timeout=30_000):
        wizard.refresh_diff()
    assert len(readers) == 1 and len(held_dry_runs.threads) == 2  # the first look, the refresh
    assert threading.main_thread() not in readers + held_dry_runs.threads


# -- dry runs -----------------------------------------------------------------------------


def test_the_dialog_stays_usable_while_a_dry_run_runs(
    qtbot: QtBot, tmp_path: Path, held_dry_runs: _HeldDryRuns
) -> None:
    storage = new_storage(tmp_path)
    wizard = _wizard(qtbot, storage, _no_owner_file(tmp_path))
    held_dry_runs.hold()
    model = wizard.model
    assert model.setData(model.index(0, DEADLINE), "7月")
    wizard.refresh_diff()
    qtbot.waitUntil(lambda: len(held_dry_runs.threads) == 2, timeout=30_000)  # held
    ticked: list[bool] = []
    QTimer.singleShot(10, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True], timeout=5_000)  # the event loop runs meanwhile
    assert "1 项需要核对" in wizard.check_label.text()
    assert model.setData(model.index(0, RESPONSIBLE), "普法科")  # and edits go on
    assert "没有需要核对的提示" in wizard.check_label.text()
    with qtbot.waitSignal(wizard.dry_run_shown, timeout=30_000):
        held_dry_runs.let_go()
        wizard.refresh_diff()
    assert wizard.import_button.isEnabled()
    assert Plan.select().count() == 0


def test_the_dry_run_of_an_older_edit_is_not_shown(
    qtbot: QtBot, tmp_path: Path, held_dry_runs: _HeldDryRuns
) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    wizard = _wizard(qtbot, storage, _revised_003(tmp_path))
    assert not wizard.diff_box.isHidden()
    shown: list[str] = []
    wizard.dry_run_shown.connect(lambda: shown.append(wizard.diff_summary.text()))
    model = wizard.model
    ran = len(held_dry_runs.corrections)  # the first look's
    held_dry_runs.hold()
    assert model.setData(model.index(0, DEADLINE), "11月")
    wizard.refresh_diff()  # sees one correction, and is held
    qtbot.waitUntil(lambda: len(held_dry_runs.threads) == ran + 1, timeout=30_000)
    assert model.setData(model.index(1, DEADLINE), "11月")
    wizard.refresh_diff()  # sees two, and queues behind the first
    held_dry_runs.let_go()
    qtbot.waitUntil(lambda: len(held_dry_runs.corrections) == ran + 2, timeout=30_000)
    qtbot.waitUntil(lambda: _idle() and bool(shown), timeout=30_000)
    qtbot.wait(50)  # whatever was queued for the dialog has arrived
    assert held_dry_runs.corrections[ran:] == [1, 2]  # both ran, in order
    assert len(shown) == 1 and "您更正了 2 项" in shown[0]  # only the latest was shown
    assert "您更正了 2 项" in wizard.diff_summary.text()


def test_an_edit_after_the_dry_run_started_makes_its_result_stale(
    qtbot: QtBot, tmp_path: Path, held_dry_runs: _HeldDryRuns
) -> None:
    """The dry run under way is of the plan before the edit: its result is dropped, and the
    edit's own dry run (after the usual pause) is the one shown."""
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    wizard = _wizard(qtbot, storage, _revised_003(tmp_path))
    shown: list[str] = []
    wizard.dry_run_shown.connect(lambda: shown.append(wizard.diff_summary.text()))
    model = wizard.model
    ran = len(held_dry_runs.threads)  # the first look's
    held_dry_runs.hold()
    assert model.setData(model.index(0, DEADLINE), "11月")
    wizard.refresh_diff()
    qtbot.waitUntil(lambda: len(held_dry_runs.threads) == ran + 1, timeout=30_000)
    assert model.setData(model.index(1, DEADLINE), "11月")  # its dry run follows by itself
    held_dry_runs.let_go()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown == [wizard.diff_summary.text()] and "您更正了 2 项" in shown[0]


# -- closing while a job runs ---------------------------------------------------------------


def test_closing_and_deleting_the_dialog_while_a_file_is_read(
    qtbot: QtBot, tmp_path: Path, slow_reader: _SlowReader, held_dry_runs: _HeldDryRuns
) -> None:
    storage = new_storage(tmp_path)
    wizard = ImportWizard(storage, None, PLAN_003)
    wizard.show()
    qtbot.waitUntil(lambda: not _idle(), timeout=5_000)  # the reader waits at its gate
    _delete(qtbot, wizard)
    slow_reader.let_go(PLAN_003.name)
    qtbot.waitUntil(lambda: slow_reader.read == [PLAN_003.name], timeout=30_000)
    qtbot.waitUntil(_idle, timeout=30_000)
    qtbot.wait(50)  # the reading's outcome, posted to a dialog that is gone, went nowhere
    assert held_dry_runs.threads == []  # no dry run was started for it
    assert Plan.select().count() == 0


@pytest.mark.parametrize("which", ["first", "edit"])
def test_closing_and_deleting_the_dialog_while_a_dry_run_runs(
    qtbot: QtBot, tmp_path: Path, held_dry_runs: _HeldDryRuns, which: str
) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    before = Task.select().count()
    if which == "first":
        held_dry_runs.hold()
    wizard = ImportWizard(storage, None, _revised_003(tmp_path))
    wizard.show()
    if which == "edit":
        qtbot.waitUntil(lambda: not wizard.is_reading(), timeout=30_000)
        held_dry_runs.hold()
        assert wizard.model.setData(wizard.model.index(0, DEADLINE), "11月")
        wizard.refresh_diff()
    started = 1 if which == "first" else 2
    qtbot.waitUntil(lambda: len(held_dry_runs.threads) == started, timeout=30_000)  # held
    _delete(qtbot, wizard)
    held_dry_runs.let_go()
    qtbot.waitUntil(lambda: len(held_dry_runs.corrections) == len(held_dry_runs.threads))
    qtbot.waitUntil(_idle, timeout=30_000)
    qtbot.wait(50)  # the dry run's outcome, posted to a dialog that is gone, went nowhere
    assert Task.select().count() == before and Plan.select().count() == 1
