"""The three panes of the main window: plans and departments on the left, the month view or
the overview in the centre, the chosen task on the right of the list or under it.

Only widgets here; the window connects them and feeds their models. They are built once the
database is open (``MainWindow.attach_storage``), after the window's first paint: their Qt
classes are most of what the window would otherwise import before it is seen. Strings keep
the translation context ``MainWindow``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.main_window.month_view import MonthView
from desktop_app.ui.main_window.my_month import MyMonthPage
from desktop_app.ui.main_window.overview_view import OverviewView
from desktop_app.ui.main_window.panel_place import PanelPlace
from desktop_app.ui.models.department_model import DepartmentListModel
from desktop_app.ui.models.month_model import MonthTaskModel
from desktop_app.ui.models.overview_model import OverviewModel
from desktop_app.ui.quick_filters import QuickFilterBar
from desktop_app.ui.task_panel import TaskPanel
from desktop_app.ui.theme import STATE_COLORS, dot_icon, state_name


class Workspace(QSplitter):
    """The panes and their item models; the search box, filters and views the window reads.
    The task panel is right of the list or under it (``panel_place``)."""

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
        self.search_box = QLineEdit()  # its placeholder says what it covers (search_scope.py)
        self.search_box.setClearButtonEnabled(True)
        # Esc anywhere in the window empties it (named for 帮助 → 快捷键)
        clear = QAction(QCoreApplication.translate("MainWindow", "清空搜索"), self.search_box)
        clear.setShortcut(QKeySequence(QKeySequence.StandardKey.Cancel))
        clear.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        clear.triggered.connect(self.search_box.clear)
        self.search_box.addAction(clear)
        self.search_box.setMinimumWidth(110)  # the panes beside give way first
        filters.addWidget(self.search_box, 3)
        self.search_scope = QComboBox()
        self.search_scope.addItem(QCoreApplication.translate("MainWindow", "本计划"), "plan")
        self.search_scope.addItem(QCoreApplication.translate("MainWindow", "全部计划"), "all")
        self.search_scope.setToolTip(
            QCoreApplication.translate("MainWindow", "搜索范围：当前计划，或全部计划")
        )
        filters.addWidget(self.search_scope)
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
        self.status_filter.insertSeparator(self.status_filter.count())
        for state in ("late", "due_soon", "lagging"):  # by the state on the day, not the status
            self.status_filter.addItem(dot_icon(state), state_name(state), state)
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
        self.quick_filters = QuickFilterBar()
        quick = QHBoxLayout()
        quick.addWidget(self.quick_filters)
        quick.addStretch(1)
        centre_layout.addLayout(quick)

        self.views = QStackedWidget()
        self.month_model = MonthTaskModel(self)
        self.month_view = MonthView(self.month_model)
        self.views.addWidget(self.month_view)
        self.overview_model = OverviewModel(self)
        self.overview_view = OverviewView(self.overview_model)
        self.views.addWidget(self.overview_view)
        self.my_month_model = MonthTaskModel(self, show_plans=True, late_in_months=False)
        self.my_month = MyMonthPage(MonthView(self.my_month_model))
        self.views.addWidget(self.my_month)
        centre_layout.addWidget(self.views)
        self.legend = QLabel(legend_html())
        self.legend.setToolTip(legend_tooltip())
        centre_layout.addWidget(self.legend)

        self.task_panel = TaskPanel(None, today, None)  # attached with the storage
        self.panel_place = PanelPlace(
            self,
            left,
            centre,
            self.task_panel,
            lambda: self.views.currentWidget() is not self.overview_view,
        )
        self.views.currentChanged.connect(lambda _i: self.panel_place.update())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.panel_place.update()  # right of the list, or under it, for the new width
        super().resizeEvent(event)

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


LEGEND_STATES = ("late", "due_soon", "lagging", "pending", "ongoing", "done")


def legend_html() -> str:
    """The colours of the states, under the month view and the overview: one colour each."""
    parts = [
        f"<span style='color:{STATE_COLORS[s]}'>●</span> {state_name(s)}" for s in LEGEND_STATES
    ]
    return "<small>" + "　".join(parts) + "</small>"


def legend_tooltip() -> str:
    """What the colours mean, with the rule of 序时进度 (``db/states.py``)."""
    from desktop_app.ui.main_window.window import SOON_WORKDAYS

    return QCoreApplication.translate(
        "MainWindow",
        "红 逾期：过了完成时间仍未完成\n"
        "蓝 临近到期：{0} 个工作日内到期（尚未开始的，“状态”列写着未开始）\n"
        "黄 未达序时进度：尚未到期，但从计划印发（未注明日期的从年初）算起时间已过半，"
        "或已过某个时间节点，而本月还没有进展记录（添加一条进展即恢复）",
    ).format(SOON_WORKDAYS)
