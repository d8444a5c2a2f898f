"""Backups as the window and the command line use them: a restore keeps a backup of the data
it replaces, a refused or failed restore changes nothing, a damaged database is put aside."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from db import repository
from db.connection import open_storage
from db.errors import StorageError
from desktop_app.services import backups, data_folder, departments
from desktop_app.services.errors import ServiceError
from tests.storage_helpers import FakeClock, department_names, new_storage

START = datetime(2024, 3, 1, 9, 0)


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path / "data", START)
    with storage.write():
        departments.resolve_or_create(storage, "信息处")
    yield storage
    storage.close()


_names = department_names


def _rename(storage, old: str, new: str) -> None:
    departments.rename(storage, repository.find_department(old).id, new)


def test_backup_now_is_listed_first(storage) -> None:
    assert backups.list_backups(storage.backups_dir) == []
    made = backups.back_up_now(storage)
    [listed] = backups.list_backups(storage.backups_dir)
    assert (listed.path, listed.reason) == (made, backups.MANUAL)
    assert _names(made) == {"信息处"}
    assert backups.find_backup(storage.backups_dir, made) == listed
    assert backups.find_backup(storage.backups_dir, made.with_name("gone.sqlite3")) is None


def test_a_restore_keeps_a_backup_of_the_data_it_replaces(storage) -> None:
    earlier = backups.back_up_now(storage)
    _rename(storage, "信息处", "信息中心")
    saved = backups.restore(storage, earlier)
    assert {d.name for d in repository.departments()} == {"信息处"}
    assert _names(saved) == {"信息中心"}  # what was replaced can be restored in its turn
    reasons = [b.reason for b in backups.list_backups(storage.backups_dir)]
    assert reasons == ["before-restore", "manual"]
    backups.restore(storage, saved)
    assert {d.name for d in repository.departments()} == {"信息中心"}


@pytest.mark.parametrize("kind", ["missing", "empty", "foreign", "not_sqlite"])
def test_a_refused_restore_changes_nothing(storage, tmp_path, kind) -> None:
    backups.back_up_now(storage)
    _rename(storage, "信息处", "信息中心")
    source = tmp_path / f"{kind}.sqlite3"
    if kind == "empty":
        source.write_bytes(b"")
    elif kind == "foreign":
        sqlite3.connect(source).execute("CREATE TABLE notes (x)").connection.close()
    elif kind == "not_sqlite":
        source.write_bytes(b"plain text, not a database" * 100)
    with pytest.raises((ServiceError, StorageError)) as caught:
        backups.restore(storage, source)
    assert caught.value.code == ("no_file" if kind == "missing" else "bad_backup")
    assert {d.name for d in repository.departments()} == {"信息中心"}
    assert [b.reason for b in backups.list_backups(storage.backups_dir)] == ["manual"]


def test_no_restore_without_a_backup_of_the_current_data(tmp_path) -> None:
    folder = tmp_path / "data"
    first = new_storage(folder, START)
    with first.write():
        departments.resolve_or_create(first, "信息处")
    earlier = backups.back_up_now(first)
    _rename(first, "信息处", "信息中心")
    first.close()
    blocker = tmp_path / "backups-is-a-file"
    blocker.write_text("not a folder")
    # The same data, its backups to go where no backup can be written.
    storage = open_storage(folder / "tasks.sqlite3", clock=FakeClock(START), backups_dir=blocker)
    try:
        with pytest.raises(StorageError):
            backups.restore(storage, earlier)
        assert {d.name for d in repository.departments()} == {"信息中心"}
    finally:
        storage.close()
    assert blocker.read_text() == "not a folder"


def test_restoring_a_folder_whose_database_opens(storage, tmp_path) -> None:
    earlier = backups.back_up_now(storage)
    _rename(storage, "信息处", "信息中心")
    storage.close()
    folder = storage.path.parent
    restored = backups.restore_folder(folder, earlier, FakeClock(START))
    assert restored.source == earlier and restored.damaged_kept is None
    assert _names(restored.replaced_backup) == {"信息中心"}
    assert _names(folder / "tasks.sqlite3") == {"信息处"}


def test_restoring_a_folder_whose_database_is_damaged_puts_it_aside(storage, tmp_path) -> None:
    earlier = backups.back_up_now(storage)
    storage.close()
    folder = storage.path.parent
    damaged = b"\x00junk" * 4000
    (folder / "tasks.sqlite3").write_bytes(damaged)
    restored = backups.restore_folder(folder, earlier, FakeClock(START))
    assert restored.replaced_backup is None
    assert restored.damaged_kept is not None and restored.damaged_kept.read_bytes() == damaged
    with data_folder.open_data(folder, FakeClock(START)):
        assert {d.name for d in repository.departments()} == {"信息处"}


def test_a_missing_backup_file_is_refused_before_the_folder_is_opened(tmp_path) -> None:
    folder = tmp_path / "never-opened"
    with pytest.raises(ServiceError) as caught:
        backups.restore_folder(folder, tmp_path / "none.sqlite3", FakeClock(START))
    assert caught.value.code == "no_file" and "找不到备份文件" in caught.value.message_zh
    assert not folder.exists()
