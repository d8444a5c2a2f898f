"""Numbering labels at the start of a paragraph: `一、` `（一）` `1.` `（1）` `①`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇两"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_VALUES |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Order here is the usual depth of each style; a plan's own order of first
# appearance decides the levels it reports.
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"^\s*([{_CN_NUM}]{{1,4}})\s*[、．.]\s*")),
    ("cn_paren", re.compile(rf"^\s*[（(]\s*([{_CN_NUM}]{{1,4}})\s*[）)]\s*[、.．]?\s*")),
    ("num", re.compile(r"^\s*(\d{1,4})\s*(?:[、]|[.．](?![\d.．]))\s*")),
    ("num_paren", re.compile(r"^\s*[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("circled", re.compile(rf"^\s*([{_CIRCLED}])\s*")),
)


@dataclass(frozen=True)
class Label:
    style: str
    value: int
    label: str  # canonical: `一、` `（一）` `1.` `（1）` `①`
    rest: str


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral up to the hundreds (`十六` = 16, `二十一` = 21)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_VALUES.get(ch, 0)
    return total + current


def _canonical(style: str, token: str) -> str:
    return {
        "cn": f"{token}、",
        "cn_paren": f"（{token}）",
        "num": f"{token}.",
        "num_paren": f"（{token}）",
        "circled": token,
    }[style]


def match_label(line: str) -> Label | None:
    """The numbering label that opens ``line``, or None."""
    for style, pattern in STYLES:
        m = pattern.match(line)
        if m is None:
            continue
        token = m.group(1)
        if style in ("cn", "cn_paren"):
            value = chinese_number(token)
        elif style == "circled":
            value = _CIRCLED.index(token) + 1
        else:
            value = int(token)
        rest = line[m.end() :]
        if style == "cn" and rest[:1] in ("是", "要", "则", "方", "些", "般", "直", "同", "起"):
            return None  # 一是… 一要… 一方面… are prose, not numbering
        return Label(style, value, _canonical(style, token), rest)
    return None


def task_label(label: Label) -> str:
    """How a task numbered by ``label`` is named: `25`, `（一）`, `（1）`, `①`."""
    if label.style == "num":
        return str(label.value)
    return label.label.rstrip("、")


_ORDER_RUN = re.compile(rf"\d+|[{_CN_NUM}]+|[{_CIRCLED}]|[^\W\d_]+")


def label_order(label: str) -> tuple[tuple[tuple[int, int | str], ...], str]:
    """A key that puts task labels in the plan's order: numbers by their value, in digits,
    Chinese numerals or circled (`（二）` before `（十）`, `9` before `10`, `（十一）-1` after
    `（十）-2`); brackets and dashes do not count; equal keys fall back to the label."""
    tokens: list[tuple[int, int | str]] = []
    for run in _ORDER_RUN.findall(label):
        if run.isdecimal():  # full-width digits too
            tokens.append((0, int(run)))
        elif run[0] in _CIRCLED:
            tokens.append((0, _CIRCLED.index(run) + 1))
        elif all(ch in _CN_NUM for ch in run):
            tokens.append((0, chinese_number(run)))
        else:
            tokens.append((1, run))
    return tuple(tokens), label
