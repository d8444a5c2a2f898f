"""The queries the window, the reminders and the command line share; rows come back as plain values.

Every function reads through ``db.models.DB``. A department's view includes the
tasks of the collective owners it is a member of (``各部门``, ``各科处室``, ``各司法所``…:
see ``GroupMember``).
"""

from __future__ import annotations

import calendar
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

# The department queries live in their own module; these names stay importable from here.
from db.department_queries import DepartmentRow as DepartmentRow
from db.department_queries import departments as departments
from db.department_queries import departments_named as departments_named
from db.department_queries import find_department as find_department
from db.department_queries import groups_of
from db.department_queries import normalize_name as normalize_name
from db.models import DB, Plan, Task
from db.search import SEARCH_TABLE, match_expression, match_spans, search_body
from db.states import plan_start, task_state

OPEN_STATUSES = ("not_started", "in_progress")
_CHUNK = 500


@dataclass(slots=True)
class TaskRow:
    """One task as the views show it; a value to read, not to change (slots: cheap to build)."""

    id: int
    plan_id: int
    label: str
    section_path: tuple[str, ...]
    text: str
    annotation: str | None
    deadline_kind: str
    deadline_raw: str | None
    due: date | None
    milestones: tuple[date, ...]
    status: str
    completed_on: date | None
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    collective: bool
    owners_corrected: bool
    deadline_corrected: bool
    archived: bool
    plan_title: str | None = None
    # What 序时进度 needs (db/states.py): the plan's issue date, else 1 January of its year
    # (None: neither is known), and the day of the task's newest progress note.
    plan_start: date | None = None
    last_note: date | None = None
    leaders: tuple[str, ...] = ()  # people (责任领导), not owners

    def state(self, today: date, soon_until: date) -> str:
        return task_state(
            self.status,
            self.deadline_kind,
            self.due,
            today,
            soon_until,
            start=self.plan_start,
            milestones=self.milestones,
            last_note=self.last_note,
        )


@dataclass(frozen=True)
class PlanRow:
    id: int
    title: str | None
    year: int | None
    issuer: str | None
    doc_number: str | None
    issued_on: date | None
    source_name: str
    imported_at: datetime
    updated_at: datetime
    tasks: int
    archived_tasks: int


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# -- plans -------------------------------------------------------------------------------


def plans() -> list[PlanRow]:
    """Every imported plan, newest year first."""
    counts: dict[int, tuple[int, int]] = {}
    for plan_id, active, archived in DB.execute_sql(
        "SELECT plan_id, SUM(archived_at IS NULL), SUM(archived_at IS NOT NULL) "
        "FROM task GROUP BY plan_id"
    ):
        counts[plan_id] = (active, archived)
    rows = []
    for p in Plan.select().order_by(Plan.year.desc(nulls="LAST"), Plan.id.desc()):
        active, archived = counts.get(p.id, (0, 0))
        rows.append(
            PlanRow(
                p.id,
                p.title,
                p.year,
                p.issuer,
                p.doc_number,
                p.issued_on,
                p.source_name,
                p.imported_at,
                p.updated_at,
                active,
                archived,
            )
        )
    return rows


# -- tasks -------------------------------------------------------------------------------


def _owners(task_ids: Sequence[int]) -> dict[int, tuple[list[str], list[str], bool]]:
    out: dict[int, tuple[list[str], list[str], bool]] = {i: ([], [], False) for i in task_ids}
    shared: set[int] = set()
    for start in range(0, len(task_ids), _CHUNK):
        chunk = list(task_ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for task_id, role, name, collective in DB.execute_sql(
            "SELECT td.task_id, td.role, d.name, d.collective FROM task_department td "
            f"JOIN department d ON d.id = td.department_id WHERE td.task_id IN ({marks}) "
            "ORDER BY td.task_id, td.role, td.position",
            chunk,
        ):
            lead, responsible, _ = out[task_id]
            (lead if role == "lead" else responsible).append(name)
            if collective:
                shared.add(task_id)
    for task_id in shared:
        lead, responsible, _ = out[task_id]
        out[task_id] = (lead, responsible, True)
    return out


_TASK_COLUMNS = (
    "t.id, t.plan_id, t.label, t.section_path, t.text, t.annotation, t.deadline_kind, "
    "t.deadline_raw, t.due_date, t.milestones, t.status, t.completed_on, "
    "t.owners_corrected, t.deadline_corrected, t.archived_at, t.leaders"
)


def _plan_starts() -> dict[int, date | None]:
    """Each plan's start (``db/states.py``): a handful of rows, cheaper than asking per task."""
    return {
        plan_id: plan_start(_date(issued_on), year)
        for plan_id, issued_on, year in DB.execute_sql("SELECT id, issued_on, year FROM plan")
    }


def _last_notes(task_ids: Sequence[int]) -> dict[int, date]:
    """The day of each task's newest progress note (tasks without notes are left out); a
    query per chunk, cheaper than a subquery per task row."""
    out: dict[int, date] = {}
    for start in range(0, len(task_ids), _CHUNK):
        chunk = list(task_ids[start : start + _CHUNK])
        for task_id, day in DB.execute_sql(
            "SELECT task_id, substr(MAX(created_at), 1, 10) FROM progress_note "
            f"WHERE task_id IN ({','.join('?' * len(chunk))}) GROUP BY task_id",
            chunk,
        ):
            out[task_id] = _day(day)
    return out


def _rows(sql: str, params: Sequence[object]) -> list[TaskRow]:
    fetched = DB.execute_sql(sql, params).fetchall()
    ids = [r[0] for r in fetched]
    owners = _owners(ids)
    titles = dict(DB.execute_sql("SELECT id, title FROM plan").fetchall()) if fetched else {}
    starts = _plan_starts() if fetched else {}
    notes = _last_notes(ids)
    rows = []
    for r in fetched:
        lead, responsible, collective = owners[r[0]]
        rows.append(
            TaskRow(
                id=r[0],
                plan_id=r[1],
                label=r[2],
                section_path=_json_tuple(r[3]),
                text=r[4],
                annotation=r[5],
                deadline_kind=r[6],
                deadline_raw=r[7],
                due=_date(r[8]),
                milestones=_milestones(r[9]),
                status=r[10],
                completed_on=_date(r[11]),
                lead=tuple(lead),
                responsible=tuple(responsible),
                collective=collective,
                owners_corrected=bool(r[12]),
                deadline_corrected=bool(r[13]),
                archived=r[14] is not None,
                plan_title=titles.get(r[1]),
                plan_start=starts.get(r[1]),
                last_note=notes.get(r[0]),
                leaders=_json_tuple(r[15]),
            )
        )
    return rows


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return _day(str(value))


# Rows repeat a few section paths, milestone lists and (month-end) dates: decode each once.
@functools.lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


@functools.lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@functools.lru_cache(maxsize=4096)
def _milestones(text: str) -> tuple[date, ...]:
    return tuple(_day(m) for m in json.loads(text))


def _department_clause(
    department_ids: Iterable[int], include_collective: bool
) -> tuple[str, list[int]]:
    ids = list(department_ids)
    if include_collective:
        ids += [i for i in groups_of(ids) if i not in ids]
    marks = ",".join("?" * len(ids)) or "NULL"
    # `+t.id`: the department's links are a set to test against, not the list of rows to
    # read; otherwise SQLite fetches every task of a busy department (12,000 of 50,000)
    # by id before looking at the month, instead of reading the month from task_due_date.
    return f"+t.id IN (SELECT task_id FROM task_department WHERE department_id IN ({marks}))", ids


def tasks(
    *,
    plan_ids: Sequence[int] | None = None,
    department_ids: Sequence[int] | None = None,
    include_collective: bool = True,
    role: str | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    statuses: Sequence[str] | None = None,
    task_ids: Sequence[int] | None = None,
    include_archived: bool = False,
    limit: int | None = None,
) -> list[TaskRow]:
    """Tasks filtered by any combination of plan, department, due range, status and id.

    With ``department_ids`` the tasks of the collective owners they are members of are
    included unless ``include_collective`` is false; ``role`` keeps only links in that role.
    """
    where: list[str] = []
    params: list[int | str] = []
    if not include_archived:
        where.append("t.archived_at IS NULL")
    if plan_ids is not None:
        where.append(f"t.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})")
        params += list(plan_ids)
    if department_ids is not None:
        if role is None:
            clause, ids = _department_clause(department_ids, include_collective)
            where.append(clause)
            params += ids
        else:
            ids = list(department_ids)
            if include_collective:
                ids += [i for i in groups_of(ids) if i not in ids]
            marks = ",".join("?" * len(ids)) or "NULL"
            where.append(
                "+t.id IN (SELECT task_id FROM task_department "
                f"WHERE role = ? AND department_id IN ({marks}))"
            )
            params += [role, *ids]
    if due_from is not None:
        where.append("t.due_date >= ?")
        params.append(due_from.isoformat())
    if due_to is not None:
        where.append("t.due_date <= ?")
        params.append(due_to.isoformat())
    if statuses is not None:
        where.append(f"t.status IN ({','.join('?' * len(statuses)) or 'NULL'})")
        params += list(statuses)
    if task_ids is not None:
        where.append(f"t.id IN ({','.join('?' * len(task_ids)) or 'NULL'})")
        params += list(task_ids)
    sql = f"SELECT {_TASK_COLUMNS} FROM task t"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY t.due_date IS NULL, t.due_date, t.plan_id, t.position"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _rows(sql, params)


def task(task_id: int, *, include_archived: bool = True) -> TaskRow | None:
    found = tasks(task_ids=[task_id], include_archived=include_archived)
    return found[0] if found else None


def existing_task_ids(task_ids: Sequence[int]) -> set[int]:
    """Those of ``task_ids`` still in the database (archived ones included)."""
    query = Task.select(Task.id).where(Task.id.in_(list(task_ids))).tuples()
    # peewee's stubs type .tuples() as the model query itself; these are its rows.
    return {t for (t,) in cast("Iterable[tuple[int]]", query)}


def undated_task_ids(kinds: Sequence[str], *, statuses: Sequence[str]) -> list[int]:
    """The current tasks without a due date whose deadline is of one of ``kinds``
    (``ongoing``…) and whose status is one of ``statuses``."""
    marks = ",".join("?" * len(statuses))
    return [
        task_id
        for (task_id,) in DB.execute_sql(
            f"SELECT id FROM task WHERE due_date IS NULL AND status IN ({marks}) "
            f"AND deadline_kind IN ({','.join('?' * len(kinds))}) AND archived_at IS NULL",
            [*statuses, *kinds],
        )
    ]


def milestone_task_ids(due_after: date, *, statuses: Sequence[str]) -> list[int]:
    """The current tasks due after ``due_after`` that have milestones, whose status is one
    of ``statuses``."""
    marks = ",".join("?" * len(statuses))
    return [
        task_id
        for (task_id,) in DB.execute_sql(
            f"SELECT id FROM task WHERE due_date > ? AND status IN ({marks}) "
            "AND milestones <> '[]' AND archived_at IS NULL",
            [due_after.isoformat(), *statuses],
        )
    ]


def department_month_tasks(department_id: int, year: int, month: int) -> list[TaskRow]:
    """What ``department_id`` owes in that month, collective tasks included."""
    first, last = month_bounds(year, month)
    return tasks(department_ids=[department_id], due_from=first, due_to=last)


def overdue(today: date, department_ids: Sequence[int] | None = None) -> list[TaskRow]:
    """Open tasks whose due date has passed."""
    return tasks(
        department_ids=department_ids,
        statuses=OPEN_STATUSES,
        due_to=date.fromordinal(today.toordinal() - 1),
    )


def due_between(
    start: date, end: date, department_ids: Sequence[int] | None = None
) -> list[TaskRow]:
    """Open tasks due from ``start`` to ``end`` inclusive (the caller counts working days)."""
    return tasks(department_ids=department_ids, statuses=OPEN_STATUSES, due_from=start, due_to=end)


def search(query: str, *, plan_ids: Sequence[int] | None = None, limit: int = 200) -> list[TaskRow]:
    """Tasks whose text, owners or leaders contain ``query`` (any length, Chinese or not)."""
    expression = match_expression(query)
    if expression is None:
        return []
    # The newest `limit` matches (highest ids: the latest imports), read in the index's
    # rowid order so a common word stops after `limit` rows; then shown by due date.
    inner = (
        f"SELECT s.rowid FROM {SEARCH_TABLE} s JOIN task m ON m.id = s.rowid "
        f"WHERE {SEARCH_TABLE} MATCH ? AND m.archived_at IS NULL"
    )
    params: list[object] = [expression]
    if plan_ids is not None:
        inner += f" AND m.plan_id IN ({','.join('?' * len(plan_ids)) or 'NULL'})"
        params += list(plan_ids)
    inner += f" ORDER BY s.rowid DESC LIMIT {int(limit)}"
    sql = (
        f"SELECT {_TASK_COLUMNS} FROM task t WHERE t.id IN ({inner}) "
        "ORDER BY t.due_date IS NULL, t.due_date, t.position"
    )
    # The index holds text, owners and leaders in a row: a query running from one into the
    # next matches there but is in none of them, and the window could mark nothing.
    plain = "".join(ch for ch in query.lower() if ch.isalnum())
    return [r for r in _rows(sql, params) if _found_in(r, query, plain)]


def _found_in(row: TaskRow, query: str, plain: str) -> bool:
    """Whether ``query`` is in one of the row's fields as ``match_spans`` finds it (most
    rows hold it as typed, which settles it at once)."""
    fields = (row.text, *row.lead, *row.responsible, *row.leaders)
    return any(plain in x.lower() for x in fields) or any(match_spans(x, query) for x in fields)


def reindex(task_ids: Sequence[int]) -> None:
    """Bring the search index up to date for these tasks (inside the caller's transaction)."""
    owners = _owners(task_ids)
    texts: dict[int, tuple[str, str]] = {}
    for start in range(0, len(task_ids), _CHUNK):
        chunk = list(task_ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for task_id, text, leaders in DB.execute_sql(
            f"SELECT id, text, leaders FROM task WHERE id IN ({marks})", chunk
        ):
            texts[task_id] = (text, leaders)
        DB.execute_sql(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({marks})", chunk)
    for task_id, (text, leaders) in texts.items():
        lead, responsible, _ = owners[task_id]
        names = [*lead, *responsible, *_json_tuple(leaders)]
        DB.execute_sql(
            f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)",
            (task_id, search_body(text, names)),
        )


def section_titles(plan_id: int) -> dict[str, str]:
    """The plan's section labels and their titles (`一、` → `坚持统筹推进…`)."""
    return {
        label: title
        for label, title in DB.execute_sql(
            "SELECT label, title FROM section WHERE plan_id = ? ORDER BY position", (plan_id,)
        )
    }
