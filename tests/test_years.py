"""Years no plan can have: a typo in a deadline's or a title's year is a warning naming it,
never an exception (`ValueError: year 0 is out of range` used to end the whole document)
and never a silent guess; titles in Chinese numerals give their year."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from desktop_app.plans.deadlines import parse_deadline
from desktop_app.plans.parser import parse_text
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN

set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "deadline-reminder-hypothesis"))


def _plan(title_year: str, deadline: str) -> str:
    return (
        f"{title_year}年某区司法局工作要点\n一、重点工作\n"
        f"1. 完成年度总结。（牵头部门：办公室。完成时间：{deadline}）\n"
        "2. 做好普法宣传。（牵头部门：办公室。完成时间：6月）\n"
    )


@pytest.mark.parametrize(
    ("deadline", "written"),
    [
        ("0000年12月", "0000"),
        ("20240年3月", "20240"),
        ("202年3月", "202"),
        ("2999年6月底前", "2999"),
    ],
)
def test_a_typo_in_a_deadline_s_year_is_a_warning_and_the_rest_of_the_plan_is_read(
    deadline: str, written: str
) -> None:
    plan = parse_text(_plan("2024", deadline))
    first, second = plan.tasks
    assert first.deadline.kind == "none" and first.deadline.due is None  # no guess
    assert first.deadline.raw == deadline  # kept as written, to correct in the preview
    assert second.deadline.due == date(2024, 6, 30)  # the rest of the document is read
    [warning] = [w for w in plan.warnings if w.code == "deadline_out_of_range"]
    assert warning.task == "1" and f"“{written}”" in warning.message
    assert f"{YEAR_MIN}–{YEAR_MAX}" in warning.message


@pytest.mark.parametrize("title_year", ["10000", "1900", "2999", "0000"])
def test_a_title_year_no_plan_can_have_is_a_warning_not_the_plan_s_year(title_year: str) -> None:
    plan = parse_text(_plan(title_year, "12月"))
    assert plan.year is None
    assert [w.code for w in plan.warnings if w.task is None] == ["year_out_of_range"]
    assert f"“{title_year}”" in next(w.message for w in plan.warnings if w.task is None)
    assert plan.tasks[0].deadline.due is None  # 12月 of which year? said, not guessed
    assert "year_unknown" in {w.code for w in plan.warnings}


def test_a_title_year_in_chinese_numerals_is_read() -> None:
    plan = parse_text(_plan("二〇二四", "12月"))
    assert plan.year == 2024
    assert plan.tasks[0].deadline.due == date(2024, 12, 31)
    assert not plan.warnings


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title_year=st.integers(min_value=0, max_value=999_999),
    year=st.integers(min_value=0, max_value=999_999),
    month=st.integers(min_value=0, max_value=99),
    form=st.sampled_from(
        ["{y}年{m}月", "{y}年{m}月底前", "{y}年上半年", "{y}年第二季度", "{y}年底前"]
    ),
)
def test_any_number_where_a_year_is_read_gives_a_date_in_range_or_a_warning(
    title_year: int, year: int, month: int, form: str
) -> None:
    deadline = form.format(y=year, m=month)
    plan = parse_text(_plan(str(title_year), deadline))  # never raises
    assert plan.year is None or YEAR_MIN <= plan.year <= YEAR_MAX
    for task in plan.tasks:
        due = task.deadline.due
        assert due is None or YEAR_MIN <= due.year <= YEAR_MAX + 1
    first = plan.tasks[0]
    if first.deadline.due is None:
        assert {w.code for w in plan.warnings if w.task in (None, "1")} & {
            "deadline_out_of_range",
            "deadline_unparsed",
            "year_unknown",
            "year_out_of_range",
        }


@given(year=st.integers(min_value=-10, max_value=10**6), month=st.integers(0, 13))
def test_parse_deadline_never_raises_for_any_plan_year(year: int, month: int) -> None:
    parse_deadline(f"{month}月底前", year if year else None)  # a plan's year from anywhere


def test_a_duration_in_a_title_is_not_taken_for_its_year() -> None:
    plan = parse_text(
        "某区普法3年行动2027年工作要点\n一、重点工作\n"
        "1. 完成年度总结。（牵头部门：办公室。完成时间：12月）\n"
    )
    assert plan.year == 2027 and not [w for w in plan.warnings if w.task is None]
