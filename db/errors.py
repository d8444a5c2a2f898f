"""Storage failures a user can meet (locked, read-only, full, corrupt), in Chinese and English."""

from __future__ import annotations

import errno
from pathlib import Path

from desktop_app.errors import UserError


class StorageError(UserError):
    """A database problem with a message for people; ``code`` is for tests and logs."""


class CorruptDatabaseError(StorageError):
    """The database file fails its integrity check; ``latest_backup`` is the one to offer."""

    def __init__(self, path: Path, latest_backup: Path | None) -> None:
        if latest_backup is not None:
            hint_zh = f"最近的备份：{latest_backup}，可用 deadline-reminder restore 恢复"
            hint_en = f"latest backup: {latest_backup}; restore it with deadline-reminder restore"
        else:
            hint_zh, hint_en = "没有可用的备份", "no backup is available"
        super().__init__(
            "corrupt",
            f"数据库文件已损坏：{path}。{hint_zh}",
            f"The database file is damaged: {path}. {hint_en}",
        )
        self.path = path
        self.latest_backup = latest_backup


def locked() -> StorageError:
    return StorageError(
        "locked",
        "数据库正被另一个程序占用，请稍后再试，已保存的数据没有改动",
        "The database is in use by another program; try again later. Nothing stored was changed",
    )


def read_only(path: Path | str) -> StorageError:
    return StorageError(
        "read_only",
        f"数据库文件或其所在文件夹是只读的，无法保存：{path}。已保存的数据没有改动",
        f"The database file or its folder is read-only, nothing can be saved: {path}. "
        "Nothing stored was changed",
    )


def disk_full(path: Path | str) -> StorageError:
    return StorageError(
        "disk_full",
        f"磁盘空间不足，无法保存：{path}。已保存的数据没有改动，请清理磁盘后重试",
        f"The disk is full, nothing can be saved: {path}. Nothing stored was changed; "
        "free some space and try again",
    )


def not_a_folder(path: Path | str) -> StorageError:
    return StorageError(
        "not_a_folder",
        f"数据文件夹的位置是一个文件，不是文件夹：{path}",
        f"The data folder is a file, not a folder: {path}",
    )


def name_too_long(path: Path | str) -> StorageError:
    return StorageError(
        "name_too_long",
        f"数据文件夹的路径或名称过长，系统无法使用：{path}",
        f"The data folder's path or name is too long for the system: {path}",
    )


def broken_link(path: Path | str) -> StorageError:
    return StorageError(
        "broken_link",
        f"数据文件夹是一个失效或循环的链接（快捷方式）：{path}",
        f"The data folder is a broken or looping link: {path}",
    )


def database_is_folder(path: Path | str) -> StorageError:
    return StorageError(
        "database_is_folder",
        f"数据库文件的位置是一个文件夹：{path}。请移走它，或换一个数据文件夹",
        f"Where the database file should be there is a folder: {path}",
    )


def not_ours(path: Path | str) -> StorageError:
    return StorageError(
        "not_ours",
        f"这个数据库不是本程序的（可能属于别的程序）：{path}。请换一个数据文件夹，或移走该文件",
        f"This database belongs to another program: {path}; choose another data folder "
        "or move the file away",
    )


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
