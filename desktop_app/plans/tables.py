"""Plans laid out as a table (序号 | 工作任务 | 具体要求 | 牵头单位 | 责任科室 | 完成时限)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.plans.departments import split_owners
from desktop_app.plans.model import Table
from desktop_app.plans.normalize import clean_line
from desktop_app.plans.numbering import match_label

# Checked in this order: a `完成情况` column is progress, not a deadline, and a
# `责任人` column names people, not departments.
_COLUMN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ignore", re.compile(r"进展|完成情况|落实情况|备注|责任人|分管|联系人|责任领导|截至")),
    ("label", re.compile(r"^(?:序号|编号|序)$")),
    ("category", re.compile(r"^(?:类别|板块|领域|分类|项目类别|工作板块)$")),
    ("lead", re.compile(r"牵头")),
    ("responsible", re.compile(r"责任(?:部门|单位|处室|科室|主体)|配合|协办|参与单位|承办")),
    ("deadline", re.compile(r"时限|完成时间|时间节点|时间安排|完成期限|时间要求")),
    (
        "detail",
        re.compile(
            r"具体要求|工作要求|具体措施|工作措施|主要内容|具体内容|工作目标|任务要求|推进措施"
        ),
    ),
    ("task", re.compile(r"任务|工作内容|工作事项|重点工作|工作项目|^事项$|^内容$")),
)
_HEADER_SCAN_ROWS = 6


@dataclass(frozen=True)
class TableTask:
    label: str
    sections: tuple[tuple[str, str], ...]
    text: str
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline_raw: str | None
    raw_annotation: str


@dataclass
class TaskTable:
    """A table recognised as a list of tasks; ``preamble`` are the lines above its header."""

    table: Table
    header_row: int
    columns: dict[str, list[int]]
    preamble: list[str] = field(default_factory=list)

    def _cell(self, r: int, c: int) -> str:
        row = self.table.rows[r]
        return clean_line(row[c]) if c < len(row) else ""

    def _first(self, r: int, kind: str) -> str:
        for c in self.columns.get(kind, []):
            if value := self._cell(r, c):
                return value
        return ""

    def _names(self, r: int, kind: str) -> tuple[str, ...]:
        names: list[str] = []
        for c in self.columns.get(kind, []):
            names.extend(split_owners(self._cell(r, c)))
        return tuple(names)

    def _section_row(self, r: int) -> str | None:
        values = {v for c in range(len(self.table.rows[r])) if (v := self._cell(r, c))}
        if len(values) != 1:
            return None
        value = values.pop()
        owners = self.columns.get("lead", []) + self.columns.get("responsible", [])
        if any(self._cell(r, c) for c in owners) and len(self.table.rows[r]) > 1:
            # one value filling the whole row, owners included: a merged section row
            return value if all(self._cell(r, c) == value for c in owners) else None
        return value

    def rows(self, year: int | None = None) -> list[TableTask]:
        """The table's tasks, section rows giving each task its section path."""
        del year  # deadlines are interpreted by the parser, which knows the plan's year
        out: list[TableTask] = []
        section: tuple[tuple[str, str], ...] = ()
        seen_labels: dict[str, int] = {}
        header = self.table.rows[self.header_row]
        for r in range(self.header_row + 1, len(self.table.rows)):
            if (value := self._section_row(r)) is not None:
                heading = match_label(value)
                section = ((heading.label, heading.rest) if heading else (value[:20], value),)
                continue
            task = self._first(r, "task")
            detail = self._first(r, "detail")
            text = (
                task
                if not detail or detail == task
                else detail
                if not task
                else (f"{task}{'' if task.endswith(('。', '：', ':')) else '：'}{detail}")
            )
            if not text:
                continue
            category = self._first(r, "category")
            path = section + (((category[:20], category),) if category else ())
            label = self._first(r, "label").rstrip(".、．") or str(len(out) + 1)
            if label in seen_labels:
                seen_labels[label] += 1
                label = f"{label}-{seen_labels[label]}"
            else:
                seen_labels[label] = 1
            raw_parts = [
                f"{clean_line(header[c])}：{v}"
                for kind in ("lead", "responsible", "deadline")
                for c in self.columns.get(kind, [])
                if (v := self._cell(r, c))
            ]
            out.append(
                TableTask(
                    label=label,
                    sections=path,
                    text=text,
                    lead=self._names(r, "lead"),
                    responsible=self._names(r, "responsible"),
                    deadline_raw=self._first(r, "deadline") or None,
                    raw_annotation="；".join(raw_parts),
                )
            )
        return out


def _classify(header: str) -> str | None:
    header = re.sub(r"\s+", "", header)
    if not header or len(header) > 12:
        return None
    for kind, pattern in _COLUMN_PATTERNS:
        if pattern.search(header):
            return kind
    return None


def find_task_table(table: Table) -> TaskTable | None:
    """The table as a task table when one of its first rows is a task-table header."""
    for r, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        columns: dict[str, list[int]] = {}
        for c, cell in enumerate(row):
            if (r, c) in table.merged and c > 0 and row[c] == row[c - 1]:
                continue
            kind = _classify(cell)
            if kind is not None and kind != "ignore":
                columns.setdefault(kind, []).append(c)
        has_text = "task" in columns or "detail" in columns
        has_owner_or_deadline = any(k in columns for k in ("lead", "responsible", "deadline"))
        if has_text and has_owner_or_deadline:
            preamble = Table(table.rows[:r], frozenset(m for m in table.merged if m[0] < r))
            return TaskTable(table, r, columns, preamble.text_lines())
    return None
