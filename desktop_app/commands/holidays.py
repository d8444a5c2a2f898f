"""``holidays parse|import|list``: the State Council's holiday notice read, stored, and where
each year's working days come from."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from desktop_app.calendar.notice import HolidayNotice
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, write_json
from desktop_app.services import holidays

_WEEKDAYS = "一二三四五六日"


def holidays_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    action = args.holidays_command
    if action == "parse":
        notice = _read(args.notice)
        if args.json:
            write_json(notice_dict(notice), out)
        else:
            _print_notice(notice, out)
        return 0
    if action == "import":
        return _import(args, clock, out)
    return _list(args, clock, out)


def _read(where: str) -> HolidayNotice:
    """A file, or ``-``: the notice pasted on standard input."""
    if where == "-":
        return holidays.read_notice_text(sys.stdin.read())
    return holidays.read_notice_file(Path(where))


def notice_dict(notice: HolidayNotice) -> dict[str, Any]:
    return {
        "year": notice.year,
        "title": notice.title,
        "supplementary": notice.supplementary,
        "holidays": [
            {
                "name": h.name,
                "days_off": [d.isoformat() for d in h.days_off],
                "workdays": [d.isoformat() for d in h.workdays],
                **({"extends_to": h.extends_to.isoformat()} if h.extends_to else {}),
            }
            for h in notice.holidays
        ],
        "warnings": [{"line": w.line, "message": w.message} for w in notice.warnings],
    }


def _day(day: date) -> str:
    return f"{day.isoformat()}（周{_WEEKDAYS[day.weekday()]}）"


def _print_notice(notice: HolidayNotice, out: TextIO) -> None:
    kind = "补充通知" if notice.supplementary else "节假日安排"
    print(f"{notice.year} 年{kind}：{notice.title or '（无标题）'}", file=out)
    for h in notice.holidays:
        if h.extends_to is not None:
            print(f"  {h.name}：假期延长至 {_day(h.extends_to)}", file=out)
            continue
        off = f"{_day(h.days_off[0])} 至 {_day(h.days_off[-1])}，共 {len(h.days_off)} 天"
        if len(h.days_off) == 1:
            off = f"{_day(h.days_off[0])}，共 1 天"
        work = "、".join(_day(d) for d in h.workdays) or "无"
        print(f"  {h.name}：放假 {off}；调休上班：{work}", file=out)
    if notice.warnings:
        print(f"提示（{len(notice.warnings)}）：", file=out)
        for w in notice.warnings:
            print(f"  {w.message}：{w.line}", file=out)


def _import(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    notice = _read(args.notice)
    source = "（粘贴的文字）" if args.notice == "-" else Path(args.notice).name
    with open_for(args, clock) as storage:
        result = holidays.import_notice(storage, notice, source, dry_run=args.dry_run)
    _print_notice(notice, out)
    if result.changes:
        print(f"与当前日历相比，{len(result.changes)} 天改变：", file=out)
        for change in result.changes:
            before = "工作日" if change.was_workday else "休息日"
            after = "工作日" if change.is_workday else "休息日"
            print(f"  {_day(change.day)}：{before} → {after}", file=out)
    else:
        print("与当前日历相比没有变化。", file=out)
    if args.dry_run:
        print("（预览，未写入。去掉 --dry-run 即导入。）", file=out)
    else:
        print(f"已导入 {notice.year} 年的节假日安排；提醒将按新的工作日计算。", file=out)
    return 0


def _list(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    this_year = clock().year
    with open_for(args, clock) as storage, storage.translated():
        if args.year:
            years = [args.year]
        else:
            years = sorted({this_year - 1, this_year, this_year + 1, *holidays.imported_years()})
        sources = holidays.year_sources(years)
    try:
        bundled_version = metadata.version("chinesecalendar")
    except metadata.PackageNotFoundError:
        bundled_version = "?"
    for source in sources:
        if source.source == "imported":
            parts = [
                f"{n.notice.title or n.source_name}（{n.source_name}，导入于 "
                f"{n.imported_at:%Y-%m-%d %H:%M}）"
                for n in source.notices
            ]
            print(f"{source.year}  已导入的通知：{'；'.join(parts)}", file=out)
        elif source.source == "bundled":
            print(f"{source.year}  程序内置数据（chinese-calendar {bundled_version}）", file=out)
        else:
            print(
                f"{source.year}  暂无节假日安排：按周一至周五计算工作日"
                f"（可用 holidays import 导入国务院办公厅的通知）",
                file=out,
            )
    return 0
