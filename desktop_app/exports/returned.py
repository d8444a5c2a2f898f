"""Reading a ledger that a department sends back: its columns found by their header text
(wherever they stand, with the usual variants), its rows with each task's key when the
hidden column survived, and the moment it was exported. No database here (``merge.py``
matches and applies)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop_app.exports.xlsx import INFO_SHEET
from desktop_app.plans import errors as plan_errors
from desktop_app.plans.errors import PlanReadError, corrupt_file
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError

# What a column may be headed, by what it holds (the first name is ours).
HEADERS: dict[str, tuple[str, ...]] = {
    "key": ("任务标识",),
    "text": ("任务内容", "工作任务", "工作内容", "重点工作", "任务"),
    "status": ("状态", "完成状态", "进展状态", "完成情况（状态）"),
    "progress": ("进展情况", "工作进展", "完成情况", "推进情况", "进展", "落实情况"),
    "completed": ("完成日期", "实际完成时间", "实际完成日期"),
    "deadline": ("完成时限", "时间节点", "完成时间", "时限"),
}
HEADER_ROWS = 10  # a header is looked for in the first rows of each sheet


@dataclass(frozen=True)
class ReturnedRow:
    line: int  # the row's number in the sheet, for the messages
    key: str | None
    text: str
    status: str | None
    progress: str
    completed: date | None
    deadline: str


@dataclass(frozen=True)
class ReturnedLedger:
    name: str
    plan_title: str | None
    plan_year: int | None
    exported_at: datetime | None
    rows: tuple[ReturnedRow, ...]


def _clean(value: object) -> str:
    return "".join(str(value).split()) if value is not None else ""


def _columns(cells: tuple[object, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    names = [_clean(c) for c in cells]
    for field, variants in HEADERS.items():
        for variant in variants:  # the most specific name first
            if variant in names and names.index(variant) not in found.values():
                found[field] = names.index(variant)
                break
    return found


def read_returned(path: Path) -> ReturnedLedger:
    """The rows of the sheet whose header names a task and its state or progress."""
    import openpyxl  # only when a ledger comes back

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise PlanReadError("not_found", plan_errors.NOT_FOUND, str(path)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise corrupt_file(path.name) from exc
    title = year = exported = None
    if INFO_SHEET in book.sheetnames:
        info: dict[str, object] = {
            str(r[0]): r[1] for r in book[INFO_SHEET].iter_rows(values_only=True) if r[0]
        }
        title = str(info.get("计划") or "") or None
        found_year = info.get("年度")
        year = found_year if isinstance(found_year, int) else None
        stamp = info.get("导出时间")
        exported = datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
    for sheet in book.worksheets:
        if sheet.title == INFO_SHEET:
            continue
        rows = list(sheet.iter_rows(values_only=True))
        for index, cells in enumerate(rows[:HEADER_ROWS]):
            columns = _columns(cells)
            if "text" in columns and ({"status", "progress"} & set(columns)):
                body = _rows(rows[index + 1 :], columns, index + 2)
                return ReturnedLedger(path.name, title, year, exported, tuple(body))
    raise ServiceError("no_header", errors.NO_LEDGER_HEADER, path.name)


def _rows(
    rows: Sequence[tuple[object, ...]], columns: dict[str, int], first_line: int
) -> list[ReturnedRow]:
    def cell(cells: tuple[object, ...], field: str) -> object:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    out = []
    for offset, cells in enumerate(rows):
        text = str(cell(cells, "text") or "").strip()
        if not text:
            continue
        completed = cell(cells, "completed")
        if isinstance(completed, datetime):
            completed = completed.date()
        elif isinstance(completed, str):
            try:
                completed = date.fromisoformat(completed.strip())
            except ValueError:
                completed = None
        key = cell(cells, "key")
        status = cell(cells, "status")
        out.append(
            ReturnedRow(
                first_line + offset,
                str(key).strip() if key else None,
                text,
                _clean(status) or None,
                str(cell(cells, "progress") or "").strip(),
                completed if isinstance(completed, date) else None,
                str(cell(cells, "deadline") or "").strip(),
            )
        )
    return out
