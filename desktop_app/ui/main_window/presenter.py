"""What the main window shows, read from the database: the one module of the window that
calls ``db.repository`` and the services. It hands the window plain rows and counts.

Imported when the database is open (after the first paint), never at start-up; the
parser and the importer only when a plan is imported or deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from db import counts, repository
from db.connection import Storage
from db.counts import CountRow
from db.repository import DepartmentRow, PlanRow, TaskRow
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.paths import SAMPLE_PREFIX
from desktop_app.services import departments, holidays, settings, task_filters, tasks
from desktop_app.services.overview import (
    DepartmentSummary,
    OverviewGrid,
    TaskGroup,
    Totals,
    department_summaries,
    group_by_month,
    late_and_this_month,
    overview_grid,
    plan_totals,
)
from desktop_app.services.tasks import Marking as Marking

OPEN_STATUSES = ("not_started", "in_progress")


def work_calendar() -> WorkCalendar:
    """The working days in force: imported holiday notices, bundled data, my extra days off."""
    return holidays.work_calendar()


def missing_holiday_year(today: date, calendar: WorkCalendar | None) -> int | None:
    """Next year, from 1 November while its holiday arrangement is unknown."""
    return holidays.missing_next_year(today, calendar or holidays.work_calendar())


SEARCH_LIMIT = 100_000


@dataclass(frozen=True)
class Counted:
    """A plan's month counts, the departments and my departments: read once for the
    department list and the overview grid, which show the same numbers."""

    months: list[CountRow]
    departments: list[DepartmentRow]
    mine: list[int]


@dataclass(frozen=True)
class DepartmentView:
    counted: Counted
    rows: list[DepartmentSummary]
    totals: Totals
    due: int  # open tasks due this month: mine when I have departments, else the plan's
    late: int
    lagging: int  # 未达序时进度, of the same tasks


@dataclass(frozen=True)
class MonthView:
    groups: list[TaskGroup]
    matched: int  # tasks shown: in the filters, and found by the search if there is one
    found_in_plan: int | None  # with a search: how many tasks of the whole plan match


def plans_list() -> list[PlanRow]:
    return repository.plans()


def plan(plan_id: int) -> PlanRow | None:
    return next((p for p in repository.plans() if p.id == plan_id), None)


def section_titles(plan_id: int) -> dict[str, str]:
    return repository.section_titles(plan_id)


def my_department_ids() -> list[int]:
    return departments.my_department_ids()


def bureau(plan_id: int) -> str:
    return departments.plan_bureau(plan_id)


def new_bureau_without_mine(plan_id: int | None) -> bool:
    """Whether ``plan_id`` is the first plan of its bureau while my departments are all of
    other bureaus (so the liaison is asked which of this one's are theirs)."""
    mine = departments.my_department_ids()
    if plan_id is None or not mine:
        return False
    name = departments.plan_bureau(plan_id)
    others = [p.id for p in repository.plans() if p.id != plan_id]
    if any(departments.plan_bureau(p) == name for p in others):
        return False
    return not any(d.id in mine for d in repository.departments(with_counts=False, bureau=name))


def department_view(plan_id: int, today: date, soon: date) -> DepartmentView:
    here = repository.departments(with_counts=False, bureau=departments.plan_bureau(plan_id))
    ids = {d.id for d in here}
    mine = [i for i in departments.my_department_ids() if i in ids]  # of this plan's bureau
    counted = Counted(counts.month_counts(today, soon, plan_ids=[plan_id]), here, mine)
    rows = department_summaries(counted.months, counted.departments, counted.mine, today)
    totals = plan_totals(counts.state_counts(today, soon, plan_ids=[plan_id]), today)
    due, late, lagging = totals.due_this_month, totals.late, totals.lagging
    if mine:  # my departments' tasks, each counted once
        own = repository.tasks(plan_ids=[plan_id], department_ids=mine, statuses=OPEN_STATUSES)
        month = (today.year, today.month)
        due = sum(1 for t in own if t.due and (t.due.year, t.due.month) == month)
        late = sum(1 for t in own if t.due and t.due < today)
        lagging = sum(1 for t in own if t.state(today, soon) == "lagging")
    return DepartmentView(counted, rows, totals, due, late, lagging)


def month_view(
    filters: dict[str, Any],
    query: str,
    plan_id: int,
    today: date,
    soon: date,
    plan_year: int | None,
    states: tuple[str, ...] | None = None,
    quick: str | None = None,
    *,
    all_plans: bool = False,
) -> MonthView:
    """The filtered tasks grouped by month, narrowed to ``states`` and by the quick filter;
    with a search or a quick filter, only the groups that have some of them. ``all_plans``
    (with a search): what it finds in every plan, of any department, in the status filter."""
    found_in_plan = None
    if query and all_plans:
        found_rows = repository.search(query, limit=SEARCH_LIMIT)
        statuses = filters.get("statuses")
        kept = [t for t in found_rows if statuses is None or t.status in statuses]
        rows = task_filters.narrow_tasks(kept, today, soon, states, quick)
        found_in_plan = len(found_rows)
    else:
        rows = task_filters.narrow_tasks(repository.tasks(**filters), today, soon, states, quick)
    if query and not all_plans:
        found = {t.id for t in repository.search(query, plan_ids=[plan_id], limit=SEARCH_LIMIT)}
        rows = [t for t in rows if t.id in found]
        found_in_plan = len(found)
    groups = group_by_month(rows, today, soon, plan_year)
    if query or quick:
        groups = [g for g in groups if g.tasks]
    return MonthView(groups, len(rows), found_in_plan)


def overview(counted: Counted, today: date, year: int, quick: str | None = None) -> OverviewGrid:
    """The department × month grid, of the tasks the quick filter keeps."""
    months = task_filters.narrow_counts(counted.months, today, quick)
    return overview_grid(months, counted.departments, counted.mine, today, year)


def task(task_id: int) -> TaskRow | None:
    return repository.task(task_id)


@dataclass(frozen=True)
class MyMonth:
    """我的本月任务: my departments' open tasks due this month or late, of every plan."""

    groups: list[TaskGroup]  # 逾期, this month (those that have tasks)
    departments: list[tuple[str, str]]  # my departments: (name, bureau)
    due: int  # of the tasks shown: due this month
    late: int
    plans: int  # how many plans they come from


def my_month(
    today: date,
    soon: date,
    *,
    role: str | None = None,
    statuses: tuple[str, ...] | None = None,
    states: tuple[str, ...] | None = None,
    quick: str | None = None,
    query: str = "",
) -> MyMonth:
    """My departments' open tasks (in ``statuses`` of them, in ``role``) due in today's month
    or late, narrowed as the month view is; none when no department is mine."""
    mine = departments.my_department_ids()
    if not mine:
        return MyMonth([], [], 0, 0, 0)
    chosen = {d.id: d for d in repository.departments(with_counts=False)}
    names = [(chosen[i].name, chosen[i].bureau) for i in mine if i in chosen]
    wanted = tuple(s for s in statuses or OPEN_STATUSES if s in OPEN_STATUSES)
    rows = repository.tasks(department_ids=mine, role=role, statuses=wanted)
    rows = task_filters.narrow_tasks(rows, today, soon, states, quick)
    if query:
        found = {t.id for t in repository.search(query, limit=SEARCH_LIMIT)}
        rows = [t for t in rows if t.id in found]
    groups = late_and_this_month(rows, today, soon)
    shown = {t.id: t for g in groups for t in g.tasks}
    month = (today.year, today.month)
    due = sum(1 for t in shown.values() if t.due and (t.due.year, t.due.month) == month)
    late = sum(1 for t in shown.values() if t.state(today, soon) == "late")
    plans = len({t.plan_id for t in shown.values()})
    return MyMonth(groups, names, due, late, plans)


def mark_statuses(storage: Storage, task_ids: list[int], status: str) -> tasks.Marking:
    """``set_statuses``, remembered for 撤销 (``services/tasks.mark_statuses``)."""
    return tasks.mark_statuses(storage, task_ids, status)


def undo_statuses(storage: Storage, marking: tasks.Marking) -> list[int]:
    """That change taken back where nothing changed since (``services/tasks.undo_statuses``)."""
    return tasks.undo_statuses(storage, marking)


def sample_beside(plan_id: int | None) -> PlanRow | None:
    """The bundled sample plan, when a plan other than ``plan_id`` is one."""
    return next(
        (
            p
            for p in repository.plans()
            if p.id != plan_id and (p.title or "").startswith(SAMPLE_PREFIX)
        ),
        None,
    )


def import_sample(storage: Storage, today: date) -> int | None:
    """The sample plan imported, moved to this year: its id."""
    from desktop_app.services import plans  # the parser loads when it is needed

    return plans.import_sample(storage, today).plan_id


def delete_plan(storage: Storage, plan_id: int) -> None:
    from desktop_app.services import plans

    plans.delete_plan(storage, plan_id)


def paused_until() -> datetime | None:
    return settings.reminder_settings().paused_until


def save_pause(storage: Storage, until: datetime | None) -> None:
    settings.save_reminder_settings(
        storage, replace(settings.reminder_settings(), paused_until=until)
    )
