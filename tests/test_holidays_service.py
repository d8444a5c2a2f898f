"""The holiday notices as the program keeps them: read from the files a liaison saves
(.docx, web page), stored, amended by a supplement, replaced by a later notice, and the
reminders' calendar rebuilt once one is imported."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx

from db import holidays as stored_notices
from desktop_app.calendar.notice import parse_notice
from desktop_app.reminders.service import ReminderService
from desktop_app.services import holidays
from tests.storage_helpers import new_storage
from tests.test_cli_holidays import NOTICE_2027

NOTICES = Path(__file__).resolve().parent / "fixtures" / "holidays"
TEXT_2026 = (NOTICES / "2026.txt").read_text(encoding="utf-8")


def test_a_notice_saved_as_word_or_as_a_web_page_reads_as_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in TEXT_2026.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "通知.docx")
    page = tmp_path / "通知.html"
    body = "".join(f"<p>{line}</p>" for line in TEXT_2026.splitlines())
    page.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    expected = parse_notice(TEXT_2026).holidays
    assert holidays.read_notice_file(tmp_path / "通知.docx").holidays == expected
    assert holidays.read_notice_file(page).holidays == expected


def test_a_supplement_amends_and_a_later_notice_replaces(tmp_path: Path) -> None:
    storage = new_storage(tmp_path, datetime(2026, 12, 3, 9, 0))
    try:
        first = parse_notice(NOTICE_2027)
        holidays.import_notice(storage, first, "2027.txt")
        longer = NOTICE_2027.replace(
            "关于2027年部分节假日安排的通知", "关于延长2027年春节假期的通知"
        )
        longer = (
            "国务院办公厅关于延长2027年春节假期的通知\n一、延长2027年春节假期至2月16日（星期二）。"
        )
        result = holidays.import_notice(storage, parse_notice(longer), "延长.txt")
        assert {c.day for c in result.changes} == {date(2027, 2, 15), date(2027, 2, 16)}
        calendar = holidays.work_calendar(())
        assert not calendar.is_workday(date(2027, 2, 16))
        assert calendar.is_workday(date(2027, 1, 30))  # the make-up Saturday outside stays
        assert [n.source_name for n in holidays.year_sources([2027])[0].notices] == [
            "2027.txt",
            "延长.txt",
        ]
        holidays.import_notice(storage, first, "2027 again.txt")  # a new full notice
        assert holidays.work_calendar(()).is_workday(date(2027, 2, 16))
        assert len(stored_notices.stored(2027)) == 3  # kept, in order
    finally:
        storage.close()


def test_the_users_own_days_off_stay_beside_an_imported_notice(tmp_path: Path) -> None:
    storage = new_storage(tmp_path, datetime(2026, 12, 3, 9, 0))
    try:
        holidays.import_notice(storage, parse_notice(NOTICE_2027), "2027.txt")
        calendar = holidays.work_calendar([date(2027, 3, 1)])
        assert not calendar.is_workday(date(2027, 3, 1))
        assert calendar.is_workday(date(2027, 3, 2))
    finally:
        storage.close()


def test_the_reminders_use_a_notice_imported_while_they_run(tmp_path: Path) -> None:
    storage = new_storage(tmp_path, datetime(2026, 12, 3, 9, 0))
    try:
        service = ReminderService(storage)
        # Monday to Friday: the next working day after Friday 5 February is Monday.
        before = service.snooze_choices(datetime(2027, 2, 5, 17, 0))[1]
        assert before.until.date() == date(2027, 2, 8)
        holidays.import_notice(storage, parse_notice(NOTICE_2027), "2027.txt")
        tomorrow = service.snooze_choices(datetime(2027, 2, 5, 17, 0))[1]
        assert tomorrow.until.date() == date(2027, 2, 15)  # after the Spring Festival
    finally:
        storage.close()
