"""The reminder log (``reminder_log``): what a reminder showed and what the user did with it.

Rows of a task: ``shown`` (one for each task of a delivered digest: when, the reminder
time it was for, the channel that showed it, and a ``detail`` text the reminders write
and read back), then ``acknowledged`` or ``snoozed`` (with the reminder time answered
and a snooze's end). Rows without a task: ``introduced``, a new plan's first digest
handled. The reminders decide what is due from these; this module only reads and
writes them.

These run at every reminder check, on logs of thousands of rows: the log state is read
as raw rows, each distinct timestamp text parsed once (``Timestamps``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple, cast

from db.models import DB, ReminderLog
from db.times import Timestamps, db_time

SHOWN = "shown"
ACKNOWLEDGED = "acknowledged"
SNOOZED = "snoozed"
INTRODUCED = "introduced"  # a new plan's first digest was handled
AnswerEvent = Literal["acknowledged", "snoozed"]
_CHUNK = 500  # rows in one INSERT


class Shown(NamedTuple):
    """A task's reminder shown for ``scheduled_for``, with the reminders' own ``detail``."""

    task_id: int
    scheduled_for: datetime
    detail: str | None


class Answer(NamedTuple):
    """The user's answer to a task's reminder: ``acknowledged`` or ``snoozed``."""

    event: str
    at: datetime
    until: datetime | None  # a snooze's end


@dataclass(frozen=True)
class RecentLog:
    """The log of tasks from a floor time on (``recent``)."""

    shown: frozenset[tuple[int, datetime]]  # (task, reminder time) of every shown row
    latest_shown: datetime | None  # the latest of those reminder times not after "now"
    answers: dict[int, Answer]  # each task's last answer


def recent(floor: datetime, now: datetime) -> RecentLog:
    """The rows of tasks written from ``floor`` on: what was shown for which reminder time,
    the latest reminder time shown that is not after ``now`` (the clock may have been
    set back), and each task's last answer.

    A shown row without its reminder time (a damaged database) is passed over.
    """
    shown: set[tuple[int, datetime]] = set()
    latest: datetime | None = None
    answers: dict[int, tuple[str, datetime, datetime | None]] = {}
    parse = Timestamps()
    # A row is written when it is shown, after its reminder time: `at` >= `scheduled_for`,
    # so the index on `at` finds every row that matters. Raw rows: a month of digests
    # of a big database is thousands of rows, read at every check.
    for task_id, event, at, scheduled_for, snooze_until in DB.execute_sql(
        "SELECT task_id, event, at, scheduled_for, snooze_until FROM reminder_log "
        "WHERE at >= ? AND task_id IS NOT NULL ORDER BY id",
        (db_time(floor),),
    ):
        if event == SHOWN and scheduled_for is not None:
            scheduled = parse(scheduled_for)
            shown.add((task_id, scheduled))
            if scheduled <= now and (latest is None or scheduled > latest):
                latest = scheduled
        elif event in (SNOOZED, ACKNOWLEDGED):
            until = parse(snooze_until) if snooze_until is not None else None
            answers[task_id] = (event, parse(at), until)
    # plain tuples while reading (thousands of rows), named ones for the last answer of each
    return RecentLog(frozenset(shown), latest, {t: Answer(*a) for t, a in answers.items()})


def any_shown() -> bool:
    """Whether a reminder was ever shown (a first run has none)."""
    return bool(ReminderLog.select().where(ReminderLog.event == SHOWN).exists())


def unanswered(since: datetime) -> list[Shown]:
    """Each task's last reminder shown from ``since`` on that was not acknowledged or
    snoozed afterwards, in the order they were first shown after the task's last answer.
    Tasks deleted meanwhile have no rows left."""
    pending: dict[int, tuple[datetime, str | None]] = {}
    query = (
        ReminderLog.select(
            ReminderLog.task, ReminderLog.event, ReminderLog.scheduled_for, ReminderLog.detail
        )
        .where((ReminderLog.at >= since) & ReminderLog.task.is_null(False))
        .order_by(ReminderLog.id)
        .tuples()
    )
    # peewee's stubs type .tuples() as the model query itself; these are its rows.
    rows = cast("Iterable[tuple[int, str, datetime | None, str | None]]", query)
    for task_id, event, scheduled_for, detail in rows:
        # A shown row without its reminder time (a damaged database) has none to show
        # again; `recent` passes over it too.
        if event == SHOWN and scheduled_for is not None:
            pending[task_id] = (scheduled_for, detail)
        elif event in (ACKNOWLEDGED, SNOOZED):
            pending.pop(task_id, None)
    return [Shown(task_id, at, detail) for task_id, (at, detail) in pending.items()]


def record_shown(shown: Sequence[Shown], at: datetime, channel: str) -> None:
    """Log these reminders as shown at ``at`` through ``channel`` (inside the caller's
    transaction); every task must still exist."""
    rows = [
        {
            "task": s.task_id,
            "event": SHOWN,
            "at": at,
            "scheduled_for": s.scheduled_for,
            "channel": channel,
            "detail": s.detail,
        }
        for s in shown
    ]
    for start in range(0, len(rows), _CHUNK):
        ReminderLog.insert_many(rows[start : start + _CHUNK]).execute()


def record_answers(
    task_ids: Sequence[int], event: AnswerEvent, at: datetime, until: datetime | None = None
) -> None:
    """Log the user's answer to these tasks' reminders (inside the caller's transaction);
    each row names the reminder time of the task's last shown reminder, if any. Every
    task must still exist."""
    ids = list(task_ids)
    last_shown = dict(
        cast(
            "Iterable[tuple[int, datetime | None]]",
            ReminderLog.select(ReminderLog.task, ReminderLog.scheduled_for)
            .where((ReminderLog.event == SHOWN) & ReminderLog.task.in_(ids))
            .order_by(ReminderLog.id)
            .tuples(),
        )
    )
    ReminderLog.insert_many(
        [
            {
                "task": task_id,
                "event": event,
                "at": at,
                "scheduled_for": last_shown.get(task_id),
                "snooze_until": until,
            }
            for task_id in ids
        ]
    ).execute()


# -- the first digest of newly imported plans ----------------------------------------------


def plans_to_introduce(imported_since: datetime, leave_out_prefix: str = "") -> list[int]:
    """Plans imported since ``imported_since`` whose first digest ("新导入") is still to
    come; titles starting with ``leave_out_prefix`` (the sample) are left out.

    A plan is known by its id and its import time together: SQLite gives a deleted
    plan's id to the next one imported."""
    done = set()
    for (detail,) in DB.execute_sql(
        "SELECT detail FROM reminder_log WHERE event = ? AND task_id IS NULL", (INTRODUCED,)
    ):
        try:
            marker = json.loads(detail)
            done.add((int(marker["plan"]), str(marker.get("imported_at"))))
        except (TypeError, ValueError, KeyError):
            continue  # a row of another version: nothing to learn from it
    found = []
    for plan_id, imported_at, title in DB.execute_sql(
        "SELECT id, imported_at, title FROM plan WHERE imported_at >= ? ORDER BY id",
        (db_time(imported_since),),
    ):
        if leave_out_prefix and (title or "").startswith(leave_out_prefix):
            continue
        if (plan_id, str(imported_at)) not in done:
            found.append(plan_id)
    return found


def mark_introduced(plan_ids: Iterable[int], at: datetime) -> None:
    """Record that these plans' first digest was delivered (or had nothing to say)."""
    ids = list(plan_ids)
    if not ids:
        return
    imported = dict(
        DB.execute_sql(
            f"SELECT id, imported_at FROM plan WHERE id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
    )
    rows = [
        (INTRODUCED, db_time(at), json.dumps({"plan": p, "imported_at": str(imported[p])}))
        for p in ids
        if p in imported
    ]
    if rows:
        DB.execute_sql(
            "INSERT INTO reminder_log (event, at, detail) VALUES "
            + ",".join("(?, ?, ?)" for _ in rows),
            [value for row in rows for value in row],
        )
