"""The three panes of the main window: plans and departments on the left, the month view or
the overview in the centre, the chosen task on the right.

Only widgets here; the window connects them and feeds their models. They are built once the
database is open (``MainWindow.attach_storage``), after the window's first paint: their Qt
classes are most of what the window would otherwise import before it is seen. Strings keep
the translation context ``MainWindow``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.models.department_model import DepartmentListModel
from desktop_app.ui.models.month_model import (
    COL_DUE,
    COL_LABEL,
    COL_OWNERS,
    COL_STATUS,
    COL_TEXT,
    OWNERS_HTML_ROLE,
    MonthTaskModel,
)
from desktop_app.ui.models.overview_model import OverviewModel
from desktop_app.ui.task_panel import TaskPanel
from desktop_app.ui.theme import STATE_COLORS, state_name, status_name


class RichTextDelegate(QStyledItemDelegate):
    """Paints the owners column with the lead departments in bold, on one line: what does
    not fit ends in "…" (the tooltip has all of it)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(OWNERS_HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
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


class Workspace(QSplitter):
    """The panes and their item models; the search box, filters and views the window reads."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("main_splitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(QLabel(QCoreApplication.translate("MainWindow", "工作要点")))
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_combo.setMinimumContentsLength(12)
        left_layout.addWidget(self.plan_combo)
        left_layout.addWidget(QLabel(QCoreApplication.translate("MainWindow", "部门")))
        self.department_model = DepartmentListModel(self)
        self.department_view = QListView()
        self.department_view.setModel(self.department_model)
        self.department_view.setUniformItemSizes(True)
        self.department_view.setIconSize(QSize(12, 12))
        left_layout.addWidget(self.department_view)
        left.setMinimumWidth(170)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 6, 0, 6)
        filters = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "搜索任务内容或部门（Ctrl+F）")
        )
        self.search_box.setClearButtonEnabled(True)
        # Esc anywhere in the window empties it (named for 帮助 → 快捷键)
        clear = QAction(QCoreApplication.translate("MainWindow", "清空搜索"), self.search_box)
        clear.setShortcut(QKeySequence(QKeySequence.StandardKey.Cancel))
        clear.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        clear.triggered.connect(self.search_box.clear)
        self.search_box.addAction(clear)
        self.search_box.setMinimumWidth(160)  # the panes beside give way first
        filters.addWidget(self.search_box, 3)
        self.status_filter = QComboBox()
        for key, text in (
            ("all", QCoreApplication.translate("MainWindow", "全部状态")),
            ("open", QCoreApplication.translate("MainWindow", "未完成")),
            ("not_started", QCoreApplication.translate("MainWindow", "未开始")),
            ("in_progress", QCoreApplication.translate("MainWindow", "进行中")),
            ("done", QCoreApplication.translate("MainWindow", "已完成")),
            ("cancelled", QCoreApplication.translate("MainWindow", "已取消")),
        ):
            self.status_filter.addItem(text, key)
        filters.addWidget(self.status_filter)
        self.role_filter = QComboBox()
        for role, text in (
            (None, QCoreApplication.translate("MainWindow", "牵头和责任")),
            ("lead", QCoreApplication.translate("MainWindow", "只看牵头")),
            ("responsible", QCoreApplication.translate("MainWindow", "只看责任")),
        ):
            self.role_filter.addItem(text, role)
        filters.addWidget(self.role_filter)
        self.mine_only = QCheckBox(QCoreApplication.translate("MainWindow", "只看我的部门"))
        filters.addWidget(self.mine_only)
        centre_layout.addLayout(filters)

        self.views = QStackedWidget()
        self.month_model = MonthTaskModel(self)
        self.month_view = QTreeView()
        self.month_view.setModel(self.month_model)
        self.month_view.setUniformRowHeights(True)
        self.month_view.setIconSize(QSize(12, 12))
        self.month_view.setAlternatingRowColors(True)
        self.month_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.month_view.setItemDelegateForColumn(COL_OWNERS, RichTextDelegate(self.month_view))
        header = self.month_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.month_view.fontMetrics()
        status_width = max(
            metrics.horizontalAdvance(status_name(s))
            for s in ("not_started", "in_progress", "done", "cancelled")
        )
        for column, width in (
            (COL_LABEL, 150),
            (COL_DUE, 96),
            (COL_OWNERS, 210),
            (COL_STATUS, status_width + 24),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.views.addWidget(self.month_view)

        self.overview_model = OverviewModel(self)
        self.overview_view = QTableView()
        self.overview_view.setModel(self.overview_model)
        self.overview_view.setIconSize(QSize(12, 12))
        self.overview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overview_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.overview_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.views.addWidget(self.overview_view)
        centre_layout.addWidget(self.views)
        self.legend = QLabel(legend_html())
        centre_layout.addWidget(self.legend)

        self.task_panel = TaskPanel(None, today, None)  # attached with the storage

        self.addWidget(left)
        self.addWidget(centre)
        self.addWidget(self.task_panel)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setStretchFactor(2, 0)
        self.setSizes([230, 720, 330])

    def set_plans(self, plans: Sequence[tuple[int, str, str | None]], current: int) -> None:
        """The plan selector: (id, shown text, full title for the tooltip); no signal emitted."""
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan_id, text, title in plans:
            self.plan_combo.addItem(text, plan_id)
            self.plan_combo.setItemData(
                self.plan_combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole
            )
        self.plan_combo.setCurrentIndex(self.plan_combo.findData(current))
        self.plan_combo.blockSignals(False)
        # The box is as narrow as the left pane; its list opens wide enough for whole titles.
        popup, metrics = self.plan_combo.view(), self.plan_combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(text) for _id, text, _title in plans), default=0)
        popup.setMinimumWidth(widest + 32)  # the item's margins and a scroll bar


def legend_html() -> str:
    """The colours of the states, under the month view and the overview."""
    parts = [
        f"<span style='color:{STATE_COLORS[s]}'>●</span> {state_name(s)}"
        for s in ("late", "behind", "due_soon", "pending", "ongoing", "done")
    ]
    return "<small>" + "　".join(parts) + "</small>"
