"""Importing a parsed plan: one transaction, the same file twice changes nothing, a revision keeps
what the user recorded.

A stored task keeps the document's own values (``doc_lead``, ``doc_due_date``…)
next to the ones in force, so a revision is compared with the previous
document, not with the user's corrections, and a correction survives it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import cast

from db import repository
from db.connection import Storage
from db.models import Department, Plan, Section, Task, TaskChange
from desktop_app.plans.departments import bureau_of
from desktop_app.plans.model import Deadline, ParsedPlan
from desktop_app.plans.model import Task as ParsedTask
from desktop_app.plans.parser import parse_file
from desktop_app.plans.verdict import reason_words
from desktop_app.services import departments, errors
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_diff import (
    FieldChange,
    ImportResult,
    TaskDiff,
    compare,
    find_ambiguities,
)
from desktop_app.services.revisions import NewTask, StoredTask, match_tasks, undecidable


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def import_file(
    storage: Storage, path: Path, *, target_plan_id: int | None = None, dry_run: bool = False
) -> ImportResult:
    """Read, parse and import ``path`` (raises ``PlanReadError`` for an unreadable file)."""
    parsed = parse_file(path)
    data = path.read_bytes()
    return import_plan(
        storage,
        parsed,
        source_name=path.name,
        content_hash=content_hash(data),
        target_plan_id=target_plan_id,
        dry_run=dry_run,
    )


def _refuse_non_plan(parsed: ParsedPlan) -> None:
    if parsed.kind == "annual_report":
        raise ServiceError("not_a_plan", errors.AN_ANNUAL_REPORT)
    if parsed.kind != "work_plan" or not parsed.tasks:
        if parsed.not_a_plan_because:
            reasons = tuple(reason_words(code) for code in parsed.not_a_plan_because)
            raise ServiceError("not_a_plan", errors.NO_TASKS_FOUND_BECAUSE, reasons)
        raise ServiceError("not_a_plan", errors.NO_TASKS_FOUND)


def _milestones(d: Deadline) -> list[str]:
    return [m.isoformat() for m in d.milestones]


def import_plan(
    storage: Storage,
    parsed: ParsedPlan,
    *,
    source_name: str,
    content_hash: str,
    target_plan_id: int | None = None,
    dry_run: bool = False,
    corrections: Mapping[int, ParsedTask] | None = None,
) -> ImportResult:
    """Store ``parsed`` as a new plan or as the revision of the plan it matches.

    The database holds all of it or none of it. ``dry_run`` computes the same
    diff and writes nothing. ``corrections`` names the tasks (by index) whose owners
    or deadline the user changed before importing, with the document's own task: the
    document's values are kept as such and the user's become corrections, which later
    revisions leave alone.
    """
    _refuse_non_plan(parsed)
    if dry_run:
        with storage.translated():
            same_file, target = _same_file_or_target(parsed, content_hash, target_plan_id)
            if same_file is not None and not corrections:
                return replace(same_file, dry_run=True)
            with storage.database.atomic():
                return _plan_changes(
                    storage, parsed, target, source_name, content_hash, True, corrections or {}
                )
    with storage.write():
        # Everything under the write lock, the lookups included: two imports of one file
        # at the same moment (two windows, a script) cannot both find it new and both
        # create it; a refused import takes no backup; nothing changes between the backup
        # and the import.
        same_file, target = _same_file_or_target(parsed, content_hash, target_plan_id)
        if same_file is not None and not corrections:
            return same_file
        if target is not None and not corrections:
            # Another file saying the same (a copy saved again, a renamed one): nothing to
            # write, so no backup either; the plan keeps its own file name.
            preview = _plan_changes(storage, parsed, target, source_name, content_hash, True, {})
            if preview.outcome == "unchanged":
                return replace(preview, dry_run=False)
        saved = storage.backup("before-import") if Plan.select().exists() else None
        result = _plan_changes(
            storage, parsed, target, source_name, content_hash, False, corrections or {}
        )
    return replace(result, backup=saved)


def _same_file_or_target(
    parsed: ParsedPlan, content_hash: str, target_plan_id: int | None
) -> tuple[ImportResult | None, Plan | None]:
    """The "same file again" answer, if it is (it wins unless corrections come with it), and
    the plan the document revises (None: a new plan)."""
    same = Plan.get_or_none(Plan.content_hash == content_hash)
    if same is not None and target_plan_id in (None, same.id):
        answer = ImportResult(
            "same_file", same.id, same.title, same.year, False, warnings=parsed.warnings
        )
        return answer, same  # with corrections: the same file again, to correct what it says
    return None, _target(parsed, target_plan_id)


def _target(parsed: ParsedPlan, target_plan_id: int | None) -> Plan | None:
    if target_plan_id is not None:
        plan = Plan.get_or_none(Plan.id == target_plan_id)
        if plan is None:
            raise errors.no_plan(target_plan_id)
        return plan
    if parsed.title is None:
        return _same_tasks_plan(parsed)
    newest: Plan | None = (
        Plan.select()
        .where((Plan.title == parsed.title) & (Plan.year == parsed.year))
        .order_by(Plan.id.desc())
        .first()
    )
    if newest is not None:
        return newest
    # No plan has the title: perhaps one of its year stored under the title an earlier
    # version of the program read, holding this one or held by it (the notice's name
    # `关于印发…的通知`, half of a wrapped title). Its tasks tell.
    title = parsed.title
    year = Plan.year.is_null() if parsed.year is None else Plan.year == parsed.year
    read_before = {
        p.id
        for p in Plan.select(Plan.id, Plan.title).where(year)
        if p.title is not None and (title in p.title or p.title in title)
    }
    return _same_tasks_plan(parsed, read_before) if read_before else None


SAME_PLAN_SHARE = 0.6


def _same_tasks_plan(parsed: ParsedPlan, among: set[int] | None = None) -> Plan | None:
    """For a document without a recognised title: the stored plan (of ``among``, when given)
    holding most of its tasks word for word (at least ``SAME_PLAN_SHARE`` of them), so a
    re-import updates it instead of doubling every task and reminder."""
    texts = {"".join(t.text.split()) for t in parsed.tasks}
    if not texts:
        return None
    best: tuple[float, int] | None = None
    stored: dict[int, set[str]] = {}
    query = Task.select(Task.plan, Task.text)
    if among is not None:
        query = query.where(Task.plan.in_(sorted(among)))
    # peewee's stubs type .tuples() as the model query itself; these are its rows.
    for plan_id, text in cast("Iterable[tuple[int, str]]", query.tuples()):
        stored.setdefault(plan_id, set()).add("".join(text.split()))
    for plan_id, known in stored.items():
        share = len(texts & known) / len(texts)
        if share >= SAME_PLAN_SHARE and (best is None or share > best[0]):
            best = (share, plan_id)
    return Plan.get_or_none(Plan.id == best[1]) if best else None


def _plan_changes(
    storage: Storage,
    parsed: ParsedPlan,
    target: Plan | None,
    source_name: str,
    content_hash: str,
    dry_run: bool,
    corrections: Mapping[int, ParsedTask],
) -> ImportResult:
    now = storage.clock()
    if target is None:
        added = tuple(TaskDiff("added", t.label, t.text) for t in parsed.tasks)
        plan_id = None
        if not dry_run:
            plan = Plan.create(
                **_plan_fields(parsed, source_name, content_hash), imported_at=now, updated_at=now
            )
            plan_id = plan.id
            _write_sections(plan, parsed)
            cache: dict[tuple[str, str], Department] = {}
            ids = [
                _create_task(storage, plan, t, i, cache, corrections.get(i))
                for i, t in enumerate(parsed.tasks)
            ]
            repository.reindex(ids)
            added = tuple(
                TaskDiff("added", t.label, t.text, task_id)
                for t, task_id in zip(parsed.tasks, ids, strict=True)
            )
        return ImportResult(
            "created",
            plan_id,
            parsed.title,
            parsed.year,
            dry_run,
            added,
            warnings=parsed.warnings,
            corrected=len(corrections),
        )

    stored = list(Task.select().where(Task.plan == target.id).order_by(Task.position))
    by_id = {t.id: t for t in stored}
    stored_keys = [
        StoredTask(
            t.id,
            t.label,
            t.text,
            t.archived_at is not None,
            tuple(t.section_path),
            tuple(t.doc_lead) + tuple(t.doc_responsible),
            t.doc_due_date,
        )
        for t in stored
    ]
    new_keys = [NewTask(t.label, t.text, t.section, t.owners, t.deadline.due) for t in parsed.tasks]
    matched = match_tasks(stored_keys, new_keys)
    ambiguities = find_ambiguities(undecidable(stored_keys, new_keys), by_id, parsed)
    diffs: list[TaskDiff] = []
    unchanged = renumbered = 0
    touched: list[int] = []
    for i, new in enumerate(parsed.tasks):
        task_id = matched.get(i)
        if task_id is None:
            created = (
                None if dry_run else _create_task(storage, target, new, i, None, corrections.get(i))
            )
            if created is not None:
                touched.append(created)
            diffs.append(TaskDiff("added", new.label, new.text, created))
            continue
        old = by_id[task_id]
        document = corrections.get(i, new)
        changes = compare(old, document)
        restored = old.archived_at is not None
        if restored:
            diffs.append(TaskDiff("restored", new.label, new.text, task_id, changes))
        elif changes:
            diffs.append(TaskDiff("changed", new.label, new.text, task_id, changes))
        else:
            unchanged += 1
            renumbered += old.label != new.label
        if not dry_run:
            _update_task(storage, old, document, i, changes, restored)
            if i in corrections:
                _apply_correction(storage, old, new, document)
            touched.append(task_id)
    matched_ids = set(matched.values())
    for old in stored:
        if old.archived_at is None and old.id not in matched_ids:
            diffs.append(TaskDiff("removed", old.label, old.text, old.id))
            if not dry_run:
                old.archived_at = now
                old.updated_at = now
                old.save()
                _log(old.id, "archived", None, "已从修订后的工作要点中删除", now, "import")
    if not dry_run:
        for key, value in _plan_fields(parsed, source_name, content_hash).items():
            setattr(target, key, value)
        target.updated_at = now
        target.save()
        _write_sections(target, parsed)
        repository.reindex(touched)
    outcome = "updated" if diffs or renumbered or corrections else "unchanged"
    return ImportResult(
        outcome,
        target.id,
        parsed.title,
        parsed.year,
        dry_run,
        tuple(diffs),
        unchanged=unchanged,
        renumbered=renumbered,
        warnings=parsed.warnings,
        corrected=len(corrections),
        ambiguities=ambiguities,
    )


def _plan_fields(parsed: ParsedPlan, source_name: str, content_hash: str) -> dict[str, object]:
    return {
        "title": parsed.title,
        "year": parsed.year,
        "issuer": parsed.issuer,
        "doc_number": parsed.doc_number,
        "issued_on": parsed.issued_on,
        "kind": parsed.kind,
        "source_name": source_name,
        "content_hash": content_hash,
    }


def _write_sections(plan: Plan, parsed: ParsedPlan) -> None:
    Section.delete().where(Section.plan == plan.id).execute()
    for position, s in enumerate(parsed.sections):
        Section.create(plan=plan, label=s.label, title=s.title, level=s.level, position=position)


def _create_task(
    storage: Storage,
    plan: Plan,
    t: ParsedTask,
    position: int,
    cache: dict[tuple[str, str], Department] | None = None,
    document: ParsedTask | None = None,
) -> int:
    """A new task; ``document`` is the task as the document has it when ``t`` was corrected."""
    now = storage.clock()
    doc = document or t
    d = doc.deadline
    task_id: int = Task.insert(
        plan=plan,
        label=t.label,
        section_path=list(t.section),
        text=t.text,
        annotation=t.annotation,
        doc_lead=list(doc.lead),
        doc_responsible=list(doc.responsible),
        deadline_kind=d.kind,
        deadline_raw=d.raw,
        doc_due_date=d.due,
        milestones=_milestones(t.deadline),
        leaders=list(doc.leaders),
        due_date=t.deadline.due,
        owners_corrected=(t.lead, t.responsible) != (doc.lead, doc.responsible),
        deadline_corrected=t.deadline != doc.deadline,
        position=position,
        created_at=now,
        updated_at=now,
    ).execute()
    departments.link_owners(
        storage,
        task_id,
        t.lead,
        t.responsible,
        bureau=bureau_of(plan.issuer, plan.title),
        cache=cache,
        replace=False,
    )
    return task_id


def _apply_correction(
    storage: Storage, task: Task, corrected: ParsedTask, document: ParsedTask
) -> None:
    """The user's change made in the preview, recorded as a correction with its history."""
    now = storage.clock()
    if (corrected.lead, corrected.responsible) != (document.lead, document.responsible):
        _log(task.id, "lead", "、".join(document.lead), "、".join(corrected.lead), now, "user")
        _log(
            task.id,
            "responsible",
            "、".join(document.responsible),
            "、".join(corrected.responsible),
            now,
            "user",
        )
        departments.link_owners(storage, task.id, corrected.lead, corrected.responsible)
        task.owners_corrected = True
    if corrected.deadline != document.deadline:
        old = task.due_date.isoformat() if task.due_date else None
        new = corrected.deadline.due.isoformat() if corrected.deadline.due else None
        _log(task.id, "deadline", old, new, now, "user")
        task.due_date = corrected.deadline.due
        task.deadline_corrected = True
    task.save()


def _update_task(
    storage: Storage,
    task: Task,
    new: ParsedTask,
    position: int,
    changes: tuple[FieldChange, ...],
    restored: bool,
) -> None:
    now = storage.clock()
    d = new.deadline
    for change in changes:
        if not change.kept_correction:
            _log(task.id, change.field, change.old, change.new, now, "import")
    if restored:
        task.archived_at = None
        _log(task.id, "archived", "已从工作要点中删除", "已恢复（修订稿重新列入）", now, "import")
    task.label = new.label
    task.section_path = list(new.section)
    task.text = new.text
    task.annotation = new.annotation
    task.doc_lead = list(new.lead)
    task.doc_responsible = list(new.responsible)
    task.deadline_kind = d.kind
    task.deadline_raw = d.raw
    task.doc_due_date = d.due
    task.milestones = _milestones(d)
    task.leaders = list(new.leaders)
    if not task.deadline_corrected:
        task.due_date = d.due
    task.position = position
    if changes or restored:
        task.updated_at = now
    task.save()
    if not task.owners_corrected and any(c.field in ("lead", "responsible") for c in changes):
        departments.link_owners(storage, task.id, new.lead, new.responsible)


def _log(
    task_id: int, field_name: str, old: str | None, new: str | None, at: datetime, source: str
) -> None:
    TaskChange.create(
        task=task_id, field=field_name, old_value=old, new_value=new, changed_at=at, source=source
    )
