"""Several tasks marked at once (the window's 标为已完成 on a selection): one transaction, each
task's history naming its own change, all or nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from db import journal, repository
from db.models import TaskChange
from desktop_app.services import tasks
from desktop_app.services.errors import ServiceError
from tests.storage_helpers import storage_with_plan

NOW = datetime(2024, 6, 20, 10, 0)


@pytest.fixture
def storage(tmp_path: Path):
    storage = storage_with_plan(tmp_path, NOW)
    yield storage
    storage.close()


def test_several_tasks_are_done_at_once_each_with_its_history(storage) -> None:
    rows = repository.tasks()[:4]
    tasks.set_status(storage, rows[0].id, "done", completed_on=date(2024, 5, 2))
    ids = [r.id for r in rows]
    changed = tasks.set_statuses(storage, [*ids, ids[1]], "done")  # a late task twice
    assert [r.id for r in changed] == ids
    assert all(r.status == "done" for r in changed)
    by_id = {r.id: r for r in changed}
    assert by_id[ids[0]].completed_on == date(2024, 5, 2)  # done before: its day kept
    assert {by_id[i].completed_on for i in ids[1:]} == {storage.clock().date()}
    for task_id in ids[1:]:
        (change,) = journal.history(task_id)
        assert (change.field, change.old_value, change.source) == ("status", "未开始", "user")
        assert change.new_value.startswith("已完成")
    assert len(journal.history(ids[0])) == 1  # only the earlier change


def test_a_missing_task_changes_none_of_them(storage) -> None:
    ids = [r.id for r in repository.tasks()[:3]]
    before = TaskChange.select().count()
    with pytest.raises(ServiceError) as raised:
        tasks.set_statuses(storage, [*ids, 99_999], "in_progress")
    assert raised.value.code == "no_task"
    assert {r.status for r in repository.tasks(task_ids=ids)} == {"not_started"}
    assert TaskChange.select().count() == before


def test_an_unknown_status_is_refused(storage) -> None:
    ids = [r.id for r in repository.tasks()[:2]]
    with pytest.raises(ServiceError) as raised:
        tasks.set_statuses(storage, ids, "finished")
    assert raised.value.code == "bad_status"
