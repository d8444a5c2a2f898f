"""A lock on a folder shared by processes: one backup at a time in the backups folder.

An advisory lock on a ``.lock`` file (``fcntl.flock`` on Linux and macOS, ``msvcrt.locking``
on Windows), released by the system when its holder exits, even by a crash: a stale lock
never blocks the next start.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from db import errors

LOCK_NAME = ".lock"
WAIT_SECONDS = 60.0  # a backup of a large database takes seconds; a minute means a hang
_POLL_SECONDS = 0.05


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def folder_locked(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold ``folder``'s lock inside the block; another process waits (up to ``wait``
    seconds, then ``StorageError`` "locked")."""
    path = folder / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise (errors.translate(exc, path) or exc) from exc
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise errors.locked()
            time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
