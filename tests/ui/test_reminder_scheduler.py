"""The reminder scheduler on a real database with 003 imported, driven by a fake clock:
the catch-up at start-up, no repeat after a restart, a wake noticed by the heartbeat, a
task marked done leaving the next digest, a failed delivery retried, a pause honoured;
and once, with the real clock, APScheduler's job firing with the check on the GUI thread.

June 2024 with 003 (default settings, digests at 09:00): Friday 14 June, five tasks due
30 June; Monday 17 June, the four late tasks; Friday 21 June, the next digest.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import Qt, QTimer

from db.connection import Storage
from db.models import ReminderLog
from desktop_app.reminders import Notification, ReminderService
from desktop_app.reminders.notifier import RecordingNotifier
from desktop_app.reminders.service import RETRY_AFTER
from desktop_app.services.settings import reminder_settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reminder_scheduler import (
    HEARTBEAT_MS,
    JOB_ID,
    REBUILD_EVERY_SECONDS,
    ReminderScheduler,
)
from tests.helpers.qt_leaks import is_alive
from tests.storage_helpers import FakeClock

FRIDAY = datetime(2024, 6, 14, 9, 0)
MONDAY = datetime(2024, 6, 17, 9, 0)
TUESDAY = datetime(2024, 6, 18, 9, 0)
NEXT_FRIDAY = datetime(2024, 6, 21, 9, 0)
JUNE_30 = (27, 30, 31, 48, 71)
LATE = (5, 54, 23, 58)
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


class FakeMonotonic:
    """A monotonic clock moved by hand (seconds)."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> float:
        self.value += seconds
        return self.value


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(plan=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FRIDAY.replace(hour=8))


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def make_scheduler(qapp, storage: Storage, clock: FakeClock, monotonic: FakeMonotonic):
    made: list[ReminderScheduler] = []

    def make(notifier: RecordingNotifier, parent=None) -> ReminderScheduler:
        service = ReminderService(storage, notifier, clock=clock)
        scheduler = ReminderScheduler(service, clock, parent, monotonic=monotonic)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        if is_alive(scheduler):  # one made for a window went with the window
            scheduler.stop()


@pytest.fixture
def window(make_window, storage: Storage, clock: FakeClock) -> MainWindow:
    return make_window(storage, clock, show=False)


def _shown() -> list[tuple[int, datetime]]:
    return [
        (r.task_id, r.scheduled_for)
        for r in ReminderLog.select().where(ReminderLog.event == "shown").order_by(ReminderLog.id)
    ]


def _delay(scheduler: ReminderScheduler) -> timedelta:
    """How far ahead APScheduler's job is, in real time."""
    job = scheduler.job()
    assert job is not None
    return job.next_run_time - datetime.now(UTC)


def _fire(scheduler: ReminderScheduler, clock: FakeClock, at: datetime) -> None:
    """What APScheduler does at the job's time: run the job (here on this thread)."""
    job = scheduler.job()
    assert job is not None and job.id == JOB_ID
    clock.set(at)
    job.func(*job.args, **job.kwargs)


def test_start_up_catches_up_once_and_schedules_the_next_time(
    qtbot, make_scheduler, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    # Friday's digest was shown, then the PC was off from Friday evening to Tuesday 08:30.
    first = make_scheduler(notifier)
    clock.set(FRIDAY)
    assert first.start() is not None
    first.stop()
    clock.set(TUESDAY.replace(hour=8, minute=30))
    scheduler = make_scheduler(notifier)
    with qtbot.waitSignal(scheduler.delivered) as delivered:
        digest = scheduler.start()
    assert digest is not None and delivered.args == [digest]
    assert digest.kind == "catch_up" and sorted(digest.task_ids) == sorted(LATE)
    assert len(notifier.calls) == 2
    assert scheduler.next_due == NEXT_FRIDAY
    job = scheduler.job()
    assert job is not None
    # A late job still runs (no grace limit), missed runs collapse into one.
    assert job.misfire_grace_time is None and job.coalesce is True
    # APScheduler keeps real time: the job is as far ahead as the next due time is.
    expected = NEXT_FRIDAY - clock.now
    assert abs(_delay(scheduler) - expected) < timedelta(seconds=30)
    # Checking again (another start, the job run early) delivers nothing more.
    assert scheduler.start() is None
    assert scheduler.check_now() is None
    assert len(notifier.calls) == 2
    # At Friday 09:00 the job runs; its signal leads to one delivery on this thread.
    with qtbot.waitSignal(scheduler.delivered) as delivered:
        _fire(scheduler, clock, NEXT_FRIDAY)
    assert delivered.args[0].kind == "digest"
    assert len(notifier.calls) == 3
    assert scheduler.next_due is not None and scheduler.next_due > NEXT_FRIDAY


def test_a_restart_at_ten_after_the_nine_oclock_digest_repeats_nothing(
    make_scheduler, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    clock.set(FRIDAY)
    first = make_scheduler(notifier)
    digest = first.start()
    assert digest is not None and sorted(digest.task_ids) == sorted(JUNE_30)
    first.stop()
    assert first.job() is None
    with pytest.raises(RuntimeError):
        first.start()  # APScheduler's thread pool is gone: a new run is a new scheduler
    clock.set(FRIDAY.replace(hour=10))
    again = make_scheduler(notifier)  # a new program on the same database
    assert again.start() is None
    assert len(notifier.calls) == 1
    assert sorted(_shown()) == sorted((i, FRIDAY) for i in JUNE_30)
    assert again.next_due == MONDAY


def test_a_jump_of_the_wall_clock_rebuilds_and_checks(
    make_scheduler, clock: FakeClock, monotonic: FakeMonotonic, notifier: RecordingNotifier
) -> None:
    clock.set(FRIDAY)
    scheduler = make_scheduler(notifier)
    assert scheduler.start() is not None  # Friday's digest
    assert scheduler.next_due == MONDAY
    rebuilt: list[object] = []
    scheduler.rebuilt.connect(rebuilt.append)
    minute = HEARTBEAT_MS / 1000
    # An ordinary beat: a minute on both clocks.
    beat = clock.now + timedelta(seconds=minute)
    assert scheduler.heartbeat(beat, monotonic.advance(minute)) is None
    assert rebuilt == []
    # The PC slept from Friday 09:01 to Monday 09:30: the wall clock jumped, the monotonic
    # clock (which stops during sleep) did not. Monday's 09:00 digest comes at once.
    woke = MONDAY.replace(minute=30)
    clock.set(woke)
    assert scheduler.heartbeat(woke, monotonic.advance(minute)) == "jump"
    assert len(notifier.calls) == 2
    assert sorted(notifier.calls[1].task_ids) == sorted(LATE)
    assert rebuilt and scheduler.next_due is not None and scheduler.next_due > woke
    # The clock is set back an hour: rebuilt and checked, nothing repeats.
    back = woke - timedelta(hours=1)
    clock.set(back)
    assert scheduler.heartbeat(back, monotonic.advance(minute)) == "jump"
    assert len(notifier.calls) == 2
    assert len(_shown()) == len(set(_shown()))
    # A beat that comes far too late (a monotonic clock that counts sleep) is a jump too.
    later = back + timedelta(hours=3)
    assert scheduler.heartbeat(later, monotonic.advance(3 * 3600)) == "jump"


def test_a_plan_imported_from_the_command_line_is_noticed_at_the_next_beat(
    make_scheduler,
    storage: Storage,
    clock: FakeClock,
    monotonic: FakeMonotonic,
    notifier: RecordingNotifier,
) -> None:
    from desktop_app.services.importer import import_file
    from tests.conftest import FIXTURES

    clock.set(FRIDAY.replace(hour=10))
    scheduler = make_scheduler(notifier)
    scheduler.start()  # Friday's digest, then nothing until Monday
    assert scheduler.next_due == MONDAY
    beat = clock.now + timedelta(seconds=60)
    assert scheduler.heartbeat(beat, monotonic.advance(60)) is None
    # `deadline-reminder import` in a terminal, while the window runs:
    storage.clock.set(beat)
    import_file(storage, FIXTURES / "000_9ec6db43f1a77751.txt")
    beat += timedelta(seconds=60)
    clock.set(beat)
    assert scheduler.heartbeat(beat, monotonic.advance(60)) == "new plan"
    assert scheduler.next_due is not None and scheduler.next_due <= beat + timedelta(seconds=5)
    beat += timedelta(seconds=60)
    assert scheduler.heartbeat(beat, monotonic.advance(60)) is None  # said once


def test_midnight_and_the_hour_rebuild(
    make_scheduler, clock: FakeClock, monotonic: FakeMonotonic, notifier: RecordingNotifier
) -> None:
    clock.set(FRIDAY.replace(hour=23, minute=59, second=30))
    scheduler = make_scheduler(notifier)
    scheduler.start()
    rebuilt: list[object] = []
    scheduler.rebuilt.connect(rebuilt.append)
    after_midnight = datetime(2024, 6, 15, 0, 0, 30)
    assert scheduler.heartbeat(after_midnight, monotonic.advance(60)) == "rebuild"
    # Started in the quiet hours: Friday's digest, never shown, waits for their end.
    assert rebuilt == [datetime(2024, 6, 15, 8, 0)]
    assert notifier.attempts == []
    beat = after_midnight
    seconds = 60.0
    while seconds < REBUILD_EVERY_SECONDS:
        beat += timedelta(seconds=60)
        assert scheduler.heartbeat(beat, monotonic.advance(60)) is None
        seconds += 60
    assert scheduler.heartbeat(beat + timedelta(seconds=60), monotonic.advance(60)) == "rebuild"
    assert len(rebuilt) == 2


def test_a_task_marked_done_in_the_window_leaves_the_next_digest_at_once(
    qtbot, make_scheduler, window: MainWindow, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    scheduler = make_scheduler(notifier, window)
    window.attach_reminders(scheduler)
    scheduler.start()
    assert scheduler.next_due == FRIDAY
    window.open_tasks([27])
    assert window.task_panel.current_task_id() == 27
    done = next(
        b for b in window.task_panel.status_buttons.buttons() if b.property("status") == "done"
    )
    with qtbot.waitSignal(scheduler.rebuilt):
        done.click()
    with qtbot.waitSignal(scheduler.delivered) as delivered:
        _fire(scheduler, clock, FRIDAY)
    assert sorted(delivered.args[0].task_ids) == [30, 31, 48, 71]


def test_every_change_in_the_window_rebuilds(
    qtbot, make_scheduler, window: MainWindow, notifier: RecordingNotifier
) -> None:
    scheduler = make_scheduler(notifier, window)
    window.attach_reminders(scheduler)
    scheduler.start()
    for change in (
        window.reload,  # an import, a plan deleted, the settings or my departments changed
        lambda: window.pause_reminders("hour"),
    ):
        with qtbot.waitSignal(scheduler.rebuilt):
            change()


def test_a_failed_delivery_is_reported_and_retried_later(
    qtbot, make_scheduler, clock: FakeClock
) -> None:
    notifier = RecordingNotifier(fail="org.freedesktop.Notifications is not available")
    clock.set(FRIDAY)
    scheduler = make_scheduler(notifier)
    with qtbot.waitSignal(scheduler.failed) as failed:
        assert scheduler.start() is None
    assert "org.freedesktop.Notifications" in failed.args[0]
    assert len(notifier.attempts) == 1 and _shown() == []
    retry = scheduler.next_due
    assert retry is not None and FRIDAY + RETRY_AFTER <= retry < FRIDAY + RETRY_AFTER * 2
    assert abs(_delay(scheduler) - (retry - clock.now)) < timedelta(seconds=30)
    notifier.fail_with(None)
    with qtbot.waitSignal(scheduler.delivered):
        _fire(scheduler, clock, retry)
    assert len(notifier.attempts) == 2 and len(notifier.calls) == 1
    assert sorted(i for i, _ in _shown()) == sorted(JUNE_30)
    assert scheduler.next_due == MONDAY


def test_a_pause_is_honoured(
    make_scheduler, window: MainWindow, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    clock.set(FRIDAY.replace(hour=8, minute=30))
    scheduler = make_scheduler(notifier, window)
    window.attach_reminders(scheduler)
    scheduler.start()
    assert scheduler.next_due == FRIDAY
    fridays = scheduler.service.due(FRIDAY)
    assert fridays is not None
    window.pause_reminders("hour")  # the tray's 暂停提醒一小时, kept in the settings
    until = reminder_settings().paused_until
    assert until is not None and FRIDAY < until < FRIDAY + timedelta(hours=1)
    # Rebuilt at once: Friday's 09:00 digest is held until the pause ends, then sent once.
    assert scheduler.next_due == until
    clock.set(FRIDAY)
    assert scheduler.check_now() is None
    assert notifier.attempts == []
    _fire(scheduler, clock, until)
    assert len(notifier.calls) == 1
    assert sorted(notifier.calls[0].task_ids) == sorted(fridays.task_ids)
    assert scheduler.next_due == MONDAY


def test_rebuilding_replaces_the_one_wakeup(
    qtbot, make_scheduler, notifier: RecordingNotifier
) -> None:
    """APScheduler 3.11's QtScheduler cannot cancel its single-shot timer; ours has one timer
    that each new wait restarts, so a rebuild leaves no earlier wakeup behind."""
    scheduler = make_scheduler(notifier)
    scheduler.start()
    timer = scheduler.apscheduler.wakeup_timer.timer
    for hours in (48, 24, 72, 12):
        scheduler.schedule_at(scheduler.clock() + timedelta(hours=hours))
        # A new job wakes APScheduler at once (0 ms); it then waits for the job's time.
        qtbot.waitUntil(lambda: timer.remainingTime() > 1000, timeout=2000)
        assert abs(timer.remainingTime() / 3_600_000 - hours) < 0.01
    assert len(scheduler.apscheduler.get_jobs()) == 1
    scheduler.schedule_at(None)
    assert scheduler.job() is None
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=2000)
    scheduler.stop()
    assert not timer.isActive() and not scheduler.is_running()


class _ThreadRecordingService:
    """Records on which thread the check runs; always has something to deliver."""

    def __init__(self) -> None:
        self.check_threads: list[threading.Thread] = []

    def check(self, now: datetime | None = None) -> Notification:
        self.check_threads.append(threading.current_thread())
        return Notification(now or datetime.now(), (1,), "title", "body")

    def next_due_time(self, now: datetime | None = None) -> datetime | None:
        return None

    def new_plans(self, now: datetime | None = None) -> list[int]:
        return []


def test_the_real_qt_scheduler_fires_and_the_check_runs_on_the_gui_thread(qtbot) -> None:
    service = _ThreadRecordingService()
    scheduler = ReminderScheduler(service, datetime.now)  # the real clock, this test only
    job_threads: list[threading.Thread] = []
    scheduler.due.connect(
        lambda: job_threads.append(threading.current_thread()),
        Qt.ConnectionType.DirectConnection,
    )
    try:
        scheduler.start()
        assert scheduler.job() is None  # nothing further due
        scheduler.schedule_at(datetime.now() + timedelta(milliseconds=50))
        with qtbot.waitSignal(scheduler.delivered, timeout=5_000):
            pass
        # The job's thread records itself after it has posted the queued call, so the GUI
        # thread may get here first: wait for the record, not for luck.
        qtbot.waitUntil(lambda: len(job_threads) == 1, timeout=5_000)
        assert job_threads[0] is not threading.main_thread()
        assert service.check_threads == [threading.main_thread(), threading.main_thread()]
        assert scheduler.job() is None
    finally:
        scheduler.stop()
        scheduler.deleteLater()


def test_the_heartbeat_timer_runs_once_a_minute(make_scheduler, notifier) -> None:
    scheduler = make_scheduler(notifier)
    scheduler.start()
    beats = [t for t in scheduler.findChildren(QTimer) if t.interval() == HEARTBEAT_MS]
    assert len(beats) == 1 and beats[0].isActive() and not beats[0].isSingleShot()
    scheduler.stop()
    assert not beats[0].isActive()


def test_start_up_wiring_of_the_program(
    qtbot, window: MainWindow, storage: Storage, clock: FakeClock, notifier: RecordingNotifier
) -> None:
    """What run_gui does once the window is painted: the scheduler made, attached, started."""
    from desktop_app.ui.app import start_reminders

    clock.set(FRIDAY)
    window.notifier = notifier
    scheduler = start_reminders(window, storage, clock)
    try:
        assert window.reminders is scheduler and scheduler.is_running()
        assert [sorted(c.task_ids) for c in notifier.calls] == [sorted(JUNE_30)]
        job = scheduler.job()
        assert job is not None and isinstance(job.trigger, DateTrigger)
        with qtbot.waitSignal(scheduler.rebuilt):
            window.reload()
    finally:
        scheduler.stop()
