"""Reading the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知):
its year, and for each holiday its name, its days off and its make-up working days.

The text comes pasted or from a file the plan readers read (``services/holidays.py``); it
is normalised to half-width first, so copies from web pages with ASCII punctuation read
the same. What cannot be read becomes a ``NoticeWarning`` naming the line, never a guess.
A supplementary notice (调整…/延长…/补充通知) names only the holidays it changes;
``apply_supplement`` puts it over the notice it amends.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

from desktop_app.calendar import errors

_NUMERALS = "一二三四五六七八九十"
# 一、元旦：… (the colon may be missing in a careless copy: then the line is a warning)
_HOLIDAY_LINE = re.compile(
    rf"^\s*[{_NUMERALS}]+\s*[、.]\s*(?P<name>[^:]{{1,20}}?)\s*:\s*(?P<body>.+)$"
)
_NUMBERED = re.compile(rf"^\s*[{_NUMERALS}]+\s*[、.]")
_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日"
    r"(?:\s*\((?P<note>[^)]*)\))?"
)
_RANGE_WORD = re.compile(r"^\s*(至|到|-|—|–|~|～)\s*$")
_DAYS_COUNT = re.compile(r"共\s*(\d{1,2})\s*天")
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)([一二三四五六日天])")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_NAMES = "一二三四五六日"
_TITLE_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部分)?节假日")
_ANY_YEAR = re.compile(r"(\d{4})\s*年")
_SUPPLEMENT = re.compile(r"调整|延长|补充通知")
# 延长2020年春节假期至2月2日: the holiday and its new last day.
_EXTENSION = re.compile(r"延长\s*(?:\d{4}\s*年)?\s*(?P<name>[^\d,。]{1,8}?)\s*假期\s*至")
# 关于调整2019年劳动节假期安排的通知: the holiday a supplement's unnamed items are about.
_SUPPLEMENT_NAME = re.compile(r"(?:调整|延长)\s*(?:\d{4}\s*年)?\s*(?P<name>[^\d,。]{1,8}?)\s*假期")


@dataclass(frozen=True)
class Holiday:
    """One holiday of the notice: every day off of its range (weekends included) and the
    weekend days worked instead (调休上班)."""

    name: str
    days_off: tuple[date, ...]
    workdays: tuple[date, ...] = ()
    # A supplement's 延长…假期至D: the holiday of the notice it amends runs to D.
    extends_to: date | None = None


@dataclass(frozen=True)
class NoticeWarning:
    line: str
    message: str


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    holidays: tuple[Holiday, ...]
    warnings: tuple[NoticeWarning, ...] = ()
    title: str | None = None
    supplementary: bool = False

    def days_off(self) -> frozenset[date]:
        return frozenset(d for h in self.holidays for d in h.days_off)

    def workdays(self) -> frozenset[date]:
        return frozenset(d for h in self.holidays for d in h.workdays)


@dataclass
class _Line:
    """One holiday line being read: its dates and what went wrong."""

    text: str
    year: int
    days_off: list[date]
    workdays: list[date]
    warnings: list[str]


def normalise(text: str) -> str:
    """Half-width digits and punctuation (NFKC), one space for runs of blanks."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", text)


def parse_notice(text: str) -> HolidayNotice:
    """The notice in ``text``; raises ``NoticeError`` when it holds no year or no holiday."""
    # Each line as read (half-width) and as written, for the warnings.
    shown: dict[str, str] = {}
    lines: list[str] = []
    for written in text.splitlines():
        parts = [part for part in _split_items([normalise(written).strip()]) if part]
        for part in parts:
            shown.setdefault(part, written.strip() if len(parts) == 1 else part)
        lines += parts
    if not lines:
        raise errors.NoticeError("empty", errors.EMPTY_NOTICE)
    title = next((line for line in lines if "节假日" in line or "假期" in line), None)
    year = _year(lines, title)
    supplementary = bool(title and _SUPPLEMENT.search(title))
    extension = _extension(lines, year, title) if supplementary else None
    if extension is not None:  # its other sentences (…起正常上班) say nothing more
        return HolidayNotice(year, (extension,), (), title, True)
    holidays: list[Holiday] = []
    warnings: list[NoticeWarning] = []
    for line in lines:
        match = _HOLIDAY_LINE.match(line)
        name, body = (match.group("name"), match.group("body")) if match else (None, line)
        if name is None and supplementary:
            # 一、2019年5月1日至4日放假调休…: the holiday is the one the title names.
            if not _NUMBERED.match(line):
                continue
            name = _supplement_name(title)
        if name is None:
            if _NUMBERED.match(line) and _DATE.search(line):
                warnings.append(
                    NoticeWarning(line, "这一行像是节假日安排，但没有“节日名称：”，没有读取")
                )
            continue
        read = _read_line(line, body, year)
        warnings += [NoticeWarning(line, message) for message in read.warnings]
        if not read.days_off and not read.workdays:
            if match is not None:
                warnings.append(NoticeWarning(line, "这一行没有读出放假或上班的日期"))
            continue
        holidays.append(Holiday(name.strip(), _sorted(read.days_off), _sorted(read.workdays)))
    holidays = _merge_same_names(holidays)
    if not holidays:
        raise errors.NoticeError("no_holidays", errors.NO_HOLIDAYS, year)
    warnings = [NoticeWarning(shown.get(w.line, w.line), w.message) for w in warnings]
    warnings += _cross_checks(holidays)
    return HolidayNotice(year, tuple(holidays), tuple(warnings), title, supplementary)


def _split_items(lines: list[str]) -> list[str]:
    """A notice pasted as one paragraph: each numbered item on its own line again."""
    out: list[str] = []
    for line in lines:
        parts = re.split(rf"(?<=[。;])\s*(?=[{_NUMERALS}]+\s*[、.]\s*[^\d:]{{1,20}}:)", line)
        out += [part.strip() for part in parts]
    return out


def _year(lines: list[str], title: str | None) -> int:
    for line in [title or "", *lines]:
        found = _TITLE_YEAR.search(line) or (_ANY_YEAR.search(line) if line is title else None)
        if found:
            return int(found.group(1))
    for line in lines:
        found = _ANY_YEAR.search(line)
        if found and 1990 <= int(found.group(1)) <= 2200:
            return int(found.group(1))
    raise errors.NoticeError("no_year", errors.NO_YEAR)


def _supplement_name(title: str | None) -> str | None:
    found = _SUPPLEMENT_NAME.search(title or "")
    return found.group("name") if found else None


def _read_line(line: str, body: str, year: int) -> _Line:
    read = _Line(line, year, [], [], [])
    for sentence in re.split(r"[。;]", body):
        clauses = _clauses(sentence)
        for index, clause in enumerate(clauses):
            _read_clause(read, clause, clauses[index + 1 :])
    return read


def _clauses(sentence: str) -> list[str]:
    """A sentence cut at its commas, but not at those inside a parenthesis."""
    clauses, depth, start = [], 0, 0
    for i, char in enumerate(sentence):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            clauses.append(sentence[start:i])
            start = i + 1
    clauses.append(sentence[start:])
    return [c.strip() for c in clauses if c.strip()]


def _read_clause(read: _Line, clause: str, following: list[str]) -> None:
    dates = _dates(read, clause)
    if not dates:
        return
    skeleton = _DATE.sub("", clause)
    if "上班" in skeleton:
        read.workdays += [d for d, _ in dates]
        return
    # Not 休息: "鼓励……安排职工在除夕（2月9日）休息" is advice, not a day off.
    kind = "off" if ("放假" in skeleton or "补休" in skeleton) else None
    if kind is None and following and re.search(r"放假|补休", following[0]):
        kind = "off"  # 2月15日至23日，放假调休
    if kind is None:
        read.warnings.append(f"“{clause}”中的日期既不是放假也不是上班，没有读取")
        return
    days, ranged = _expand(read, clause, dates)
    count = _DAYS_COUNT.search(" ".join([clause, *following[:1]]))
    if count and ranged and int(count.group(1)) != len(days):
        read.warnings.append(
            f"写的是共 {count.group(1)} 天，但 {_md(days[0])}至{_md(days[-1])}是 {len(days)} 天"
        )
    read.days_off += days
    if "与周末连休" in clause or "与周末连休" in " ".join(following[:1]):
        read.days_off += _adjacent_weekend(days)


def _dates(read: _Line, clause: str) -> list[tuple[date, re.Match[str]]]:
    """Every date of the clause: a missing year is the line's, a missing month the previous
    date's (至7日); a weekday written beside a date must be that date's."""
    out: list[tuple[date, re.Match[str]]] = []
    month: int | None = None
    for match in _DATE.finditer(clause):
        if match.group("year"):
            read.year = int(match.group("year"))
        if match.group("month"):
            month = int(match.group("month"))
        elif month is None:
            read.warnings.append(f"“{match.group(0)}”没有写月份，没有读取")
            continue
        try:
            day = date(read.year, month, int(match.group("day")))
        except ValueError:
            read.warnings.append(f"“{match.group(0)}”不是有效的日期")
            continue
        if out and day < out[-1][0] and not match.group("year") and not match.group("month"):
            read.warnings.append(f"“{match.group(0)}”早于前一个日期，没有读取")
            continue
        _check_weekday(read, day, match)
        out.append((day, match))
    return out


def _check_weekday(read: _Line, day: date, match: re.Match[str]) -> None:
    note = match.group("note") or ""
    written = _WEEKDAY.search(note)
    if written and _WEEKDAYS[written.group(1)] != day.weekday():
        read.warnings.append(
            f"{day.month}月{day.day}日写作{written.group(0)}，但那天是星期"
            f"{_WEEKDAY_NAMES[day.weekday()]}"
        )


def _expand(
    read: _Line, clause: str, dates: list[tuple[date, re.Match[str]]]
) -> tuple[list[date], bool]:
    """The days a clause gives off (each range whole, each single date), and whether it
    named a range."""
    days: list[date] = []
    ranged = False
    i = 0
    while i < len(dates):
        day, match = dates[i]
        if i + 1 < len(dates):
            between = clause[match.end() : dates[i + 1][1].start()]
            if _RANGE_WORD.match(between):
                ranged = True
                end = dates[i + 1][0]
                if (end - day).days > 31:
                    read.warnings.append(f"{_md(day)}至{_md(end)}超过一个月，没有读取")
                else:
                    days += [day + timedelta(n) for n in range((end - day).days + 1)]
                i += 2
                continue
        days.append(day)
        i += 1
    return days, ranged


def _adjacent_weekend(days: list[date]) -> list[date]:
    """The Saturday and Sunday that join a holiday (与周末连休)."""
    out = []
    before, after = min(days) - timedelta(1), max(days) + timedelta(1)
    while before.weekday() >= 5:
        out.append(before)
        before -= timedelta(1)
    while after.weekday() >= 5:
        out.append(after)
        after += timedelta(1)
    return out


def _extension(lines: list[str], year: int, title: str | None) -> Holiday | None:
    """延长…假期至2月2日: the holiday's new last day (its first comes from the notice it
    amends, see ``apply_supplement``)."""
    for line in [title or "", *lines]:
        found = _EXTENSION.search(line)
        if found is None:
            continue
        after = line[found.end() :]
        end = _DATE.match(after.strip())
        if end is None:
            continue
        month = int(end.group("month") or 0)
        if not month:
            continue
        last = date(int(end.group("year") or year), month, int(end.group("day")))
        return Holiday(found.group("name").strip(), (), (), extends_to=last)
    return None


def _merge_same_names(holidays: list[Holiday]) -> list[Holiday]:
    merged: dict[str, Holiday] = {}
    for holiday in holidays:
        known = merged.get(holiday.name)
        if known is None:
            merged[holiday.name] = holiday
        else:
            merged[holiday.name] = Holiday(
                holiday.name,
                _sorted([*known.days_off, *holiday.days_off]),
                _sorted([*known.workdays, *holiday.workdays]),
            )
    return list(merged.values())


def _cross_checks(holidays: list[Holiday]) -> list[NoticeWarning]:
    warnings = []
    for holiday in holidays:
        for day in holiday.workdays:
            if day.weekday() < 5:
                warnings.append(
                    NoticeWarning(
                        holiday.name,
                        f"{holiday.name}的调休上班日 {day:%Y-%m-%d} 是星期"
                        f"{_WEEKDAY_NAMES[day.weekday()]}，本来就是工作日",
                    )
                )
            if day in holiday.days_off:
                warnings.append(NoticeWarning(holiday.name, f"{day:%Y-%m-%d} 既写作放假又写作上班"))
    return warnings


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _sorted(days: list[date]) -> tuple[date, ...]:
    return tuple(sorted(set(days)))


def apply_supplement(base: HolidayNotice, supplement: HolidayNotice) -> HolidayNotice:
    """``base`` with the holidays ``supplement`` names replaced by its own. An extension
    (延长…至D) keeps the base holiday's first day, runs to D and drops the make-up days
    that fall inside the longer holiday."""
    if supplement.year != base.year:
        raise errors.NoticeError(
            "other_year", errors.SUPPLEMENT_OTHER_YEAR, supplement.year, base.year
        )
    by_name = {h.name: h for h in base.holidays}
    warnings = list(base.warnings + supplement.warnings)
    for holiday in supplement.holidays:
        if holiday.extends_to is not None:
            old = by_name.get(holiday.name)
            if old is None or not old.days_off:
                message = f"{base.year} 年的安排中没有{holiday.name}，无法延长"
                warnings.append(NoticeWarning(holiday.name, message))
                continue
            first, last = old.days_off[0], holiday.extends_to
            days = tuple(first + timedelta(n) for n in range((last - first).days + 1))
            kept = tuple(d for d in old.workdays if not first <= d <= last)
            holiday = Holiday(old.name, days, kept)
        by_name[holiday.name] = holiday
    return replace(
        base,
        holidays=tuple(sorted(by_name.values(), key=lambda h: min(h.days_off or h.workdays))),
        warnings=tuple(warnings),
    )
