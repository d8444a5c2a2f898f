"""The annotation, numbering and layout variants that real plans use, each in a small plan."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest

from desktop_app.plans.model import DocumentText, Table
from desktop_app.plans.parser import parse_document, parse_text

HEADER = "某区司法局2024年工作要点\n"


def _codes(plan, task=None) -> list[str]:
    return [w.code for w in plan.warnings if task is None or w.task == task]


def test_mixed_parenthesis_widths_and_half_width_punctuation() -> None:
    plan = parse_text(
        HEADER
        + "一、依法行政\n"
        + "1. 编制年度重大行政决策事项目录。(牵头部门:办公室;责任部门:信息处,公服处。完成时间:6月）\n"
        + "2. 开展执法检查。（责任部门：执法监督处/法制科，完成时限：3 月)\n"
    )
    first, second = plan.tasks
    assert first.lead == ("办公室",)
    assert first.responsible == ("信息处", "公服处")
    assert first.deadline.due == date(2024, 6, 30)
    assert second.responsible == ("执法监督处", "法制科")
    assert second.deadline.due == date(2024, 3, 31)
    assert second.text == "开展执法检查。"


def test_annotation_alone_on_its_own_line_closes_the_task_above() -> None:
    plan = parse_text(
        HEADER
        + "1. 积极参加第二届上海法治文化节，举办普陀专场活动。\n"
        + "（责任部门：普法治理科。完成时间：12月）\n"
        + "2. 对新任人民监督员开展培训。\n"
        + "(责任部门：人民参与和促进法治科。完成时间：1月)\n"
    )
    assert [t.text for t in plan.tasks] == [
        "积极参加第二届上海法治文化节，举办普陀专场活动。",
        "对新任人民监督员开展培训。",
    ]
    assert plan.tasks[1].deadline.due == date(2024, 1, 31)


def test_owner_keys_on_lines_of_their_own() -> None:
    plan = parse_text(
        HEADER
        + "1. 完善档案管理制度，提高档案管理数字化水平。\n"
        + "牵头单位：办公室\n"
        + "责任单位：各科室、法律援助中心\n"
        + "时间节点：2024年9月底前\n"
        + "2. 规范固定资产管理。\n"
        + "责任单位：财务科\n"
        + "完成时限：年底前\n"
    )
    first, second = plan.tasks
    assert first.lead == ("办公室",)
    assert first.responsible == ("各科室", "法律援助中心")
    assert first.collective == ("各科室",)
    assert first.deadline.due == date(2024, 9, 30)
    assert (
        first.annotation
        == "牵头单位：办公室\n责任单位：各科室、法律援助中心\n时间节点：2024年9月底前"
    )
    assert first.text == "完善档案管理制度，提高档案管理数字化水平。"
    assert second.responsible == ("财务科",)
    assert second.deadline.due == date(2024, 12, 31)


def test_owners_written_as_a_phrase() -> None:
    plan = parse_text(
        HEADER
        + "1. 推进营商环境法治保障。（市发展改革委牵头，各区、县级市按职责分工负责）\n"
        + "2. 落实专项资金保障。（市财政局负责）\n"
        + "3. 做好信息报送工作。\n"
        + "办公室牵头，各科室配合\n"
    )
    first, second, third = plan.tasks
    assert first.lead == ("市发展改革委",)
    assert first.responsible == ("各区、县级市",)
    assert first.collective == ("各区、县级市",)
    assert second.responsible == ("市财政局",)
    assert third.lead == ("办公室",)
    assert third.responsible == ("各科室",)


def test_parentheses_that_are_not_annotations_stay_in_the_text() -> None:
    plan = parse_text(
        HEADER
        + "1. 印发《行政执法协调监督办法(试行)》，开放日活动(年内不少于3次)。"
        + "（责任部门：综合监督科。完成时间：10月）\n"
    )
    (task,) = plan.tasks
    assert task.text == "印发《行政执法协调监督办法(试行)》，开放日活动(年内不少于3次)。"
    assert task.deadline.due == date(2024, 10, 31)


def test_collective_lists_are_kept_as_written() -> None:
    plan = parse_text(
        HEADER
        + "1. 抓好贯彻落实。（牵头单位：市司法局；责任单位：市直各部门、各区、县级市。完成时间：12月）\n"
    )
    (task,) = plan.tasks
    assert task.responsible == ("市直各部门", "各区、县级市")
    assert task.collective == ("市直各部门", "各区、县级市")


def test_page_break_inside_a_sentence_and_a_department_name() -> None:
    plan = parse_text(
        HEADER
        + "1. 组织开展“区长审案”，发挥领导亲自参与行政复议案件审理的\n\n— 3 —\n\n"
        + "示范效应。（责任部门：行政复议\n\n- 4 -\n\n科。完成时间：12 月)\n"
    )
    (task,) = plan.tasks
    assert task.text == "组织开展“区长审案”，发挥领导亲自参与行政复议案件审理的示范效应。"
    assert task.responsible == ("行政复议科",)
    assert task.deadline.due == date(2024, 12, 31)


def test_annotation_left_open_at_the_end_of_the_file_is_read_and_flagged() -> None:
    plan = parse_text(HEADER + "1. 完成年度考核。（责任部门：政治处。完成时间：12月")
    (task,) = plan.tasks
    assert task.responsible == ("政治处",)
    assert task.deadline.due == date(2024, 12, 31)
    assert "annotation_unclosed" in _codes(plan, "1")


def test_a_stray_open_parenthesis_does_not_swallow_the_annotation() -> None:
    plan = parse_text(
        HEADER + "1. 修订管理办法（试行，加强监督。（责任部门：法制科。完成时间：5月）\n"
    )
    (task,) = plan.tasks
    assert task.responsible == ("法制科",)
    assert task.deadline.due == date(2024, 5, 31)


def test_doubts_become_warnings() -> None:
    plan = parse_text(
        HEADER
        + "1. 开展普法宣传。（责任部门：普法科。完成时间：视情况而定）\n"
        + "2. 修订内部制度。（责任部门：办公室）\n"
        + "3. 加强队伍建设，提升干部能力。\n"
        + "4. 开展专项检查。（责任部门：监督科。完成时间：6月）\n"
    )
    tasks = {t.label: t for t in plan.tasks}
    assert tasks["1"].deadline.kind == "none" and tasks["1"].deadline.raw == "视情况而定"
    assert "deadline_unparsed" in _codes(plan, "1")
    assert "no_deadline" in _codes(plan, "2")
    # An item at the task level without any annotation is still a task, flagged.
    assert tasks["3"].lead == () and "no_owner" in _codes(plan, "3")


def test_unannotated_plan_reads_deadlines_inside_the_text() -> None:
    plan = parse_text(
        "某局2022年政务公开工作要点\n一、加强平台建设\n"
        "1.推进网站集约化。2022年10月底前完成迁移。\n2.完善专栏。年底前上线。\n"
        "3.做好解读工作。\n"
    )
    assert [t.deadline.due for t in plan.tasks] == [date(2022, 10, 31), date(2022, 12, 31), None]


def test_a_notice_without_tasks_is_not_a_plan() -> None:
    plan = parse_text(
        "关于召开年度工作会议的通知\n各部门：\n定于3月5日召开会议，请准时参加。\n特此通知。"
    )
    assert plan.kind == "unknown"
    assert plan.tasks == ()
    assert _codes(plan) == ["no_tasks"]


def test_plan_laid_out_as_a_table_with_merged_cells() -> None:
    rows = (
        ("序号", "工作任务", "具体要求", "牵头单位", "责任科室", "完成时限"),
        (
            "一、依法行政",
            "一、依法行政",
            "一、依法行政",
            "一、依法行政",
            "一、依法行政",
            "一、依法行政",
        ),
        ("1", "推进行政复议", "完善繁简分流机制", "行政复议科", "办公室", "持续推进"),
        ("2", "推进行政复议", "编纂典型案例汇编", "行政复议科", "办公室、政治处", "6月"),
        ("3", "加强普法", "开展宪法宣传周活动", "普法科", "各科室", "12月"),
    )
    merged = frozenset({(1, c) for c in range(1, 6)} | {(3, 1), (3, 3)})
    document = DocumentText(
        blocks=("某区2025年重点工作任务分工表", Table(rows, merged)), source_format="docx"
    )
    plan = parse_document(document)
    assert plan.kind == "work_plan"
    assert plan.year == 2025
    assert [t.label for t in plan.tasks] == ["1", "2", "3"]
    assert plan.tasks[1].text == "推进行政复议：编纂典型案例汇编"
    assert plan.tasks[1].lead == ("行政复议科",)
    assert plan.tasks[1].responsible == ("办公室", "政治处")
    assert plan.tasks[1].section == ("一、",)
    assert plan.tasks[0].deadline.kind == "ongoing"
    assert plan.tasks[2].deadline.due == date(2025, 12, 31)
    assert plan.tasks[2].collective == ("各科室",)


# -- square-bracket annotations and plans in traditional script (issue 17) ------------------


def test_square_bracket_annotations_after_enumerated_items() -> None:
    """`[牵头单位:…;责任单位:…]` after `1、` items under `(一)` sections, half-width colons."""
    plan = parse_text(
        "某市2023年重点工作任务分解\n"
        "(一)优化营商环境\n"
        "1、深化“一网通办”改革，推动高频事项“掌上办”。[牵头单位:区政务服务局;"
        "责任单位:区发改局、各街办(新区)]\n"
        "2、开展涉企收费专项治理。［牵头单位：区市场监管局；责任单位：区财政局；完成时限：6月底前］\n"
        "(二)保障民生\n"
        "1、新建普惠性幼儿园2所。【牵头单位:区教育局】\n"
    )
    first, second, third = plan.tasks
    assert first.text == "深化“一网通办”改革，推动高频事项“掌上办”。"
    assert first.lead == ("区政务服务局",)
    assert first.responsible == ("区发改局", "各街办(新区)")
    assert "各街办(新区)" in first.collective
    assert second.lead == ("区市场监管局",) and second.responsible == ("区财政局",)
    assert second.deadline.due == date(2023, 6, 30)
    assert third.lead == ("区教育局",) and third.text == "新建普惠性幼儿园2所。"
    assert [t.section for t in plan.tasks] == [("（一）",), ("（一）",), ("（二）",)]


def test_a_square_bracket_annotation_broken_after_its_key() -> None:
    """A LibreOffice PDF breaks the line right after `责任单位:`."""
    plan = parse_text(
        "某区2023年工作要点\n"
        "(一)优化营商环境\n"
        "1、推进工程建设项目审批制度改革。[牵头单位:区住建局;责任单位:\n"
        "区自然资源局、区政务服务局]\n"
        "2、落实减税降费政策。[牵头单位:\n"
        "区税务局]\n"
    )
    first, second = plan.tasks
    assert first.lead == ("区住建局",)
    assert first.responsible == ("区自然资源局", "区政务服务局")
    assert first.text == "推进工程建设项目审批制度改革。"
    assert second.lead == ("区税务局",)


def test_square_brackets_that_are_not_annotations_stay_in_the_text() -> None:
    plan = parse_text(
        HEADER
        + "1. 落实《关于加强法治建设的意见》[2023]5号文件要求。（责任部门：办公室。完成时间：6月）\n"
    )
    [task] = plan.tasks
    assert task.text == "落实《关于加强法治建设的意见》[2023]5号文件要求。"
    assert task.responsible == ("办公室",)


def test_square_brackets_in_a_docx(tmp_path) -> None:
    from docx import Document

    from desktop_app.plans.parser import parse_file

    doc = Document()
    for line in (
        "某区2023年重点工作任务清单",
        "(一)优化营商环境",
        "1、深化“一网通办”改革。[牵头单位:区政务服务局;责任单位:区发改局、各街办(新区)]",
        "2、开展涉企收费专项治理。[牵头单位:区市场监管局;责任单位:区财政局]",
    ):
        doc.add_paragraph(line)
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    first, second = parse_file(path).tasks
    assert first.responsible == ("区发改局", "各街办(新区)")
    assert second.lead == ("区市场监管局",)


TRADITIONAL = (
    "某某市人民政府2023年工作要點\n"
    "一、推動高質量發展\n"
    "（一）優化營商環境。全面推行“一網通辦”，壓減審批時限。"
    "（牽頭單位：市發展改革委；責任單位：市財政局、各縣(市、區)政府；完成時間：2023年6月底前）\n"
    "（二）加強農業農村工作。（市農業農村局、各縣(市、區)政府牽頭）\n"
    "（三）推進城市更新。（責任單位：市住房城鄉建設局；時限：2023年12月）\n"
)


def test_a_plan_in_traditional_script_is_a_plan() -> None:
    plan = parse_text(TRADITIONAL)
    assert plan.kind == "work_plan"
    assert plan.title == "某某市人民政府2023年工作要點"  # as written
    assert plan.year == 2023
    assert [t.label for t in plan.tasks] == ["（一）", "（二）", "（三）"]


def test_traditional_keys_are_read_and_names_kept_as_written() -> None:
    first, second, third = parse_text(TRADITIONAL).tasks
    assert first.text == "優化營商環境。全面推行“一網通辦”，壓減審批時限。"
    assert first.lead == ("市發展改革委",)
    assert first.responsible == ("市財政局", "各縣(市、區)政府")
    assert first.collective == ("各縣(市、區)政府",)
    assert first.deadline.due == date(2023, 6, 30)
    assert second.lead == ("市農業農村局", "各縣(市、區)政府")  # a name with its own brackets
    assert second.text == "加強農業農村工作。"
    assert third.responsible == ("市住房城鄉建設局",)
    assert third.deadline.due == date(2023, 12, 31)
    # the section as written, too
    assert parse_text(TRADITIONAL).sections[0].title == "推動高質量發展"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_square_brackets_in_a_libreoffice_pdf_broken_after_the_key(tmp_path) -> None:
    """The .docx printed to PDF by LibreOffice, the line broken right after `责任单位:`."""
    from docx import Document

    from desktop_app.plans.parser import parse_file

    doc = Document()
    doc.add_paragraph("某区2023年重点工作任务清单")
    doc.add_paragraph("(一)优化营商环境")
    item = doc.add_paragraph("1、推进工程建设项目审批制度改革。[牵头单位:区住建局;责任单位:")
    item.runs[0].add_break()
    item.add_run("区自然资源局、各街办(新区)]")
    doc.add_paragraph("2、落实减税降费政策。[牵头单位:区税务局;责任单位:区财政局]")
    source = tmp_path / "plan.docx"
    doc.save(str(source))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    first, second = parse_file(tmp_path / "plan.pdf").tasks
    assert first.lead == ("区住建局",)
    assert first.responsible == ("区自然资源局", "各街办(新区)")
    assert first.text == "推进工程建设项目审批制度改革。"
    assert second.responsible == ("区财政局",)
