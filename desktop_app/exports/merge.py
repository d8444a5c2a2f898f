"""Merging a returned ledger into the database: each row found by its task key (or, when the
hidden column was lost, by its text: listed for confirmation), the states and notes it adds
worked out first, conflicts (a task changed here too since the export) and rows matching
nothing listed, never applied silently; then the rest applied in one transaction, each
change named in the task's history with the ledger's file name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from db import journal, repository
from db.connection import Storage
from db.repository import TaskRow
from desktop_app.exports.ledger import STATE_ZH, task_key
from desktop_app.exports.returned import ReturnedLedger, ReturnedRow
from desktop_app.services import errors, tasks
from desktop_app.services.errors import ServiceError

# What a person writes in the 状态 column, as a status.
STATUS_WORDS = {
    "已完成": "done",
    "完成": "done",
    "已办结": "done",
    "办结": "done",
    "进行中": "in_progress",
    "推进中": "in_progress",
    "正在推进": "in_progress",
    "持续推进中": "in_progress",
    "未开始": "not_started",
    "尚未开始": "not_started",
    "已取消": "cancelled",
    "取消": "cancelled",
}
# The export's own state words that say nothing of a status (逾期, 临近到期…): no change; and
# those of ledgers exported before the states were settled (issue 16).
_STATE_ONLY = {name for name in STATE_ZH.values() if name not in STATUS_WORDS} | {
    "即将到期",
    "临近未启动",
}
_DATED = re.compile(r"^\s*(?:\d{4}-)?\d{1,2}-\d{1,2}\s*[：:]\s*")


@dataclass(frozen=True)
class Change:
    task_id: int
    label: str
    kind: str  # status or note
    old: str
    new: str
    line: int
    status: str | None = None  # for a status change: the new status
    completed_on: date | None = None


@dataclass(frozen=True)
class Conflict:
    task_id: int
    label: str
    line: int
    ours: str
    theirs: str


@dataclass(frozen=True)
class Unmatched:
    line: int
    text: str
    reason: str


@dataclass
class MergePlan:
    ledger: ReturnedLedger
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    by_text: list[tuple[int, TaskRow]] = field(default_factory=list)  # row line, task


def plan_merge(
    storage: Storage, ledger: ReturnedLedger, *, accept_text_matches: bool = False
) -> MergePlan:
    """What merging ``ledger`` would change; nothing is written."""
    with storage.translated():
        keys: dict[str, TaskRow] = {}
        by_text: dict[str, list[TaskRow]] = {}
        for plan in repository.plans():
            for stored in repository.tasks(plan_ids=[plan.id]):
                keys[task_key(plan.title, plan.year, stored.label, stored.text)] = stored
                by_text.setdefault("".join(stored.text.split()), []).append(stored)
        result = MergePlan(ledger)
        matched = 0
        for row in ledger.rows:
            task = keys.get(row.key) if row.key else None
            if task is None:
                candidates = by_text.get("".join(row.text.split()), [])
                if len(candidates) != 1:
                    reason = "没有对应的任务" if not candidates else "有多项任务内容相同，无法确定"
                    result.unmatched.append(Unmatched(row.line, row.text, reason))
                    continue
                task = candidates[0]
                result.by_text.append((row.line, task))
                if not accept_text_matches:
                    matched += 1
                    continue
            matched += 1
            _row_changes(result, row, task, ledger)
        if ledger.rows and not matched:
            raise ServiceError("other_plan", errors.LEDGER_OF_NO_PLAN, ledger.name)
    return result


def _row_changes(
    result: MergePlan, row: ReturnedRow, task: TaskRow, ledger: ReturnedLedger
) -> None:
    word = row.status or ""
    status = STATUS_WORDS.get(word)
    if word and status is None and word not in _STATE_ONLY:
        result.unmatched.append(Unmatched(row.line, row.text, f"看不懂的状态“{word}”，没有合并"))
    completed = row.completed if status == "done" else None
    if status is not None and (
        status != task.status or (completed and completed != task.completed_on)
    ):
        old = tasks.STATUS_ZH.get(task.status, task.status)
        new = tasks.STATUS_ZH[status] + (f"（{completed.isoformat()}）" if completed else "")
        if _changed_here_since(task.id, ledger):
            result.conflicts.append(Conflict(task.id, task.label, row.line, old, new))
        else:
            result.changes.append(
                Change(task.id, task.label, "status", old, new, row.line, status, completed)
            )
    known = {n.text for n in journal.notes(task.id)}
    for line in row.progress.splitlines():
        text = _DATED.sub("", line).strip()
        if text and text not in known:
            known.add(text)
            result.changes.append(Change(task.id, task.label, "note", "", text, row.line))


def _changed_here_since(task_id: int, ledger: ReturnedLedger) -> bool:
    """Whether the task's status changed in this database after the ledger was exported."""
    if ledger.exported_at is None:
        return False
    return any(
        c.field == "status" and c.changed_at > ledger.exported_at for c in journal.history(task_id)
    )


def apply_merge(storage: Storage, plan: MergePlan) -> int:
    """Apply the changes (never the conflicts) in one transaction; how many were applied."""
    source = f"ledger:{plan.ledger.name}"
    with storage.write():
        for change in plan.changes:
            if change.kind == "status" and change.status is not None:
                tasks.set_status(
                    storage,
                    change.task_id,
                    change.status,
                    completed_on=change.completed_on,
                    source=source,
                )
            elif change.kind == "note":
                tasks.add_note(storage, change.task_id, change.new, source=source)
    return len(plan.changes)
