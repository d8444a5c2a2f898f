"""The bundled sample plan, moved to the current year so its deadlines lie ahead and its
words name the year it was moved to."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from desktop_app.plans.model import Deadline, ParsedPlan, Section, Task

# What may follow a number that counts something (2024 个, 2024 万元): such a number is a
# quantity, not the plan's year, and stays as it is.
_UNITS = frozenset(
    "个人件项元万亿千百次家名户份条座所篇期批天日月周时分秒米里吨台辆本册场起例余多位套张种类宗笔号届页字岁"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPENING, _CLOSING = "〔[【（(", "〕]】）)"
_RANGE_DASHES = "-－—–~～至到"
_CHINESE_DIGITS = ("〇一二三四五六七八九", "零一二三四五六七八九")


def _shift(day: date, years: int) -> date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _shift_deadline(deadline: Deadline, plan_year: int, years: int) -> Deadline:
    return replace(
        deadline,
        raw=move_year_in_text(deadline.raw, _years_of(deadline, plan_year), years),
        due=_shift(deadline.due, years) if deadline.due else None,
        milestones=tuple(_shift(m, years) for m in deadline.milestones),
    )


def _years_of(deadline: Deadline, plan_year: int) -> frozenset[int]:
    """The years a deadline's words may name: the plan's, and those of its dates."""
    dates = (deadline.due, *deadline.milestones) if deadline.due else deadline.milestones
    return frozenset({plan_year, *(d.year for d in dates)})


def _is_the_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at ``text[start:end]`` are a year, not part of a quantity."""
    before = text[start - 1] if start else " "
    after = text[end:].lstrip()
    following = after[:1] or " "
    if before in ".．" or following in ".．%％":
        return False  # 2024.5, 0.2024, 2024%: part of another number
    if following in _RANGE_DASHES and after[1:2].isdigit():
        return False  # 2024—2026年: a span of years the plan names as it is
    if before in _RANGE_DASHES and text[: start - 1].rstrip()[-1:].isdigit():
        return False
    if following == "年":
        return True  # 2024年, 2024 年, 2024年度, 2024年6月底前
    if before in _OPENING and following in _CLOSING:
        return True  # 〔2024〕38号
    # 2024上海仲裁周, 2024版: the year before a name, unless the word after it counts
    return bool(_CJK.match(following)) and following not in _UNITS


def _spelled(year: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(year))


def move_year_in_text(text: str | None, old: int | frozenset[int], years: int) -> str | None:
    """``text`` with each mention of the year ``old`` (or of any of them) moved by ``years``:
    ``2024年``, ``2024 年度``, ``〔2024〕``, ``2024上海仲裁周``, ``二〇二四年``. Other numbers
    stay: a quantity (``2024个``), a longer number (``12024``), a span (``2023—2024年``)."""
    olds = frozenset({old}) if isinstance(old, int) else old
    if not text or not olds or years == 0:
        return text

    def arabic(match: re.Match[str]) -> str:
        year = int(match.group(0))
        if year in olds and _is_the_year(text, match.start(), match.end()):
            return str(year + years)
        return match.group(0)

    # One pass, so that 2024 moved to 2026 is not moved again as 2026.
    moved = re.sub(r"(?<!\d)\d{4}(?!\d)", arabic, text)
    spelled = {
        _spelled(y, digits) + "年": _spelled(y + years, digits) + "年"
        for digits in _CHINESE_DIGITS
        for y in olds
    }
    pattern = "|".join(re.escape(s) for s in spelled)
    return re.sub(pattern, lambda m: spelled[m.group(0)], moved)


def _move_task(task: Task, old: int, years: int) -> Task:
    return replace(
        task,
        text=move_year_in_text(task.text, old, years) or task.text,
        section=tuple(move_year_in_text(s, old, years) or s for s in task.section),
        annotation=move_year_in_text(task.annotation, old, years),
        deadline=_shift_deadline(task.deadline, old, years),
    )


def move_to_year(plan: ParsedPlan, year: int) -> ParsedPlan:
    """The same plan as if issued for ``year``: every date moves, and the plan's year where
    its title, document number, sections and tasks name it."""
    if plan.year is None or plan.year == year:
        return plan
    old, years = plan.year, year - plan.year
    return replace(
        plan,
        year=year,
        title=move_year_in_text(plan.title, old, years),
        doc_number=move_year_in_text(plan.doc_number, old, years),
        issued_on=_shift(plan.issued_on, years) if plan.issued_on else None,
        sections=tuple(
            Section(s.label, move_year_in_text(s.title, old, years) or s.title, s.level)
            for s in plan.sections
        ),
        tasks=tuple(_move_task(t, old, years) for t in plan.tasks),
        # The dates moved together, so no deadline falls before the issue date any more
        # than it did; the warnings about them name the old dates and are dropped.
        warnings=tuple(w for w in plan.warnings if w.code != "deadline_before_issue"),
    )
