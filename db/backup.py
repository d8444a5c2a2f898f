"""Online backups of the database file: taken, rotated, listed and restored.

A backup is SQLite's own page-by-page copy (``sqlite3.Connection.backup``), so it
is consistent even while the program holds the database open, and it is
written to a temporary name first: a crash never leaves a half backup behind
under a real name.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db import errors
from db.folder_lock import folder_locked

KEEP_BACKUPS = 10
_SIDE_FILES = ("-journal", "-wal", "-shm")
# tasks-<sequence>-<clock time>-<reason>.sqlite3; backups of earlier versions have no
# sequence and count as older than every one that has.
_NAME_RE = re.compile(r"^tasks-(?:(\d{6})-)?(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup. ``taken_at`` is what the clock said then, which may have been wrong;
    ``sequence`` orders backups by when they were really made."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    sequence: int = 0

    def from_the_future(self, now: datetime) -> bool:
        """Its time is later than ``now``: the clock was ahead when it was made."""
        return self.taken_at > now


def backup_name(now: datetime, reason: str, sequence: int = 1) -> str:
    return f"tasks-{sequence:06d}-{now.strftime(_STAMP)}-{reason}.sqlite3"


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database into ``target`` atomically (temporary file, then rename)."""
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            # A copy of a WAL database would open in WAL mode and grow -wal/-shm files
            # beside it; a backup is one self-contained file.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.replace(partial, target)
    except BaseException as exc:
        for leftover in (partial, *(partial.with_name(partial.name + x) for x in _SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        error = errors.translate(exc, target)
        if error is not None:
            raise error from exc
        raise


def take_backup(
    source: sqlite3.Connection,
    backups_dir: Path,
    now: datetime,
    reason: str,
    *,
    keep: Path | None = None,
) -> Path:
    """Back up, then drop all but the newest ``KEEP_BACKUPS`` (never ``keep``); returns the new file."""
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (errors.translate(exc, backups_dir) or exc) from exc
    # One backup at a time across processes (a `backup` command beside the window's
    # before-import backup): each gets its own sequence number, and clearing leftovers
    # never deletes the copy another process is writing.
    with folder_locked(backups_dir):
        # A backup killed half-way leaves X.partial and, by the moment, its -journal,
        # -wal or -shm.
        for stale in backups_dir.glob("*.partial*"):
            stale.unlink(missing_ok=True)
        # Ordered by a sequence, never by the clock: ten backups made while the clock was
        # in 2099 must not outrank, and so rotate away, every real one made after them.
        sequence = max((b.sequence for b in list_backups(backups_dir)), default=0) + 1
        target = backups_dir / backup_name(now, reason, sequence)
        while target.exists():  # a file left by another program under the same name
            sequence += 1
            target = backups_dir / backup_name(now, reason, sequence)
        copy_database(source, target)
        # The new file always stays, even when the clock was set back and its name sorts
        # oldest; so does the one a restore is reading.
        rotate(backups_dir, protect=(target,) if keep is None else (target, keep))
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in ``backups_dir``, newest first."""
    found: list[BackupInfo] = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        m = _NAME_RE.match(path.name)
        if m is None:
            continue
        try:
            taken = datetime.strptime(m.group(2), _STAMP)
        except ValueError:  # the shape of our names, but no real time: not ours
            continue
        sequence = int(m.group(1) or 0)
        found.append(BackupInfo(path, taken, m.group(3), path.stat().st_size, sequence))
    # Sequenced backups by their sequence; those of earlier versions (0) by their time.
    found.sort(key=lambda b: (b.sequence, b.taken_at, b.path.name), reverse=True)
    return found


def rotate(backups_dir: Path, keep: int = KEEP_BACKUPS, protect: tuple[Path, ...] = ()) -> None:
    """Keep ``keep`` backups: the protected ones, then the newest of the others."""
    protected = {p.resolve() for p in protect}
    found = list_backups(backups_dir)
    others = [b for b in found if b.path.resolve() not in protected]
    excess = len(found) - keep
    for old in others[len(others) - excess :] if excess > 0 else []:
        old.path.unlink(missing_ok=True)


def latest_backup(backups_dir: Path) -> Path | None:
    """The newest backup that is itself a sound database, or None."""
    for info in list_backups(backups_dir):
        if check_file(info.path) is None:
            return info.path
    return None


def schema_version_of(path: Path) -> int | None:
    """The schema version recorded in a database file, read without changing it.

    A plain connection, closed at once, leaves no -wal/-shm files behind (a
    read-only one would); the read-only one is the fallback for a read-only folder.
    """
    for target, uri in ((str(path), False), (path.resolve().as_uri() + "?mode=ro", True)):
        try:
            conn = sqlite3.connect(target, uri=uri)
        except sqlite3.Error:
            continue
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error:
            continue
        finally:
            conn.close()
    return None


def has_tables(path: Path, names: tuple[str, ...]) -> bool:
    """Whether the database file holds all these tables (read without changing it)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        found = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return set(names) <= found


def is_foreign(path: Path) -> bool:
    """Whether the file holds tables but none of our schema versions (another program's
    database), read in one snapshot without changing it.

    One read transaction for both facts: a process creating the database at this moment
    commits its tables and its version together, so they are never seen apart (two
    separate reads once saw the tables of a first import and the version from before it).
    """
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN")
        tables = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone()
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("COMMIT")
        return tables is not None and version == 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def check_file(path: Path) -> str | None:
    """None when ``path`` is a sound SQLite database, else what is wrong with it."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        return None if result == "ok" else str(result)
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
