"""Opening a throw-away database with a fake clock, for the storage and service tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from db.connection import Storage, open_storage


class FakeClock:
    """A clock the test moves by hand; every reading is one second later than the previous."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when


def storage_with_plan(folder: Path, start: datetime = datetime(2024, 6, 1, 9, 0)) -> Storage:
    """A database holding the district plan ``003_…`` (89 tasks), the reminder tests' world."""
    from desktop_app.services.importer import import_file
    from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

    storage = new_storage(folder, start)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    return storage


def new_storage(folder: Path, start: datetime = datetime(2024, 3, 1, 9, 0)) -> Storage:
    return open_storage(folder / "tasks.sqlite3", clock=FakeClock(start))


def department_names(database: Path) -> set[str]:
    """The department names stored in ``database``, read with a connection of its own."""
    import sqlite3

    conn = sqlite3.connect(database)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM department")}
    finally:
        conn.close()
