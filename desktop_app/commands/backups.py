"""``backup`` and ``restore``: copies of the database, listed by when they were really made."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from desktop_app.clock import Clock
from desktop_app.commands.common import open_for
from desktop_app.commands.text_table import fit
from desktop_app.paths import backups_path, data_dir
from desktop_app.services import backups


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
