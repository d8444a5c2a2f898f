"""The data folder: opening the database in it, and moving the data to another folder.

The window and the command line open a folder the same way; the settings dialog
checks a new folder, then copies the current data into it. Only ``ServiceError``
and ``StorageError`` leave this module.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from db import backup
from db import errors as db_errors
from db.connection import Storage, open_storage
from desktop_app import paths
from desktop_app.clock import Clock
from desktop_app.services import departments, errors
from desktop_app.services.errors import ServiceError


def open_data(folder: Path, clock: Clock) -> Storage:
    """The database of ``folder`` (created if there is none), checked and migrated."""
    storage = open_storage(
        paths.database_path(folder), clock=clock, backups_dir=paths.backups_path(folder)
    )
    try:
        departments.refresh_groups_if_stale(storage)
    except BaseException:
        storage.close()
        raise
    return storage


def has_data(folder: Path) -> bool:
    """Whether ``folder`` already holds a database, which a move would use as it is."""
    return paths.database_path(folder).exists()


def check_usable(folder: Path) -> None:
    """Create ``folder`` if need be and make sure a file can be written in it.

    Raises ``ServiceError`` (``folder_unusable``) before anything is saved elsewhere.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise _unusable(folder, exc) from exc


def _unusable(folder: Path, exc: OSError) -> ServiceError:
    return ServiceError("folder_unusable", errors.FOLDER_UNUSABLE, folder, exc.strerror or exc)


def copy_data(storage: Storage, folder: Path) -> Path | None:
    """Copy the current data into ``folder`` (made if need be), unless it holds a database.

    The copy is SQLite's own, through the open connection: it holds what was
    committed, including what is still only in the write-ahead log, and it is
    written under a temporary name first, so a failure leaves no half database
    behind and the current one untouched. Returns the new file, or None when the
    folder had data (left as it is).
    """
    target = paths.database_path(folder)
    if target.exists():
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (db_errors.translate(exc, folder) or _unusable(folder, exc)) from exc
    try:
        with storage.translated():
            backup.copy_database(storage.raw(), target)
    except OSError as exc:  # one that StorageError has no words for
        raise ServiceError("copy_failed", errors.COPY_FAILED, target, exc.strerror or exc) from exc
    return target
