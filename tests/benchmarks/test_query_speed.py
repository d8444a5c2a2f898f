"""Query speed at 50,000 tasks: the repository queries the window and the reminders use.

The database is built once per session by ``big_database.build_big_database``
(ten years of plans, 50 departments, see that module). Each benchmark first
checks the rows against a plain query or a Python recount on the same
database, then asserts the target: a median of at most 20 ms. The medians and
minimums are printed after the run (`query speed`).

Run: python3 -m pytest tests/benchmarks -k query_speed
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from db import counts, migrations, repository, states
from db.connection import Storage, open_storage
from tests.benchmarks.big_database import build_big_database

TASKS = 50_000
TARGET_S = 0.020
SOON_DAYS = 10  # "due soon": the reminders look ten days ahead
QUIET_MONTH = 2  # February: few deadlines
WORD_2 = "普法"
WORD_5 = "宪法宣传周"
WORD_NONE = "区块链"
COMMON_CHAR = "法"


# -- the database and the summary --------------------------------------------------------


class _Summary:
    """Prints the build and the medians after the run (a plugin registered by ``big_db``)."""

    def __init__(self, info: dict) -> None:
        self.info = info
        self.results: dict[str, tuple[int, float, float]] = {}  # name -> rows, median, min

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        write = terminalreporter.write_line
        terminalreporter.section("query speed")
        info = self.info
        write(
            f"database: {info['tasks']:,} tasks, {info['links']:,} department links, "
            f"{info['notes']:,} notes, {info['changes']:,} history rows; "
            f"built in {info['seconds']:.1f} s, {info['bytes'] / 2**20:.1f} MiB; today {info['today']}"
        )
        write(
            f"{'query':<34} {'rows':>6} {'median':>11} {'min':>11}  target {TARGET_S * 1000:.0f} ms"
        )
        for name, (rows, median, minimum) in self.results.items():
            verdict = "ok" if median <= TARGET_S else "NOT MET"
            write(
                f"{name:<34} {rows:>6} {median * 1000:8.2f} ms {minimum * 1000:8.2f} ms  {verdict}"
            )


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict:
    path = tmp_path_factory.mktemp("big_database") / "tasks.sqlite3"
    info = build_big_database(path, tasks=TASKS)
    summary = _Summary(info)
    request.config.pluginmanager.register(summary, "query-speed-summary")
    info["summary"] = summary
    return info


@pytest.fixture(scope="module")
def storage(big_db: dict) -> Storage:
    path = big_db["path"]
    opened = datetime.combine(big_db["today"], datetime.min.time()).replace(hour=9)
    storage = open_storage(path, clock=lambda: opened, backups_dir=path.parent / "backups")
    yield storage
    storage.close()


@pytest.fixture(scope="module")
def today(big_db: dict) -> date:
    return big_db["today"]


@pytest.fixture(scope="module")
def soon_until(today: date) -> date:
    return today + timedelta(days=SOON_DAYS)


@pytest.fixture(scope="module")
def latest_plans(big_db: dict) -> list[int]:
    return big_db["plan_ids_by_year"][big_db["latest_year"]]


def _record(benchmark, big_db: dict, name: str, rows: int) -> None:
    """Keep the timing for the summary and assert the target (after the rows were checked)."""
    if benchmark.stats is None:  # --benchmark-disable: the function ran once, untimed
        pytest.skip("benchmarks disabled")
    stats = benchmark.stats.stats
    big_db["summary"].results[name] = (rows, stats.median, stats.min)
    assert stats.median <= TARGET_S, (
        f"{name}: median {stats.median * 1000:.1f} ms, target {TARGET_S * 1000:.0f} ms"
    )


# -- independent answers to check the rows against ----------------------------------------


def _ids(storage: Storage, where: str, params: Sequence[Any] = ()) -> set[int]:
    """Current (not archived) task ids matching ``where``, by a plain query."""
    sql = f"SELECT t.id FROM task t WHERE t.archived_at IS NULL AND ({where})"
    return {row[0] for row in storage.raw().execute(sql, list(params))}


# Named, or one of its groups is (the department is the last parameter, given twice).
_OWNED_BY = (
    "EXISTS (SELECT 1 FROM task_department td WHERE td.task_id = t.id AND "
    "(td.department_id = ? OR td.department_id IN (SELECT group_id FROM group_member "
    "WHERE member_id = ? AND origin <> 'removed')))"
)


def _department_name(storage: Storage, department_id: int) -> str:
    return (
        storage.raw()
        .execute("SELECT name FROM department WHERE id = ?", [department_id])
        .fetchone()[0]
    )


def _sorted_by_due(rows: Sequence[repository.TaskRow]) -> bool:
    keys = [(r.due is None, r.due or date.min) for r in rows]
    return keys == sorted(keys)


def _expected_counts(
    storage: Storage, today: date, soon_until: date, plan_ids: Sequence[int] | None
) -> Counter[tuple[int, str | None, str]]:
    """Department × month × state counts recomputed in Python with ``repository.task_state``:
    each task once for each department it names and each member of a group it names."""
    conn = storage.raw()
    tasks = {
        task_id: (plan_id, status, kind, due, milestones)
        for task_id, plan_id, status, kind, due, milestones in conn.execute(
            "SELECT id, plan_id, status, deadline_kind, due_date, milestones FROM task "
            "WHERE archived_at IS NULL"
        )
    }
    starts = {
        plan_id: states.plan_start(date.fromisoformat(issued) if issued else None, year)
        for plan_id, issued, year in conn.execute("SELECT id, issued_on, year FROM plan")
    }
    last_notes = {
        task_id: date.fromisoformat(at[:10])
        for task_id, at in conn.execute(
            "SELECT task_id, MAX(created_at) FROM progress_note GROUP BY task_id"
        )
    }
    members: dict[int, set[int]] = {}
    for group_id, member_id in conn.execute(
        "SELECT group_id, member_id FROM group_member WHERE origin <> 'removed'"
    ):
        members.setdefault(group_id, set()).add(member_id)
    owners: dict[int, set[int]] = {}
    for task_id, department_id in conn.execute(
        "SELECT task_id, department_id FROM task_department"
    ):
        owners.setdefault(task_id, set()).update({department_id, *members.get(department_id, ())})
    wanted = None if plan_ids is None else set(plan_ids)
    counts: Counter[tuple[int, str | None, str]] = Counter()
    for task_id, found in owners.items():
        if task_id not in tasks:
            continue
        plan_id, status, kind, due, milestones = tasks[task_id]
        if wanted is not None and plan_id not in wanted:
            continue
        day = date.fromisoformat(due) if due else None
        state = repository.task_state(
            status,
            kind,
            day,
            today,
            soon_until,
            start=starts[plan_id],
            milestones=[date.fromisoformat(m) for m in json.loads(milestones)],
            last_note=last_notes.get(task_id),
        )
        for department_id in found:
            counts[(department_id, due[:7] if due else None, state)] += 1
    return counts


def _searchable(text: str, owners: Sequence[str]) -> str:
    """What the search index holds of a task, as one string of its letters and digits."""
    return "".join(ch for ch in (text + "".join(owners)).lower() if ch.isalnum())


@pytest.fixture(scope="module")
def searchable(storage: Storage) -> dict[int, tuple[str, str | None, int]]:
    """id -> (searchable text, due date, position) of every current task."""
    conn = storage.raw()
    owners: dict[int, list[str]] = {}
    for task_id, name in conn.execute(
        "SELECT td.task_id, d.name FROM task_department td JOIN department d "
        "ON d.id = td.department_id ORDER BY td.task_id, td.role, td.position"
    ):
        owners.setdefault(task_id, []).append(name)
    return {
        task_id: (_searchable(text, owners.get(task_id, [])), due, position)
        for task_id, text, due, position in conn.execute(
            "SELECT id, text, due_date, position FROM task WHERE archived_at IS NULL"
        )
    }


# -- a department's month ----------------------------------------------------------------


def _check_department_month(
    storage: Storage, rows: Sequence[repository.TaskRow], department_id: int, year: int, month: int
) -> None:
    first, last = repository.month_bounds(year, month)
    name = _department_name(storage, department_id)
    assert {r.id for r in rows} == _ids(
        storage,
        f"t.due_date BETWEEN ? AND ? AND {_OWNED_BY}",
        [first.isoformat(), last.isoformat(), department_id, department_id],
    )
    for r in rows:
        assert r.due is not None and first <= r.due <= last
        assert name in r.lead + r.responsible or r.collective
        assert not r.archived
    assert _sorted_by_due(rows)


@pytest.mark.benchmark(group="department_month_tasks")
def test_department_month_busy(benchmark, storage: Storage, big_db: dict) -> None:
    """The busiest department's December of the latest year, collective tasks included."""
    department, year = big_db["busy_department"], big_db["latest_year"]
    rows = benchmark(repository.department_month_tasks, department, year, 12)
    _check_department_month(storage, rows, department, year, 12)
    assert len(rows) > 200
    assert any(r.collective for r in rows)
    _record(benchmark, big_db, "department month: busy, December", len(rows))


@pytest.mark.benchmark(group="department_month_tasks")
def test_department_month_quiet(benchmark, storage: Storage, big_db: dict) -> None:
    """The same department in a quiet month (February)."""
    department, year = big_db["busy_department"], big_db["latest_year"]
    rows = benchmark(repository.department_month_tasks, department, year, QUIET_MONTH)
    _check_department_month(storage, rows, department, year, QUIET_MONTH)
    assert 0 < len(rows) < 100
    _record(benchmark, big_db, "department month: busy, February", len(rows))


# -- counts per department × month × state -----------------------------------------------


@pytest.mark.benchmark(group="month_counts")
def test_month_counts_latest_year(
    benchmark,
    storage: Storage,
    big_db: dict,
    today: date,
    soon_until: date,
    latest_plans: list[int],
) -> None:
    rows = benchmark(counts.month_counts, today, soon_until, latest_plans)
    got = Counter({(r.department_id, r.month, r.state): r.count for r in rows})
    assert len(got) == len(rows)  # one row per cell
    assert got == _expected_counts(storage, today, soon_until, latest_plans)
    _record(benchmark, big_db, "month counts: latest year's plans", len(rows))


@pytest.mark.benchmark(group="month_counts")
def test_month_counts_all_plans_one_year(
    benchmark, storage: Storage, big_db: dict, today: date, soon_until: date
) -> None:
    """The grid of one year across every plan (the window never asks for ten years at once)."""
    year = big_db["latest_year"]
    rows = benchmark(counts.month_counts, today, soon_until, None, year)
    got = Counter({(r.department_id, r.month, r.state): r.count for r in rows})
    assert len(got) == len(rows)
    expected = _expected_counts(storage, today, soon_until, None)
    prefix = f"{year:04d}-"
    assert got == Counter(
        {k: n for k, n in expected.items() if k[1] is not None and k[1].startswith(prefix)}
    )
    _record(benchmark, big_db, "month counts: all plans, one year", len(rows))


# -- reminders: overdue, due soon --------------------------------------------------------


def _check_open_due(
    storage: Storage,
    rows: Sequence[repository.TaskRow],
    first: date | None,
    last: date,
    where: str = "",
    params: Sequence[Any] = (),
) -> None:
    condition = "t.status IN ('not_started', 'in_progress') AND t.due_date <= ?"
    bounds: list[Any] = [last.isoformat()]
    if first is not None:
        condition += " AND t.due_date >= ?"
        bounds.append(first.isoformat())
    assert {r.id for r in rows} == _ids(storage, condition + where, [*bounds, *params])
    for r in rows:
        assert r.status in repository.OPEN_STATUSES
        assert r.due is not None and r.due <= last and (first is None or r.due >= first)
    assert _sorted_by_due(rows)


@pytest.mark.benchmark(group="overdue")
def test_overdue_all(benchmark, storage: Storage, big_db: dict, today: date) -> None:
    rows = benchmark(repository.overdue, today)
    _check_open_due(storage, rows, None, today - timedelta(days=1))
    assert len(rows) > 100
    assert {r.state(today, today) for r in rows} == {"late"}
    _record(benchmark, big_db, "overdue: all", len(rows))


@pytest.mark.benchmark(group="overdue")
def test_overdue_department(benchmark, storage: Storage, big_db: dict, today: date) -> None:
    department = big_db["busy_department"]
    rows = benchmark(repository.overdue, today, [department])
    _check_open_due(
        storage,
        rows,
        None,
        today - timedelta(days=1),
        f" AND {_OWNED_BY}",
        [department, department],
    )
    assert rows
    _record(benchmark, big_db, "overdue: one department", len(rows))


@pytest.mark.benchmark(group="due_between")
def test_due_within_10_days(
    benchmark, storage: Storage, big_db: dict, today: date, soon_until: date
) -> None:
    rows = benchmark(repository.due_between, today, soon_until)
    _check_open_due(storage, rows, today, soon_until)
    assert rows
    _record(benchmark, big_db, "due within 10 days", len(rows))


# -- full-text search --------------------------------------------------------------------

SEARCHES = {
    "two_chars": WORD_2,
    "five_chars": WORD_5,
    "no_match": WORD_NONE,
    "common_char": COMMON_CHAR,
}


@pytest.mark.benchmark(group="search")
@pytest.mark.parametrize("kind", SEARCHES)
def test_search(
    benchmark, big_db: dict, searchable: dict[int, tuple[str, str | None, int]], kind: str
) -> None:
    word = SEARCHES[kind]
    limit = 200  # repository.search's default, what the window asks for
    rows = benchmark(repository.search, word)
    matches = {i for i, (body, _, _) in searchable.items() if word in body}
    assert len(rows) == min(limit, len(matches))
    assert {r.id for r in rows} <= matches
    assert _sorted_by_due(rows)
    if kind == "no_match":
        assert not matches
    elif kind == "common_char":
        assert len(matches) > 0.8 * len(searchable)
    else:
        assert len(matches) > limit
    _record(benchmark, big_db, f"search: {kind} {word}", len(rows))


# -- not a timing: the database is what the program writes --------------------------------


def test_big_database_shape(storage: Storage, big_db: dict) -> None:
    """Counts and skews the benchmarks rely on, read back through the program's queries."""
    conn = storage.raw()
    assert conn.execute("SELECT COUNT(*) FROM task").fetchone()[0] == TASKS
    assert migrations.schema_version(conn) == migrations.LATEST_VERSION
    assert conn.execute("SELECT COUNT(*) FROM task_search").fetchone()[0] == TASKS
    years = [y for (y,) in conn.execute("SELECT DISTINCT year FROM plan ORDER BY year")]
    assert years == list(range(2015, 2025))
    months = Counter(
        m
        for (m,) in conn.execute(
            "SELECT substr(due_date, 6, 2) FROM task WHERE due_date IS NOT NULL"
        )
    )
    assert [m for m, _ in months.most_common(4)] == ["12", "06", "03", "10"]
    undated = conn.execute("SELECT COUNT(*) FROM task WHERE due_date IS NULL").fetchone()[0]
    assert 0.06 * TASKS < undated < 0.10 * TASKS
    collective = conn.execute(
        "SELECT COUNT(DISTINCT td.task_id) FROM task_department td "
        "JOIN department d ON d.id = td.department_id WHERE d.collective"
    ).fetchone()[0]
    assert 0.04 * TASKS < collective < 0.06 * TASKS
    leads = Counter(
        n
        for (n,) in conn.execute(
            "SELECT COUNT(*) FROM task_department WHERE role = 'lead' GROUP BY task_id"
        )
    )
    assert leads == {1: TASKS}
    # Reading through the program: a task row, its owners and the search index agree.
    row = repository.task(1)
    assert row is not None and len(row.lead) == 1 and len(row.responsible) <= 3
    assert row.id in {r.id for r in repository.search(row.text[:6], limit=TASKS)}
    assert len(repository.departments()) == big_db["departments"]
    assert statistics.mean(len(r.text) for r in repository.tasks(plan_ids=[1])) > 40
