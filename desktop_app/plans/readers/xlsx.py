"""Excel .xlsx/.xlsm task tables: one Table per visible non-empty sheet, merged cells repeated.

openpyxl needs a full (not read-only) load to see merged ranges; data_only gives the
cached results of formulas rather than the formulas.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from typing import Any

from .. import errors
from ..errors import PlanReadError, corrupt_file
from ..model import DocumentText, Table
from .limits import TextBudget, check_zip

# A task table has hundreds of cells; a million means a sheet-wide merge or formatting.
_MAX_GRID_CELLS = 1_000_000


def _corrupt_error(name: str) -> PlanReadError:
    return corrupt_file(name)


def format_value(value: Any, number_format: str = "General") -> str:
    """A cell value as a person would read it in Excel."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        text = f"{value.year}年{value.month}月{value.day}日"
        if value.time() != dt.time(0):
            text += f" {value.hour:02d}:{value.minute:02d}"
        return text
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, int | float):
        if isinstance(value, float) and "%" in (number_format or ""):
            return f"{value * 100:.15g}%"
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if isinstance(value, float):
            return f"{value:.15g}"
        return str(value)
    return str(value)


def read_xlsx(data: bytes, name: str) -> DocumentText:
    """Read an .xlsx or .xlsm workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf, name)
        with warnings.catch_warnings():
            # openpyxl warns about unsupported extensions (data validation, slicers...).
            warnings.simplefilter("ignore")
            blocks, notes = _read_workbook(data, name)
    except PlanReadError:
        raise
    except Exception as exc:  # openpyxl raises many types (KeyError, TypeError...) on bad input
        raise _corrupt_error(name) from exc
    return DocumentText(blocks=tuple(blocks), source_format="xlsx", notes=tuple(notes))


def _read_workbook(data: bytes, name: str) -> tuple[list[Table], list[str]]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    # The same cells' formulas: a formula saved without its result (written by a program
    # that does not calculate) must be said, and DATE() results are dates, not numbers.
    formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    budget = TextBudget(name)
    tables: list[Table] = []
    hidden: list[str] = []
    uncalculated: list[str] = []
    try:
        for sheet in workbook.worksheets:
            table = _sheet_table(sheet, name, budget, formulas[sheet.title], uncalculated)
            if table is None:
                continue
            if sheet.sheet_state != "visible":
                hidden.append(sheet.title)
                continue
            tables.append(table)
    finally:
        workbook.close()
        formulas.close()
    notes = []
    if hidden:
        notes.append(f"已跳过隐藏的工作表：{'、'.join(hidden)}")
    if uncalculated:
        shown = "、".join(uncalculated[:10]) + ("等" if len(uncalculated) > 10 else "")
        notes.append(
            f"这些单元格是公式，文件中没有保存计算结果，内容无法读取：{shown}。"
            "请在 Excel 或 WPS 中打开并保存后再导入"
        )
    return tables, notes


# Formulas whose result is a date although the cell may not be formatted as one.
_DATE_FUNCTIONS = ("DATE(", "DATEVALUE(", "EDATE(", "EOMONTH(", "TODAY(", "WORKDAY(")


def _cell_value(cell: Any, formula_cell: Any, where: str, uncalculated: list[str]) -> Any:
    """The value to read: a date for a date serial, None (and said) for a formula that was
    saved without its result."""
    value = cell.value
    formula = formula_cell.value if formula_cell is not None else None
    is_formula = isinstance(formula, str) and formula.startswith("=")
    if value is None:
        if is_formula:
            uncalculated.append(where)
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        dated = bool(getattr(cell, "is_date", False)) or (
            is_formula and any(f in str(formula).upper() for f in _DATE_FUNCTIONS)
        )
        if dated and 1 <= value < 2_958_466:  # Excel's serials for 1900-01-01 to 9999-12-31
            from openpyxl.utils.datetime import from_excel

            return from_excel(value)
    return value


def _existing_cells(sheet: Any) -> list[tuple[int, int, Any]]:
    # Iterating rows would create every cell up to the sheet's far corner; the
    # stored cells are the only ones that can hold a value.
    cells = getattr(sheet, "_cells", None)
    if isinstance(cells, dict):
        return [(r, c, cell) for (r, c), cell in cells.items()]
    return [(cell.row, cell.column, cell) for row in sheet.iter_rows() for cell in row]


def _sheet_table(
    sheet: Any, name: str, budget: TextBudget, formula_sheet: Any, uncalculated: list[str]
) -> Table | None:
    values: dict[tuple[int, int], str] = {}
    formula_cells = getattr(formula_sheet, "_cells", {})
    for r, c, cell in _existing_cells(sheet):
        where = f"{sheet.title}!{getattr(cell, 'coordinate', f'R{r}C{c}')}"
        value = _cell_value(cell, formula_cells.get((r, c)), where, uncalculated)
        text = format_value(value, getattr(cell, "number_format", "General"))
        if text.strip():
            values[(r, c)] = budget.take(text)
    if not values:
        return None

    merges = []
    for rng in sheet.merged_cells.ranges:
        top_left = (rng.min_row, rng.min_col)
        if top_left in values:
            merges.append((rng.min_row, rng.min_col, rng.max_row, rng.max_col))

    rows_used = [r for r, _ in values]
    cols_used = [c for _, c in values]
    top, left = min(rows_used), min(cols_used)
    bottom, right = max(rows_used), max(cols_used)
    m_bottom = max([bottom, *(m[2] for m in merges)])
    m_right = max([right, *(m[3] for m in merges)])
    if (m_bottom - top + 1) * (m_right - left + 1) <= _MAX_GRID_CELLS:
        bottom, right = m_bottom, m_right
    height, width = bottom - top + 1, right - left + 1
    if height * width > _MAX_GRID_CELLS:
        raise PlanReadError("too_large", errors.SHEET_TOO_LARGE, sheet.title, height, width, name)

    grid = [[""] * width for _ in range(height)]
    for (r, c), text in values.items():
        grid[r - top][c - left] = text
    merged: set[tuple[int, int]] = set()
    for min_r, min_c, max_r, max_c in merges:
        text = values[(min_r, min_c)]
        for r in range(min_r, min(max_r, bottom) + 1):
            for c in range(min_c, min(max_c, right) + 1):
                if (r, c) == (min_r, min_c):
                    continue
                grid[r - top][c - left] = text
                merged.add((r - top, c - left))
    return Table(rows=tuple(tuple(row) for row in grid), merged=frozenset(merged))
