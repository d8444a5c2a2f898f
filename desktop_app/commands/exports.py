"""``export``: a plan's ledger (台账) as Excel, Word or CSV, or its deadlines as a calendar file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from db import repository
from desktop_app.clock import Clock
from desktop_app.commands.common import open_for, parse_month
from desktop_app.commands.tasks import _status
from desktop_app.services import errors, holidays
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import reminder_settings

FORMATS = ("xlsx", "docx", "csv", "ics")


def export_command(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
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
            statuses=[_status(s) for s in args.status] if args.status else None,
        )
        if args.format == "xlsx":
            from desktop_app.exports.xlsx import write_xlsx

            write_xlsx(ledger, target, quarters=args.quarters)
        elif args.format == "docx":
            from desktop_app.exports.docx_file import write_docx

            write_docx(ledger, target)
        elif args.format == "csv":
            from desktop_app.exports.csv_file import write_csv

            write_csv(ledger, target)
        else:
            from desktop_app.exports.ics import write_ics

            lead = reminder_settings().lead_workdays
            write_ics(ledger, target, lead, calendar, storage.clock())
    print(f"{ledger.title}：{len(ledger.rows)} 项任务，已导出到 {target}", file=out)
    return 0


def _newest_plan() -> int:
    plans = repository.plans()
    if not plans:
        raise ServiceError("no_plans", errors.NO_PLANS)
    return max(plans, key=lambda p: p.imported_at).id
