"""From 1 November, while next year's holidays are unknown, the window's status line and the
tray's tooltip say how to add them; an imported notice silences both. A digest about a
deadline of a year without data says its working days are estimated.

The 2027 notice is made up for the test (see tests/test_cli_holidays.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_app.calendar.notice import parse_notice
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.reminders import policy
from desktop_app.services import holidays
from desktop_app.services.importer import import_file
from desktop_app.services.settings import DEFAULTS
from desktop_app.ui.tray import TrayController
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock
from tests.test_cli_holidays import NOTICE_2027, PLAN_2027

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")
NOVEMBER = datetime(2026, 11, 2, 9, 0)
OCTOBER = datetime(2026, 10, 30, 9, 0)
HINT = "尚无 2027 年节假日安排"


@pytest.fixture
def tray(qapp, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    controller = TrayController()
    yield controller
    controller.dispose()


def _window(make_window, make_storage, tray, now: datetime):
    storage = make_storage(now)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    return storage, make_window(storage, FakeClock(now), tray=tray)


def test_from_november_the_window_and_the_tray_say_next_year_is_missing(
    make_window, make_storage, tray
) -> None:
    storage, window = _window(make_window, make_storage, tray, NOVEMBER)
    assert HINT in window.status_label.text() and "设置 → 节假日" in window.status_label.text()
    assert HINT in tray.tooltip()
    holidays.import_notice(storage, parse_notice(NOTICE_2027), "notice.txt")
    window.refresh_calendar()
    assert HINT not in window.status_label.text()
    assert HINT not in tray.tooltip()


def test_before_november_nothing_is_said(make_window, make_storage, tray) -> None:
    _storage, window = _window(make_window, make_storage, tray, OCTOBER)
    assert "节假日" not in window.status_label.text()
    assert "节假日" not in tray.tooltip()


def test_a_digest_about_a_year_without_data_says_its_days_are_estimated(tmp_path: Path) -> None:
    from desktop_app.plans.parser import parse_text
    from desktop_app.services.importer import import_plan
    from tests.storage_helpers import new_storage

    storage = new_storage(tmp_path, NOVEMBER)
    try:
        import_plan(storage, parse_text(PLAN_2027), source_name="plan.txt", content_hash="x")
        from db import repository

        tasks = repository.tasks()
        start, end = datetime(2027, 1, 20), datetime(2027, 3, 1)
        estimated = policy.schedule(tasks, DEFAULTS, WorkCalendar(), start, end)
        known = policy.schedule(
            tasks, DEFAULTS, WorkCalendar(notices=[parse_notice(NOTICE_2027)]), start, end
        )
    finally:
        storage.close()
    assert estimated and all(
        "2027 年节假日安排尚未导入，工作日为估算" in n.body.splitlines()[0] for n in estimated
    )
    assert known and not any("估算" in n.body for n in known)
    assert all(len(n.body.splitlines()) <= 5 for n in estimated)
    assert date(2027, 2, 10) in {n.at.date() for n in estimated}
