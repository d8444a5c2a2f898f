"""Who a collective owner means: `各司法所` the judicial offices, `各科室` the 科/室/处,
`各部门` everyone. A rule read off the owner's name; the user's own edits come on top
(``services.departments``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.plans.departments import is_collective

# Prefixes that mean the whole bureau whatever follows (`局机关各处室`, `全体干部`).
_WHOLE_PREFIX_RE = re.compile(r"^(?:全体|所有|全局|全系统|局机关各|机关各|局内各|系统各|本系统各)")
_PREFIX_RE = re.compile(r"^(?:市直各|区直各|县直各|局属各|各)")
_PAREN_RE = re.compile(r"[（(][^（()）]*[)）]")
# Nouns that mean every department or unit.
_EVERYONE = {"部门", "单位", "部门单位", "单位部门", "部门和单位", "处室单位", "科室单位"}
# A noun made of these characters (`科室`, `处室`, `科处室`) means the bureau's offices: the
# departments whose names end in any of them.
_OFFICE_CHARS = set("科处室")
_OFFICES = ("科", "处", "室")
# Nouns that stand for several endings.
_SYNONYMS = {"街镇": ("街道", "镇"), "乡镇": ("乡", "镇"), "镇街": ("镇", "街道")}


@dataclass(frozen=True)
class GroupRule:
    """``everyone``: every department of the bureau; else those whose name (without its
    parenthesised part) ends in one of ``endings``; neither: no member is known."""

    everyone: bool = False
    endings: tuple[str, ...] = ()

    def admits(self, name: str) -> bool:
        if is_collective(name):
            return False
        if self.everyone:
            return True
        bare = _PAREN_RE.sub("", name)
        return bool(self.endings) and bare.endswith(self.endings)


def group_rule(name: str) -> GroupRule:
    """The rule of a collective owner's name; a name that is not collective has none."""
    if not is_collective(name):
        return GroupRule()
    bare = _PAREN_RE.sub("", "".join(name.split()))
    if _WHOLE_PREFIX_RE.match(bare):
        return GroupRule(everyone=True)
    noun = _PREFIX_RE.sub("", bare, count=1)
    if noun in _EVERYONE:
        return GroupRule(everyone=True)
    endings: list[str] = []
    for piece in re.split(r"[、，,和及与/]", noun):
        if not piece:
            continue
        if set(piece) <= _OFFICE_CHARS:
            endings += _OFFICES
        else:
            endings += _SYNONYMS.get(piece, (piece,))
    return GroupRule(endings=tuple(dict.fromkeys(endings)))


def rule_members(group: str, names: Iterable[str]) -> list[str]:
    """Those of ``names`` that the group's name takes in, in the order given."""
    rule = group_rule(group)
    return [n for n in names if n != group and rule.admits(n)]
