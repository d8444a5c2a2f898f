"""What the reminder policy and its digest pass around: a task's reminder points, the
user's snoozes and the notification that says them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# When one task has several reminder points at one time, the first of these names it.
REASONS = ("snoozed", "due", "late", "ahead", "quarter")
KINDS = ("digest", "catch_up", "pending", "new_plan")
RANK = {reason: i for i, reason in enumerate(REASONS)}


@dataclass(frozen=True)
class Reminder:
    """One reminder point of one task.

    ``reason``: ``ahead`` (lead days before a deadline), ``due`` (the deadline's
    last working day), ``late``, ``quarter`` (record the quarter's progress of an
    ongoing task) or ``snoozed``. ``deadline`` is the due date or milestone the
    point is about; for ``quarter`` the quarter's last day.
    """

    task_id: int
    at: datetime
    reason: str
    deadline: date | None = None


@dataclass(frozen=True)
class Snooze:
    """The user put a task off at ``since`` until ``until``."""

    task_id: int
    since: datetime
    until: datetime


@dataclass(frozen=True)
class Notification:
    """One digest: what the user sees at ``at`` about ``task_ids`` (most urgent first).

    ``kind``: ``digest`` (the daily one), ``catch_up`` (what fell due while the
    program or the PC was off), ``pending`` (what is still unanswered) or
    ``new_plan`` (a plan just imported: what is already late or due soon).
    ``reminders`` are the reminder points it covers, several per task in a catch-up.
    """

    at: datetime
    task_ids: tuple[int, ...]
    title: str
    body: str
    kind: str = "digest"
    reminders: tuple[Reminder, ...] = ()
