"""The reminder policy over a simulated 2024 with the district plan 003 (89 tasks) imported.

Pure: the tasks are read once, then changed as values (``dataclasses.replace``);
the calendar is the real one (statutory holidays and make-up working days).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from db import repository
from db.repository import TaskRow
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.reminders.policy import (
    Notification,
    Snooze,
    catch_up,
    next_time,
    reminder_points,
    schedule,
    snooze_times,
)
from desktop_app.services.importer import import_file
from desktop_app.services.settings import DEFAULTS
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage

CAL = WorkCalendar()
YEAR = (datetime(2024, 1, 1), datetime(2025, 1, 1))
QUARTER_ENDS = (date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30), date(2024, 12, 31))


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[TaskRow]:
    storage = new_storage(tmp_path_factory.mktemp("plan003"), datetime(2024, 1, 2, 9))
    try:
        import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
        return repository.tasks()
    finally:
        storage.close()


@pytest.fixture(scope="module")
def year(rows: list[TaskRow]) -> list[Notification]:
    return schedule(rows, DEFAULTS, CAL, *YEAR)


def _days_by_task(notifications: list[Notification]) -> dict[int, set[date]]:
    days: dict[int, set[date]] = defaultdict(set)
    for n in notifications:
        for task_id in n.task_ids:
            days[task_id].add(n.at.date())
    return days


def _ids(notifications: list[Notification]) -> set[int]:
    return {task_id for n in notifications for task_id in n.task_ids}


def test_every_task_due_from_march_is_reminded_ahead_and_on_its_last_working_day(
    rows: list[TaskRow], year: list[Notification]
) -> None:
    assert len(rows) == 89
    days = _days_by_task(year)
    due_from_march = [t for t in rows if t.due is not None and t.due >= date(2024, 3, 1)]
    assert len(due_from_march) == 80
    for task in due_from_march:
        last = CAL.last_workday_on_or_before(task.due)
        assert last in days[task.id], (task.id, task.due)
        # 10, 5 and 1 working days before the deadline's last working day, and on it.
        for lead in (10, 5, 1):
            assert CAL.add_workdays(last, -lead) in days[task.id], (task.id, lead)
        assert any(CAL.workdays_between(d, last) >= 5 for d in days[task.id])
    # A month-end on a Sunday: the last working day is the Friday before.
    march = [t for t in due_from_march if t.due == date(2024, 3, 31)]
    assert march and all(date(2024, 3, 29) in days[t.id] for t in march)


def test_only_working_days_at_the_chosen_time_and_one_digest_a_day(
    year: list[Notification],
) -> None:
    assert year
    assert all(CAL.is_workday(n.at.date()) for n in year)
    assert all(n.at.time() == time(9, 0) for n in year)
    assert not [n for n in year if date(2024, 10, 1) <= n.at.date() <= date(2024, 10, 7)]
    assert not [n for n in year if date(2024, 2, 10) <= n.at.date() <= date(2024, 2, 17)]
    dates = [n.at.date() for n in year]
    assert len(dates) == len(set(dates))
    # Each task at most once in a digest: one pop-up for many tasks, never one per task.
    assert all(len(n.task_ids) == len(set(n.task_ids)) for n in year)


def test_a_make_up_saturday_is_a_working_day_for_reminders(rows: list[TaskRow]) -> None:
    saturday = date(2024, 10, 12)
    assert saturday.weekday() == 5 and CAL.is_workday(saturday)
    base = next(t for t in rows if t.due is not None)
    # Due on Sunday 13 October: its last working day is the make-up Saturday.
    on_sunday = replace(base, id=9001, due=date(2024, 10, 13), milestones=())
    # Due on Monday 14 October: one working day before it is the make-up Saturday.
    on_monday = replace(base, id=9002, due=date(2024, 10, 14), milestones=())
    found = schedule([on_sunday, on_monday], DEFAULTS, CAL, *YEAR)
    [digest] = [n for n in found if n.at.date() == saturday]
    assert digest.at == datetime(2024, 10, 12, 9, 0)
    assert set(digest.task_ids) == {9001, 9002}
    reasons = {r.task_id: r.reason for r in digest.reminders}
    assert reasons == {9001: "due", 9002: "ahead"}
    assert "今天截止 1 项" in digest.body and "10月14日截止 1 项" in digest.body


def test_a_year_without_calendar_data_falls_back_to_monday_to_friday(
    rows: list[TaskRow],
) -> None:
    assert not WorkCalendar().covers(2099)
    moved = [replace(t, due=t.due.replace(year=2099)) if t.due else t for t in rows]
    found = schedule(moved, DEFAULTS, CAL, datetime(2099, 1, 1), datetime(2100, 1, 1))
    assert found
    assert all(n.at.weekday() < 5 for n in found)
    days = _days_by_task(found)
    for task in moved:
        if task.due is not None and task.due >= date(2099, 3, 1):
            last = task.due
            while last.weekday() >= 5:
                last -= timedelta(days=1)
            assert last in days[task.id]
    # No National Day holiday is known for 2099: Monday 5 October is an ordinary Monday,
    # when the late tasks of 30 September are reminded.
    assert datetime(2099, 10, 5, 9, 0) in {n.at for n in found}


def test_my_departments_include_their_groups_tasks_only(tmp_path: Path) -> None:
    """The reminders of 行政复议科 are of the tasks its query gives: its own and those of
    各科处室 and 各科室, which take it in, never 各司法所's."""
    storage = new_storage(tmp_path, datetime(2024, 1, 2, 9))
    try:
        import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
        office = repository.find_department("行政复议科")
        assert office is not None
        mine = repository.tasks(department_ids=[office.id])
    finally:
        storage.close()
    ids = _ids(schedule(mine, DEFAULTS, CAL, *YEAR))
    by_id = {t.id: t for t in mine}
    assert ids and ids <= set(by_id)
    assert any(by_id[i].collective for i in ids)
    assert any(not by_id[i].collective for i in ids)
    assert not any(
        "各司法所" in by_id[i].lead + by_id[i].responsible
        and "行政复议科" not in by_id[i].lead + by_id[i].responsible
        and not {"各科处室", "各科室"} & set(by_id[i].lead + by_id[i].responsible)
        for i in ids
    )


def test_ongoing_tasks_get_one_reminder_a_quarter_unless_noted(
    rows: list[TaskRow], year: list[Notification]
) -> None:
    ongoing = [t for t in rows if t.deadline_kind == "ongoing"]
    assert len(ongoing) == 7
    expected = [CAL.add_workdays(CAL.last_workday_on_or_before(end), -5) for end in QUARTER_ENDS]
    assert expected[0] == date(2024, 3, 22)
    days = _days_by_task(year)
    for task in ongoing:
        assert sorted(days[task.id]) == expected
    noted = {ongoing[0].id: {(2024, 2)}}
    with_note = schedule(rows, DEFAULTS, CAL, *YEAR, notes_by_quarter=noted)
    days = _days_by_task(with_note)
    assert sorted(days[ongoing[0].id]) == [expected[0], expected[2], expected[3]]
    assert sorted(days[ongoing[1].id]) == expected
    points = reminder_points(ongoing[0], DEFAULTS, CAL, *YEAR, noted_quarters={(2024, 2)})
    assert [(p.at.date(), p.reason) for p in points] == [
        (expected[0], "quarter"),
        (expected[2], "quarter"),
        (expected[3], "quarter"),
    ]


def test_done_cancelled_and_archived_tasks_never_appear(rows: list[TaskRow]) -> None:
    dated = [t for t in rows if t.due is not None]
    done, cancelled, archived = dated[0], dated[10], dated[20]
    changed = [
        replace(t, status="done")
        if t.id == done.id
        else replace(t, status="cancelled")
        if t.id == cancelled.id
        else replace(t, archived=True)
        if t.id == archived.id
        else t
        for t in rows
    ]
    ids = _ids(schedule(changed, DEFAULTS, CAL, *YEAR))
    assert not {done.id, cancelled.id, archived.id} & ids
    assert len(ids) == 89 - 3


def test_a_digest_is_short_and_in_chinese(year: list[Notification]) -> None:
    for n in year:
        assert re.match(r"^\d+ 项", n.title), n.title
        assert len(n.body.splitlines()) <= 5
        assert n.kind == "digest"
    [due_day] = [n for n in year if n.at == datetime(2024, 6, 28, 9, 0)]
    assert due_day.title == "5 项任务即将到期"
    lines = due_day.body.splitlines()
    assert lines[0] == "今天截止 5 项"
    assert len(lines) == 5 and lines[-1] == "另有 2 项，点击查看全部"
    assert all(line.startswith("· 今天截止｜") for line in lines[1:4])
    [mixed] = [n for n in year if n.at == datetime(2024, 6, 21, 9, 0)]
    assert mixed.title == "12 项任务需要关注"
    assert mixed.body.splitlines()[0] == "6月30日截止 5 项；需记录本季度进展 7 项"


def test_late_tasks_come_back_weekly_together_and_never_with_zero(
    rows: list[TaskRow], year: list[Notification]
) -> None:
    late_days = sorted({r.at.date() for n in year for r in n.reminders if r.reason == "late"})
    assert late_days[0] == date(2024, 2, 5)  # the Monday after the January deadlines
    # Mondays, or the next working day after a Monday off.
    for day in late_days:
        monday = day - timedelta(days=day.weekday())
        assert CAL.is_workday(day)
        assert all(not CAL.is_workday(monday + timedelta(days=i)) for i in range(day.weekday()))
    never = schedule(rows, replace(DEFAULTS, late_every_days=0), CAL, *YEAR)
    assert not [r for n in never for r in n.reminders if r.reason == "late"]
    for n in never:
        for r in n.reminders:
            assert r.deadline is None or r.at.date() <= r.deadline


def test_the_chosen_time_lead_days_and_extra_holidays_are_followed(rows: list[TaskRow]) -> None:
    settings = replace(
        DEFAULTS,
        remind_at=time(14, 30),
        lead_workdays=(3,),
        extra_holidays=(date(2024, 6, 25),),
    )
    calendar = WorkCalendar(extra_holidays=settings.extra_holidays)
    found = schedule(rows, settings, calendar, datetime(2024, 6, 1), datetime(2024, 7, 1))
    assert all(n.at.time() == time(14, 30) for n in found)
    june = [t for t in rows if t.due == date(2024, 6, 30)]
    days = _days_by_task(found)
    for task in june:
        # 28th is the last working day; three working days before it, skipping the 25th.
        assert sorted(days[task.id]) == [date(2024, 6, 24), date(2024, 6, 28)]
    assert date(2024, 6, 25) not in {n.at.date() for n in found}


def test_every_milestone_is_reminded(rows: list[TaskRow]) -> None:
    base = next(t for t in rows if t.due == date(2024, 12, 31))
    quarterly = replace(
        base, milestones=QUARTER_ENDS, due=date(2024, 12, 31), deadline_raw="3月、6月、9月、12月"
    )
    points = reminder_points(quarterly, DEFAULTS, CAL, *YEAR)
    due_days = [p.at.date() for p in points if p.reason == "due"]
    assert due_days == [date(2024, 3, 29), date(2024, 6, 28), date(2024, 9, 30), date(2024, 12, 31)]
    # A passed milestone is not "late": only the final deadline is.
    assert not [p for p in points if p.reason == "late"]


def test_catch_up_makes_one_digest_of_what_fell_due_while_away(rows: list[TaskRow]) -> None:
    friday, tuesday = datetime(2024, 6, 14, 9, 0), datetime(2024, 6, 18, 8, 30)
    digest = catch_up(rows, DEFAULTS, CAL, friday, tuesday)
    assert digest is not None
    assert digest.kind == "catch_up"
    assert digest.at == tuesday
    assert digest.title.startswith("您不在时")
    assert {r.at for r in digest.reminders} == {datetime(2024, 6, 17, 9, 0)}
    assert len(digest.body.splitlines()) <= 5
    shown = {(r.task_id, r.at) for r in digest.reminders}
    assert catch_up(rows, DEFAULTS, CAL, friday, tuesday, shown=shown) is None
    # Within the day of the reminder time it is the ordinary digest, only later.
    today = catch_up(rows, DEFAULTS, CAL, friday, datetime(2024, 6, 17, 10, 0))
    assert today is not None and today.kind == "digest" and today.title == "4 项任务已逾期"


def test_next_time_is_the_next_digest_of_the_schedule(
    rows: list[TaskRow], year: list[Notification]
) -> None:
    times = [n.at for n in year]
    for after in (datetime(2024, 6, 14, 9, 0), datetime(2024, 9, 27, 17, 0)):
        assert next_time(rows, DEFAULTS, CAL, after) == min(t for t in times if t > after)
    done = [replace(t, status="done") for t in rows]
    assert next_time(done, DEFAULTS, CAL, datetime(2024, 6, 14)) is None


def test_a_pause_does_not_change_the_schedule(rows: list[TaskRow]) -> None:
    """Pausing holds delivery (the service's job); the reminder points stay where they were."""
    paused = replace(DEFAULTS, paused_until=datetime(2024, 6, 20, 12, 0))
    start, end = datetime(2024, 6, 1), datetime(2024, 7, 1)
    assert schedule(rows, paused, CAL, start, end) == schedule(rows, DEFAULTS, CAL, start, end)


def test_a_snooze_replaces_the_points_it_covers(rows: list[TaskRow]) -> None:
    task = next(t for t in rows if t.due == date(2024, 6, 30))
    snooze = Snooze(task.id, datetime(2024, 6, 14, 9, 5), datetime(2024, 6, 27, 15, 0))
    points = reminder_points(
        task, DEFAULTS, CAL, datetime(2024, 6, 1), datetime(2024, 7, 1), snooze=snooze
    )
    assert [(p.at, p.reason) for p in points] == [
        (datetime(2024, 6, 14, 9, 0), "ahead"),
        (datetime(2024, 6, 27, 15, 0), "snoozed"),
        (datetime(2024, 6, 28, 9, 0), "due"),
    ]


def test_snooze_times_skip_days_off_and_quiet_hours() -> None:
    # Friday before National Day 2024: Sunday 29 September is a make-up working day.
    friday = datetime(2024, 9, 27, 17, 0)
    assert snooze_times(friday, DEFAULTS, CAL) == {
        "hour": datetime(2024, 9, 27, 18, 0),
        "tomorrow": datetime(2024, 9, 29, 9, 0),
        "three_workdays": datetime(2024, 10, 8, 9, 0),
    }
    late_evening = snooze_times(datetime(2024, 6, 14, 21, 30), DEFAULTS, CAL)
    assert late_evening["hour"] == datetime(2024, 6, 15, 8, 0)  # after the quiet hours
    assert late_evening["tomorrow"] == datetime(2024, 6, 17, 9, 0)  # not on Saturday


def test_late_tasks_are_not_reminded_two_days_running(rows: list[TaskRow]) -> None:
    """The Spring Festival Monday (2024-02-12) moves to the make-up Sunday 02-18, the day
    before the next Monday: that one is dropped, not sent twice in two days."""
    found = schedule(rows, DEFAULTS, CAL, datetime(2024, 2, 1), datetime(2024, 3, 1))
    late_days = sorted(n.at.date() for n in found if "逾期" in n.title)
    assert date(2024, 2, 19) in late_days and date(2024, 2, 18) not in late_days
    assert all((b - a).days >= 3 for a, b in itertools.pairwise(late_days))
