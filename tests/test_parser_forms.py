"""The annotation, numbering and layout variants that real plans use, each in a small plan."""

from __future__ import annotations

from datetime import date

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
