"""The digest: the one notification that says everything due at one time, in a short
title, a line of counts per deadline and the most urgent tasks. Pure, like the policy."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop_app.reminders.model import RANK, Notification, Reminder

if TYPE_CHECKING:
    from db.repository import TaskRow

BODY_TASK_LINES = 3
# The digest's last line when it lists only some of its tasks; where nothing can be clicked
# (the command line) the words after the comma are replaced (``MORE_HINT``).
MORE_HINT = "点击查看全部"
TEXT_CHARS = 24
PLAN_CHARS = 8


def _group(r: Reminder, day: date) -> str:
    if r.reason == "quarter" or r.deadline is None:  # only ongoing tasks have no deadline
        return "quarter"
    if r.deadline < day:
        return "late"
    if r.deadline == day or (r.reason == "due" and r.at.date() == day):
        return "today"
    return "soon"


_GROUP_RANK = {"today": 0, "soon": 1, "late": 2, "quarter": 3}


def _day_text(day: date, at: datetime) -> str:
    return (
        f"{day.month}月{day.day}日"
        if day.year == at.year
        else f"{day:%Y}年{day.month}月{day.day}日"
    )


def _shorten(text: str, limit: int) -> str:
    text = "".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _owner(task: TaskRow) -> str:
    names = list(task.lead) or list(task.responsible)
    if not names:
        return "未标注部门"
    return names[0] + ("等" if len(names) > 1 else "")


_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年?(?:度)?")


def plan_label(title: str | None) -> str:
    """A plan named in a few characters: its title without the year and the words from
    工作要点 on (`上海市司法局2024年政务公开工作要点` → `上海市司法局政务公开`)."""
    text = "".join((title or "").split())
    short = _YEAR_RE.sub("", text)
    for word in ("工作要点", "工作计划", "重点工作", "任务分工", "责任分工"):
        short = short.split(word)[0]
    return short.strip("“”《》") or text or "未命名计划"


def build_digest(
    reminders: Sequence[Reminder],
    tasks: Mapping[int, TaskRow],
    at: datetime,
    kind: str = "digest",
    covers: Callable[[int], bool] | None = None,
) -> Notification:
    """One notification for ``reminders``: a short title, counts per deadline, the most
    urgent tasks (at most five lines in all). ``covers`` says whether a year's holidays are
    known: a deadline in a year they are not is counted in estimated working days, and the
    counts line says so."""
    latest: dict[int, Reminder] = {}
    for r in sorted(reminders, key=lambda r: (r.at, -RANK[r.reason])):
        latest[r.task_id] = r  # a task's latest point says where it stands now
    day = at.date()
    groups = {task_id: _group(r, day) for task_id, r in latest.items()}

    def urgency(task_id: int) -> tuple[int, int, int]:
        group, deadline = groups[task_id], latest[task_id].deadline or date.max
        # Among late tasks the most recent deadline first; otherwise the nearest.
        order = -deadline.toordinal() if group == "late" else deadline.toordinal()
        return _GROUP_RANK[group], order, task_id

    ordered = sorted(latest, key=urgency)
    count = len(ordered)
    several_plans = len({t.plan_id for i in ordered if (t := tasks.get(i)) is not None}) > 1
    title = _title(kind, count, groups.values())
    lines = [_counts_line(latest, groups, at) + _estimated(latest.values(), covers)]
    for task_id in ordered[:BODY_TASK_LINES]:
        task = tasks.get(task_id)
        if task is None:
            continue
        owner = _owner(task)
        if several_plans:  # two plans' 办公室 are two departments: say whose
            owner = f"{_shorten(plan_label(task.plan_title), PLAN_CHARS)}·{owner}"
        lines.append(
            f"· {_when(latest[task_id], groups[task_id], at)}｜{owner}：{_shorten(task.text, TEXT_CHARS)}"
        )
    if count > BODY_TASK_LINES:
        lines.append(f"另有 {count - BODY_TASK_LINES} 项，{MORE_HINT}")
    return Notification(
        at=at,
        task_ids=tuple(ordered),
        title=title,
        body="\n".join(lines),
        kind=kind,
        reminders=tuple(sorted(reminders, key=lambda r: (r.at, r.task_id))),
    )


def _estimated(reminders: Iterable[Reminder], covers: Callable[[int], bool] | None) -> str:
    if covers is None:
        return ""
    deadline_years = {r.deadline.year for r in reminders if r.deadline}
    years = sorted(y for y in deadline_years if not covers(y))
    if not years:
        return ""
    return f"（{'、'.join(map(str, years))} 年节假日安排尚未导入，工作日为估算）"


def _title(kind: str, count: int, groups: Iterable[str]) -> str:
    if kind == "catch_up":
        return f"您不在时，有 {count} 项任务到了提醒时间"
    seen = set(groups)
    if kind == "new_plan":
        if seen == {"late"}:
            return f"新导入的工作要点中有 {count} 项任务已逾期"
        if seen <= {"today", "soon"}:
            return f"新导入的工作要点中有 {count} 项任务即将到期"
        return f"新导入的工作要点中有 {count} 项任务已逾期或即将到期"
    if seen <= {"today", "soon"}:
        return f"{count} 项任务即将到期"
    if seen == {"late"}:
        return f"{count} 项任务已逾期"
    if seen == {"quarter"}:
        return f"{count} 项持续推进的任务请记录本季度进展"
    return f"{count} 项任务需要关注"


def _counts_line(latest: Mapping[int, Reminder], groups: Mapping[int, str], at: datetime) -> str:
    soon: dict[date, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for task_id, group in groups.items():
        totals[group] += 1
        deadline = latest[task_id].deadline
        if group == "soon" and deadline is not None:
            soon[deadline] += 1
    parts = []
    if totals["today"]:
        parts.append(f"今天截止 {totals['today']} 项")
    dates = sorted(soon)
    for deadline in dates[:3]:
        parts.append(f"{_day_text(deadline, at)}截止 {soon[deadline]} 项")
    if len(dates) > 3:
        parts.append(f"更晚截止 {sum(soon[d] for d in dates[3:])} 项")
    if totals["late"]:
        parts.append(f"已逾期 {totals['late']} 项")
    if totals["quarter"]:
        parts.append(f"需记录本季度进展 {totals['quarter']} 项")
    return "；".join(parts)


def _when(r: Reminder, group: str, at: datetime) -> str:
    if group == "today":
        return "今天截止"
    if group == "quarter" or r.deadline is None:
        return "季度进展"
    if group == "late":
        return f"已逾期（{_day_text(r.deadline, at)}）"
    return f"{_day_text(r.deadline, at)}截止"
