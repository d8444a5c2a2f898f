"""The reminder settings the liaison chooses, kept as JSON in the ``setting`` table.

Reading never fails: a damaged or partial stored value falls back to the
defaults field by field. Saving checks every field and says what is wrong in
Chinese and English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any, TypeGuard, TypeVar, cast

from db.connection import Storage
from db.models import DB, Setting
from desktop_app.errors import Words
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError

REMINDERS = "reminders"
MAX_LEAD_WORKDAYS = 60
MAX_LATE_EVERY_DAYS = 60
_LEAD_SEPARATORS = re.compile(r"[\s、，,；;/]+")
_T = TypeVar("_T")


@dataclass(frozen=True)
class ReminderSettings:
    """When reminders go out.

    Besides ``lead_workdays`` (working days before a deadline, largest first),
    a task is always reminded on the deadline's last working day.
    ``late_every_days`` repeats the reminder of a late task (0: never). Quiet
    hours run from ``quiet_start`` to ``quiet_end`` (across midnight when the
    end is earlier; none when both are equal). ``extra_holidays`` are days off
    the user adds to the official calendar.
    """

    remind_at: time = time(9, 0)
    lead_workdays: tuple[int, ...] = (10, 5, 1)
    late_every_days: int = 7
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    extra_holidays: tuple[date, ...] = ()
    paused_until: datetime | None = None

    def is_quiet(self, moment: time) -> bool:
        """Whether ``moment`` falls in the quiet hours (start included, end excluded)."""
        start, end = self.quiet_start, self.quiet_end
        if start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def is_paused(self, now: datetime) -> bool:
        return self.paused_until is not None and now < self.paused_until


DEFAULTS = ReminderSettings()


# -- checking ----------------------------------------------------------------------------


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked_lead_workdays(values: object) -> tuple[int, ...]:
    try:
        # Tried as a list of days; a single value (not iterable) is one day.
        items = list(cast("Iterable[object]", values))
    except TypeError:
        items = [values]
    days: list[int] = []
    for value in items:
        if not _is_int(value) or not 1 <= value <= MAX_LEAD_WORKDAYS:
            raise ServiceError(
                "bad_lead_days", errors.LEAD_DAYS_OUT_OF_RANGE, MAX_LEAD_WORKDAYS, value
            )
        days.append(value)
    if len(set(days)) != len(days):
        repeated = sorted({v for v in days if days.count(v) > 1}, reverse=True)
        raise ServiceError("repeated_lead_days", errors.LEAD_DAYS_REPEATED, repeated)
    return tuple(sorted(days, reverse=True))


def _checked_time(value: object, what: Words) -> time:
    if not isinstance(value, time):
        raise ServiceError("bad_time", errors.BAD_TIME, what)
    return value.replace(second=0, microsecond=0, tzinfo=None)


def validate_reminder_settings(settings: ReminderSettings) -> ReminderSettings:
    """The settings as they will be stored (lead days sorted, holidays in order) or a ServiceError."""
    remind_at = _checked_time(settings.remind_at, errors.REMIND_TIME)
    quiet_start = _checked_time(settings.quiet_start, errors.QUIET_START)
    quiet_end = _checked_time(settings.quiet_end, errors.QUIET_END)
    late = settings.late_every_days
    if not _is_int(late) or not 0 <= late <= MAX_LATE_EVERY_DAYS:
        raise ServiceError("bad_late_every", errors.BAD_LATE_EVERY, MAX_LATE_EVERY_DAYS)
    holidays = settings.extra_holidays
    if any(not isinstance(d, date) or isinstance(d, datetime) for d in holidays):
        raise ServiceError("bad_holiday", errors.BAD_HOLIDAY)
    paused = settings.paused_until
    if paused is not None and not isinstance(paused, datetime):
        raise ServiceError("bad_pause", errors.BAD_PAUSE)
    checked = replace(
        settings,
        remind_at=remind_at,
        lead_workdays=_checked_lead_workdays(settings.lead_workdays),
        late_every_days=late,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        extra_holidays=tuple(sorted(set(holidays))),
    )
    if checked.is_quiet(remind_at):
        raise ServiceError(
            "remind_in_quiet_hours", errors.REMIND_IN_QUIET_HOURS, remind_at, quiet_start, quiet_end
        )
    return checked


def parse_lead_workdays(text: str) -> tuple[int, ...]:
    """``"10、5、1"`` (any of 、，,；; or spaces between) as lead days, largest first."""
    values: list[int] = []
    for part in _LEAD_SEPARATORS.split(text.strip()):
        if not part:
            continue
        clean = part.translate(_FULL_WIDTH_DIGITS)
        if not clean.isascii() or not clean.isdigit():
            raise ServiceError("bad_lead_days", errors.LEAD_DAYS_NOT_WHOLE, part)
        values.append(int(clean))
    return _checked_lead_workdays(values)


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def format_lead_workdays(days: tuple[int, ...]) -> str:
    return "、".join(str(d) for d in days)


# -- storing -----------------------------------------------------------------------------


def _to_json(settings: ReminderSettings) -> dict[str, Any]:
    return {
        "remind_at": settings.remind_at.strftime("%H:%M"),
        "lead_workdays": list(settings.lead_workdays),
        "late_every_days": settings.late_every_days,
        "quiet_start": settings.quiet_start.strftime("%H:%M"),
        "quiet_end": settings.quiet_end.strftime("%H:%M"),
        "extra_holidays": [d.isoformat() for d in settings.extra_holidays],
        "paused_until": None
        if settings.paused_until is None
        else settings.paused_until.isoformat(timespec="seconds"),
    }


def _field(stored: dict[str, Any], name: str, parse: Callable[[Any], _T]) -> _T:
    """The stored field parsed, or the default when it is missing or damaged."""
    default: _T = getattr(DEFAULTS, name)
    if name not in stored:
        return default
    try:
        return parse(stored[name])
    except (TypeError, ValueError, AttributeError, ServiceError):
        return default


def _parse_time(value: Any) -> time:
    return time.fromisoformat(value).replace(second=0, microsecond=0, tzinfo=None)


def _parse_late(value: Any) -> int:
    if not _is_int(value) or not 0 <= value <= MAX_LATE_EVERY_DAYS:
        raise ValueError(value)
    return value


def _parse_holidays(value: Any) -> tuple[date, ...]:
    if not isinstance(value, list):
        raise TypeError(value)
    days = set()
    for item in value:  # one bad day does not cost the user the others
        try:
            days.add(date.fromisoformat(item))
        except (TypeError, ValueError):
            continue
    return tuple(sorted(days))


def _parse_pause(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=None)


def _parse_lead(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise TypeError(value)
    return _checked_lead_workdays(value)


def _from_json(stored: Any) -> ReminderSettings:
    if not isinstance(stored, dict):
        return DEFAULTS
    return ReminderSettings(
        remind_at=_field(stored, "remind_at", _parse_time),
        lead_workdays=_field(stored, "lead_workdays", _parse_lead),
        late_every_days=_field(stored, "late_every_days", _parse_late),
        quiet_start=_field(stored, "quiet_start", _parse_time),
        quiet_end=_field(stored, "quiet_end", _parse_time),
        extra_holidays=_field(stored, "extra_holidays", _parse_holidays),
        paused_until=_field(stored, "paused_until", _parse_pause),
    )


def reminder_settings() -> ReminderSettings:
    """The stored reminder settings; defaults for whatever is missing or damaged."""
    row = DB.execute_sql("SELECT value FROM setting WHERE key = ?", (REMINDERS,)).fetchone()
    if row is None or row[0] is None:
        return DEFAULTS
    try:
        stored = json.loads(row[0])
    except (TypeError, ValueError):
        return DEFAULTS
    return _from_json(stored)


def save_reminder_settings(storage: Storage, settings: ReminderSettings) -> ReminderSettings:
    """Check and store ``settings``; returns them as stored (lead days sorted, largest first)."""
    checked = validate_reminder_settings(settings)
    with storage.write():
        Setting.insert(key=REMINDERS, value=_to_json(checked)).on_conflict_replace().execute()
    return checked
