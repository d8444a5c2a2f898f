"""Departments: finding or creating one by name, renaming, merging, aliases, "my departments"."""

from __future__ import annotations

from collections.abc import Sequence

from db import repository
from db.connection import Storage
from db.limits import MAX_ROW_ID
from db.models import Department, DepartmentAlias, Setting, TaskDepartment
from desktop_app.plans.departments import is_collective
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError, no_department

MY_DEPARTMENTS = "my_departments"


def resolve_or_create(
    storage: Storage, name: str, cache: dict[str, Department] | None = None
) -> Department:
    """The department a name in a plan means, created on first sight (inside a transaction).

    ``cache`` remembers the answers within one import, where the same names recur.
    """
    if cache is not None and name in cache:
        return cache[name]
    found = repository.find_department(name)
    if found is None:
        clean = repository.normalize_name(name)
        found = Department.create(
            name=clean, collective=is_collective(clean), created_at=storage.clock()
        )
    if cache is not None:
        cache[name] = found
    return found


def link_owners(
    storage: Storage,
    task_id: int,
    lead: Sequence[str],
    responsible: Sequence[str],
    *,
    cache: dict[str, Department] | None = None,
    replace: bool = True,
) -> None:
    """Point a task at these departments (inside a transaction), creating unknown ones."""
    if replace:
        TaskDepartment.delete().where(TaskDepartment.task == task_id).execute()
    rows = []
    for role, names in (("lead", lead), ("responsible", responsible)):
        seen: set[int] = set()
        for position, name in enumerate(names):
            dept = resolve_or_create(storage, name, cache)
            if dept.id not in seen:
                seen.add(dept.id)
                rows.append(
                    {"task": task_id, "department": dept.id, "role": role, "position": position}
                )
    if rows:
        TaskDepartment.insert_many(rows).execute()


def canonical_names(names: Sequence[str]) -> list[str]:
    """Names as the database now calls them (after renames and merges); unknown ones as written."""
    out: list[str] = []
    for name in names:
        found = repository.find_department(name)
        canonical = found.name if found is not None else repository.normalize_name(name)
        if canonical not in out:
            out.append(canonical)
    return out


def get_department(name_or_id: str | int) -> Department:
    text = str(name_or_id)
    if isinstance(name_or_id, int) or (text.isascii() and text.isdigit()):
        number = int(name_or_id)
        found = (
            Department.get_or_none(Department.id == number) if 0 < number <= MAX_ROW_ID else None
        )
        if found is not None:
            return found
    found = repository.find_department(str(name_or_id))
    if found is None:
        raise no_department(str(name_or_id))
    return found


def _affected_tasks(department_ids: Sequence[int]) -> list[int]:
    return sorted(
        {
            link.task_id
            for link in TaskDepartment.select(TaskDepartment.task).where(
                TaskDepartment.department.in_(list(department_ids))
            )
        }
    )


def rename(storage: Storage, department: str | int, new_name: str) -> Department:
    """Give a department a new name; the old one stays as an alias so later imports follow."""
    new_name = repository.normalize_name(new_name)
    if not new_name:
        raise ServiceError("empty_name", errors.EMPTY_DEPARTMENT_NAME)
    with storage.write():
        dept = get_department(department)
        if new_name == dept.name:  # said, not reported as done
            raise ServiceError("same_name", errors.SAME_NAME, new_name)
        other = repository.find_department(new_name)
        if other is not None and other.id != dept.id:
            raise ServiceError("name_taken", errors.NAME_TAKEN, other.name)
        DepartmentAlias.delete().where(DepartmentAlias.name == new_name).execute()
        DepartmentAlias.create(name=dept.name, department=dept)
        dept.name = new_name
        dept.save()
        repository.reindex(_affected_tasks([dept.id]))
    return dept


def merge(storage: Storage, source: str | int, target: str | int) -> Department:
    """Fold ``source`` into ``target``: its tasks, aliases and name all point to ``target``."""
    with storage.write():
        src, dst = get_department(source), get_department(target)
        if src.id == dst.id:
            raise ServiceError("same_department", errors.MERGE_INTO_ITSELF)
        affected = _affected_tasks([src.id])
        for link in TaskDepartment.select().where(TaskDepartment.department == src.id):
            exists = (
                TaskDepartment.select()
                .where(
                    (TaskDepartment.task == link.task_id)
                    & (TaskDepartment.department == dst.id)
                    & (TaskDepartment.role == link.role)
                )
                .exists()
            )
            if exists:
                link.delete_instance()
            else:
                link.department = dst
                link.save()
        DepartmentAlias.update(department=dst).where(DepartmentAlias.department == src.id).execute()
        DepartmentAlias.create(name=src.name, department=dst)
        mine = my_department_ids()
        if src.id in mine:
            set_my_departments_in_transaction([dst.id if i == src.id else i for i in mine])
        src.delete_instance()
        repository.reindex(affected)
    return dst


def add_alias(storage: Storage, department: str | int, alias: str) -> None:
    """Another name for a department (a spelling a plan uses); a name with tasks needs a merge."""
    alias = repository.normalize_name(alias)
    with storage.write():
        dept = get_department(department)
        if alias == dept.name:
            raise ServiceError("same_name", errors.ALIAS_IS_THE_NAME, alias)
        existing = repository.find_department(alias)
        if existing is not None and existing.id != dept.id:
            raise ServiceError("name_taken", errors.ALIAS_IS_A_DEPARTMENT, alias)
        if existing is None:
            DepartmentAlias.create(name=alias, department=dept)


def my_department_ids() -> list[int]:
    row = Setting.get_or_none(Setting.key == MY_DEPARTMENTS)
    return list(row.value) if row is not None else []


def set_my_departments_in_transaction(ids: Sequence[int]) -> None:
    unique = list(dict.fromkeys(int(i) for i in ids))
    Setting.insert(key=MY_DEPARTMENTS, value=unique).on_conflict_replace().execute()


def set_my_departments(storage: Storage, names_or_ids: Sequence[str | int]) -> list[int]:
    """Choose the departments whose tasks this liaison follows; empty means all of them."""
    with storage.write():
        ids = [get_department(n).id for n in names_or_ids]
        set_my_departments_in_transaction(ids)
    return ids
