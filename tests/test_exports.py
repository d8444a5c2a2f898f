"""The ledger exports read back as the office would read them: the Excel workbook with
openpyxl (and printed by LibreOffice Calc), the CSV with the csv module, the calendar file
with icalendar; and the `export` command's refusals."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from db import repository
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.cli import main
from desktop_app.exports.ledger import build_ledger, task_key
from desktop_app.exports.xlsx import INFO_SHEET, KEY_HEADER, LEDGER_SHEET, SUMMARY_SHEET
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock, new_storage

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
NOW = datetime(2024, 6, 28, 9, 0)


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder, self.capsys = folder, capsys
        self.clock = FakeClock(NOW)

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(self.folder)], clock=self.clock)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "数据", capsys)
    assert cli("import", str(PLAN_003))[0] == 0
    cli("status", "1", "done", "--note", "已召开专题会议")
    cli("note", "2", "完成初稿")
    return cli


def _ledger_rows(path: Path) -> tuple[list[str], list[tuple]]:
    sheet = openpyxl.load_workbook(path)[LEDGER_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[1]), rows[2:]


def test_the_excel_ledger_holds_every_task_as_stored(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    code, out, err = cli("export", "-f", "xlsx", "-o", str(target))
    assert code == 0, err and "89 项任务" in out
    headers, rows = _ledger_rows(target)
    assert headers[:9] == [
        "序号",
        "任务内容",
        "牵头部门",
        "责任部门",
        "完成时限",
        "状态",
        "进展情况",
        "完成日期",
        "备注",
    ]
    assert headers[-1] == KEY_HEADER and len(rows) == 89
    storage = new_storage(cli.folder)
    try:
        stored = {t.text: t for t in repository.tasks()}
        for row in rows:
            task = stored[row[1]]
            assert (row[2] or "") == "、".join(task.lead)
            assert (row[3] or "") == "、".join(task.responsible)
            assert (row[4] or "") == (task.deadline_raw or "")
    finally:
        storage.close()
    done = next(r for r in rows if r[0] == 1)
    assert (
        done[5] == "已完成" and "已召开专题会议" in done[6] and done[7].date() == date(2024, 6, 28)
    )
    assert "完成初稿" in next(r for r in rows if r[0] == 2)[6]


def test_the_excel_ledger_prints_and_hides_the_key(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    cli("export", "-o", str(target))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [SUMMARY_SHEET, LEDGER_SHEET, INFO_SHEET]
    assert book[INFO_SHEET].sheet_state == "hidden"
    sheet = book[LEDGER_SHEET]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$2:$2" and sheet.freeze_panes == "C3"
    key_column = sheet.cell(2, sheet.max_column).column_letter
    assert sheet.column_dimensions[key_column].hidden
    late = next(r for r in sheet.iter_rows(min_row=3) if r[5].value == "逾期")
    assert late[5].fill.fgColor.rgb.endswith("F8D7D4")  # the window's late background


def test_the_summary_sheet_counts_each_department(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    cli("export", "-o", str(target))
    _headers, rows = _ledger_rows(target)
    sheet = openpyxl.load_workbook(target)[SUMMARY_SHEET]
    summary = {r[0]: r[1:] for r in sheet.iter_rows(min_row=3, values_only=True)}
    for name, (tasks, done, late, ongoing, rate) in summary.items():
        mine = [r for r in rows if name in str(r[2]).split("、") + str(r[3]).split("、")]
        assert tasks == len(mine), name
        assert done == sum(r[5] == "已完成" for r in mine)
        assert late == sum(r[5] == "逾期" for r in mine)
        assert ongoing == sum(r[5] == "持续推进" for r in mine)
        assert rate == pytest.approx(done / (tasks - ongoing) if tasks > ongoing else 0)
    assert sum(v[1] for v in summary.values()) >= 1


def test_progress_columns_per_quarter_or_month_hold_that_periods_notes(
    cli: Cli, tmp_path: Path
) -> None:
    for flag, column, other in (
        ("--quarters", "二季度", "一季度"),
        ("--months", "6月进展", "5月进展"),
    ):
        target = tmp_path / f"台账{flag}.xlsx"
        assert cli("export", "-o", str(target), flag)[0] == 0
        headers, rows = _ledger_rows(target)
        assert column in headers and headers[-1] == KEY_HEADER
        first = next(r for r in rows if r[0] == 1)
        assert "已召开专题会议" in (first[headers.index(column)] or "")
        assert not first[headers.index(other)]


def test_a_departments_ledger_holds_only_its_tasks(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    code, out, _ = cli("export", "-o", str(target), "-d", "依法治区工作科", "-m", "2024-12")
    assert code == 0 and "依法治区工作科" in out
    _headers, rows = _ledger_rows(target)
    assert rows and all(r[4] == "12月" for r in rows)
    title = openpyxl.load_workbook(target)[LEDGER_SHEET]["A1"].value
    assert (
        title
        == "2024年普陀区司法行政工作要点和责任分工任务台账（依法治区工作科，截至2024年6月28日）"
    )


def test_the_key_names_the_same_task_in_another_database(tmp_path: Path) -> None:
    keys = []
    for folder in ("liaison", "office"):
        storage = new_storage(tmp_path / folder, NOW)
        try:
            import_file(storage, PLAN_003)
            ledger = build_ledger(repository.plans()[0].id, NOW, WorkCalendar())
            keys.append({r.key: r.task.text for r in ledger.rows})
        finally:
            storage.close()
    assert keys[0] == keys[1] and len(keys[0]) == 89
    assert task_key("计划", 2024, "1", "同 一 段") == task_key("计划", 2024, "1", "同一段")


def test_the_csv_opens_in_excel_in_chinese(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.csv"
    assert cli("export", "-f", "csv", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "序号" and len(rows) == 90
    assert rows[1][5] == "已完成" and rows[1][7] == "2024-06-28"


def test_the_calendar_file_has_one_item_per_dated_task_with_alarms(
    cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "台账.ics"
    assert cli("export", "-f", "ics", "-o", str(target))[0] == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 82
    storage = new_storage(cli.folder)
    try:
        due = sorted(t.due for t in repository.tasks() if t.due)
    finally:
        storage.close()
    assert sorted(e["dtstart"].dt for e in events) == due
    alarms = list(events[0].walk("VALARM"))
    assert len(alarms) == 3 and all(a["trigger"].dt.total_seconds() < 0 for a in alarms)
    assert len({e["uid"] for e in events}) == 82


def test_the_word_ledger_is_the_same_table_on_a4_landscape(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.docx"
    assert cli("export", "-f", "docx", "-o", str(target))[0] == 0
    document = docx.Document(str(target))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert "任务台账（截至2024年6月28日）" in document.paragraphs[0].text
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "任务内容", "牵头部门"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert len(table.rows) == 90
    first = [c.text for c in table.rows[1].cells]
    assert first[5] == "已完成" and "已召开专题会议" in first[6] and first[7] == "2024-06-28"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("-d", "没有的科"), "没有名为“没有的科”的部门"),
        (("-m", "2024-13"), "月份格式应为 YYYY-MM"),
        (("--plan", "9"), "没有编号为 9 的计划"),
        (("-s", "半完成"), "未知的状态“半完成”"),
    ],
)
def test_a_bad_request_is_refused_and_writes_no_file(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    target = tmp_path / "台账.xlsx"
    code, _, err = cli("export", "-o", str(target), *args)
    assert code == 2 and said in err and "Traceback" not in err
    assert not target.exists()


def test_with_no_plan_there_is_nothing_to_export(tmp_path: Path, capsys) -> None:
    code = main(["export", "-o", str(tmp_path / "x.xlsx"), "--data-dir", str(tmp_path / "d")])
    assert code == 2 and "还没有导入任何工作要点" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
@pytest.mark.parametrize(("kind", "first_ledger_page"), [("xlsx", 2), ("docx", 1)])
def test_libreoffice_prints_the_ledger_on_a4_landscape_with_the_header_on_every_page(
    cli: Cli, tmp_path: Path, kind: str, first_ledger_page: int
) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("needs poppler-utils (pdfinfo, pdftotext)")
    target = tmp_path / f"ledger.{kind}"
    cli("export", "-f", kind, "-o", str(target))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = tmp_path / "ledger.pdf"
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    sizes = [line for line in info.splitlines() if line.startswith("Page") and "size" in line]
    assert pages >= first_ledger_page + 1  # the ledger spans pages
    # every ledger page is A4 landscape (842 x 595 pt) and repeats the header row
    assert all("841.89 x 595.3" in line for line in sizes[first_ledger_page - 1 :])
    for page in range(first_ledger_page, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert "任务内容" in text and "完成时限" in text, page
