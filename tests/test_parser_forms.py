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


# -- issue 17 (meta17): labelled metadata blocks, 全年, deadline words used as verbs, tables
# written as text, and why a document is not a plan ------------------------------------------

PLAN_BODY = "一、依法行政\n1. 编制年度重大行政决策事项目录。（牵头单位：办公室。完成时限：6月）\n"


def test_labelled_block_two_labels_a_line_without_colons() -> None:
    plan = parse_text(
        "区人民政府办公室关于印发某区2024年工作要点的通知\n"
        "索 引 号 AB123/2024-00017 发文日期 2024-02-01\n"
        "发布机构 区人民政府办公室 文    号 某政办〔2024〕3号\n"
        "分   类 政务公开 有 效 性 有效\n"
        "某区2024年工作要点\n" + PLAN_BODY
    )
    assert plan.doc_number == "某政办〔2024〕3号"
    assert plan.issuer == "区人民政府办公室"
    assert plan.issued_on == date(2024, 2, 1)
    assert plan.title == "某区2024年工作要点"
    assert [t.label for t in plan.tasks] == ["1"]
    assert not any("政务公开" in s.title or "AB123" in s.title for s in plan.sections)


def test_labelled_block_values_on_the_next_line_either_colon() -> None:
    plan = parse_text(
        "名称：\n某县2024年法治政府建设工作要点\n"
        "文号:\n某法办〔2024〕7号\n"
        "发文机关：\n某县人民政府办公室\n"
        "成文日期:\n2024年3月5日\n"
        "发布日期：\n2024年3月8日\n" + PLAN_BODY
    )
    assert plan.title == "某县2024年法治政府建设工作要点"
    assert plan.year == 2024
    assert plan.doc_number == "某法办〔2024〕7号"
    assert plan.issuer == "某县人民政府办公室"
    # The day the document was written, not the day the page was published.
    assert plan.issued_on == date(2024, 3, 5)
    assert [t.text for t in plan.tasks] == ["编制年度重大行政决策事项目录。"]


def test_an_empty_labelled_value_takes_nothing_from_the_next_line() -> None:
    plan = parse_text(
        "名 称: 某区2024年工作要点 文 号:\n"
        "发布日期: 2024-04-01 发布机构: 某区司法局 文件分类:\n"
        "各街道、各部门：\n" + PLAN_BODY
    )
    assert plan.doc_number is None
    assert plan.issuer == "某区司法局"
    assert plan.issued_on == date(2024, 4, 1)
    assert plan.title == "某区2024年工作要点"


def test_labelled_block_as_a_table_and_as_a_bulleted_list() -> None:
    table = parse_text(
        "标 题 | 某市2025年政务公开工作要点 | ||\n---|---|---|---|\n"
        "发文字号 | 某府办发〔2025〕12号 | 制发机构 | 某市人民政府办公室 |\n"
        "成文日期 | 2025-03-01 | 发布日期 | 2025-03-09 |\n" + PLAN_BODY
    )
    bullets = parse_text(
        "• 索 引 号:XY/2025-3\n  • 文  号:某府办发〔2025〕12号\n  • 发文单位:某市人民政府办公室\n"
        "  • 发布日期:2025年03月09日\n  • 名  称:某市2025年政务公开工作要点\n" + PLAN_BODY
    )
    for plan in (table, bullets):
        assert plan.doc_number == "某府办发〔2025〕12号"
        assert plan.issuer == "某市人民政府办公室"
        assert plan.title == "某市2025年政务公开工作要点"
        assert plan.year == 2025
    assert table.issued_on == date(2025, 3, 1)
    assert bullets.issued_on == date(2025, 3, 9)


def test_a_page_naming_its_notice_gives_the_plan_it_forwards() -> None:
    plan = parse_text(
        "名称: 某县人民政府办公室关于印发《某县2024年重点工作任务分解》的通知\n"
        "文号: 某政办〔2024〕2号\n" + PLAN_BODY
    )
    assert plan.title == "某县2024年重点工作任务分解"


def test_the_document_number_never_carries_its_label_or_issuer() -> None:
    # As a PDF or a cleaned page gives a labelled line: no space left between the parts.
    plan = parse_text("某区人民政府办公室文号某政办〔2023〕1号\n某区2023年工作要点\n" + PLAN_BODY)
    assert plan.doc_number == "某政办〔2023〕1号"
    labelled = parse_text(
        "发布机构:某区司法局文号:某司〔2023〕4号\n某区2023年工作要点\n" + PLAN_BODY
    )
    assert labelled.doc_number == "某司〔2023〕4号"


def test_one_labelled_line_alone_is_not_a_block() -> None:
    plan = parse_text("名称：某区司法局\n某区司法局2024年工作要点\n" + PLAN_BODY)
    assert plan.issuer is None
    assert plan.title == "某区司法局2024年工作要点"


def test_the_whole_year_is_a_deadline_of_its_own_kind() -> None:
    plan = parse_text(
        HEADER
        + "1. 优化审批服务。（牵头单位：审批科；完成时限：全年）\n"
        + "2. 推进园区建设。（责任单位：规划科。完成时间：全年推进）\n"
        + "3. 开展执法检查。（责任单位：执法科。完成时间：全年持续）\n"
    )
    assert [(t.deadline.kind, t.deadline.due) for t in plan.tasks] == [
        ("year", date(2024, 12, 31))
    ] * 3
    assert [t.deadline.raw for t in plan.tasks] == ["全年", "全年推进", "全年持续"]
    assert not _codes(plan)


def test_the_whole_year_in_the_text_of_a_task_is_not_its_deadline() -> None:
    plan = parse_text(
        "某局2024年工作要点\n1. 力争全年盘活存量土地400亩。\n2. 全年开展专项检查不少于4次。\n"
    )
    assert [t.deadline.kind for t in plan.tasks] == ["none", "none"]


def test_deadline_words_used_as_verbs_in_an_unannotated_plan() -> None:
    plan = parse_text(
        "某局2024年工作要点\n"
        "1. 建立整改台账，统计年底前完成整改的任务数量。\n"
        "2. 持续推进档案数字化工作。\n"
        "3. 完善考核办法，确保年底前完成修订。\n"
        "4. 编制权责清单（年底前）。\n"
    )
    deadlines = [(t.deadline.kind, t.deadline.due) for t in plan.tasks]
    assert deadlines == [
        ("none", None),
        ("none", None),
        ("month", date(2024, 12, 31)),
        ("month", date(2024, 12, 31)),
    ]


def test_deadline_words_in_the_text_yield_to_the_annotation() -> None:
    plan = parse_text(
        HEADER
        + "1. 持续推进档案数字化工作，年底前完成三年档案扫描。"
        + "（责任单位：办公室；完成时间：6月底前）\n"
        + "2. 年底前完成制度汇编的修订。（责任单位：法制科）\n"
    )
    first, second = plan.tasks
    assert (first.deadline.kind, first.deadline.due) == ("month", date(2024, 6, 30))
    assert second.deadline.kind == "none" and "no_deadline" in _codes(plan, "2")


def test_a_phrase_annotation_takes_a_deadline_phrase_not_a_sentence() -> None:
    plan = parse_text(
        HEADER
        + "1. 加强校园周边治理。（区教育局负责，持续推进）\n"
        + "2. 加强校园周边治理。（区教育局负责，持续推进校园安全工作）\n"
    )
    first, second = plan.tasks
    assert first.responsible == ("区教育局",) and first.deadline.kind == "ongoing"
    assert second.deadline.kind != "ongoing"


def test_a_deadline_in_brackets_beside_an_annotation_without_one() -> None:
    plan = parse_text(
        HEADER
        + "1. 编制权责清单（年底前）（办公室负责）\n"
        + "2. 修订管理办法。（法制科负责）（6月底前）\n"
        + "3. 规范档案管理。（办公室负责）\n"
    )
    first, second, third = plan.tasks
    assert first.deadline.due == date(2024, 12, 31)
    assert second.deadline.due == date(2024, 6, 30)
    assert second.responsible == ("法制科",)
    assert third.deadline.kind == "none"
    assert _codes(plan, "1") == [] and _codes(plan, "2") == []
    assert "no_deadline" in _codes(plan, "3")


def test_a_table_written_one_cell_a_line_closed_by_bars() -> None:
    plan = parse_text(
        "某局2025年重点工作责任清单\n序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n"
        "1 |\n优化项目服务机制。 |\n招商科、服务科 |\n全年 |\n"
        "2 |\n盘活存量土地。 |\n改革办 |\n9月底前 |\n"
    )
    assert plan.kind == "work_plan"
    assert [(t.label, t.responsible) for t in plan.tasks] == [
        ("1", ("招商科", "服务科")),
        ("2", ("改革办",)),
    ]
    assert [t.deadline.due for t in plan.tasks] == [date(2025, 12, 31), date(2025, 9, 30)]
    assert plan.tasks[0].deadline.kind == "year"


def test_a_table_written_between_bar_lines_with_a_heading_merged_down() -> None:
    # The 序号 column has no name on the page, and 工作任务 covers the two rows after it.
    cells = ["工作任务", "具体要求", "责任科室", "时限要求"]
    cells += ["规范公开", "1", "清理规范性文件。", "办公室", "年底前"]
    cells += ["2", "发布年度报告。", "各科室", "持续推进"]
    cells += ["加强宣传", "3", "报送优秀稿件。", "各科室", "每季度"]
    plan = parse_text("某局2024年政务公开重点任务清单\n" + "".join(f"{c}\n|\n" for c in cells))
    assert [t.label for t in plan.tasks] == ["1", "2", "3"]
    assert [t.text for t in plan.tasks] == [
        "规范公开：清理规范性文件。",
        "规范公开：发布年度报告。",
        "加强宣传：报送优秀稿件。",
    ]
    assert [t.deadline.kind for t in plan.tasks] == ["month", "ongoing", "recurring"]
    assert plan.tasks[1].responsible == ("各科室",)


def test_a_table_written_one_cell_a_paragraph_with_section_rows() -> None:
    cells = ["序号", "重点工作任务", "牵头单位", "配合单位", "一、扩大有效投资"]
    cells += ["1", "推进重点项目建设。", "区发改委", "区住建局、各街道"]
    cells += ["二、保障改善民生", "三、加强社会治理"]
    cells += ["7", "新增托位200个。", "区卫健委", "区教育局"]
    plan = parse_text("某区2025年重点工作任务分解表\n\n" + "\n\n".join(cells) + "\n")
    assert [(t.label, t.lead, t.responsible) for t in plan.tasks] == [
        ("1", ("区发改委",), ("区住建局", "各街道")),
        ("7", ("区卫健委",), ("区教育局",)),
    ]
    assert [t.section for t in plan.tasks] == [("一、",), ("三、",)]


def test_not_a_plan_says_what_it_lacks() -> None:
    notice = parse_text("关于召开年度工作会议的通知\n各部门：\n定于3月5日召开会议。\n特此通知。")
    assert notice.kind == "unknown"
    assert notice.not_a_plan_because == ("no_numbered_items", "no_annotations", "no_table_header")
    (warning,) = notice.warnings
    assert "没有编号的条目" in warning.message and "表头" in warning.message
    numbered = parse_text("关于做好年度考核工作的通知\n一、提高认识。\n二、加强领导。\n")
    assert numbered.kind == "unknown"
    assert numbered.not_a_plan_because == ("no_annotations", "no_table_header", "no_plan_title")
    plan = parse_text(HEADER + PLAN_BODY)
    assert plan.not_a_plan_because == ()


def test_a_refused_import_says_what_the_document_lacks(tmp_path) -> None:
    from desktop_app.services.errors import ServiceError
    from desktop_app.services.importer import import_plan
    from tests.storage_helpers import new_storage

    storage = new_storage(tmp_path)
    notice = parse_text("关于召开年度工作会议的通知\n一、提高认识。\n二、加强领导。\n")
    with pytest.raises(ServiceError) as caught:
        import_plan(storage, notice, source_name="x.txt", content_hash="x")
    assert caught.value.code == "not_a_plan"
    assert "没有标注牵头或责任部门" in caught.value.message_zh
    assert "标题不像工作要点" in caught.value.message_zh
    assert "no item names a lead" in caught.value.message_en
    assert "numbered items are not read" in caught.value.message_en


# -- tables whose columns name leaders; cells and rows broken by a page (issue 17) -----------

LEADER_HEADER = (
    "序号",
    "工作任务",
    "责任领导",
    "分管 县领导",
    "牵头责任单位",
    "责任单位",
    "完成时限",
)


def _table_plan(*rows: tuple[str, ...], title: str = "某县2023年重点工作任务分解表") -> object:
    return parse_document(DocumentText(blocks=(title, Table(rows)), source_format="docx"))


def test_leader_columns_are_the_tasks_leaders_never_its_owners() -> None:
    """`责任领导`, `分管 县领导` (a space inside the header) beside `牵头责任单位`/`责任单位`."""
    plan = _table_plan(
        LEADER_HEADER,
        (
            "1",
            "优化营商环境",
            "张 三",
            "王五",
            "县发改局",
            "县市场监管局、县政务服务中心",
            "6月底前",
        ),
        ("2", "推进乡村振兴", "李四", "赵六", "县农业农村局", "各乡镇", "12月"),
    )
    first, second = plan.tasks
    assert first.leaders == ("张三", "王五")  # the wrap space inside a name dropped
    assert first.lead == ("县发改局",)
    assert first.responsible == ("县市场监管局", "县政务服务中心")
    assert second.leaders == ("李四", "赵六") and second.collective == ("各乡镇",)
    assert not {"张三", "王五", "李四", "赵六"} & {n for t in plan.tasks for n in t.owners}
    assert "责任领导：张三" in (first.annotation or "")
    assert _codes(plan) == []


@pytest.mark.parametrize("header", ["分管领导", "分管县领导", "市领导", "牵头领导", "联系领导"])
def test_every_leader_header_names_leaders(header: str) -> None:
    plan = _table_plan(
        ("序号", "重点工作", header, "牵头单位", "完成时间"),
        ("1", "建设智慧城市", "孙七", "市大数据局", "9月"),
    )
    [task] = plan.tasks
    assert task.leaders == ("孙七",)
    assert task.lead == ("市大数据局",)  # `牵头领导` is not the lead department


def test_a_table_naming_only_leaders_is_a_plan_whose_tasks_have_no_owner() -> None:
    plan = _table_plan(
        ("序号", "工作任务", "责任领导", "完成时限"),
        ("1", "完成老旧小区改造。", "周八", "10月"),
    )
    [task] = plan.tasks
    assert plan.kind == "work_plan"
    assert task.leaders == ("周八",) and task.owners == ()
    assert "no_owner" in _codes(plan, "1")


def test_names_run_together_are_split_only_when_the_other_names_say_how() -> None:
    plan = _table_plan(
        ("序号", "工作任务", "责任领导", "牵头单位", "完成时限"),
        ("1", "甲项工作。", "王五李四", "县财政局", "3月"),  # 4 characters beside 2–3: 2 + 2
        ("2", "乙项工作。", "王五", "县财政局", "3月"),
        ("3", "丙项工作。", "钱小红孙大伟", "县财政局", "3月"),  # 6: 3 + 3 or 2 + 2 + 2?
        ("4", "丁项工作。", "赵六 / 孙小明", "县财政局", "3月"),
        ("5", "戊项工作。", "欧阳春晓", "县财政局", "3月"),  # a compound surname: one name
        ("6", "己项工作。", "常务副县长", "县财政局", "3月"),  # a post, as written
        ("7", "庚项工作。", "县发改局", "县财政局", "3月"),  # a unit, as written
    )
    tasks = {t.label: t for t in plan.tasks}
    assert tasks["1"].leaders == ("王五", "李四")
    assert tasks["3"].leaders == ("钱小红孙大伟",)  # kept as written…
    assert _codes(plan, "3") == ["leader_unsure"]  # …and said
    assert "钱小红孙大伟" in next(w.message for w in plan.warnings if w.task == "3")
    assert tasks["4"].leaders == ("赵六", "孙小明")
    assert tasks["5"].leaders == ("欧阳春晓",)
    assert tasks["6"].leaders == ("常务副县长",)
    assert tasks["7"].leaders == ("县发改局",)
    assert _codes(plan) == ["leader_unsure"]


def test_names_already_seen_apart_split_a_cell_of_any_length() -> None:
    plan = _table_plan(
        ("序号", "工作任务", "分管领导", "牵头单位", "完成时限"),
        ("1", "甲项工作。", "李四张三丰", "区教育局", "3月"),
        ("2", "乙项工作。", "张三丰", "区教育局", "3月"),
        ("3", "丙项工作。", "李四、何一", "区教育局", "3月"),
    )
    assert plan.tasks[0].leaders == ("李四", "张三丰")
    assert _codes(plan) == []


def test_two_names_run_together_with_nothing_to_compare_are_kept_and_said() -> None:
    plan = _table_plan(
        ("序号", "工作任务", "责任领导", "牵头单位", "完成时限"),
        ("1", "甲项工作。", "张三李四", "区教育局", "3月"),
    )
    assert plan.tasks[0].leaders == ("张三李四",)
    assert _codes(plan) == ["leader_unsure"]


def test_wrap_spaces_and_breaks_inside_cells() -> None:
    """`工作机 制`, a line break in the middle of a sentence; Latin words keep their space;
    a break after a whole department name separates two owners, one inside a name does not."""
    plan = _table_plan(
        ("序号", "工作任务", "牵头单位", "责任单位", "完成时限"),
        ("1", "健全工作机 制，提升\n服务质量", "区司法局", "区财政局\n区统计局", "6月"),
        (
            "2",
            "推广 Legal Aid 项目。",
            "区公共法律服务\n中心",
            "区法律援助中心（各街镇\n工作站）",
            "6月",
        ),
    )
    first, second = plan.tasks
    assert first.text == "健全工作机制，提升服务质量"
    assert first.responsible == ("区财政局", "区统计局")
    assert second.text == "推广 Legal Aid 项目。"
    assert second.lead == ("区公共法律服务中心",)
    assert second.responsible == ("区法律援助中心（各街镇工作站）",)


def test_a_row_broken_by_a_page_continues_the_row_above() -> None:
    """A numbering that starts at 15 (the table began earlier), a row without a number that
    begins with punctuation, and the next page's table without a header of its own whose
    first row begins in the middle of a word."""
    page_one = Table(
        (
            ("序号", "工作任务", "牵头单位", "责任单位", "完成时限"),
            ("15", "完善矛盾纠纷多元化解机", "区司法局", "区信访局", "6月"),
            ("", "，推动人民调解与行政调解衔接", "", "各街道", ""),
            ("16", "深化“放管服”改革，推进一网通", "区政务服务局", "", ""),
        )
    )
    page_two = Table(
        (
            ("", "办。", "", "区大数据中心", "12月"),
            ("17", "加强公共法律服务体系建设。", "区司法局", "", "9月"),
        )
    )
    document = DocumentText(
        blocks=("某区2023年重点工作任务清单", page_one, "— 2 —", "", page_two),
        source_format="docx",
    )
    plan = parse_document(document)
    assert [t.label for t in plan.tasks] == ["15", "16", "17"]
    first, second, third = plan.tasks
    assert first.text == "完善矛盾纠纷多元化解机，推动人民调解与行政调解衔接"
    assert first.responsible == ("区信访局", "各街道")
    assert second.text == "深化“放管服”改革，推进一网通办。"
    assert second.responsible == ("区大数据中心",)
    assert second.deadline.due == date(2023, 12, 31)
    assert third.lead == ("区司法局",)
    assert _codes(plan) == []  # numbering from 15 is no doubt


def test_a_row_without_a_number_that_is_no_continuation_is_a_task_and_said() -> None:
    plan = _table_plan(
        ("序号", "工作任务", "牵头单位", "完成时限"),
        ("1", "开展法治宣传。", "区司法局", "6月"),
        ("", "组织法律知识竞赛。", "区司法局", "9月"),
        ("2", "建设法治文化阵地。", "区司法局", "12月"),
    )
    texts = [t.text for t in plan.tasks]
    assert texts == ["开展法治宣传。", "组织法律知识竞赛。", "建设法治文化阵地。"]
    [doubt] = plan.warnings
    assert doubt.code == "row_unnumbered" and "组织法律知识竞赛" in doubt.message


def test_a_table_without_a_number_column_after_a_table_is_not_glued_to_it() -> None:
    """Task names without a full stop are usual in tables: no 序号 column, no page break."""
    first = Table((("工作任务", "牵头单位"), ("推进行政复议", "复议科")))
    second = Table((("工作任务", "牵头单位"), ("加强普法宣传", "普法科")))
    plan = parse_document(
        DocumentText(blocks=("某区2024年重点工作任务", first, second), source_format="docx")
    )
    assert [t.text for t in plan.tasks] == ["推进行政复议", "加强普法宣传"]


def test_leaders_and_a_continued_table_in_a_docx(tmp_path) -> None:
    """The same forms as Word holds them: a header cell `分管 县领导`, a cell of two
    paragraphs, the table going on after a page break without its header."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    from desktop_app.plans.parser import parse_file

    doc = Document()
    doc.add_paragraph("某县2023年政府工作报告重点工作任务分解")
    table = doc.add_table(rows=3, cols=6)
    cells = (
        ("序号", "工作任务", "分管 县领导", "牵头责任单位", "责任单位", "完成时限"),
        ("3", "推进县域医共体建设", "钱 七", "县卫健局", "县医保局", "6月底前"),
        ("4", "实施城镇老旧小区改造，完善配套设", "孙八李九", "县住建局", "各乡镇", ""),
    )
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.rows[1].cells[4].add_paragraph("县财政局")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    rest = doc.add_table(rows=1, cols=6)
    for cell, value in zip(rest.rows[0].cells, ("", "施。", "", "", "", "12月"), strict=True):
        cell.text = value
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    plan = parse_file(path)
    first, second = plan.tasks
    assert [first.label, second.label] == ["3", "4"]
    assert first.leaders == ("钱七",)
    assert first.responsible == ("县医保局", "县财政局")
    assert second.text == "实施城镇老旧小区改造，完善配套设施。"
    assert second.leaders == ("孙八", "李九")
    assert second.deadline.due == date(2023, 12, 31)
    assert _codes(plan) == []


def test_leaders_in_traditional_script_are_kept_as_written() -> None:
    plan = _table_plan(
        ("序號", "工作任務", "分管 縣領導", "牽頭單位", "完成時限"),
        ("1", "優化營商環境", "張 三、劉德華", "縣發展改革局", "6月"),
        title="某縣2023年重點工作任務分解表",
    )
    [task] = plan.tasks
    assert task.leaders == ("張三", "劉德華")
    assert task.lead == ("縣發展改革局",)


# -- titles: wrapped over two lines, named only by the notice, or missing (issue 17) --------


def test_a_title_wrapped_after_the_year_is_read_whole() -> None:
    plan = parse_text(
        "某区人民政府文件\n某政发〔2023〕2号\n2023年3月28日\n"
        "某区政府2023年重点工作\n任务分解和责任分工方案\n"
        "一、稳增长\n1. 推进项目建设。（牵头单位：区发改局；完成时间：6月）\n"
    )
    assert plan.title == "某区政府2023年重点工作任务分解和责任分工方案"
    assert plan.year == 2023


def test_a_title_line_with_its_year_takes_nothing_from_above() -> None:
    plan = parse_text(
        "中共某区司法局委员会\n某区司法局2024年工作要点\n"
        "1. 推进项目建设。（牵头单位：办公室；完成时间：6月）\n"
    )
    assert plan.title == "某区司法局2024年工作要点"


def test_a_notice_forwarding_a_plan_named_without_quotes_gives_its_name() -> None:
    plan = parse_text(
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n"
        "各街道办事处:\n"
        "（一）地区生产总值增长6%。\n责任单位:区发展和改革局\n"
        "（二）规上工业增加值增长7%。\n责任单位:区经信局\n"
    )
    assert plan.title == "2023年区《政府工作报告》确定的主要目标任务责任分解方案"
    assert plan.year == 2023


def test_a_web_pages_own_words_are_not_a_title() -> None:
    plan = parse_text(
        "全文\n打印\n"
        "1. 推进项目建设。（牵头单位：市发改委；完成时间：2022年6月）\n"
        "2. 深化审批改革。（牵头单位：市审批局；完成时间：2022年10月）\n"
    )
    assert plan.title is None
    assert [t.label for t in plan.tasks] == ["1", "2"]


# -- leaders named in an annotation (`（责任领导：张三；牵头单位：…）`) ------------------------


def test_a_leader_key_in_an_annotation_names_leaders_never_owners() -> None:
    plan = parse_text(
        "某县2024年重点工作任务分解\n一、稳增长\n"
        "1. 推进重大项目建设。（责任领导：张三；牵头单位：县发改局；责任单位：县财政局；完成时限：6月）\n"
        "2. 优化营商环境。（牵头单位：县营商局，分管县领导：李四、王 五；完成时限：10月）\n"
        "3. 抓好安全生产。\n牵头单位：县应急局\n联系领导：赵六\n"
    )
    first, second, third = plan.tasks
    assert (first.lead, first.responsible, first.leaders) == (
        ("县发改局",),
        ("县财政局",),
        ("张三",),
    )
    assert first.deadline.due == date(2024, 6, 30)
    assert (second.lead, second.leaders) == (("县营商局",), ("李四", "王五"))
    assert (third.lead, third.leaders) == (("县应急局",), ("赵六",))
    assert not any(name in t.owners for t in plan.tasks for name in ("张三", "李四", "赵六"))
    assert first.text == "推进重大项目建设。"


def test_leaders_run_together_in_annotations_are_split_by_the_names_seen_alone() -> None:
    plan = parse_text(
        HEADER
        + "1. 推进项目建设。（责任领导：张三；牵头单位：办公室）\n"
        + "2. 优化营商环境。（责任领导：张三李四；牵头单位：法制科）\n"
        + "3. 抓好安全生产。（责任领导：李四；牵头单位：法制科）\n"
        + "4. 做好民生实事。（责任领导：王五赵六；牵头单位：办公室）\n"
    )
    assert [t.leaders for t in plan.tasks[:3]] == [("张三",), ("张三", "李四"), ("李四",)]
    # 王五赵六: two names by the lengths seen (2 + 2), none of them seen alone.
    assert plan.tasks[3].leaders == ("王五", "赵六")
    assert "leader_unsure" not in _codes(plan)


def test_a_leader_cell_with_nothing_to_compare_is_kept_and_said() -> None:
    plan = parse_text(HEADER + "1. 推进项目建设。（责任领导：王小五赵六；牵头单位：办公室）\n")
    assert plan.tasks[0].leaders == ("王小五赵六",)
    assert "leader_unsure" in _codes(plan, "1")


def test_a_leader_key_in_traditional_script_keeps_the_names_as_written() -> None:
    plan = parse_text(
        "某縣2024年重點工作任務分解\n"
        "1. 推進重大項目建設。（責任領導：張三；牽頭單位：縣發改局；完成時限：6月）\n"
    )
    [task] = plan.tasks
    assert (task.lead, task.leaders) == (("縣發改局",), ("張三",))
