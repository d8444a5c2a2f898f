"""Reminder settings: defaults, round trip, refusals in Chinese, damaged stored values."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from db.models import Setting
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import (
    DEFAULTS,
    REMINDERS,
    ReminderSettings,
    format_lead_workdays,
    parse_lead_workdays,
    reminder_settings,
    save_reminder_settings,
)
from tests.storage_helpers import new_storage


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path)
    yield storage
    storage.close()


def _store_raw(storage, text: str) -> None:
    with storage.write():
        storage.raw().execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (REMINDERS, text)
        )


def test_defaults_when_nothing_is_stored(storage) -> None:
    settings = reminder_settings()
    assert settings == ReminderSettings()
    assert settings.remind_at == time(9, 0)
    assert settings.lead_workdays == (10, 5, 1)
    assert settings.late_every_days == 7
    assert (settings.quiet_start, settings.quiet_end) == (time(22, 0), time(8, 0))
    assert settings.extra_holidays == ()
    assert settings.paused_until is None


def test_round_trip(storage) -> None:
    chosen = ReminderSettings(
        remind_at=time(14, 30),
        lead_workdays=(1, 20, 3),
        late_every_days=0,
        quiet_start=time(12, 0),
        quiet_end=time(13, 30),
        extra_holidays=(date(2024, 10, 8), date(2024, 5, 6), date(2024, 10, 8)),
        paused_until=datetime(2024, 4, 1, 8, 0),
    )
    saved = save_reminder_settings(storage, chosen)
    assert saved.lead_workdays == (20, 3, 1)
    assert saved.extra_holidays == (date(2024, 5, 6), date(2024, 10, 8))
    assert reminder_settings() == saved
    stored = Setting.get(Setting.key == REMINDERS).value
    assert stored["remind_at"] == "14:30"
    assert stored["lead_workdays"] == [20, 3, 1]


def test_saving_again_replaces_the_value(storage) -> None:
    save_reminder_settings(storage, replace(DEFAULTS, remind_at=time(10, 0)))
    save_reminder_settings(storage, replace(DEFAULTS, lead_workdays=(3,)))
    assert reminder_settings() == replace(DEFAULTS, lead_workdays=(3,))
    assert Setting.select().where(Setting.key == REMINDERS).count() == 1


def test_no_lead_days_means_only_the_deadline_day(storage) -> None:
    save_reminder_settings(storage, replace(DEFAULTS, lead_workdays=()))
    assert reminder_settings().lead_workdays == ()


@pytest.mark.parametrize(
    ("lead", "code", "words"),
    [
        ((0, 5), "bad_lead_days", "1 到 60"),
        ((-1,), "bad_lead_days", "整数"),
        ((61,), "bad_lead_days", "1 到 60"),
        ((5, 5, 1), "repeated_lead_days", "不能重复"),
        ((2.5,), "bad_lead_days", "整数"),
        ((True,), "bad_lead_days", "整数"),
    ],
)
def test_bad_lead_days_are_refused_in_chinese(storage, lead, code, words) -> None:
    with pytest.raises(ServiceError) as caught:
        save_reminder_settings(storage, replace(DEFAULTS, lead_workdays=lead))
    assert caught.value.code == code
    assert words in caught.value.message_zh
    assert Setting.get_or_none(Setting.key == REMINDERS) is None


def test_other_bad_values_are_refused(storage) -> None:
    for bad, code in (
        (replace(DEFAULTS, late_every_days=-7), "bad_late_every"),
        (replace(DEFAULTS, late_every_days=61), "bad_late_every"),
        (replace(DEFAULTS, remind_at="09:00"), "bad_time"),  # type: ignore[arg-type]
        (replace(DEFAULTS, remind_at=time(23, 0)), "remind_in_quiet_hours"),
        (replace(DEFAULTS, remind_at=time(7, 59)), "remind_in_quiet_hours"),
        (replace(DEFAULTS, extra_holidays=("2024-05-06",)), "bad_holiday"),  # type: ignore[arg-type]
        (replace(DEFAULTS, paused_until=date(2024, 5, 6)), "bad_pause"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ServiceError) as caught:
            save_reminder_settings(storage, bad)
        assert caught.value.code == code
        assert caught.value.message_zh and caught.value.message_en
    assert reminder_settings() == DEFAULTS


def test_quiet_hours() -> None:
    overnight = DEFAULTS
    assert overnight.is_quiet(time(22, 0)) and overnight.is_quiet(time(3, 0))
    assert not overnight.is_quiet(time(8, 0)) and not overnight.is_quiet(time(21, 59))
    lunch = replace(DEFAULTS, quiet_start=time(12, 0), quiet_end=time(13, 0))
    assert lunch.is_quiet(time(12, 30)) and not lunch.is_quiet(time(13, 0))
    none = replace(DEFAULTS, quiet_start=time(0, 0), quiet_end=time(0, 0))
    assert not any(none.is_quiet(time(h, 0)) for h in range(24))


def test_pause() -> None:
    paused = replace(DEFAULTS, paused_until=datetime(2024, 4, 1, 8, 0))
    assert paused.is_paused(datetime(2024, 3, 31, 23, 0))
    assert not paused.is_paused(datetime(2024, 4, 1, 8, 0))
    assert not DEFAULTS.is_paused(datetime(2024, 4, 1))


@pytest.mark.parametrize(
    "raw",
    ["{not json", "", "null", "[1, 2]", '"text"', "42", "{}"],
)
def test_damaged_value_gives_the_defaults(storage, raw) -> None:
    _store_raw(storage, raw)
    assert reminder_settings() == DEFAULTS


def test_partial_or_damaged_fields_fall_back_one_by_one(storage) -> None:
    _store_raw(
        storage,
        json.dumps(
            {
                "remind_at": "25:99",
                "lead_workdays": [3, 3],
                "late_every_days": 14,
                "quiet_start": "21:00",
                "quiet_end": None,
                "extra_holidays": ["2024-05-06", "soon", 7, "2024-02-01"],
                "paused_until": "someday",
                "unknown_future_field": True,
            }
        ),
    )
    settings = reminder_settings()
    assert settings == ReminderSettings(
        late_every_days=14,
        quiet_start=time(21, 0),
        extra_holidays=(date(2024, 2, 1), date(2024, 5, 6)),
    )


def test_parse_lead_workdays() -> None:
    assert parse_lead_workdays("10、5、1") == (10, 5, 1)
    assert parse_lead_workdays(" 1, 10，５ ") == (10, 5, 1)
    assert parse_lead_workdays("3;7 2") == (7, 3, 2)
    assert parse_lead_workdays("") == ()
    assert format_lead_workdays((10, 5, 1)) == "10、5、1"
    for text, words in (("10、五", "“五”不是整数"), ("1.5", "不是整数"), ("0", "1 到 60")):
        with pytest.raises(ServiceError) as caught:
            parse_lead_workdays(text)
        assert words in caught.value.message_zh
