"""What an import changes: its result (the tasks added, changed, removed and restored, and
the pairings only a guess can make) and the comparison of a stored task with the task of the
revised document that continues it.

Nothing here writes; ``importer`` decides and writes, the import wizard and the command line
say what these values hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.models import Task
from desktop_app.plans.model import ParsedPlan, PlanWarning
from desktop_app.plans.model import Task as ParsedTask
from desktop_app.services import departments

FIELDS_ZH = {
    "text": "任务内容",
    "lead": "牵头部门",
    "responsible": "责任部门",
    "deadline": "完成时间",
    "leaders": "责任领导",
}


@dataclass(frozen=True)
class FieldChange:
    field: str  # text, lead, responsible, deadline, leaders
    old: str
    new: str
    kept_correction: bool = False  # the document changed, the user's correction stays


@dataclass(frozen=True)
class TaskDiff:
    kind: str  # added, changed, removed, restored
    label: str
    text: str
    task_id: int | None = None
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Ambiguity:
    """Tasks that only their label tells apart, in different numbers before and after a
    revision: which stored task each revised one continues is a guess (in the plan's order),
    and the status and notes they carry may have gone to the wrong one."""

    text: str
    due: date | None
    stored_labels: tuple[str, ...]
    new_labels: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    outcome: str  # created, updated, unchanged, same_file
    plan_id: int | None
    title: str | None  # the plan's title once imported
    year: int | None
    dry_run: bool
    diffs: tuple[TaskDiff, ...] = ()
    unchanged: int = 0
    renumbered: int = 0
    corrected: int = 0  # tasks whose owners or deadline the user corrected before importing
    warnings: tuple[PlanWarning, ...] = ()
    backup: Path | None = None
    ambiguities: tuple[Ambiguity, ...] = ()
    stored_title: str | None = None  # a stored plan's title before this import

    def count(self, kind: str) -> int:
        return sum(1 for d in self.diffs if d.kind == kind)

    @property
    def renamed(self) -> bool:
        """A stored plan whose title this import changes (or gives it)."""
        return self.outcome == "updated" and self.title != self.stored_title


def find_ambiguities(
    groups: list[tuple[list[int], list[int]]], by_id: Mapping[int, Task], parsed: ParsedPlan
) -> tuple[Ambiguity, ...]:
    """The undecidable groups in which the user recorded something that may move."""
    found = []
    for ids, indices in groups:
        tasks = [by_id[i] for i in ids]
        if not any(carries_work(t) for t in tasks):
            continue
        found.append(
            Ambiguity(
                tasks[0].text,
                tasks[0].doc_due_date,
                tuple(t.label for t in tasks),
                tuple(parsed.tasks[i].label for i in indices),
            )
        )
    return tuple(found)


def carries_work(task: Task) -> bool:
    return (
        task.status != "not_started"
        or task.owners_corrected
        or task.deadline_corrected
        or task.notes.count() > 0
    )


def deadline_text(kind: str, raw: str | None, due: date | None) -> str:
    shown = raw or {"ongoing": "持续推进", "recurring": "定期"}.get(kind, "未标注")
    return f"{shown}（{due.isoformat()}）" if due else shown


def doc_owners(t: ParsedTask, bureau: str | None = None) -> tuple[list[str], list[str]]:
    return (
        departments.canonical_names(t.lead, bureau),
        departments.canonical_names(t.responsible, bureau),
    )


def compare(stored: Task, new: ParsedTask) -> tuple[FieldChange, ...]:
    changes = []
    if "".join(stored.text.split()) != "".join(new.text.split()):
        changes.append(FieldChange("text", stored.text, new.text))
    bureau = departments.plan_bureau(stored.plan_id)
    new_lead, new_resp = doc_owners(new, bureau)
    old_lead = departments.canonical_names(stored.doc_lead, bureau)
    old_resp = departments.canonical_names(stored.doc_responsible, bureau)
    for name, old, fresh in (("lead", old_lead, new_lead), ("responsible", old_resp, new_resp)):
        if old != fresh:
            changes.append(
                FieldChange(name, "、".join(old), "、".join(fresh), bool(stored.owners_corrected))
            )
    if list(stored.leaders) != list(new.leaders):  # the document's; the user does not edit them
        changes.append(FieldChange("leaders", "、".join(stored.leaders), "、".join(new.leaders)))
    d = new.deadline
    if (stored.deadline_kind, stored.deadline_raw, stored.doc_due_date) != (d.kind, d.raw, d.due):
        changes.append(
            FieldChange(
                "deadline",
                deadline_text(stored.deadline_kind, stored.deadline_raw, stored.doc_due_date),
                deadline_text(d.kind, d.raw, d.due),
                bool(stored.deadline_corrected),
            )
        )
    return tuple(changes)
