"""``export``: a plan's ledger (台账) as Excel, Word or CSV, or its deadlines as a calendar file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from db import repository
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, parse_month
from desktop_app.commands.tasks import status_of
from desktop_app.services import errors, holidays
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import reminder_settings


def export_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    from desktop_app.exports.formats import write
    from desktop_app.exports.ledger import build_ledger

    target = Path(args.output)
    with open_for(args, clock) as storage, storage.translated():
        plan_id = args.plan if args.plan is not None else _newest_plan()
        calendar = holidays.work_calendar()
        ledger = build_ledger(
            plan_id,
            storage.clock(),
            calendar,
            department_names=args.department or (),
            month=parse_month(args.month) if args.month else None,
            statuses=[status_of(s) for s in args.status] if args.status else None,
        )
        write(
            ledger,
            target,
            args.format,
            calendar=calendar,
            lead_workdays=reminder_settings().lead_workdays,
            stamp=storage.clock(),
            quarters=args.quarters,
            months=args.months,
            summary=args.summary,
        )
    print(f"{ledger.title}：{len(ledger.rows)} 项任务，已导出到 {target}", file=out)
    return 0


def _newest_plan() -> int:
    plans = repository.plans()
    if not plans:
        raise ServiceError("no_plans", errors.NO_PLANS)
    return max(plans, key=lambda p: p.imported_at).id


def merge_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    """``merge LEDGER.xlsx``: a returned ledger's states and notes into this database."""
    from desktop_app.exports.merge import apply_merge, plan_merge
    from desktop_app.exports.returned import read_returned

    returned = read_returned(Path(args.ledger))
    with open_for(args, clock) as storage:
        merge = plan_merge(storage, returned, accept_text_matches=args.by_text)
        applied = 0 if args.dry_run else apply_merge(storage, merge)
    print(
        f"{returned.name}：{len(merge.changes)} 项改变，{len(merge.conflicts)} 项冲突，"
        f"{len(merge.unmatched)} 行未对应",
        file=out,
    )
    for c in merge.changes:
        what = f"状态 {c.old} → {c.new}" if c.kind == "status" else f"新增进展“{c.new}”"
        print(f"  第 {c.line} 行，任务 {c.label}：{what}", file=out)
    if merge.conflicts:
        print("冲突（导出后本机也改过，未合并，请核对）：", file=out)
        for k in merge.conflicts:
            print(f"  第 {k.line} 行，任务 {k.label}：本机为 {k.ours}，台账为 {k.theirs}", file=out)
    if merge.by_text:
        note = "已按内容合并" if args.by_text else "没有任务标识，按内容对上；加 --by-text 才合并"
        print(f"按任务内容对上的行（{note}）：", file=out)
        for line, task in merge.by_text:
            print(f"  第 {line} 行 → 任务 {task.label}", file=out)
    for u in merge.unmatched:
        print(f"  未对应：第 {u.line} 行（{u.reason}）：{u.text[:40]}", file=out)
    if args.dry_run:
        print("（预览，未写入。去掉 --dry-run 即合并。）", file=out)
    else:
        print(f"已合并 {applied} 项改变。", file=out)
    return 0
