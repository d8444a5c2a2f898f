"""The holiday notices the user imported (``holiday_notice``): stored as read, supplements
in rows of their own; ``arrangements`` gives each year's arrangement in force."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.models import DB, HolidayNoticeRecord
from desktop_app.calendar.notice import Holiday, HolidayNotice, apply_supplement


@dataclass(frozen=True)
class StoredNotice:
    id: int
    notice: HolidayNotice
    source_name: str
    imported_at: datetime


def add(notice: HolidayNotice, source_name: str, imported_at: datetime) -> int:
    """Store ``notice`` (inside the caller's write transaction); its id."""
    record = HolidayNoticeRecord.create(
        year=notice.year,
        title=notice.title,
        source_name=source_name,
        supplementary=notice.supplementary,
        holidays=json.dumps([_holiday_dict(h) for h in notice.holidays], ensure_ascii=False),
        imported_at=imported_at,
    )
    return int(record.id)


def stored(year: int | None = None) -> list[StoredNotice]:
    """The imported notices (of ``year``), oldest first."""
    query = HolidayNoticeRecord.select().order_by(HolidayNoticeRecord.id)
    if year is not None:
        query = query.where(HolidayNoticeRecord.year == year)
    return [
        StoredNotice(
            r.id,
            HolidayNotice(
                r.year,
                tuple(_holiday(h) for h in json.loads(r.holidays)),
                (),
                r.title,
                bool(r.supplementary),
            ),
            r.source_name,
            r.imported_at,
        )
        for r in query
    ]


def revision() -> tuple[int, int]:
    """Changes whenever a notice is imported (the reminders rebuild their calendar then)."""
    count, newest = DB.execute_sql("SELECT COUNT(*), MAX(id) FROM holiday_notice").fetchone()
    return int(count), int(newest or 0)


def arrangement(
    notices: list[StoredNotice], base: HolidayNotice | None
) -> tuple[HolidayNotice | None, list[StoredNotice]]:
    """A year's arrangement in force: its newest full notice (else ``base``, the bundled
    data) with every supplement imported after it; and the notices that made it."""
    full = [n for n in notices if not n.notice.supplementary]
    start = full[-1] if full else None
    current = start.notice if start is not None else base
    used = [start] if start is not None else []
    for item in notices:
        if item.notice.supplementary and (start is None or item.id > start.id) and current:
            current = apply_supplement(current, item.notice)
            used.append(item)
    return current, used


def _holiday_dict(holiday: Holiday) -> dict[str, object]:
    return {
        "name": holiday.name,
        "days_off": [d.isoformat() for d in holiday.days_off],
        "workdays": [d.isoformat() for d in holiday.workdays],
        "extends_to": holiday.extends_to.isoformat() if holiday.extends_to else None,
    }


def _holiday(data: dict[str, Any]) -> Holiday:
    extends_to = data.get("extends_to")
    return Holiday(
        str(data["name"]),
        tuple(date.fromisoformat(d) for d in data["days_off"]),
        tuple(date.fromisoformat(d) for d in data["workdays"]),
        date.fromisoformat(extends_to) if extends_to else None,
    )
