"""Reminders against the database: what is due now, delivering it once, acknowledging, snoozing.

The reminder log (``db.reminder_log``) is the source of truth of what was shown: a
restart, a wake or a clock set back recomputes from it and repeats nothing; a
delivery that fails is not logged, so it is tried again. No Qt here: the
desktop notifier comes in behind ``Notifier``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from db import reminder_log, repository
from db.connection import Storage
from db.reminder_log import AnswerEvent, Shown
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.clock import Clock
from desktop_app.paths import SAMPLE_PREFIX
from desktop_app.reminders import candidates, digest, model, policy
from desktop_app.reminders.candidates import Context
from desktop_app.reminders.model import Notification, Reminder, Snooze
from desktop_app.reminders.notifier import NotificationError, Notifier
from desktop_app.services import errors as service_errors
from desktop_app.services import holidays
from desktop_app.services.departments import my_department_ids
from desktop_app.services.errors import ServiceError, no_task
from desktop_app.services.settings import reminder_settings

_log = logging.getLogger(__name__)

# After a failed delivery, wait this long before the next try.
RETRY_AFTER = timedelta(minutes=5)
# What a click on a notification shows: the shown reminders of this many days not yet answered.
PENDING_DAYS = 14
UPCOMING_DAYS = 14
# A plan imported this recently gets one "新导入" digest at the next check: what is already
# late and what falls due within the first lead time. Older than that, the weekly late
# reminder has come anyway.
INTRODUCE_WITHIN = timedelta(days=7)

CalendarFactory = Callable[[Iterable[date]], WorkCalendar]


class DeliveryError(Exception):
    """The notifier failed; the digest was not logged as shown and will be tried again."""

    def __init__(self, notification: Notification, cause: BaseException) -> None:
        self.notification = notification
        self.cause = cause
        super().__init__(self.one_line())

    def one_line(self) -> str:
        return (
            f"提醒未能送达，将稍后重试：{self.cause}"
            f"（The reminder could not be delivered and will be retried: {self.cause}）"
        )


@dataclass(frozen=True)
class SnoozeChoice:
    """One way to put a reminder off: ``hour``, ``tomorrow`` or ``three_workdays``."""

    key: str
    label: str
    until: datetime


@dataclass(frozen=True)
class _LogState:
    since: datetime  # the last reminder time delivered (or where a first run starts)
    shown: frozenset[tuple[int, datetime]]
    snoozes: dict[int, Snooze]


class ReminderService:
    """The reminders of the open database; ``clock`` defaults to the storage's clock."""

    def __init__(
        self,
        storage: Storage,
        notifier: Notifier | None = None,
        calendar_factory: CalendarFactory = holidays.work_calendar,
        *,
        clock: Clock | None = None,
    ) -> None:
        self.storage = storage
        self.notifier = notifier
        self.calendar_factory = calendar_factory
        self.clock = clock or storage.clock
        self.last_failure: tuple[datetime, BaseException] | None = None
        self._unlogged: tuple[Notification, datetime, str, list[int]] | None = None
        # The calendar in use, by the extra days off and the notices it was built with.
        self._calendars: dict[tuple[tuple[date, ...], tuple[int, int]], policy.WorkdayCache] = {}

    # -- delivering --------------------------------------------------------------------

    def check(self, now: datetime | None = None) -> Notification | None:
        """Deliver what is due now as one digest and log it; None when nothing is due.

        Nothing is delivered while reminders are paused or during quiet hours (a
        catch-up at start-up waits for their end). Raises ``DeliveryError`` when
        the notifier fails; nothing is then logged, so the next check retries.
        """
        now = now or self.clock()
        if self._unlogged is not None:
            # Shown, but the log could not be written (database locked or full): write it
            # before anything else, and show nothing new until it is written, so the same
            # digest never pops up twice.
            shown, at, channel, introduced = self._unlogged
            self._record_shown(shown, at, channel, introduced)
            self._unlogged = None
        context = self._context()
        if context.settings.is_paused(now) or context.settings.is_quiet(now.time()):
            return None
        # One check at a time, across processes (the window and a login script's
        # `remind --now`): what is due is read, shown and logged under one write lock, so
        # neither shows what the other has just shown. A locked database raises
        # StorageError here, before anything is shown; the caller tries again later.
        with self.storage.write():
            new_plans, notification = self._pending(context, now)
            if notification is None:
                # new plans with nothing late or near: nothing to say, once
                reminder_log.mark_introduced(new_plans, now)
                return None
            channel = self._deliver(notification, now)
            self._unlogged = (notification, now, channel, new_plans)
            self._record_shown(notification, now, channel, new_plans)
        self._unlogged = None
        return notification

    def _deliver(self, notification: Notification, now: datetime) -> str:
        """Show it through the notifier: the channel that did, or ``DeliveryError``."""
        if self.notifier is None:
            raise RuntimeError("ReminderService.check needs a notifier")
        try:
            channel = self.notifier.notify(
                notification.title, notification.body, notification.task_ids
            )
        except Exception as exc:
            self.last_failure = (now, exc)
            _log.warning(
                "Reminder for %d task(s) not delivered, will retry: %r",
                len(notification.task_ids),
                exc,
                # an expected failure (no notification service) needs no traceback; a bug does
                exc_info=not isinstance(exc, NotificationError),
            )
            raise DeliveryError(notification, exc) from exc
        self.last_failure = None
        _log.info(
            "reminder %r (%s, %d task(s)) shown through %s",
            notification.title,
            notification.kind,
            len(notification.task_ids),
            channel,
        )
        return channel

    def new_plans(self, now: datetime | None = None) -> list[int]:
        """The plans still owed their "新导入" digest."""
        return _plans_to_introduce(now or self.clock())

    def due(self, now: datetime | None = None) -> Notification | None:
        """What ``check`` would deliver now, without delivering or logging it."""
        now = now or self.clock()
        context = self._context()
        if context.settings.is_paused(now) or context.settings.is_quiet(now.time()):
            return None
        return self._pending(context, now)[1]

    def next_due_time(self, now: datetime | None = None) -> datetime | None:
        """When ``check`` should run next: now if something is due (or the end of the quiet
        hours, of the pause, of a failed delivery's wait), else the next reminder time
        within about a quarter; None when there is none."""
        now = now or self.clock()
        context = self._context()
        settings, calendar = context.settings, context.calendar
        state = self._log_state(now)
        when: datetime | None = None
        if _plans_to_introduce(now):
            when = now  # a new plan's first digest: at the next check
        # Two weeks ahead usually finds the next digest; else a quarter (its progress reminder).
        for days in () if when is not None else (UPCOMING_DAYS, 92):
            tasks = candidates.tasks_until(context, now.date() + timedelta(days=days))
            notes = candidates.notes_by_quarter(tasks, now - timedelta(days=policy.CATCH_UP_DAYS))
            due = policy.catch_up(
                tasks,
                settings,
                calendar,
                state.since,
                now,
                shown=state.shown,
                notes_by_quarter=notes,
                snoozes=state.snoozes,
            )
            if due is not None:
                when = now
                break
            when = policy.next_time(
                tasks,
                settings,
                calendar,
                now,
                horizon=timedelta(days=days),
                shown=state.shown,
                notes_by_quarter=notes,
                snoozes=state.snoozes,
            )
            if when is not None:
                break
        if when is None:
            return None
        if settings.paused_until is not None and when < settings.paused_until:
            when = settings.paused_until
        when = policy.deliverable(when, settings)
        if self.last_failure is not None and when <= now:
            when = max(when, self.last_failure[0] + RETRY_AFTER)
        return when

    def upcoming(
        self, now: datetime | None = None, days: int = UPCOMING_DAYS
    ) -> list[Notification]:
        """The digests still to come from ``now`` for ``days`` days (for the scheduler and
        the window), leaving out what was shown and including snoozes."""
        now = now or self.clock()
        context = self._context()
        state = self._log_state(now)
        end = now + timedelta(days=days)
        tasks = candidates.tasks_until(context, end.date())
        return policy.schedule(
            tasks,
            context.settings,
            context.calendar,
            now,
            end,
            notes_by_quarter=candidates.notes_by_quarter(tasks, now),
            snoozes=state.snoozes,
            shown=state.shown,
        )

    def preview(
        self,
        start: datetime,
        end: datetime,
        department_ids: Sequence[int] | None = None,
    ) -> list[Notification]:
        """The digests the policy would send from ``start`` to ``end`` (excluded), as if the
        program ran throughout and nothing got done: no catch-up, no log, no snoozes.

        ``department_ids`` None means "my departments" (all when none is chosen).
        """
        context = self._context()
        ids = context.department_ids if department_ids is None else list(department_ids)
        tasks = candidates.tasks_until(context, end.date(), ids)
        return policy.schedule(
            tasks,
            context.settings,
            context.calendar,
            start,
            end,
            notes_by_quarter=candidates.notes_by_quarter(tasks, start),
        )

    # -- what the user does with a reminder --------------------------------------------

    def pending_digest(self, now: datetime | None = None) -> Notification | None:
        """The shown reminders of the last days not yet acknowledged or snoozed, of tasks
        still open, as one digest (what a click on the notification shows)."""
        now = now or self.clock()
        pending = reminder_log.unanswered(now - timedelta(days=PENDING_DAYS))
        if not pending:
            return None
        rows = {
            t.id: t
            for t in candidates.rows_by_id(
                [p.task_id for p in pending], statuses=candidates.OPEN_STATUSES
            )
        }
        reminders = []
        for task_id, scheduled_for, detail in pending:
            if task_id in rows:
                reason, deadline = _reason(detail, rows[task_id])
                reminders.append(Reminder(task_id, scheduled_for, reason, deadline))
        if not reminders:
            return None
        return digest.build_digest(reminders, rows, now, "pending", self._context().calendar.covers)

    def acknowledge(self, task_ids: Sequence[int], now: datetime | None = None) -> None:
        """Record that the user has seen these tasks' reminders."""
        now = now or self.clock()
        self._record_answer(task_ids, "acknowledged", now, None)

    def snooze(
        self, task_ids: Sequence[int], until: datetime, now: datetime | None = None
    ) -> datetime:
        """Put these tasks' reminders off until ``until``; they come back in a digest then."""
        now = now or self.clock()
        if until <= now:
            raise ServiceError("bad_snooze", service_errors.SNOOZE_IN_THE_PAST, until)
        self._record_answer(task_ids, "snoozed", now, until)
        return until

    def snooze_choices(self, now: datetime | None = None) -> tuple[SnoozeChoice, ...]:
        """In an hour, the next working day, three working days on (at the reminder time)."""
        now = now or self.clock()
        context = self._context()
        times = policy.snooze_times(now, context.settings, context.calendar)
        hour, tomorrow, later = times["hour"], times["tomorrow"], times["three_workdays"]
        if tomorrow.date() == now.date() + timedelta(days=1):
            tomorrow_label = f"明天 {tomorrow:%H:%M}"
        else:
            tomorrow_label = f"下一个工作日 {_when(tomorrow, now)}"
        return (
            SnoozeChoice("hour", f"1 小时后（{_when(hour, now)}）", hour),
            SnoozeChoice("tomorrow", tomorrow_label, tomorrow),
            SnoozeChoice("three_workdays", f"3 个工作日后 {_when(later, now)}", later),
        )

    # -- reading and writing the log ---------------------------------------------------

    def _context(self) -> Context:
        settings = reminder_settings()
        mine = my_department_ids()
        key = (settings.extra_holidays, holidays.revision())
        calendar = self._calendars.get(key)
        if calendar is None:
            calendar = policy.WorkdayCache(self.calendar_factory(settings.extra_holidays))
            self._calendars = {key: calendar}  # the one in use
        return Context(settings, calendar, mine or None)

    def _pending(self, context: Context, now: datetime) -> tuple[list[int], Notification | None]:
        """What to deliver now: the plans it introduces, and the digest.

        A newly imported plan's "新导入" digest (its tasks already late or due within the
        first lead time) takes in whatever else is due now, so that one digest comes.
        """
        due = self._due(context, now)
        new_plans = _plans_to_introduce(now)
        if not new_plans:
            return [], due
        reminders, by_id = candidates.late_or_near(context, now, new_plans)
        if not reminders:
            return new_plans, due
        if due is not None:
            reminders += due.reminders
            by_id.update((t.id, t) for t in candidates.rows_by_id(list(due.task_ids)))
        covers = context.calendar.covers
        return new_plans, digest.build_digest(reminders, by_id, now, "new_plan", covers)

    def attention(self, now: datetime | None = None) -> Notification | None:
        """What 今天的提醒 lists: the open tasks of my departments already late or due within
        the first lead time, and the reminders of the last days still unanswered, whether
        or not a digest went out today."""
        now = now or self.clock()
        context = self._context()
        reminders, by_id = candidates.late_or_near(context, now)
        pending = self.pending_digest(now)
        if pending is not None:
            reminders += [r for r in pending.reminders if r.task_id not in by_id]
            by_id.update((t.id, t) for t in candidates.rows_by_id(list(pending.task_ids)))
        if not reminders:
            return None
        return digest.build_digest(reminders, by_id, now, "pending", context.calendar.covers)

    def _due(self, context: Context, now: datetime) -> Notification | None:
        state = self._log_state(now)
        tasks = candidates.tasks_until(context, now.date())
        return policy.catch_up(
            tasks,
            context.settings,
            context.calendar,
            state.since,
            now,
            shown=state.shown,
            notes_by_quarter=candidates.notes_by_quarter(
                tasks, now - timedelta(days=policy.CATCH_UP_DAYS)
            ),
            snoozes=state.snoozes,
        )

    def _log_state(self, now: datetime) -> _LogState:
        floor = now - timedelta(days=policy.CATCH_UP_DAYS)
        # The clock may have been set back: only what was shown for a time not in the
        # future counts as delivered.
        log = reminder_log.recent(floor, now)
        snoozes = {
            task_id: Snooze(task_id, at, until)
            for task_id, (event, at, until) in log.answers.items()
            if event == reminder_log.SNOOZED and until is not None
        }
        last = log.latest_shown
        if last is None:
            # A first run starts with today's reminders, not a month of old ones.
            last = (
                floor
                if reminder_log.any_shown()
                else datetime.combine(now.date(), time.min) - timedelta(microseconds=1)
            )
        return _LogState(last, log.shown, snoozes)

    def _record_shown(
        self,
        notification: Notification,
        now: datetime,
        channel: str,
        introduced: Sequence[int] = (),
    ) -> None:
        with self.storage.write():
            reminder_log.mark_introduced(introduced, now)
            ids = list(notification.task_ids)
            # a task deleted meanwhile (its plan removed) has nothing to log
            existing = repository.existing_task_ids(ids)
            shown = [
                Shown(
                    r.task_id,
                    r.at,
                    json.dumps(
                        {
                            "kind": notification.kind,
                            "reason": r.reason,
                            "deadline": r.deadline.isoformat() if r.deadline else None,
                        }
                    ),
                )
                for r in notification.reminders
                if r.task_id in existing
            ]
            reminder_log.record_shown(shown, now, channel)

    def _record_answer(
        self, task_ids: Sequence[int], event: AnswerEvent, now: datetime, until: datetime | None
    ) -> None:
        ids = list(dict.fromkeys(int(i) for i in task_ids))
        with self.storage.write():
            existing = repository.existing_task_ids(ids)
            for task_id in ids:
                if task_id not in existing:
                    raise no_task(task_id)
            reminder_log.record_answers(ids, event, now, until)


def _plans_to_introduce(now: datetime) -> list[int]:
    """The new plans still owed their "新导入" digest; never the sample (it is for a look)."""
    return reminder_log.plans_to_introduce(now - INTRODUCE_WITHIN, leave_out_prefix=SAMPLE_PREFIX)


def _reason(detail: str | None, task: repository.TaskRow) -> tuple[str, date | None]:
    try:
        data = json.loads(detail or "{}")
        reason = str(data.get("reason") or "due")
        deadline = date.fromisoformat(data["deadline"]) if data.get("deadline") else None
    except (TypeError, ValueError, AttributeError):
        return "due", task.due
    if reason not in model.REASONS:
        reason = "due"
    return reason, deadline if deadline is not None or reason == "quarter" else task.due


def _when(moment: datetime, now: datetime) -> str:
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return f"{moment.month}月{moment.day}日 {moment:%H:%M}"
