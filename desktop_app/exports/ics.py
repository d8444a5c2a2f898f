"""The deadlines as a calendar file (RFC 5545, ``icalendar``): one all-day item per dated task
on its deadline and one per milestone, each with alarms at the reminder lead days, for
Outlook, WPS and Thunderbird. Undated and ongoing tasks have no day to stand on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.exports.ledger import Ledger, LedgerRow

PRODUCT = "-//DeadlineReminder//工作要点督办提醒//ZH"


def build_calendar(
    ledger: Ledger, lead_workdays: Sequence[int], calendar: WorkCalendar, stamp: datetime
) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", ledger.title)
    for row in ledger.rows:
        if row.task.due is not None:
            cal.add_component(_event(row, row.task.due, "", lead_workdays, calendar, stamp))
        for n, milestone in enumerate(row.task.milestones, 1):
            cal.add_component(
                _event(row, milestone, f"（节点 {n}）", lead_workdays, calendar, stamp)
            )
    return cal


def _event(
    row: LedgerRow,
    day: date,
    suffix: str,
    lead_workdays: Sequence[int],
    calendar: WorkCalendar,
    stamp: datetime,
) -> Event:
    t = row.task
    event = Event()
    event.add("uid", f"{row.key}-{day.isoformat()}@deadline-reminder")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", f"【{row.deadline}{suffix}】{t.text[:60]}")
    owners = "；".join(
        x
        for x in (
            "牵头：" + "、".join(t.lead) if t.lead else "",
            "责任：" + "、".join(t.responsible) if t.responsible else "",
            "责任领导：" + "、".join(t.leaders) if t.leaders else "",
        )
        if x
    )
    event.add("description", f"{t.label} {t.text}\n{owners}".strip())
    event.add("categories", ["工作要点"])
    last_workday = calendar.last_workday_on_or_before(day)
    for lead in lead_workdays:
        when = calendar.add_workdays(last_workday, -lead)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{lead} 个工作日后到期：{t.text[:40]}")
        # Relative to the item's start (midnight of the deadline), at 09:00 of that day.
        alarm.add(
            "trigger",
            datetime.combine(when, datetime.min.time()).replace(hour=9)
            - datetime.combine(day, datetime.min.time()),
        )
        event.add_component(alarm)
    return event


def write_ics(
    ledger: Ledger,
    path: Path,
    lead_workdays: Sequence[int],
    calendar: WorkCalendar,
    stamp: datetime,
) -> Path:
    path.write_bytes(build_calendar(ledger, lead_workdays, calendar, stamp).to_ical())
    return path
