"""The State Council's real holiday notices, 2015–2026 (tests/fixtures/holidays, SOURCES.md
says where each comes from), read and checked day by day against chinese-calendar's own
data; the two amended years read as first written and as amended; and the forms and
mistakes a copy from a web page brings."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from desktop_app.calendar.errors import NoticeError
from desktop_app.calendar.notice import HolidayNotice, apply_supplement, parse_notice
from desktop_app.calendar.workdays import WorkCalendar

NOTICES = Path(__file__).resolve().parent / "fixtures" / "holidays"
YEARS = range(2015, 2027)
# 2015's days off for the 70th anniversary of the victory (3–4 September, 6 September
# worked) come from a separate notice (国发明电〔2015〕1号), not the yearly one.
SEPARATE_2015 = {date(2015, 9, 3), date(2015, 9, 4), date(2015, 9, 6)}


def _read(name: str) -> HolidayNotice:
    return parse_notice((NOTICES / f"{name}.txt").read_text(encoding="utf-8"))


def _in_force(year: int) -> HolidayNotice:
    notice = _read(str(year))
    if (NOTICES / f"{year}-supplement.txt").exists():
        notice = apply_supplement(notice, _read(f"{year}-supplement"))
    return notice


@pytest.mark.parametrize("year", YEARS)
def test_each_years_notice_gives_the_same_working_days_as_the_bundled_data(year: int) -> None:
    # The next year's notice names the last days of this one (元旦 from 30 December 2018).
    notices = [_in_force(y) for y in (year, year + 1) if (NOTICES / f"{y}.txt").exists()]
    calendar = WorkCalendar(notices=notices)
    assert calendar.covers(year)
    day, wrong = date(year, 1, 1), []
    while day.year == year:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            wrong.append(day)
        day += timedelta(days=1)
    assert set(wrong) == (SEPARATE_2015 if year == 2015 else set())


@pytest.mark.parametrize("year", YEARS)
def test_each_notice_reads_without_a_doubt(year: int) -> None:
    notice = _read(str(year))
    assert notice.year == year and not notice.supplementary
    assert {"元旦", "春节", "清明节", "劳动节", "端午节"} <= {h.name for h in notice.holidays}
    doubts = [w.message for w in notice.warnings]
    if year == 2024:  # "鼓励……安排职工在除夕（2月9日）休息": advice, said and not applied
        assert len(doubts) == 1 and "2月9日" in doubts[0]
        assert date(2024, 2, 9) not in notice.days_off()
    else:
        assert doubts == []


def test_2019_reads_as_first_written_then_as_amended() -> None:
    first = _read("2019")
    labour = next(h for h in first.holidays if h.name == "劳动节")
    assert labour.days_off == (date(2019, 5, 1),) and labour.workdays == ()
    supplement = _read("2019-supplement")
    assert supplement.supplementary and supplement.year == 2019
    amended = next(h for h in apply_supplement(first, supplement).holidays if h.name == "劳动节")
    assert amended.days_off == tuple(date(2019, 5, d) for d in range(1, 5))
    assert amended.workdays == (date(2019, 4, 28), date(2019, 5, 5))


def test_2020_reads_as_first_written_then_extended() -> None:
    first = _read("2020")
    spring = next(h for h in first.holidays if h.name == "春节")
    assert spring.days_off == tuple(date(2020, 1, 24) + timedelta(n) for n in range(7))
    assert spring.workdays == (date(2020, 1, 19), date(2020, 2, 1))
    extended = apply_supplement(first, _read("2020-supplement"))
    spring = next(h for h in extended.holidays if h.name == "春节")
    assert spring.days_off[0] == date(2020, 1, 24) and spring.days_off[-1] == date(2020, 2, 2)
    assert spring.workdays == (date(2020, 1, 19),)  # 1 February is a day off now
    assert [h.name for h in extended.holidays] == [h.name for h in first.holidays]


def test_a_range_across_the_new_year_and_a_year_on_a_date() -> None:
    new_year = next(h for h in _read("2023").holidays if h.name == "元旦")
    assert new_year.days_off == (date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2))
    first = next(h for h in _read("2019").holidays if h.name == "元旦")
    assert first.days_off[0] == date(2018, 12, 30) and first.workdays == (date(2018, 12, 29),)


def test_make_up_days_off_and_no_make_up_at_all() -> None:
    dragon = next(h for h in _read("2015").holidays if h.name == "端午节")
    assert date(2015, 6, 22) in dragon.days_off  # 6月22日（星期一）补休
    new_year = next(h for h in _read("2025").holidays if h.name == "元旦")
    assert new_year.days_off == (date(2025, 1, 1),) and new_year.workdays == ()  # 不调休


def test_a_copy_with_ascii_punctuation_or_without_line_breaks_reads_the_same() -> None:
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    ascii_copy = text.translate(str.maketrans("：，（）；", ":,();"))
    one_paragraph = text.replace("\n", "")
    expected = parse_notice(text).holidays
    assert parse_notice(ascii_copy).holidays == expected
    assert parse_notice(one_paragraph).holidays == expected


def test_what_cannot_be_trusted_is_a_warning_naming_the_line() -> None:
    text = (
        "国务院办公厅关于2026年部分节假日安排的通知\n"
        "一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n"
        "二、春节：2月15日至23日放假调休，共8天。\n"
        "三、清明节4月4日至6日放假，共3天。\n"
        "四、劳动节：五月一日放假。\n"
    )
    notice = parse_notice(text)
    by_line = {w.line[:3]: w.message for w in notice.warnings}
    assert by_line["一、元"] == "1月1日写作周五，但那天是星期四"
    assert by_line["二、春"] == "写的是共 8 天，但 2月15日至2月23日是 9 天"
    assert "没有“节日名称：”" in by_line["三、清"]
    assert "没有读出" in by_line["四、劳"]
    assert notice.warnings[0].line.startswith("一、元旦：1月1日（周五）")  # as written
    assert [h.name for h in notice.holidays] == ["元旦", "春节"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("各省、自治区、直辖市人民政府：\n一、元旦：1月1日放假。", "no_year"),
        (
            "国务院办公厅关于2027年部分节假日安排的通知\n节假日期间，各地区要安排好值班。",
            "no_holidays",
        ),
    ],
)
def test_a_text_that_is_no_notice_is_refused(text: str, code: str) -> None:
    with pytest.raises(NoticeError) as refused:
        parse_notice(text)
    assert refused.value.code == code


def test_a_supplement_for_another_year_is_refused() -> None:
    with pytest.raises(NoticeError) as refused:
        apply_supplement(_read("2020"), _read("2019-supplement"))
    assert refused.value.code == "other_year"
