"""Counting tasks without fetching them: per department × due month × state (the overview
grid and the department list's numbers) and per month × state (all departments)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from db import states
from db.models import DB

# ``repository.task_state`` in SQL (both in db/states.py; ``tests/test_repository.py`` checks
# they agree); its parameters come first: ``state_params(today, soon_until)``.
STATE_SQL = states.STATE_SQL


@dataclass(frozen=True)
class CountRow:
    """``count`` tasks of ``department_id`` due in ``month`` in ``state``.

    ``shared``: the counted tasks also have a collective owner (各部门, 各科室…). Rows
    with ``department_id`` None count those shared tasks once each: what every
    department owes besides its own.
    """

    department_id: int | None
    month: str | None  # "YYYY-MM"; None for tasks without a due date
    state: str
    count: int
    shared: bool = False


def month_counts(
    today: date,
    soon_until: date,
    plan_ids: Sequence[int] | None = None,
    year: int | None = None,
) -> list[CountRow]:
    """Task counts per department × due month × state, and the shared tasks once.

    Every owner, collective ones included, gets its rows, split by whether the tasks
    also have a collective owner (``shared``); rows with department None count each
    task that has a collective owner once. A department's own tasks are then its
    unshared rows plus the None rows, each task once. ``year`` keeps only tasks due
    in that year (the grid of one year across plans).
    """
    where = ["t.archived_at IS NULL"]
    params: list[object] = states.state_params(today, soon_until)
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    if year is not None:
        where.append("t.due_date BETWEEN ? AND ?")
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    condition = " AND ".join(where)
    # Each task once (its month, state, and whether it has a collective owner, found
    # through the (department, task) index), then joined to its owners: a third faster
    # than asking "shared?" for every task × owner row.
    sql = (
        "WITH counted AS MATERIALIZED ("
        f"SELECT t.id, substr(t.due_date, 1, 7) AS month, {STATE_SQL} AS state, "
        "t.id IN (SELECT task_id FROM task_department WHERE department_id IN "
        "(SELECT id FROM department WHERE collective)) AS shared "
        f"FROM task t WHERE {condition}) "
        "SELECT td.department_id, c.month, c.state, c.shared, COUNT(DISTINCT c.id) "
        "FROM counted c CROSS JOIN task_department td ON td.task_id = c.id GROUP BY 1, 2, 3, 4 "
        "UNION ALL SELECT NULL, month, state, 1, COUNT(*) FROM counted WHERE shared "
        "GROUP BY 2, 3"
    )
    return [
        CountRow(d, m, s, n, bool(shared)) for d, m, s, shared, n in DB.execute_sql(sql, params)
    ]


def state_counts(
    today: date, soon_until: date, plan_ids: Sequence[int] | None = None
) -> dict[tuple[str | None, str], int]:
    """Distinct tasks per (due month, state): the totals of "all departments"."""
    where = ["t.archived_at IS NULL"]
    params: list[object] = states.state_params(today, soon_until)
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    sql = (
        f"SELECT substr(t.due_date, 1, 7), {STATE_SQL}, COUNT(*) FROM task t "
        f"WHERE {' AND '.join(where)} GROUP BY 1, 2"
    )
    return {(m, s): n for m, s, n in DB.execute_sql(sql, params)}
