"""Deadline phrases become the dates a liaison would write in a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.plans.deadlines import (
    find_deadline_in_text,
    has_date_without_year,
    parse_deadline,
)


@pytest.mark.parametrize(
    ("raw", "kind", "due"),
    [
        ("3月", "month", date(2024, 3, 31)),
        ("3 月", "month", date(2024, 3, 31)),
        ("３月底", "month", date(2024, 3, 31)),
        ("3月底前", "month", date(2024, 3, 31)),
        ("2月", "month", date(2024, 2, 29)),  # 2024 is a leap year
        ("2025年6月", "month", date(2025, 6, 30)),
        ("2024年6月底前", "month", date(2024, 6, 30)),
        ("6月30日前", "date", date(2024, 6, 30)),
        ("630前", "date", date(2024, 6, 30)),
        ("上半年", "month", date(2024, 6, 30)),
        ("下半年", "month", date(2024, 12, 31)),
        ("年底前", "month", date(2024, 12, 31)),
        ("年内", "month", date(2024, 12, 31)),
        ("2024年底前", "month", date(2024, 12, 31)),
        ("一季度", "month", date(2024, 3, 31)),
        ("二季度", "month", date(2024, 6, 30)),
        ("第三季度末", "month", date(2024, 9, 30)),
        ("四季度", "month", date(2024, 12, 31)),
        ("2月上旬前", "date", date(2024, 2, 10)),
        ("5月中旬", "date", date(2024, 5, 20)),
        ("8月下旬", "month", date(2024, 8, 31)),
        ("次年3月", "month", date(2025, 3, 31)),
    ],
)
def test_dated_forms(raw: str, kind: str, due: date) -> None:
    deadline = parse_deadline(raw, 2024)
    assert (deadline.kind, deadline.due) == (kind, due)
    assert deadline.raw == raw


@pytest.mark.parametrize("raw", ["持续推进", "长期坚持", "常态化"])
def test_ongoing_work_has_no_due_date(raw: str) -> None:
    deadline = parse_deadline(raw, 2024)
    assert (deadline.kind, deadline.due) == ("ongoing", None)


# 全年 was read as ongoing until issue 17: it is work the whole year long, due on its last day.
@pytest.mark.parametrize("raw", ["全年", "全年持续", "全年推进", "2024年全年"])
def test_the_whole_year_is_due_on_its_last_day(raw: str) -> None:
    deadline = parse_deadline(raw, 2024)
    assert (deadline.kind, deadline.due, deadline.raw) == ("year", date(2024, 12, 31), raw)


def test_the_whole_year_without_a_year_has_no_date() -> None:
    assert parse_deadline("全年", None).kind == "none"
    assert has_date_without_year("全年")


@pytest.mark.parametrize("raw", ["每季度", "每月", "每半年", "定期"])
def test_recurring_work_has_no_single_due_date(raw: str) -> None:
    deadline = parse_deadline(raw, 2024)
    assert (deadline.kind, deadline.due) == ("recurring", None)


def test_milestones_are_kept_and_the_task_is_due_at_the_last() -> None:
    deadline = parse_deadline("①3月底前完成方案；②6月底前完成验收", 2024)
    assert deadline.due == date(2024, 6, 30)
    assert deadline.milestones == (date(2024, 3, 31), date(2024, 6, 30))


@pytest.mark.parametrize("raw", ["待定", "视情况而定", "13月", "2月30日"])
def test_what_is_not_understood_keeps_its_text_and_no_date(raw: str) -> None:
    deadline = parse_deadline(raw, 2024)
    assert deadline.kind == "none"
    assert deadline.due is None
    assert deadline.raw == raw


def test_month_without_any_year_has_no_date() -> None:
    assert parse_deadline("6月", None).due is None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("完善依申请办理工作全链条管理。630前,建立健全制度。", date(2020, 6, 30)),
        ("年底前完成专栏改版。", date(2020, 12, 31)),
        ("6月底前印发实施方案。", date(2020, 6, 30)),
        ("2022年10月底前完成迁移。", date(2022, 10, 31)),
    ],
)
def test_deadline_phrases_inside_task_text(text: str, due: date) -> None:
    found = find_deadline_in_text(text, 2020)
    assert found is not None and found.due == due


@pytest.mark.parametrize(
    "text",
    [
        "开展公众开放日活动(年内不少于3次)。",
        "在5个小时内作出首次回应。",
        "截至3月31日已办理46件。",
        "对2010年以来未进行公开属性认定的公文开展审查。",
        "连续3年获评优秀，5年内完成全覆盖。",
    ],
)
def test_durations_and_progress_dates_are_not_deadlines(text: str) -> None:
    assert find_deadline_in_text(text, 2020) is None
