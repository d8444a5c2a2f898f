"""A plan stored under the title an earlier version of the program read from it (the
notice's name `…关于印发…分解方案的通知`, the second half of a wrapped title) is still the
plan its revision revises: found by its tasks among the plans of its year, not doubled."""

from __future__ import annotations

from pathlib import Path

from db.models import Plan, Task
from desktop_app.plans.parser import parse_file
from desktop_app.services.importer import import_file

from .conftest import FIXTURES
from .storage_helpers import new_storage

OTHER = FIXTURES / "other_bureaus"


def _stored_under(storage, fixture: Path, old_title: str) -> int:
    """The fixture imported, its plan then titled as the earlier program read it (schema 8
    gave such a plan that title as its document's too)."""
    result = import_file(storage, fixture)
    Plan.update(title=old_title, doc_title=old_title).where(Plan.id == result.plan_id).execute()
    return result.plan_id


def _revised(fixture: Path, folder: Path) -> Path:
    """The document with one task reworded: another file, the same plan."""
    text = fixture.read_text(encoding="utf-8")
    first_task = parse_file(fixture).tasks[0].text
    changed = folder / fixture.name
    changed.write_text(text.replace(first_task[:8], first_task[:8] + "全面", 1), "utf-8")
    return changed


def test_a_revision_finds_the_plan_stored_under_the_notices_name(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    fixture = OTHER / "caidian_2023.txt"
    old = "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知"
    plan_id = _stored_under(storage, fixture, old)
    tasks = Task.select().count()
    result = import_file(storage, _revised(fixture, tmp_path))
    assert (result.outcome, result.plan_id) == ("updated", plan_id)
    assert Plan.select().count() == 1 and Task.select().count() == tasks


def test_a_revision_finds_the_plan_stored_under_half_its_wrapped_title(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    fixture = OTHER / "lishan_2023.txt"
    plan_id = _stored_under(storage, fixture, "任务分解和责任分工方案")
    result = import_file(storage, _revised(fixture, tmp_path))
    assert (result.outcome, result.plan_id) == ("updated", plan_id)
    assert Plan.select().count() == 1


def test_next_years_plan_with_the_same_tasks_is_a_plan_of_its_own(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    fixture = OTHER / "caidian_2023.txt"
    first = import_file(storage, fixture)
    next_year = tmp_path / "caidian_2024.txt"
    next_year.write_text(fixture.read_text(encoding="utf-8").replace("2023", "2024"), "utf-8")
    second = import_file(storage, next_year)
    assert second.outcome == "created" and second.plan_id != first.plan_id
