"""The bundled sample plan, moved to the current year so its deadlines lie ahead."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

from desktop_app.plans.model import Deadline, ParsedPlan


def _shift(day: date, years: int) -> date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _shift_deadline(deadline: Deadline, years: int) -> Deadline:
    return replace(
        deadline,
        due=_shift(deadline.due, years) if deadline.due else None,
        milestones=tuple(_shift(m, years) for m in deadline.milestones),
    )


def move_to_year(plan: ParsedPlan, year: int) -> ParsedPlan:
    """The same plan as if issued for ``year``: every date and the year in the title move."""
    if plan.year is None or plan.year == year:
        return plan
    years = year - plan.year
    old, new = str(plan.year), str(year)
    return replace(
        plan,
        year=year,
        title=plan.title.replace(old, new) if plan.title else plan.title,
        issued_on=_shift(plan.issued_on, years) if plan.issued_on else None,
        tasks=tuple(replace(t, deadline=_shift_deadline(t.deadline, years)) for t in plan.tasks),
        # The dates moved together, so no deadline falls before the issue date any more
        # than it did; the warnings about them name the old dates and are dropped.
        warnings=tuple(w for w in plan.warnings if w.code != "deadline_before_issue"),
    )
