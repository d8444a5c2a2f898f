"""``tasks``, ``done``, ``status`` and ``note``: listing tasks and recording what was done."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from db import repository
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, parse_date, parse_month, write_json
from desktop_app.commands.text_table import fit
from desktop_app.services import departments, tasks
from desktop_app.services import errors as service_errors
from desktop_app.services.errors import ServiceError

_STATUS_ALIASES = {v: k for k, v in tasks.STATUS_ZH.items()} | {"todo": "not_started"}


def _task_dict(t: repository.TaskRow) -> dict[str, Any]:
    return {
        "id": t.id,
        "plan_id": t.plan_id,
        "label": t.label,
        "section": list(t.section_path),
        "text": t.text,
        "lead": list(t.lead),
        "responsible": list(t.responsible),
        "collective": t.collective,
        "leaders": list(t.leaders),
        "due": t.due.isoformat() if t.due else None,
        "deadline": {"kind": t.deadline_kind, "raw": t.deadline_raw},
        "status": t.status,
        "completed_on": t.completed_on.isoformat() if t.completed_on else None,
        "archived": t.archived,
    }


def _due_text(t: repository.TaskRow) -> str:
    if t.due is not None:
        return t.due.isoformat()
    return {"ongoing": "持续推进", "recurring": "定期"}.get(t.deadline_kind, "未标注")


SEARCH_LIMIT = 10_000


def _print_tasks(rows: list[repository.TaskRow], out: TextIO, *, cut_at: int | None = None) -> None:
    print(
        f"{fit('编号', 6)} {fit('序号', 8)} {fit('完成时间', 11)} {fit('状态', 7)} "
        f"{fit('牵头/责任部门', 28)} 任务",
        file=out,
    )
    for t in rows:
        owners = "、".join(t.lead) + ("；" if t.lead and t.responsible else "")
        owners += "、".join(t.responsible)
        print(
            f"{fit(str(t.id), 6)} {fit(t.label, 8)} {fit(_due_text(t), 11)} "
            f"{fit(tasks.STATUS_ZH.get(t.status, t.status), 7)} {fit(owners or '—', 28)} "
            f"{fit(t.text, 56).rstrip()}",
            file=out,
        )
    if cut_at is not None and len(rows) >= cut_at:
        # the search stopped there: more may match
        print(f"只列出前 {cut_at} 项，请缩小搜索范围", file=out)
    else:
        print(f"共 {len(rows)} 项", file=out)


def status_of(text: str) -> str:
    """The status a user typed (未开始…, or not_started…); a ServiceError for anything else."""
    status = _STATUS_ALIASES.get(text, text)
    if status not in tasks.STATUS_ZH:
        raise ServiceError(
            "bad_status", service_errors.UNKNOWN_STATUS, text, service_errors.STATUS_CHOICES
        )
    return status


def tasks_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock):
        if args.search:
            rows = repository.search(args.search, limit=SEARCH_LIMIT)
        else:
            filters: dict[str, Any] = {}
            if args.department:
                filters["department_ids"] = [departments.get_department(args.department).id]
            if args.month:
                filters["due_from"], filters["due_to"] = repository.month_bounds(
                    *parse_month(args.month)
                )
            if args.status:
                filters["statuses"] = [status_of(args.status)]
            if args.plan is not None:
                filters["plan_ids"] = [args.plan]
            rows = repository.tasks(**filters)
    if args.json:
        write_json([_task_dict(t) for t in rows], out)
    else:
        _print_tasks(rows, out, cut_at=SEARCH_LIMIT if args.search else None)
    return 0


def done_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        on = parse_date(args.date) if args.date else None
        row = tasks.set_status(storage, args.id, "done", completed_on=on, note=args.note)
    print(f"任务 {row.id}（{row.label}）已标记为已完成，完成日期 {row.completed_on}。", file=out)
    return 0


def status_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        row = tasks.set_status(storage, args.id, status_of(args.status), note=args.note)
    print(f"任务 {row.id}（{row.label}）的状态：{tasks.STATUS_ZH[row.status]}。", file=out)
    return 0


def note_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        note = tasks.add_note(storage, args.id, args.text)
    print(f"已为任务 {args.id} 记录进展（{note.created_at:%Y-%m-%d %H:%M}）。", file=out)
    return 0
