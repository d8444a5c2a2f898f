"""Storage failures a user can meet: each one is a clear StorageError and loses nothing stored.

Every test starts from a database holding plan 000 (33 tasks), a status change
and two progress notes, and checks afterwards that the file is still sound and
holds exactly those rows (``database_state`` compares every row of every table).

Read-only and full disks are simulated on the storage's own connection
(``PRAGMA query_only``, SQLite's ``mode=ro``, ``PRAGMA max_page_count``) and,
where the machine allows it, made real: a small tmpfs (mounted as root, else
skipped), a tmpfs remounted read-only, and a file the user may not write (as
a non-root user, or as root inside ``unshare --user``, where root's privileges
over files do not apply).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import peewee
import pytest

from db import backup as backups
from db import journal, repository
from db.connection import Storage, open_storage, restore_backup
from db.errors import CorruptDatabaseError, StorageError
from db.folder_lock import LOCK_NAME
from db.models import DB, Task
from desktop_app.services import tasks
from desktop_app.services.importer import import_file

from .conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from .helpers import HELPER_SCRIPT, census, database_state, integrity_problems

OLD_PLAN = FIXTURES / f"{PLAN_2024_CITY}.txt"  # 33 tasks
NEW_PLAN = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"  # 89 tasks
CLOCK = datetime(2024, 3, 1, 9, 0)
SHORT_BUSY = 0.2  # seconds; the program's default is 5

# What the user reads (Chinese first): a word each message must contain.
MESSAGE_WORD = {
    "read_only": "只读",
    "locked": "占用",
    "disk_full": "磁盘空间不足",
    "corrupt": "已损坏",
    "newer_schema": "更新版本",
}


@dataclass
class OldData:
    data_dir: Path
    task_id: int
    state: dict[str, object]

    @property
    def database(self) -> Path:
        return self.data_dir / "tasks.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def open(self, clock: Callable[[], datetime] = lambda: CLOCK, **options: float) -> Storage:
        return open_storage(self.database, clock=clock, backups_dir=self.backups_dir, **options)

    def assert_unchanged(self) -> None:
        """The file is sound and holds exactly what it held before the failure."""
        assert integrity_problems(self.database) == []
        counts = census(self.database)
        assert (counts["plan"], counts["task"], counts["progress_note"]) == (1, 33, 2)
        assert database_state(self.database) == self.state


@pytest.fixture
def old_data(tmp_path: Path) -> OldData:
    data_dir = tmp_path / "data"
    storage = open_storage(
        data_dir / "tasks.sqlite3", clock=lambda: CLOCK, backups_dir=data_dir / "backups"
    )
    try:
        assert import_file(storage, OLD_PLAN).outcome == "created"
        task_id = Task.select(Task.id).order_by(Task.id).first().id
        tasks.set_status(storage, task_id, "in_progress", note="已召开专题会部署")
        tasks.add_note(storage, task_id, "已完成初稿")
    finally:
        storage.close()
    old = OldData(data_dir, task_id, {})
    old.state = database_state(old.database)
    return old


def _ticking() -> Callable[[], datetime]:
    """A clock a minute later at each call: backups get names of their own."""
    now = [CLOCK]

    def clock() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    return clock


def _assert_clear(error: StorageError, code: str) -> None:
    assert error.code == code, error.one_line()
    assert MESSAGE_WORD[code] in error.message_zh
    line = error.one_line()
    assert "\n" not in line
    assert line.startswith(error.message_zh) and error.message_en in line


def _assert_one_line_error(result: subprocess.CompletedProcess[str], code: str | None) -> str:
    """Exit 3, nothing on stdout, one line in Chinese and English on stderr, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert any(ch.isascii() and ch.isalpha() for ch in lines[0])
    if code is not None:
        assert MESSAGE_WORD[code] in lines[0], lines[0]
    return lines[0]


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        env={**os.environ, "PYTHONUTF8": "1"},
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_actions(old: OldData) -> dict[str, Callable[[Storage], object]]:
    return {
        "import": lambda s: import_file(s, NEW_PLAN),
        "status": lambda s: tasks.set_status(s, old.task_id, "done"),
        "note": lambda s: tasks.add_note(s, old.task_id, "已报送分管领导"),
    }


# -- read-only ----------------------------------------------------------------------------


def _query_only(old: OldData) -> Storage:
    storage = old.open()
    storage.database.execute_sql("PRAGMA query_only = 1")
    return storage


def _mode_ro(old: OldData) -> Storage:
    """The program's Storage over a connection SQLite opened read-only (``mode=ro``)."""
    database = peewee.SqliteDatabase(
        old.database.resolve().as_uri() + "?mode=ro",
        uri=True,
        pragmas={"foreign_keys": 1},
        timeout=SHORT_BUSY,
    )
    storage = Storage(old.database, old.backups_dir, database, lambda: CLOCK)
    database.connect()
    DB.initialize(database)
    return storage


@pytest.mark.parametrize("opened", [_query_only, _mode_ro], ids=["query_only", "mode_ro"])
@pytest.mark.parametrize("action", ["import", "status", "note"])
def test_a_read_only_database_refuses_writes_and_keeps_its_data(
    old_data: OldData, opened: Callable[[OldData], Storage], action: str
) -> None:
    storage = opened(old_data)
    try:
        with pytest.raises(StorageError) as info:
            _write_actions(old_data)[action](storage)
        _assert_clear(info.value, "read_only")
        # Still readable through the same storage: nothing half-written shows.
        assert [p.tasks for p in repository.plans()] == [33]
        assert repository.task(old_data.task_id).status == "in_progress"
    finally:
        storage.close()
    old_data.assert_unchanged()


def _unprivileged_prefix() -> list[str]:
    """How to run a child that the file permissions bind (root ignores them)."""
    if sys.platform == "win32":
        pytest.skip("POSIX file permissions")
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root and unshare is missing: chmod would not stop root")
    probe = subprocess.run(
        [unshare, "--user", sys.executable, "-c", "open('/proc/self/status')"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("running as root and user namespaces are not available")
    return [unshare, "--user"]


@pytest.mark.parametrize(
    "read_only",
    [
        "file",
        pytest.param("file_and_folder"),
    ],
)
def test_a_read_only_file_for_a_user_who_may_not_write_it(
    old_data: OldData, read_only: str
) -> None:
    prefix = _unprivileged_prefix()
    modes = {p: p.stat().st_mode for p in (old_data.data_dir, old_data.database)}
    os.chmod(old_data.database, 0o444)
    if read_only == "file_and_folder":
        os.chmod(old_data.data_dir, 0o555)
    try:
        result = subprocess.run(
            [
                *prefix,
                sys.executable,
                str(HELPER_SCRIPT),
                "try-writes",
                str(old_data.data_dir),
                str(NEW_PLAN),
                CLOCK.isoformat(),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
    finally:
        for path, mode in modes.items():
            os.chmod(path, mode)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["uid"] != 0
    if read_only == "file_and_folder":
        assert report["open"] is not None, "a read-only folder must be reported"
        assert report["open"]["code"] == "read_only", report["open"]["message"]
    else:
        assert report["open"] is None, report["open"]
        for name in ("import", "status"):
            assert report[name] is not None, f"{name} went through on a read-only file"
            assert report[name]["code"] == "read_only", report[name]["message"]
            assert MESSAGE_WORD["read_only"] in report[name]["message"]
        assert (report["plans"], report["tasks"]) == (1, 33)
    old_data.assert_unchanged()


@contextlib.contextmanager
def _tmpfs(where: Path, size_kib: int) -> Iterator[Path]:
    """A small real file system, mounted as root; the test is skipped where that is refused."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root on Linux")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        gc.collect()  # a connection left open in a reference cycle keeps the mount busy
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextlib.contextmanager
def _on_read_only_disk(old: OldData, tmp_path: Path) -> Iterator[Path]:
    with _tmpfs(tmp_path / "ro-disk", 2048) as disk:
        shutil.copyfile(old.database, disk / "tasks.sqlite3")
        remount = subprocess.run(
            ["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True, check=False
        )
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        yield disk


def test_a_database_on_a_read_only_disk_is_refused_and_left_as_it_is(
    old_data: OldData, tmp_path: Path
) -> None:
    with _on_read_only_disk(old_data, tmp_path) as disk:
        database = disk / "tasks.sqlite3"
        before = _sha256(database)
        with pytest.raises(StorageError):
            open_storage(database, clock=lambda: CLOCK, backups_dir=tmp_path / "b")
        _assert_one_line_error(_cli("tasks", "--data-dir", str(disk)), None)
        assert _sha256(database) == before
        assert sorted(p.name for p in disk.iterdir()) == ["tasks.sqlite3"]


def test_a_database_on_a_read_only_disk_is_called_read_only_not_damaged(
    old_data: OldData, tmp_path: Path
) -> None:
    with _on_read_only_disk(old_data, tmp_path) as disk:
        with pytest.raises(StorageError) as info:
            open_storage(disk / "tasks.sqlite3", clock=lambda: CLOCK, backups_dir=tmp_path / "b")
        line = _assert_one_line_error(_cli("tasks", "--data-dir", str(disk)), None)
    assert MESSAGE_WORD["corrupt"] not in line
    _assert_clear(info.value, "read_only")


# -- locked by another process ------------------------------------------------------------


@contextlib.contextmanager
def _locked(database: Path, mode: str = "IMMEDIATE") -> Iterator[None]:
    """Another process holds the write lock until the block ends (60 s at most)."""
    holder = subprocess.Popen(
        [sys.executable, str(HELPER_SCRIPT), "hold-lock", str(database), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    watchdog = threading.Timer(60, holder.kill)
    watchdog.daemon = True
    watchdog.start()
    try:
        assert holder.stdout is not None and holder.stdin is not None
        line = holder.stdout.readline()
        assert line == "locked\n", f"the lock holder said {line!r}"
        yield
        holder.stdin.write("release\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "released\n"
        _, err = holder.communicate(timeout=30)
        assert holder.returncode == 0, err
    finally:
        watchdog.cancel()
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=30)


@pytest.mark.parametrize("mode", ["IMMEDIATE", "EXCLUSIVE"])
def test_an_import_while_another_process_holds_the_lock_waits_fails_then_works(
    old_data: OldData, mode: str
) -> None:
    storage = old_data.open(busy_timeout=SHORT_BUSY)
    try:
        with _locked(old_data.database, mode):
            for action in _write_actions(old_data).values():
                with pytest.raises(StorageError) as info:
                    action(storage)
                _assert_clear(info.value, "locked")
            assert database_state(old_data.database) == old_data.state
        old_data.assert_unchanged()
        result = import_file(storage, NEW_PLAN)
        assert result.outcome == "created"
        assert len(result.diffs) == 89
    finally:
        storage.close()
    counts = census(old_data.database)
    assert (counts["plan"], counts["task"], counts["progress_note"]) == (2, 122, 2)
    assert integrity_problems(old_data.database) == []


def test_the_command_line_import_while_locked_exits_3_with_one_line(old_data: OldData) -> None:
    """The command line waits its default 5 s for the lock, then says so in one line."""
    args = ("import", str(NEW_PLAN), "--data-dir", str(old_data.data_dir))
    with _locked(old_data.database):
        result = _cli(*args)
    _assert_one_line_error(result, "locked")
    old_data.assert_unchanged()
    again = _cli(*args)
    assert again.returncode == 0, again.stderr
    assert census(old_data.database)["task"] == 122


def test_imports_refused_by_the_lock_keep_the_older_backups(old_data: OldData) -> None:
    storage = old_data.open(clock=_ticking(), busy_timeout=0.05)
    try:
        kept = storage.backup("manual")
        before = [b.path for b in backups.list_backups(old_data.backups_dir)]
        with _locked(old_data.database):
            for _ in range(backups.KEEP_BACKUPS):
                with pytest.raises(StorageError) as info:
                    import_file(storage, NEW_PLAN)
                assert info.value.code == "locked"
    finally:
        storage.close()
    old_data.assert_unchanged()
    assert kept.exists(), "the manual backup was rotated away by refused imports"
    assert [b.path for b in backups.list_backups(old_data.backups_dir)] == before


# -- full disk ----------------------------------------------------------------------------


def _fill(storage: Storage) -> int:
    """Let the database grow by two pages at most: a full disk for everything it writes."""
    pages = storage.database.execute_sql("PRAGMA page_count").fetchone()[0]
    storage.database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    return pages


def _full_disk_actions(old: OldData) -> dict[str, Callable[[Storage], object]]:
    long_note = "本季度推进情况：" + "按计划完成政务公开目录梳理。" * 2000
    return {
        "import": lambda s: import_file(s, NEW_PLAN),
        "status_with_note": lambda s: tasks.set_status(s, old.task_id, "done", note=long_note),
    }


@pytest.mark.parametrize("action", ["import", "status_with_note"])
def test_a_full_disk_loses_nothing_and_the_write_works_once_there_is_room(
    old_data: OldData, action: str
) -> None:
    storage = old_data.open()
    try:
        _fill(storage)
        write = _full_disk_actions(old_data)[action]
        # Which error it is, is the next test's business (it is not a StorageError yet).
        with pytest.raises((StorageError, peewee.PeeweeException)):
            write(storage)
        old_data.assert_unchanged()
        assert [p.tasks for p in repository.plans()] == [33]
        storage.database.execute_sql("PRAGMA max_page_count = 1073741823")
        write(storage)
    finally:
        storage.close()
    counts = census(old_data.database)
    if action == "import":
        assert (counts["plan"], counts["task"], counts["task_search"]) == (2, 122, 122)
    else:
        assert counts["progress_note"] == 3
    assert integrity_problems(old_data.database) == []


@pytest.mark.parametrize("action", ["import", "status_with_note"])
def test_a_full_disk_is_reported_as_disk_full(old_data: OldData, action: str) -> None:
    storage = old_data.open()
    try:
        _fill(storage)
        with pytest.raises(StorageError) as info:
            _full_disk_actions(old_data)[action](storage)
    finally:
        storage.close()
    old_data.assert_unchanged()
    _assert_clear(info.value, "disk_full")


def test_a_real_disk_too_full_for_the_pre_import_backup(old_data: OldData, tmp_path: Path) -> None:
    """Room for the database but not for its backup: disk_full, nothing changed, no debris."""
    size_kib = old_data.database.stat().st_size // 1024 + 32 + 40  # file, its -shm, a little
    with _tmpfs(tmp_path / "small-disk", size_kib) as disk:
        shutil.copyfile(old_data.database, disk / "tasks.sqlite3")
        storage = open_storage(disk / "tasks.sqlite3", clock=lambda: CLOCK)
        try:
            with pytest.raises(StorageError) as info:
                import_file(storage, NEW_PLAN)
            _assert_clear(info.value, "disk_full")
            assert [p.tasks for p in repository.plans()] == [33]
        finally:
            storage.close()
        assert backups.list_backups(disk / "backups") == []
        # no debris: only the (empty) lock file that makes backups take turns
        assert [p.name for p in (disk / "backups").iterdir()] == [LOCK_NAME]
        assert (disk / "backups" / LOCK_NAME).stat().st_size == 0
        assert integrity_problems(disk / "tasks.sqlite3") == []
        assert database_state(disk / "tasks.sqlite3") == old_data.state


def test_a_failed_backup_lets_go_of_its_file(old_data: OldData, tmp_path: Path) -> None:
    size_kib = old_data.database.stat().st_size // 1024 + 32 + 40
    with _tmpfs(tmp_path / "small-disk", size_kib) as disk:
        shutil.copyfile(old_data.database, disk / "tasks.sqlite3")
        storage = open_storage(disk / "tasks.sqlite3", clock=lambda: CLOCK)
        gc.disable()  # what is still open must not depend on when the collector runs
        try:
            with pytest.raises(StorageError):
                import_file(storage, NEW_PLAN)
            held = []
            for fd in os.listdir("/proc/self/fd"):
                with contextlib.suppress(OSError):
                    held.append(os.readlink(f"/proc/self/fd/{fd}"))
        finally:
            gc.enable()
            storage.close()
    assert [h for h in held if ".partial" in h] == []


def test_the_command_line_import_on_a_real_full_disk_exits_3_with_one_line(
    old_data: OldData, tmp_path: Path
) -> None:
    """Room for the database and its backup, not for the new plan."""
    size_kib = 2 * (old_data.database.stat().st_size // 1024) + 32 + 64
    with _tmpfs(tmp_path / "small-disk", size_kib) as disk:
        shutil.copyfile(old_data.database, disk / "tasks.sqlite3")
        result = _cli("import", str(NEW_PLAN), "--data-dir", str(disk))
        assert integrity_problems(disk / "tasks.sqlite3") == []
        assert database_state(disk / "tasks.sqlite3") == old_data.state
    _assert_one_line_error(result, "disk_full")


# -- corrupt database at start-up ---------------------------------------------------------


def _garbage_in_the_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(bytes(range(256)) * 64)  # 16 KiB over four pages


def _not_a_database(path: Path) -> None:
    path.write_text("这不是数据库，是一份会议纪要。\n" * 200, encoding="utf-8")


def _cut_in_half(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


@pytest.mark.parametrize(
    "damage",
    [_garbage_in_the_middle, _not_a_database, _cut_in_half],
    ids=["garbage_in_the_middle", "not_a_database", "cut_in_half"],
)
def test_a_damaged_database_points_to_its_backup_and_restore_brings_the_data_back(
    old_data: OldData, damage: Callable[[Path], None]
) -> None:
    storage = old_data.open()
    try:
        backup_file = storage.backup("manual")
    finally:
        storage.close()
    damage(old_data.database)
    damaged = old_data.database.read_bytes()

    with pytest.raises(CorruptDatabaseError) as info:
        old_data.open()
    _assert_clear(info.value, "corrupt")
    assert info.value.latest_backup == backup_file
    assert str(backup_file) in info.value.message_zh
    assert old_data.database.read_bytes() == damaged  # refusing it changed nothing

    data_dir = str(old_data.data_dir)
    line = _assert_one_line_error(_cli("plans", "--data-dir", data_dir), "corrupt")
    assert str(backup_file) in line

    restored = _cli("restore", str(backup_file), "--data-dir", data_dir)
    assert restored.returncode == 0, restored.stderr
    kept = Path(restored.stdout.strip().rsplit("：", 1)[1])
    assert kept.read_bytes() == damaged, "the damaged file was not kept aside as it was"
    assert kept.parent == old_data.backups_dir

    listed = _cli("tasks", "--data-dir", data_dir)
    assert listed.returncode == 0, listed.stderr
    assert "共 33 项" in listed.stdout
    assert "进行中" in listed.stdout  # the status recorded before the backup
    old_data.assert_unchanged()


# -- restore when the database is fine ----------------------------------------------------


def test_restoring_a_backup_replaces_later_data_and_backs_up_what_it_replaces(
    old_data: OldData,
) -> None:
    storage = old_data.open(clock=_ticking())
    try:
        backup_file = storage.backup("manual")
        import_file(storage, NEW_PLAN)
        tasks.add_note(storage, old_data.task_id, "备份之后写的进展")
        later = database_state(old_data.database)
        assert census(old_data.database)["task"] == 122

        saved = restore_backup(storage, backup_file)

        assert [p.tasks for p in repository.plans()] == [33]
        assert len(journal.notes(old_data.task_id)) == 2
    finally:
        storage.close()
    old_data.assert_unchanged()
    assert saved != backup_file
    assert saved in [b.path for b in backups.list_backups(old_data.backups_dir)]
    assert backups.check_file(saved) is None
    assert database_state(saved) == later, "the pre-restore backup is not the replaced data"
    assert database_state(backup_file) == old_data.state


def test_restoring_the_oldest_backup_works_and_keeps_it(old_data: OldData) -> None:
    storage = old_data.open(clock=_ticking())
    try:
        oldest = storage.backup("manual")
        import_file(storage, NEW_PLAN)  # takes a before-import backup
        while len(backups.list_backups(old_data.backups_dir)) < backups.KEEP_BACKUPS:
            storage.backup("manual")
        assert backups.list_backups(old_data.backups_dir)[-1].path == oldest
        saved = None
        with contextlib.suppress(StorageError):
            saved = restore_backup(storage, oldest)
    finally:
        storage.close()
    assert oldest.exists(), "the backup chosen for the restore was deleted"
    assert saved is not None, "the restore failed"
    old_data.assert_unchanged()


# -- a database from a newer version ------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(
    old_data: OldData,
) -> None:
    conn = sqlite3.connect(old_data.database)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = _sha256(old_data.database)
    files = sorted(p.name for p in old_data.data_dir.rglob("*"))

    with pytest.raises(StorageError) as info:
        old_data.open()
    _assert_clear(info.value, "newer_schema")
    assert "99" in info.value.message_zh
    _assert_one_line_error(_cli("plans", "--data-dir", str(old_data.data_dir)), "newer_schema")

    assert _sha256(old_data.database) == before
    assert sorted(p.name for p in old_data.data_dir.rglob("*")) == files
    assert integrity_problems(old_data.database) == []
