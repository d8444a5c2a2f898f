"""Numbered forward migrations; ``PRAGMA user_version`` holds the schema version.

Each step is frozen once released: it runs plain SQL (and, where data must be
rebuilt, plain queries), never the models, so a database from any earlier
version upgrades the same way on every machine.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable

from db.search import SEARCH_TABLE, search_body
from desktop_app.simplified import simplified

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


_V5 = """
CREATE TABLE department_v5 (
    id INTEGER NOT NULL PRIMARY KEY,
    bureau TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    collective INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX department_bureau_name ON department_v5 (bureau, name);
CREATE TABLE department_alias_v5 (
    id INTEGER NOT NULL PRIMARY KEY,
    bureau TEXT NOT NULL DEFAULT '',
    alias TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX department_alias_bureau_alias ON department_alias_v5 (bureau, alias);
CREATE TABLE group_member (
    id INTEGER NOT NULL PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    origin VARCHAR(255) NOT NULL
);
CREATE UNIQUE INDEX group_member_unique ON group_member (group_id, member_id);
CREATE INDEX group_member_member ON group_member (member_id, group_id)
"""


_V5_TITLE_ISSUER = re.compile(r"^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年")
_V5_ENDINGS = ("局", "委", "办", "厅", "院", "政府", "中心", "部", "署", "会")


def _v5_bureau(issuer: str | None, title: str | None) -> str:
    """The plan's issuer, else the organisation its title starts with (as of version 5)."""
    if issuer and issuer.strip():
        return "".join(issuer.split())
    m = _V5_TITLE_ISSUER.match("".join((title or "").split()))
    if m and m.group(1).endswith(_V5_ENDINGS) and not m.group(1).startswith("各"):
        return m.group(1)
    return ""


def _v5(conn: sqlite3.Connection) -> None:
    """Departments belong to a bureau (the issuer of the plans that name them), and a
    collective owner (各司法所) is a group with members.

    A department named in plans of several issuers is split into one per issuer, the
    links of each plan pointing at its own; aliases and "my departments" follow every
    copy. The group members are the services' to work out (a domain rule): the setting
    ``groups_stale`` asks them to.
    """
    for statement in _V5.split(";"):
        if statement.strip():
            conn.execute(statement)
    plan_bureau = {
        plan_id: _v5_bureau(issuer, title)
        for plan_id, issuer, title in conn.execute("SELECT id, issuer, title FROM plan")
    }
    bureaus: dict[int, list[str]] = {}
    for department_id, plan_id in conn.execute(
        "SELECT DISTINCT td.department_id, t.plan_id FROM task_department td "
        "JOIN task t ON t.id = td.task_id ORDER BY 1, 2"
    ):
        found = bureaus.setdefault(department_id, [])
        if plan_bureau[plan_id] not in found:
            found.append(plan_bureau[plan_id])
    copies: dict[int, list[int]] = {}
    departments = conn.execute("SELECT id, name, collective, created_at FROM department").fetchall()
    for department_id, name, collective, created_at in departments:
        conn.execute(
            "INSERT INTO department_v5 (id, bureau, name, collective, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (department_id, (bureaus.get(department_id) or [""])[0], name, collective, created_at),
        )
        copies[department_id] = [department_id]
    for department_id, name, collective, created_at in departments:
        for bureau in (bureaus.get(department_id) or [""])[1:]:
            new_id = conn.execute(
                "INSERT INTO department_v5 (bureau, name, collective, created_at) "
                "VALUES (?, ?, ?, ?)",
                (bureau, name, collective, created_at),
            ).lastrowid
            assert new_id is not None
            copies[department_id].append(new_id)
            plan_ids = [p for p, b in plan_bureau.items() if b == bureau]
            conn.execute(
                "UPDATE task_department SET department_id = ? WHERE department_id = ? AND "
                "task_id IN (SELECT id FROM task WHERE plan_id IN "
                f"({','.join('?' * len(plan_ids))}))",
                (new_id, department_id, *plan_ids),
            )
    for alias, department_id in conn.execute(
        "SELECT alias, department_id FROM department_alias"
    ).fetchall():
        for copy in copies.get(department_id, []):
            conn.execute(
                "INSERT INTO department_alias_v5 (bureau, alias, department_id) "
                "SELECT bureau, ?, id FROM department_v5 WHERE id = ?",
                (alias, copy),
            )
    mine = conn.execute("SELECT value FROM setting WHERE key = 'my_departments'").fetchone()
    if mine is not None:
        ids = [c for i in json.loads(mine[0]) for c in copies.get(int(i), [int(i)])]
        conn.execute(
            "UPDATE setting SET value = ? WHERE key = 'my_departments'", (json.dumps(ids),)
        )
    conn.execute("DROP TABLE department_alias")
    conn.execute("DROP TABLE department")
    conn.execute("ALTER TABLE department_v5 RENAME TO department")
    conn.execute("ALTER TABLE department_alias_v5 RENAME TO department_alias")
    conn.execute("CREATE INDEX department_alias_department_id ON department_alias (department_id)")
    if departments:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('groups_stale', 'true')")


def _v6(conn: sqlite3.Connection) -> None:
    """A task's leaders: the people a plan's table names beside its owners (责任领导, 分管
    县领导), as a JSON list; none for the tasks stored before."""
    conn.execute("ALTER TABLE task ADD COLUMN leaders TEXT NOT NULL DEFAULT '[]'")


def _v7(conn: sqlite3.Connection) -> None:
    """Tasks written in traditional script are found by a query in simplified characters
    (and the other way round): their search entries gain the simplified form."""
    names: dict[int, list[str]] = {}
    for task_id, name in conn.execute(
        "SELECT td.task_id, d.name FROM task_department td "
        "JOIN department d ON d.id = td.department_id ORDER BY td.task_id, td.role, td.position"
    ):
        names.setdefault(task_id, []).append(name)
    rows = []
    for task_id, text, leaders in conn.execute("SELECT id, text, leaders FROM task"):
        owners = [*names.get(task_id, ()), *json.loads(leaders or "[]")]
        joined = text + "".join(owners)
        if simplified(joined) != joined:
            rows.append((task_id, search_body(text, owners)))
    conn.executemany(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?", [(r[0],) for r in rows])
    conn.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)", rows)


def _v8(conn: sqlite3.Connection) -> None:
    """A plan's title as its document has it, beside the one in force (which the liaison may
    have given or corrected at import); a plan stored before had only its document's."""
    conn.execute("ALTER TABLE plan ADD COLUMN doc_title TEXT")
    conn.execute("UPDATE plan SET doc_title = title")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
)
# Steps that rebuild a table others refer to: they run with foreign keys off (dropping the
# old table would otherwise delete every row that points at it) and are checked after.
REBUILDS = frozenset({5})
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
    rebuild = version in REBUILDS
    if rebuild:  # only outside a transaction does this pragma take effect
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        if schema_version(conn) >= version:
            conn.execute("ROLLBACK")
            return False
        try:
            MIGRATIONS[version - 1](conn)
            if rebuild and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(f"schema step {version} broke a reference")
            conn.execute(f"PRAGMA user_version = {int(version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return True
    finally:
        if rebuild:
            conn.execute("PRAGMA foreign_keys = ON")
