"""The general office's picture: departments × months, each cell a count coloured by its worst
state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.theme import background, dot_icon, state_name

if TYPE_CHECKING:  # the services load after the window's first paint
    from desktop_app.services.overview import OverviewGrid

DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MONTH_ROLE = Qt.ItemDataRole.UserRole + 2
WORST_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._grid: OverviewGrid | None = None
        self._compact = False  # month headers as bare numbers, the grid being narrow

    def set_grid(self, grid: OverviewGrid) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def set_compact_headers(self, compact: bool) -> None:
        """ "10" instead of "10月" (the tooltip keeps the whole name), for a narrow grid."""
        if compact != self._compact:
            self._compact = compact
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 11)

    def month_header(self, month: int, *, compact: bool = False) -> str:
        return str(month) if compact else self.tr("{0}月").format(month)

    def department_labels(self) -> list[str]:
        """The rows' headers as shown (the view sizes its department column by them)."""
        return [self._department_label(r) for r in range(self.rowCount())]

    def _department_label(self, row: int) -> str:
        assert self._grid is not None
        dept = self._grid.departments[row]
        return ("★ " if dept.mine else "") + dept.name

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._grid is None else len(self._grid.departments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 12

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < 12:
                return self.month_header(section + 1, compact=self._compact)
            if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < 12:
                return self.month_header(section + 1)
            return None
        if self._grid is None or not 0 <= section < len(self._grid.departments):
            return None
        dept = self._grid.departments[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._department_label(section)  # the tooltip: whole when elided
        if role == Qt.ItemDataRole.DecorationRole:
            return dot_icon(dept.worst)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell_at(self, index: Index) -> tuple[int, int] | None:
        """(department id, month) of a cell, None outside the grid."""
        department_id = index.data(DEPARTMENT_ID_ROLE) if index.isValid() else None
        if department_id is None:
            return None
        return int(department_id), int(index.data(MONTH_ROLE))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if self._grid is None or not index.isValid():
            return None
        if not (0 <= index.row() < self.rowCount() and 0 <= index.column() < 12):
            return None
        cell = self._grid.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.count) if cell.count else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return background(cell.worst)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell.count:
            dept = self._grid.departments[index.row()]
            parts = [f"{state_name(s)} {n}" for s, n in sorted(cell.states.items())]
            return self.tr("{0} · {1}月：").format(dept.name, index.column() + 1) + "，".join(parts)
        if role == DEPARTMENT_ID_ROLE:
            return self._grid.departments[index.row()].id
        if role == MONTH_ROLE:
            return index.column() + 1
        if role == WORST_ROLE:
            return cell.worst
        return None
