"""Plans in traditional script (工作要點, 牽頭單位): parsed through a simplified shadow of
the document, character for character, so that every rule reads one script; what the
plan keeps (title, texts, owner names) is then given back its characters as written.

The shadow has the original's length, block by block and cell by cell, so a string the
parser built from the shadow is found at the same place in the original. A string
that is not one stretch of the document (a text glued across a page number) takes each
character back by the most frequent original of its shadow character.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from desktop_app.plans.model import Block, DocumentText, ParsedPlan, Section, Table, Task
from desktop_app.simplified import simplified

_SPACE_RE = re.compile(r"\s+")


class Restorer:
    """Gives strings read from the shadow the original's characters."""

    def __init__(self, original: str, shadow: str) -> None:
        self._original = _SPACE_RE.sub("", original)
        self._shadow = _SPACE_RE.sub("", shadow)
        origins: dict[str, Counter[str]] = {}
        for o, s in zip(self._original, self._shadow, strict=True):
            if o != s:
                origins.setdefault(s, Counter())[o] += 1
        # A character left as it was counts too: 后 stays 后 when the document has both.
        for o, s in zip(self._original, self._shadow, strict=True):
            if o == s and s in origins:
                origins[s][o] += 1
        self._by_char = {s: c.most_common(1)[0][0] for s, c in origins.items()}

    def text(self, value: str) -> str:
        squeezed = _SPACE_RE.sub("", value)
        if not squeezed:
            return value
        at = self._shadow.find(squeezed)
        if at >= 0:
            chars = iter(self._original[at : at + len(squeezed)])
            return "".join(ch if ch.isspace() else next(chars) for ch in value)
        return "".join(self._by_char.get(ch, ch) for ch in value)

    def opt(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def names(self, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.text(v) for v in values)

    def plan(self, plan: ParsedPlan) -> ParsedPlan:
        """The plan with its kept strings as written; warnings stay as the parser said them."""
        return replace(
            plan,
            title=self.opt(plan.title),
            issuer=self.opt(plan.issuer),
            doc_number=self.opt(plan.doc_number),
            sections=tuple(
                Section(self.text(s.label), self.text(s.title), s.level) for s in plan.sections
            ),
            tasks=tuple(self._task(t) for t in plan.tasks),
        )

    def _task(self, t: Task) -> Task:
        return replace(
            t,
            label=self.text(t.label),
            section=self.names(t.section),
            text=self.text(t.text),
            lead=self.names(t.lead),
            responsible=self.names(t.responsible),
            collective=self.names(t.collective),
            leaders=self.names(t.leaders),
            annotation=self.opt(t.annotation),
            deadline=replace(t.deadline, raw=self.opt(t.deadline.raw)),
        )


def _pieces(block: Block) -> list[str]:
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    return [block]


def shadow(document: DocumentText) -> tuple[DocumentText, Restorer | None]:
    """The document in simplified characters and the way back; (the document, None) when
    it has no traditional character."""
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = tuple(tuple(simplified(c) for c in row) for row in block.rows)
            blocks.append(Table(rows, block.merged))
        else:
            blocks.append(simplified(block))
    original = "\n".join(p for b in document.blocks for p in _pieces(b))
    converted = "\n".join(p for b in blocks for p in _pieces(b))
    if converted == original:
        return document, None
    return replace(document, blocks=tuple(blocks)), Restorer(original, converted)
