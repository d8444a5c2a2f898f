"""Peewee models of the schema that ``db.migrations`` builds; one proxy bound at start-up.

The migrations, not these classes, create and change the tables: a model only
describes the newest schema, and a test checks that the two agree.

peewee adds a ``<field>_id`` attribute for each foreign key and the ``backref`` on the
model it points to when a class is made. The bare annotations below (no value, so peewee
never sees them) tell a type checker that those attributes exist.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    TextField,
)

DB = DatabaseProxy()

STATUSES = ("not_started", "in_progress", "done", "cancelled")
ROLES = ("lead", "responsible")


class JSONField(TextField):
    """A list or dict kept as JSON text (department names, milestone dates)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = DB
        legacy_table_names = False


class Plan(BaseModel):
    id = AutoField()
    title = TextField(null=True)
    year = IntegerField(null=True)
    issuer = TextField(null=True)
    doc_number = TextField(null=True)
    issued_on = DateField(null=True)
    kind = CharField()
    source_name = TextField()
    content_hash = CharField(index=True)
    imported_at = DateTimeField()
    updated_at = DateTimeField()
    # The title the document gives (None: it gives none); ``title`` is the one in force.
    doc_title = TextField(null=True)

    sections: ModelSelect[Section]
    tasks: ModelSelect[Task]


class Section(BaseModel):
    id = AutoField()
    plan = ForeignKeyField(Plan, backref="sections", on_delete="CASCADE")
    label = TextField()
    title = TextField()
    level = IntegerField()
    position = IntegerField()

    plan_id: int


class Department(BaseModel):
    """A department of one bureau (``bureau``: the issuer of the plans that name it, "" when
    a plan does not say): the 办公室 of two bureaus are two departments."""

    id = AutoField()
    bureau = TextField(default="")
    name = TextField()
    collective = BooleanField(default=False)
    created_at = DateTimeField()

    aliases: ModelSelect[DepartmentAlias]
    links: ModelSelect[TaskDepartment]

    class Meta:
        indexes = ((("bureau", "name"), True),)


class DepartmentAlias(BaseModel):
    """Another name that means ``department``: an old name, a spelling, a merged department."""

    id = AutoField()
    # Not called ``alias``: that would hide peewee's Model.alias() (the model under
    # another name in a query).
    bureau = TextField(default="")
    name = TextField(column_name="alias")
    department = ForeignKeyField(Department, backref="aliases", on_delete="CASCADE")

    department_id: int

    class Meta:
        table_name = "department_alias"
        indexes = ((("bureau", "name"), True),)


class GroupMember(BaseModel):
    """``member`` belongs to the collective owner ``group`` (各司法所 → 长征司法所).

    ``origin``: "rule" (found by the group's name), "added" or "removed" (the user's
    edits, which outlast the rule); a query counts every row but "removed".
    """

    id = AutoField()
    group = ForeignKeyField(Department, backref="members", on_delete="CASCADE")
    member = ForeignKeyField(Department, backref="groups", on_delete="CASCADE")
    origin = CharField()

    group_id: int
    member_id: int

    class Meta:
        table_name = "group_member"
        indexes = ((("group", "member"), True),)


class Task(BaseModel):
    id = AutoField()
    plan = ForeignKeyField(Plan, backref="tasks", on_delete="CASCADE")
    label = TextField()
    section_path = JSONField()
    text = TextField()
    annotation = TextField(null=True)
    # What the document says; the user's corrections live in due_date and the links.
    doc_lead = JSONField()
    doc_responsible = JSONField()
    deadline_kind = CharField()
    deadline_raw = TextField(null=True)
    doc_due_date = DateField(null=True)
    milestones = JSONField()
    # People a plan names beside the owners (责任领导, 分管领导), never owners (schema 6).
    leaders = JSONField(default=list)
    due_date = DateField(null=True, index=True)
    owners_corrected = BooleanField(default=False)
    deadline_corrected = BooleanField(default=False)
    status = CharField(default="not_started")
    completed_on = DateField(null=True)
    position = IntegerField()
    archived_at = DateTimeField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    plan_id: int
    links: ModelSelect[TaskDepartment]
    notes: ModelSelect[ProgressNote]
    changes: ModelSelect[TaskChange]
    reminders: ModelSelect[ReminderLog]


class TaskDepartment(BaseModel):
    id = AutoField()
    task = ForeignKeyField(Task, backref="links", on_delete="CASCADE")
    department = ForeignKeyField(Department, backref="links", on_delete="CASCADE")
    role = CharField()
    position = IntegerField(default=0)

    task_id: int
    department_id: int


class ProgressNote(BaseModel):
    id = AutoField()
    task = ForeignKeyField(Task, backref="notes", on_delete="CASCADE")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    text = TextField()

    task_id: int


class TaskChange(BaseModel):
    """One change of a task's status, owners, deadline or text: what, from, to, when, by whom."""

    id = AutoField()
    task = ForeignKeyField(Task, backref="changes", on_delete="CASCADE")
    field = CharField()
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    changed_at = DateTimeField()
    source = CharField()  # "user" or "import"

    task_id: int


class ReminderLog(BaseModel):
    """What a reminder showed and what the user did with it."""

    id = AutoField()
    task = ForeignKeyField(Task, backref="reminders", null=True, on_delete="CASCADE")
    event = CharField()  # shown, snoozed, acknowledged
    at = DateTimeField()
    scheduled_for = DateTimeField(null=True)
    snooze_until = DateTimeField(null=True)
    channel = CharField(null=True)
    detail = TextField(null=True)

    task_id: int | None


class HolidayNoticeRecord(BaseModel):
    """An imported holiday notice (db/holidays.py reads and writes it)."""

    id = AutoField()
    year = IntegerField()
    title = TextField(null=True)
    source_name = TextField()
    supplementary = BooleanField(default=False)
    holidays = TextField()  # JSON: [{"name", "days_off": [ISO dates], "workdays": [...]}]
    imported_at = DateTimeField()

    class Meta:
        table_name = "holiday_notice"


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = JSONField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Plan,
    Section,
    Department,
    DepartmentAlias,
    GroupMember,
    Task,
    TaskDepartment,
    ProgressNote,
    TaskChange,
    ReminderLog,
    HolidayNoticeRecord,
    Setting,
)
