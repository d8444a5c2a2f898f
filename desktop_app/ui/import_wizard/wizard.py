"""The import dialog: choose a plan document, check and correct the parsed tasks, then import.

Nothing is written before the user clicks 导入: the preview shows what a
revised plan would change with a dry run of the same import service.

The document is read and parsed in a background thread (a PDF takes a second, a
.doc through LibreOffice several): the dialog stays responsive and says what it
is reading. The thread touches neither Qt nor the database; the dialog polls
for its result and does the dry run itself.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import repository
from db.connection import Storage
from db.errors import StorageError
from desktop_app.plans.errors import PlanReadError
from desktop_app.plans.model import ParsedPlan, listed_warnings
from desktop_app.plans.parser import parse_file
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import ImportResult, content_hash, import_plan
from desktop_app.ui.import_wizard.delegates import DeadlineDelegate, OwnersDelegate
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

CHOOSE_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(3)
_ERROR_COLOR = "#b3261e"
_DIFF_COLORS = {"added": "#188038", "removed": "#b3261e", "restored": "#1a73e8"}
# Edits are followed by a dry run; typing in the year box should not start one per key.
_DIFF_DELAY_MS = 250
# How often the dialog looks whether the reader thread has finished.
_READ_POLL_MS = 30
# One document at a time: LibreOffice conversions must not overlap.
_ONE_READING = threading.Lock()


def _start_reading(path: Path) -> Future[tuple[ParsedPlan, str]]:
    """``_read(path)`` in a daemon thread: quitting the program never waits for a slow
    conversion (the thread writes nothing, so stopping it loses nothing)."""
    future: Future[tuple[ParsedPlan, str]] = Future()

    read = _reader()

    def work() -> None:
        with _ONE_READING:
            try:
                future.set_result(read(path))
            except BaseException as exc:  # handed to the dialog, which decides what it means
                future.set_exception(exc)

    threading.Thread(target=work, name="plan-reader", daemon=True).start()
    return future


def _reader() -> Callable[[Path], tuple[ParsedPlan, str]]:
    """``import_wizard._read`` as the package has it now: that name is where a test puts a
    slower reader."""
    from desktop_app.ui import import_wizard

    return import_wizard._read


def _read(path: Path) -> tuple[ParsedPlan, str]:
    """In the reader thread: the parsed document and the hash of its bytes."""
    return parse_file(path), content_hash(path.read_bytes())


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _font(widget: QWidget, *, scale: float = 1.0, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


class DropArea(QFrame):
    """The first page's target: one document dropped here is read at once."""

    file_dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropArea")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dropArea { border: 2px dashed #9aa0a6; border-radius: 8px; background: palette(base); }"
        )

    @staticmethod
    def _one_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            return Path(urls[0].toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._one_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._one_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.file_dropped.emit(path)


# -- the dialog --------------------------------------------------------------------------


class ImportWizard(QDialog):
    """Choose a file → preview and correct → import → summary.

    ``imported`` carries the ``ImportResult`` after the database was written;
    ``file_read`` says whether the file last given to ``load_file`` could be read.
    """

    imported = Signal(object)
    file_read = Signal(bool)

    def __init__(
        self, storage: Storage, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._path: Path | None = None
        self._hash: str | None = None
        self._dry_run: ImportResult | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("导入工作要点"))
        self.resize(1100, 700)
        self.setMinimumSize(820, 560)

        self.model = PreviewModel(self)
        self.model.plan_edited.connect(self._plan_edited)
        self._diff_timer = QTimer(self)
        self._diff_timer.setSingleShot(True)
        self._diff_timer.setInterval(_DIFF_DELAY_MS)
        self._diff_timer.timeout.connect(self.refresh_diff)
        self._reading: Future[tuple[ParsedPlan, str]] | None = None
        self._reading_path: Path | None = None
        self._read_timer = QTimer(self)
        self._read_timer.setInterval(_READ_POLL_MS)
        self._read_timer.timeout.connect(self._check_reading)

        self._steps = [QLabel(self) for _ in range(3)]
        steps = QHBoxLayout()
        for i, (label, text) in enumerate(
            zip(
                self._steps,
                (self.tr("① 选择文件"), self.tr("② 核对任务"), self.tr("③ 完成")),
                strict=True,
            )
        ):
            if i:
                steps.addWidget(QLabel("›", self))
            label.setText(text)
            steps.addWidget(label)
        steps.addStretch()

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_preview_page())
        self.pages.addWidget(self._build_summary_page())

        self.back_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步"), self)
        self.import_button = QPushButton(self.tr("导入"), self)
        self.finish_button = QPushButton(self.tr("完成"), self)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (
            self.back_button,
            self.next_button,
            self.import_button,
            self.finish_button,
            self.cancel_button,
        ):
            # Enter in the table must never start an import.
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.back_button.clicked.connect(lambda: self._show_page(CHOOSE_PAGE))
        self.next_button.clicked.connect(lambda: self._show_page(PREVIEW_PAGE))
        self.import_button.clicked.connect(self.import_now)
        self.finish_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(steps)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self._show_page(CHOOSE_PAGE)
        if path is not None:
            self.load_file(Path(path))

    # -- pages ---------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget(self)
        self.drop_area = DropArea(page)
        self.drop_area.file_dropped.connect(self.load_file)
        hint = QLabel(self.tr("把工作要点文档拖到这里"), self.drop_area)
        hint.setFont(_font(hint, scale=1.4))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("选择文件…"), self.drop_area)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        formats = QLabel(
            self.tr(
                "支持 Word（.docx、.doc）、WPS（.wps）、PDF、OFD、Excel（.xlsx）和文本（.txt）"
            ),
            self.drop_area,
        )
        formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        formats.setStyleSheet("color: palette(mid);")
        inner = QVBoxLayout(self.drop_area)
        inner.addStretch()
        inner.addWidget(hint)
        or_label = QLabel(self.tr("或"), self.drop_area)
        or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(or_label)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.choose_button)
        row.addStretch()
        inner.addLayout(row)
        inner.addWidget(formats)
        inner.addStretch()

        self.file_label = QLabel(page)
        self.file_label.setWordWrap(True)
        self.error_label = QLabel(page)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(f"color: {_ERROR_COLOR};")
        self.error_label.hide()
        self.reading_bar = QProgressBar(page)
        self.reading_bar.setRange(0, 0)  # no percentage to give: it moves while reading
        self.reading_bar.setTextVisible(False)
        self.reading_bar.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(self.drop_area, 1)
        layout.addWidget(self.file_label)
        layout.addWidget(self.reading_bar)
        layout.addWidget(self.error_label)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget(self)
        self.title_label = QLabel(page)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setFont(_font(self.title_label, scale=1.2, bold=True))

        self.year_edit = QSpinBox(page)
        self.year_edit.setRange(1999, 2100)
        self.year_edit.setSpecialValueText(self.tr("未识别"))
        self.year_edit.setSuffix(self.tr(" 年"))
        self.year_edit.setMinimumWidth(
            self.year_edit.fontMetrics().horizontalAdvance("0000 年") + 48
        )
        self.year_edit.setKeyboardTracking(False)  # one recomputation per typed year, not per digit
        self.year_edit.valueChanged.connect(self._year_edited)
        self.date_check = QCheckBox(self.tr("发文日期"), page)
        self.date_check.toggled.connect(self._date_edited)
        self.date_edit = QDateEdit(page)
        self.date_edit.setDateRange(QDate(YEAR_MIN, 1, 1), QDate(YEAR_MAX, 12, 31))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._date_edited)

        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("年度"), page))
        header.addWidget(self.year_edit)
        header.addSpacing(16)
        header.addWidget(self.date_check)
        header.addWidget(self.date_edit)
        header.addSpacing(16)
        self.file_name_label = QLabel(page)
        self.file_name_label.setStyleSheet("color: palette(mid);")
        header.addWidget(self.file_name_label, 1)

        self.status_label = QLabel(page)
        self.status_label.setWordWrap(True)
        self.check_label = QLabel(page)
        self.check_label.setWordWrap(True)

        self.table = QTableView(page)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._owners_delegate = OwnersDelegate(self.model.department_names, self.table)
        self._deadline_delegate = DeadlineDelegate(self.table)
        self.table.setItemDelegateForColumn(LEAD, self._owners_delegate)
        self.table.setItemDelegateForColumn(RESPONSIBLE, self._owners_delegate)
        self.table.setItemDelegateForColumn(DEADLINE, self._deadline_delegate)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        widths = ((LABEL, 60), (LEAD, 110), (RESPONSIBLE, 160), (DEADLINE, 140), (NOTE, 280))
        for column, width in widths:
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._show_task_detail)

        self.detail_label = QLabel(page)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet("color: palette(dark);")

        self.diff_box = QGroupBox(self.tr("与已导入计划相比的变化（导入前不会写入）"), page)
        self.diff_summary = QLabel(self.diff_box)
        self.diff_summary.setWordWrap(True)
        self.diff_list = QListWidget(self.diff_box)
        self.diff_list.setWordWrap(False)
        box = QVBoxLayout(self.diff_box)
        box.addWidget(self.diff_summary)
        box.addWidget(self.diff_list)
        self.diff_box.hide()

        table_part = QWidget(page)
        table_layout = QVBoxLayout(table_part)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.detail_label)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(table_part)
        splitter.addWidget(self.diff_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.preview_error = QLabel(page)
        self.preview_error.setWordWrap(True)
        self.preview_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_error.setStyleSheet(f"color: {_ERROR_COLOR};")
        self.preview_error.hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(header)
        layout.addWidget(self.status_label)
        layout.addWidget(self.check_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.preview_error)
        return page

    def _build_summary_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("导入完成"), page)
        heading.setFont(_font(heading, scale=1.4, bold=True))
        self.summary_title = QLabel(page)
        self.summary_title.setWordWrap(True)
        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)
        self.backup_label = QLabel(page)
        self.backup_label.setWordWrap(True)
        self.backup_label.setStyleSheet("color: palette(mid);")
        self.warnings_heading = QLabel(page)
        self.warning_list = QListWidget(page)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.backup_label)
        layout.addSpacing(8)
        layout.addWidget(self.warnings_heading)
        layout.addWidget(self.warning_list, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        for i, label in enumerate(self._steps):
            label.setFont(_font(label, bold=i == page))
            label.setEnabled(i == page)
        self.back_button.setVisible(page == PREVIEW_PAGE)
        self.next_button.setVisible(page == CHOOSE_PAGE)
        # Not while another file is read: 下一步 would show the previous one.
        self.next_button.setEnabled(self.model.rowCount() > 0 and self._reading is None)
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.finish_button.setVisible(page == SUMMARY_PAGE)
        self.cancel_button.setVisible(page != SUMMARY_PAGE)
        self._update_import_button()
        if page == PREVIEW_PAGE:
            self.table.setFocus()

    def _update_import_button(self) -> None:
        ready = self._dry_run is not None and self._dry_run.outcome != "same_file"
        self.import_button.setEnabled(ready)

    # -- step 1: reading -------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("选择工作要点文档"),
            str(self._path.parent if self._path else Path.home()),
            self.tr("工作要点文档 (*.docx *.pdf *.txt *.xlsx *.ofd *.doc *.wps)")
            + ";;"
            + self.tr("所有文件 (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Start reading ``path`` (a file chosen while another is read replaces it); the
        preview, or on page 1 the reason it cannot be read, follows with ``file_read``."""
        path = Path(path)
        self._diff_timer.stop()
        self._reading_path = path
        self._reading = _start_reading(path)
        self.file_label.setText(self.tr("正在读取：{0}").format(path))
        self.error_label.hide()
        self.reading_bar.show()
        self._show_page(CHOOSE_PAGE)
        self._read_timer.start()

    def is_reading(self) -> bool:
        return self._reading is not None

    def _check_reading(self) -> None:
        future, path = self._reading, self._reading_path
        if future is None or path is None:
            self._read_timer.stop()
            return
        if not future.done():
            return
        self._stop_reading()
        try:
            parsed, digest = future.result()
        except PlanReadError as exc:
            self._reading_failed(path, exc.message_zh)
            return
        except OSError:
            self._reading_failed(path, self.tr("无法读取文件：{0}").format(path))
            return
        # Anything else is a bug: it reaches the program's error dialog with its details.
        try:
            with _busy():
                dry_run = import_plan(
                    self._storage,
                    parsed,
                    source_name=path.name,
                    content_hash=digest,
                    dry_run=True,
                )
        except (ServiceError, StorageError) as exc:
            self._reading_failed(path, exc.message_zh)
            return
        self._path, self._hash = path, digest
        self.model.set_plan(parsed, self._known_departments())
        self._fit_label_column()
        self.error_label.hide()
        self.preview_error.hide()
        self.file_label.setText(self.tr("已读取：{0}").format(path))
        self.file_name_label.setText(path.name)
        self._show_header()
        self._show_dry_run(dry_run)
        self._show_checks()
        self._show_page(PREVIEW_PAGE)
        if self.model.rowCount():
            # The first row to check becomes current without being selected, so its
            # highlight stays visible and its full text shows below the table.
            first = self.model.index((self.model.warning_rows() or [0])[0], LABEL)
            self.table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.file_read.emit(True)

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

    def _stop_reading(self) -> None:
        """No reading awaited any more (done, or the dialog closed: the thread's result is
        dropped)."""
        self._read_timer.stop()
        self._reading = None
        self.reading_bar.hide()

    def _reading_failed(self, path: Path, message: str) -> None:
        self.file_label.setText(self.tr("文件：{0}").format(path))
        self.error_label.setText(message)
        self.error_label.show()
        self._show_page(CHOOSE_PAGE)
        self.file_read.emit(False)

    def _known_departments(self) -> list[str]:
        try:
            with self._storage.translated():
                return [d.name for d in repository.departments()]
        except StorageError:
            return []  # completion falls back to the names in the plan

    # -- step 2: preview ------------------------------------------------------------------

    def _show_header(self) -> None:
        self.title_label.setText(self.model.title() or self.tr("（未识别出标题）"))
        year = self.model.year()
        with QSignalBlocker(self.year_edit):
            self.year_edit.setValue(year if year is not None else self.year_edit.minimum())
        issued = self.model.issued_on()
        with QSignalBlocker(self.date_check), QSignalBlocker(self.date_edit):
            self.date_check.setChecked(issued is not None)
            self.date_edit.setEnabled(issued is not None)
            start = issued or date(year or self._storage.clock().year, 1, 1)
            self.date_edit.setDate(QDate(start.year, start.month, start.day))

    def _year_edited(self, value: int) -> None:
        self.model.set_year(None if value == self.year_edit.minimum() else value)

    def _date_edited(self, *_args: object) -> None:
        checked = self.date_check.isChecked()
        self.date_edit.setEnabled(checked)
        self.model.set_issued_on(self.date_edit.date().toPython() if checked else None)  # type: ignore[arg-type]

    def _plan_edited(self) -> None:
        self._show_checks()
        self._show_task_detail(self.table.currentIndex(), QModelIndex())
        self._diff_timer.start()

    def _show_checks(self) -> None:
        rows = self.model.rowCount()
        flagged = len(self.model.warning_rows())
        if flagged:
            text = self.tr(
                "共 {0} 项任务，其中 {1} 项需要核对（黄色标出）。"
                "双击牵头部门、责任部门或完成时间即可修改。"
            ).format(rows, flagged)
        else:
            text = self.tr(
                "共 {0} 项任务，没有需要核对的提示。双击牵头部门、责任部门或完成时间即可修改。"
            ).format(rows)
        notes = [w.message for w in self.model.plan_warnings()]
        year, this_year = self.model.year(), self._storage.clock().year
        if year is not None and year < this_year:  # last year's file picked by mistake?
            notes.append(
                self.tr(
                    "这是 {0} 年的工作要点，今年是 {1} 年：导入后其中未完成的任务都会显示为逾期。"
                    "请确认选对了文件。"
                ).format(year, this_year)
            )
        if notes:
            text += "\n" + "\n".join(self.tr("提示：{0}").format(n) for n in notes)
        self.check_label.setText(text)

    def _show_task_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail_label.clear()
            return
        task = self.model.task(current.row())
        text = self.tr("任务 {0}：{1}").format(task.label, task.text)
        if task.annotation:
            text += "\n" + self.tr("原文标注：{0}").format(task.annotation)
        tip = current.siblingAtColumn(NOTE).data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            text += "\n" + self.tr("提示：{0}").format(tip.replace("\n", "；"))
        self.detail_label.setText(text)

    def _import(self, *, dry_run: bool) -> ImportResult | None:
        """The corrected plan through the importer (None before a file was read)."""
        plan = self.model.parsed_plan()
        if plan is None or self._path is None or self._hash is None:
            return None
        with _busy():
            return import_plan(
                self._storage,
                plan,
                source_name=self._path.name,
                content_hash=self._hash,
                dry_run=dry_run,
                corrections=self.model.corrections(),
            )

    def refresh_diff(self) -> None:
        """Dry-run the corrected plan and show what importing it would change."""
        self._diff_timer.stop()
        try:
            dry_run = self._import(dry_run=True)
        except (ServiceError, StorageError) as exc:
            self._dry_run = None
            self._show_preview_error(exc.message_zh)
            self._update_import_button()
            return
        if dry_run is None:
            return
        self.preview_error.hide()
        self._show_dry_run(dry_run)

    def _show_dry_run(self, result: ImportResult) -> None:
        self._dry_run = result
        title = result.title or self.tr("未命名计划")
        self.diff_list.clear()
        self.diff_box.setVisible(result.outcome == "updated")
        if result.outcome == "created":
            status = self.tr("这是一份新的工作要点：导入后将新增 {0} 项任务。").format(
                result.count("added")
            )
        elif result.outcome == "same_file":
            status = self.tr(
                "这份文件已经导入过（“{0}”），导入不会改变任何内容。"
                "下表按文件原文列出，提示也针对原文；您在程序里做过的更正都已保存。"
            ).format(title)
        elif result.outcome == "unchanged":
            status = self.tr("这份文件与已导入的“{0}”内容相同，导入不会改变任何任务。").format(
                title
            )
        else:
            status = self.tr(
                "这是已导入的“{0}”的修订稿。请在导入前核对下面列出的变化；"
                "您记录的进度、备注和更正都会保留。"
            ).format(title)
            self.diff_summary.setText(counts_text(result))
            warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            for ambiguity in result.ambiguities:
                text, tip = ambiguity_line(ambiguity)
                item = QListWidgetItem(warning, text, self.diff_list)
                item.setToolTip(tip)
            for diff in result.diffs:
                text, tip = diff_line(diff)
                item = QListWidgetItem(text, self.diff_list)
                item.setToolTip(tip)
                if diff.kind in _DIFF_COLORS:
                    item.setForeground(QBrush(QColor(_DIFF_COLORS[diff.kind])))
        self.status_label.setText(status)
        self._update_import_button()

    def _show_preview_error(self, message: str) -> None:
        self.preview_error.setText(message)
        self.preview_error.show()

    # -- step 3: import -------------------------------------------------------------------

    def import_now(self) -> None:
        """Write the corrected plan; on success show the summary and emit ``imported``."""
        self._diff_timer.stop()
        try:
            result = self._import(dry_run=False)
        except (ServiceError, StorageError) as exc:
            self._show_preview_error(exc.message_zh)
            return
        if result is None:
            return
        self.import_result = result
        self._show_summary(result)
        self._show_page(SUMMARY_PAGE)
        self.imported.emit(result)

    def _show_summary(self, result: ImportResult) -> None:
        title = result.title or self.tr("未命名计划")
        if result.outcome == "created":
            self.summary_title.setText(self.tr("已导入新的工作要点“{0}”。").format(title))
        elif result.outcome == "updated":
            self.summary_title.setText(self.tr("已按修订稿更新“{0}”。").format(title))
        else:
            self.summary_title.setText(self.tr("“{0}”没有任何变化。").format(title))
        self.summary_label.setText(counts_text(result))
        if result.backup is not None:
            self.backup_label.setText(self.tr("导入前已备份数据库：{0}").format(result.backup))
        else:
            self.backup_label.clear()
        self.warning_list.clear()
        if result.warnings:
            self.warnings_heading.setText(
                self.tr("仍需核对的提示（{0} 项）：").format(len(result.warnings))
            )
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            for warning in listed_warnings(result.warnings):
                QListWidgetItem(icon, warning.message, self.warning_list)
        else:
            self.warnings_heading.setText(self.tr("没有仍需核对的提示。"))
        self.warning_list.setVisible(bool(result.warnings))

    # -- showing and closing -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        current = self.table.currentIndex()
        if self.pages.currentIndex() == PREVIEW_PAGE and current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def done(self, result: int) -> None:
        self._diff_timer.stop()
        self._stop_reading()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._diff_timer.stop()
        self._stop_reading()
        super().closeEvent(event)
