"""A title wrapped after its year takes the line above (`某区政府2023年重点工作` /
`任务分解和责任分工方案`); a line above that is no beginning of a title does not: the notice
that forwards the plan, a bulletin's issue, a month."""

from __future__ import annotations

import pytest

from desktop_app.plans.parser import parse_text

BODY = "一、推进改革\n1. 深化放管服改革。（牵头部门：办公室；完成时间：6月底前）\n"


@pytest.mark.parametrize(
    "above",
    [
        "某区司法局关于印发2024年工作要点的通知",
        "某区司法局印发2024年工作要点",
        "2024年第3期",
        "二〇二四年三月",
    ],
)
def test_a_line_above_that_begins_no_title_stays_out_of_it(above: str) -> None:
    plan = parse_text(f"{above}\n某区司法局工作要点\n{BODY}")
    assert plan.title == "某区司法局工作要点"


def test_the_beginning_of_a_wrapped_title_is_still_taken() -> None:
    plan = parse_text(f"某区司法局2024年\n政务公开工作要点\n{BODY}")
    assert plan.title == "某区司法局2024年政务公开工作要点"
    assert plan.year == 2024
