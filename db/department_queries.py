"""Department queries: a name in a bureau (directly or by an alias), the departments of a
bureau with their aliases, members and task counts, the groups a department is in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.models import DB, Department, DepartmentAlias


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    collective: bool
    aliases: tuple[str, ...]
    tasks: int
    bureau: str = ""
    members: tuple[int, ...] = ()  # a collective owner's members (none known: a row of its own)


def find_department(name: str, bureau: str | None = None) -> Department | None:
    """The department called ``name`` directly or by an alias (a merged or renamed one), in
    ``bureau``; with ``bureau`` None, in any bureau when only one has that name."""
    name = normalize_name(name)
    if bureau is not None:
        bureau = normalize_name(bureau)
        alias = DepartmentAlias.get_or_none(
            (DepartmentAlias.name == name) & (DepartmentAlias.bureau == bureau)
        )
        if alias is not None:
            return alias.department
        return Department.get_or_none((Department.name == name) & (Department.bureau == bureau))
    found = departments_named(name)
    return found[0] if len(found) == 1 else None


def departments_named(name: str) -> list[Department]:
    """Every department called ``name`` (directly or by an alias), in any bureau."""
    name = normalize_name(name)
    by_id = {
        a.department.id: a.department
        for a in DepartmentAlias.select().where(DepartmentAlias.name == name)
    }
    for d in Department.select().where(Department.name == name):
        by_id.setdefault(d.id, d)
    return sorted(by_id.values(), key=lambda d: (d.bureau, d.id))


def normalize_name(name: str) -> str:
    return "".join(name.split())


def groups_of(department_ids: Iterable[int]) -> list[int]:
    """The collective owners these departments are members of."""
    ids = list(department_ids)
    if not ids:
        return []
    return [
        group_id
        for (group_id,) in DB.execute_sql(
            "SELECT DISTINCT group_id FROM group_member WHERE origin <> 'removed' "
            f"AND member_id IN ({','.join('?' * len(ids))})",
            ids,
        )
    ]


def departments(*, with_counts: bool = True, bureau: str | None = None) -> list[DepartmentRow]:
    """All departments (of ``bureau`` if given) by name, each with its aliases, a collective
    owner's members and (unless not wanted, which is cheaper on a large database) its
    number of current tasks."""
    counts: dict[int, int] = {}
    if with_counts:
        counts = dict(
            DB.execute_sql(
                "SELECT td.department_id, COUNT(DISTINCT td.task_id) FROM task_department td "
                "JOIN task t ON t.id = td.task_id WHERE t.archived_at IS NULL GROUP BY 1"
            ).fetchall()
        )
    aliases: dict[int, list[str]] = {}
    for a in DepartmentAlias.select().order_by(DepartmentAlias.name):
        aliases.setdefault(a.department_id, []).append(a.name)
    members: dict[int, list[int]] = {}
    for group_id, member_id in DB.execute_sql(
        "SELECT group_id, member_id FROM group_member WHERE origin <> 'removed' ORDER BY 1, 2"
    ):
        members.setdefault(group_id, []).append(member_id)
    query = Department.select().order_by(Department.bureau, Department.collective, Department.name)
    if bureau is not None:
        query = query.where(Department.bureau == normalize_name(bureau))
    return [
        DepartmentRow(
            d.id,
            d.name,
            d.collective,
            tuple(aliases.get(d.id, ())),
            counts.get(d.id, 0),
            d.bureau,
            tuple(members.get(d.id, ())),
        )
        for d in query
    ]
