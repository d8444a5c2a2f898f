"""Property-based tests of the holiday-notice reader: notices generated for any year, with
holidays in any order, both punctuation widths and both weekday spellings, read back as
generated; and mangled notices that make it raise nothing but its own error.

Runs are derandomized (no example database), so CI sees the same examples every time.
"""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from desktop_app.calendar.errors import NoticeError
from desktop_app.calendar.notice import Holiday, parse_notice

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "deadline-reminder-hypothesis")

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NAMES = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "中秋节、国庆节"]
NUMERALS = "一二三四五六七八九十"
WEEKDAY = "一二三四五六日"
FULL = {"colon": "：", "comma": "，", "open": "（", "close": "）", "stop": "。", "list": "、"}
ASCII = {"colon": ":", "comma": ",", "open": "(", "close": ")", "stop": "。", "list": "、"}


@st.composite
def holiday(draw: st.DrawFn, year: int, name: str) -> Holiday:
    start = date(year, 1, 1) + timedelta(days=draw(st.integers(0, 355)))
    length = draw(st.integers(1, 9))
    days = tuple(start + timedelta(n) for n in range(length))
    weekends = [
        d
        for d in (start - timedelta(n) for n in range(1, 8))
        if d.weekday() >= 5 and d.year == year
    ] + [
        d
        for d in (days[-1] + timedelta(n) for n in range(1, 8))
        if d.weekday() >= 5 and d.year == year
    ]
    workdays = (
        tuple(sorted(draw(st.sets(st.sampled_from(weekends), max_size=2)))) if weekends else ()
    )
    return Holiday(name, days, workdays)


@st.composite
def notice(draw: st.DrawFn) -> tuple[int, list[Holiday], str]:
    year = draw(st.integers(2000, 2099))
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=7, unique=True))
    holidays = [draw(holiday(year, name)) for name in names]
    p = draw(st.sampled_from([FULL, ASCII]))
    week = draw(st.sampled_from(["周", "星期"]))
    sunday = draw(st.sampled_from(["日", "天"])) if week == "星期" else "日"

    def weekday(day: date) -> str:
        name = WEEKDAY[day.weekday()]
        return f"{p['open']}{week}{sunday if name == '日' else name}{p['close']}"

    def when(day: date, month: bool = True) -> str:
        text = f"{day.month}月{day.day}日" if month else f"{day.day}日"
        return text + (weekday(day) if draw(st.booleans()) else "")

    lines = [f"国务院办公厅关于{year}年部分节假日安排的通知", "各省、自治区、直辖市人民政府："]
    for number, h in enumerate(holidays):
        first, last = h.days_off[0], h.days_off[-1]
        if len(h.days_off) == 1:
            off = f"{when(first)}放假{p['comma']}共1天{p['stop']}"
        else:
            same_month = first.month == last.month and draw(st.booleans())
            off = (
                f"{when(first)}至{when(last, month=not same_month)}放假调休"
                f"{p['comma']}共{len(h.days_off)}天{p['stop']}"
            )
        work = ""
        if h.workdays:
            work = p["list"].join(when(d) for d in h.workdays) + f"上班{p['stop']}"
        lines.append(f"{NUMERALS[number]}、{h.name}{p['colon']}{off}{work}")
    lines.append("节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。")
    return year, holidays, "\n".join(lines)


@SETTINGS
@given(notice())
def test_a_generated_notice_reads_as_it_was_written(
    generated: tuple[int, list[Holiday], str],
) -> None:
    year, holidays, text = generated
    read = parse_notice(text)
    assert read.year == year
    assert sorted(read.holidays, key=lambda h: h.name) == sorted(holidays, key=lambda h: h.name)
    assert read.warnings == ()


@SETTINGS
@given(notice(), st.data())
def test_a_mangled_notice_raises_nothing_but_the_readers_error(
    generated: tuple[int, list[Holiday], str], data: st.DataObject
) -> None:
    text = generated[2]
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(
        st.text(alphabet="0123456789年月日至（）():：，,。、周星期上班放假调休共天\n", max_size=12)
    )
    mangled = data.draw(
        st.sampled_from(
            [
                text[:cut],
                text[cut:],
                text[:cut] + insert + text[cut:],
                text.replace("月", insert, 1),
                text.replace("\n", ""),
            ]
        )
    )
    with contextlib.suppress(NoticeError):  # anything else fails the test
        parse_notice(mangled)
