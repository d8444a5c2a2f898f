"""The deadlines the import preview's picker offers, and what a picked or typed one means.

Its words keep the preview model's translation context, ``PreviewModel``: they were the
model's own before they had a file.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.plans.deadlines import parse_deadline
from desktop_app.plans.model import Deadline

# What a picked deadline means: a month of the plan's year, ongoing, or none at all.
ONGOING = "ongoing"
NO_DEADLINE = "none"
# The raw text stored for a picked deadline is the plan's own vocabulary, not UI text.
_ONGOING_RAW = "持续推进"
_MONTH_RAW_RE = re.compile(r"^\s*(\d{1,2})\s*月\s*$")

translate = QCoreApplication.translate


def deadline_choices() -> list[tuple[int | str, str]]:
    """The deadlines the month picker offers: (key for ``setData``, label)."""
    months: list[tuple[int | str, str]] = [
        (m, translate("PreviewModel", "{0}月").format(m)) for m in range(1, 13)
    ]
    return [
        *months,
        (ONGOING, translate("PreviewModel", "持续推进")),
        (NO_DEADLINE, translate("PreviewModel", "未标注")),
    ]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_year(day: date, years: int) -> date:
    """The same day ``years`` later; a month's last day stays the last day (29 Feb → 28 Feb)."""
    last = calendar.monthrange(day.year, day.month)[1]
    target = day.year + years
    target_last = calendar.monthrange(target, day.month)[1]
    return date(target, day.month, target_last if day.day == last else min(day.day, target_last))


def picker_choice(deadline: Deadline) -> int | str | None:
    """The picker entry that shows this deadline as it is, or None if none does."""
    if deadline.kind == "month" and deadline.due is not None and not deadline.milestones:
        match = _MONTH_RAW_RE.match(deadline.raw or "")
        if match and int(match.group(1)) == deadline.due.month:
            return deadline.due.month
    if deadline.kind == "ongoing" and deadline.raw in (None, _ONGOING_RAW):
        return ONGOING
    if deadline.kind == "none" and not deadline.raw:
        return NO_DEADLINE
    return None


def deadline_from(value: Any, year: int | None) -> Deadline | None:
    """A month (1–12 or ``6月``) of ``year``, ``ongoing``/``持续推进``, ``none``/``未标注``/
    empty, or any deadline text the plan parser understands; None for anything else."""
    if isinstance(value, str):
        text = value.strip()
        match = _MONTH_RAW_RE.match(text)
        if match:
            value = int(match.group(1))
        elif text in (ONGOING, _ONGOING_RAW, translate("PreviewModel", "持续推进")):
            return Deadline(raw=_ONGOING_RAW, kind="ongoing")
        elif text in ("", NO_DEADLINE, "未标注", translate("PreviewModel", "未标注")):
            return Deadline.none()
        else:
            parsed = parse_deadline(text, year)
            return parsed if parsed.kind != "none" else None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        if year is None:
            return Deadline(raw=f"{value}月", kind="none")
        return Deadline(raw=f"{value}月", kind="month", due=month_end(year, value))
    return None
