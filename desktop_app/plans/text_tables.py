"""Task tables that reached us as text: a web page's table copied or saved as plain text, one
cell to a line, either closed by `|` (`序号 |` / `重点工作 |` / …), between lines holding only
`|`, or one cell to a paragraph. The header row names the columns (as ``tables`` knows them);
the rows are found by their numbers (`1`, `2`… in the 序号 column), section rows (`一、…`)
stand alone between them.

A cell merged down over several rows (a 工作任务 heading over three numbered rows) is written
once, before the first number it covers: it is carried to the rows after it, as ``Table``
repeats a merged cell. The result is a ``Table`` for ``tables.find_task_table``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop_app.plans.model import Block, Table
from desktop_app.plans.numbering import match_label
from desktop_app.plans.tables import find_task_table

_NUMBER_RE = re.compile(r"^\d{1,4}$")
# Every column name tables.py knows has one of these words: a cheap first look.
_COLUMN_WORD_RE = re.compile(
    "序号|编号|任务|工作|内容|事项|要求|措施|目标|牵头|责任|配合|协同|协办|参与|承办|"
    "时限|时间|期限|领导|单位|部门|科室|处室|类别|板块|领域"
)
_HEADER_MIN = 3
_HEADER_MAX = 10
_HEADER_CELL_MAX = 12
_LABEL_HEADER = "序号"


@dataclass(frozen=True)
class _Cell:
    text: str
    end: int  # one past its last line


def _pipe_cells(lines: list[str], start: int) -> list[_Cell]:
    """Cells each on a line closed by `|`, or each followed by a line of a lone `|`."""
    cells: list[_Cell] = []
    first = lines[start].strip()
    if first.endswith("|") and first != "|":
        for i in range(start, len(lines)):
            line = lines[i].strip()
            if not line.endswith("|"):
                break
            cells.append(_Cell(line[:-1].strip(), i + 1))
        return cells
    i = start
    while i + 1 < len(lines) and lines[i + 1].strip() == "|":
        text = lines[i].strip()
        cells.append(_Cell("" if text == "|" else text, i + 2))
        i += 2
    return cells


def _paragraph_cells(lines: list[str], start: int, limit: int | None = None) -> list[_Cell]:
    """One cell a line (the reader's paragraphs)."""
    stop = len(lines) if limit is None else min(len(lines), start + limit)
    return [_Cell(lines[i].strip(), i + 1) for i in range(start, stop)]


def _header_width(cells: list[_Cell]) -> int:
    """How many of the first cells form a task-table header (0: none)."""
    names = []
    for cell in cells[:_HEADER_MAX]:
        if not (0 < len(cell.text) <= _HEADER_CELL_MAX and _COLUMN_WORD_RE.search(cell.text)):
            break
        names.append(cell.text)
    while len(names) >= _HEADER_MIN:
        if find_task_table(Table((tuple(names),))) is not None:
            return len(names)
        names.pop()
    return 0


def _is_section(text: str) -> bool:
    label = match_label(text)
    return label is not None and label.style in ("cn", "cn_paren")


@dataclass(frozen=True)
class TextTable:
    table: Table
    start: int
    end: int  # one past the table's last line


_SECTION = object()


def _rows(header: list[str], body: list[_Cell]) -> tuple[list[tuple[object, ...]], int]:
    """The rows of the cells after a header (a section row is ``(_SECTION, text)``), and how
    many cells they took. ``header`` gets a 序号 column where the page left its name out."""
    leading_count = header.index(_LABEL_HEADER) if _LABEL_HEADER in header else None
    rows: list[tuple[object, ...]] = []
    leading: list[str] = []
    pending: list[str] = []
    used = 0
    i = 0
    while i < len(body):
        text = body[i].text
        if _NUMBER_RE.match(text):
            if leading_count is None:  # the number column has no name: it stands here
                leading_count = len(pending)
                header.insert(leading_count, _LABEL_HEADER)
            if pending and len(pending) == leading_count:
                leading = pending  # a cell merged down over the rows from here on
            elif pending:
                break
            own = len(header) - leading_count - 1
            cells: list[str] = []
            i += 1
            while len(cells) < own and i < len(body) and not _NUMBER_RE.match(body[i].text):
                cells.append(body[i].text)
                i += 1
            cells += [""] * (own - len(cells))
            rows.append((*leading[:leading_count], text, *cells))
            pending, used = [], i
            continue
        if _is_section(text) and not pending:
            rows.append((_SECTION, text))
            leading, used = [], i + 1
            i += 1
            continue
        pending.append(text)
        if len(pending) > max(leading_count or 0, 1):
            break  # more than a row can carry before its number: the text after the table
        i += 1
    while rows and rows[-1][0] is _SECTION:
        rows.pop()
        used -= 1
    return rows, used


def _grid(header: list[str], rows: list[tuple[object, ...]]) -> Table:
    width = len(header)
    grid = [tuple(header)]
    for row in rows:
        if row[0] is _SECTION:
            grid.append((str(row[1]),) * width)  # a section row spans the table
        else:
            cells = tuple(str(c) for c in row)
            grid.append(cells + ("",) * (width - len(cells)))
    return Table(tuple(grid))


def find_text_tables(lines: list[str]) -> Iterator[TextTable]:
    """Every task table written as text in ``lines`` (the reader's lines, in order)."""
    i = 0
    while i < len(lines):
        cells = _pipe_cells(lines, i)
        width = _header_width(cells)
        if not width:
            cells = _paragraph_cells(lines, i, _HEADER_MAX)
            width = _header_width(cells)
            if width:
                cells = _paragraph_cells(lines, i)
        if not width:
            i += 1
            continue
        header = [c.text for c in cells[:width]]
        rows, used = _rows(header, cells[width:])
        if not any(row[0] is not _SECTION for row in rows):
            i += 1
            continue
        end = cells[width + used - 1].end
        yield TextTable(_grid(header, rows), i, end)
        i = end


def with_text_tables(blocks: Iterable[Block]) -> list[Block]:
    """``blocks`` with each task table written as text made a ``Table`` in its place."""
    out: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        # Blank lines part a page's cells (one a paragraph); they say nothing else here.
        lines = [line for block in run for line in block.split("\n") if line.strip()]
        tables = list(find_text_tables(lines))
        if not tables:
            out.extend(run)
        run.clear()
        if not tables:
            return
        position = 0
        for found in tables:
            if found.start > position:
                out.append("\n".join(lines[position : found.start]))
            out.append(found.table)
            position = found.end
        if position < len(lines):
            out.append("\n".join(lines[position:]))

    for block in blocks:
        if isinstance(block, Table):
            if run:
                flush()
            out.append(block)
        else:
            run.append(block)
    if run:
        flush()
    return out
