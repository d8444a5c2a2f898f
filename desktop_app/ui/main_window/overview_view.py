"""The overview's grid, readable at 1024 px: the twelve months side by side, each as wide as
its header ("10月"; only the number, its tooltip whole, where even that does not fit), the
department names elided to what is left (their tooltip whole), and, on a window too narrow
for all twelve, the current quarter scrolled into view.

The department column's width is set here, from the grid's width and the names, before Qt
lays the headers out: left to Qt, it changes after the grid is first shown, the month
header moves right under a paint already asked for at its old place, and Qt paints it
outside the grid, over the pane beside it, where it stays (seen under X11 on switching
between the month view and the overview).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.ui.models.overview_model import OverviewModel

MONTHS = 12
MIN_DEPARTMENT = 96  # about six characters and the dot
MAX_DEPARTMENT = 280
HEADER_PADDING = 12  # a header section's margins


class OverviewView(QTableView):
    """Departments × months; ``show_quarter`` says which quarter must stay in view."""

    def __init__(self, model: OverviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._quarter = 1
        self.setIconSize(QSize(12, 12))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        months = self.horizontalHeader()
        months.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        months.setMinimumSectionSize(self._month_width(compact=True))
        departments = self.verticalHeader()
        departments.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        departments.setTextElideMode(Qt.TextElideMode.ElideRight)
        model.modelReset.connect(self.fit)

    def _month_width(self, *, compact: bool) -> int:
        """The narrowest a month may be with its whole header: "12月", or "12"."""
        metrics = self.horizontalHeader().fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self._model.month_header(m, compact=compact))
            for m in range(1, MONTHS + 1)
        )
        return widest + HEADER_PADDING

    def _names_width(self) -> int:
        """The department column as wide as the longest name with its dot and star."""
        metrics = self.verticalHeader().fontMetrics()
        names = self._model.department_labels()
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        return widest + self.iconSize().width() + 3 * HEADER_PADDING // 2

    def fit(self) -> None:
        """Department column and month headers for the width the grid has now."""
        frame = 2 * self.frameWidth()
        scroll = self.verticalScrollBar().sizeHint().width()  # room kept should it appear
        room = self.width() - frame - scroll
        full = self._month_width(compact=False)
        names = max(MIN_DEPARTMENT, min(self._names_width(), MAX_DEPARTMENT))
        if room - names < MONTHS * full:  # the months first: the names give way
            names = max(MIN_DEPARTMENT, room - MONTHS * full)
        compact = room - names < MONTHS * full
        self._model.set_compact_headers(compact)
        departments = self.verticalHeader()
        if departments.width() != names or departments.minimumWidth() != names:
            departments.setFixedWidth(names)
            self.updateGeometries()
        self.show_quarter(self._quarter)

    def show_quarter(self, quarter: int) -> None:
        """Keep the quarter's three months in view (on a grid too narrow for all twelve)."""
        self._quarter = quarter
        if self._model.rowCount() == 0:
            return
        last, first = self._model.index(0, quarter * 3 - 1), self._model.index(0, quarter * 3 - 3)
        self.scrollTo(last, QAbstractItemView.ScrollHint.EnsureVisible)
        self.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit()
        super().resizeEvent(event)
