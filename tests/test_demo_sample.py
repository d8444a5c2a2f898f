"""The sample of ``--demo``, moved to this year: its dates move, and so does every mention of
its year in the words a user reads (title, document number, sections, tasks, deadlines),
while every other number stays as written."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from db import repository
from desktop_app.paths import SAMPLE_PLAN, resource_path
from desktop_app.plans.model import ParsedPlan
from desktop_app.plans.parser import parse_file
from desktop_app.services import plans
from desktop_app.services.demo import move_to_year, move_year_in_text
from tests.storage_helpers import new_storage


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("推进及时公开2024年市政府立法工作计划", "推进及时公开2026年市政府立法工作计划"),
        ("编制2024年度重大行政决策事项目录", "编制2026年度重大行政决策事项目录"),
        ("上海市司法局 2024 年政务公开工作要点", "上海市司法局 2026 年政务公开工作要点"),
        ("2024年6月底前", "2026年6月底前"),
        ("沪司发〔2024〕38号", "沪司发〔2026〕38号"),
        ("举办2024上海仲裁周", "举办2026上海仲裁周"),
        ("二〇二四年工作要点", "二〇二六年工作要点"),
        ("二零二四年工作要点", "二零二六年工作要点"),
        ("2024年与2024年度", "2026年与2026年度"),
    ],
)
def test_the_plan_s_year_is_moved_where_it_is_named(written: str, moved: str) -> None:
    assert move_year_in_text(written, 2024, 2) == moved


@pytest.mark.parametrize(
    "written",
    [
        "培训2024人次",  # a count
        "共2024个点位",
        "投入2024万元",
        "编号12024年",  # a longer number
        "20241号文件",
        "增长2024.5亿",
        "完成率2024%",
        "2023—2024年规划",  # a span of years
        "2024-2026年三年行动计划",
        "2025年3月底前",  # another year
        "电话 2024",
    ],
)
def test_other_numbers_stay_as_written(written: str) -> None:
    assert move_year_in_text(written, 2024, 2) == written


def test_a_deadline_names_its_own_dates_years_and_each_moves_once() -> None:
    assert move_year_in_text("2024年12月、2025年3月", frozenset({2024, 2025}), 1) == (
        "2025年12月、2026年3月"
    )


def _sample() -> ParsedPlan:
    return parse_file(resource_path(SAMPLE_PLAN))


def _words(plan: ParsedPlan) -> list[str]:
    texts = [plan.title, plan.doc_number, *(s.title for s in plan.sections)]
    for task in plan.tasks:
        texts += [task.text, task.annotation, task.deadline.raw, *task.section]
    return [t for t in texts if t]


def test_the_sample_moved_names_the_new_year_and_nothing_else_changes() -> None:
    original = _sample()
    assert original.year == 2024, "the bundled sample is the 2024 plan"
    moved = move_to_year(original, 2026)
    before, after = _words(original), _words(moved)
    assert any("2024年" in t for t in before) and any("2024上海仲裁周" in t for t in before)
    assert not [t for t in after if "2024" in t]
    assert any("2026年市政府立法工作计划" in t for t in after)
    assert any("2026上海仲裁周" in t for t in after)
    assert moved.title is not None and "2026年政务公开工作要点" in moved.title
    assert moved.doc_number == "沪司发〔2026〕38号"
    # The same words otherwise: only the year moved, no other number.
    assert [t.replace("2026", "2024") for t in after] == before
    assert [re.sub(r"\d", "", t) for t in after] == [re.sub(r"\d", "", t) for t in before]


def test_the_demo_s_tasks_in_the_database_name_this_year(tmp_path: Path) -> None:
    storage = new_storage(tmp_path, datetime(2026, 3, 2, 9, 0))
    try:
        result = plans.import_sample(storage, date(2026, 3, 2))
        rows = repository.tasks(plan_ids=[result.plan_id])
        texts = " ".join(r.text for r in rows)
        texts += " ".join(repository.section_titles(result.plan_id).values())
        assert "2026年市政府立法工作计划" in texts and "2026上海仲裁周" in texts
        assert "2024" not in texts
        plan = next(p for p in repository.plans() if p.id == result.plan_id)
        assert "2024" not in plan.title and "2026" in plan.title
        assert all(r.due is None or r.due.year == 2026 for r in rows)
    finally:
        storage.close()
