"""``departments``: the departments the plans name, renamed, merged, given aliases, mine."""

from __future__ import annotations

import argparse
from typing import TextIO

from db import repository
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
            names = [d.name for d in repository.departments() if d.id in mine_ids]
            print(f"我的部门：{'、'.join(names) if names else '全部部门'}", file=out)
            return 0
        rows = repository.departments()
        mine = set(departments.my_department_ids())
    if args.json:
        write_json(
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
