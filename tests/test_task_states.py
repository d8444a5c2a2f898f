"""The rule of a task's state (db/states.py) at its boundaries: 序时进度's half of the period,
a passed milestone, a progress note this month or last, and which state comes first."""

from __future__ import annotations

from datetime import date

import pytest

from db.states import PERIOD_SHARE, month_start, period_start, plan_start, task_state

START = date(2024, 1, 1)
DUE = date(2024, 12, 30)  # 364 days after START: half of the period is 182 days, 2024-07-01
HALF = date(2024, 7, 1)
SOON = 14  # days


def _state(today: date, **kwargs) -> str:
    options = {"status": "in_progress", "kind": "month", "due": DUE, "start": START} | kwargs
    soon = date.fromordinal(today.toordinal() + SOON)
    return task_state(
        options.pop("status"), options.pop("kind"), options.pop("due"), today, soon, **options
    )


def test_the_threshold_is_half_of_the_period() -> None:
    assert PERIOD_SHARE == 0.5
    assert (HALF - START).days * 2 == (DUE - START).days


def test_exactly_half_is_on_schedule_and_one_day_past_half_is_not() -> None:
    assert _state(date(2024, 6, 30)) == "pending"
    assert _state(HALF) == "pending"  # exactly half gone
    assert _state(date(2024, 7, 2)) == "lagging"  # one day past half, no note
    # An odd period: half of 363 days is 181.5, so day 182 is past it.
    assert _state(HALF, due=date(2024, 12, 29)) == "lagging"
    assert _state(date(2024, 6, 30), due=date(2024, 12, 29)) == "pending"


def test_a_note_this_month_keeps_a_task_on_schedule_and_last_months_does_not() -> None:
    today = date(2024, 8, 15)
    assert _state(today, last_note=None) == "lagging"
    assert _state(today, last_note=date(2024, 8, 1)) == "pending"  # the 1st of the month
    assert _state(today, last_note=date(2024, 7, 31)) == "lagging"  # 23:59 of last month
    assert _state(today, last_note=today) == "pending"
    assert month_start(today) == date(2024, 8, 1)


def test_a_passed_milestone_asks_for_a_note_before_half_of_the_period() -> None:
    today = date(2024, 4, 10)  # 100 of 364 days gone
    assert _state(today) == "pending"
    milestones = (date(2024, 3, 31), DUE)
    assert _state(today, milestones=milestones) == "lagging"
    assert _state(today, milestones=milestones, last_note=date(2024, 4, 2)) == "pending"
    # A milestone today has not passed yet.
    assert _state(date(2024, 3, 31), milestones=milestones) == "pending"
    assert _state(date(2024, 4, 1), milestones=milestones) == "lagging"


def test_late_and_due_soon_come_before_lagging_and_the_status_before_everything() -> None:
    assert _state(date(2024, 12, 31)) == "late"
    assert _state(date(2024, 12, 20)) == "due_soon"  # due within SOON days: blue, not yellow
    assert _state(date(2024, 12, 20), status="not_started") == "due_soon"  # 状态 says 未开始
    assert _state(date(2024, 9, 1), status="done") == "done"
    assert _state(date(2024, 9, 1), status="cancelled") == "cancelled"
    assert _state(date(2024, 9, 1), kind="ongoing", due=None) == "ongoing"
    assert _state(date(2024, 9, 1), kind="recurring") == "ongoing"
    assert _state(date(2024, 9, 1), kind="none", due=None) == "undated"
    assert _state(date(2024, 9, 1), status="not_started") == "lagging"


@pytest.mark.parametrize(
    ("issued_on", "year", "expected"),
    [
        (date(2024, 2, 22), 2024, date(2024, 2, 22)),
        (None, 2024, date(2024, 1, 1)),
        (None, None, date(2025, 1, 1)),  # the year of the due date
    ],
)
def test_the_period_starts_at_the_plans_issue_else_on_new_year(
    issued_on: date | None, year: int | None, expected: date
) -> None:
    assert period_start(plan_start(issued_on, year), date(2025, 6, 30)) == expected


def test_without_a_plan_start_the_period_begins_on_the_due_years_new_year() -> None:
    assert _state(date(2024, 7, 2), start=None) == "lagging"
    assert _state(HALF, start=None) == "pending"
    # Issued later in the year: the half comes later too (2024-02-22 → 12-30: 312 days).
    assert _state(date(2024, 7, 27), start=date(2024, 2, 22)) == "pending"
    assert _state(date(2024, 7, 28), start=date(2024, 2, 22)) == "lagging"
