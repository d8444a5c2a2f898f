"""Annotations that close a task: `（牵头部门：…；责任部门：…。完成时间：…）` and their phrase forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.plans.deadlines import is_deadline_phrase, parse_deadline
from desktop_app.plans.departments import looks_like_department, split_owners, split_top_level

LEAD_KEYS = ("牵头部门", "牵头单位", "牵头处室", "牵头科室")
RESPONSIBLE_KEYS = (
    "责任部门",
    "责任单位",
    "责任处室",
    "责任科室",
    "配合部门",
    "配合单位",
    "配合处室",
    "配合科室",
    "协办单位",
    "协办部门",
    "参与单位",
)
DEADLINE_KEYS = ("完成时间", "完成时限", "时限要求", "时间节点", "完成期限", "时间要求", "时限")
# People, not departments: the task's leaders (``leaders.py`` splits the names).
LEADER_KEYS = tuple(
    f"{role}{level}领导"
    for role in ("责任", "分管", "牵头", "联系", "包保", "领衔", "")
    for level in ("", "市", "县", "区", "局")
    if role or level
)
_ALL_KEYS = LEAD_KEYS + RESPONSIBLE_KEYS + DEADLINE_KEYS + LEADER_KEYS
_KEY_ALT = "|".join(sorted(_ALL_KEYS, key=len, reverse=True))
KEY_RE = re.compile(rf"({_KEY_ALT})\s*[:：]")
KEY_LINE_RE = re.compile(rf"^\s*(?:{_KEY_ALT})\s*[:：]")
_KEY_AT_RE = re.compile(rf"\s*(?:{_KEY_ALT})\s*[:：]")


def may_open_annotation(text: str) -> bool:
    """Whether a bracket's content so far can be an annotation: a key, or the start of one.

    A line break can fall right after `（` or inside the key (`（牵头部` / `门：办公室`).
    """
    if _KEY_AT_RE.match(text) is not None:
        return True
    head = text.strip()
    return len(head) < 5 and any(key.startswith(head) for key in _ALL_KEYS)


OPENERS = "(（[［【"
CLOSERS = ")）]］】"

# Only to ask "is this clause a deadline at all"; the real year is applied later.
_ANY_YEAR = 2000
_VALUE_STRIP = " \t\n。.，,；;：:"
_LEAD_VERBS = ("牵头负责", "牵头")
_RESPONSIBLE_VERBS = (
    "按职责分工负责",
    "按职责负责",
    "分工负责",
    "配合",
    "协助",
    "协办",
    "参与",
    "负责",
    "落实",
)


@dataclass(frozen=True)
class Annotation:
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline_raw: str | None
    # what a `责任领导：` key says, as written: the parser splits the names of all of a
    # document's annotations together (a name seen alone tells how to split `张三李四`)
    leaders_raw: str | None = None


@dataclass(frozen=True)
class Span:
    """A parenthesised stretch of a task text: ``text[start:end]`` includes the brackets."""

    start: int
    end: int
    content: str
    closed: bool


def bracket_spans(text: str) -> list[Span]:
    """Top-level bracketed stretches, either width and mixed pairs, nesting respected.

    A bracket left open runs to the end of the text (``closed`` is False).
    """
    spans: list[Span] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in OPENERS:
            # An annotation opens a new top-level stretch even when an earlier
            # parenthesis was never closed: one stray `（` must not swallow it.
            if depth == 0 or _KEY_AT_RE.match(text, i + 1):
                depth = 0
                start = i
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append(Span(start, i + 1, text[start + 1 : i], True))
    if depth > 0:
        spans.append(Span(start, len(text), text[start + 1 :], False))
    return spans


def _keyed(content: str) -> Annotation | None:
    matches = list(KEY_RE.finditer(content))
    if not matches or content[: matches[0].start()].strip(_VALUE_STRIP):
        return None
    lead: list[str] = []
    responsible: list[str] = []
    deadline: str | None = None
    leaders: list[str] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(content)
        value = content[m.end() : end].strip(_VALUE_STRIP)
        key = m.group(1)
        if key in LEAD_KEYS:
            lead.extend(split_owners(value))
        elif key in RESPONSIBLE_KEYS:
            responsible.extend(split_owners(value))
        elif key in LEADER_KEYS:
            names, rest = _leader_value(value)
            if names:
                leaders.append(names)
            if rest is not None:
                lead.extend(rest.lead)
                responsible.extend(rest.responsible)
                if rest.deadline_raw:
                    deadline = (
                        rest.deadline_raw
                        if deadline is None
                        else f"{deadline}；{rest.deadline_raw}"
                    )
        elif value:
            deadline = value if deadline is None else f"{deadline}；{value}"
    return Annotation(tuple(lead), tuple(responsible), deadline, "、".join(leaders) or None)


def _names_before(clause: str, verbs: tuple[str, ...]) -> list[str] | None:
    for verb in verbs:
        if clause.endswith(verb) and len(clause) > len(verb):
            names = split_owners(clause[: -len(verb)])
            if names and all(looks_like_department(n) for n in names):
                return names
    return None


def _phrase(content: str) -> Annotation | None:
    """``市发展改革委牵头，各区按职责分工负责``, ``市财政局负责``, with an optional deadline clause."""
    found = _clauses(content)
    if found is None or not (found.lead or found.responsible):
        return None
    return found


def _clauses(content: str) -> Annotation | None:
    """Each clause an owner phrase or a deadline (owners not required); None when one is
    neither."""
    lead: list[str] = []
    responsible: list[str] = []
    deadline: str | None = None
    for raw_clause in split_top_level(content, "，,；;。"):
        clause = raw_clause.strip(_VALUE_STRIP)
        if not clause:
            continue
        if (names := _names_before(clause, _LEAD_VERBS)) is not None:
            lead.extend(names)
        elif (names := _names_before(clause, _RESPONSIBLE_VERBS)) is not None:
            responsible.extend(names)
        elif (
            deadline is None
            and is_deadline_phrase(clause)
            and parse_deadline(clause, _ANY_YEAR).kind != "none"
        ):
            deadline = clause
        else:
            return None
    return Annotation(tuple(lead), tuple(responsible), deadline)


def _leader_value(value: str) -> tuple[str, Annotation | None]:
    """What a leader key says: the names, up to the clauses that go on as owner phrases or
    a deadline (`张三；区发改局牵头，区财政局配合`, `李四；年底前完成`), read as such."""
    clauses = [c for c in (c.strip(_VALUE_STRIP) for c in split_top_level(value, "，,；;。")) if c]
    for at in range(len(clauses)):
        rest = _clauses("；".join(clauses[at:]))
        if rest is not None:
            return "、".join(clauses[:at]), rest
    return value, None


def parse_annotation(content: str) -> Annotation | None:
    """The owners and deadline in an annotation's content, or None when it is not one."""
    content = content.strip()
    if not content:
        return None
    return _keyed(content) or _phrase(content)
