"""What the window shows at a glance, computed from query rows: department summaries, the
department × month grid, and a department's tasks grouped by month. Pure: no Qt, no queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from db.counts import CountRow
from db.repository import DepartmentRow, TaskRow

# Worst first: the colour of a cell or a department's dot is its worst state. Falling behind
# the schedule (未达序时进度) asks for action; being due soon (临近到期) is a notice.
SEVERITY = ("late", "lagging", "due_soon", "pending", "undated", "ongoing", "done", "cancelled")
OPEN_STATES = ("late", "lagging", "due_soon", "pending")


def worst(states: Iterable[str]) -> str | None:
    found = set(states)
    return next((s for s in SEVERITY if s in found), None)


@dataclass(frozen=True)
class DepartmentSummary:
    id: int
    name: str
    collective: bool
    mine: bool
    due_this_month: int  # open tasks due in the current month
    late: int
    total: int
    worst: str | None


@dataclass(frozen=True)
class Totals:
    """Distinct tasks of the whole plan (a task shared by three departments counts once)."""

    due_this_month: int
    late: int
    total: int
    lagging: int = 0  # 未达序时进度


def plan_totals(counts: dict[tuple[str | None, str], int], today: date) -> Totals:
    month = today.strftime("%Y-%m")
    return Totals(
        due_this_month=sum(n for (m, s), n in counts.items() if m == month and s in OPEN_STATES),
        late=sum(n for (_m, s), n in counts.items() if s == "late"),
        total=sum(counts.values()),
        lagging=sum(n for (_m, s), n in counts.items() if s == "lagging"),
    )


@dataclass
class Cell:
    count: int = 0
    states: dict[str, int] = field(default_factory=dict)

    @property
    def worst(self) -> str | None:
        return worst(self.states)


@dataclass(frozen=True)
class OverviewGrid:
    """Departments × months of one year; ``cells[row][month - 1]``."""

    year: int
    departments: tuple[DepartmentSummary, ...]
    cells: tuple[tuple[Cell, ...], ...]


def _per_department(
    counts: Sequence[CountRow], departments: Sequence[DepartmentRow], mine: set[int]
) -> dict[int, list[CountRow]]:
    """Counts of each department the counted plan names, and of mine among ``departments``.

    A collective owner with known members gets no entry (its tasks are its members'); one
    without is a row of its own. A department named only by other plans (last year's, say)
    is not made part of this one by a group's task.
    """
    named = {c.department_id for c in counts if c.named}
    per: dict[int, list[CountRow]] = {}
    for c in counts:
        per.setdefault(c.department_id, []).append(c)
    return {
        d.id: per.get(d.id, [])
        for d in departments
        if not (d.collective and d.members) and (d.id in named or d.id in mine)
    }


def department_summaries(
    counts: Sequence[CountRow],
    departments: Sequence[DepartmentRow],
    mine: Iterable[int],
    today: date,
) -> list[DepartmentSummary]:
    """One line per department the plan concerns, and per department of mine, for the left
    list: mine first, then by name; each task counted once for each department it concerns."""
    mine = set(mine)
    month = today.strftime("%Y-%m")
    per = _per_department(counts, departments, mine)
    rows = [
        DepartmentSummary(
            id=d.id,
            name=d.name,
            collective=d.collective,
            mine=d.id in mine,
            due_this_month=sum(
                c.count for c in per[d.id] if c.month == month and c.state in OPEN_STATES
            ),
            late=sum(c.count for c in per[d.id] if c.state == "late"),
            total=sum(c.count for c in per[d.id]),
            worst=worst(c.state for c in per[d.id]),
        )
        for d in departments
        if d.id in per
    ]
    rows.sort(key=lambda r: (not r.mine, r.name))
    return rows


def overview_grid(
    counts: Sequence[CountRow],
    departments: Sequence[DepartmentRow],
    mine: Iterable[int],
    today: date,
    year: int,
) -> OverviewGrid:
    """The department × month grid of ``year``: the rows of the department list."""
    mine = set(mine)
    summaries = department_summaries(counts, departments, mine, today)
    per = _per_department(counts, departments, mine)
    prefix = f"{year:04d}-"
    cells = []
    for s in summaries:
        row = [Cell() for _ in range(12)]
        for c in per.get(s.id, []):
            if c.month is None or not c.month.startswith(prefix):
                continue
            cell = row[int(c.month[5:7]) - 1]
            cell.count += c.count
            cell.states[c.state] = cell.states.get(c.state, 0) + c.count
        cells.append(tuple(row))
    return OverviewGrid(year, tuple(summaries), tuple(cells))


@dataclass(frozen=True)
class TaskGroup:
    key: str  # "late", "2024-03", "ongoing", "undated"
    month: int | None
    tasks: tuple[TaskRow, ...]


def group_by_month(
    rows: Sequence[TaskRow], today: date, soon_until: date, year: int | None
) -> list[TaskGroup]:
    """Late tasks on top, then January to December, then ongoing and undated work.

    Within a month late tasks come first. A late task is listed both on top and
    in its month.
    """
    late = [t for t in rows if t.state(today, soon_until) == "late"]
    groups = [TaskGroup("late", None, tuple(late))] if late else []
    by_month: dict[int, list[TaskRow]] = {m: [] for m in range(1, 13)}
    ongoing, undated, other_years = [], [], []
    for t in rows:
        if t.deadline_kind in ("ongoing", "recurring") and t.due is None:
            ongoing.append(t)
        elif t.due is None:
            undated.append(t)
        elif year is not None and t.due.year != year:
            other_years.append(t)
        else:
            by_month[t.due.month].append(t)
    for month, tasks in by_month.items():
        # Late first, then by date; the same date keeps the document's order (the rows come
        # in it), not the labels' text order, which puts 10 before 9.
        tasks.sort(key=lambda t: (t.state(today, soon_until) != "late", t.due))
        key = f"{year:04d}-{month:02d}" if year else f"{month:02d}"
        groups.append(TaskGroup(key, month, tuple(tasks)))
    if other_years:
        groups.append(TaskGroup("other_years", None, tuple(other_years)))
    if ongoing:
        groups.append(TaskGroup("ongoing", None, tuple(ongoing)))
    if undated:
        groups.append(TaskGroup("undated", None, tuple(undated)))
    return groups


def late_and_this_month(rows: Sequence[TaskRow], today: date, soon_until: date) -> list[TaskGroup]:
    """我的本月任务: the late tasks on top, then those due in today's month (late first, then
    by date), each group only when it has tasks. A task due earlier this month and not done
    is in both, as in the month view."""
    late = [t for t in rows if t.state(today, soon_until) == "late"]
    month = [
        t
        for t in rows
        if t.due is not None and (t.due.year, t.due.month) == (today.year, today.month)
    ]
    month.sort(key=lambda t: (t.state(today, soon_until) != "late", t.due))
    groups = []
    if late:
        groups.append(TaskGroup("late", None, tuple(late)))
    if month:
        groups.append(TaskGroup(f"{today:%Y-%m}", today.month, tuple(month)))
    return groups
