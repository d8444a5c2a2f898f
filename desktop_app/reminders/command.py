"""`deadline-reminder remind`: preview the reminders of a date range, or send what is due now.

``--dry-run`` prints what the policy would send from ``--from`` to ``--to``
(both included) as if the program ran throughout and nothing got done; it
writes nothing. ``--now`` checks, sends what is due through a notifier that
prints, and logs it like the window would.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from desktop_app.commands import open_for, parse_date
from desktop_app.plans.workdays import WorkCalendar
from desktop_app.reminders.policy import Notification
from desktop_app.reminders.service import DeliveryError, ReminderService
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import reminder_settings

Clock = Callable[[], datetime]
DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366
EXIT_NOT_DELIVERED = 1


class PrintNotifier:
    """Shows a notification by printing it (the command line's channel)."""

    channel = "stdout"

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        print(f"【{title}】", file=self.out)
        for line in body.splitlines():
            print(f"  {line}", file=self.out)
        print(f"  任务编号：{'、'.join(map(str, task_ids))}", file=self.out)
        return self.channel


class _Kept:
    """A notifier that keeps the notification for the JSON output."""

    channel = "stdout"

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        return self.channel


def notification_dict(n: Notification) -> dict[str, Any]:
    return {
        "at": n.at.isoformat(timespec="seconds"),
        "task_ids": list(n.task_ids),
        "title": n.title,
        "body": n.body,
    }


def date_range(text_from: str | None, text_to: str | None, today: date) -> tuple[date, date]:
    """The days asked for (both included): from today for 30 days unless given."""
    first = parse_date(text_from) if text_from else today
    last = parse_date(text_to) if text_to else first + timedelta(days=DEFAULT_DAYS - 1)
    if last < first:
        raise ServiceError(
            "bad_range",
            f"结束日期 {last} 早于开始日期 {first}",
            f"The end date {last} is before the start date {first}",
        )
    if (last - first).days >= MAX_DAYS:
        raise ServiceError(
            "range_too_long",
            f"日期范围最长 {MAX_DAYS} 天：{first} 至 {last}",
            f"The date range can span at most {MAX_DAYS} days: {first} to {last}",
        )
    return first, last


def _print_list(rows: list[Notification], first: date, last: date, out: TextIO) -> None:
    for n in rows:
        print(f"{n.at:%Y-%m-%d %H:%M}  {n.title}", file=out)
        for line in n.body.splitlines():
            print(f"    {line}", file=out)
    print(f"共 {len(rows)} 条提醒（{first} 至 {last}）", file=out)


def remind_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    if args.now:
        return _send_now(args, clock, out)
    first, last = date_range(args.date_from, args.date_to, clock().date())
    with open_for(args, clock) as storage:
        department_ids = None
        if args.department:
            department_ids = [departments.get_department(args.department).id]
        service = ReminderService(storage)
        rows = service.preview(
            datetime.combine(first, datetime.min.time()),
            datetime.combine(last + timedelta(days=1), datetime.min.time()),
            department_ids,
        )
    if args.json:
        json.dump([notification_dict(n) for n in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_list(rows, first, last, out)
        for year in range(first.year, last.year + 1):
            if not WorkCalendar.covers(year):
                print(f"注意：尚无 {year} 年的法定节假日安排，按周一至周五计算工作日。", file=out)
    return 0


def _send_now(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    if args.department or args.date_from or args.date_to:
        raise ServiceError(
            "now_with_range",
            "--now 只检查现在到期的提醒（按“我的部门”），不能与 --from、--to、--department 同用",
            "--now checks what is due now (for my departments); "
            "it takes no --from, --to or --department",
        )
    notifier = _Kept() if args.json else PrintNotifier(out)
    held_until = None
    with open_for(args, clock) as storage:
        try:
            service = ReminderService(storage, notifier)
            sent = service.check()
            if sent is None:
                now = storage.clock()
                settings = reminder_settings()
                if settings.is_paused(now) or settings.is_quiet(now.time()):
                    held_until = service.next_due_time(now)
        except DeliveryError as exc:
            print(exc.one_line(), file=sys.stderr)
            return EXIT_NOT_DELIVERED
    if args.json:
        json.dump([notification_dict(sent)] if sent else [], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif sent is None and held_until is not None:
        # Not "nothing is due": quiet hours or a pause hold what is due until they end.
        print(
            f"现在是免打扰时段或提醒已暂停，下一次提醒将于 {held_until:%Y-%m-%d %H:%M} 发送。",
            file=out,
        )
    elif sent is None:
        print("现在没有需要发送的提醒。", file=out)
    return 0
