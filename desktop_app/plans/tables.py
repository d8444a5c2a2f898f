"""Plans laid out as a table (序号 | 工作任务 | 具体要求 | 牵头单位 | 责任科室 | 责任领导 | 完成时限):
its header recognised, and a table that goes on over the next page without a header of
its own read with the columns of the one it continues. Its rows are read by
``table_rows``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.plans.model import Table
from desktop_app.plans.normalize import clean_line

# Checked in this order: a `完成情况` column is progress, not a deadline; a `责任领导`,
# `分管 县领导` or `牵头领导` column names people (leaders), not departments, and a
# `责任人` column names people the plan does not follow.
_COLUMN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leader", re.compile(r"领导(?!小组)|^分管(?:副?[省市州县区旗局镇乡]?长|负责人)?$")),
    ("ignore", re.compile(r"进展|完成情况|落实情况|备注|责任人|分管|联系人|截至")),
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


@dataclass
class TaskTable:
    """A table recognised as a list of tasks; ``preamble`` are the lines above its header.

    ``header_row`` is -1 for a table that continues the one before it on the next page
    without repeating the header: ``columns`` and ``headers`` are then the earlier table's.
    """

    table: Table
    header_row: int
    columns: dict[str, list[int]]
    preamble: list[str] = field(default_factory=list)
    headers: dict[int, str] = field(default_factory=dict)

    @property
    def continued(self) -> bool:
        return self.header_row < 0

    @property
    def width(self) -> int:
        return max((len(row) for row in self.table.rows), default=0)

    def continued_by(self, table: Table) -> TaskTable | None:
        """``table`` read with these columns, when it is this table's next page: as many
        columns, no header of its own (the caller checks that nothing stands between)."""
        if not table.rows or find_task_table(table) is not None:
            return None
        if max(len(row) for row in table.rows) != self.width:
            return None
        return TaskTable(table, -1, self.columns, [], self.headers)


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
        annotated = any(k in columns for k in ("lead", "responsible", "deadline", "leader"))
        if has_text and annotated:
            preamble = Table(table.rows[:r], frozenset(m for m in table.merged if m[0] < r))
            headers = {c: clean_line(cell) for c, cell in enumerate(row)}
            return TaskTable(table, r, columns, preamble.text_lines(), headers)
    return None
