"""What the liaison records against a task: status, progress notes, corrected owners and deadline.

Every change goes into the task's history with the time it was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from db import journal, repository
from db.connection import Storage
from db.models import STATUSES, ProgressNote, Task, TaskChange
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN, is_plausible
from desktop_app.services import departments, errors
from desktop_app.services.errors import ServiceError, no_task

STATUS_ZH = {
    "not_started": "未开始",
    "in_progress": "进行中",
    "done": "已完成",
    "cancelled": "已取消",
}


def _task(task_id: int) -> Task:
    found = Task.get_or_none(Task.id == task_id)
    if found is None:
        raise no_task(task_id)
    return found


def _plausible(day: date | None) -> None:
    """A date a task can carry: in the years a plan can be about (not 0001 or 9999)."""
    if day is not None and not is_plausible(day.year):
        raise ServiceError(
            "date_out_of_range", errors.DATE_OUT_OF_RANGE, day.isoformat(), YEAR_MIN, YEAR_MAX
        )


def _log(
    storage: Storage,
    task_id: int,
    field: str,
    old: str | None,
    new: str | None,
    source: str = "user",
) -> None:
    TaskChange.create(
        task=task_id,
        field=field,
        old_value=old,
        new_value=new,
        changed_at=storage.clock(),
        source=source,
    )


def set_status(
    storage: Storage,
    task_id: int,
    status: str,
    *,
    completed_on: date | None = None,
    note: str | None = None,
    source: str = "user",
) -> repository.TaskRow:
    """Move a task to ``status``; done records its date (today unless given). ``source``
    names who changed it in the history (``user``, or ``ledger:<file>`` for a merge)."""
    _check_status(status, completed_on)
    with storage.write():
        task = _task(task_id)
        _move(storage, task, status, completed_on, source)
        if note:
            _add_note(storage, task.id, note)
    return _row(task_id)


def set_statuses(
    storage: Storage, task_ids: Sequence[int], status: str, *, source: str = "user"
) -> list[repository.TaskRow]:
    """Move several tasks to ``status`` in one transaction: all of them or, if one is
    missing, none. Each task's history records its own change; a task already there is left
    as it is (a task done earlier keeps the day it was done). The rows, in the order given."""
    mark_statuses(storage, task_ids, status, source=source)
    ids = list(dict.fromkeys(task_ids))
    return repository.tasks(task_ids=ids, include_archived=True) if ids else []


@dataclass(frozen=True)
class StatusBefore:
    """Where a task stood before a change of several (``mark_statuses``): what 撤销 restores."""

    task_id: int
    status: str
    completed_on: date | None


@dataclass(frozen=True)
class Marking:
    """A change of several, as ``undo_statuses`` takes it back: the tasks it changed (as
    they stood before), the status it gave, and the moments it began and ended (a task whose
    status changed outside them was changed since)."""

    before: tuple[StatusBefore, ...]
    status: str
    started: datetime
    ended: datetime


def mark_statuses(
    storage: Storage, task_ids: Sequence[int], status: str, *, source: str = "user"
) -> Marking:
    """``set_statuses``, remembering where each task it changes stood, as the database
    has it, so that 撤销 can put it back."""
    _check_status(status, None)
    ids = list(dict.fromkeys(task_ids))
    with storage.write():
        started = storage.clock()
        before = []
        for task_id in ids:
            task = _task(task_id)
            if task.status != status:
                before.append(StatusBefore(task.id, task.status, task.completed_on))
            _move(storage, task, status, None, source)
        ended = storage.clock()
    return Marking(tuple(before), status, started, ended)


def undo_statuses(storage: Storage, marking: Marking, *, source: str = "user") -> list[int]:
    """Put back the tasks of ``marking`` where they stood before, in one transaction, each
    change in the task's history. A task whose status changed since (its newest status
    change is not the marking's, even if it came back to the same status), or deleted
    meanwhile (a task imported since may have its number), is left as it is. The tasks
    put back."""
    restored: list[int] = []
    with storage.write():
        for was in marking.before:
            task = Task.get_or_none(Task.id == was.task_id)
            if task is None or task.status != marking.status:
                continue
            newest = (
                TaskChange.select(TaskChange.changed_at)
                .where((TaskChange.task == task.id) & (TaskChange.field == "status"))
                .order_by(TaskChange.changed_at.desc(), TaskChange.id.desc())
                .first()
            )
            if newest is None or not marking.started <= newest.changed_at <= marking.ended:
                continue
            _check_status(was.status, was.completed_on)
            _move(storage, task, was.status, was.completed_on, source)
            restored.append(task.id)
    return restored


def _check_status(status: str, completed_on: date | None) -> None:
    if status not in STATUSES:
        raise ServiceError("bad_status", errors.UNKNOWN_STATUS, status, errors.STATUS_CHOICES)
    _plausible(completed_on)


def _move(
    storage: Storage, task: Task, status: str, completed_on: date | None, source: str
) -> None:
    """``task`` to ``status``, logged, inside the caller's transaction."""
    if status != "done":
        done_on = None
    elif completed_on is not None:
        done_on = completed_on
    elif task.status == "done" and task.completed_on is not None:
        done_on = task.completed_on  # done again: keep the day it was done
    else:
        done_on = storage.clock().date()
    if task.status != status or task.completed_on != done_on:
        old = _status_text(task.status, task.completed_on)
        _log(storage, task.id, "status", old, _status_text(status, done_on), source)
        task.status = status
        task.completed_on = done_on
        task.updated_at = storage.clock()
        task.save()


def _status_text(status: str, completed_on: date | None) -> str:
    text = STATUS_ZH.get(status, status)
    return f"{text}（{completed_on.isoformat()}）" if completed_on else text


def _clean_note(text: str) -> str:
    text = text.strip()
    if not text:
        raise ServiceError("empty_note", errors.EMPTY_NOTE)
    return text


def _add_note(storage: Storage, task_id: int, text: str) -> journal.NoteRow:
    now = storage.clock()
    note = ProgressNote.create(task=task_id, created_at=now, updated_at=now, text=_clean_note(text))
    return journal.NoteRow(note.id, task_id, now, now, note.text)


def add_note(storage: Storage, task_id: int, text: str, *, source: str = "user") -> journal.NoteRow:
    """Record progress on a task, stamped with the current time; a note that came from
    elsewhere (``source`` ``ledger:<file>``) is also named in the task's history."""
    text = _clean_note(text)
    with storage.write():
        _task(task_id)
        if source != "user":
            _log(storage, task_id, "note", None, text, source)
        return _add_note(storage, task_id, text)


def edit_note(storage: Storage, note_id: int, text: str) -> journal.NoteRow:
    """Reword a note; the earlier wording stays in the task's history."""
    text = _clean_note(text)
    with storage.write():
        note = ProgressNote.get_or_none(ProgressNote.id == note_id)
        if note is None:
            raise ServiceError("no_note", errors.NO_NOTE, note_id)
        if note.text != text:
            _log(storage, note.task_id, "note", note.text, text)
            note.text = text
            note.updated_at = storage.clock()
            note.save()
        return journal.NoteRow(note.id, note.task_id, note.created_at, note.updated_at, text)


def correct_owners(
    storage: Storage, task_id: int, lead: Sequence[str], responsible: Sequence[str]
) -> repository.TaskRow:
    """Set the owners by hand; later revisions of the plan keep this correction."""
    with storage.write():
        task = _task(task_id)
        before = repository.task(task_id)
        assert before is not None
        departments.link_owners(storage, task.id, lead, responsible)
        after = repository.task(task_id)
        assert after is not None
        for field, old, new in (
            ("lead", before.lead, after.lead),
            ("responsible", before.responsible, after.responsible),
        ):
            if old != new:
                _log(storage, task.id, field, "、".join(old), "、".join(new))
        task.owners_corrected = True
        task.updated_at = storage.clock()
        task.save()
        repository.reindex([task.id])
    return after


def correct_deadline(storage: Storage, task_id: int, due: date | None) -> repository.TaskRow:
    """Set the due date by hand; later revisions of the plan keep this correction."""
    _plausible(due)
    with storage.write():
        task = _task(task_id)
        if task.due_date != due:
            _log(
                storage,
                task.id,
                "deadline",
                task.due_date.isoformat() if task.due_date else None,
                due.isoformat() if due else None,
            )
            task.due_date = due
        task.deadline_corrected = True
        task.updated_at = storage.clock()
        task.save()
    return _row(task_id)


def _row(task_id: int) -> repository.TaskRow:
    row = repository.task(task_id)
    if row is None:
        raise no_task(task_id)
    return row


def due_within_workdays(
    today: date,
    workdays: int,
    calendar: WorkCalendar,
    department_ids: Sequence[int] | None = None,
) -> list[repository.TaskRow]:
    """Open tasks due from today up to ``workdays`` working days ahead."""
    return repository.due_between(today, calendar.add_workdays(today, workdays), department_ids)
