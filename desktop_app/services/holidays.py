"""The holiday notices: read one (pasted text, or a file through the plan readers), see what
it changes against the calendar in force, store it, and the working-day calendar every
computation uses (the user's extra days off, the imported notices, the bundled data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from db import holidays as stored_notices
from db.connection import Storage
from desktop_app.calendar import bundled
from desktop_app.calendar.notice import HolidayNotice, parse_notice
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError

Source = Literal["imported", "bundled", "weekdays"]


@dataclass(frozen=True)
class DayChange:
    day: date
    was_workday: bool
    is_workday: bool


@dataclass(frozen=True)
class NoticeImport:
    """What importing a notice does: the arrangement in force for its year afterwards and
    the days whose working-day status changes (against the calendar before)."""

    notice: HolidayNotice
    in_force: HolidayNotice
    changes: tuple[DayChange, ...]
    dry_run: bool


@dataclass(frozen=True)
class YearSource:
    year: int
    source: Source
    notices: tuple[stored_notices.StoredNotice, ...] = ()


def read_notice_text(text: str) -> HolidayNotice:
    return parse_notice(text)


def read_notice_file(path: Path) -> HolidayNotice:
    """A notice saved as .txt, .docx, .pdf, .html (any format the plan readers read)."""
    from desktop_app.plans.readers import read_document

    return parse_notice("\n".join(read_document(path).lines()))


def notices_in_force() -> list[HolidayNotice]:
    """Each year's imported arrangement (its newest notice, supplements applied)."""
    by_year: dict[int, list[stored_notices.StoredNotice]] = {}
    for item in stored_notices.stored():
        by_year.setdefault(item.notice.year, []).append(item)
    out = []
    for year, notices in sorted(by_year.items()):
        current, _used = stored_notices.arrangement(notices, bundled.bundled_notice(year))
        if current is not None:
            out.append(current)
    return out


def work_calendar(extra_holidays: Iterable[date] | None = None) -> WorkCalendar:
    """The calendar in force: ``extra_holidays`` None means the user's own extra days off."""
    if extra_holidays is None:
        from desktop_app.services.settings import reminder_settings

        extra_holidays = reminder_settings().extra_holidays
    return WorkCalendar(extra_holidays, notices_in_force())


def revision() -> tuple[int, int]:
    """Changes when a notice is imported: a calendar built before is then out of date."""
    return stored_notices.revision()


def import_notice(
    storage: Storage,
    notice: HolidayNotice,
    source_name: str,
    *,
    dry_run: bool = False,
) -> NoticeImport:
    """Store ``notice`` (unless ``dry_run``); what it changes either way. A supplement needs
    the arrangement it amends: an imported notice of its year, or the bundled data."""
    with storage.translated():
        existing = stored_notices.stored(notice.year)
        base = bundled.bundled_notice(notice.year)
        if (
            notice.supplementary
            and base is None
            and not any(not n.notice.supplementary for n in existing)
        ):
            raise ServiceError("nothing_to_amend", errors.NOTHING_TO_AMEND, notice.year)
        before = work_calendar()
        # As it will be stored: after every notice there is (its id is only for the order).
        newest = max((n.id for n in existing), default=0) + 1
        pending = stored_notices.StoredNotice(newest, notice, source_name, storage.clock())
        in_force, _used = stored_notices.arrangement([*existing, pending], base)
        assert in_force is not None  # a full notice, or a supplement with a base (checked)
        others = [n for n in before.notices if n.year != notice.year]
        after = WorkCalendar(before.extra_holidays, [*others, in_force])
        changes = tuple(_changes(before, after, notice.year))
    if not dry_run:
        with storage.write():
            stored_notices.add(notice, source_name, storage.clock())
    return NoticeImport(notice, in_force, changes, dry_run)


def _changes(before: WorkCalendar, after: WorkCalendar, year: int) -> Iterable[DayChange]:
    # The year, and the days of its neighbours a notice can name (元旦 from 31 December,
    # a make-up day in late December).
    day, last = date(year - 1, 12, 1), date(year + 1, 1, 31)
    while day <= last:
        was, now = before.is_workday(day), after.is_workday(day)
        if was != now:
            yield DayChange(day, was, now)
        day += timedelta(days=1)


def year_sources(years: Iterable[int]) -> list[YearSource]:
    """Where each year's working days come from: an imported notice, the bundled data, or
    nothing (Monday to Friday)."""
    notices = stored_notices.stored()
    out = []
    for year in years:
        mine = tuple(n for n in notices if n.notice.year == year)
        if mine:
            _current, used = stored_notices.arrangement(list(mine), bundled.bundled_notice(year))
            out.append(YearSource(year, "imported", tuple(used)))
        elif bundled.covers(year):
            out.append(YearSource(year, "bundled"))
        else:
            out.append(YearSource(year, "weekdays"))
    return out


def imported_years() -> list[int]:
    return sorted({n.notice.year for n in stored_notices.stored()})


def missing_next_year(today: date, calendar: WorkCalendar) -> int | None:
    """From 1 November, the next year while its holidays are unknown (the window and the
    tray say how to add them); None otherwise."""
    next_year = today.year + 1
    if today.month >= 11 and not calendar.covers(next_year):
        return next_year
    return None
