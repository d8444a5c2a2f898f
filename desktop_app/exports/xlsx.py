"""The ledger as an Excel workbook: a summary sheet per department, the ledger sheet ready
to print (A4 landscape, fit to width, the header repeated on every page), state cells in
the window's traffic-light colours, and a hidden column with each task's key so that a
returned ledger can be merged back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from db.repository import month_bounds
from desktop_app.colors import STATE_BACKGROUNDS
from desktop_app.exports.ledger import LEADERS_COLUMN, Ledger

LEDGER_SHEET = "台账"
SUMMARY_SHEET = "汇总"
KEY_HEADER = "任务标识"  # hidden; merge back finds the task by it
INFO_SHEET = "导出信息"  # hidden: the plan and the moment of the export, for merging back
PLAN_HEADER_CELL = "A1"
# Column widths in characters, as they print legibly on A4 landscape.
WIDTHS = {
    "序号": 6,
    "任务内容": 48,
    "牵头部门": 14,
    "责任部门": 18,
    LEADERS_COLUMN: 10,
    "完成时限": 11,
    "状态": 9,
    "进展情况": 40,
    "完成日期": 11,
    "备注": 14,
}
_THIN = Side(style="thin", color="9AA0A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_FILL = PatternFill("solid", fgColor="E8EAED")


LINE_POINTS = 15  # one line of 11-point text


def _lines(value: object, width: int) -> int:
    """How many lines ``value`` takes in a column ``width`` characters wide (a Chinese
    character is two)."""
    if value is None or isinstance(value, int | date):
        return 1
    total = 0
    for line in str(value).split("\n"):
        units = sum(2 if ord(c) > 0x2E7F else 1 for c in line)
        total += max(1, -(-units // max(1, width - 1)))
    return total


def quarter_periods(year: int) -> list[tuple[str, date, date]]:
    """The four quarters of ``year``: name, first and last day."""
    names = ("一季度", "二季度", "三季度", "四季度")
    return [
        (names[q], date(year, 3 * q + 1, 1), month_bounds(year, 3 * q + 3)[1]) for q in range(4)
    ]


def month_periods(year: int) -> list[tuple[str, date, date]]:
    """The twelve months of ``year``: 1月进展…, first and last day."""
    return [(f"{m}月进展", *month_bounds(year, m)) for m in range(1, 13)]


def write_xlsx(ledger: Ledger, path: Path, *, quarters: bool = False, months: bool = False) -> Path:
    """Write the workbook to ``path``; with ``quarters`` (or ``months``) one progress column
    per quarter (or month) of the plan's year, filled from that period's notes."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    _summary_sheet(summary, ledger)
    _ledger_sheet(book.create_sheet(LEDGER_SHEET), ledger, quarters, months)
    info = book.create_sheet(INFO_SHEET)
    info.append(["计划", ledger.plan.title or ""])
    info.append(["年度", ledger.plan.year])
    info.append(["导出时间", ledger.exported_at.isoformat(timespec="seconds")])
    info.append(["部门", "、".join(ledger.departments)])
    info.sheet_state = "hidden"
    book.save(path)
    return path


def _summary_sheet(sheet: Worksheet, ledger: Ledger) -> None:
    sheet.append([ledger.title])
    sheet["A1"].font = Font(bold=True, size=13)
    headers = ["部门", "任务数", "已完成", "逾期", "持续推进", "完成率"]
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
    for s in ledger.summary:
        sheet.append([s.name, s.tasks, s.done, s.late, s.ongoing, s.completion_rate])
        sheet.cell(sheet.max_row, 6).number_format = "0.0%"
        for cell in sheet[sheet.max_row]:
            cell.border = _BORDER
    for column, width in zip("ABCDEF", (22, 9, 9, 9, 10, 9), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"


def _ledger_sheet(sheet: Worksheet, ledger: Ledger, quarters: bool, months: bool) -> None:
    year = ledger.plan.year or ledger.as_of.year
    periods = month_periods(year) if months else quarter_periods(year) if quarters else []
    columns = ledger.columns
    headers = [*columns, *(name for name, _, _ in periods), KEY_HEADER]
    date_column = headers.index("完成日期") + 1
    state_column = headers.index("状态") + 1
    sheet.append([ledger.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers) - 1)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    for row in ledger.rows:
        values: list[object] = [
            *row.values(columns),
            *(row.progress_between(start, end) for _, start, end in periods),
            row.key,
        ]
        sheet.append(values)
        r = sheet.max_row
        for cell in sheet[r]:
            cell.alignment = _WRAP
            cell.border = _BORDER
        sheet.cell(r, date_column).number_format = "yyyy-mm-dd"
        # Neither Excel's print nor LibreOffice grows a row for wrapped text it did not
        # lay out itself: the height is set from the text, as it will wrap.
        sheet.row_dimensions[r].height = LINE_POINTS * max(
            _lines(value, WIDTHS.get(name, 24)) for name, value in zip(headers, values, strict=True)
        )
        background = STATE_BACKGROUNDS.get(row.state)
        if background:
            sheet.cell(r, state_column).fill = PatternFill(
                "solid", fgColor=background.lstrip("#").upper()
            )
    for index, name in enumerate(headers, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(name, 24)
    key_letter = get_column_letter(len(headers))
    sheet.column_dimensions[key_letter].hidden = True
    sheet.freeze_panes = "C3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    footer = sheet.oddFooter
    if footer is not None:
        footer.center.text = "第 &P 页，共 &N 页"
