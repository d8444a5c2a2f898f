"""Numbered forward migrations; ``PRAGMA user_version`` holds the schema version.

Each step is frozen once released: it runs plain SQL (and, where data must be
rebuilt, plain queries), never the models, so a database from any earlier
version upgrades the same way on every machine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from db.search import SEARCH_TABLE, search_body

_V1 = """
CREATE TABLE plan (
    id INTEGER NOT NULL PRIMARY KEY,
    title TEXT,
    year INTEGER,
    issuer TEXT,
    doc_number TEXT,
    issued_on DATE,
    kind VARCHAR(255) NOT NULL,
    source_name TEXT NOT NULL,
    content_hash VARCHAR(255) NOT NULL,
    imported_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX plan_content_hash ON plan (content_hash);
CREATE INDEX plan_title_year ON plan (title, year);

CREATE TABLE section (
    id INTEGER NOT NULL PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX section_plan_id ON section (plan_id);

CREATE TABLE department (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    collective INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);

CREATE TABLE department_alias (
    id INTEGER NOT NULL PRIMARY KEY,
    alias TEXT NOT NULL UNIQUE,
    department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE
);
CREATE INDEX department_alias_department_id ON department_alias (department_id);

CREATE TABLE task (
    id INTEGER NOT NULL PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    section_path TEXT NOT NULL,
    text TEXT NOT NULL,
    annotation TEXT,
    doc_lead TEXT NOT NULL,
    doc_responsible TEXT NOT NULL,
    deadline_kind VARCHAR(255) NOT NULL,
    deadline_raw TEXT,
    doc_due_date DATE,
    milestones TEXT NOT NULL,
    due_date DATE,
    owners_corrected INTEGER NOT NULL DEFAULT 0,
    deadline_corrected INTEGER NOT NULL DEFAULT 0,
    status VARCHAR(255) NOT NULL DEFAULT 'not_started',
    completed_on DATE,
    position INTEGER NOT NULL,
    archived_at DATETIME,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX task_plan_id ON task (plan_id, position);
CREATE INDEX task_due_date ON task (due_date);
CREATE INDEX task_status_due ON task (status, due_date);

CREATE TABLE task_department (
    id INTEGER NOT NULL PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    role VARCHAR(255) NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX task_department_unique ON task_department (task_id, department_id, role);
CREATE INDEX task_department_department ON task_department (department_id, task_id);

CREATE TABLE progress_note (
    id INTEGER NOT NULL PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX progress_note_task_id ON progress_note (task_id, created_at);

CREATE TABLE task_change (
    id INTEGER NOT NULL PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    field VARCHAR(255) NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at DATETIME NOT NULL,
    source VARCHAR(255) NOT NULL
);
CREATE INDEX task_change_task_id ON task_change (task_id, changed_at);

CREATE TABLE reminder_log (
    id INTEGER NOT NULL PRIMARY KEY,
    task_id INTEGER REFERENCES task (id) ON DELETE CASCADE,
    event VARCHAR(255) NOT NULL,
    at DATETIME NOT NULL,
    scheduled_for DATETIME,
    snooze_until DATETIME,
    channel VARCHAR(255),
    detail TEXT
);
CREATE INDEX reminder_log_task_id ON reminder_log (task_id, at);
CREATE INDEX reminder_log_at ON reminder_log (at);

CREATE TABLE setting (
    key VARCHAR(255) NOT NULL PRIMARY KEY,
    value TEXT
);
"""


def _v1(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the open transaction first.
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """Full-text search over task text and owners (see ``db.search``), filled from the data."""
    conn.execute(f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(body, tokenize='unicode61')")
    owners: dict[int, list[str]] = {}
    for task_id, name in conn.execute(
        "SELECT td.task_id, d.name FROM task_department td "
        "JOIN department d ON d.id = td.department_id ORDER BY td.task_id, td.role, td.position"
    ):
        owners.setdefault(task_id, []).append(name)
    rows = (
        (task_id, search_body(text, owners.get(task_id, ())))
        for task_id, text in conn.execute("SELECT id, text FROM task")
    )
    conn.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)", rows)


def _v3(conn: sqlite3.Connection) -> None:
    """A task's owners in order from the index alone (every list of tasks reads them)."""
    conn.execute(
        "CREATE INDEX task_department_owners ON task_department (task_id, role, position, department_id)"
    )


def _v4(conn: sqlite3.Connection) -> None:
    """The State Council's holiday notices the user imported: each as read (its holidays as
    JSON), supplements in their own rows, so that the arrangement of a year is its newest
    notice with the supplements imported after it."""
    conn.execute(
        """CREATE TABLE holiday_notice (
            id INTEGER NOT NULL PRIMARY KEY,
            year INTEGER NOT NULL,
            title TEXT,
            source_name TEXT NOT NULL,
            supplementary INTEGER NOT NULL DEFAULT 0,
            holidays TEXT NOT NULL,
            imported_at DATETIME NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX holiday_notice_year ON holiday_notice (year, id)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """The versions still to apply to reach ``target``."""
    return list(range(schema_version(conn) + 1, target + 1))


def apply(conn: sqlite3.Connection, version: int) -> bool:
    """Apply one step in its own transaction: the schema moves a whole version or not at all.

    The version is read again under the write lock: another process opening the same new
    file at the same moment (two first imports) may have applied it meanwhile; then
    nothing is done and False returned.
    """
    conn.execute("BEGIN IMMEDIATE")
    if schema_version(conn) >= version:
        conn.execute("ROLLBACK")
        return False
    try:
        MIGRATIONS[version - 1](conn)
        conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True
