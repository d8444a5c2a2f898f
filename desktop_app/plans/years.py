"""Which years a plan can be about: one window for every year the parser reads (a title's, a
deadline's), so that a typo (``0000年``, ``20240年``, ``202年``) becomes a warning instead
of an exception or a silent guess."""

from __future__ import annotations

import re

YEAR_MIN = 2000
YEAR_MAX = 2100

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
# A year in Chinese numerals as titles write it: 二〇二四年.
CN_YEAR_RE = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
# Digits written before 年 in front of a date, as many as there are: a typo is still seen.
_YEAR_BEFORE_DATE_RE = re.compile(
    r"(?<!\d)(\d+)\s*年(?=\s*(?:\d{1,2}\s*月|[上下]半年|第?[一二三四1-4]\s*季度|年底|年末|底|末))"
)


def is_plausible(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


def chinese_year(text: str) -> int | None:
    """``二〇二四`` → 2024."""
    if len(text) != 4 or any(c not in _CN_DIGITS for c in text):
        return None
    return int("".join(_CN_DIGITS[c] for c in text))


def implausible_year_in(text: str) -> str | None:
    """The first year written before a date in ``text`` that cannot be one (not four
    digits, or outside YEAR_MIN–YEAR_MAX), as written; None when there is none."""
    for match in _YEAR_BEFORE_DATE_RE.finditer(text):
        digits = match.group(1)
        if len(digits) != 4 or not is_plausible(int(digits)):
            return digits
    return None
