"""Real plans of other cities, districts and counties (tests/fixtures/other_bureaus, sources in
its SOURCES.md) read into the tasks a liaison there would list by hand.

The stored copies are the first two thousand characters or so of each page: where a copy
stops inside a task, that task is what the page's beginning says (no owner, a name cut short).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.plans.parser import parse_file
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import import_file

from .conftest import FIXTURES
from .storage_helpers import new_storage

OTHER = FIXTURES / "other_bureaus"


def _plan(name: str) -> ParsedPlan:
    return parse_file(OTHER / f"{name}.txt")


def _by_label(plan: ParsedPlan) -> dict[str, Task]:
    return {t.label: t for t in plan.tasks}


def _codes(plan: ParsedPlan, task: str | None) -> list[str]:
    return [w.code for w in plan.warnings if w.task == task]


# -- 鞍山市立山区 2023: `1.` items with `牵头单位:` / `责任单位:` lines ---------------------------


def test_lishan_2023_tasks_and_owners() -> None:
    plan = _plan("lishan_2023")
    assert (plan.kind, plan.year) == ("work_plan", 2023)
    assert plan.doc_number == "鞍立政发〔2023〕2号"
    # The title wraps after `重点工作`: both lines are the title.
    assert plan.title == "立山区政府2023年重点工作任务分解和责任分工方案"
    assert plan.issuer == "立山区人民政府"
    assert plan.issued_on == date(2023, 3, 28)
    assert [t.label for t in plan.tasks] == [str(i) for i in range(1, 8)]
    tasks = _by_label(plan)
    assert tasks["1"].lead == ("区发改局",)
    assert tasks["1"].responsible == ("立山经济开发区", "全区经济运行各专班")
    assert tasks["3"].responsible == ("立山经济开发区", "各街道", "区直各部门")
    assert tasks["4"].lead == ("区商务局",) and tasks["4"].responsible == ("各街道", "区市场局")
    assert tasks["5"].text == "一般公共预算收入增长8%左右。"
    # The plan gives no deadlines; the stored page stops before task 7's owners.
    assert all(t.deadline.kind == "none" for t in plan.tasks)
    assert _codes(plan, "7") == ["no_owner"]


# -- 武汉市蔡甸区 2023: the labelled block that glued label and issuer to the number ----------


def test_caidian_2023_labelled_block() -> None:
    plan = _plan("caidian_2023")
    assert plan.doc_number == "蔡政办〔2023〕1号"
    # No title of its own: the notice's, unquoted, names the plan it forwards.
    assert plan.title == "2023年区《政府工作报告》确定的主要目标任务责任分解方案"
    # `发布机构 区人民政府办公室`, and the full name of that office above the date.
    assert plan.issuer == "蔡甸区人民政府办公室"
    assert plan.issued_on == date(2023, 1, 3)
    assert plan.year == 2023


def test_caidian_2023_tasks() -> None:
    plan = _plan("caidian_2023")
    assert plan.kind == "work_plan"
    assert [t.label for t in plan.tasks] == ["（一）", "（二）", "（三）", "（四）"]
    tasks = _by_label(plan)
    assert tasks["（一）"].text == "地区生产总值增长7%以上"
    assert tasks["（一）"].responsible == ("区发展和改革局",)
    assert tasks["（二）"].responsible == ("区科技和经信局",)
    assert tasks["（三）"].section == ("一、",)
    # No block line became a task or a section.
    assert not any("MB1534522" in t.text or "政务公开" in t.text for t in plan.tasks)
    assert not any("索引号" in s.title or s.title == "有效" for s in plan.sections)


# -- 池州市信访局: a task table copied to text between `|` lines ------------------------------


def test_chizhou_xinfang_table_as_text() -> None:
    plan = _plan("chizhou_xinfang")
    assert plan.kind == "work_plan"
    assert [t.label for t in plan.tasks] == [str(i) for i in range(1, 9)]
    tasks = _by_label(plan)
    assert tasks["1"].text.startswith(
        "强化行政规范性文件集中规范公开：对行政规范性文件进行全面清理"
    )
    assert tasks["1"].responsible == ("办公室",)
    # 工作任务 merged down over rows 3 and 4: row 4 carries it.
    assert tasks["4"].text.startswith("做好主动公开基础工作：规范做好政府信息公开工作年度报告")
    assert tasks["2"].collective == ("各科室",)
    assert [t.deadline.kind for t in plan.tasks[1:]] == ["ongoing"] * 7
    # 年底前 with no year anywhere on the page: kept as written and said.
    assert tasks["1"].deadline.raw == "年底前" and tasks["1"].deadline.due is None
    assert _codes(plan, "1") == ["year_unknown"]


# -- 亳州市谯城区教育局 2025: labelled block, a table one cell a paragraph --------------------


def test_qiaocheng_education_2025_labelled_block() -> None:
    plan = _plan("qiaocheng_education_2025")
    assert plan.title == "谯城区教育局2025年政府工作报告重点工作任务分解表"
    assert plan.issuer == "谯城区教育局"
    assert plan.issued_on == date(2025, 6, 13)
    assert plan.doc_number is None  # `文号:` is empty on the page
    assert plan.year == 2025


def test_qiaocheng_education_2025_tasks() -> None:
    plan = _plan("qiaocheng_education_2025")
    assert plan.kind == "work_plan"
    assert [t.label for t in plan.tasks] == ["3", "68", "69", "73"]
    tasks = _by_label(plan)
    assert tasks["3"].owners[0] == "区发改委"
    assert "谯城经开区管委会" in tasks["3"].owners
    assert tasks["3"].section == ("一、",)
    assert tasks["68"].owners[:2] == ("区教育局", "区政府有关部门")
    assert tasks["68"].section == ("六、",)
    assert tasks["69"].owners == ("区教育局", "区投资促进中心")
    # 持续推进 opens task 68's text: a verb there, not its deadline.
    assert tasks["68"].text.startswith("持续推进") and tasks["68"].deadline.kind == "none"
    assert "no_owner" in _codes(plan, "73")  # the stored page stops in this row


# -- 霍山县开发区 2025: a table closed by `|`, 完成时限 全年, a 责任领导 column ----------------


def test_huoshan_devzone_2025_whole_year_deadlines() -> None:
    plan = _plan("huoshan_devzone_2025")
    assert (plan.kind, plan.year) == ("work_plan", 2025)
    assert [t.label for t in plan.tasks] == ["1", "2", "3"]
    tasks = _by_label(plan)
    assert tasks["1"].responsible == ("招商工作部", "安商工作部")
    assert tasks["3"].responsible == ("规划建设局",)
    assert {(t.deadline.kind, t.deadline.due) for t in plan.tasks} == {("year", date(2025, 12, 31))}
    # 全年 inside task 2's text (`力争全年盘活…`) is what the task says, the column its deadline.
    assert "力争全年盘活僵尸企业10家" in tasks["2"].text
    # The leaders are people, never owners.
    assert not any("叶林" in t.owners or "马振明" in t.owners for t in plan.tasks)


def test_huoshan_devzone_2025_leaders() -> None:
    tasks = _by_label(_plan("huoshan_devzone_2025"))
    assert [tasks[k].leaders for k in ("1", "2", "3")] == [("叶林",), ("马振明",), ("张云峰",)]


# -- 南陵县 2024: 分 管 县领导, numbering from 80 -------------------------------------------


def test_nanling_2024_rows_numbered_from_80() -> None:
    plan = _plan("nanling_2024")
    assert (plan.kind, plan.year) == ("work_plan", 2024)
    assert [t.label for t in plan.tasks] == ["80", "81"]
    assert all(t.lead == ("县教育局",) for t in plan.tasks)
    assert all(t.responsible == ("县各有关单位",) for t in plan.tasks)
    assert not any("俞" in name for t in plan.tasks for name in t.owners)


def test_nanling_2024_leaders_with_spaces_and_run_together() -> None:
    tasks = _by_label(_plan("nanling_2024"))
    assert tasks["80"].leaders == ("俞悦",)
    assert tasks["81"].leaders == ("陆明", "俞悦")


# -- 黄石市下陆区 2023: square-bracket annotations ------------------------------------------


def test_xialu_2023_outline() -> None:
    plan = _plan("xialu_2023")
    assert (plan.kind, plan.year) == ("work_plan", 2023)
    assert plan.title == "2023年区政府工作报告重点任务分解"
    assert [t.label for t in plan.tasks] == ["1", "2"]
    assert plan.tasks[0].section == ("一、", "（一）")
    # `明年年底满园运营` is what the task will achieve, not when it is due.
    assert plan.tasks[0].deadline.kind == "none"


def test_xialu_2023_square_bracket_owners() -> None:
    first = _plan("xialu_2023").tasks[0]
    assert first.responsible == ("老街办", "区招商服务中心", "长乐投资有限公司")


# -- 西平县 2020: `(一)` paragraphs closed by a `责任单位:` line ---------------------------------


def test_xiping_2020_tasks() -> None:
    plan = _plan("xiping_2020")
    assert (plan.kind, plan.year) == ("work_plan", 2020)
    assert plan.doc_number == "西政办〔2020〕20号"
    assert plan.issued_on == date(2020, 7, 8)
    assert plan.title == "西平县2020年度法治政府建设工作安排"
    first, second = plan.tasks
    assert first.label == "（一）"
    assert first.text.startswith("为推动经济高质量发展提供法治保障。")
    assert first.responsible[:3] == ("县政府办公室", "县司法局", "各有关部门")
    assert second.lead == second.responsible == ()  # the stored page stops in this task


# -- 咸宁市 2022: the notice alone, with a bulleted labelled block -----------------------------


def test_xianning_2022_notice_is_not_a_plan_and_says_why() -> None:
    plan = _plan("xianning_2022_notice")
    assert plan.kind == "unknown" and plan.tasks == ()
    assert plan.doc_number == "咸政办发〔2022〕1号"
    assert plan.issuer == "咸宁市人民政府办公室"
    assert plan.issued_on == date(2022, 1, 7)  # 发文日期, not the day it was published
    # It has numbered paragraphs (一、二、三、) but no annotation, table or plan title.
    assert plan.not_a_plan_because == ("no_annotations", "no_table_header", "no_plan_title")


def test_xianning_2022_notice_reasons_in_the_json_of_parse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "--json", str(OTHER / "xianning_2022_notice.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "unknown"
    assert data["not_a_plan_because"] == ["no_annotations", "no_table_header", "no_plan_title"]
    (warning,) = data["warnings"]
    assert "标题不像工作要点" in warning["message"]


def test_xianning_2022_notice_import_is_refused_with_the_reason(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    with pytest.raises(ServiceError) as caught:
        import_file(storage, OTHER / "xianning_2022_notice.txt")
    assert caught.value.code == "not_a_plan"
    assert "没有标注牵头或责任部门" in caught.value.message_zh
    assert "its title does not name a plan" in caught.value.message_en


# -- 咸阳市 2022: traditional script ----------------------------------------------------------


def test_xianyang_2022_traditional_owner_phrases() -> None:
    plan = _plan("xianyang_2022_traditional")
    assert plan.kind == "work_plan"
    # The stored copy begins at the page's `全文`: no title, never that word.
    assert plan.title is None
    first = plan.tasks[0]
    assert first.text.startswith("全面實施行政許可事項清單管理。")
    assert first.lead == ("市政府辦公室", "市行政審批制度改革工作領導小組辦公室")
