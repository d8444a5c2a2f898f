"""The window's filters by state: the state entries of the status filter (逾期, 临近到期,
未达序时进度) and the quick filters (本月到期, 逾期, 未达序时进度), as what they keep of a
plan's task rows and of its counts. Pure: no Qt, no queries."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from db.counts import CountRow
from db.repository import TaskRow

# One at a time: 本月到期 (due in today's month, whatever their state), 逾期, 未达序时进度.
QUICK_FILTERS = ("due_this_month", "late", "lagging")


def _month(today: date) -> str:
    return today.strftime("%Y-%m")


def narrow_tasks(
    rows: Sequence[TaskRow],
    today: date,
    soon_until: date,
    states: Collection[str] | None = None,
    quick: str | None = None,
) -> list[TaskRow]:
    """The rows in one of ``states`` (None: any) that the quick filter keeps (None: all)."""
    if states is None and quick is None:
        return list(rows)
    month = (today.year, today.month)
    kept = []
    for t in rows:
        state = t.state(today, soon_until)
        if states is not None and state not in states:
            continue
        if quick == "due_this_month":
            if t.due is None or (t.due.year, t.due.month) != month:
                continue
        elif quick is not None and state != quick:
            continue
        kept.append(t)
    return kept


def narrow_counts(rows: Sequence[CountRow], today: date, quick: str | None) -> list[CountRow]:
    """The counts of what the quick filter keeps: the overview of those tasks only."""
    if quick is None:
        return list(rows)
    if quick == "due_this_month":
        month = _month(today)
        return [c for c in rows if c.month == month]
    return [c for c in rows if c.state == quick]
