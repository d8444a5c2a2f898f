"""``departments``: the departments the plans name, renamed, merged, given aliases, mine."""

from __future__ import annotations

import argparse
from typing import TextIO

from db import repository
from db.connection import Storage
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, write_json
from desktop_app.commands.text_table import fit
from desktop_app.services import departments


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
            rows = repository.departments()
            several = len({d.bureau for d in rows}) > 1
            chosen = [_named(d, several) for d in rows if d.id in mine_ids]
            print(f"我的部门：{'、'.join(chosen) if chosen else '全部部门'}", file=out)
            return 0
        if action == "members":
            return _members(storage, args, out)
        rows = repository.departments()
        mine = set(departments.my_department_ids())
    names = {d.id: d.name for d in rows}
    if args.json:
        write_json(
            [
                {
                    "id": d.id,
                    "name": d.name,
                    "bureau": d.bureau,
                    "collective": d.collective,
                    "members": [names[m] for m in d.members],
                    "aliases": list(d.aliases),
                    "tasks": d.tasks,
                    "mine": d.id in mine,
                }
                for d in rows
            ],
            out,
        )
        return 0
    bureau = None
    for d in rows:
        if d.bureau != bureau:
            bureau = d.bureau
            print(f"【{bureau or '未署名单位'}】", file=out)
        marks = ("（集体）" if d.collective else "") + ("★" if d.id in mine else "")
        alias = f"  又称：{'、'.join(d.aliases)}" if d.aliases else ""
        group = ""
        if d.collective:
            group = (
                f"  包括：{'、'.join(names[m] for m in d.members)}"
                if d.members
                else "  （成员未知）"
            )
        print(
            f"{fit(str(d.id), 5)} {fit(d.name + marks, 30)} {d.tasks:>4} 项{alias}{group}", file=out
        )
    return 0


def _named(d: repository.DepartmentRow, with_bureau: bool) -> str:
    return f"{d.name}（{d.bureau or '未署名单位'}）" if with_bureau else d.name


def _members(storage: Storage, args: argparse.Namespace, out: TextIO) -> int:
    group = departments.get_department(args.group)
    if args.names:
        ids = [departments.get_department(n, group.bureau).id for n in args.names]
        departments.set_group_members(storage, group.id, ids)
    row = next(d for d in repository.departments(bureau=group.bureau) if d.id == group.id)
    names = {d.id: d.name for d in repository.departments(bureau=group.bureau)}
    listed = "、".join(names[m] for m in row.members) or "（成员未知：它作为一个部门单独列出）"
    print(f"“{row.name}”包括：{listed}", file=out)
    return 0
