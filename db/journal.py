"""What was recorded on a task: its progress notes and the history of its changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from db.models import DB, ProgressNote, TaskChange
from db.times import Timestamps, db_time

_CHUNK = 500  # ids in one `IN (…)`, well under SQLite's variable limit


@dataclass(frozen=True)
class NoteRow:
    id: int
    task_id: int
    created_at: datetime
    updated_at: datetime
    text: str


@dataclass(frozen=True)
class ChangeRow:
    task_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    source: str


def notes(task_id: int) -> list[NoteRow]:
    return [
        NoteRow(n.id, n.task_id, n.created_at, n.updated_at, n.text)
        for n in ProgressNote.select()
        .where(ProgressNote.task == task_id)
        .order_by(ProgressNote.created_at, ProgressNote.id)
    ]


def note_times(task_ids: Sequence[int], since: datetime) -> list[tuple[int, datetime]]:
    """(task, when) of each progress note of these tasks written from ``since`` on."""
    out: list[tuple[int, datetime]] = []
    parse = Timestamps()  # raw rows: an ongoing task's notes, for every one, at each check
    for start in range(0, len(task_ids), _CHUNK):
        chunk = list(task_ids[start : start + _CHUNK])
        out += [
            (task_id, parse(created_at))
            for task_id, created_at in DB.execute_sql(
                "SELECT task_id, created_at FROM progress_note "
                f"WHERE task_id IN ({','.join('?' * len(chunk))}) AND created_at >= ?",
                [*chunk, db_time(since)],
            )
        ]
    return out


def history(task_id: int) -> list[ChangeRow]:
    return [
        ChangeRow(c.task_id, c.field, c.old_value, c.new_value, c.changed_at, c.source)
        for c in TaskChange.select()
        .where(TaskChange.task == task_id)
        .order_by(TaskChange.changed_at, TaskChange.id)
    ]
