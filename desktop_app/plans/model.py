"""Plain values that cross layers: what a reader extracts and what the parser produces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PlanKind = Literal["work_plan", "annual_report", "unknown"]
# "year": the whole year (全年), due on its last day.
DeadlineKind = Literal["month", "date", "year", "ongoing", "recurring", "none"]


@dataclass(frozen=True)
class Table:
    """A table as a full grid.

    Merged cells repeat their value in every grid position they cover, so each
    row can be read on its own; ``merged`` lists the positions ``(row, col)``
    that merely continue a merge started above or to the left.
    """

    rows: tuple[tuple[str, ...], ...]
    merged: frozenset[tuple[int, int]] = frozenset()

    def text_lines(self) -> list[str]:
        """The table as lines of text, each merged cell once."""
        lines = []
        for r, row in enumerate(self.rows):
            cells = [c.strip() for c_i, c in enumerate(row) if (r, c_i) not in self.merged]
            cells = [c for c in cells if c]
            if cells:
                lines.append(" | ".join(cells))
        return lines


Block = str | Table


@dataclass(frozen=True)
class DocumentText:
    """What a reader extracted from a document: paragraphs and tables in order."""

    blocks: tuple[Block, ...]
    source_format: str
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """All text as lines, tables rendered one row per line."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                out.extend(block.text_lines())
            else:
                out.extend(block.split("\n"))
        return out


@dataclass(frozen=True)
class Deadline:
    raw: str | None
    kind: DeadlineKind
    due: date | None = None
    milestones: tuple[date, ...] = ()

    @classmethod
    def none(cls) -> Deadline:
        return cls(raw=None, kind="none")


@dataclass(frozen=True)
class Section:
    label: str
    title: str
    level: int


@dataclass(frozen=True)
class Task:
    label: str
    section: tuple[str, ...]
    text: str
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    annotation: str | None
    deadline: Deadline
    collective: tuple[str, ...] = ()
    # People, not departments: the 责任领导/分管领导 a table names (never owners).
    leaders: tuple[str, ...] = ()

    @property
    def owners(self) -> tuple[str, ...]:
        return self.lead + self.responsible


@dataclass(frozen=True)
class PlanWarning:
    task: str | None
    code: str
    message: str


LISTED_PER_CODE = 10


def listed_warnings(
    warnings: Sequence[PlanWarning], per_code: int = LISTED_PER_CODE
) -> list[PlanWarning]:
    """The warnings to list for a person: at most ``per_code`` of each kind, then one line
    counting the rest (a sheet of 100,000 rows without a year is one problem, not 100,000).

    The full list stays in the plan: it flags each row of the preview and goes into JSON.
    """
    shown: list[PlanWarning] = []
    counts: dict[str, int] = {}
    rest: dict[str, list[PlanWarning]] = {}
    for w in warnings:
        counts[w.code] = counts.get(w.code, 0) + 1
        if counts[w.code] <= per_code:
            shown.append(w)
        else:
            rest.setdefault(w.code, []).append(w)
    for code, more in rest.items():
        labels = [w.task for w in more if w.task is not None]
        named = "、".join(labels[:5]) + ("等" if len(labels) > 5 else "")
        where = f"（任务 {named}）" if named else ""
        shown.append(PlanWarning(None, code, f"另有 {len(more)} 条同类提示{where}"))
    return shown


@dataclass(frozen=True)
class ParsedPlan:
    kind: PlanKind
    title: str | None
    year: int | None
    issuer: str | None
    doc_number: str | None
    issued_on: date | None
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    warnings: tuple[PlanWarning, ...] = field(default_factory=tuple)
    # A document without tasks: what it lacks to be read as a plan (``verdict.missing``).
    not_a_plan_because: tuple[str, ...] = ()
