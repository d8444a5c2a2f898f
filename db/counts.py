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
    params: list[object] = states.state_params(today, soon_until)
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    if year is not None:
        where.append("t.due_date BETWEEN ? AND ?")
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    condition = " AND ".join(where)
    # Each task's month and state once (whether it names a group found through the
    # (department, task) index); the named owners counted in SQL, each task once per
    # department; the tasks that name a group listed with their owners, whose members are
    # added below. Expanding the groups in SQL instead (a UNION of every task × member)
    # takes twice as long at 50,000 tasks.
    sql = (
        "WITH counted AS MATERIALIZED ("
        f"SELECT t.id, substr(t.due_date, 1, 7) AS month, {STATE_SQL} AS state, "
        "t.id IN (SELECT task_id FROM task_department WHERE department_id IN "
        "(SELECT group_id FROM group_member)) AS grouped "
        f"FROM task t WHERE {condition}) "
        "SELECT td.department_id, c.month, c.state, COUNT(DISTINCT c.id), NULL "
        "FROM counted c CROSS JOIN task_department td ON td.task_id = c.id GROUP BY 1, 2, 3 "
        "UNION ALL SELECT c.id, c.month, c.state, NULL, td.department_id "
        "FROM counted c CROSS JOIN task_department td ON td.task_id = c.id WHERE c.grouped"
    )
    members: dict[int, set[int]] = {}
    for group_id, member_id in DB.execute_sql(
        "SELECT group_id, member_id FROM group_member WHERE origin <> 'removed'"
    ):
        members.setdefault(group_id, set()).add(member_id)
    cells: dict[tuple[int, str | None, str], list[int]] = {}  # -> [count, named]
    grouped: dict[int, tuple[str | None, str, set[int]]] = {}
    for first, month, state, count, owner in DB.execute_sql(sql, params):
        if count is not None:  # first: a department
            cells[(first, month, state)] = [count, 1]
        else:  # first: a task naming a group, owner: one of its owners
            grouped.setdefault(first, (month, state, set()))[2].add(owner)
    # Tasks that name the same groups in the same month and state add alike to every member;
    # a member the task also names was counted already and is taken off again.
    alike: dict[tuple[str | None, str, frozenset[int]], int] = {}
    union: dict[frozenset[int], set[int]] = {}
    for month, state, named in grouped.values():
        groups = frozenset(d for d in named if d in members)
        key = (month, state, groups)
        alike[key] = alike.get(key, 0) + 1
        if groups not in union:
            union[groups] = set().union(*(members[g] for g in groups))
        for department_id in named & union[groups]:
            cells[(department_id, month, state)][0] -= 1
    for (month, state, groups), n in alike.items():
        for department_id in union[groups]:
            cell = cells.setdefault((department_id, month, state), [0, 0])
            cell[0] += n
    return [CountRow(d, m, s, n, bool(named)) for (d, m, s), (n, named) in cells.items()]


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
