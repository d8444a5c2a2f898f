"""`deadline-reminder remind`: preview the reminders of a date range, or send what is due now.

``--dry-run`` prints what the policy would send from ``--from`` to ``--to``
(both included) as if the program ran throughout and nothing got done; it
writes nothing. ``--now`` checks, shows what is due as a desktop notification
(D-Bus on Linux, plyer elsewhere), prints it and logs it like the window would;
when no notification could be shown it prints the digest, says so on standard
error, logs nothing and exits 4, so that the next run tries again. ``--print``
only prints (logged with the channel ``print``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, parse_date
from desktop_app.reminders.digest import MORE_HINT
from desktop_app.reminders.model import Notification
from desktop_app.reminders.notifier import (
    APP_TITLE,
    NotificationError,
    Notifier,
    channel_of,
    desktop_notifier,
)
from desktop_app.reminders.service import DeliveryError, ReminderService
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import reminder_settings

from . import errors

DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366
# `remind --now`: nothing could show the digest (it is not logged as shown, so it comes again).
EXIT_NOT_DELIVERED = 4

# Why a desktop notification could not be shown, in the command line's two languages.
FAILURE_WORDS: dict[str, tuple[str, str]] = {
    "no_session_bus": ("没有桌面会话（D-Bus 会话总线）", "there is no desktop session (D-Bus)"),
    "no_service": ("桌面上没有运行通知服务", "no notification service is running"),
    "refused": ("通知服务拒绝显示", "the notification service refused it"),
    "unavailable": ("本机无法显示系统通知", "desktop notifications are not available here"),
    "failed": ("系统通知出错", "the desktop notification failed"),
}


def failure_words(error: NotificationError) -> str:
    """One line in both languages saying why ``error``'s channel could not show it."""
    zh, en = FAILURE_WORDS.get(error.code, FAILURE_WORDS["failed"])
    return f"{zh}（{en}）"


# Nothing can be clicked in a terminal, nor on a notification whose sender has exited.
_NO_CLICK_HINT = "打开程序可查看全部"


def for_command_line(body: str) -> str:
    """The digest's text without the promise of a click."""
    return body.replace(MORE_HINT, _NO_CLICK_HINT)


class CommandLineNotifier:
    """The desktop's notification, sent by a process that exits right after: no click."""

    def __init__(self, desktop: Notifier) -> None:
        self.desktop = desktop
        self.channel = channel_of(desktop)

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        return self.desktop.notify(title, for_command_line(body), task_ids)


def print_digest(title: str, body: str, task_ids: Sequence[int], out: TextIO) -> None:
    body = for_command_line(body)
    print(f"【{title}】", file=out)
    for line in body.splitlines():
        print(f"  {line}", file=out)
    print(f"  任务编号：{'、'.join(map(str, task_ids))}", file=out)


class PrintNotifier:
    """Shows a notification by printing it (``remind --print``)."""

    channel = "print"

    def __init__(self, out: TextIO | None) -> None:
        self.out = out

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        if self.out is not None:  # None: kept for the JSON output
            print_digest(title, body, task_ids, self.out)
        return self.channel


def notification_dict(n: Notification) -> dict[str, Any]:
    return {
        "at": n.at.isoformat(timespec="seconds"),
        "task_ids": list(n.task_ids),
        "title": n.title,
        "body": for_command_line(n.body),
    }


def date_range(text_from: str | None, text_to: str | None, today: date) -> tuple[date, date]:
    """The days asked for (both included): from today for 30 days unless given."""
    first = parse_date(text_from) if text_from else today
    last = parse_date(text_to) if text_to else first + timedelta(days=DEFAULT_DAYS - 1)
    if last < first:
        raise ServiceError("bad_range", errors.END_BEFORE_START, last, first)
    if (last - first).days >= MAX_DAYS:
        raise ServiceError("range_too_long", errors.RANGE_TOO_LONG, MAX_DAYS, first, last)
    return first, last


def _print_list(rows: list[Notification], first: date, last: date, out: TextIO) -> None:
    for n in rows:
        print(f"{n.at:%Y-%m-%d %H:%M}  {n.title}", file=out)
        for line in n.body.splitlines():
            print(f"    {line}", file=out)
    print(f"共 {len(rows)} 条提醒（{first} 至 {last}）", file=out)


def remind_command(
    args: argparse.Namespace,
    clock: Clock,
    out: TextIO,
    notifier: Notifier | None = None,
) -> int:
    """``notifier`` replaces the desktop's own for ``--now`` (tests)."""
    if args.now or args.print_only:
        return _send_now(args, clock, out, notifier)
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
        calendar = service.calendar_factory(())
        for year in range(first.year, last.year + 1):
            if not calendar.covers(year):
                print(f"注意：尚无 {year} 年的法定节假日安排，按周一至周五计算工作日。", file=out)
    return 0


def _send_now(args: argparse.Namespace, clock: Clock, out: TextIO, desktop: Notifier | None) -> int:
    if args.department or args.date_from or args.date_to:
        raise ServiceError("now_with_range", errors.NOW_WITH_RANGE)
    if args.print_only:
        notifier: Notifier = PrintNotifier(None if args.json else out)
    else:
        notifier = CommandLineNotifier(desktop or desktop_notifier(APP_TITLE, clickable=False))
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
            return _not_delivered(exc, args.json, out)
    if args.json:
        rows = [{**notification_dict(sent), "channel": channel_of(notifier)}] if sent else []
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif sent is not None and not args.print_only:
        print_digest(sent.title, sent.body, sent.task_ids, out)
        print("已通过系统通知发送。", file=out)
    elif sent is None and held_until is not None:
        # Not "nothing is due": quiet hours or a pause hold what is due until they end.
        print(
            f"现在是免打扰时段或提醒已暂停，下一次提醒将于 {held_until:%Y-%m-%d %H:%M} 发送。",
            file=out,
        )
    elif sent is None:
        print("现在没有需要发送的提醒。", file=out)
    return 0


def _not_delivered(exc: DeliveryError, as_json: bool, out: TextIO) -> int:
    """Nothing showed the digest: print it, say why on standard error, exit 4."""
    n = exc.notification
    if as_json:
        json.dump([{**notification_dict(n), "channel": None}], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_digest(n.title, n.body, n.task_ids, out)
    cause = exc.cause
    reason = (
        failure_words(cause) if isinstance(cause, NotificationError) else f"{cause}（{cause!r}）"
    )
    print(
        f"无法显示桌面通知：{reason}。这条提醒没有记为已提醒，下次检查时会再次发送。"
        "（No desktop notification could be shown; the reminder is not marked as shown "
        "and will be sent again at the next check.）",
        file=sys.stderr,
    )
    return EXIT_NOT_DELIVERED
