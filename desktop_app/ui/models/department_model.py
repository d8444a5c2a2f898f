"""The left list: every department with its tasks due this month, its late tasks and a dot."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.ui.models import ALL_DEPARTMENTS
from desktop_app.ui.theme import dot_icon, state_name

if TYPE_CHECKING:  # the services load after the window's first paint
    from desktop_app.services.overview import DepartmentSummary, Totals

DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class DepartmentListModel(QAbstractListModel):
    """Row 0 is "all departments"; then the summaries in the order given (mine first)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DepartmentSummary] = []
        self._totals: Totals | None = None
        self._mine: tuple[int, int] | None = None  # 只看我的部门: row 0's (due, late)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[DepartmentSummary], totals: Totals) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._totals = totals
        self.endResetModel()

    def show_mine(self, counts: tuple[int, int] | None) -> None:
        """Row 0 as "my departments" with these (due this month, late) counts, when the view
        shows only mine (只看我的部门 on 全部部门); None: every department again."""
        if counts != self._mine:
            self._mine = counts
            first = self.index(0)
            self.dataChanged.emit(first, first)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + 1

    def row_of(self, department_id: int) -> int | None:
        if department_id == ALL_DEPARTMENTS:
            return 0
        for i, r in enumerate(self._rows):
            if r.id == department_id:
                return i + 1
        return None

    def department_id(self, index: Index) -> int | None:
        """The department of a row (ALL_DEPARTMENTS for the first), None for no row."""
        value = index.data(DEPARTMENT_ID_ROLE) if index.isValid() else None
        return None if value is None else int(value)

    def summary(self, row: int) -> DepartmentSummary | None:
        return self._rows[row - 1] if 1 <= row <= len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                if self._mine is not None:
                    return self.tr("我的部门") + self._counts(*self._mine)
                totals = self._totals
                due, late = (totals.due_this_month, totals.late) if totals else (0, 0)
                return self.tr("全部部门") + self._counts(due, late)
            if role == DEPARTMENT_ID_ROLE:
                return ALL_DEPARTMENTS
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        r = self._rows[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "★ " if r.mine else ""
            return f"{mark}{r.name}{self._counts(r.due_this_month, r.late)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return dot_icon(r.worst)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [r.name]
            if r.collective:
                lines.append(self.tr("集体部门，成员未知：可在“设置 → 部门”中指定哪些部门属于它"))
            lines.append(
                self.tr("本月到期 {0} 项，逾期 {1} 项，共 {2} 项").format(
                    r.due_this_month, r.late, r.total
                )
            )
            if r.worst:
                lines.append(self.tr("状态：") + state_name(r.worst))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and r.mine:
            return self._bold
        if role == DEPARTMENT_ID_ROLE:
            return r.id
        return None

    def _counts(self, due: int, late: int) -> str:
        parts = []
        if due:
            parts.append(self.tr("本月 {0}").format(due))
        if late:
            parts.append(self.tr("逾期 {0}").format(late))
        return ("  · " + " · ".join(parts)) if parts else ""
