"""The month view's tree: its columns fitted to the width it has, so that the deadline, the
owners and the status stay in view without a horizontal scroll bar at 1024 px, and the task
text gets the rest.

序号, 完成时间 and 状态 are as wide as their contents in the language in use (the widest
label of the plan, a whole date, the widest status name); 牵头 / 责任部门 keeps the width the
user dragged it to, as far as the task text keeps ``MIN_TEXT``; the text stretches; 计划,
in the lists across plans, is as wide as the plans' short names.

A click on a header sorts each group by that column, a second click the other way, a third
back to the document's order. Rows are selected as in a file manager (Ctrl, Shift; Ctrl+A
takes the tasks of the current row's group); the window acts on the selection.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop_app.ui.models.highlight import lead_in, marked
from desktop_app.ui.models.month_model import (
    COL_DUE,
    COL_LABEL,
    COL_OWNERS,
    COL_PLAN,
    COL_STATUS,
    COL_TEXT,
    MATCHES_ROLE,
    OWNERS_HTML_ROLE,
    MonthTaskModel,
)
from desktop_app.ui.theme import status_name

MIN_TEXT = 160  # the task text never gets less while the owners can give way
MIN_OWNERS = 96  # about seven characters: the lead department, elided
PADDING = 20  # an item's margins on both sides, and room for a sort arrow in the header
STATUSES = ("not_started", "in_progress", "done", "cancelled")
A_DATE = "2024-12-31"  # a deadline as the column shows it: all dates are as wide
MAX_PLAN = 150  # the plan's short name (``digest.plan_label``): the tooltip has the title


@dataclass(frozen=True)
class ListPlace:
    """Where the list stands: kept while the tasks shown change (a note, a status)."""

    expanded: frozenset[str]  # the keys of the groups open
    group: str | None  # the group of the row chosen (a late task is in two)
    scroll: int


class MonthView(QTreeView):
    """The tree of groups (逾期, 1月…12月, 持续推进) and their tasks, its columns fitted."""

    sort_changed = Signal()  # a header click sorted the list (or let the sort go)

    def __init__(self, model: MonthTaskModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setUniformRowHeights(True)
        self.setIconSize(QSize(12, 12))
        self.setIndentation(16)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        delegate = RichTextDelegate(self)
        self.setItemDelegateForColumn(COL_OWNERS, delegate)
        self.setItemDelegateForColumn(COL_TEXT, delegate)
        self._owners_wanted: int | None = None  # the user's width of the owners, once set
        self._fitting = False
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        self._set_resize_modes()
        header.sectionResized.connect(self._section_resized)
        # Sorting: ascending, descending, then none (the document's order) again.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        model.modelReset.connect(self._model_reset)

    def _model_reset(self) -> None:
        self._set_resize_modes()  # the plans' column may have come or gone, and its sort
        column, order = self.sort_state()
        header = self.header()
        if header.sortIndicatorSection() != column:
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
        self.fit_columns()

    def _set_resize_modes(self) -> None:
        header = self.header()
        for column in (COL_LABEL, COL_DUE, COL_STATUS, COL_PLAN):
            if column < header.count():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_OWNERS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)

    # -- the groups and the row chosen ----------------------------------------------------
    def open_default(self, this_month: str | None, *, everything: bool) -> None:
        """Late tasks open, and this month (``YYYY-MM``), or when it has none of the shown
        tasks the next month that has some (what comes next), else the first month with
        tasks; ``everything`` (a search) opens every group."""
        self._span_titles()
        if everything:
            self.expandAll()
            return
        groups = self._model.groups()
        with_tasks = [i for i, g in enumerate(groups) if g.month is not None and g.tasks]
        target = None
        if this_month is not None:
            target = next((i for i in with_tasks if groups[i].key >= this_month), None)
        if target is None:
            target = with_tasks[0] if with_tasks else None
        for i, g in enumerate(groups):
            self.setExpanded(self._model.index(i, 0), i == target or g.key == "late")

    def open_groups(self, keys: Collection[str]) -> None:
        self._span_titles()
        for row, group in enumerate(self._model.groups()):
            self.setExpanded(self._model.index(row, 0), group.key in keys)

    def _span_titles(self) -> None:
        for row in range(self._model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)

    def place(self) -> ListPlace:
        model = self._model
        expanded = frozenset(
            g.key for row, g in enumerate(model.groups()) if self.isExpanded(model.index(row, 0))
        )
        group = model.group_key_of(self.currentIndex())
        return ListPlace(expanded, group, self.verticalScrollBar().value())

    def choose(self, task_id: int, group: str | None) -> QModelIndex:
        """The row of ``task_id`` (under ``group`` if it is there) made current, its group
        open, without telling the task panel, which shows it already."""
        index = self._model.find_task(task_id, group)
        if index.isValid():
            self.selectionModel().blockSignals(True)
            self.setCurrentIndex(index)
            self.selectionModel().blockSignals(False)
            self.setExpanded(index.parent(), True)
        return index

    # -- sorting ----------------------------------------------------------------------
    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        self._model.sort(column, order)
        self.sort_changed.emit()

    def set_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort as a click on ``column``'s header would (-1: the document's order)."""
        if not 0 <= column < self._model.columnCount():
            column, order = -1, Qt.SortOrder.AscendingOrder
        header = self.header()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self._model.sort(column, order)

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._model.sort_column(), self._model.sort_order()

    # -- the selection ----------------------------------------------------------------
    def selected_tasks(self) -> list[tuple[int, str | None]]:
        """The task rows selected, as (task id, group key), top to bottom; a late task
        selected in both of its groups is there twice (the window counts it once)."""
        rows = [i for i in self.selectionModel().selectedRows(COL_LABEL)]
        rows.sort(key=lambda i: (i.parent().row(), i.row()))
        found = []
        for index in rows:
            task = self._model.task_at(index)
            if task is not None:
                found.append((task.id, self._model.group_key_of(index)))
        return found

    def select_tasks(self, wanted: list[tuple[int, str | None]]) -> None:
        """Select these rows again (each under its group when it is still there, else under
        its month), the current row kept; rows no longer shown are left out."""
        selection = QItemSelection()
        for task_id, group in wanted:
            index = self._model.find_task(task_id, group)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self._model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_group()
            return
        super().keyPressEvent(event)

    def select_group(self) -> None:
        """Ctrl+A: every task of the current row's group (the groups' titles are not tasks)."""
        current = self.currentIndex()
        if not current.isValid():
            return
        group = current if not current.parent().isValid() else current.parent()
        count = self._model.rowCount(group.siblingAtColumn(0))
        if count == 0:
            return
        self.setExpanded(group, True)
        last = self._model.columnCount() - 1
        first_row = self._model.index(0, 0, group.siblingAtColumn(0))
        last_row = self._model.index(count - 1, last, group.siblingAtColumn(0))
        self.selectionModel().select(
            QItemSelection(first_row, last_row),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )

    # -- the columns ------------------------------------------------------------------
    def content_widths(self) -> dict[int, int]:
        """序号, 完成时间 and 状态 as wide as what they show, in the language in use."""
        metrics = self.fontMetrics()
        bold = self.header().fontMetrics()  # header titles may be drawn bold by the style

        def title(column: int) -> int:
            text = self._model.headerData(column, Qt.Orientation.Horizontal)
            return bold.horizontalAdvance(str(text or "")) + PADDING

        labels = max((metrics.horizontalAdvance(t) for t in self._model.labels()), default=0)
        depth = 2 if self.rootIsDecorated() else 1  # a task is a group's child
        label = depth * self.indentation() + self.iconSize().width() + 6 + labels + PADDING
        status = max(metrics.horizontalAdvance(status_name(s)) for s in STATUSES) + PADDING
        widths = {
            COL_LABEL: min(max(label, title(COL_LABEL)), 180),
            COL_DUE: max(metrics.horizontalAdvance(A_DATE) + PADDING, title(COL_DUE)),
            COL_STATUS: max(status, title(COL_STATUS)),
        }
        if self._model.shows_plans():
            names = {self._model.plan_name(t) for g in self._model.groups() for t in g.tasks}
            plan = max((metrics.horizontalAdvance(n) for n in names), default=0) + PADDING
            widths[COL_PLAN] = min(max(plan, title(COL_PLAN)), MAX_PLAN)
        return widths

    def fit_columns(self) -> None:
        """Give each column its width for the room the viewport has now."""
        room = self.viewport().width()
        if room <= 0:
            return
        widths = self.content_widths()
        free = room - sum(widths.values())  # for the owners and the text
        wanted = self._owners_wanted or max(MIN_OWNERS, min(260, room * 26 // 100))
        owners = max(MIN_OWNERS, min(wanted, free - MIN_TEXT))
        widths[COL_OWNERS] = owners
        self._fitting = True
        try:
            header = self.header()
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column != COL_OWNERS:
            return
        self._owners_wanted = new  # dragged by the user: kept, within what the text allows
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's, as for any view
        super().resizeEvent(event)
        self.fit_columns()

    def columns_state(self) -> QByteArray:
        return self.header().saveState()

    def restore_columns(self, state: QByteArray) -> None:
        """The owners' width a previous session left; the other columns follow the contents
        (a state saved before, or in another language, may hold other widths)."""
        header = self.header()
        if not header.restoreState(state):
            return
        self._set_resize_modes()  # the state carries modes too
        header.setStretchLastSection(False)
        column, order = self.sort_state()  # and a sort indicator: the list's own stays
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self._owners_wanted = header.sectionSize(COL_OWNERS)
        self.fit_columns()


class RichTextDelegate(QStyledItemDelegate):
    """Paints the owners column with the lead departments in bold, and the task text with
    what a search found marked, on one line: what does not fit ends in "…" (the tooltip has
    all of it). A match beyond the text's cell moves the text's start (``lead_in``)."""

    def _html(
        self, opt: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> str | None:
        if index.column() == COL_TEXT:
            spans = index.data(MATCHES_ROLE)
            if not spans:
                return None
            text, moved = lead_in(
                str(index.data() or ""),
                spans,
                opt.fontMetrics.horizontalAdvance,
                opt.rect.width(),
            )
            return marked(text, moved)
        html = index.data(OWNERS_HTML_ROLE)
        return None if html is None else str(html)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = self._html(opt, index)
        if html is None:
            super().paint(painter, option, index)
            return
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)  # no text width: one line, never a half-shown second one
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        rect = opt.rect
        too_long = doc.idealWidth() > rect.width()
        ellipsis = "…"
        room = rect.width() - (opt.fontMetrics.horizontalAdvance(ellipsis) + 4 if too_long else 0)
        painter.save()
        painter.translate(
            rect.left(), rect.top() + max(0, (rect.height() - doc.size().height()) / 2)
        )
        painter.setClipRect(0, 0, max(0, room), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        if too_long:
            painter.save()
            painter.setPen(colour)
            painter.drawText(
                rect.adjusted(0, 0, -2, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                ellipsis,
            )
            painter.restore()
