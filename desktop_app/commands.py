"""The database-backed sub-commands: import, tasks, done, status, note, departments, plans,
backup, restore. Each opens the storage, calls a service or a query, and prints."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from db import repository
from db.connection import Storage
from desktop_app.paths import backups_path, data_dir
from desktop_app.plans.model import listed_warnings
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN, is_plausible
from desktop_app.services import backups, data_folder, departments, tasks
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import FIELDS_ZH, ImportResult, import_file
from desktop_app.text_table import fit

Clock = Callable[[], datetime]
_STATUS_ALIASES = {v: k for k, v in tasks.STATUS_ZH.items()} | {"todo": "not_started"}
_DIFF_ZH = {"added": "新增", "changed": "变更", "removed": "删除", "restored": "恢复"}


def open_for(args: argparse.Namespace, clock: Clock) -> Storage:
    return data_folder.open_data(data_dir(args.data_dir), clock)


def _json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


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


# -- import ------------------------------------------------------------------------------


def _result_dict(r: ImportResult) -> dict[str, Any]:
    return {
        "outcome": r.outcome,
        "dry_run": r.dry_run,
        "plan_id": r.plan_id,
        "title": r.title,
        "year": r.year,
        "added": r.count("added"),
        "changed": r.count("changed"),
        "removed": r.count("removed"),
        "restored": r.count("restored"),
        "unchanged": r.unchanged,
        "renumbered": r.renumbered,
        "diff": [
            {
                "kind": d.kind,
                "label": d.label,
                "text": d.text,
                "task_id": d.task_id,
                "changes": [
                    {
                        "field": c.field,
                        "old": c.old,
                        "new": c.new,
                        "kept_correction": c.kept_correction,
                    }
                    for c in d.changes
                ],
            }
            for d in r.diffs
        ],
        "warnings": [{"task": w.task, "code": w.code, "message": w.message} for w in r.warnings],
        "backup": str(r.backup) if r.backup else None,
        "ambiguous": [
            {
                "text": a.text,
                "due": a.due.isoformat() if a.due else None,
                "stored_labels": list(a.stored_labels),
                "new_labels": list(a.new_labels),
            }
            for a in r.ambiguities
        ],
    }


def _print_result(r: ImportResult, out: TextIO) -> None:
    title = f"《{r.title}》" if r.title else "（未识别标题的计划）"
    prefix = "试运行，未写入数据库：" if r.dry_run else ""
    if r.outcome == "same_file":
        print(f"{title}已导入过同一份文件，数据库没有变化。", file=out)
        return
    if r.outcome == "unchanged":
        print(f"{prefix}{title}与已导入的版本内容相同，数据库没有变化。", file=out)
        return
    verb = "将新建" if r.dry_run else "已新建"
    if r.outcome == "updated":
        verb = "将更新" if r.dry_run else "已更新"
    print(
        f"{prefix}{verb}{title}：新增 {r.count('added')} 项，变更 {r.count('changed')} 项，"
        f"删除（归档）{r.count('removed')} 项，恢复 {r.count('restored')} 项，"
        f"未变 {r.unchanged} 项。",
        file=out,
    )
    if r.outcome == "updated":
        for d in r.diffs:
            print(f"  [{_DIFF_ZH[d.kind]}] {d.label} {fit(d.text, 60).rstrip()}", file=out)
            for c in d.changes:
                kept = "（您的修改保留）" if c.kept_correction else ""
                print(
                    f"      {FIELDS_ZH[c.field]}：{c.old or '—'} → {c.new or '—'}{kept}", file=out
                )
    for a in r.ambiguities:
        due = f"（完成时间 {a.due.isoformat()}）" if a.due else ""
        print(
            f"请核对：“{fit(a.text, 40).rstrip()}”{due}原有 {len(a.stored_labels)} 项"
            f"（{'、'.join(a.stored_labels)}），修订稿有 {len(a.new_labels)} 项"
            f"（{'、'.join(a.new_labels)}），除编号外无法区分；进度和备注已按原顺序对应，"
            "可能对应错了。",
            file=out,
        )
    if r.warnings:
        print(f"解析提示（{len(r.warnings)}），请在任务中核对：", file=out)
        for w in listed_warnings(r.warnings):
            print(f"  [{w.code}] {w.message}", file=out)


def import_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        result = import_file(
            storage, Path(args.file), target_plan_id=args.plan, dry_run=args.dry_run
        )
    if args.json:
        _json(_result_dict(result), out)
    else:
        _print_result(result, out)
    return 0


# -- tasks -------------------------------------------------------------------------------


def _parse_month(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        raise ServiceError(
            "bad_month",
            f"月份格式应为 YYYY-MM，例如 2024-06：{text}",
            f"Month must be YYYY-MM: {text}",
        )
    if not is_plausible(int(m.group(1))):
        raise ServiceError(
            "date_out_of_range",
            f"月份应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间：{text}",
            f"The month must lie in the years {YEAR_MIN} to {YEAR_MAX}: {text}",
        )
    return int(m.group(1)), int(m.group(2))


def parse_date(text: str) -> date:
    """A date given on the command line, in the years a plan can be about."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ServiceError(
            "bad_date",
            f"日期格式应为 YYYY-MM-DD，例如 2024-06-30：{text}",
            f"Date must be YYYY-MM-DD: {text}",
        ) from None
    if not is_plausible(day.year):
        raise ServiceError(
            "date_out_of_range",
            f"日期应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间：{text}",
            f"The date must lie in the years {YEAR_MIN} to {YEAR_MAX}: {text}",
        )
    return day


def _status(text: str) -> str:
    status = _STATUS_ALIASES.get(text, text)
    if status not in tasks.STATUS_ZH:
        raise ServiceError(
            "bad_status",
            f"未知的状态“{text}”，可选：{'、'.join(tasks.STATUS_ZH.values())}",
            f"Unknown status {text}; choose one of {', '.join(tasks.STATUS_ZH)}",
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
                    *_parse_month(args.month)
                )
            if args.status:
                filters["statuses"] = [_status(args.status)]
            if args.plan is not None:
                filters["plan_ids"] = [args.plan]
            rows = repository.tasks(**filters)
    if args.json:
        _json([_task_dict(t) for t in rows], out)
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
        row = tasks.set_status(storage, args.id, _status(args.status), note=args.note)
    print(f"任务 {row.id}（{row.label}）的状态：{tasks.STATUS_ZH[row.status]}。", file=out)
    return 0


def note_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        note = tasks.add_note(storage, args.id, args.text)
    print(f"已为任务 {args.id} 记录进展（{note.created_at:%Y-%m-%d %H:%M}）。", file=out)
    return 0


# -- departments and plans ---------------------------------------------------------------


def departments_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock) as storage:
        action = args.dept_command
        if action == "rename":
            dept = departments.rename(storage, args.department, args.new_name)
            print(f"已改名为“{dept.name}”，原名称保留为别名。", file=out)
            return 0
        if action == "merge":
            dept = departments.merge(storage, args.source, args.target)
            print(f"已将“{args.source}”合并到“{dept.name}”。", file=out)
            return 0
        if action == "alias":
            departments.add_alias(storage, args.department, args.alias)
            print(f"“{args.alias}”现在也指“{args.department}”。", file=out)
            return 0
        if action == "mine":
            if args.names or args.clear:
                departments.set_my_departments(storage, [] if args.clear else args.names)
            mine_ids = departments.my_department_ids()
            names = [d.name for d in repository.departments() if d.id in mine_ids]
            print(f"我的部门：{'、'.join(names) if names else '全部部门'}", file=out)
            return 0
        rows = repository.departments()
        mine = set(departments.my_department_ids())
    if args.json:
        _json(
            [
                {
                    "id": d.id,
                    "name": d.name,
                    "collective": d.collective,
                    "aliases": list(d.aliases),
                    "tasks": d.tasks,
                    "mine": d.id in mine,
                }
                for d in rows
            ],
            out,
        )
        return 0
    for d in rows:
        marks = ("（集体）" if d.collective else "") + ("★" if d.id in mine else "")
        alias = f"  又称：{'、'.join(d.aliases)}" if d.aliases else ""
        print(f"{fit(str(d.id), 5)} {fit(d.name + marks, 30)} {d.tasks:>4} 项{alias}", file=out)
    return 0


def plans_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock):
        rows = repository.plans()
    if args.json:
        _json(
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "year": p.year,
                    "issuer": p.issuer,
                    "doc_number": p.doc_number,
                    "issued_on": p.issued_on.isoformat() if p.issued_on else None,
                    "source_name": p.source_name,
                    "tasks": p.tasks,
                    "archived_tasks": p.archived_tasks,
                    "imported_at": p.imported_at.isoformat(timespec="seconds"),
                    "updated_at": p.updated_at.isoformat(timespec="seconds"),
                }
                for p in rows
            ],
            out,
        )
        return 0
    if not rows:
        print("还没有导入任何工作要点。用 deadline-reminder import 文件 导入。", file=out)
    for p in rows:
        print(
            f"{fit(str(p.id), 4)} {fit(str(p.year or '—'), 5)} {fit(p.title or '（无标题）', 40)} "
            f"{p.tasks:>4} 项  {p.doc_number or ''}  来源：{p.source_name}",
            file=out,
        )
    return 0


# -- backups -----------------------------------------------------------------------------


def backup_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    folder = data_dir(args.data_dir)
    if not args.list:
        with open_for(args, clock) as storage:
            made = backups.back_up_now(storage)
        print(f"已备份到：{made}", file=out)
    found = backups.list_backups(backups_path(folder))
    if not found:
        print("还没有备份。", file=out)
    now = clock()
    for b in found:
        # newest first by when it was really made; a time later than now: the clock was off
        ahead = "（时间晚于现在，当时时钟有误）" if b.from_the_future(now) else ""
        print(
            f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {fit(b.reason, 16)} {b.size:>10,} 字节  "
            f"{b.path}{ahead}",
            file=out,
        )
    return 0


def restore_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    source = Path(args.file)
    restored = backups.restore_folder(data_dir(args.data_dir), source, clock)
    if restored.damaged_kept is not None:
        print(f"已用备份替换损坏的数据库；损坏的文件保存在：{restored.damaged_kept}", file=out)
        return 0
    print(f"已从备份恢复：{source}。恢复前的数据库已备份到：{restored.replaced_backup}", file=out)
    return 0
