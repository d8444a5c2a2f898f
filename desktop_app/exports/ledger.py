"""The ledger (台账) of a plan: one row per task with its owners, deadline, state and progress,
narrowed to departments, a month or states, and a summary per department. What every
export writes (``xlsx.py``, ``csv_file.py``, ``ics.py``); no Qt, no files.

Each row carries a ``key`` that names the task in any database holding the same plan (the
general office's own import of the same document), not a row id: a digest of the plan's
title and year, the task's number in the document and its text. A returned ledger is
merged back by it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from db import journal, repository
from db.models import STATUSES
from db.repository import PlanRow, TaskRow
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.services import departments, errors
from desktop_app.services.errors import ServiceError

STATE_ZH = {
    "late": "逾期",
    "due_soon": "临近到期",
    "lagging": "未达序时进度",
    "pending": "未到期",
    "undated": "未标注时间",
    "ongoing": "持续推进",
    "done": "已完成",
    "cancelled": "已取消",
}
COLUMNS = (
    "序号",
    "任务内容",
    "牵头部门",
    "责任部门",
    "完成时限",
    "状态",
    "进展情况",
    "完成日期",
    "备注",
)
LEADERS_COLUMN = "责任领导"  # after 责任部门, in a ledger where a task has leaders
SOON_WORKDAYS = 10  # "临近到期": within this many working days, as in the window (SOON_WORKDAYS)


@dataclass(frozen=True)
class LedgerRow:
    number: int
    key: str
    task: TaskRow
    state: str
    deadline: str
    notes: tuple[journal.NoteRow, ...]  # newest first
    remark: str

    @property
    def progress(self) -> str:
        """The notes, newest first, each with its date."""
        return "\n".join(f"{n.created_at:%Y-%m-%d}：{n.text}" for n in self.notes)

    def values(self, columns: Sequence[str] = COLUMNS) -> list[object]:
        """The cells of ``columns`` (the ledger's: ``Ledger.columns``), in order (the
        completion date as a date)."""
        t = self.task
        cells: dict[str, object] = {
            "序号": self.number,
            "任务内容": t.text,
            "牵头部门": "、".join(t.lead),
            "责任部门": "、".join(t.responsible),
            LEADERS_COLUMN: "、".join(t.leaders),
            "完成时限": self.deadline,
            "状态": STATE_ZH.get(self.state, self.state),
            "进展情况": self.progress,
            "完成日期": t.completed_on,
            "备注": self.remark,
        }
        return [cells[name] for name in columns]

    def progress_between(self, start: date, end: date) -> str:
        return "\n".join(
            f"{n.created_at:%m-%d}：{n.text}"
            for n in self.notes
            if start <= n.created_at.date() <= end
        )


@dataclass(frozen=True)
class DepartmentSummary:
    name: str
    tasks: int
    done: int
    late: int
    ongoing: int

    @property
    def completion_rate(self) -> float:
        dated = self.tasks - self.ongoing
        return self.done / dated if dated else 0.0


@dataclass(frozen=True)
class Ledger:
    plan: PlanRow
    title: str
    as_of: date
    departments: tuple[str, ...]  # the ledger's departments; () means all
    rows: tuple[LedgerRow, ...]
    summary: tuple[DepartmentSummary, ...]
    exported_at: datetime

    @property
    def columns(self) -> tuple[str, ...]:
        """``COLUMNS``, with 责任领导 after 责任部门 when a task of the ledger names leaders."""
        if not any(row.task.leaders for row in self.rows):
            return COLUMNS
        at = COLUMNS.index("责任部门") + 1
        return (*COLUMNS[:at], LEADERS_COLUMN, *COLUMNS[at:])

    def file_stem(self) -> str:
        """A file name from the title, without characters Windows refuses."""
        return "".join("_" if c in '\\/:*?"<>|' else c for c in self.title)


def task_key(plan_title: str | None, plan_year: int | None, label: str, text: str) -> str:
    """The task's name in any database holding the same plan."""
    squeezed = "".join(text.split())
    source = f"{plan_title or ''}|{plan_year or ''}|{label}|{squeezed}"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:20]


def deadline_text(task: TaskRow) -> str:
    if task.deadline_raw:
        return task.deadline_raw
    if task.due is not None:
        return f"{task.due.month}月{task.due.day}日"
    return {"ongoing": "持续推进", "recurring": "定期"}.get(task.deadline_kind, "")


def build_ledger(
    plan_id: int,
    now: datetime,
    calendar: WorkCalendar,
    *,
    department_names: Sequence[str] = (),
    month: tuple[int, int] | None = None,
    statuses: Sequence[str] | None = None,
) -> Ledger:
    """The ledger of ``plan_id`` as it stands at ``now``."""
    plan = next((p for p in repository.plans() if p.id == plan_id), None)
    if plan is None:
        raise errors.no_plan(plan_id)
    department_ids = None
    if department_names:
        department_ids = [departments.get_department(name).id for name in department_names]
    due_from = due_to = None
    if month is not None:
        due_from, due_to = repository.month_bounds(*month)
    for status in statuses or ():
        if status not in STATUSES:
            raise ServiceError("bad_status", errors.UNKNOWN_STATUS, status, errors.STATUS_CHOICES)
    tasks = repository.tasks(
        plan_ids=[plan_id],
        department_ids=department_ids,
        due_from=due_from,
        due_to=due_to,
        statuses=statuses,
    )
    tasks.sort(key=lambda t: t.id)  # the plan's own order (its tasks are stored in it)
    today = now.date()
    soon = calendar.add_workdays(today, SOON_WORKDAYS)
    rows = []
    for number, task in enumerate(tasks, 1):
        notes = tuple(sorted(journal.notes(task.id), key=lambda n: n.created_at, reverse=True))
        remark = "" if not task.owners_corrected else "牵头/责任部门经联络员更正"
        rows.append(
            LedgerRow(
                number,
                task_key(plan.title, plan.year, task.label, task.text),
                task,
                task.state(today, soon),
                deadline_text(task),
                notes,
                remark,
            )
        )
    names = tuple(department_names)
    who = "、".join(names)
    title = f"{plan.title or '工作要点'}任务台账（{who + '，' if who else ''}截至{today.year}年{today.month}月{today.day}日）"
    return Ledger(plan, title, today, names, tuple(rows), _summary(rows, names), now)


def _summary(rows: Sequence[LedgerRow], only: Sequence[str]) -> tuple[DepartmentSummary, ...]:
    counts: dict[str, list[int]] = {}
    for row in rows:
        for name in dict.fromkeys((*row.task.lead, *row.task.responsible)):
            if only and name not in only:
                continue
            c = counts.setdefault(name, [0, 0, 0, 0])
            c[0] += 1
            c[1] += row.state == "done"
            c[2] += row.state == "late"
            c[3] += row.state == "ongoing"
    return tuple(
        DepartmentSummary(name, *c) for name, c in sorted(counts.items(), key=lambda kv: -kv[1][0])
    )
