"""The holiday arrangements that come with the program (``chinese-calendar``'s data), in the
form a read notice has, so that an imported notice can be compared with them and a
supplement can amend them."""

from __future__ import annotations

from datetime import date

import chinese_calendar
from chinese_calendar import constants

from desktop_app.calendar.notice import Holiday, HolidayNotice

# chinese-calendar's English names, as the notices say them.
CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def covers(year: int) -> bool:
    """Whether the bundled data holds the official arrangement of ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def bundled_notice(year: int) -> HolidayNotice | None:
    """The bundled arrangement of ``year`` as a notice (None: the data stops before it).

    A holiday is each run of days off that chinese-calendar names alike; a day off that
    is a weekend day it names (a holiday's Saturday) belongs to that holiday too.
    """
    if not covers(year):
        return None
    off: dict[str, list[date]] = {}
    for day, name in constants.holidays.items():
        if day.year == year:
            off.setdefault(CHINESE_NAMES.get(name, name), []).append(day)
    work: dict[str, list[date]] = {}
    for day, name in constants.workdays.items():
        if day.year == year:
            work.setdefault(CHINESE_NAMES.get(name, name), []).append(day)
    holidays = [
        Holiday(name, tuple(sorted(days)), tuple(sorted(work.get(name, ()))))
        for name, days in off.items()
    ]
    holidays.sort(key=lambda h: h.days_off[0])
    return HolidayNotice(year, tuple(holidays), (), "chinese-calendar", False)
