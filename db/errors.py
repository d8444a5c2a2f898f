"""Storage failures a user can meet (locked, read-only, full, corrupt): the storage layer's
words (its part of the error catalogue) and the errors that say them."""

from __future__ import annotations

import errno
from pathlib import Path

from desktop_app.errors import UserError, Words


class StorageError(UserError):
    """A database problem with a message for people; ``code`` is for tests and logs."""


# -- the words ------------------------------------------------------------------------------

CORRUPT = Words(
    "数据库文件已损坏：{0}。最近的备份：{1}，可用 deadline-reminder restore 恢复",
    "The database file is damaged: {0}. latest backup: {1}; "
    "restore it with deadline-reminder restore",
)
CORRUPT_NO_BACKUP = Words(
    "数据库文件已损坏：{0}。没有可用的备份",
    "The database file is damaged: {0}. no backup is available",
)
LOCKED = Words(
    "数据库正被另一个程序占用，请稍后再试，已保存的数据没有改动",
    "The database is in use by another program; try again later. Nothing stored was changed",
)
READ_ONLY = Words(
    "数据库文件或其所在文件夹是只读的，无法保存：{0}。已保存的数据没有改动",
    "The database file or its folder is read-only, nothing can be saved: {0}. "
    "Nothing stored was changed",
)
DISK_FULL = Words(
    "磁盘空间不足，无法保存：{0}。已保存的数据没有改动，请清理磁盘后重试",
    "The disk is full, nothing can be saved: {0}. Nothing stored was changed; "
    "free some space and try again",
)
NOT_A_FOLDER = Words(
    "数据文件夹的位置是一个文件，不是文件夹：{0}", "The data folder is a file, not a folder: {0}"
)
NAME_TOO_LONG = Words(
    "数据文件夹的路径或名称过长，系统无法使用：{0}",
    "The data folder's path or name is too long for the system: {0}",
)
BROKEN_LINK = Words(
    "数据文件夹是一个失效或循环的链接（快捷方式）：{0}",
    "The data folder is a broken or looping link: {0}",
)
DATABASE_IS_FOLDER = Words(
    "数据库文件的位置是一个文件夹：{0}。请移走它，或换一个数据文件夹",
    "Where the database file should be there is a folder: {0}; move it away or choose "
    "another data folder",
)
NOT_OURS = Words(
    "这个数据库不是本程序的（可能属于别的程序）：{0}。请换一个数据文件夹，或移走该文件",
    "This database belongs to another program: {0}; choose another data folder "
    "or move the file away",
)
NEWER_SCHEMA = Words(
    "数据库由更新版本的程序创建（结构版本 {0}），请升级本程序后再打开",
    "The database was made by a newer version of this program (schema {0}); "
    "upgrade the program to open it",
)
BAD_BACKUP = Words("备份文件无法使用：{0}（{1}）", "The backup file cannot be used: {0} ({1})")
NOT_OUR_BACKUP = Words("这不是本程序的备份文件：{0}", "This is not a backup of this program: {0}")


# -- the errors -----------------------------------------------------------------------------


class CorruptDatabaseError(StorageError):
    """The database file fails its integrity check; ``latest_backup`` is the one to offer."""

    def __init__(self, path: Path, latest_backup: Path | None) -> None:
        if latest_backup is None:
            super().__init__("corrupt", CORRUPT_NO_BACKUP, path)
        else:
            super().__init__("corrupt", CORRUPT, path, latest_backup)
        self.path = path
        self.latest_backup = latest_backup


def locked() -> StorageError:
    return StorageError("locked", LOCKED)


def read_only(path: Path | str) -> StorageError:
    return StorageError("read_only", READ_ONLY, path)


def disk_full(path: Path | str) -> StorageError:
    return StorageError("disk_full", DISK_FULL, path)


def not_a_folder(path: Path | str) -> StorageError:
    return StorageError("not_a_folder", NOT_A_FOLDER, path)


def name_too_long(path: Path | str) -> StorageError:
    return StorageError("name_too_long", NAME_TOO_LONG, path)


def broken_link(path: Path | str) -> StorageError:
    return StorageError("broken_link", BROKEN_LINK, path)


def database_is_folder(path: Path | str) -> StorageError:
    return StorageError("database_is_folder", DATABASE_IS_FOLDER, path)


def not_ours(path: Path | str) -> StorageError:
    return StorageError("not_ours", NOT_OURS, path)


def newer_schema(version: int) -> StorageError:
    return StorageError("newer_schema", NEWER_SCHEMA, version)


def bad_backup(path: Path | str, problem: str) -> StorageError:
    return StorageError("bad_backup", BAD_BACKUP, path, problem)


def not_our_backup(path: Path | str) -> StorageError:
    return StorageError("bad_backup", NOT_OUR_BACKUP, path)


def translate(exc: BaseException, path: Path | str) -> StorageError | None:
    """The user-facing error for a low-level SQLite or file error, or None if it is a bug."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return disk_full(path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return read_only(path)
        if exc.errno == errno.ENAMETOOLONG:
            return name_too_long(path)
        if exc.errno == errno.ELOOP or (
            exc.errno in (errno.ENOTDIR, errno.EEXIST) and _dangling_link(exc, path)
        ):
            return broken_link(exc.filename or path)
        if exc.errno == errno.EISDIR:
            return database_is_folder(exc.filename or path)
        if exc.errno in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder must be
            return not_a_folder(path)
        return None
    # Here, not at the top: the window imports this module before its first paint.
    import sqlite3

    import peewee

    if not isinstance(exc, sqlite3.Error | peewee.DatabaseError | peewee.OperationalError):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return locked()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return read_only(path)
    if "full" in text:
        return disk_full(path)
    if "not a database" in text or "malformed" in text:
        return CorruptDatabaseError(Path(path), None)
    return None


def _dangling_link(exc: OSError, path: Path | str) -> bool:
    """A link that leads nowhere (or round in a loop), where a folder was wanted."""
    import os

    target = exc.filename or path
    return os.path.islink(target) and not os.path.exists(target)
