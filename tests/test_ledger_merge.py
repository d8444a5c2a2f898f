"""A ledger's round trip: a department exports it, a person edits it in Excel (states, notes,
and also a column moved, a column inserted, the rows sorted), the general office merges it
into its own database of the same plan: exactly those changes arrive, a task changed there
too since the export is a conflict left alone, and bad ledgers change nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from db import journal, repository
from desktop_app.cli import main
from desktop_app.exports.xlsx import LEDGER_SHEET
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock, new_storage

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
EXPORTED = datetime(2024, 6, 28, 9, 0)
DEPARTMENT = "依法治区工作科"


def run(folder: Path, when: datetime, *args: str, capsys=None) -> tuple[int, str, str]:
    code = main([*args, "--data-dir", str(folder)], clock=FakeClock(when))
    if capsys is None:
        return code, "", ""
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _header(sheet) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[2] if c.value}


def _task_row(sheet, text_start: str) -> int:
    column = _header(sheet)["任务内容"]
    return next(
        r
        for r in range(3, sheet.max_row + 1)
        if str(sheet.cell(r, column).value).startswith(text_start)
    )


@pytest.fixture
def scene(tmp_path: Path):
    liaison, office = tmp_path / "liaison", tmp_path / "office"
    for folder in (liaison, office):
        assert run(folder, EXPORTED, "import", str(PLAN_003))[0] == 0
    ledger = tmp_path / "依法治区工作科台账.xlsx"
    assert run(liaison, EXPORTED, "export", "-o", str(ledger), "-d", DEPARTMENT)[0] == 0
    storage = new_storage(office)
    try:
        texts = [t.text for t in repository.tasks(department_ids=[1])][:4]
    finally:
        storage.close()
    return liaison, office, ledger, texts


def _edit_as_a_person_would(ledger: Path, texts: list[str]) -> None:
    book = openpyxl.load_workbook(ledger)
    sheet = book[LEDGER_SHEET]
    h = _header(sheet)
    first, second, third, fourth = (_task_row(sheet, t[:12]) for t in texts)
    sheet.cell(first, h["状态"]).value = "已完成"
    sheet.cell(first, h["完成日期"]).value = datetime(2024, 7, 5)
    sheet.cell(second, h["状态"]).value = "进行中"
    progress = sheet.cell(third, h["进展情况"])
    progress.value = ((progress.value or "") + "\n2024-07-03：召开推进会").strip()
    sheet.cell(fourth, h["状态"]).value = "已完成"  # the office changes this one too: conflict
    # the rows sorted the other way, a column inserted, the notes moved to the end
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    for r, values in enumerate(reversed(rows), 3):
        for c, value in enumerate(values, 1):
            sheet.cell(r, c).value = value
    sheet.insert_cols(3)
    sheet.cell(2, 3).value = "联系人"
    h = _header(sheet)
    last = sheet.max_column + 1
    for r in range(2, sheet.max_row + 1):
        sheet.cell(r, last).value = sheet.cell(r, h["进展情况"]).value
        sheet.cell(r, h["进展情况"]).value = None
    sheet.cell(2, h["进展情况"]).value = "原进展"
    sheet.cell(2, last).value = "工作进展"
    book.save(ledger)


def test_exactly_the_edited_changes_arrive_and_a_conflict_is_left_alone(scene, capsys) -> None:
    _liaison, office, ledger, texts = scene
    _edit_as_a_person_would(ledger, texts)
    storage = new_storage(office, datetime(2024, 7, 1, 9, 0))
    try:
        from desktop_app.services import tasks

        conflict = next(t for t in repository.tasks() if t.text == texts[3])
        tasks.set_status(storage, conflict.id, "in_progress")  # after the export
    finally:
        storage.close()
    code, out, err = run(
        office, datetime(2024, 7, 8, 9, 0), "merge", str(ledger), "--dry-run", capsys=capsys
    )
    assert code == 0, err
    assert "3 项改变，1 项冲突，0 行未对应" in out and "未写入" in out
    code, out, _ = run(office, datetime(2024, 7, 8, 9, 0), "merge", str(ledger), capsys=capsys)
    assert code == 0 and "已合并 3 项改变" in out and "本机为 进行中，台账为 已完成" in out
    storage = new_storage(office)
    try:
        by_text = {t.text: t for t in repository.tasks()}
        first, second, third, fourth = (by_text[t] for t in texts)
        assert (first.status, first.completed_on) == ("done", date(2024, 7, 5))
        assert second.status == "in_progress"
        assert [n.text for n in journal.notes(third.id)] == ["召开推进会"]
        assert fourth.status == "in_progress"  # the office's own change stands
        sources = {c.source for c in journal.history(first.id)}
        assert f"ledger:{ledger.name}" in sources
        untouched = [t for t in repository.tasks() if t.text not in texts]
        assert all(t.status == "not_started" for t in untouched)
    finally:
        storage.close()


def test_a_ledger_without_its_keys_is_matched_by_text_only_when_asked(scene, capsys) -> None:
    _liaison, office, ledger, texts = scene
    book = openpyxl.load_workbook(ledger)
    sheet = book[LEDGER_SHEET]
    sheet.delete_cols(_header(sheet)["任务标识"])
    sheet.cell(_task_row(sheet, texts[0][:12]), _header(sheet)["状态"]).value = "已完成"
    book.save(ledger)
    code, out, _ = run(office, EXPORTED, "merge", str(ledger), capsys=capsys)
    assert code == 0 and "加 --by-text 才合并" in out and "已合并 0 项改变" in out
    code, out, _ = run(office, EXPORTED, "merge", str(ledger), "--by-text", capsys=capsys)
    assert code == 0 and "已合并 1 项改变" in out


def test_the_ledger_of_another_plan_is_refused(tmp_path: Path, scene, capsys) -> None:
    _liaison, office, _ledger, _texts = scene
    other = tmp_path / "other"
    run(other, EXPORTED, "import", str(FIXTURES / f"{PLAN_2024_CITY}.txt"))
    foreign = tmp_path / "市局台账.xlsx"
    run(other, EXPORTED, "export", "-o", str(foreign))
    capsys.readouterr()
    code, out, err = run(office, EXPORTED, "merge", str(foreign), capsys=capsys)
    assert code == 2 and "可能是另一份工作要点的台账" in err and out == ""


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"PK\x03\x04 not really a workbook", "文件已损坏"),
        (None, "没有在"),
    ],
)
def test_a_broken_or_headless_file_is_refused(scene, tmp_path: Path, capsys, content, said) -> None:
    _liaison, office, _ledger, _texts = scene
    path = tmp_path / "报回.xlsx"
    if content is None:
        book = openpyxl.Workbook()
        book.active.append(["随便", "写点"])
        book.save(path)
    else:
        path.write_bytes(content)
    code, _out, err = run(office, EXPORTED, "merge", str(path), capsys=capsys)
    assert code == 2 and said in err and "Traceback" not in err
