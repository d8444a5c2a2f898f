"""Child-process entry points for the crash-safety and storage-failure tests.

Run as a script, never collected by pytest::

    python import_child.py crash-import DATA_DIR PLAN CLOCK [--trace] [--stop-at-backup]
    python import_child.py hold-lock DATABASE IMMEDIATE|EXCLUSIVE
    python import_child.py try-writes DATA_DIR PLAN CLOCK

``crash-import`` loads every module first and prints ``ready``; it starts to
import (open the storage, back up, write, close) only when a line arrives on
stdin, so the parent times its kill from that moment, not from interpreter
start-up. It prints ``done`` when the import is over. ``--trace`` adds the
time (from the go line, in seconds) at which the backup and the write
transaction start and end, as JSON on the ``done`` line. ``--stop-at-backup``
prints ``backup`` and stops itself with SIGSTOP just before the pre-import
backup, so the parent can resume it and kill it inside the backup. Neither
option changes what the program does, only when the child says so.

``hold-lock`` takes the write lock on the database, prints ``locked`` and
keeps it until a line (or end of file) arrives on stdin.

``try-writes`` opens the storage, tries an import and a status change, and
prints what happened as JSON (used under a user who may not write the file).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path


def crash_import(data_dir: Path, plan: Path, clock_iso: str, options: list[str]) -> int:
    from db import backup as backups
    from db import connection
    from db.connection import open_storage
    from desktop_app.services.importer import import_file

    now = datetime.fromisoformat(clock_iso)
    marks: dict[str, float] = {}
    start = 0.0

    def mark(name: str) -> None:
        marks[name] = time.perf_counter() - start

    if "--trace" in options or "--stop-at-backup" in options:
        real_copy = backups.copy_database

        def copy_database(source: sqlite3.Connection, target: Path) -> None:
            if "--stop-at-backup" in options:
                print("backup", flush=True)
                os.kill(os.getpid(), signal.SIGSTOP)
            mark("backup_start")
            real_copy(source, target)
            mark("backup_end")

        backups.copy_database = copy_database

    if "--trace" in options:
        real_write = connection.Storage.write

        @contextlib.contextmanager
        def write(self: connection.Storage) -> Iterator[None]:
            mark("write_start")
            with real_write(self):
                yield
                mark("commit_start")
            mark("write_end")

        connection.Storage.write = write  # type: ignore[method-assign]

    print("ready", flush=True)
    sys.stdin.readline()
    start = time.perf_counter()
    storage = open_storage(
        data_dir / "tasks.sqlite3", clock=lambda: now, backups_dir=data_dir / "backups"
    )
    try:
        result = import_file(storage, plan)
    finally:
        storage.close()
    mark("end")
    print("done", result.outcome, json.dumps(marks), flush=True)
    return 0


def hold_lock(database: Path, mode: str) -> int:
    conn = sqlite3.connect(database, isolation_level=None, timeout=10)
    conn.execute(f"BEGIN {mode}")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    print("released", flush=True)
    return 0


def try_writes(data_dir: Path, plan: Path, clock_iso: str) -> int:
    from db.connection import open_storage
    from db.errors import StorageError
    from db.models import Plan, Task
    from desktop_app.services import tasks
    from desktop_app.services.importer import import_file

    now = datetime.fromisoformat(clock_iso)
    report: dict[str, object] = {"uid": os.geteuid()}
    try:
        storage = open_storage(
            data_dir / "tasks.sqlite3", clock=lambda: now, backups_dir=data_dir / "backups"
        )
    except StorageError as exc:
        report["open"] = {"code": exc.code, "message": exc.one_line()}
        print(json.dumps(report, ensure_ascii=False), flush=True)
        return 0
    report["open"] = None
    try:
        for name, action in (
            ("import", lambda: import_file(storage, plan)),
            ("status", lambda: tasks.set_status(storage, Task.select().first().id, "done")),
        ):
            try:
                action()
                report[name] = None
            except StorageError as exc:
                report[name] = {"code": exc.code, "message": exc.one_line()}
        report["plans"] = Plan.select().count()
        report["tasks"] = Task.select().count()
    finally:
        storage.close()
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "crash-import":
        return crash_import(Path(args[0]), Path(args[1]), args[2], args[3:])
    if command == "hold-lock":
        return hold_lock(Path(args[0]), args[1])
    if command == "try-writes":
        return try_writes(Path(args[0]), Path(args[1]), args[2])
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
