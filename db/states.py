"""How a task stands on a day (逾期, 临近到期, 未达序时进度…): the rule written once in Python
(``task_state``) and once in SQL (``STATE_SQL``, for the counts), side by side so that they
change together; ``tests/test_repository.py`` checks that they agree.

The first rule that applies decides (the precedence):

1. ``done``, ``cancelled``: the status says so.
2. ``ongoing``: a deadline of the kind 持续推进 or 每月/每季度 has no single due date.
3. ``undated``: no due date.
4. ``late`` (逾期, red): due before today.
5. ``due_soon`` (临近到期, blue): due by ``soon_until`` (the reminders' lead time), started or
   not: the 状态 column says 未开始.
6. ``lagging`` (未达序时进度, yellow): more than ``PERIOD_SHARE`` of the task's period gone (from
   the plan's start to its due date), or one of its milestones passed, and no progress note
   since the first of today's month.
7. ``pending``: due later, on schedule.

``today`` is always given, never read from the clock here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

STATES = ("done", "cancelled", "ongoing", "undated", "late", "due_soon", "lagging", "pending")
ONGOING_KINDS = ("ongoing", "recurring")

# 序时进度: past this share of its period a task is expected to report progress every month.
PERIOD_SHARE = Fraction(1, 2)


def plan_start(issued_on: date | None, year: int | None) -> date | None:
    """Where a plan's period begins: its date of issue, else 1 January of its year (None:
    neither is known)."""
    if issued_on is not None:
        return issued_on
    return date(year, 1, 1) if year is not None else None


def period_start(start: date | None, due: date) -> date:
    """Where a task's period begins: its plan's start, else 1 January of the year it is due."""
    return start if start is not None else date(due.year, 1, 1)


def month_start(today: date) -> date:
    return today.replace(day=1)


def lags_behind(
    due: date,
    start: date,
    milestones: Sequence[date],
    last_note: date | None,
    today: date,
) -> bool:
    """Whether a task not yet due is behind its time-proportional progress (序时进度).

    More than ``PERIOD_SHARE`` of the days from ``start`` to ``due`` have gone (exactly half
    is still on schedule), or a milestone lies before today; and the newest progress note
    (``last_note``, its day) is older than the first of today's month.
    """
    elapsed, length = (today - start).days, (due - start).days
    past_share = elapsed * PERIOD_SHARE.denominator > length * PERIOD_SHARE.numerator
    if not past_share and not any(m < today for m in milestones):
        return False
    return last_note is None or last_note < month_start(today)


def task_state(
    status: str,
    kind: str,
    due: date | None,
    today: date,
    soon_until: date,
    *,
    start: date | None = None,
    milestones: Sequence[date] = (),
    last_note: date | None = None,
) -> str:
    """One of ``STATES``: how a task stands on ``today`` (the order above).

    ``start`` is the plan's start (``plan_start``; None: 1 January of the year the task is
    due in), ``last_note`` the day of the task's newest progress note.
    """
    if status in ("done", "cancelled"):
        return status
    if kind in ONGOING_KINDS:
        return "ongoing"
    if due is None:
        return "undated"
    if due < today:
        return "late"
    if due <= soon_until:
        return "due_soon"
    if lags_behind(due, period_start(start, due), milestones, last_note, today):
        return "lagging"
    return "pending"


# ``plan_start`` of the plan of a task ``t`` (NULL when neither date nor year is known).
_PLAN_START = (
    "(SELECT COALESCE(p.issued_on, CASE WHEN p.year IS NOT NULL "
    "THEN printf('%04d-01-01', p.year) END) FROM plan p WHERE p.id = t.plan_id)"
)
# ``task_state`` in SQL over ``task t``; its parameters are ``state_params``. Without a plan
# start the period begins on 1 January of the due date's year. A note counts from the first of
# the month by a text compare on the stored time ('2024-06-01 00:00:00' >= '2024-06-01').
# More than the share of the period gone, (today - start) * d > (due - start) * n for the share
# n/d, is written today * d - due * n > start * (d - n): the start (a lookup of the plan) is
# read once. Days at midnight are whole julian days plus one half: the products are exact.
_START = f"COALESCE({_PLAN_START}, substr(t.due_date, 1, 4) || '-01-01')"
_SHARE = PERIOD_SHARE
STATE_SQL = f"""CASE
    WHEN t.status IN ('done', 'cancelled') THEN t.status
    WHEN t.deadline_kind IN ('ongoing', 'recurring') THEN 'ongoing'
    WHEN t.due_date IS NULL THEN 'undated'
    WHEN t.due_date < ? THEN 'late'
    WHEN t.due_date <= ? THEN 'due_soon'
    WHEN (julianday(?) * {_SHARE.denominator} - julianday(t.due_date) * {_SHARE.numerator}
            > julianday({_START}) * {_SHARE.denominator - _SHARE.numerator}
          OR (t.milestones <> '[]'
              AND EXISTS (SELECT 1 FROM json_each(t.milestones) WHERE value < ?)))
        AND NOT EXISTS (SELECT 1 FROM progress_note n
                        WHERE n.task_id = t.id AND n.created_at >= ?)
        THEN 'lagging'
    ELSE 'pending' END"""


def state_params(today: date, soon_until: date) -> list[object]:
    """The parameters of ``STATE_SQL``, in the order its placeholders come."""
    day = today.isoformat()
    return [day, soon_until.isoformat(), day, day, month_start(today).isoformat()]
