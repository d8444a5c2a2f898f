"""The import preview table: the tasks of a parsed plan, which the user may correct before import.

The model is fed a ``ParsedPlan`` once (``set_plan``) and keeps plain rows;
edits replace the frozen ``Task`` values and resolve the warnings they answer.
``parsed_plan()`` gives the corrected plan back to the importer, under the title the
user gave (``set_title``); the deadline values the editors offer are ``preview_deadlines``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.plans.deadlines import parse_deadline
from desktop_app.plans.departments import is_collective, split_owners
from desktop_app.plans.model import Deadline, ParsedPlan, PlanWarning, Task
from desktop_app.services.plan_target import clean_title
from desktop_app.ui.models.preview_deadlines import deadline_from, picker_choice, shift_year
from desktop_app.ui.theme import WARNING_BACKGROUND, WARNING_COLOR

LABEL, TEXT, LEAD, RESPONSIBLE, DEADLINE, NOTE = range(6)
COLUMN_COUNT = 6

HAS_WARNING_ROLE = Qt.ItemDataRole.UserRole + 1
DEADLINE_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 2

# Warnings that a corrected owner or deadline answers.
_OWNER_CODES = frozenset({"no_owner"})
_DEADLINE_CODES = frozenset(
    {"deadline_before_issue", "deadline_unparsed", "no_deadline", "year_unknown"}
)

_WARNING_BACKGROUND = QColor(WARNING_BACKGROUND)
_WARNING_TEXT = QColor(WARNING_COLOR)


@dataclass
class _Row:
    task: Task
    warnings: list[PlanWarning] = field(default_factory=list)
    deadline_confirmed: bool = False  # picked by the user: no longer checked against the issue date
    owners_edited: bool = False
    original: Task | None = None  # the task as the document has it

    def __post_init__(self) -> None:
        if self.original is None:
            self.original = self.task


class PreviewModel(QAbstractTableModel):
    """The parsed tasks as rows; owners and deadlines are editable, warnings highlighted."""

    plan_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: ParsedPlan | None = None
        self._rows: list[_Row] = []
        self._plan_warnings: list[PlanWarning] = []
        self._known: list[str] = []
        self._title: str | None = None
        self._year: int | None = None
        self._issued_on: date | None = None
        self._icon: QIcon | None = None

    # -- feeding and reading back ---------------------------------------------------------

    def set_plan(self, parsed: ParsedPlan | None, known_departments: Iterable[str] = ()) -> None:
        """Show ``parsed`` (None empties the table); ``known_departments`` feed the completer."""
        self.beginResetModel()
        self._plan = parsed
        self._known = list(dict.fromkeys(known_departments))
        self._rows = [_Row(t) for t in parsed.tasks] if parsed else []
        self._plan_warnings = []
        self._title = parsed.title if parsed else None
        self._year = parsed.year if parsed else None
        self._issued_on = parsed.issued_on if parsed else None
        first_row: dict[str, int] = {}
        for i, row in enumerate(self._rows):
            first_row.setdefault(row.task.label, i)
        for warning in parsed.warnings if parsed else ():
            at = first_row.get(warning.task) if warning.task is not None else None
            if at is None:
                self._plan_warnings.append(warning)
            else:
                self._rows[at].warnings.append(warning)
        self.endResetModel()

    def parsed_plan(self) -> ParsedPlan | None:
        """The plan as corrected: header, tasks, and only the warnings still open."""
        if self._plan is None:
            return None
        warnings = [*self._plan_warnings, *(w for row in self._rows for w in row.warnings)]
        return replace(
            self._plan,
            title=self._title,
            year=self._year,
            issued_on=self._issued_on,
            tasks=tuple(row.task for row in self._rows),
            warnings=tuple(warnings),
        )

    def corrections(self) -> dict[int, Task]:
        """The tasks whose owners or deadline the user changed: index → the document's task.

        The importer keeps the document's values beside the user's and marks the user's
        as corrections, which later revisions of the plan leave alone.
        """
        out: dict[int, Task] = {}
        for i, row in enumerate(self._rows):
            original = row.original or row.task
            owners = row.owners_edited and (row.task.lead, row.task.responsible) != (
                original.lead,
                original.responsible,
            )
            deadline = row.deadline_confirmed and row.task.deadline != original.deadline
            if owners or deadline:
                out[i] = original
        return out

    def title(self) -> str | None:
        """The plan's title as it will be imported (None: without one)."""
        return self._title

    def document_title(self) -> str | None:
        """The title the document gives, whatever the user made of it."""
        return self._plan.title if self._plan else None

    def year(self) -> int | None:
        return self._year

    def issued_on(self) -> date | None:
        return self._issued_on

    def task(self, row: int) -> Task:
        return self._rows[row].task

    def warning_rows(self) -> list[int]:
        """Rows that still carry a warning (the highlighted ones)."""
        return [i for i, row in enumerate(self._rows) if row.warnings]

    def plan_warnings(self) -> list[PlanWarning]:
        """Warnings about the document as a whole (reader notes), not about one task."""
        return list(self._plan_warnings)

    def department_names(self) -> list[str]:
        """Known department names and every name the plan uses, for completion."""
        names = dict.fromkeys(self._known)
        for row in self._rows:
            names.update(dict.fromkeys(row.task.owners))
        return sorted(names)

    # -- header fields ---------------------------------------------------------------------

    def set_title(self, text: str | None) -> None:
        """The plan's title as the user typed it (trimmed; empty is none). Too long a one
        raises the importer's ``ServiceError`` and leaves the title as it was."""
        title = clean_title(text)
        if self._plan is None or title == self._title:
            return
        self._title = title
        self.plan_edited.emit()

    def keep_title(self, title: str | None) -> None:
        """The title a stored plan keeps when this document revises it (the first dry run
        says so): the preview starts with it. Nothing else changes, so nothing is signalled."""
        if self._plan is not None and title is not None:
            self._title = title

    def set_year(self, year: int | None) -> None:
        """Correct the plan's year: dated deadlines move with it, month ends stay month ends."""
        if self._plan is None or year == self._year:
            return
        old, self._year = self._year, year
        if year is not None:  # no year: nothing to move or to reread
            for row in self._rows:
                d = row.task.deadline
                if old is not None and d.due is not None:
                    years = year - old
                    moved = replace(
                        d,
                        due=shift_year(d.due, years),
                        milestones=tuple(shift_year(m, years) for m in d.milestones),
                    )
                    row.task = replace(row.task, deadline=moved)
                elif d.due is None and d.kind == "none" and d.raw:
                    # A date the parser could not place without a year may now be understood.
                    found = parse_deadline(d.raw, year)
                    if found.due is not None:
                        row.task = replace(row.task, deadline=found)
                        row.warnings = [w for w in row.warnings if w.code not in _DEADLINE_CODES]
        self._check_issue_dates()
        self._all_changed()

    def set_issued_on(self, issued_on: date | None) -> None:
        """Correct the document date; deadlines before it are flagged again."""
        if self._plan is None or issued_on == self._issued_on:
            return
        self._issued_on = issued_on
        self._check_issue_dates()
        self._all_changed()

    def _check_issue_dates(self) -> None:
        for row in self._rows:
            if row.deadline_confirmed:
                continue
            row.warnings = [w for w in row.warnings if w.code != "deadline_before_issue"]
            due, issued = row.task.deadline.due, self._issued_on
            if due is not None and issued is not None and due < issued:
                message = QCoreApplication.translate(
                    "PreviewModel", "任务 {0} 的完成时间 {1} 早于发文日期 {2}"
                ).format(row.task.label, due.isoformat(), issued.isoformat())
                row.warnings.append(PlanWarning(row.task.label, "deadline_before_issue", message))

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )
        self.plan_edited.emit()

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("序号"),
                self.tr("任务内容"),
                self.tr("牵头部门"),
                self.tr("责任部门"),
                self.tr("完成时间"),
                self.tr("提示"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (LEAD, RESPONSIBLE):
            return self.tr("双击修改；多个部门用“、”或“，”分隔")
        if role == Qt.ItemDataRole.ToolTipRole and section == DEADLINE:
            return self.tr("双击选择完成月份")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (LEAD, RESPONSIBLE, DEADLINE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        task = row.task
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == HAS_WARNING_ROLE:
            return bool(row.warnings)
        if role == DEADLINE_CHOICE_ROLE:
            return picker_choice(task.deadline)
        if role == Qt.ItemDataRole.BackgroundRole and row.warnings:
            return QBrush(_WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.warnings:
            return QBrush(_WARNING_TEXT) if column == NOTE else QBrush(QColor(Qt.GlobalColor.black))
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL and row.warnings:
            return self._warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LABEL:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text(self, row: _Row, column: int, editing: bool) -> str:
        task = row.task
        if column == LABEL:
            return task.label
        if column == TEXT:
            return task.text
        if column == LEAD:
            return "、".join(task.lead)
        if column == RESPONSIBLE:
            return "、".join(task.responsible)
        if column == DEADLINE:
            return self.deadline_text(task.deadline, with_date=not editing)
        return "；".join(self._short_message(task.label, w.message) for w in row.warnings)

    @staticmethod
    def _short_message(label: str, message: str) -> str:
        """The message without its ``任务 23 的`` opening: the row already says which task."""
        return re.sub(rf"^任务\s*{re.escape(label)}\s*的?\s*", "", message) or message

    def _tooltip(self, row: _Row, column: int) -> str | None:
        task = row.task
        if column == TEXT:
            tip = task.text
            if task.annotation:
                tip += "\n" + self.tr("原文标注：{0}").format(task.annotation)
            return tip
        if column == DEADLINE and task.deadline.milestones:
            dates = "、".join(m.isoformat() for m in task.deadline.milestones)
            return self.tr("分阶段完成：{0}").format(dates)
        if column == NOTE and row.warnings:
            return "\n".join(w.message for w in row.warnings)
        return None

    def deadline_text(self, deadline: Deadline, *, with_date: bool = True) -> str:
        shown = deadline.raw or {
            "ongoing": self.tr("持续推进"),
            "recurring": self.tr("定期"),
        }.get(deadline.kind, self.tr("未标注"))
        if with_date and deadline.due is not None:
            return self.tr("{0}（{1}）").format(shown, deadline.due.isoformat())
        return shown

    def _warning_icon(self) -> QIcon:
        if self._icon is None:
            style = QApplication.style()
            self._icon = (
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()
            )
        return self._icon

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        row = self._rows[index.row()]
        if index.column() in (LEAD, RESPONSIBLE):
            if not isinstance(value, str):
                return False
            self._set_owners(row, index.column(), tuple(split_owners(value)))
        else:
            deadline = deadline_from(value, self._year)
            if deadline is None:
                return False
            row.task = replace(row.task, deadline=deadline)
            row.deadline_confirmed = True
            row.warnings = [w for w in row.warnings if w.code not in _DEADLINE_CODES]
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COLUMN_COUNT - 1))
        self.plan_edited.emit()
        return True

    def _set_owners(self, row: _Row, column: int, names: tuple[str, ...]) -> None:
        task = row.task
        lead = names if column == LEAD else task.lead
        responsible = names if column == RESPONSIBLE else task.responsible
        collective = tuple(n for n in lead + responsible if is_collective(n))
        row.task = replace(task, lead=lead, responsible=responsible, collective=collective)
        row.owners_edited = True
        row.warnings = [w for w in row.warnings if w.code not in _OWNER_CODES]
        if not lead and not responsible:
            message = QCoreApplication.translate(
                "PreviewModel", "任务 {0} 没有标注牵头或责任部门"
            ).format(task.label)
            row.warnings.append(PlanWarning(task.label, "no_owner", message))
