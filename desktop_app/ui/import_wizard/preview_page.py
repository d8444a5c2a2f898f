"""Page 2 of the import dialog: the parsed plan to check and correct before importing.

The header (title, year, date of issue: ``plan_header.py``), the task table with its
editors, the full text of the current task, what a dry run of the import says and, for a
revision, the list of changes. The page edits the ``PreviewModel`` it is given; the dialog decides when to
dry-run and tells the page the answer. Its words keep the dialog's translation context,
``ImportWizard``: they were the dialog's own before each page had a file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.import_diff import ImportResult
from desktop_app.ui.import_wizard.delegates import DeadlineDelegate, OwnersDelegate
from desktop_app.ui.import_wizard.looks import error_label
from desktop_app.ui.import_wizard.plan_header import PlanHeader
from desktop_app.ui.import_wizard.wording import ambiguity_line, counts_text, diff_line
from desktop_app.ui.models.preview_model import (
    DEADLINE,
    LABEL,
    LEAD,
    NOTE,
    RESPONSIBLE,
    TEXT,
    PreviewModel,
)
from desktop_app.ui.theme import DIFF_COLORS

translate = QCoreApplication.translate


class PreviewPage(QWidget):
    """The plan as read, editable, with what importing it would change.

    ``this_year`` is the calendar year now (the storage's clock): the default date of
    issue, and the note that a plan of an earlier year would import as overdue.
    """

    def __init__(
        self, model: PreviewModel, this_year: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._this_year = this_year
        self.header = PlanHeader(model, this_year, self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.check_label = QLabel(self)
        self.check_label.setWordWrap(True)
        self.table = self._build_table()
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet("color: palette(dark);")

        self.diff_box = QGroupBox(
            translate("ImportWizard", "与已导入计划相比的变化（导入前不会写入）"), self
        )
        self.diff_summary = QLabel(self.diff_box)
        self.diff_summary.setWordWrap(True)
        self.diff_list = QListWidget(self.diff_box)
        self.diff_list.setWordWrap(False)
        box = QVBoxLayout(self.diff_box)
        box.addWidget(self.diff_summary)
        box.addWidget(self.diff_list)
        self.diff_box.hide()

        table_part = QWidget(self)
        table_layout = QVBoxLayout(table_part)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.detail_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(table_part)
        splitter.addWidget(self.diff_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.preview_error = error_label(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.status_label)
        layout.addWidget(self.check_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.preview_error)
        model.plan_edited.connect(self._plan_edited)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._owners_delegate = OwnersDelegate(self.model.department_names, table)
        self._deadline_delegate = DeadlineDelegate(table)
        table.setItemDelegateForColumn(LEAD, self._owners_delegate)
        table.setItemDelegateForColumn(RESPONSIBLE, self._owners_delegate)
        table.setItemDelegateForColumn(DEADLINE, self._deadline_delegate)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        widths = ((LABEL, 60), (LEAD, 110), (RESPONSIBLE, 160), (DEADLINE, 140), (NOTE, 280))
        for column, width in widths:
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(self._show_task_detail)
        return table

    # -- a plan read ---------------------------------------------------------------------

    def show_plan(self, file_name: str) -> None:
        """The plan the model was just given: header, label column, the checks to make."""
        self._fit_label_column()
        self.preview_error.hide()
        self.header.show_plan(file_name)
        self._show_checks()

    def point_at_first_check(self) -> None:
        """The first row to check becomes current without being selected, so its highlight
        stays visible and its full text shows below the table."""
        if not self.model.rowCount():
            return
        first = self.model.index((self.model.warning_rows() or [0])[0], LABEL)
        self.table.selectionModel().setCurrentIndex(
            first, QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)

    def scroll_to_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _fit_label_column(self) -> None:
        """序号 wide enough for the longest label and the warning icon beside it
        (（一）-1 fits; a runaway label does not take the task text's room)."""
        metrics = self.table.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.model.task(r).label)
                for r in range(self.model.rowCount())
            ),
            default=0,
        )
        icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.table.horizontalHeader().resizeSection(LABEL, min(max(60, widest + icon + 24), 160))

    # -- edits -----------------------------------------------------------------------------

    def _plan_edited(self) -> None:
        self._show_checks()
        self._show_task_detail(self.table.currentIndex(), QModelIndex())

    def _show_checks(self) -> None:
        rows = self.model.rowCount()
        flagged = len(self.model.warning_rows())
        if flagged:
            text = translate(
                "ImportWizard",
                "共 {0} 项任务，其中 {1} 项需要核对（黄色标出）。"
                "双击牵头部门、责任部门或完成时间即可修改。",
            ).format(rows, flagged)
        else:
            text = translate(
                "ImportWizard",
                "共 {0} 项任务，没有需要核对的提示。双击牵头部门、责任部门或完成时间即可修改。",
            ).format(rows)
        notes = [w.message for w in self.model.plan_warnings()]
        year, this_year = self.model.year(), self._this_year()
        if year is not None and year < this_year:  # last year's file picked by mistake?
            notes.append(
                translate(
                    "ImportWizard",
                    "这是 {0} 年的工作要点，今年是 {1} 年：导入后其中未完成的任务都会显示为逾期。"
                    "请确认选对了文件。",
                ).format(year, this_year)
            )
        if notes:
            text += "\n" + "\n".join(
                translate("ImportWizard", "提示：{0}").format(n) for n in notes
            )
        self.check_label.setText(text)

    def _show_task_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail_label.clear()
            return
        task = self.model.task(current.row())
        text = translate("ImportWizard", "任务 {0}：{1}").format(task.label, task.text)
        if task.annotation:
            text += "\n" + translate("ImportWizard", "原文标注：{0}").format(task.annotation)
        tip = current.siblingAtColumn(NOTE).data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            text += "\n" + translate("ImportWizard", "提示：{0}").format(tip.replace("\n", "；"))
        self.detail_label.setText(text)

    # -- what importing would change -------------------------------------------------------

    def show_dry_run(self, result: ImportResult) -> None:
        """What the dry run says: a new plan, the same file, the same content, or a
        revision with its list of changes."""
        unnamed = translate("ImportWizard", "未命名计划")
        title = result.stored_title or result.title or unnamed
        self.header.show_kept_title(result.stored_title if result.outcome != "created" else None)
        self.diff_list.clear()
        self.diff_box.setVisible(result.outcome == "updated")
        if result.outcome == "created":
            status = translate(
                "ImportWizard", "这是一份新的工作要点：导入后将新增 {0} 项任务。"
            ).format(result.count("added"))
        elif result.outcome == "same_file":
            status = translate(
                "ImportWizard",
                "这份文件已经导入过（“{0}”），导入不会改变任何内容。"
                "下表按文件原文列出，提示也针对原文；您在程序里做过的更正都已保存。",
            ).format(title)
        elif result.outcome == "unchanged":
            status = translate(
                "ImportWizard", "这份文件与已导入的“{0}”内容相同，导入不会改变任何任务。"
            ).format(title)
        else:
            status = translate(
                "ImportWizard",
                "这是已导入的“{0}”的修订稿。请在导入前核对下面列出的变化；"
                "您记录的进度、备注和更正都会保留。",
            ).format(title)
            self.diff_summary.setText(counts_text(result))
            self._list_changes(result)
        if result.renamed:
            status += "\n" + translate("ImportWizard", "导入后计划名称将改为“{0}”。").format(
                result.title or unnamed
            )
        self.status_label.setText(status)

    def _list_changes(self, result: ImportResult) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for ambiguity in result.ambiguities:
            text, tip = ambiguity_line(ambiguity)
            item = QListWidgetItem(warning, text, self.diff_list)
            item.setToolTip(tip)
        for diff in result.diffs:
            text, tip = diff_line(diff)
            item = QListWidgetItem(text, self.diff_list)
            item.setToolTip(tip)
            if diff.kind in DIFF_COLORS:
                item.setForeground(QBrush(QColor(DIFF_COLORS[diff.kind])))

    def show_error(self, message: str) -> None:
        self.preview_error.setText(message)
        self.preview_error.show()

    def hide_error(self) -> None:
        self.preview_error.hide()
