"""Departments: finding or creating one in its bureau, renaming, merging, aliases, the members
of collective owners, "my departments"."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from db import repository
from db.connection import Storage
from db.limits import MAX_ROW_ID
from db.models import (
    Department,
    DepartmentAlias,
    GroupMember,
    Plan,
    Setting,
    Task,
    TaskDepartment,
)
from desktop_app.plans.departments import bureau_of, is_collective
from desktop_app.plans.groups import rule_members
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError, no_department
from desktop_app.simplified import simplified

MY_DEPARTMENTS = "my_departments"
# (bureau, name) of my departments removed with the last plan that named them: chosen
# again when a plan names them again (the same plan deleted and imported anew).
MY_REMOVED = "my_departments_removed"
GROUPS_STALE = "groups_stale"


def resolve_or_create(
    storage: Storage,
    name: str,
    bureau: str = "",
    cache: dict[tuple[str, str], Department] | None = None,
) -> Department:
    """The department a name in a plan of ``bureau`` means, created on first sight (inside a
    transaction). ``cache`` remembers the answers within one import, where names recur."""
    return _resolve(storage, name, bureau, cache)[0]


def _resolve(
    storage: Storage, name: str, bureau: str, cache: dict[tuple[str, str], Department] | None
) -> tuple[Department, bool]:
    key = (bureau, name)
    if cache is not None and key in cache:
        return cache[key], False
    found = repository.find_department(name, bureau) or _same_in_other_script(name, bureau)
    created = found is None
    if found is None:
        clean = repository.normalize_name(name)
        found = Department.create(
            bureau=repository.normalize_name(bureau),
            name=clean,
            collective=is_collective(clean),
            created_at=storage.clock(),
        )
        _choose_again_if_mine(found)
    if cache is not None:
        cache[key] = found
    return found, created


def _same_in_other_script(name: str, bureau: str) -> Department | None:
    """The bureau's department that is ``name`` in the other script (市財政局 / 市财政局)."""
    key = simplified(repository.normalize_name(name))
    if key == repository.normalize_name(name) and not any(
        simplified(d.name) != d.name for d in _bureau_departments(bureau)
    ):
        return None
    return next((d for d in _bureau_departments(bureau) if simplified(d.name) == key), None)


def _bureau_departments(bureau: str) -> list[Department]:
    return list(Department.select().where(Department.bureau == repository.normalize_name(bureau)))


def link_owners(
    storage: Storage,
    task_id: int,
    lead: Sequence[str],
    responsible: Sequence[str],
    *,
    bureau: str | None = None,
    cache: dict[tuple[str, str], Department] | None = None,
    replace: bool = True,
) -> None:
    """Point a task at these departments of its plan's bureau (inside a transaction),
    creating unknown ones; their groups' members are brought up to date."""
    if bureau is None:
        bureau = plan_bureau(Task.get_by_id(task_id).plan_id)
    if replace:
        TaskDepartment.delete().where(TaskDepartment.task == task_id).execute()
    rows = []
    created = False
    for role, names in (("lead", lead), ("responsible", responsible)):
        seen: set[int] = set()
        for position, name in enumerate(names):
            dept, new = _resolve(storage, name, bureau, cache)
            created = created or new
            if dept.id not in seen:
                seen.add(dept.id)
                rows.append(
                    {"task": task_id, "department": dept.id, "role": role, "position": position}
                )
    if rows:
        TaskDepartment.insert_many(rows).execute()
    if created:
        refresh_groups([bureau])


def plan_bureau(plan_id: int) -> str:
    """The bureau of a plan's departments (``bureau_of`` its issuer and its document's
    title: a title the liaison gives the plan does not move it to another bureau)."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    return bureau_of(plan.issuer, plan.doc_title) if plan is not None else ""


def canonical_names(names: Sequence[str], bureau: str | None = None) -> list[str]:
    """Names as the database now calls them in ``bureau`` (after renames and merges);
    unknown ones as written."""
    out: list[str] = []
    for name in names:
        found = repository.find_department(name, bureau)
        canonical = found.name if found is not None else repository.normalize_name(name)
        if canonical not in out:
            out.append(canonical)
    return out


def get_department(name_or_id: str | int, bureau: str | None = None) -> Department:
    """A department by number, or by name (in ``bureau``, or the only one of that name)."""
    text = str(name_or_id)
    if isinstance(name_or_id, int) or (text.isascii() and text.isdigit()):
        number = int(name_or_id)
        found = (
            Department.get_or_none(Department.id == number) if 0 < number <= MAX_ROW_ID else None
        )
        if found is not None:
            return found
    if bureau is not None:
        one = repository.find_department(text, bureau)
        if one is None:
            raise no_department(text)
        return one
    named = repository.departments_named(text)
    if not named:
        raise no_department(text)
    if len(named) > 1:
        which = "；".join(f"{d.bureau or '未署名单位'} {d.id}" for d in named)
        raise ServiceError(
            "ambiguous_department", errors.AMBIGUOUS_DEPARTMENT, len(named), text, which
        )
    return named[0]


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
        other = repository.find_department(new_name, dept.bureau)
        if other is not None and other.id != dept.id:
            raise ServiceError("name_taken", errors.NAME_TAKEN, other.name)
        DepartmentAlias.delete().where(
            (DepartmentAlias.name == new_name) & (DepartmentAlias.bureau == dept.bureau)
        ).execute()
        DepartmentAlias.create(bureau=dept.bureau, name=dept.name, department=dept)
        dept.name = new_name
        dept.collective = is_collective(new_name) or bool(dept.collective)
        dept.save()
        repository.reindex(_affected_tasks([dept.id]))
        refresh_groups([dept.bureau])
    return dept


def merge(storage: Storage, source: str | int, target: str | int) -> Department:
    """Fold ``source`` into ``target`` (of the same bureau or not): its tasks, aliases,
    memberships and name all point to ``target``."""
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
        DepartmentAlias.create(bureau=src.bureau, name=src.name, department=dst)
        for edit in GroupMember.select().where(
            (GroupMember.member == src.id) & (GroupMember.origin != "rule")
        ):
            GroupMember.insert(group=edit.group_id, member=dst.id, origin=edit.origin).on_conflict(
                "replace"
            ).execute()
        mine = my_department_ids()
        if src.id in mine:
            set_my_departments_in_transaction([dst.id if i == src.id else i for i in mine])
        src.delete_instance()
        repository.reindex(affected)
        refresh_groups({src.bureau, dst.bureau})
    return dst


def add_alias(storage: Storage, department: str | int, alias: str) -> None:
    """Another name for a department (a spelling a plan uses); a name with tasks needs a merge."""
    alias = repository.normalize_name(alias)
    with storage.write():
        dept = get_department(department)
        if alias == dept.name:
            raise ServiceError("same_name", errors.ALIAS_IS_THE_NAME, alias)
        existing = repository.find_department(alias, dept.bureau)
        if existing is not None and existing.id != dept.id:
            raise ServiceError("name_taken", errors.ALIAS_IS_A_DEPARTMENT, alias)
        if existing is None:
            DepartmentAlias.create(bureau=dept.bureau, name=alias, department=dept)


# -- collective owners ---------------------------------------------------------------------


def refresh_groups(bureaus: Collection[str] | None = None) -> None:
    """Work out again (inside a transaction) which departments each collective owner of
    these bureaus (all with None) takes in by its name; the user's edits stay."""
    query = Department.select()
    if bureaus is not None:
        query = query.where(Department.bureau.in_([repository.normalize_name(b) for b in bureaus]))
    by_bureau: dict[str, list[Department]] = {}
    for d in query.order_by(Department.id):
        by_bureau.setdefault(d.bureau, []).append(d)
    for found in by_bureau.values():
        ids = {d.name: d.id for d in found if not d.collective}
        for group in (d for d in found if d.collective):
            rows = {
                m.member_id: m for m in GroupMember.select().where(GroupMember.group == group.id)
            }
            wanted = {ids[name] for name in rule_members(group.name, list(ids))}
            stale = [
                m.id for m in rows.values() if m.origin == "rule" and m.member_id not in wanted
            ]
            if stale:
                GroupMember.delete().where(GroupMember.id.in_(stale)).execute()
            new = [
                {"group": group.id, "member": member, "origin": "rule"}
                for member in sorted(wanted - set(rows))
            ]
            if new:
                GroupMember.insert_many(new).execute()
    if bureaus is None:
        Setting.delete().where(Setting.key == GROUPS_STALE).execute()


def refresh_groups_if_stale(storage: Storage) -> None:
    """After the schema step that made groups: their members worked out once."""
    if Setting.get_or_none(Setting.key == GROUPS_STALE) is not None:
        with storage.write():
            refresh_groups()


def set_group_members(storage: Storage, group: str | int, member_ids: Sequence[int]) -> list[int]:
    """The user's own list of a collective owner's members: what its rule would add or leave
    out is kept as an edit, so later imports do not undo it."""
    with storage.write():
        dept = get_department(group)
        if not dept.collective:
            raise ServiceError("not_a_group", errors.NOT_A_GROUP, dept.name)
        wanted = {int(i) for i in member_ids}
        for member_id in sorted(wanted):
            member = get_department(member_id)
            if member.bureau != dept.bureau or member.collective:
                raise ServiceError(
                    "member_elsewhere", errors.GROUP_MEMBER_ELSEWHERE, member.name, dept.name
                )
        candidates = {
            d.name: d.id
            for d in Department.select().where(
                (Department.bureau == dept.bureau) & ~Department.collective
            )
        }
        by_rule = {candidates[n] for n in rule_members(dept.name, list(candidates))}
        GroupMember.delete().where(GroupMember.group == dept.id).execute()
        rows = [
            {"group": dept.id, "member": m, "origin": "rule" if m in by_rule else "added"}
            for m in sorted(wanted)
        ] + [{"group": dept.id, "member": m, "origin": "removed"} for m in sorted(by_rule - wanted)]
        if rows:
            GroupMember.insert_many(rows).execute()
    return sorted(wanted)


def remove_unused(bureaus: Collection[str]) -> int:
    """Delete (inside a transaction) the departments of these bureaus no task names any
    more, after their plan went: mine among them are remembered by name."""
    unused = list(
        Department.select().where(
            Department.bureau.in_(list(bureaus))
            & ~Department.id.in_(TaskDepartment.select(TaskDepartment.department))
        )
    )
    if not unused:
        return 0
    mine = my_department_ids()
    gone = {d.id for d in unused}
    removed_mine = [[d.bureau, d.name] for d in unused if d.id in mine]
    if removed_mine:
        row = Setting.get_or_none(Setting.key == MY_REMOVED)
        kept = [k for k in (row.value if row else []) if k not in removed_mine]
        Setting.insert(key=MY_REMOVED, value=kept + removed_mine).on_conflict_replace().execute()
        set_my_departments_in_transaction([i for i in mine if i not in gone])
    Department.delete().where(Department.id.in_(list(gone))).execute()
    return len(gone)


def _choose_again_if_mine(department: Department) -> None:
    row = Setting.get_or_none(Setting.key == MY_REMOVED)
    if row is None or [department.bureau, department.name] not in row.value:
        return
    rest = [k for k in row.value if k != [department.bureau, department.name]]
    Setting.insert(key=MY_REMOVED, value=rest).on_conflict_replace().execute()
    set_my_departments_in_transaction([*my_department_ids(), department.id])


# -- my departments --------------------------------------------------------------------------


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
