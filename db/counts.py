"""Counting tasks without fetching them: per department × due month × state (the overview
grid and the department list's numbers) and per month × state (all departments)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from db.models import DB

# ``repository.task_state`` in SQL (the two must agree; ``tests/test_repository.py`` checks
# they do); parameters: today, soon, soon.
STATE_SQL = """CASE
    WHEN t.status IN ('done', 'cancelled') THEN t.status
    WHEN t.deadline_kind IN ('ongoing', 'recurring') THEN 'ongoing'
    WHEN t.due_date IS NULL THEN 'undated'
    WHEN t.due_date < ? THEN 'late'
    WHEN t.due_date <= ? AND t.status = 'not_started' THEN 'behind'
    WHEN t.due_date <= ? THEN 'due_soon'
    ELSE 'pending' END"""


@dataclass(frozen=True)
class CountRow:
    """``count`` tasks of ``department_id`` due in ``month`` in ``state``: its own and those
    of the collective owners it is a member of, each task once."""

    department_id: int
    month: str | None  # "YYYY-MM"; None for tasks without a due date
    state: str
    count: int
    named: bool = True  # some of these tasks name the department itself, not only its group


def month_counts(
    today: date,
    soon_until: date,
    plan_ids: Sequence[int] | None = None,
    year: int | None = None,
) -> list[CountRow]:
    """Task counts per department × due month × state.

    Every owner gets its rows, collective ones included (a group without known members is
    a row of its own); a member of a group (``group_member``) counts the group's tasks as
    its own, each task once however many ways it is the member's. ``year`` keeps only
    tasks due in that year (the grid of one year across plans).
    """
    where = ["t.archived_at IS NULL"]
    params: list[object] = [today.isoformat(), soon_until.isoformat(), soon_until.isoformat()]
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    if year is not None:
        where.append("t.due_date BETWEEN ? AND ?")
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    condition = " AND ".join(where)
    # Each task's month and state once, then its owners: the named ones and the members of
    # the named groups, each (task, department) pair one row.
    sql = (
        "WITH counted AS MATERIALIZED ("
        f"SELECT t.id, substr(t.due_date, 1, 7) AS month, {STATE_SQL} AS state "
        f"FROM task t WHERE {condition}), "
        "link AS (SELECT td.task_id, td.department_id FROM counted c "
        "JOIN task_department td ON td.task_id = c.id), "
        "owner AS (SELECT task_id, department_id, MAX(named) AS named FROM ("
        "SELECT task_id, department_id, 1 AS named FROM link UNION ALL "
        "SELECT l.task_id, g.member_id, 0 FROM link l "
        "JOIN group_member g ON g.group_id = l.department_id AND g.origin <> 'removed'"
        ") GROUP BY 1, 2) "
        "SELECT o.department_id, c.month, c.state, COUNT(*), MAX(o.named) "
        "FROM owner o JOIN counted c ON c.id = o.task_id GROUP BY 1, 2, 3"
    )
    return [CountRow(d, m, s, n, bool(named)) for d, m, s, n, named in DB.execute_sql(sql, params)]


def state_counts(
    today: date, soon_until: date, plan_ids: Sequence[int] | None = None
) -> dict[tuple[str | None, str], int]:
    """Distinct tasks per (due month, state): the totals of "all departments"."""
    where = ["t.archived_at IS NULL"]
    params: list[object] = [today.isoformat(), soon_until.isoformat(), soon_until.isoformat()]
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    sql = (
        f"SELECT substr(t.due_date, 1, 7), {STATE_SQL}, COUNT(*) FROM task t "
        f"WHERE {' AND '.join(where)} GROUP BY 1, 2"
    )
    return {(m, s): n for m, s, n in DB.execute_sql(sql, params)}
