"""The tasks a reminder can be about, read for one check: the open tasks of my departments
that can have a reminder point up to a day, the quarters an ongoing task got a note in, and
the tasks late or near for a new plan's first digest and for 今天的提醒.

Only reads; ``ReminderService`` decides with ``policy`` what of it is due and logs what it
shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db import journal, repository
from desktop_app.reminders import policy
from desktop_app.reminders.model import Reminder
from desktop_app.services.settings import ReminderSettings

OPEN_STATUSES = repository.OPEN_STATUSES
_ID_CHUNK = 5000  # ids in one `IN (…)`, well under SQLite's variable limit


@dataclass(frozen=True)
class Context:
    """What one check works with: the settings, the working days, whose tasks."""

    settings: ReminderSettings
    calendar: policy.WorkdayCache
    department_ids: list[int] | None  # None: every department


def tasks_until(
    context: Context, until_day: date, department_ids: Sequence[int] | None = None
) -> list[repository.TaskRow]:
    """The open tasks that can have a reminder point up to ``until_day``: every dated task
    due before a bound (the late ones included), the ongoing ones, and those with a
    milestone before the bound. ``department_ids`` None: the context's."""
    ids = context.department_ids if department_ids is None else list(department_ids)
    bound = due_bound(context, until_day)
    rows = repository.tasks(statuses=OPEN_STATUSES, due_to=bound, department_ids=ids)
    # Two queries, each on the due-date index (an OR of both would scan every task).
    extra = repository.undated_task_ids(sorted(policy.ONGOING_KINDS), statuses=OPEN_STATUSES)
    extra += repository.milestone_task_ids(bound, statuses=OPEN_STATUSES)
    if extra:
        rows += rows_by_id(extra, department_ids=ids)
    return rows


def notes_by_quarter(
    tasks: Sequence[repository.TaskRow], start: datetime
) -> dict[int, set[tuple[int, int]]]:
    """The quarters (from ``start``'s on) in which each ongoing task got a progress note."""
    ongoing = [t.id for t in tasks if t.due is None and t.deadline_kind in policy.ONGOING_KINDS]
    year, quarter = policy.quarter_of(start)
    first = datetime(year, quarter * 3 - 2, 1)
    out: dict[int, set[tuple[int, int]]] = {}
    for task_id, created_at in journal.note_times(ongoing, first):
        out.setdefault(task_id, set()).add(policy.quarter_of(created_at))
    return out


def late_or_near(
    context: Context, now: datetime, plan_ids: Sequence[int] | None = None
) -> tuple[list[Reminder], dict[int, repository.TaskRow]]:
    """A reminder point at ``now`` for each open task of my departments that is late or due
    within the first lead time, and the tasks by id."""
    rows = repository.tasks(
        plan_ids=plan_ids,
        statuses=OPEN_STATUSES,
        due_to=due_bound(context, now.date()),
        department_ids=context.department_ids,
    )
    today = now.date()
    reminders = [
        Reminder(
            t.id, now, "late" if t.due < today else "due" if t.due == today else "ahead", t.due
        )
        for t in rows
        if t.due is not None
    ]
    return reminders, {t.id: t for t in rows}


def rows_by_id(
    task_ids: Sequence[int],
    *,
    department_ids: Sequence[int] | None = None,
    statuses: Sequence[str] | None = None,
) -> list[repository.TaskRow]:
    """The tasks of these ids (any number of them), narrowed as ``repository.tasks`` does."""
    rows: list[repository.TaskRow] = []
    for start in range(0, len(task_ids), _ID_CHUNK):
        rows += repository.tasks(
            task_ids=task_ids[start : start + _ID_CHUNK],
            department_ids=department_ids,
            statuses=statuses,
        )
    return rows


def due_bound(context: Context, until_day: date) -> date:
    """The latest due date whose reminder points can fall on or before ``until_day``.

    A deadline's points lie up to ``max(lead)`` working days before its last working
    day, which is on or before it: due dates before the first working day after
    ``until_day`` + ``max(lead)`` working days.
    """
    calendar = context.calendar
    lead = max(context.settings.lead_workdays, default=0)
    day = calendar.add_workdays(until_day, lead) + timedelta(days=1)
    while not calendar.is_workday(day):
        day += timedelta(days=1)
    return day - timedelta(days=1)
