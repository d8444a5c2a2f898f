"""Backups as the window and the command line use them: take one now, list them, restore one.

A restore always keeps a backup of the data it replaces; a backup that is not
one of ours, is damaged or comes from a newer program is refused before
anything changes. Only ``ServiceError`` and ``StorageError`` leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db import backup
from db.backup import BackupInfo
from db.connection import Storage, replace_corrupt, restore_backup
from db.errors import CorruptDatabaseError
from desktop_app import paths
from desktop_app.clock import Clock
from desktop_app.services import departments, errors
from desktop_app.services.data_folder import open_data
from desktop_app.services.errors import ServiceError

KEEP_BACKUPS = backup.KEEP_BACKUPS  # automatic backups kept; older ones are deleted
MANUAL = "manual"

__all__ = [
    "KEEP_BACKUPS",
    "MANUAL",
    "BackupInfo",
    "Restored",
    "back_up_now",
    "find_backup",
    "list_backups",
    "replace_damaged",
    "restore",
    "restore_folder",
]


@dataclass(frozen=True)
class Restored:
    """What a restore of a data folder did with the data it replaced.

    ``replaced_backup``: the backup of the data that was there (None when that
    database was damaged); ``damaged_kept``: where the damaged file was put aside.
    """

    source: Path
    replaced_backup: Path | None = None
    damaged_kept: Path | None = None


def back_up_now(storage: Storage) -> Path:
    """A backup of the data as last committed, asked for by the user; returns its file."""
    return storage.backup(MANUAL)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in ``backups_dir``, newest made first (by sequence, not by the clock)."""
    return backup.list_backups(backups_dir)


def find_backup(backups_dir: Path, path: Path) -> BackupInfo | None:
    """The backup at ``path`` if it is still one of ``backups_dir``'s, else None."""
    return next((info for info in list_backups(backups_dir) if info.path == path), None)


def _require_file(source: Path) -> None:
    if not source.is_file():
        raise ServiceError("no_file", errors.NO_BACKUP_FILE, source)


def restore(storage: Storage, source: Path) -> Path:
    """Replace the open database with ``source``, migrated if it is older.

    The current data is backed up first; returns that backup. Refused
    (``ServiceError`` no_file, ``StorageError`` bad_backup or newer_schema, or the
    backup of the current data failing) with the current data unchanged.
    """
    _require_file(source)
    kept = restore_backup(storage, source)
    departments.refresh_groups_if_stale(storage)
    return kept


def replace_damaged(folder: Path, source: Path, clock: Clock) -> Path:
    """Put ``source`` in place of ``folder``'s damaged database, which is kept aside.

    For a database that cannot be opened, so cannot be backed up; returns where the
    damaged file went. Open the folder afterwards to migrate the restored copy.
    """
    return replace_corrupt(paths.database_path(folder), source, paths.backups_path(folder), clock())


def restore_folder(folder: Path, source: Path, clock: Clock) -> Restored:
    """Restore ``folder``'s data from ``source``, whether its database opens or is damaged."""
    _require_file(source)
    try:
        storage = open_data(folder, clock)
    except CorruptDatabaseError:
        kept = replace_damaged(folder, source, clock)
        open_data(folder, clock).close()  # migrates the restored copy if it is older
        return Restored(source, damaged_kept=kept)
    try:
        return Restored(source, replaced_backup=restore(storage, source))
    finally:
        storage.close()
