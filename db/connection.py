"""Opening the one SQLite file: pragmas, integrity check, migrations, backups, write transactions.

``open_storage`` binds ``db.models.DB`` once at start-up; everything else uses
the proxy. Low-level SQLite errors that a user can cause leave this module as
``StorageError`` with a message in Chinese and English.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

import peewee

from db import backup, errors, migrations
from db.models import DB
from desktop_app.clock import Clock

BUSY_TIMEOUT_S = 5.0
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Storage:
    """The open database and where its backups go."""

    path: Path
    backups_dir: Path
    database: peewee.SqliteDatabase
    clock: Clock

    def raw(self) -> sqlite3.Connection:
        """The underlying sqlite3 connection (for backups and FTS statements)."""
        return cast(sqlite3.Connection, self.database.connection())

    def backup(self, reason: str, *, keep: Path | None = None) -> Path:
        """A rotated online backup of the database as last committed (``keep`` is never rotated).

        It reads through a connection of its own, so it works inside this connection's
        write transaction (SQLite refuses to back up from a connection that is writing).
        """
        with contextlib.closing(
            sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
        ) as source:
            return backup.take_backup(source, self.backups_dir, self.clock(), reason, keep=keep)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction that takes the lock at once; errors become ``StorageError``.

        After the outermost one commits, the write-ahead log is copied into the database
        file (a passive checkpoint, which waits for nobody): ``tasks.sqlite3`` alone is
        the current data, whoever copies it while the window runs.
        """
        with self.translated(), self.database.atomic(lock_type="IMMEDIATE"):
            yield
        if not self.database.in_transaction():
            self.checkpoint("PASSIVE")

    def checkpoint(self, mode: str = "PASSIVE") -> None:
        """Copy the write-ahead log into the database file (``TRUNCATE``: and empty it)."""
        if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
            raise ValueError(f"unknown checkpoint mode {mode!r}")
        # busy or read-only: the next write or the close tries again
        with contextlib.suppress(sqlite3.Error):
            self.raw().execute(f"PRAGMA wal_checkpoint({mode})").fetchall()

    @contextlib.contextmanager
    def translated(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, peewee.PeeweeException, OSError) as exc:
            error = _translate_chain(exc, self.path)
            if error is None:
                raise
            raise error from exc

    def close(self) -> None:
        if not self.database.is_closed():
            self.checkpoint("TRUNCATE")  # on quit the log is emptied into the file
            self.database.close()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *_exc: object) -> None:
        """``with open_storage(…) as storage:`` closes it however the block ends."""
        self.close()


def _translate_chain(exc: BaseException, path: Path) -> errors.StorageError | None:
    """The user-facing error for ``exc`` or for the error it was raised while handling.

    On SQLITE_FULL (and some I/O errors) SQLite rolls the transaction back itself, so
    peewee's own ROLLBACK then fails with "no transaction is active": the error the user
    must hear about is the one before it.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        error = errors.translate(current, path)
        if error is not None:
            return error
        current = current.__context__
    return None


def _check_existing(path: Path, backups_dir: Path) -> None:
    """Refuse a damaged file before anything writes to it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise (errors.translate(exc, path) or exc) from exc
    if header and header != _SQLITE_HEADER:
        raise errors.CorruptDatabaseError(path, backup.latest_backup(backups_dir))
    if not header:
        return  # an empty file: a database never written to
    problem = backup.check_file(path)
    if problem is not None:
        if "locked" in problem or "busy" in problem:
            raise errors.locked()
        if "unable to open" in problem or "readonly" in problem or "read-only" in problem:
            raise errors.read_only(path)
        raise errors.CorruptDatabaseError(path, backup.latest_backup(backups_dir))


def open_storage(
    path: Path,
    *,
    clock: Clock,
    backups_dir: Path | None = None,
    busy_timeout: float = BUSY_TIMEOUT_S,
    migrate_to: int = migrations.LATEST_VERSION,
) -> Storage:
    """Open (or create) the database at ``path``, check it, and bring its schema up to date."""
    backups_dir = backups_dir or path.parent / "backups"
    try:
        if path.parent.exists() and not path.parent.is_dir():
            raise errors.not_a_folder(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise errors.database_is_folder(path)
        exists = path.exists()
    except OSError as exc:  # a name too long, a link in a loop…
        raise (errors.translate(exc, path.parent) or exc) from exc
    if exists:
        _check_existing(path, backups_dir)
        version = backup.schema_version_of(path)
        # Both before any pragma could change the file:
        if version is not None and version > migrations.LATEST_VERSION:
            raise errors.newer_schema(version)
        if version == 0 and backup.is_foreign(path):
            raise errors.not_ours(path)  # tables, but none of our versions
    database = peewee.SqliteDatabase(
        str(path),
        pragmas={"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full"},
        timeout=busy_timeout,
    )
    storage = Storage(path, backups_dir, database, clock)
    with storage.translated():
        database.connect()
        DB.initialize(database)
        _migrate(storage, migrate_to)
    return storage


def _migrate(storage: Storage, target: int) -> None:
    conn = storage.raw()
    version = migrations.schema_version(conn)
    if version > migrations.LATEST_VERSION:
        storage.close()
        raise errors.newer_schema(version)
    for step in migrations.pending(conn, target):
        if version > 0:  # a database with data in it; a new file has nothing to lose
            storage.backup(f"before-v{step}")
        migrations.apply(conn, step)


def _check_backup(source: Path) -> None:
    """Refuse a backup that is damaged, not a database, or from a newer program."""
    problem = backup.check_file(source)
    if problem is not None:
        raise errors.bad_backup(source, problem)
    version = backup.schema_version_of(source)
    if version is not None and version > migrations.LATEST_VERSION:
        raise errors.newer_schema(version)
    if not version or not backup.has_tables(source, ("plan", "task")):
        # An empty file or another program's database passes SQLite's own check;
        # restoring it would replace every task with nothing.
        raise errors.not_our_backup(source)


def restore_backup(storage: Storage, source: Path) -> Path:
    """Replace the database with ``source``; the current one is backed up first.

    Returns the backup of the replaced database. The restored copy is migrated
    to the current schema if it is older.
    """
    _check_backup(source)
    with storage.translated():
        saved = storage.backup("before-restore", keep=source)
        with sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True) as src:
            src.backup(storage.raw())
        src.close()
        _migrate(storage, migrations.LATEST_VERSION)
    return saved


def replace_corrupt(path: Path, source: Path, backups_dir: Path, now: datetime) -> Path:
    """Put ``source`` in place of a damaged database file, keeping the damaged one aside."""
    _check_backup(source)
    backups_dir.mkdir(parents=True, exist_ok=True)
    kept = backups_dir / f"damaged-{now.strftime('%Y%m%d-%H%M%S')}-{path.name}"
    try:
        if path.exists():
            shutil.move(path, kept)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.move(side, kept.with_name(kept.name + suffix))
        with sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True) as src:
            backup.copy_database(src, path)
        src.close()
    except OSError as exc:
        raise (errors.translate(exc, path) or exc) from exc
    return kept
