"""The main view: tasks grouped under 逾期, 1月…12月, 持续推进; a two-level tree model.

It sorts within each group by any column (``sort``; ``task_sort.py`` says how), column -1
being the document's order, and marks what a search found (``highlight.py``). With
``show_plans`` a sixth column names each task's plan (the lists across plans)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

from db.search import match_spans
from desktop_app.reminders.digest import plan_label
from desktop_app.ui.models import highlight
from desktop_app.ui.models.task_sort import (
    COL_DUE,
    COL_LABEL,
    COL_OWNERS,
    COL_PLAN,
    COL_STATUS,
    COL_TEXT,
    owners_text,
    sorted_rows,
)
from desktop_app.ui.theme import STATE_COLORS, dot_icon, state_name, status_name

if TYPE_CHECKING:  # storage and services load after the window's first paint
    from db.repository import TaskRow
    from desktop_app.services.overview import TaskGroup

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OWNERS_HTML_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4
MATCHES_ROLE = Qt.ItemDataRole.UserRole + 5  # the task text's (start, end) matching the search

__all__ = ["COL_DUE", "COL_LABEL", "COL_OWNERS", "COL_PLAN", "COL_STATUS", "COL_TEXT"]
_GROUP = 0  # internalId of a group row; a task row stores its group's index + 1

Index = QModelIndex | QPersistentModelIndex


class MonthTaskModel(QAbstractItemModel):
    def __init__(
        self, parent=None, *, show_plans: bool = False, late_in_months: bool = True
    ) -> None:
        """``late_in_months``: a late task is listed again under its month (the month view;
        我的本月任务 lists only this month)."""
        super().__init__(parent)
        self._late_in_months = late_in_months
        self._given: list[TaskGroup] = []  # as the presenter grouped them: the document's order
        self._given_states: list[list[str]] = []
        self._groups: list[TaskGroup] = []  # as shown: sorted
        self._states: list[list[str]] = []
        self._query = ""
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._show_plans = show_plans
        self._plan_names: dict[int, str] = {}
        self._group_font = QFont()
        self._group_font.setBold(True)
        # Uniform rows take their height from the first row, a group title that may be
        # Latin only (in English); size every row for Chinese text and the owners' bold.
        metrics = QFontMetrics(self._group_font)
        self._row_size = QSize(-1, metrics.boundingRect("汉字 Ag").height() + 8)
        self._headers = [
            self.tr("序号"),
            self.tr("任务"),
            self.tr("完成时间"),
            self.tr("牵头 / 责任部门"),
            self.tr("状态"),
            self.tr("计划"),
        ]

    # -- feeding ---------------------------------------------------------------------
    def set_groups(
        self, groups: Sequence[TaskGroup], today: date, soon_until: date, query: str = ""
    ) -> None:
        """New rows, in the sort in force; each task's state is computed here once, never
        inside data(). ``query``: the search whose matches are marked."""
        self.beginResetModel()
        self._given = list(groups)
        self._given_states = [[t.state(today, soon_until) for t in g.tasks] for g in groups]
        self._query = query.strip()
        self._plan_names = {}
        for g in self._given:
            for t in g.tasks:
                if t.plan_id not in self._plan_names:
                    self._plan_names[t.plan_id] = plan_label(t.plan_title)
        self._apply_sort()
        self.endResetModel()

    def set_show_plans(self, show: bool) -> None:
        """Whether the sixth column names each task's plan."""
        if show != self._show_plans:
            self.beginResetModel()
            self._show_plans = show
            if not show and self._sort[0] == COL_PLAN:  # no such column: the document's order
                self._sort = (-1, Qt.SortOrder.AscendingOrder)
                self._apply_sort()
            self.endResetModel()

    def shows_plans(self) -> bool:
        return self._show_plans

    def query(self) -> str:
        return self._query

    def plan_name(self, task: TaskRow) -> str:
        return self._plan_names.get(task.plan_id) or plan_label(task.plan_title)

    # -- sorting ---------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Each group's tasks by ``column`` (-1: the document's order); the groups stay."""
        if column >= self.columnCount():
            column = -1
        if (column, order) == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        where = [(i.internalId(), self.task_at(i), i.row(), i.column()) for i in before]
        self._sort = (column, order)
        self._apply_sort()
        rows: dict[int, dict[int, int]] = {}  # per group: a task row's object → its new row
        after = []
        for internal, task, row, col in where:
            if internal == _GROUP or task is None:
                after.append(self.index(row, col))
                continue
            if internal not in rows:
                tasks = self._groups[internal - 1].tasks
                rows[internal] = {id(t): r for r, t in enumerate(tasks)}
            after.append(self.createIndex(rows[internal][id(task)], col, internal))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort[0]

    def sort_order(self) -> Qt.SortOrder:
        return self._sort[1]

    def _apply_sort(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        self._groups, self._states = [], []
        for group, states in zip(self._given, self._given_states, strict=True):
            plans = [self.plan_name(t) for t in group.tasks]
            rows = sorted_rows(group.tasks, states, plans, column, descending)
            self._groups.append(replace(group, tasks=tuple(group.tasks[r] for r in rows)))
            self._states.append([states[r] for r in rows])

    def groups(self) -> list[TaskGroup]:
        return list(self._groups)

    def labels(self) -> list[str]:
        """Every task's 序号 (the view sizes its column by them)."""
        return [t.label for g in self._groups for t in g.tasks]

    def group_row(self, key: str) -> int | None:
        return next((i for i, g in enumerate(self._groups) if g.key == key), None)

    def task_at(self, index: Index) -> TaskRow | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].tasks[index.row()]

    def group_key_of(self, index: Index) -> str | None:
        """The key of the group a task row is listed in (None for a group row)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].key

    def find_task(self, task_id: int, group_key: str | None = None) -> QModelIndex:
        """The row showing ``task_id`` under the group ``group_key`` when it is there, else
        under its month rather than under 逾期 (a late task is listed in both)."""
        found = QModelIndex()
        for g, group in enumerate(self._groups):
            for r, t in enumerate(group.tasks):
                if t.id != task_id:
                    continue
                index = self.index(r, 0, self.index(g, 0))
                if group.key == group_key:
                    return index
                if not found.isValid() or self.group_key_of(found) == "late":
                    found = index
        return found

    # -- structure -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    # Both of Qt's parent()s, as in QAbstractItemModel: without an index, QObject's owner.
    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, index: Index, /) -> QModelIndex: ...
    def parent(self, index: Index | None = None) -> QObject | QModelIndex | None:
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].tasks)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers) if self._show_plans else COL_PLAN

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columnCount()
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- content ---------------------------------------------------------------------
    def group_title(self, group: TaskGroup) -> str:
        if group.key == "late":
            title = self.tr("逾期未完成")
        elif group.key == "ongoing":
            title = self.tr("持续推进 / 定期")
        elif group.key == "undated":
            title = self.tr("未标注完成时间")
        elif group.key == "other_years":
            title = self.tr("其他年份")
        else:
            title = self.tr("{0}月").format(group.month)
        return title

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._row_size
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        g = index.internalId() - 1
        task = self._groups[g].tasks[index.row()]
        state = self._states[g][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_LABEL:
                return task.label
            if column == COL_TEXT:
                return task.text
            if column == COL_DUE:
                return _due_text(task)
            if column == COL_OWNERS:
                return owners_text(task)
            if column == COL_STATUS:
                return status_name(task.status)
            if column == COL_PLAN:
                return self.plan_name(task)
        elif role == Qt.ItemDataRole.DecorationRole and column == COL_LABEL:
            return dot_icon(state)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_LABEL, COL_STATUS):
                return state_name(state)
            if column == COL_DUE:
                return task.deadline_raw or _due_text(task)
            if column == COL_PLAN:
                return task.plan_title or self.plan_name(task)
            if column == COL_TEXT:
                return highlight.tooltip_html(task.text, self._spans(task.text))
            return self._owners_tooltip(task)
        elif role == Qt.ItemDataRole.ForegroundRole and column == COL_DUE and state == "late":
            return QBrush(QColor(STATE_COLORS["late"]))
        elif role == OWNERS_HTML_ROLE:
            return highlight.owners_html(task, self._query)
        elif role == MATCHES_ROLE and column == COL_TEXT:
            return self._spans(task.text)
        elif role == TASK_ID_ROLE:
            return task.id
        elif role == STATE_ROLE:
            return state
        return None

    def _spans(self, text: str) -> list[tuple[int, int]]:
        return match_spans(text, self._query) if self._query else []

    def _owners_tooltip(self, task: TaskRow) -> str:
        """Both roles named, each name whole, the matches marked."""
        lines = []
        for title, names in (
            (self.tr("牵头部门："), task.lead),
            (self.tr("责任部门："), task.responsible),
        ):
            if names:
                joined = "、".join(names)
                lines.append(html.escape(title) + highlight.marked(joined, self._spans(joined)))
        return "<p>" + ("<br>".join(lines) or "—") + "</p>"

    def _group_data(self, index: Index, role: int):
        group = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_LABEL:
            states = self._states[index.row()]
            late = sum(1 for s in states if s == "late")
            lagging = sum(1 for s in states if s == "lagging")
            text = self.group_title(group) + self.tr("（{0} 项").format(len(states))
            if group.key == "late":
                if self._late_in_months:  # each is listed again under its month
                    text += self.tr("，也列在各自月份中")
            elif late:
                text += self.tr("，逾期 {0}").format(late)
            if lagging:
                text += self.tr("，未达序时进度 {0}").format(lagging)
            return text + self.tr("）")
        if role == Qt.ItemDataRole.ToolTipRole and group.key == "late":
            if not self._late_in_months:
                return self.tr("逾期未完成的任务；本月到期而已逾期的，也列在本月中。")
            return self.tr("逾期未完成的任务集中列在这里，同时仍列在各自的完成月份中。")
        if role == Qt.ItemDataRole.FontRole:
            return self._group_font
        if role == GROUP_KEY_ROLE:
            return group.key
        if role == Qt.ItemDataRole.ForegroundRole and group.key == "late":
            return QBrush(QColor(STATE_COLORS["late"]))
        return None


def _due_text(task: TaskRow) -> str:
    if task.due is not None:
        return task.due.isoformat()
    if task.deadline_kind in ("ongoing", "recurring"):
        return task.deadline_raw or ""
    return task.deadline_raw or "—"
