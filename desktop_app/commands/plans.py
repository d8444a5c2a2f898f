"""``import`` and ``plans``: a plan document into the database (with the revision diff) and
the plans it holds."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from db import repository
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, write_json
from desktop_app.commands.text_table import fit
from desktop_app.plans.model import listed_warnings
from desktop_app.services.import_diff import FIELDS_ZH, ImportResult
from desktop_app.services.importer import import_file

_DIFF_ZH = {"added": "新增", "changed": "变更", "removed": "删除", "restored": "恢复"}


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
        write_json(_result_dict(result), out)
    else:
        _print_result(result, out)
    return 0


def plans_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_for(args, clock):
        rows = repository.plans()
    if args.json:
        write_json(
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
