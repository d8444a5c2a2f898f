"""The reminder service against a real database with 003 imported: delivered once, never
repeated by a restart or a clock set back, caught up after the PC was off, stopped by
"done", snoozed, acknowledged, and not lost when the notifier fails.

June 2024 with 003 (default settings, digests at 09:00): Friday 14 June, five tasks due
30 June (10 working days ahead); Monday 17 June, the four late tasks (31 January and
31 March); Friday 21 June, the five again plus the quarter's seven ongoing tasks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest

from db import repository
from db.connection import Storage
from db.errors import StorageError
from db.models import ReminderLog
from desktop_app.reminders import DeliveryError, ReminderService
from desktop_app.reminders.notifier import RecordingNotifier
from desktop_app.services import departments, tasks
from desktop_app.services.errors import ServiceError
from desktop_app.services.settings import DEFAULTS, save_reminder_settings
from tests.storage_helpers import FakeClock, storage_with_plan

FRIDAY = datetime(2024, 6, 14, 9, 0)
MONDAY = datetime(2024, 6, 17, 9, 0)
TUESDAY = datetime(2024, 6, 18, 9, 0)
NEXT_FRIDAY = datetime(2024, 6, 21, 9, 0)
JUNE_30 = (27, 30, 31, 48, 71)  # due 30 June
LATE = (5, 54, 23, 58)  # due 31 March and 31 January


class BrokenNotifier:
    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        raise OSError("org.freedesktop.Notifications is not available")


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    storage = storage_with_plan(tmp_path)
    yield storage
    storage.close()


@pytest.fixture
def service(storage: Storage, notifier: RecordingNotifier) -> ReminderService:
    return ReminderService(storage, notifier)


def _shown() -> list[tuple[int, datetime]]:
    return [
        (r.task_id, r.scheduled_for)
        for r in ReminderLog.select().where(ReminderLog.event == "shown").order_by(ReminderLog.id)
    ]


def test_a_digest_is_shown_once_and_a_restart_does_not_repeat_it(
    storage: Storage, service: ReminderService, notifier: RecordingNotifier
) -> None:
    digest = service.check(FRIDAY)
    assert digest is not None
    assert (digest.kind, digest.title) == ("digest", "5 项任务即将到期")
    assert sorted(digest.task_ids) == sorted(JUNE_30)
    assert notifier.calls == [(digest.title, digest.body, digest.task_ids)]
    assert sorted(_shown()) == sorted((i, FRIDAY) for i in JUNE_30)
    assert service.check(FRIDAY.replace(minute=30)) is None
    # The program is restarted at 10:00: a new service, the same database.
    restarted = ReminderService(storage, notifier)
    assert restarted.check(FRIDAY.replace(hour=10)) is None
    assert len(notifier.calls) == 1
    assert restarted.next_due_time(FRIDAY.replace(hour=10)) == MONDAY


def test_pc_off_from_friday_evening_to_tuesday_gives_one_catch_up(
    storage: Storage, service: ReminderService, notifier: RecordingNotifier
) -> None:
    assert service.check(FRIDAY) is not None
    # Off from Friday 18:00; nothing was due on Saturday or Sunday; on at Tuesday 08:30.
    back = ReminderService(storage, notifier)
    digest = back.check(TUESDAY.replace(hour=8, minute=30))
    assert digest is not None
    assert digest.kind == "catch_up"
    assert digest.title == "您不在时，有 4 项任务到了提醒时间"
    assert sorted(digest.task_ids) == sorted(LATE)
    assert {r.at for r in digest.reminders} == {MONDAY}
    assert back.check(TUESDAY.replace(hour=8, minute=45)) is None
    assert back.check(TUESDAY) is None  # nothing of its own on Tuesday
    assert len(notifier.calls) == 2
    scheduled = {when.date() for _, when in _shown()}
    assert scheduled == {FRIDAY.date(), MONDAY.date()}


def test_a_first_start_shows_todays_reminders_not_a_month_of_old_ones(
    service: ReminderService,
) -> None:
    digest = service.check(MONDAY.replace(hour=11))
    assert digest is not None
    assert digest.kind == "digest"
    assert {r.at for r in digest.reminders} == {MONDAY}


def test_the_clock_set_back_repeats_nothing(
    service: ReminderService, notifier: RecordingNotifier
) -> None:
    for day in (FRIDAY, MONDAY, TUESDAY, NEXT_FRIDAY):
        service.check(day)
    assert len(notifier.calls) == 3
    # The clock goes back a day, then forward again over the same reminder times.
    for moment in (
        NEXT_FRIDAY.replace(day=20),
        NEXT_FRIDAY,
        NEXT_FRIDAY.replace(hour=12),
        MONDAY,
    ):
        assert service.check(moment) is None, moment
    assert len(notifier.calls) == 3
    assert len(_shown()) == len(set(_shown()))
    assert service.next_due_time(NEXT_FRIDAY.replace(day=20)) == datetime(2024, 6, 24, 9, 0)


def test_a_task_marked_done_stops_its_reminders_at_once(
    storage: Storage, service: ReminderService
) -> None:
    digest = service.check(FRIDAY)
    assert digest is not None and 27 in digest.task_ids
    pending = service.pending_digest(FRIDAY.replace(hour=9, minute=10))
    assert pending is not None and 27 in pending.task_ids
    tasks.set_status(storage, 27, "done")
    pending = service.pending_digest(FRIDAY.replace(hour=9, minute=20))
    assert pending is not None and 27 not in pending.task_ids
    upcoming = service.upcoming(FRIDAY.replace(hour=9, minute=20))
    assert upcoming and all(27 not in n.task_ids for n in upcoming)
    assert service.check(MONDAY) is not None
    later = service.check(NEXT_FRIDAY)
    assert later is not None and later.kind == "digest"
    assert sorted(later.task_ids) == sorted([30, 31, 48, 71, 18, 20, 21, 24, 25, 26, 28])


def test_snoozing_for_an_hour_brings_the_task_back_once(
    service: ReminderService, notifier: RecordingNotifier
) -> None:
    service.check(FRIDAY)
    choices = {c.key: c for c in service.snooze_choices(FRIDAY.replace(minute=5))}
    hour = choices["hour"]
    assert hour.until == datetime(2024, 6, 14, 10, 5)
    assert hour.label == "1 小时后（10:05）"
    assert choices["tomorrow"].until == datetime(2024, 6, 17, 9, 0)  # Monday: the next working day
    assert choices["tomorrow"].label == "下一个工作日 6月17日 09:00"
    assert choices["three_workdays"].until == datetime(2024, 6, 19, 9, 0)
    service.snooze([27], hour.until, FRIDAY.replace(minute=5))
    [row] = ReminderLog.select().where(ReminderLog.event == "snoozed")
    assert (row.task_id, row.snooze_until, row.scheduled_for) == (27, hour.until, FRIDAY)
    assert service.check(FRIDAY.replace(minute=30)) is None
    assert service.next_due_time(FRIDAY.replace(minute=30)) == hour.until
    back = service.check(hour.until)
    assert back is not None
    assert (back.task_ids, back.title, back.kind) == ((27,), "1 项任务即将到期", "digest")
    assert service.check(hour.until.replace(minute=30)) is None
    assert service.check(FRIDAY.replace(hour=15)) is None
    assert len(notifier.calls) == 2
    # Snoozed until Tuesday: Monday's reminders of the task are put off too.
    service.snooze([5], TUESDAY.replace(hour=10), FRIDAY.replace(hour=15))
    monday = service.check(MONDAY)
    assert monday is not None and 5 not in monday.task_ids
    tuesday = service.check(TUESDAY.replace(hour=10))
    assert tuesday is not None and tuesday.task_ids == (5,)


def test_a_snooze_must_end_in_the_future(service: ReminderService) -> None:
    with pytest.raises(ServiceError) as caught:
        service.snooze([27], FRIDAY, FRIDAY)
    assert caught.value.code == "bad_snooze"
    with pytest.raises(ServiceError) as caught:
        service.acknowledge([99999], FRIDAY)
    assert caught.value.code == "no_task"


def test_acknowledging_is_logged_and_leaves_the_rest_pending(service: ReminderService) -> None:
    service.check(FRIDAY)
    service.acknowledge([30, 31], FRIDAY.replace(minute=2))
    rows = list(ReminderLog.select().where(ReminderLog.event == "acknowledged"))
    assert sorted((r.task_id, r.scheduled_for, r.at) for r in rows) == [
        (30, FRIDAY, FRIDAY.replace(minute=2)),
        (31, FRIDAY, FRIDAY.replace(minute=2)),
    ]
    pending = service.pending_digest(FRIDAY.replace(minute=3))
    assert pending is not None
    assert pending.kind == "pending"
    assert sorted(pending.task_ids) == [27, 48, 71]
    assert pending.title == "3 项任务即将到期"
    # Acknowledging does not silence the deadline: the next reminder point comes as usual.
    later = service.check(NEXT_FRIDAY)
    assert later is not None and 30 in later.task_ids


def test_a_shown_row_without_its_reminder_time_is_passed_over(
    storage: Storage, service: ReminderService
) -> None:
    # A damaged or foreign database: a "shown" row with no scheduled_for once made the
    # pending digest fail on it (comparing None with a time) instead of leaving it out.
    service.check(FRIDAY)
    with storage.write():
        ReminderLog.create(task=5, event="shown", at=FRIDAY.replace(minute=1))
    pending = service.pending_digest(FRIDAY.replace(minute=3))
    assert pending is not None
    assert sorted(pending.task_ids) == sorted(JUNE_30)


def test_a_failing_notifier_loses_nothing(
    storage: Storage, notifier: RecordingNotifier, caplog: pytest.LogCaptureFixture
) -> None:
    broken = ReminderService(storage, BrokenNotifier())
    with caplog.at_level(logging.WARNING), pytest.raises(DeliveryError) as caught:
        broken.check(FRIDAY)
    assert "not available" in caught.value.one_line()
    assert "提醒未能送达" in caught.value.one_line()
    assert sorted(caught.value.notification.task_ids) == sorted(JUNE_30)
    assert "not delivered, will retry" in caplog.text
    assert _shown() == []
    # The scheduler waits a little before trying again instead of spinning.
    assert broken.next_due_time(FRIDAY) == FRIDAY.replace(minute=5)
    broken.notifier = notifier
    retried = broken.check(FRIDAY.replace(minute=5))
    assert retried is not None
    assert sorted(retried.task_ids) == sorted(JUNE_30)
    assert len(_shown()) == len(JUNE_30)


def test_a_catch_up_in_quiet_hours_waits_for_their_end(
    service: ReminderService, notifier: RecordingNotifier
) -> None:
    service.check(FRIDAY)
    early = TUESDAY.replace(hour=7)
    assert service.check(early) is None
    assert service.due(early) is None
    assert service.next_due_time(early) == TUESDAY.replace(hour=8)
    digest = service.check(TUESDAY.replace(hour=8))
    assert digest is not None and digest.kind == "catch_up"


def test_my_departments_and_a_pause_are_followed(
    storage: Storage, service: ReminderService
) -> None:
    departments.set_my_departments(storage, ["行政复议科"])
    digest = service.check(MONDAY)
    assert digest is not None
    assert sorted(digest.task_ids) == [23]  # 行政复议科's late task; 54, 5, 58 are others'
    save_reminder_settings(storage, replace(DEFAULTS, paused_until=datetime(2024, 6, 21, 8, 0)))
    departments.set_my_departments(storage, [])
    assert service.check(TUESDAY) is None
    assert service.next_due_time(TUESDAY) == NEXT_FRIDAY  # nothing fell in the pause
    after = service.check(NEXT_FRIDAY)
    assert after is not None and after.kind == "digest"


def test_a_pause_holds_reminders_and_delivers_them_once_it_ends(
    storage: Storage, service: ReminderService
) -> None:
    """Paused at 08:30 for an hour (a meeting): Monday's 09:00 digest waits, then comes once."""
    expected = service.due(MONDAY)
    assert expected is not None
    until = MONDAY.replace(hour=9, minute=30)
    save_reminder_settings(storage, replace(DEFAULTS, paused_until=until))
    assert service.check(MONDAY) is None
    assert service.next_due_time(MONDAY) == until
    held = service.check(until)
    assert held is not None and sorted(held.task_ids) == sorted(expected.task_ids)
    assert service.check(until.replace(minute=45)) is None


def test_upcoming_lists_the_digests_still_to_come(service: ReminderService) -> None:
    service.check(FRIDAY)
    upcoming = service.upcoming(FRIDAY.replace(minute=1), days=14)
    assert [n.at for n in upcoming] == [
        MONDAY,
        NEXT_FRIDAY,
        datetime(2024, 6, 24, 9, 0),
        datetime(2024, 6, 27, 9, 0),
        datetime(2024, 6, 28, 9, 0),
    ]


def test_with_only_ongoing_tasks_left_the_next_time_is_the_quarters_reminder(
    storage: Storage, service: ReminderService
) -> None:
    for task in repository.tasks():
        if task.due is not None:
            tasks.set_status(storage, task.id, "done")
    july = datetime(2024, 7, 1, 10, 0)
    assert service.check(july) is None
    # Five working days before 30 September: 29 September is a make-up working Sunday.
    assert service.next_due_time(july) == datetime(2024, 9, 24, 9, 0)
    # Progress recorded on one of them this quarter: that one is not asked for it.
    clock = storage.clock
    assert isinstance(clock, FakeClock)
    clock.set(datetime(2024, 8, 15, 16, 0))
    tasks.add_note(storage, 18, "三季度已召开推进会")
    digest = service.check(datetime(2024, 9, 24, 9, 0))
    assert digest is not None
    assert digest.title == "6 项持续推进的任务请记录本季度进展"
    assert sorted(digest.task_ids) == [20, 21, 24, 25, 26, 28]
    assert digest.body.splitlines()[0] == "需记录本季度进展 6 项"


def test_changing_the_reminder_time_after_the_digest_repeats_nothing(
    storage: Storage, service: ReminderService, notifier: RecordingNotifier
) -> None:
    assert service.check(MONDAY) is not None
    save_reminder_settings(storage, replace(DEFAULTS, remind_at=time(10, 0)))
    assert service.check(MONDAY.replace(hour=10, minute=1)) is None
    assert len(notifier.calls) == 1


def test_a_digest_shown_but_not_logged_is_not_shown_again(
    storage: Storage, service: ReminderService, notifier: RecordingNotifier, monkeypatch
) -> None:
    """The database was locked right after the pop-up: the log is written at the next check,
    and the pop-up is not repeated."""
    from db.errors import locked

    real = service._record_shown
    calls = []

    def fail_once(*args) -> None:
        calls.append(args)
        if len(calls) == 1:
            raise locked()
        real(*args)

    monkeypatch.setattr(service, "_record_shown", fail_once)
    with pytest.raises(StorageError):
        service.check(MONDAY)
    assert len(notifier.calls) == 1
    assert service.check(MONDAY.replace(minute=5)) is None
    assert len(notifier.calls) == 1
    assert service.check(MONDAY.replace(minute=10)) is None


# -- a newly imported plan ---------------------------------------------------------------

WEDNESDAY_EVENING = datetime(2024, 6, 12, 18, 0)


@pytest.fixture
def new_plan(tmp_path: Path) -> Iterator[Storage]:
    """003 imported on a Wednesday evening: four tasks late, the June ones not yet near."""
    storage = storage_with_plan(tmp_path / "new", WEDNESDAY_EVENING)
    yield storage
    storage.close()


def test_a_new_plan_is_reminded_at_the_next_check_not_at_monday_s_slot(
    new_plan: Storage, notifier: RecordingNotifier
) -> None:
    service = ReminderService(new_plan, notifier)
    after = WEDNESDAY_EVENING.replace(minute=5)
    assert service.next_due_time(after) == after  # at once, not next Monday's weekly slot
    digest = service.check(after)
    assert digest is not None and digest.kind == "new_plan"
    assert digest.title == "新导入的工作要点中有 4 项任务已逾期"
    assert sorted(digest.task_ids) == sorted(LATE)
    assert digest.body.startswith("已逾期 4 项\n")
    assert len(notifier.calls) == 1
    # Once: neither the next check nor a restart repeats it.
    assert service.check(after.replace(minute=6)) is None
    assert ReminderService(new_plan, notifier).check(after.replace(minute=30)) is None
    assert service.next_due_time(after.replace(minute=6)) == FRIDAY
    assert len(notifier.calls) == 1


def test_a_new_plan_s_digest_takes_in_what_else_is_due_and_lists_tasks_near(
    new_plan: Storage, notifier: RecordingNotifier
) -> None:
    digest = ReminderService(new_plan, notifier).check(FRIDAY)  # first check on Friday 09:00
    assert digest is not None and digest.kind == "new_plan"
    assert digest.title == "新导入的工作要点中有 9 项任务已逾期或即将到期"
    assert sorted(digest.task_ids) == sorted(JUNE_30 + LATE)
    assert digest.task_ids[:5] == tuple(sorted(JUNE_30, key=digest.task_ids.index))
    # Friday's own reminder points are logged too, so they do not come again.
    assert {(t, FRIDAY) for t in JUNE_30} <= set(_shown())
    assert ReminderService(new_plan, notifier).check(FRIDAY.replace(hour=10)) is None


def test_a_new_plan_with_nothing_late_or_near_is_introduced_silently_once(
    tmp_path: Path, notifier: RecordingNotifier
) -> None:
    january = datetime(2024, 1, 2, 9, 0)
    storage = storage_with_plan(tmp_path / "jan", january)
    try:
        service = ReminderService(storage, notifier)
        assert service.check(january.replace(minute=5)) is None
        assert notifier.attempts == []
        assert service.next_due_time(january.replace(minute=6)) != january.replace(minute=6)
    finally:
        storage.close()


def test_a_plan_imported_over_a_week_ago_gets_no_new_import_digest(
    service: ReminderService,
) -> None:
    digest = service.check(FRIDAY)  # imported on 1 June
    assert digest is not None and digest.kind == "digest"


def test_a_new_plan_s_digest_waits_for_the_quiet_hours_and_keeps_to_my_departments(
    new_plan: Storage, notifier: RecordingNotifier
) -> None:
    quiet = replace(DEFAULTS, quiet_start=time(18, 0), quiet_end=time(8, 0))
    save_reminder_settings(new_plan, quiet)
    departments.set_my_departments(new_plan, [departments.get_department("行政复议科").id])
    service = ReminderService(new_plan, notifier)
    assert service.check(WEDNESDAY_EVENING.replace(minute=5)) is None
    morning = datetime(2024, 6, 13, 8, 0)
    assert service.next_due_time(WEDNESDAY_EVENING.replace(minute=5)) == morning
    digest = service.check(morning)
    assert digest is not None and digest.kind == "new_plan"
    [task] = repository.tasks(task_ids=list(digest.task_ids))  # not the other three
    assert task.id in LATE and "行政复议科" in (*task.lead, *task.responsible)


def test_a_plan_deleted_and_imported_again_is_new_again_though_sqlite_reuses_its_id(
    new_plan: Storage, notifier: RecordingNotifier
) -> None:
    from desktop_app.services import plans
    from desktop_app.services.importer import import_file
    from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

    service = ReminderService(new_plan, notifier)
    [first] = repository.plans()
    assert service.check(WEDNESDAY_EVENING.replace(minute=5)) is not None
    plans.delete_plan(new_plan, first.id)  # the wrong file: deleted, the right one imported
    new_plan.clock.set(WEDNESDAY_EVENING.replace(minute=10))
    import_file(new_plan, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    [second] = repository.plans()
    assert second.id == first.id  # what SQLite does
    digest = service.check(WEDNESDAY_EVENING.replace(minute=15))
    assert digest is not None and digest.kind == "new_plan"


def test_the_sample_gets_no_new_import_digest(tmp_path: Path, notifier: RecordingNotifier) -> None:
    from desktop_app.services import plans
    from tests.storage_helpers import new_storage

    storage = new_storage(tmp_path / "sample", WEDNESDAY_EVENING)
    try:
        plans.import_sample(storage, WEDNESDAY_EVENING.date())
        digest = ReminderService(storage, notifier).check(WEDNESDAY_EVENING.replace(minute=5))
        assert digest is None or digest.kind != "new_plan"
    finally:
        storage.close()


def test_two_programs_checking_at_once_show_a_digest_once(
    storage: Storage, notifier: RecordingNotifier
) -> None:
    """The window and a login script's `remind --now` at the same moment: the second waits
    for the first's lock, then finds the digest logged (its own connection, another thread)."""
    import threading

    other = RecordingNotifier("dbus")
    results: list[object] = []

    def second_program() -> None:
        results.append(ReminderService(storage, other).check(FRIDAY))

    class FirstNotifier(RecordingNotifier):
        def notify(self, title, body, task_ids):  # the other one starts while this one shows
            self.worker = threading.Thread(target=second_program)
            self.worker.start()
            self.worker.join(timeout=1.0)  # without the lock it would show it meanwhile
            return super().notify(title, body, task_ids)

    first = FirstNotifier("dbus")
    assert ReminderService(storage, first).check(FRIDAY) is not None
    first.worker.join(timeout=10)
    assert results == [None] and other.attempts == []
    assert len(first.calls) == 1
