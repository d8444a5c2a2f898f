"""Moving the data to another folder: the copy holds the current data (the write-ahead log
included), a folder with data is used as it is, and a failure leaves everything as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from db import repository
from db.errors import StorageError
from desktop_app.services import data_folder, departments
from desktop_app.services.errors import ServiceError
from tests.storage_helpers import FakeClock, department_names, new_storage

NAMES = ("信息处", "办公室")


@pytest.fixture
def storage(tmp_path: Path):
    storage = new_storage(tmp_path / "data")
    with storage.write():
        for name in NAMES:
            departments.resolve_or_create(storage, name)
    yield storage
    storage.close()


_names = department_names


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_copy_holds_what_is_still_only_in_the_write_ahead_log(storage, tmp_path) -> None:
    # A reader that started before the write keeps the checkpoint from copying it into
    # tasks.sqlite3, as the reminder check or a command line run can: the new row lives
    # in tasks.sqlite3-wal alone.
    reader = sqlite3.connect(storage.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM department").fetchone()
    try:
        with storage.write():
            departments.resolve_or_create(storage, "新设处")
        main_file_alone = tmp_path / "main-file-alone" / "tasks.sqlite3"
        main_file_alone.parent.mkdir()
        shutil.copyfile(storage.path, main_file_alone)
        assert "新设处" not in _names(main_file_alone)

        target = data_folder.copy_data(storage, tmp_path / "elsewhere")
    finally:
        reader.rollback()
        reader.close()
    assert target == tmp_path / "elsewhere" / "tasks.sqlite3"
    assert _names(target) == {*NAMES, "新设处"}
    # one self-contained file, that opens as this program's data
    assert not target.with_name("tasks.sqlite3-wal").exists()
    with data_folder.open_data(target.parent, FakeClock(storage.clock())) as copy:
        assert {d.name for d in repository.departments()} == {*NAMES, "新设处"}
        assert copy.path == target


def test_a_folder_that_has_data_is_used_as_it_is(storage, tmp_path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "tasks.sqlite3").write_bytes(b"earlier data")
    assert data_folder.has_data(folder)
    assert data_folder.copy_data(storage, folder) is None
    assert (folder / "tasks.sqlite3").read_bytes() == b"earlier data"
    assert not data_folder.has_data(tmp_path / "new")


def test_a_failed_copy_leaves_the_data_untouched_and_no_half_copy(storage, tmp_path) -> None:
    before = _digest(storage.path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises((StorageError, ServiceError)) as caught:
        data_folder.copy_data(storage, blocker / "data")
    assert caught.value.message_zh and caught.value.message_en
    assert blocker.read_text() == "not a folder"
    assert _digest(storage.path) == before
    assert _names(storage.path) == set(NAMES)
    with storage.write():  # and the open database goes on working
        departments.resolve_or_create(storage, "公服处")


def test_a_folder_is_checked_before_anything_is_saved(tmp_path) -> None:
    fresh = tmp_path / "new" / "data"
    data_folder.check_usable(fresh)
    assert fresh.is_dir() and list(fresh.iterdir()) == []  # the trial file is gone

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ServiceError) as caught:
        data_folder.check_usable(blocker / "data")
    assert caught.value.code == "folder_unusable"
    assert caught.value.message_zh.startswith(f"无法使用该文件夹：{blocker / 'data'}（")
    assert caught.value.message_en.startswith("Cannot use this folder:")
    assert blocker.read_text() == "not a folder"


def test_opening_a_folder_makes_it_and_its_database(tmp_path) -> None:
    folder = tmp_path / "first" / "start"
    with data_folder.open_data(folder, FakeClock(datetime(2024, 3, 1, 9, 0))) as s:
        assert s.path == folder / "tasks.sqlite3"
        assert s.backups_dir == folder / "backups"
    assert data_folder.has_data(folder)
