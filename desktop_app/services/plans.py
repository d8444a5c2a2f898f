"""Whole plans: the sample, and removing a plan the user no longer wants (after a backup)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.connection import Storage
from db.models import Plan
from desktop_app.paths import SAMPLE_PLAN, SAMPLE_PREFIX, resource_path
from desktop_app.plans.parser import parse_file
from desktop_app.services import departments, errors
from desktop_app.services.demo import move_to_year
from desktop_app.services.import_diff import ImportResult
from desktop_app.services.importer import content_hash, import_plan

__all__ = ["SAMPLE_PREFIX", "delete_plan", "import_sample"]


def import_sample(storage: Storage, today: date) -> ImportResult:
    """Import the bundled sample plan, moved to this year and titled as a sample."""
    path = resource_path(SAMPLE_PLAN)
    parsed = move_to_year(parse_file(path), today.year)
    parsed = replace(parsed, title=SAMPLE_PREFIX + (parsed.title or ""))
    data = path.read_bytes() + str(today.year).encode()
    return import_plan(storage, parsed, source_name=path.name, content_hash=content_hash(data))


def delete_plan(storage: Storage, plan_id: int) -> None:
    """Remove a plan with its tasks, notes and history, and the departments only it named;
    a backup is taken first."""
    if Plan.get_or_none(Plan.id == plan_id) is None:
        raise errors.no_plan(plan_id)
    storage.backup("before-delete")
    bureau = departments.plan_bureau(plan_id)
    with storage.write():
        Plan.delete().where(Plan.id == plan_id).execute()
        departments.remove_unused([bureau])
        storage.database.execute_sql(
            "DELETE FROM task_search WHERE rowid NOT IN (SELECT id FROM task)"
        )
