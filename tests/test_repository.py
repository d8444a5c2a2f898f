"""The queries behind the window, the reminders and the command line, on the real 2024 plans."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from db import counts, repository
from db.models import DB, Plan, Task
from db.repository import task_state
from db.states import STATE_SQL, STATES, state_params
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock, new_storage


@pytest.fixture
def city(tmp_path: Path):
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    yield storage
    storage.close()


def _dept(name: str) -> int:
    found = repository.find_department(name)
    assert found is not None, name
    return found.id


def test_department_month_tasks_include_collective_ones(city) -> None:
    info = _dept("信息处")
    march = repository.department_month_tasks(info, 2024, 3)
    december = repository.department_month_tasks(info, 2024, 12)
    for rows, month in ((march, 3), (december, 12)):
        assert all(t.due is not None and (t.due.year, t.due.month) == (2024, month) for t in rows)
        assert all("信息处" in t.lead + t.responsible or t.collective for t in rows)
    assert any(t.collective and "信息处" not in t.lead + t.responsible for t in december)
    every_december = repository.tasks(due_from=date(2024, 12, 1), due_to=date(2024, 12, 31))
    expected = [t for t in every_december if "信息处" in t.lead + t.responsible or t.collective]
    assert [t.id for t in december] == [t.id for t in expected]


def test_month_counts_agree_with_the_rows(city) -> None:
    """Each department counts the tasks that name it and those of the groups it is in
    (各部门 and 各单位 take in everyone of the city bureau), each task once."""
    today, soon = date(2024, 3, 20), date(2024, 4, 3)
    first, second = repository.tasks()[:2]
    tasks.set_status(city, first.id, "done")
    tasks.set_status(city, second.id, "in_progress")
    found = counts.month_counts(today, soon)
    members = {d.id: d.members for d in repository.departments()}
    expected: dict[tuple[int, str | None, str], int] = {}
    for t in repository.tasks():
        month = t.due.strftime("%Y-%m") if t.due else None
        named = {_dept(name) for name in t.lead + t.responsible}
        owners = named | {m for d in named for m in members[d]}
        for department in owners:
            key = (department, month, t.state(today, soon))
            expected[key] = expected.get(key, 0) + 1
    assert {(c.department_id, c.month, c.state): c.count for c in found} == expected
    assert {c.state for c in found} >= {"done", "due_soon", "pending"}
    everyone = members[_dept("各部门")]
    assert len(everyone) > 20 and _dept("信息处") in everyone
    # 公证处 is named by one task of its own; six more it owes as one of 各部门/各单位
    notary = sum(c.count for c in found if c.department_id == _dept("公证处"))
    assert notary == 1 + 6


def test_overdue_and_due_soon(city) -> None:
    late = repository.overdue(date(2024, 4, 1))
    assert [t.due for t in late] == [date(2024, 3, 31)] * 3
    tasks.set_status(city, late[0].id, "done")
    assert len(repository.overdue(date(2024, 4, 1))) == 2
    calendar = WorkCalendar()
    # Ten working days from 2024-10-18 end on 11-01: October's two tasks, not November's.
    soon = tasks.due_within_workdays(date(2024, 10, 18), 10, calendar)
    assert [t.due for t in soon] == [date(2024, 10, 31)] * 2
    # From 09-20 the National Day holiday intervenes: ten working days end on 10-10.
    assert tasks.due_within_workdays(date(2024, 9, 20), 10, calendar) == []
    assert calendar.add_workdays(date(2024, 9, 20), 10) == date(2024, 10, 10)


def test_task_state_rules() -> None:
    today, soon = date(2024, 6, 1), date(2024, 6, 14)
    assert task_state("done", "month", date(2024, 1, 31), today, soon) == "done"
    assert task_state("not_started", "month", date(2024, 5, 31), today, soon) == "late"
    assert task_state("in_progress", "month", date(2024, 6, 14), today, soon) == "due_soon"
    assert task_state("not_started", "month", date(2024, 6, 14), today, soon) == "due_soon"
    assert task_state("not_started", "month", date(2024, 6, 30), today, soon) == "lagging"
    assert task_state("not_started", "month", date(2024, 12, 31), today, soon) == "pending"
    assert task_state("not_started", "ongoing", None, today, soon) == "ongoing"
    assert task_state("not_started", "none", None, today, soon) == "undated"


def _sql_states(today: date, soon: date) -> dict[int, str]:
    """Every current task's state as ``STATE_SQL`` says it."""
    sql = f"SELECT t.id, {STATE_SQL} FROM task t WHERE t.archived_at IS NULL"
    return dict(DB.execute_sql(sql, state_params(today, soon)).fetchall())


def test_python_and_sql_agree_on_every_state(tmp_path: Path) -> None:
    """Both plans, on days that reach each rule: notes at the end of last month and on the
    first of this one, a passed milestone, a plan without an issue date (its year's 1
    January), then without a year either (the due date's)."""
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    city, district = sorted(repository.plans(), key=lambda p: p.tasks)
    assert district.issued_on == date(2024, 2, 22)
    december = [t for t in repository.tasks(plan_ids=[district.id]) if t.due == date(2024, 12, 31)]
    noted_first, noted_before, milestone, done, cancelled, undated = december[:6]
    Task.update(milestones=["2024-04-30", "2024-12-31"]).where(Task.id == milestone.id).execute()
    Task.update(due_date=None, deadline_kind="none").where(Task.id == undated.id).execute()
    next_year = repository.tasks(plan_ids=[city.id])[-1]  # due in January 2025
    Task.update(due_date=date(2025, 1, 31)).where(Task.id == next_year.id).execute()
    clock = storage.clock
    assert isinstance(clock, FakeClock)
    clock.set(datetime(2024, 7, 31, 23, 59, 58))
    tasks.add_note(storage, noted_before.id, "已报送材料")  # at 23:59:59 of 31 July
    clock.set(datetime(2024, 7, 31, 23, 59, 59))
    tasks.add_note(storage, noted_first.id, "已召开会议")  # at 00:00:00 of 1 August
    tasks.set_status(storage, done.id, "done")
    tasks.set_status(storage, cancelled.id, "cancelled")
    days = (
        date(2024, 3, 20),
        date(2024, 4, 30),  # the milestone's day: not passed yet
        date(2024, 5, 6),
        date(2024, 7, 15),
        date(2024, 8, 15),
    )
    seen: set[str] = set()
    lagging_in_may = []
    for issued_on, year in ((city.issued_on, 2024), (None, 2023), (None, None)):
        Plan.update(issued_on=issued_on, year=year).where(Plan.id == city.id).execute()
        for today in days:
            soon = date.fromordinal(today.toordinal() + 14)
            python = {t.id: t.state(today, soon) for t in repository.tasks()}
            assert _sql_states(today, soon) == python, (issued_on, year, today)
            seen |= set(python.values())
            if today.month == 5:
                lagging_in_may.append(sum(s == "lagging" for s in python.values()))
    assert seen == set(STATES)
    # From 1 January 2023 the city's December tasks are past half by May; from 2024's, not.
    assert lagging_in_may[1] > lagging_in_may[2]
    august = _sql_states(date(2024, 8, 15), date(2024, 8, 29))
    assert (august[noted_first.id], august[noted_before.id]) == ("pending", "lagging")
    may = _sql_states(date(2024, 5, 6), date(2024, 5, 20))
    assert (may[milestone.id], may[noted_first.id]) == ("lagging", "pending")
    assert _sql_states(date(2024, 4, 30), date(2024, 5, 14))[milestone.id] == "pending"
    # Without a year, January 2025's task starts its period on 1 January 2025.
    assert august[next_year.id] == "pending"
    storage.close()


def test_workdays_follow_the_official_calendar() -> None:
    calendar = WorkCalendar()
    assert not calendar.is_workday(date(2024, 10, 1))
    assert calendar.is_workday(date(2024, 10, 12))  # make-up Saturday
    assert calendar.add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert calendar.last_workday_on_or_before(date(2024, 6, 30)) == date(2024, 6, 28)
    assert WorkCalendar().covers(2024)
    assert not WorkCalendar().covers(2099)
    assert calendar.is_workday(date(2099, 6, 1)) and not calendar.is_workday(date(2099, 6, 6))
    own = WorkCalendar(extra_holidays=[date(2024, 6, 28)])
    assert own.last_workday_on_or_before(date(2024, 6, 30)) == date(2024, 6, 27)
    assert calendar.workdays_between(date(2024, 9, 27), date(2024, 10, 8)) == 3


def test_two_plans_in_one_database(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    plans = repository.plans()
    assert sorted(p.tasks for p in plans) == [33, 89]
    assert len(repository.tasks(plan_ids=[plans[0].id])) == plans[0].tasks


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31), date(1999, 12, 31)])
def test_a_date_no_plan_can_have_is_refused_and_nothing_is_recorded(
    tmp_path: Path, day: date
) -> None:
    """A completion date or a corrected deadline in year 0001 or 9999 (a typo in a date
    field) is refused with a message; the task keeps what it had."""
    from desktop_app.services.errors import ServiceError

    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    task = repository.tasks()[0]
    with pytest.raises(ServiceError) as done:
        tasks.set_status(storage, task.id, "done", completed_on=day)
    with pytest.raises(ServiceError) as corrected:
        tasks.correct_deadline(storage, task.id, day)
    assert {done.value.code, corrected.value.code} == {"date_out_of_range"}
    assert "2000 至 2100" in done.value.message_zh
    after = repository.task(task.id)
    assert (after.status, after.due, after.deadline_corrected) == (
        task.status,
        task.due,
        task.deadline_corrected,
    )
