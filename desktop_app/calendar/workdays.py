"""Working days in mainland China: statutory holidays and make-up working days.

The data comes from the holiday notices the user imported (``notice.py``; they win for
their year, and for the days of a neighbouring year they name, such as a 元旦 that starts
on 31 December), then from ``chinese-calendar``, which covers the years the State Council
had announced when it was released. For a year neither covers, Monday to Friday are
working days, and ``covers()`` says so, so the window and the digests can tell the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import chinese_calendar

from desktop_app.calendar import bundled
from desktop_app.calendar.notice import HolidayNotice


class WorkCalendar:
    """Which days are working days; ``extra_holidays`` are days off the user adds,
    ``notices`` the holiday arrangements imported (one per year, supplements applied)."""

    def __init__(
        self, extra_holidays: Iterable[date] = (), notices: Iterable[HolidayNotice] = ()
    ) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.notices = tuple(notices)
        self.notice_years = frozenset(n.year for n in self.notices)
        self._off = frozenset(d for n in self.notices for d in n.days_off())
        self._work = frozenset(d for n in self.notices for d in n.workdays())

    def covers(self, year: int) -> bool:
        """Whether the official holiday arrangement of ``year`` is known (imported or bundled)."""
        return year in self.notice_years or bundled.covers(year)

    def is_workday(self, day: date) -> bool:
        if day in self.extra_holidays or day in self._off:
            return False
        if day in self._work:
            return True
        if day.year in self.notice_years:
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5

    def add_workdays(self, day: date, count: int) -> date:
        """The date ``count`` working days after ``day`` (before it when negative)."""
        step = 1 if count >= 0 else -1
        remaining = abs(count)
        while remaining:
            day += timedelta(days=step)
            if self.is_workday(day):
                remaining -= 1
        return day

    def last_workday_on_or_before(self, day: date) -> date:
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(n))
        )
