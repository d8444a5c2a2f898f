"""When to check for reminders: one APScheduler job at the next due time, rebuilt from the database.

The database (the reminder log and the tasks) is the source of truth; the scheduler only
holds the one next wakeup, and it is recomputed (``ReminderService.next_due_time``) at
start-up, after every change that can move it, after midnight, every hour, and when the
heartbeat notices that the PC slept or the clock was changed. The job itself only emits
``due``; ``check_now`` runs on the GUI thread and does the database and notification work.

Two traps of APScheduler 3.x are avoided here on purpose:

- the default ``misfire_grace_time`` of one second silently drops a job that runs late
  (after a sleep, or a busy event loop): the job has no grace limit and coalesces;
- ``QtScheduler`` (3.11) arms its wakeup with the static ``QTimer.singleShot``, which
  returns None in PySide6, so it can never cancel it: every job added or replaced starts
  one more self-renewing chain of wakeups. ``_OneTimerQtScheduler`` keeps one persistent
  single-shot QTimer instead, restarted at each new wait.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import peewee
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from db.errors import StorageError
from desktop_app.clock import Clock
from desktop_app.errors import UserError
from desktop_app.reminders.model import Notification
from desktop_app.reminders.service import RETRY_AFTER, DeliveryError, ReminderService
from desktop_app.ui.error_text import error_text

log = logging.getLogger(__name__)

Monotonic = Callable[[], float]

JOB_ID = "reminder-check"
HEARTBEAT_MS = 60_000
# Wall-clock progress that differs from the monotonic clock's by more than this between two
# beats (or a beat this late): the PC slept, or the clock was set.
JUMP_SECONDS = 120.0
# Besides every change, the jobs are rebuilt this often: another process (the command line's
# `remind --now`, an import) may have written to the database.
REBUILD_EVERY_SECONDS = 3600.0
# Never check again sooner than this after a check that left something "due now" undelivered.
MIN_RECHECK = timedelta(seconds=60)
# A question that decides what to remind (my departments) holds the checks this long at most.
HOLD_AT_MOST_MS = 10 * 60_000
_MAX_TIMER_MS = 2_147_483_647  # QTimer's limit (about 24.8 days); APScheduler re-arms after it
_DATABASE_ERRORS = (StorageError, peewee.PeeweeException, sqlite3.Error)
_APSCHEDULER_LOG = log.getChild("apscheduler")
_APSCHEDULER_LOG.setLevel(logging.WARNING)
# Its executor logs "Running job …" twice per check under its own name: only its problems.
logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)


class _WakeupTimer(QObject):
    """One persistent single-shot timer; arming it again replaces the pending wakeup.

    Armed through signals, so that a call from another thread is queued to the timer's own.
    """

    arm = Signal(int)
    disarm = Signal()

    def __init__(self, callback: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(callback)
        self.arm.connect(self._arm)
        self.disarm.connect(self._disarm)

    @Slot(int)
    def _arm(self, msec: int) -> None:
        self.timer.start(msec)

    @Slot()
    def _disarm(self) -> None:
        self.timer.stop()


class _OneTimerQtScheduler(QtScheduler):
    """``QtScheduler`` whose wakeups go through one timer that a new wait really replaces."""

    def __init__(self, timer_parent: QObject, **options: Any) -> None:
        super().__init__(**options)
        self.wakeup_timer = _WakeupTimer(self._process_jobs, timer_parent)

    def _start_timer(self, wait_seconds: float | None) -> None:
        if wait_seconds is None:
            self.wakeup_timer.disarm.emit()
        else:
            self.wakeup_timer.arm.emit(min(int(wait_seconds * 1000), _MAX_TIMER_MS))

    def _stop_timer(self) -> None:
        self.wakeup_timer.disarm.emit()


class ReminderScheduler(QObject):
    """Checks for reminders at the right times: ``start()`` once the window is up.

    ``clock`` is the reminders' time (a fake one in tests). APScheduler keeps real time
    of its own, so the next due time is handed to it as a delay from now: a test with a
    fake clock never sees a job fire unless it calls the job itself.
    """

    due = Signal()  # emitted by the job, on APScheduler's worker thread
    delivered = Signal(object)  # Notification
    failed = Signal(str)  # why a reminder could not be delivered (it is tried again)
    rebuilt = Signal(object)  # the next due time (datetime or None)
    day_changed = Signal()  # a new day began (or the clock moved to another day)

    def __init__(
        self,
        service: ReminderService,
        clock: Clock,
        parent: QObject | None = None,
        *,
        monotonic: Monotonic = time.monotonic,
        heartbeat_ms: int = HEARTBEAT_MS,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.clock = clock
        self._monotonic = monotonic
        self.next_due: datetime | None = None
        self._started = False
        self._stopped = False
        self._checking = False
        self._held = 0
        self._new_plans: tuple[int, ...] = ()
        self._hold_limit = QTimer(self)
        self._hold_limit.setSingleShot(True)
        self._hold_limit.setInterval(HOLD_AT_MOST_MS)
        self._hold_limit.timeout.connect(self._hold_expired)
        self._last_beat: tuple[datetime, float] | None = None
        self._last_rebuild = monotonic()
        self._aps = _OneTimerQtScheduler(
            self,
            logger=_APSCHEDULER_LOG,  # not "Added job" at every rebuild
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        # Queued: the job emits on the executor's thread, the check runs on this object's.
        self.due.connect(self.check_now)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(heartbeat_ms)
        self._heartbeat.timeout.connect(self._beat)

    # -- lifetime ----------------------------------------------------------------------

    def start(self) -> Notification | None:
        """The catch-up check (at most one "while you were away" digest), then the next time."""
        if self._stopped:
            raise RuntimeError("a stopped ReminderScheduler does not start again; make a new one")
        if self._started:
            return None
        self._started = True
        self._aps.start()
        self._last_beat = (self.clock(), self._monotonic())
        self._heartbeat.start()
        return self.check_now()

    def stop(self) -> None:
        """No more checks (at quit; final); the database keeps what was shown."""
        self._heartbeat.stop()
        self._hold_limit.stop()
        if self._aps.running:
            self._aps.shutdown(wait=False)  # its thread pool cannot be started again
        self._stopped = self._stopped or self._started
        self._started = False

    def is_running(self) -> bool:
        return self._started

    def hold(self) -> None:
        """No check until ``release``: a question whose answer decides what to remind is
        open (which departments are mine, after the first import). A question left open
        holds reminders for ``HOLD_AT_MOST_MS`` at most."""
        self._held += 1
        self._hold_limit.start()

    def release(self) -> Notification | None:
        """The question is answered: check now what the answer makes due."""
        self._held = max(0, self._held - 1)
        if self._held:
            return None
        self._hold_limit.stop()
        return self.check_now() if self._started else None

    def _hold_expired(self) -> None:
        log.info("a question held the reminders for too long: checking now")
        self._held = 0
        if self._started:
            self.check_now()

    def is_held(self) -> bool:
        return self._held > 0

    @property
    def apscheduler(self) -> QtScheduler:
        """The APScheduler underneath (one job, ``JOB_ID``; one wakeup timer)."""
        return self._aps

    # -- the work ----------------------------------------------------------------------

    @Slot()
    def check_now(self) -> Notification | None:
        """Deliver what is due now (once: the service logs it), then schedule the next check."""
        if self._checking:  # a due signal queued during a check: the rebuild below covers it
            return None
        if self._held:  # release() checks
            return None
        self._checking = True
        try:
            now = self.clock()
            try:
                notification = self.service.check(now)
            except DeliveryError as exc:
                # Not logged as shown: next_due_time brings the retry after its wait.
                self.failed.emit(str(exc.cause))
                notification = None
            except _DATABASE_ERRORS as exc:
                log.warning("reminder check failed, retrying later: %r", exc, exc_info=True)
                self.failed.emit(_message(exc))
                self._schedule(now + RETRY_AFTER, now)
                return None
            if notification is not None:
                log.info(
                    "reminder %r delivered (%d task(s))",
                    notification.title,
                    len(notification.task_ids),
                )
                self.delivered.emit(notification)
            self._rebuild(checked_at=now)
            return notification
        finally:
            self._checking = False

    @Slot()
    def rebuild(self) -> datetime | None:
        """Replace the job with one at the next due time from the database; that time."""
        return self._rebuild(checked_at=None)

    def _rebuild(self, checked_at: datetime | None) -> datetime | None:
        now = self.clock()
        self._last_rebuild = self._monotonic()
        try:
            when = self.service.next_due_time(now)
        except _DATABASE_ERRORS as exc:
            log.warning("reminder times not computed, retrying later: %r", exc, exc_info=True)
            self.failed.emit(_message(exc))
            when = now + RETRY_AFTER
        if when is not None and checked_at is not None and when <= now:
            # Something is still due right after a check that did not deliver it: never spin.
            log.warning("reminder still due at %s after a check; rechecking later", when)
            when = now + MIN_RECHECK
        self._schedule(when, now)
        self.rebuilt.emit(when)
        return when

    def schedule_at(self, when: datetime | None) -> None:
        """Put the one job at ``when`` (reminder-clock time); None removes it."""
        self._schedule(when, self.clock())

    def _schedule(self, when: datetime | None, now: datetime) -> None:
        self.next_due = when
        if not self._aps.running:
            return  # start() schedules
        if when is None:
            if self._aps.get_job(JOB_ID) is not None:
                self._aps.remove_job(JOB_ID)
                self._aps.wakeup()  # remove_job leaves the wakeup armed: let it see no job
            return
        delay = max(when - now, timedelta(0))
        run_date = datetime.now(self._aps.timezone) + delay
        self._aps.add_job(
            self._emit_due,
            # The "date" trigger as an instance: the name would be looked up in the package's
            # entry points, which a frozen build does not carry.
            trigger=DateTrigger(run_date=run_date, timezone=self._aps.timezone),
            id=JOB_ID,
            name="reminder check",
            replace_existing=True,
            # A job that runs late (sleep, a busy event loop) must still run: the check
            # itself knows what is due. Missed runs collapse into one.
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    def job(self) -> Job | None:
        """The scheduled APScheduler job (None when nothing is due within a quarter)."""
        return self._aps.get_job(JOB_ID) if self._aps.running else None

    def _emit_due(self) -> None:
        """The job: only a signal, the work happens on the GUI thread."""
        self.due.emit()

    # -- sleep, clock changes, midnight ------------------------------------------------

    @Slot()
    def _beat(self) -> None:
        self.heartbeat(self.clock(), self._monotonic())

    def heartbeat(self, now_wall: datetime, now_monotonic: float) -> str | None:
        """Compare wall-clock and monotonic progress since the last beat.

        A jump (the PC slept, the clock was set, the event loop hung) rebuilds and checks
        now: returns ``"jump"``. A new day or an hour since the last rebuild rebuilds:
        ``"rebuild"``. Otherwise None.
        """
        last = self._last_beat
        self._last_beat = (now_wall, now_monotonic)
        if last is None:
            return None
        if now_wall.date() != last[0].date():
            self.day_changed.emit()  # "today", late and due-this-month counts move on
        wall_step = (now_wall - last[0]).total_seconds()
        monotonic_step = now_monotonic - last[1]
        interval = self._heartbeat.interval() / 1000
        # A late beat counts too: some monotonic clocks (Windows) keep counting during sleep.
        if abs(wall_step - monotonic_step) > JUMP_SECONDS or (
            monotonic_step > interval + JUMP_SECONDS
        ):
            log.info(
                "wall clock moved %.0f s while %.0f s passed: checking reminders now",
                wall_step,
                monotonic_step,
            )
            self.check_now()
            return "jump"
        if (
            now_wall.date() != last[0].date()
            or now_monotonic - self._last_rebuild >= REBUILD_EVERY_SECONDS
        ):
            self.rebuild()
            return "rebuild"
        if self._new_plans_appeared(now_wall):
            log.info("a plan was imported elsewhere (the command line): reminding it now")
            self.rebuild()
            return "new plan"
        return None

    def _new_plans_appeared(self, now: datetime) -> bool:
        """Whether a plan owed its "新导入" digest has come since the last beat (imported by
        `deadline-reminder import` while the window runs); one small query a minute."""
        try:
            found = tuple(self.service.new_plans(now))
        except _DATABASE_ERRORS:
            return False  # the next rebuild says what is wrong
        appeared = bool(found) and found != self._new_plans
        self._new_plans = found
        return appeared


def _message(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return error_text(exc)
    return str(exc)
