"""The reminder policy: which task is reminded when (the words of the digest that says so
are in ``digest.py``).

Pure: tasks, settings, a working-day calendar and a time range come in as
arguments; nothing here reads the database, the clock or Qt, so a whole year
can be simulated in a test.

The rules. A deadline is reminded ``lead_workdays`` working days before its
last working day (the last working day on or before the due date) and on that
day; a late task every ``late_every_days`` days (all late tasks on the same
days, Mondays by default, moved to the next working day); an ongoing or
recurring task once a quarter, ``QUARTER_LEAD_WORKDAYS`` working days before
the quarter's last working day, unless a progress note was added that quarter.
Every milestone of a task is reminded like a deadline. All of it at
``remind_at`` on working days; a snooze brings a task back at the time the
user chose. Everything due at one time is one notification.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from desktop_app.reminders.digest import build_digest
from desktop_app.reminders.model import RANK, Notification, Reminder, Snooze

if TYPE_CHECKING:
    from db.repository import TaskRow
    from desktop_app.services.settings import ReminderSettings

CLOSED_STATUSES = frozenset({"done", "cancelled"})
ONGOING_KINDS = frozenset({"ongoing", "recurring"})
QUARTER_LEAD_WORKDAYS = 5
# Late tasks are reminded together on the days counted from this Monday (every 7 days: Mondays).
LATE_EPOCH = date(2024, 1, 1)
# How far back a catch-up looks: older reminder points are stale (a late task is
# reminded again every week anyway).
CATCH_UP_DAYS = 31

_ONE_DAY = timedelta(days=1)


class Workdays(Protocol):
    """What the policy needs of a calendar (``desktop_app.calendar.workdays.WorkCalendar``)."""

    def is_workday(self, day: date) -> bool: ...


# -- calendar ----------------------------------------------------------------------------


class WorkdayCache:
    """A calendar that asks the wrapped one about each day once.

    The official data costs tens of microseconds a question; a schedule asks
    thousands. The answers never change while the program runs, so one cache
    can serve every schedule of the same extra holidays.
    """

    def __init__(self, calendar: Workdays) -> None:
        self._ask = calendar.is_workday
        self._covers: Callable[[int], bool] | None = getattr(calendar, "covers", None)
        self._known: dict[date, bool] = {}
        self._known_years: dict[int, bool] = {}

    def covers(self, year: int) -> bool:
        """Whether the holidays of ``year`` are known (else its working days are estimated);
        a calendar that cannot say is taken at its word."""
        known = self._known_years.get(year)
        if known is None:
            known = self._known_years[year] = (
                self._covers(year) if self._covers is not None else True
            )
        return known

    def is_workday(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = bool(self._ask(day))
        return known

    def last_workday_on_or_before(self, day: date) -> date:
        while not self.is_workday(day):
            day -= _ONE_DAY
        return day

    def next_workday_on_or_after(self, day: date) -> date:
        while not self.is_workday(day):
            day += _ONE_DAY
        return day

    def add_workdays(self, day: date, count: int) -> date:
        """The date ``count`` working days after ``day`` (before it when negative)."""
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_workday(day):
                remaining -= 1
        return day


def cached(calendar: Workdays) -> WorkdayCache:
    return calendar if isinstance(calendar, WorkdayCache) else WorkdayCache(calendar)


def quarter_of(moment: date | datetime) -> tuple[int, int]:
    return moment.year, (moment.month - 1) // 3 + 1


def _quarter_end(year: int, quarter: int) -> date:
    return date(year, 12, 31) if quarter == 4 else date(year, quarter * 3 + 1, 1) - _ONE_DAY


def deliverable(moment: datetime, settings: ReminderSettings) -> datetime:
    """``moment``, or the end of the quiet hours when it falls inside them."""
    if not settings.is_quiet(moment.time()):
        return moment
    end = datetime.combine(moment.date(), settings.quiet_end)
    return end if end > moment else end + _ONE_DAY


# -- reminder points ---------------------------------------------------------------------


class _Planner:
    """The reminder points of many tasks in ``[start, end)``, each calendar answer computed once."""

    def __init__(
        self,
        settings: ReminderSettings,
        calendar: Workdays,
        start: datetime,
        end: datetime,
    ) -> None:
        self.settings = settings
        self.days = cached(calendar)
        self.start = start
        self.end = end
        self.past_snoozes = False
        # A pause is not the policy's business: the service holds what falls in it and
        # delivers it once the pause ends, so nothing is lost.
        # Regular points are whole days at `remind_at`; one day of margin for the quiet-hour shift.
        self.first = self.start.date() - _ONE_DAY
        self.last = end.date() + _ONE_DAY
        # A deadline after this has no point in range: its earliest lies at most
        # max(lead) working days (with room for the longest holidays) before it.
        self.horizon = self.last + timedelta(days=2 * max(settings.lead_workdays, default=0) + 21)
        self._deadlines: dict[date, tuple[tuple[date, str], ...]] = {}
        self._late: dict[date, tuple[date, ...]] = {}
        self._late_days: list[tuple[date, date]] | None = None
        self._quarters: list[tuple[date, tuple[int, int], date]] | None = None
        self._times: dict[date, datetime] = {}

    def at(self, day: date) -> datetime:
        found = self._times.get(day)
        if found is None:
            found = self._times[day] = deliverable(
                datetime.combine(day, self.settings.remind_at), self.settings
            )
        return found

    def deadline_days(self, deadline: date) -> tuple[tuple[date, str], ...]:
        found = self._deadlines.get(deadline)
        if found is None and (deadline < self.first or deadline > self.horizon):
            found = self._deadlines[deadline] = ()  # every point lies outside the range
        if found is None:
            last = self.days.last_workday_on_or_before(deadline)
            points = [
                (self.days.add_workdays(last, -n), "ahead") for n in self.settings.lead_workdays
            ]
            points.append((last, "due"))
            found = self._deadlines[deadline] = tuple(
                (day, reason) for day, reason in points if self.first <= day <= self.last
            )
        return found

    def late_days(self, due: date) -> tuple[date, ...]:
        """The days after ``due`` on which a late task is reminded: every ``late_every_days``
        days counted from ``LATE_EPOCH`` (a Monday), so that late tasks come together in one
        weekly digest instead of one a day; a day off moves it to the next working day."""
        found = self._late.get(due)
        if found is None:
            found = self._late[due] = tuple(d for c, d in self.late_calendar() if c > due)
        return found

    def late_calendar(self) -> list[tuple[date, date]]:
        """(candidate day, working day it is moved to) of every late-reminder day in range."""
        if self._late_days is None:
            self._late_days = []
            every = self.settings.late_every_days
            if every > 0:
                # From a few weeks before the range: a long holiday pushes a day forward into it.
                k = ((self.first - LATE_EPOCH).days - 21) // every
                found: list[tuple[date, date]] = []
                while (
                    candidate := LATE_EPOCH + timedelta(days=k * every)
                ) <= self.last + timedelta(days=every):
                    found.append((candidate, self.days.next_workday_on_or_after(candidate)))
                    k += 1
                for i, (candidate, day) in enumerate(found):
                    # A day a holiday pushed forward until it nearly meets the next one (the
                    # Spring Festival Monday moved to the make-up Sunday before the next
                    # Monday) is dropped: late tasks are not reminded two days running.
                    nxt = found[i + 1][1] if i + 1 < len(found) else None
                    if day != candidate and nxt is not None and (nxt - day).days * 2 < every:
                        continue
                    if self.first <= day <= self.last:
                        self._late_days.append((candidate, day))
        return self._late_days

    def quarter_days(self) -> list[tuple[date, tuple[int, int], date]]:
        if self._quarters is None:
            self._quarters = []
            year, quarter = quarter_of(self.first)
            # A quarter's point lies at most a few weeks before its end.
            while (end := _quarter_end(year, quarter)) <= self.last + timedelta(days=40):
                day = self.days.add_workdays(
                    self.days.last_workday_on_or_before(end), -QUARTER_LEAD_WORKDAYS
                )
                if self.first <= day <= self.last:
                    self._quarters.append((day, (year, quarter), end))
                year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return self._quarters

    def points(
        self,
        task: TaskRow,
        noted_quarters: Collection[tuple[int, int]] = (),
        snooze: Snooze | None = None,
    ) -> list[Reminder]:
        if task.status in CLOSED_STATUSES or task.archived:
            return []
        raw: list[tuple[date, str, date | None]] = []
        if task.due is not None:
            due = task.due
            for target in sorted({m for m in task.milestones if m < due} | {due}):
                raw.extend((day, reason, target) for day, reason in self.deadline_days(target))
            raw.extend((day, "late", due) for day in self.late_days(due))
        elif task.deadline_kind in ONGOING_KINDS:
            raw.extend(
                (day, "quarter", end)
                for day, quarter, end in self.quarter_days()
                if quarter not in noted_quarters
            )
        chosen: dict[datetime, Reminder] = {}
        for day, reason, deadline in raw:
            at = self.at(day)
            if not self.start <= at < self.end:
                continue
            if snooze is not None and snooze.since < at < snooze.until:
                continue  # the user put it off until later
            _keep(chosen, Reminder(task.id, at, reason, deadline))
        if snooze is not None:
            at = deliverable(snooze.until, self.settings)
            # A catch-up delivers a snooze that came due even if it fell before `start`.
            if at < self.end and (at >= self.start or self.past_snoozes):
                _keep(chosen, Reminder(task.id, at, "snoozed", task.due))
        return sorted(chosen.values(), key=lambda r: r.at)


def _keep(chosen: dict[datetime, Reminder], reminder: Reminder) -> None:
    """One point per task and time: the more pressing reason, then the earlier deadline."""
    old = chosen.get(reminder.at)
    if old is None or _point_key(reminder) < _point_key(old):
        chosen[reminder.at] = reminder


def _point_key(r: Reminder) -> tuple[int, date]:
    return RANK[r.reason], r.deadline or date.max


def reminder_points(
    task: TaskRow,
    settings: ReminderSettings,
    calendar: Workdays,
    start: datetime,
    end: datetime,
    *,
    noted_quarters: Collection[tuple[int, int]] = (),
    snooze: Snooze | None = None,
) -> list[Reminder]:
    """The reminder points of one task from ``start`` (included) to ``end`` (excluded).

    ``noted_quarters``: the (year, quarter) pairs in which the task got a progress note.
    """
    return _Planner(settings, calendar, start, end).points(task, noted_quarters, snooze)


def _all_points(
    tasks: Iterable[TaskRow],
    planner: _Planner,
    notes_by_quarter: Mapping[int, Collection[tuple[int, int]]] | None,
    snoozes: Mapping[int, Snooze] | None,
    shown: Collection[tuple[int, datetime]],
) -> tuple[list[Reminder], dict[int, TaskRow]]:
    notes_by_quarter = notes_by_quarter or {}
    snoozes = snoozes or {}
    points: list[Reminder] = []
    rows: dict[int, TaskRow] = {}
    # A task already shown on a day is not shown again that day at another time (the
    # reminder time or the lead days changed since); a snooze is its own, exact time.
    shown_days = {(task_id, at.date()) for task_id, at in shown}
    for task in tasks:
        found = planner.points(task, notes_by_quarter.get(task.id, ()), snoozes.get(task.id))
        if shown:
            found = [
                r
                for r in found
                if (r.task_id, r.at) not in shown
                and (r.reason == "snoozed" or (r.task_id, r.at.date()) not in shown_days)
            ]
        if found:
            rows[task.id] = task
            points.extend(found)
    return points, rows


def schedule(
    tasks: Iterable[TaskRow],
    settings: ReminderSettings,
    calendar: Workdays,
    start: datetime,
    end: datetime,
    *,
    notes_by_quarter: Mapping[int, Collection[tuple[int, int]]] | None = None,
    snoozes: Mapping[int, Snooze] | None = None,
    shown: Collection[tuple[int, datetime]] = frozenset(),
) -> list[Notification]:
    """The digests from ``start`` (included) to ``end`` (excluded), one per reminder time.

    Assumes the program runs throughout: no catch-up. ``shown`` holds the
    (task id, scheduled time) pairs already delivered, left out.
    """
    planner = _Planner(settings, calendar, start, end)
    points, rows = _all_points(tasks, planner, notes_by_quarter, snoozes, shown)
    by_time: dict[datetime, list[Reminder]] = defaultdict(list)
    for r in points:
        by_time[r.at].append(r)
    covers = planner.days.covers
    return [build_digest(by_time[at], rows, at, "digest", covers) for at in sorted(by_time)]


def catch_up(
    tasks: Iterable[TaskRow],
    settings: ReminderSettings,
    calendar: Workdays,
    since: datetime | None,
    now: datetime,
    *,
    shown: Collection[tuple[int, datetime]] = frozenset(),
    notes_by_quarter: Mapping[int, Collection[tuple[int, int]]] | None = None,
    snoozes: Mapping[int, Snooze] | None = None,
) -> Notification | None:
    """Everything due after ``since`` up to ``now`` and not yet ``shown``, as ONE digest.

    A snooze that came due is included even if it fell before ``since``. The
    digest is a ``catch_up`` when it covers more than one reminder time or one
    of an earlier day; each task appears once, however many of its points it covers.
    """
    floor = now - timedelta(days=CATCH_UP_DAYS)
    start = floor if since is None else max(since, floor)
    planner = _Planner(settings, calendar, floor, now + timedelta(microseconds=1))
    planner.past_snoozes = True
    points, rows = _all_points(tasks, planner, notes_by_quarter, snoozes, shown)
    points = [r for r in points if r.at > start or r.reason == "snoozed"]
    if not points:
        return None
    times = {r.at for r in points}
    late = len(times) > 1 or min(times).date() < now.date()
    return build_digest(points, rows, now, "catch_up" if late else "digest", planner.days.covers)


def next_time(
    tasks: Iterable[TaskRow],
    settings: ReminderSettings,
    calendar: Workdays,
    after: datetime,
    *,
    horizon: timedelta = timedelta(days=92),
    shown: Collection[tuple[int, datetime]] = frozenset(),
    notes_by_quarter: Mapping[int, Collection[tuple[int, int]]] | None = None,
    snoozes: Mapping[int, Snooze] | None = None,
) -> datetime | None:
    """The first reminder time after ``after`` within ``horizon``, or None."""
    planner = _Planner(settings, calendar, after + timedelta(microseconds=1), after + horizon)
    points, _ = _all_points(tasks, planner, notes_by_quarter, snoozes, shown)
    later = [r.at for r in points if r.at > after]
    return min(later) if later else None


# -- snoozing ----------------------------------------------------------------------------

SNOOZE_KEYS = ("hour", "tomorrow", "three_workdays")


def snooze_times(
    now: datetime, settings: ReminderSettings, calendar: Workdays
) -> dict[str, datetime]:
    """When each snooze choice brings a task back: in an hour (after the quiet hours if
    it falls in them), the next working day or three working days on, at the reminder time."""
    days = cached(calendar)
    today = now.date()

    def at(day: date) -> datetime:
        return deliverable(datetime.combine(day, settings.remind_at), settings)

    return {
        "hour": deliverable(now + timedelta(hours=1), settings),
        "tomorrow": at(days.next_workday_on_or_after(today + _ONE_DAY)),
        "three_workdays": at(days.add_workdays(today, 3)),
    }
