"""The database file: schema versions, migrations with data, backups and their rotation."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from db import backup, journal, migrations, repository
from db.connection import open_storage
from db.models import ALL_MODELS, Task
from db.search import SEARCH_TABLE
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock, new_storage

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"


def test_models_describe_the_migrated_schema(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    conn = storage.raw()
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert migrations.schema_version(conn) == migrations.LATEST_VERSION


def _v1_database_with_data(path: Path) -> None:
    """A database exactly as the first schema version left it, holding a plan and user data."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(conn, 1)
    conn.executescript(
        """
        INSERT INTO plan VALUES (1, '某局2024年工作要点', 2024, '某局', NULL, '2024-02-01',
            'work_plan', 'plan.txt', 'abc', '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO department VALUES (1, '普法科', 0, '2024-02-02 09:00:00');
        INSERT INTO department VALUES (2, '各科室', 1, '2024-02-02 09:00:00');
        INSERT INTO task VALUES (1, 1, '1', '[]', '开展普法宣传进社区活动。', '（责任部门：普法科）',
            '[]', '["普法科"]', 'month', '6月', '2024-06-30', '[]', '2024-06-30', 0, 0,
            'done', '2024-06-10', 0, NULL, '2024-02-02 09:00:00', '2024-06-10 09:00:00');
        INSERT INTO task VALUES (2, 1, '2', '[]', '规范档案管理。', NULL,
            '[]', '["各科室"]', 'ongoing', '持续推进', NULL, '[]', NULL, 0, 0,
            'in_progress', NULL, 1, NULL, '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO task_department VALUES (1, 1, 1, 'responsible', 0);
        INSERT INTO task_department VALUES (2, 2, 2, 'responsible', 0);
        INSERT INTO progress_note VALUES (1, 1, '2024-06-10 09:00:00', '2024-06-10 09:00:00', '已进社区12场');
        INSERT INTO task_change VALUES (1, 1, 'status', '未开始', '已完成', '2024-06-10 09:00:00', 'user');
        INSERT INTO setting VALUES ('my_departments', '[1]');
        """
    )
    conn.close()


def test_a_first_version_database_upgrades_with_all_its_data(tmp_path: Path) -> None:
    path = tmp_path / "tasks.sqlite3"
    _v1_database_with_data(path)
    storage = open_storage(path, clock=FakeClock(datetime(2024, 7, 1, 9, 0)))
    assert migrations.schema_version(storage.raw()) == migrations.LATEST_VERSION
    first, second = repository.tasks()
    assert (first.text, first.status, first.completed_on, first.responsible) == (
        "开展普法宣传进社区活动。",
        "done",
        date(2024, 6, 10),
        ("普法科",),
    )
    assert second.collective and second.deadline_kind == "ongoing"
    assert [n.text for n in journal.notes(1)] == ["已进社区12场"]
    assert [(c.field, c.new_value) for c in journal.history(1)] == [("status", "已完成")]
    # What v2 added works on the old rows: search by text and by owner.
    assert [t.id for t in repository.search("普法")] == [1]
    assert [t.id for t in repository.search("各科室")] == [2]
    # The upgrade was preceded by a backup holding the v1 data.
    [taken] = [b for b in backup.list_backups(storage.backups_dir) if b.reason == "before-v2"]
    old = sqlite3.connect(taken.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT COUNT(*) FROM task").fetchone()[0] == 2


def test_search_finds_short_and_long_chinese_words_and_owners(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    all_tasks = repository.tasks()
    for query in ("普法", "行政复议科", "法", "30+5", "各司法所"):
        expected = sorted(
            t.id
            for t in all_tasks
            if query in t.text or any(query in name for name in t.lead + t.responsible)
        )
        assert sorted(t.id for t in repository.search(query, limit=1000)) == expected, query
    assert repository.search("没有这样的词") == []
    assert repository.search("  ，。") == []
    count = storage.raw().execute(f"SELECT COUNT(*) FROM {SEARCH_TABLE}").fetchone()[0]
    assert count == Task.select().count()


def test_backups_rotate_keeping_the_last_ten(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    made = [storage.backup("manual") for _ in range(13)]
    kept = backup.list_backups(storage.backups_dir)
    assert len(kept) == backup.KEEP_BACKUPS
    assert [b.path for b in kept] == list(reversed(made[-10:]))
    assert backup.latest_backup(storage.backups_dir) == made[-1]
    copy = sqlite3.connect(made[-1])
    assert copy.execute("SELECT COUNT(*) FROM task").fetchone()[0] == 89


def test_an_import_is_preceded_by_a_backup_of_the_previous_state(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / "000_9ec6db43f1a77751.txt")
    result = import_file(storage, PLAN_003)
    assert result.backup is not None
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT COUNT(*) FROM task").fetchone()[0] == 33


def test_status_notes_and_history(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    tasks.set_status(storage, 5, "in_progress")
    tasks.set_status(storage, 5, "done", note="已向区委常委会汇报")
    note = tasks.add_note(storage, 5, "材料归档")
    tasks.edit_note(storage, note.id, "材料已归档")
    tasks.set_status(storage, 5, "in_progress")
    row = repository.task(5)
    assert row is not None and (row.status, row.completed_on) == ("in_progress", None)
    assert [n.text for n in journal.notes(5)] == ["已向区委常委会汇报", "材料已归档"]
    assert [(c.field, c.old_value, c.new_value) for c in journal.history(5)] == [
        ("status", "未开始", "进行中"),
        ("status", "进行中", "已完成（2024-03-01）"),
        ("note", "材料归档", "材料已归档"),
        ("status", "已完成（2024-03-01）", "进行中"),
    ]


def test_a_backup_made_with_the_clock_set_back_is_kept(tmp_path: Path) -> None:
    storage = new_storage(tmp_path, datetime(2026, 1, 1, 9, 0))
    import_file(storage, PLAN_003)
    for _ in range(backup.KEEP_BACKUPS):
        storage.backup("manual")
    storage.clock.set(datetime(2020, 1, 1, 9, 0))  # the PC's clock set back by years
    made = storage.backup("manual")
    kept = [b.path for b in backup.list_backups(storage.backups_dir)]
    assert made in kept and len(kept) == backup.KEEP_BACKUPS
