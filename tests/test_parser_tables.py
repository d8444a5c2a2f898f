"""A plan laid out as a table (.docx and .xlsx, merged cells) yields the same tasks as by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop_app.plans.parser import parse_file

from .conftest import FIXTURES

EXPECTED = json.loads((FIXTURES / "table_plan.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXPECTED["files"])
def test_table_plan_tasks_match_the_table(name: str) -> None:
    plan = parse_file(FIXTURES / name)
    assert plan.kind == "work_plan"
    assert plan.title == EXPECTED["title"]
    assert plan.year == EXPECTED["year"]
    assert len(plan.tasks) == len(EXPECTED["tasks"])
    for task, want in zip(plan.tasks, EXPECTED["tasks"], strict=True):
        assert task.label == want["label"]
        assert want["text_contains"] in task.text
        assert list(task.lead) == want["lead"]
        assert list(task.responsible) == want["responsible"]
        assert task.deadline.kind == want["deadline_kind"]
        assert (task.deadline.due.isoformat() if task.deadline.due else None) == want["due"]
        assert task.section[0] == want["category"].split("、")[0] + "、"
    assert not [w for w in plan.warnings if w.code == "no_owner"]


def test_table_plan_docx_header_paragraphs_give_number_and_date() -> None:
    plan = parse_file(FIXTURES / "table_plan.docx")
    assert plan.doc_number == EXPECTED["docx_only"]["doc_number"]
    assert plan.issued_on == date.fromisoformat(EXPECTED["docx_only"]["issued"])
    titles = [s.title for s in plan.sections]
    assert titles == [c.split("、", 1)[1] for c in EXPECTED["categories"]]
