"""The real plans under tests/fixtures parse into the tasks a liaison would list by hand."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.plans.parser import due_months, parse_file

from .conftest import (
    FIXTURES,
    PLAN_2020_CITY,
    PLAN_2024_CITY,
    PLAN_2024_DISTRICT,
    REPORT_2018,
    REPORT_2020,
)


def _renderings(stem: str) -> list[Path]:
    """The .txt seed and every rendering of it that exists (.docx, .pdf, .ofd)."""
    paths = [FIXTURES / f"{stem}.{ext}" for ext in ("txt", "docx", "pdf", "ofd")]
    return [p for p in paths if p.exists()]


def _by_label(plan: ParsedPlan) -> dict[str, Task]:
    return {t.label: t for t in plan.tasks}


def _task_ending(plan: ParsedPlan, ending: str) -> Task:
    matches = [t for t in plan.tasks if t.text.endswith(ending)]
    assert len(matches) == 1, [t.text[-30:] for t in plan.tasks]
    return matches[0]


@pytest.mark.parametrize("path", _renderings(PLAN_2024_CITY), ids=lambda p: p.suffix)
def test_city_plan_2024_tasks_and_months(path: Path) -> None:
    plan = parse_file(path)
    assert plan.kind == "work_plan"
    assert plan.year == 2024
    assert plan.doc_number == "沪司发〔2024〕38号"
    assert plan.issued_on == date(2024, 4, 30)
    assert plan.issuer == "上海市司法局"
    assert len(plan.tasks) == 33
    assert due_months(plan) == {
        "2024-03": 3,
        "2024-06": 1,
        "2024-07": 1,
        "2024-08": 2,
        "2024-10": 2,
        "2024-11": 2,
        "2024-12": 22,
    }


@pytest.mark.parametrize("path", _renderings(PLAN_2024_CITY), ids=lambda p: p.suffix)
def test_city_plan_2024_tasks_broken_across_pages(path: Path) -> None:
    plan = parse_file(path)
    rollout = _task_ending(plan, "在公共法律服务领域的应用推广。")
    assert rollout.lead == ("信息处", "公服处")
    assert rollout.responsible == ()
    assert "“随申码”“时空地图”在公共法律服务领域" in rollout.text

    replies = [t for t in plan.tasks if "保障答复质效和办理时限" in t.text]
    assert len(replies) == 1
    assert replies[0].responsible == ("各部门",)
    assert replies[0].collective == ("各部门",)


def test_city_plan_2024_paragraph_holding_several_tasks() -> None:
    plan = parse_file(FIXTURES / f"{PLAN_2024_CITY}.txt")
    first_section = [t for t in plan.tasks if t.section == ("一、", "（一）")]
    assert len(first_section) == 5
    # The paragraph's heading sentence is the section's title, not part of the first task.
    assert first_section[0].text.startswith("按照立法程序规定")
    assert first_section[0].lead == ("办公室",)
    assert first_section[0].responsible == ("立法一处", "立法二处", "立法三处")
    assert first_section[0].annotation == (
        "(牵头部门：办公室；责任部门：立法一处、立法二处、立法三处。完成时间：3月)"
    )
    titles = {s.label: s.title for s in plan.sections if s.level == 2}
    assert titles["（一）"] == "持续加强行政立法和行政执法领域信息公开"


def test_city_plan_2020_unannotated_numbered_items_are_tasks() -> None:
    plan = parse_file(FIXTURES / f"{PLAN_2020_CITY}.txt")
    assert plan.kind == "work_plan"
    assert plan.year == 2020
    assert plan.doc_number == "沪司办〔2020〕6号"
    assert plan.issued_on == date(2020, 4, 23)
    assert [t.label for t in plan.tasks] == [str(i) for i in range(1, 22)]
    assert all(not t.lead and not t.responsible for t in plan.tasks)
    dated = {t.label: t.deadline for t in plan.tasks if t.deadline.due is not None}
    assert set(dated) == {"9", "10"}
    assert all("630前" in plan.tasks[int(k) - 1].text for k in dated)
    assert {d.due for d in dated.values()} == {date(2020, 6, 30)}
    # `年内不少于3次` in task 15 is a frequency, not a deadline.
    assert plan.tasks[14].deadline.kind == "none"
    no_owner = [w.task for w in plan.warnings if w.code == "no_owner"]
    assert no_owner == [str(i) for i in range(1, 22)]


def test_district_plan_2024_numbered_tasks_after_summary() -> None:
    plan = parse_file(FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    assert plan.kind == "work_plan"
    assert plan.title == "2024年普陀区司法行政工作要点和责任分工"
    assert plan.issued_on == date(2024, 2, 22)
    assert plan.doc_number == "沪普司〔2024〕1号"
    assert [t.label for t in plan.tasks] == [str(i) for i in range(1, 90)]
    # Nothing from the 2023 summary (一是… paragraphs, 一、法治普陀建设…) became a task or section.
    assert not any("迈上新台阶" in s.title for s in plan.sections)
    assert Counter(t.deadline.kind for t in plan.tasks)["ongoing"] == 7


@pytest.mark.parametrize("path", _renderings(PLAN_2024_DISTRICT), ids=lambda p: p.suffix)
def test_district_plan_2024_owners(path: Path) -> None:
    plan = parse_file(path)
    tasks = _by_label(plan)
    assert len(plan.tasks) == 89
    assert tasks["25"].responsible == ("行政复议科",)
    assert tasks["25"].deadline.kind == "ongoing"
    assert tasks["64"].lead == ("司法鉴定管理科",)
    assert tasks["64"].responsible == ("区公共法律服务中心（各街镇工作站）", "法律援助中心")
    assert tasks["64"].collective == ()
    assert tasks["75"].responsible == ("政治处", "公共法律服务管理科")
    assert tasks["80"].lead == ("办公室",)
    assert tasks["80"].deadline.due == date(2024, 12, 31)
    assert tasks["89"].collective == ("各科处室", "各司法所")


@pytest.mark.parametrize("path", _renderings(PLAN_2024_DISTRICT), ids=lambda p: p.suffix)
def test_district_plan_2024_january_deadlines_before_issue_are_flagged(path: Path) -> None:
    plan = parse_file(path)
    tasks = _by_label(plan)
    assert tasks["23"].deadline.due == date(2024, 1, 31)
    assert tasks["58"].deadline.due == date(2024, 1, 31)
    early = sorted(w.task for w in plan.warnings if w.code == "deadline_before_issue")
    assert early == ["23", "58"]
    assert all(w.code == "deadline_before_issue" for w in plan.warnings)


@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2018])
def test_annual_reports_are_recognised_not_imported(stem: str) -> None:
    plan = parse_file(FIXTURES / f"{stem}.txt")
    assert plan.kind == "annual_report"
    assert plan.tasks == ()
    assert [w.code for w in plan.warnings] == ["not_a_plan"]
    assert "年度报告" in (plan.title or "")


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed (.ci/run installs it)",
)
def test_legacy_word_doc_is_read_through_libreoffice() -> None:
    plan = parse_file(FIXTURES / f"{PLAN_2024_CITY}.doc")
    assert len(plan.tasks) == 33
    assert due_months(plan)["2024-12"] == 22
    assert plan.warnings[0].code == "reader_note"
    assert "LibreOffice" in plan.warnings[0].message
