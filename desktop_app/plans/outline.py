"""The outline of a plan's body: its numbered items as a tree, each with its own text and
the annotations found in it (bracketed, or written as key lines of their own). The parser
(``parser.py``) turns the tree into sections and tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.plans.annotations import (
    CLOSERS,
    DEADLINE_KEYS,
    KEY_LINE_RE,
    OPENERS,
    Annotation,
    Span,
    bracket_spans,
    may_open_annotation,
    parse_annotation,
)
from desktop_app.plans.normalize import glue
from desktop_app.plans.numbering import Label, match_label

_PHRASE_LINE_MAX = 60
_OPEN_ANNOTATION_MAX = 300
OWNER_VERB_RE = re.compile("牵头|负责|配合|协助|协办|参与|落实")
_DEADLINE_KEY_RE = re.compile(rf"(?:{'|'.join(DEADLINE_KEYS)})\s*[:：]")
_MILESTONE_SPLIT_RE = re.compile(r"[；;，,、\s]+")


@dataclass
class KeyLines:
    """Annotation lines written without parentheses (`牵头单位：…` on a line of its own)."""

    lines: list[str]


@dataclass
class Item:
    label: Label | None
    level: int
    parts: list[str | KeyLines] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    # filled by analyse: the item's own text, and each annotation with its raw text
    text: str = ""
    annotations: list[tuple[Span, Annotation, str]] = field(default_factory=list)


def _own_text(item: Item) -> tuple[str, list[tuple[int, KeyLines]]]:
    """The item's text, and where in it each unbracketed annotation stood."""
    text = ""
    key_lines: list[tuple[int, KeyLines]] = []
    for part in item.parts:
        if isinstance(part, KeyLines):
            key_lines.append((len(text), part))
        else:
            text = glue(text, part)
    return text, key_lines


class Outline:
    """Builds the tree of numbered items from cleaned body lines."""

    def __init__(self) -> None:
        self.root = Item(label=None, level=0)
        self._stack = [self.root]
        self._levels: dict[str, int] = {}
        self._last: dict[str, int] = {}
        self._open: dict[int, str] = {}

    def _accept(self, label: Label, *, strict: bool = False) -> bool:
        """Reject numbers that break the sequence: a wrapped line starting `5.` is text.

        Inside an open annotation only the very next number starts a new item.
        """
        last = self._last.get(label.style)
        if strict:
            return last is not None and label.value == last + 1
        if last is None:
            return label.value <= 3
        return label.value == 1 or last < label.value <= last + 3

    def add(self, line: str) -> None:
        current = self._stack[-1]
        last = current.parts[-1] if current.parts else None
        if isinstance(last, KeyLines) and _unclosed(last.lines[-1]):
            # `责任单位：区公共法律服务中心（各街` / `镇工作站）`: the name goes on.
            last.lines[-1] = glue(last.lines[-1], line)
            return
        # A line inside an open bracket (`（办` / `公室负责，` / `6月底前）`) continues
        # it; only outside one does a key line or an owner phrase stand on its own.
        open_text = self._open.get(id(current))
        if open_text is None and is_standalone_annotation(line):
            if isinstance(last, KeyLines):
                last.lines.append(line)
            else:
                current.parts.append(KeyLines([line]))
            return
        label = match_label(line)
        strict = open_text is not None and _may_be_annotation(open_text)
        if (
            label is None
            or not self._accept(label, strict=strict)
            or (strict and _continues_milestones(open_text or "", label))
        ):
            self._append(current, line)
            return
        self._last[label.style] = label.value
        level = self._levels.setdefault(label.style, len(self._levels) + 1)
        while self._stack[-1].level >= level:
            self._stack.pop()
        item = Item(label=label, level=level)
        self._stack[-1].children.append(item)
        self._stack.append(item)
        if label.rest:
            self._append(item, label.rest)

    def _append(self, item: Item, line: str) -> None:
        """Add a line to the item, remembering a bracket it leaves open."""
        item.parts.append(line)
        tail = self._open.pop(id(item), "") + line
        spans = bracket_spans(tail)
        if spans and not spans[-1].closed:
            rest = tail[spans[-1].start :]
            # No real annotation runs this long; a bracket that does was never closed.
            if len(rest) <= _OPEN_ANNOTATION_MAX:
                self._open[id(item)] = rest


def _unclosed(line: str) -> bool:
    spans = bracket_spans(line)
    return bool(spans) and not spans[-1].closed


def _may_be_annotation(open_text: str) -> bool:
    """An open bracket that holds, or starts, an annotation key: `（牵头部` / `（责任部门：…`."""
    return may_open_annotation(open_text[1:])


def _continues_milestones(open_text: str, label: Label) -> bool:
    """`完成时间：①3月底前；` left open, then `②6月底前）`: the next milestone, not item ②."""
    key = _DEADLINE_KEY_RE.search(open_text)
    if key is None:
        return False
    for segment in _MILESTONE_SPLIT_RE.split(open_text[key.end() :]):
        found = match_label(segment)
        if found is not None and found.style == label.style and found.value == label.value - 1:
            return True
    return False


def is_standalone_annotation(line: str) -> bool:
    """A line that is only an annotation without brackets.

    `牵头单位：办公室` or `办公室牵头，各科室配合`. A numbered line, or one that
    carries its own bracketed annotation, is a task however it begins.
    """
    if match_label(line) is not None:
        return False
    spans = bracket_spans(line) if any(ch in OPENERS or ch in CLOSERS for ch in line) else []
    if any(parse_annotation(span.content) for span in spans):
        return False
    if KEY_LINE_RE.match(line):
        return True
    # Brackets may only belong to a name (`区公共法律服务中心（各街镇工作站）`) and be closed.
    balanced = line.count("(") + line.count("（") == line.count(")") + line.count("）")
    return (
        balanced
        and all(span.closed for span in spans)
        and len(line) <= _PHRASE_LINE_MAX
        and OWNER_VERB_RE.search(line) is not None
        and parse_annotation(line) is not None
    )


def walk(item: Item) -> list[Item]:
    out = [item]
    for child in item.children:
        out.extend(walk(child))
    return out


def analyse(item: Item) -> None:
    item.text, key_lines = _own_text(item)
    found: list[tuple[Span, Annotation, str]] = []
    for span in bracket_spans(item.text):
        annotation = parse_annotation(span.content)
        if annotation is not None:
            found.append((span, annotation, item.text[span.start : span.end]))
    for position, lines in key_lines:
        annotation = parse_annotation("；".join(lines.lines))
        if annotation is not None:
            found.append((Span(position, position, "", True), annotation, "\n".join(lines.lines)))
    found.sort(key=lambda f: (f[0].start, f[0].end))
    item.annotations = found
