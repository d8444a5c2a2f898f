"""A leader key in an annotation (`（责任领导：张三；…）`) names people up to where the
annotation goes on in another form: the owners written as a phrase after the names
(`区发改局牵头，区财政局配合`) and a deadline without a key are the task's owners and
deadline, never cut into two-character "names"."""

from __future__ import annotations

from datetime import date

from desktop_app.plans.parser import parse_text

HEADER = "某区2024年重点工作任务分解方案\n一、推进改革\n"


def test_owners_written_as_a_phrase_after_the_leaders_are_the_owners() -> None:
    plan = parse_text(
        HEADER
        + "1. 深化放管服改革。（责任领导：张三；区发改局牵头，区财政局配合；完成时限：6月底前）\n"
        + "2. 做好信访工作。（分管领导：赵六，区信访局负责）\n"
    )
    first, second = plan.tasks
    assert (first.lead, first.responsible, first.leaders) == (
        ("区发改局",),
        ("区财政局",),
        ("张三",),
    )
    assert first.deadline.due == date(2024, 6, 30)
    assert (second.lead, second.responsible, second.leaders) == ((), ("区信访局",), ("赵六",))
    assert not [w for w in plan.warnings if w.code == "no_owner"]


def test_a_deadline_after_the_leaders_is_the_deadline() -> None:
    plan = parse_text(HEADER + "1. 推进项目建设。（责任领导：李四；区住建局牵头；年底前完成）\n")
    [task] = plan.tasks
    assert task.leaders == ("李四",)
    assert task.lead == ("区住建局",)
    assert task.deadline.due == date(2024, 12, 31)


def test_leaders_alone_after_the_key_stay_leaders() -> None:
    plan = parse_text(
        HEADER
        + "1. 推进项目建设。（责任领导：张三，李四；牵头单位：区住建局）\n"
        + "2. 优化营商环境。（牵头单位：区营商局；分管区领导：王五、赵六）\n"
    )
    assert [t.leaders for t in plan.tasks] == [("张三", "李四"), ("王五", "赵六")]
    assert [t.lead for t in plan.tasks] == [("区住建局",), ("区营商局",)]
