"""The rows of a plan's task tables as tasks.

A cell's wrap breaks and spaces inside words are dropped (`工作机 制`, `提升` / `服务质量`);
a line break after a whole department name separates two owners. A row without a number
of its own that begins in the middle of a sentence (`，确保…`, or the first row of a table
going on over the next page while the row before it is unfinished) is the rest of the row
before it, cell by cell. A numbering need not start at 1. Leader columns become the task's
leaders (``leaders.py``), never its owners. What is unsure is returned as a doubt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.plans.departments import (
    CLOSE_PARENS,
    NAME_SEPARATORS,
    OPEN_PARENS,
    looks_like_department,
    split_owners,
)
from desktop_app.plans.leaders import read_leader_cells
from desktop_app.plans.normalize import clean_line, glue
from desktop_app.plans.numbering import match_label
from desktop_app.plans.tables import TaskTable

# What a sentence cannot begin with: the rest of a row cut by a page break.
_CONTINUING_RE = re.compile(r"^[，,。.；;：:、）)》」』”’！!？?…a-z]")
_FINISHED = ("。", "！", "？", "；", "…", "!", "?", ";", "）", ")", "”")
_OWNER_KINDS = ("lead", "responsible")
_ANNOTATED_KINDS = ("lead", "responsible", "leader", "deadline")


@dataclass(frozen=True)
class TableTask:
    label: str
    sections: tuple[tuple[str, str], ...]
    text: str
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline_raw: str | None
    raw_annotation: str
    leaders: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableDoubt:
    """``code``: ``leader_unsure`` (names that may run together, kept as written) or
    ``row_unnumbered`` (a row without a number that may continue the row above)."""

    task: str
    code: str
    value: str


@dataclass
class _Row:
    """One task's row, with the rows that continue it merged in: raw cells by column kind."""

    label: str
    sections: tuple[tuple[str, str], ...]
    cells: dict[str, list[str]]
    headers: dict[str, list[str]]
    unnumbered: bool = False

    def text(self) -> str:
        task = _first(self.cells, "task")
        detail = _first(self.cells, "detail")
        if not detail or detail == task:
            return task
        if not task:
            return detail
        return f"{task}{'' if task.endswith(('。', '：', ':')) else '：'}{detail}"


# A row's cells are read several times (its number, text, owners, raw annotation).
@functools.lru_cache(maxsize=4096)
def cell_text(raw: str) -> str:
    """A cell's lines as one text, wrap spaces inside words dropped (`工作机 制` → 工作机制),
    a space between Latin words kept."""
    out = ""
    for line in raw.split("\n"):
        if line := clean_line(line):
            out = glue(out, line)
    return out


def _ends_with_name(text: str) -> bool:
    if text.endswith(tuple(NAME_SEPARATORS)):
        return False
    if sum(text.count(p) for p in OPEN_PARENS) > sum(text.count(p) for p in CLOSE_PARENS):
        return False  # `区公共法律服务中心（各街镇` / `工作站）`
    names = split_owners(text)
    return bool(names) and looks_like_department(names[-1])


@functools.lru_cache(maxsize=4096)
def owner_text(raw: str) -> str:
    """An owners cell as one line: a break after a whole name separates two names
    (`县财政局` / `县统计局`), a break inside a name is a wrap (`区公共法律服务` / `中心`)."""
    out = ""
    for line in raw.split("\n"):
        if not (line := clean_line(line)):
            continue
        out = f"{out}、{line}" if out and _ends_with_name(out) else glue(out, line)
    return out


def _first(cells: dict[str, list[str]], kind: str) -> str:
    return next((v for raw in cells.get(kind, []) if (v := cell_text(raw))), "")


def _cell(table: TaskTable, r: int, c: int) -> str:
    row = table.table.rows[r]
    return row[c] if c < len(row) else ""


def _section_row(table: TaskTable, r: int) -> str | None:
    row = table.table.rows[r]
    values = {v for c in range(len(row)) if (v := cell_text(row[c]))}
    if len(values) != 1:
        return None
    value = values.pop()
    owners = table.columns.get("lead", []) + table.columns.get("responsible", [])
    if any(cell_text(_cell(table, r, c)) for c in owners) and len(row) > 1:
        # one value filling the whole row, owners included: a merged section row
        return value if all(cell_text(_cell(table, r, c)) == value for c in owners) else None
    return value


def _merged_across(table: TaskTable, r: int) -> bool:
    return any((r, c) in table.table.merged for c in range(1, table.width))


def _continues(previous: _Row | None, text: str, table: TaskTable, r: int, first: bool) -> bool:
    """Whether row ``r`` (without a number of its own) is the rest of ``previous``."""
    if previous is None:
        return False
    if not text or _CONTINUING_RE.match(text):
        return True
    if not first or "label" not in table.columns:
        return False  # without a 序号 column, a row without one is no sign of a page break
    if _merged_across(table, r) or match_label(text) is not None:
        return False  # a section heading
    # the first row of a page, the row above it broken off mid-sentence
    return not previous.text().endswith(_FINISHED)


def _merge(previous: _Row, table: TaskTable, r: int) -> None:
    """Row ``r`` appended cell by cell to ``previous`` (a cell merged down from above
    repeats the value above it and adds nothing)."""
    for kind, columns in table.columns.items():
        values = previous.cells.setdefault(kind, [])
        for index, c in enumerate(columns):
            if (r, c) in table.table.merged or not (raw := _cell(table, r, c)).strip():
                continue
            if index < len(values):
                values[index] = f"{values[index]}\n{raw}"
            else:
                values.append(raw)
                previous.headers.setdefault(kind, []).append(table.headers.get(c, ""))


def _rows(tables: Sequence[TaskTable]) -> list[_Row]:
    rows: list[_Row] = []
    section: tuple[tuple[str, str], ...] = ()
    for i, table in enumerate(tables):
        if not table.continued:
            section = ()
        labels = table.columns.get("label", [])
        data = range(table.header_row + 1, len(table.table.rows))
        numbered = any(cell_text(_cell(table, r, c)) for r in data for c in labels)
        first = i > 0
        for r in data:
            if not any(cell_text(cell) for cell in table.table.rows[r]):
                continue
            cells = {k: [_cell(table, r, c) for c in cols] for k, cols in table.columns.items()}
            label = _first(cells, "label")
            text = _first(cells, "task") or _first(cells, "detail")
            at_top, first = first, False
            previous = rows[-1] if rows else None
            if not label and _continues(previous, text, table, r, at_top):
                assert previous is not None
                _merge(previous, table, r)
                continue
            if (value := _section_row(table, r)) is not None:
                heading = match_label(value)
                section = ((heading.label, heading.rest) if heading else (value[:20], value),)
                continue
            if not text:
                continue
            category = _first(cells, "category")
            headers = {
                k: [table.headers.get(c, "") for c in cols] for k, cols in table.columns.items()
            }
            unnumbered = not label and (numbered or bool(_CONTINUING_RE.match(text)))
            path = section + (((category[:20], category),) if category else ())
            rows.append(_Row(label, path, cells, headers, unnumbered))
    return rows


def read_task_tables(tables: Sequence[TaskTable]) -> tuple[list[TableTask], list[TableDoubt]]:
    """The tasks of a document's task tables, in order, and what is unsure in them."""
    rows = _rows(tables)
    leaders = read_leader_cells(["\n".join(row.cells.get("leader", [])) for row in rows])
    out: list[TableTask] = []
    doubts: list[TableDoubt] = []
    seen_labels: dict[str, int] = {}
    for row, found in zip(rows, leaders, strict=True):
        label = row.label.rstrip(".、．") or str(len(out) + 1)
        if label in seen_labels:
            seen_labels[label] += 1
            label = f"{label}-{seen_labels[label]}"
        else:
            seen_labels[label] = 1
        text = row.text()
        if row.unnumbered:
            doubts.append(TableDoubt(label, "row_unnumbered", text))
        if found.doubt is not None:
            doubts.append(TableDoubt(label, "leader_unsure", found.doubt))
        raw_parts = [
            f"{header}：{value}"
            for kind in _ANNOTATED_KINDS
            for header, raw in zip(row.headers.get(kind, []), row.cells.get(kind, []), strict=True)
            if (value := owner_text(raw) if kind in _OWNER_KINDS else cell_text(raw))
        ]
        names = {
            k: tuple(n for raw in row.cells.get(k, []) for n in split_owners(owner_text(raw)))
            for k in _OWNER_KINDS
        }
        out.append(
            TableTask(
                label=label,
                sections=row.sections,
                text=text,
                lead=names["lead"],
                responsible=names["responsible"],
                deadline_raw=_first(row.cells, "deadline") or None,
                raw_annotation="；".join(raw_parts),
                leaders=found.names,
            )
        )
    return out, doubts
