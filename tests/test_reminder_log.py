"""The reminder log's queries themselves (``db/reminder_log.py``, and the notes the quarter's
reminder reads): what tests/test_reminder_service.py, on one plan of 89 tasks, does not
reach. A catch-up digest or the ongoing tasks of a big database run past one statement's
rows or ids, and a task reminded again after an answer is unanswered again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import journal, reminder_log
from db.connection import Storage
from db.models import DB
from db.reminder_log import Shown
from tests.storage_helpers import storage_with_plan

FRIDAY = datetime(2024, 6, 14, 9, 0)
MONDAY = datetime(2024, 6, 17, 9, 0)
MANY = 1200  # more than one INSERT (500 rows) or one IN (500 ids) of the log's queries


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    storage = storage_with_plan(tmp_path)
    yield storage
    storage.close()


def _more_tasks(storage: Storage, count: int) -> list[int]:
    """``count`` copies of task 1 added to its plan; their ids."""
    with storage.write():
        DB.execute_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO task (plan_id, label, section_path, text, annotation, doc_lead, "
            "doc_responsible, deadline_kind, deadline_raw, doc_due_date, milestones, due_date, "
            "owners_corrected, deadline_corrected, status, completed_on, position, archived_at, "
            "created_at, updated_at) "
            "SELECT plan_id, label, section_path, text, annotation, doc_lead, doc_responsible, "
            "deadline_kind, deadline_raw, doc_due_date, milestones, due_date, owners_corrected, "
            "deadline_corrected, status, completed_on, position + 1000 + i, archived_at, "
            "created_at, updated_at FROM task, n WHERE task.id = 1",
            (count,),
        )
        rows = DB.execute_sql("SELECT id FROM task ORDER BY id DESC LIMIT ?", (count,))
        return sorted(task_id for (task_id,) in rows)


def test_a_digest_of_more_tasks_than_one_insert_holds_is_logged_whole(storage: Storage) -> None:
    """A week off on a big database: every task of the catch-up digest is logged as shown,
    so none of them is shown again and a click lists them all."""
    ids = _more_tasks(storage, MANY)
    with storage.write():
        reminder_log.record_shown([Shown(i, FRIDAY, None) for i in ids], FRIDAY, "tray")
    log = reminder_log.recent(FRIDAY - timedelta(days=30), FRIDAY)
    assert log.shown == {(i, FRIDAY) for i in ids}
    assert log.latest_shown == FRIDAY
    assert [s.task_id for s in reminder_log.unanswered(FRIDAY - timedelta(days=14))] == ids


def test_progress_notes_of_more_ongoing_tasks_than_one_query_holds_are_all_read(
    storage: Storage,
) -> None:
    """Every ongoing task with a note this quarter is known to have one, however many there
    are (each is spared the quarter's progress reminder); notes before the quarter are not."""
    ids = _more_tasks(storage, MANY)
    april, march = datetime(2024, 4, 1), datetime(2024, 3, 31, 23, 59)
    with storage.write():
        DB.execute_sql(
            "INSERT INTO progress_note (task_id, created_at, updated_at, text) "
            "SELECT id, ?, ?, '已推进' FROM task WHERE id >= ?",
            (f"{FRIDAY:%Y-%m-%d %H:%M:%S}", f"{FRIDAY:%Y-%m-%d %H:%M:%S}", ids[0]),
        )
        DB.execute_sql(
            "INSERT INTO progress_note (task_id, created_at, updated_at, text) "
            "VALUES (?, ?, ?, '上季度')",
            (ids[-1], f"{march:%Y-%m-%d %H:%M:%S}", f"{march:%Y-%m-%d %H:%M:%S}"),
        )
    found = journal.note_times(ids, april)
    assert sorted(found) == [(i, FRIDAY) for i in ids]


def test_a_task_shown_again_after_an_answer_is_unanswered_again(storage: Storage) -> None:
    """What a click on Monday's notification lists: a task acknowledged on Friday and
    reminded again on Monday comes back, with Monday's reminder time; a snoozed one
    not reminded since stays out."""
    with storage.write():
        reminder_log.record_shown([Shown(i, FRIDAY, None) for i in (27, 30, 31)], FRIDAY, "tray")
    with storage.write():
        reminder_log.record_answers([30], "acknowledged", FRIDAY.replace(minute=5))
        reminder_log.record_answers([31], "snoozed", FRIDAY.replace(minute=5), MONDAY)
    with storage.write():
        reminder_log.record_shown([Shown(30, MONDAY, '{"reason": "due"}')], MONDAY, "tray")
    assert reminder_log.unanswered(FRIDAY - timedelta(days=1)) == [
        Shown(27, FRIDAY, None),
        Shown(30, MONDAY, '{"reason": "due"}'),
    ]
