"""Department names in annotations: splitting a list of owners, recognising collective owners."""

from __future__ import annotations

import re

from desktop_app.simplified import simplified

OPEN_PARENS = "(（"
CLOSE_PARENS = ")）"
NAME_SEPARATORS = "、，,；;/／"

# Nouns that only make sense after a preceding `各…` piece: `各区、县级市` is one owner.
_GENERIC_UNITS = {
    "县级市",
    "县",
    "县（市）",
    "市",
    "区",
    "街镇",
    "乡镇",
    "街道",
    "镇",
    "乡",
    "处室",
    "科室",
    "部门",
    "单位",
    "直属单位",
    "室",
    "处",
    "科",
}

_COLLECTIVE_RE = re.compile(
    r"^(?:各|全体|所有|全局|市直各|区直各|局属各|局机关各|机关各|系统各|本系统各|局内各|全系统)"
)
_PAREN_PART_RE = re.compile(r"[（(][^（()）]*[)）]")

# Endings that a department or organisation name has; used to tell an owner
# phrase (`市财政局负责`) from ordinary words in parentheses (`年内不少于3次`).
DEPARTMENT_SUFFIXES = (
    "局",
    "委",
    "办",
    "处",
    "科",
    "室",
    "部",
    "部门",
    "单位",
    "中心",
    "所",
    "院",
    "会",
    "队",
    "站",
    "厅",
    "司",
    "组",
    "区",
    "市",
    "县",
    "镇",
    "乡",
    "街道",
    "政府",
    "公司",
    "机构",
    "党委",
    "党组",
    "支部",
    "团委",
    "工会",
    "妇联",
    "署",
    "馆",
    "社",
)


def split_top_level(value: str, separators: str) -> list[str]:
    """Split at separators that are not inside parentheses of either width."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in value:
        if ch in OPEN_PARENS:
            depth += 1
        elif ch in CLOSE_PARENS and depth > 0:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def clean_name(name: str) -> str:
    """Drop spaces a page break or PDF extraction put inside a name, and stray punctuation."""
    name = re.sub(r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])", "", name.strip())
    return name.strip("。.，,；;：:、 ")


def split_owners(value: str) -> list[str]:
    """Owner names from an annotation value such as ``信息处、公服处``.

    Names keep parentheses that belong to them (``区公共法律服务中心（各街镇工作站）``)
    and a collective list such as ``各区、县级市`` stays one owner.
    """
    names: list[str] = []
    for part in split_top_level(value, NAME_SEPARATORS):
        name = clean_name(part)
        if not name:
            continue
        if names and names[-1].startswith("各") and name in _GENERIC_UNITS:
            names[-1] = f"{names[-1]}、{name}"
            continue
        names.append(name)
    return names


def is_collective(name: str) -> bool:
    """Whether ``name`` stands for every department (``各部门``, ``各科处室``, ``市直各部门``)."""
    return bool(_COLLECTIVE_RE.match(_PAREN_PART_RE.sub("", name)))


def looks_like_department(name: str) -> bool:
    """A plausible department or organisation name (used to accept owner phrases)."""
    bare = _PAREN_PART_RE.sub("", name)
    if not 2 <= len(bare) <= 30 or re.search(r"\d", bare):
        return False
    return is_collective(bare) or bare.endswith(DEPARTMENT_SUFFIXES)


_TITLE_ISSUER_RE = re.compile(r"^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年")


def bureau_of(issuer: str | None, title: str | None) -> str:
    """The bureau a plan's departments belong to: its issuer, else the organisation its
    title begins with (`上海市司法局2025年工作要点`), else "" (not known); in simplified
    characters, so that a plan in traditional script is of the same bureau."""
    if issuer and issuer.strip():
        return simplified("".join(issuer.split()))
    m = _TITLE_ISSUER_RE.match(simplified("".join((title or "").split())))
    if m and m.group(1).endswith(DEPARTMENT_SUFFIXES) and not is_collective(m.group(1)):
        return m.group(1)
    return ""
