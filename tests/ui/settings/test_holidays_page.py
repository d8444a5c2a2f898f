"""The 节假日 page: where each year comes from, a notice pasted or opened and previewed on the
calendar of its year, imported at once; a text that is no notice changes nothing.

The 2027 notice is made up for the test (see tests/test_cli_holidays.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db import holidays as stored_notices
from desktop_app.services import holidays
from tests.storage_helpers import new_storage
from tests.test_cli_holidays import NOTICE_2027

NOTICES = Path(__file__).resolve().parents[2] / "fixtures" / "holidays"


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path / "data", datetime(2026, 12, 3, 9, 0))
    yield storage
    storage.close()


@pytest.fixture
def page(dialog):
    dialog.tabs.setCurrentWidget(dialog.holidays_page)
    return dialog.holidays_page


def test_it_says_where_this_year_and_next_come_from(page) -> None:
    text = page.sources_label.text()
    assert "2026 年：程序内置" in text and "2027 年：尚无安排，按周一至周五计算" in text


def test_a_pasted_notice_is_previewed_on_its_year_then_imported(page, qtbot) -> None:
    page.text_edit.setPlainText(NOTICE_2027)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert "2027 年节假日安排：元旦、春节" in page.summary.text()
    assert "有 8 天改变" in page.summary.text()
    assert page.calendar.year == 2027
    assert page.calendar.kind(date(2027, 2, 8)) == "off"  # a Monday of the Spring Festival
    assert page.calendar.kind(date(2027, 1, 30)) == "make_up"  # a Saturday worked
    assert page.calendar.kind(date(2027, 3, 1)) == "workday"
    assert stored_notices.stored() == []  # a preview stores nothing
    assert page.import_button.isEnabled()
    with qtbot.waitSignal(page.holidays_changed):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "已导入 2027 年的节假日安排" in page.message.text()
    assert holidays.work_calendar(()).covers(2027)
    assert not holidays.work_calendar(()).is_workday(date(2027, 2, 8))
    assert "2027 年：已导入通知（2026-12-03）" in page.sources_label.text()
    assert not page.import_button.isEnabled()  # once is enough


def test_editing_the_text_after_a_preview_asks_for_a_new_one(page, qtbot) -> None:
    page.text_edit.setPlainText(NOTICE_2027)
    page.preview_text()
    assert page.import_button.isEnabled()
    page.text_edit.appendPlainText("三、清明节：4月3日至5日放假，共3天。")
    assert not page.import_button.isEnabled()


def test_a_text_that_is_no_notice_is_refused_and_nothing_is_stored(page) -> None:
    page.text_edit.setPlainText("2027年工作要点\n一、重点工作\n1. 做好值班。")
    page.preview_text()
    assert page.message.isVisible() and "没有在通知中读出 2027 年的任何节假日安排" in (
        page.message.text()
    )
    assert not page.import_button.isEnabled()
    page.import_notice()  # the button is off; called anyway, it does nothing
    assert stored_notices.stored() == []


def test_an_opened_file_shows_what_was_not_read(page) -> None:
    page.open_file(NOTICES / "2024.txt")
    assert page.calendar.year == 2024
    assert page.warnings_label.isVisible()
    assert "2月9日" in page.warnings_label.text() and "请核对" in page.warnings_label.text()
    assert "没有变化" in page.summary.text()  # the same as the bundled data


def test_a_missing_file_is_said_in_the_users_words(page, tmp_path: Path) -> None:
    page.open_file(tmp_path / "没有这个文件.docx")
    assert "找不到文件" in page.message.text() and "Traceback" not in page.message.text()
