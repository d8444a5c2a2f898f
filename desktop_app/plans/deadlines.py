"""Deadline phrases (`3月底前`, `630前`, `上半年`, `持续推进`...) turned into dates.

A month means the last day of that month in the plan's year; ongoing and
recurring work has no single due date; what is not understood keeps its raw
text and no date, and the caller raises a warning.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from desktop_app.plans.model import Deadline
from desktop_app.plans.years import implausible_year_in

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

ONGOING_WORDS = (
    "持续推进",
    "长期坚持",
    "常态化",
    "持续开展",
    "长期",
    "持续",
    "常年",
    "不定期",
    "动态",
)
RECURRING_RE = re.compile(r"每(?:个)?(?:季度|月|年|半年|周|双月|旬)|按(?:季度|月|年)|逐月|定期")

_YEAR = r"(?:(?P<year>\d{4})\s*年|(?P<next>次年|明年|下一年))?"
# One dated expression; the alternatives are tried left to right at each position.
_DATE_RE = re.compile(
    r"(?P<full>" + _YEAR + r"(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*[日号]"
    r"|(?P<part>上旬|中旬|下旬|初|中|底|末|份)?))"
    r"|(?P<compact>(?<![\d.])(?P<cm>\d{1,2})(?P<cd>\d{2})(?=前))"
    r"|(?P<half>(?P<hy>\d{4}年)?(?P<h>上半年|下半年))"
    r"|(?P<quarter>(?<!每)(?<!每个)(?P<qy>\d{4}年)?第?(?P<q>[一二三四1-4])\s*季度(?:末|底)?)"
    r"|(?P<yearend>(?:(?P<ey>\d{4})\s*年?)?(?:年底|年末|年内|本年度内|本年度|今年内|年度内))"
    r"|(?P<whole>(?:(?P<wy>\d{4})\s*年)?全年(?:持续推进|持续|推进|开展)?)"
)


@dataclass(frozen=True)
class _Hit:
    due: date
    kind: Literal["month", "date", "year"]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _hit(match: re.Match[str], year: int | None) -> _Hit | None:
    """Interpret one regex match; None when it names an impossible date or no year is known."""
    g = match.groupdict()
    if g["full"]:
        y = int(g["year"]) if g["year"] else year
        if y is not None and g["next"]:
            y += 1
        month = int(g["m"])
        if y is None or not 1 <= month <= 12:
            return None
        if g["d"]:
            day = int(g["d"])
            if not 1 <= day <= calendar.monthrange(y, month)[1]:
                return None
            return _Hit(date(y, month, day), "date")
        part = g["part"]
        if part in ("上旬", "初"):
            return _Hit(date(y, month, 10), "date")
        if part == "中旬":
            return _Hit(date(y, month, 20), "date")
        return _Hit(_month_end(y, month), "month")
    if g["compact"]:
        month, day = int(g["cm"]), int(g["cd"])
        if year is None or not 1 <= month <= 12:
            return None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return _Hit(date(year, month, day), "date")
    if g["half"]:
        y = int(g["hy"][:4]) if g["hy"] else year
        if y is None:
            return None
        return _Hit(_month_end(y, 6 if g["h"] == "上半年" else 12), "month")
    if g["quarter"]:
        y = int(g["qy"][:4]) if g["qy"] else year
        if y is None:
            return None
        return _Hit(_month_end(y, 3 * _CN_DIGITS[g["q"]]), "month")
    if g["yearend"]:
        y = int(g["ey"]) if g["ey"] else year
        if y is None:
            return None
        return _Hit(date(y, 12, 31), "month")
    if g["whole"]:
        # 全年: work the whole year long, to be done by its last day; the kind says so.
        y = int(g["wy"]) if g["wy"] else year
        if y is None:
            return None
        return _Hit(date(y, 12, 31), "year")
    return None


def _safe_hit(match: re.Match[str], year: int | None) -> _Hit | None:
    """``_hit``, with a year that no calendar holds (a plan's year out of range) as no date."""
    try:
        return _hit(match, year)
    except (ValueError, OverflowError):
        return None


def year_out_of_range_in(raw: str | None) -> str | None:
    """The impossible year a deadline value names (``0000`` of ``0000年12月``), if any."""
    return implausible_year_in(_clean(raw)) if raw else None


def _clean(raw: str) -> str:
    return re.sub(r"\s+", "", raw.translate(_FULLWIDTH_DIGITS))


# What may stand beside the deadline in a clause that says only when (`6月底前完成`).
_PHRASE_REST_RE = re.compile(r"^[前之以内止底末至到起始完成和及、，,；;年月日份①②③④⑤⑥⑦⑧⑨⑩]*$")


def is_deadline_phrase(text: str) -> bool:
    """Whether ``text`` says when and nothing else (`年底前`, `2024年6月底前完成`,
    `持续推进`, `全年`, `每季度`), rather than being a sentence with a deadline word in it
    (`持续推进法治宣传工作`, `年底前完成整改的任务数量`)."""
    cleaned = _clean(text)
    rest = RECURRING_RE.sub("", _DATE_RE.sub("", cleaned))
    for word in sorted(ONGOING_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) < len(cleaned) and _PHRASE_REST_RE.match(rest) is not None


def has_date_without_year(raw: str) -> bool:
    """True when ``raw`` names a month or season but no year, so the plan's year is needed."""
    return _DATE_RE.search(_clean(raw)) is not None


def parse_deadline(raw: str | None, year: int | None) -> Deadline:
    """Interpret an annotation's deadline value (``完成时间：…``) in the plan's ``year``.

    Several dated expressions (``①3月底前……②6月底前……`` or ``3月、6月``) are
    milestones: the task is due at the last one. A value that is not understood, or
    that names a year no plan can have (``0000年12月``: see ``years``), keeps its raw
    text with kind ``none``; the parser says which (``year_out_of_range_in``).
    """
    if raw is None or not raw.strip():
        return Deadline.none()
    raw = raw.strip()
    text = _clean(raw)
    if implausible_year_in(text) is not None:
        return Deadline(raw=raw, kind="none")
    hits = [h for m in _DATE_RE.finditer(text) if (h := _safe_hit(m, year)) is not None]
    if hits:
        last = max(hits, key=lambda h: h.due)
        milestones = tuple(sorted({h.due for h in hits})) if len(hits) > 1 else ()
        return Deadline(raw=raw, kind=last.kind, due=last.due, milestones=milestones)
    if RECURRING_RE.search(text):
        return Deadline(raw=raw, kind="recurring")
    if any(word in text for word in ONGOING_WORDS):
        return Deadline(raw=raw, kind="ongoing")
    return Deadline(raw=raw, kind="none")


# Inside a task's own text only firm phrases count: a month or date followed by
# 前/底/末, a compact `630前`, `年底前`. Durations (`5年内`) and progress dates
# (`截至3月31日`) are not deadlines.
_IN_TEXT_RE = re.compile(
    r"(?<!截至)(?<!截止)(?<!截止到)"
    r"(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]\s*前|(?:底|末|上旬|中旬|下旬)\s*前?|前)"
    r"|(?<![\d.])\d{3,4}前"
    r"|(?:\d{4}年)?(?:年底|年末)前"
    r"|(?:\d{4}年)?上半年前)"
)


# Where a deadline in a task's text stands in a deadline's slot: at the start of a clause
# (`。年底前上线`, `，630前发布`, `（年底前）`), or after a word that sets a date
# (`确保年底前完成`). In the middle of a clause it is part of what is said
# (`统计年底前完成整改的任务数量`), and so is a clause that ends in a count of things.
_CLAUSE_OPENERS = '。；;，,！!？?：:、（(【[“"①②③④⑤⑥⑦⑧⑨⑩'
_LEAD_INS = ("确保", "力争", "争取", "务必", "必须", "并于", "要于", "要在", "于", "在")
_CLAUSE_END_RE = re.compile(r"[。；;，,！!？?）)]")
_COUNT_END_RE = re.compile(
    r"的(?:任务|工作|事项|项目|问题)?(?:数量|数|比例|比率|占比|件数|个数|率)$"
)


def _in_deadline_slot(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()].rstrip()
    for word in _LEAD_INS:
        if before.endswith(word):
            before = before[: -len(word)].rstrip()
            break
    if before and before[-1] not in _CLAUSE_OPENERS:
        return False
    end = _CLAUSE_END_RE.search(text, match.end())
    clause = text[match.end() : end.start() if end else len(text)]
    return _COUNT_END_RE.search(clause) is None


def find_deadline_in_text(text: str, year: int | None) -> Deadline | None:
    """A deadline written inside an unannotated task's text, or None.

    Only one in a deadline's slot counts (``_in_deadline_slot``): `年底前` in the middle of a
    sentence is part of the task, not when it is due.
    """
    text = text.translate(_FULLWIDTH_DIGITS)
    found = [m.group(0) for m in _IN_TEXT_RE.finditer(text) if _in_deadline_slot(text, m)]
    if not found:
        return None
    deadline = parse_deadline("，".join(found), year)
    if deadline.kind in ("month", "date"):
        return Deadline(
            raw="、".join(found),
            kind=deadline.kind,
            due=deadline.due,
            milestones=deadline.milestones,
        )
    return None


_MILESTONE_SPLIT_RE = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]")


def milestones_in_text(text: str, year: int | None) -> tuple[date, ...]:
    """Dated milestones enumerated as ``①3月底前……②6月底前……`` inside a task's text."""
    parts = _MILESTONE_SPLIT_RE.split(text)
    if len(parts) < 3:
        return ()
    dates = []
    for part in parts[1:]:
        found = find_deadline_in_text(part, year)
        if found is not None and found.due is not None:
            dates.append(found.due)
    return tuple(sorted(set(dates))) if len(dates) >= 2 else ()
