"""The import dialog's frame and flow: the three pages, the buttons, reading and importing.

Nothing is written before the user clicks 导入: the preview shows what a revised plan
would change with a dry run of the same import service. Reading the document (a PDF
takes a second, a .doc through LibreOffice several) and each dry run (the first, then
one after each burst of edits) run on pool threads and are heard only while still
wanted (``worker.py``): the dialog stays responsive and says what it is doing.
Importing itself writes on the GUI thread, under a wait cursor.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db import repository
from db.connection import Storage
from db.errors import StorageError
from desktop_app.plans.errors import PlanReadError
from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_diff import ImportResult
from desktop_app.services.importer import import_plan
from desktop_app.services.plan_target import DocumentTitle
from desktop_app.ui.error_text import error_text
from desktop_app.ui.import_wizard import jobs, worker
from desktop_app.ui.import_wizard.choose_page import ChoosePage
from desktop_app.ui.import_wizard.looks import scaled_font
from desktop_app.ui.import_wizard.preview_page import PreviewPage
from desktop_app.ui.import_wizard.summary_page import SummaryPage
from desktop_app.ui.models.preview_model import PreviewModel

CHOOSE_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(3)
# Edits are followed by a dry run; typing in the year box should not start one per key.
_DIFF_DELAY_MS = 250


def _reader() -> Callable[[Path], jobs.Document]:
    """``import_wizard._read`` as the package has it now: that name is where a test puts a
    slower reader."""
    from desktop_app.ui import import_wizard

    return import_wizard._read


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ImportWizard(QDialog):
    """Choose a file → preview and correct → import → summary.

    ``imported`` carries the ``ImportResult`` after the database was written;
    ``file_read`` says whether the file last given to ``load_file`` could be read (with
    its preview shown when it could); ``dry_run_shown`` that the preview shows what the
    plan as edited would change (after ``refresh_diff``, which edits call by themselves).
    """

    imported = Signal(object)
    file_read = Signal(bool)
    dry_run_shown = Signal()

    def __init__(
        self, storage: Storage, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._shown: jobs.Document | None = None  # the document the preview shows
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
        # A file is read, then dry-run once before it is shown; edits are dry-run again.
        self._loading: Path | None = None  # the file being read
        self._document: jobs.Document | None = None  # read, its first dry run under way
        self._reading = worker.LatestJob(worker.reader_pool(), self)
        self._reading.finished.connect(self._read_finished)
        self._first_dry_run = worker.LatestJob(worker.dry_run_pool(), self)
        self._first_dry_run.finished.connect(self._first_dry_run_finished)
        self._edits_dry_run = worker.LatestJob(worker.dry_run_pool(), self)
        self._edits_dry_run.finished.connect(self._dry_run_finished)

        self.choose_page = ChoosePage(self)
        self.choose_page.file_chosen.connect(self.load_file)
        self.preview_page = PreviewPage(self.model, lambda: storage.clock().year, self)
        self.preview_page.header.title_checked.connect(self._update_import_button)
        self.summary_page = SummaryPage(self)
        self.pages = QStackedWidget(self)
        for page in (self.choose_page, self.preview_page, self.summary_page):
            self.pages.addWidget(page)
        self._expose_page_widgets()

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
        layout.addLayout(self._build_steps())
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self._show_page(CHOOSE_PAGE)
        if path is not None:
            self.load_file(Path(path))

    def _build_steps(self) -> QHBoxLayout:
        """① 选择文件 › ② 核对任务 › ③ 完成, the current step in bold."""
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
        return steps

    def _expose_page_widgets(self) -> None:
        """The pages' widgets under the dialog's own names, as the window's tests and the
        screenshot script have always reached them."""
        choose, preview, summary = self.choose_page, self.preview_page, self.summary_page
        self.drop_area, self.choose_button = choose.drop_area, choose.choose_button
        self.file_label, self.error_label = choose.file_label, choose.error_label
        self.reading_bar = choose.reading_bar
        header = preview.header
        self.title_edit, self.title_error = header.title_edit, header.title_error
        self.file_name_label = header.file_name_label
        self.year_edit, self.date_check, self.date_edit = (
            header.year_edit,
            header.date_check,
            header.date_edit,
        )
        self.status_label, self.check_label = preview.status_label, preview.check_label
        self.table, self.detail_label = preview.table, preview.detail_label
        self.diff_box, self.diff_summary = preview.diff_box, preview.diff_summary
        self.diff_list, self.preview_error = preview.diff_list, preview.preview_error
        self.summary_title, self.summary_label = summary.summary_title, summary.summary_label
        self.backup_label = summary.backup_label
        self.warnings_heading, self.warning_list = summary.warnings_heading, summary.warning_list

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        for i, label in enumerate(self._steps):
            label.setFont(scaled_font(label, bold=i == page))
            label.setEnabled(i == page)
        self.back_button.setVisible(page == PREVIEW_PAGE)
        self.next_button.setVisible(page == CHOOSE_PAGE)
        # Not while another file is read: 下一步 would show the previous one.
        self.next_button.setEnabled(self.model.rowCount() > 0 and not self.is_reading())
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.finish_button.setVisible(page == SUMMARY_PAGE)
        self.cancel_button.setVisible(page != SUMMARY_PAGE)
        self._update_import_button()
        if page == PREVIEW_PAGE:
            self.table.setFocus()

    def _update_import_button(self) -> None:
        ready = self._dry_run is not None and self._dry_run.outcome != "same_file"
        self.import_button.setEnabled(ready and self.preview_page.header.title_accepted())

    # -- step 1: reading -------------------------------------------------------------------

    def choose_file(self) -> None:
        self.choose_page.choose_file()

    def load_file(self, path: Path) -> None:
        """Start reading ``path`` (a file chosen while another is read replaces it); the
        preview, or on page 1 the reason it cannot be read, follows with ``file_read``."""
        path = Path(path)
        self._diff_timer.stop()
        self._edits_dry_run.drop()  # a dry run of the plan shown so far is of no use now
        self._first_dry_run.drop()
        self._loading, self._document = path, None
        self._reading.start(functools.partial(_reader(), path))
        self.choose_page.show_reading(path)
        self._show_page(CHOOSE_PAGE)

    def is_reading(self) -> bool:
        """From ``load_file`` until the preview, or why the file cannot be read, is shown."""
        return self._loading is not None

    @Slot(object)
    def _read_finished(self, outcome: worker.Outcome[jobs.Document]) -> None:
        path = self._loading
        assert path is not None  # stopping the reading drops its job
        try:
            document = outcome.result()
        except PlanReadError as exc:
            self._reading_failed(path, error_text(exc))
            return
        except OSError:
            self._reading_failed(path, self.tr("无法读取文件：{0}").format(path))
            return
        except BaseException:
            self._stop_reading()  # a bug: raised on, it reaches the program's error dialog
            raise
        self._document = document
        # As the document says: the answer gives the title a plan it revises keeps.
        self._first_dry_run.start(self._dry_run_of(document, document.plan, {}, None))

    @Slot(object)
    def _first_dry_run_finished(self, outcome: worker.Outcome[ImportResult]) -> None:
        document = self._document
        assert document is not None  # stopping the reading drops its dry run
        try:
            result = outcome.result()
        except (ServiceError, StorageError) as exc:  # not a plan, or the database refuses
            self._reading_failed(document.path, error_text(exc))
            return
        except BaseException:
            self._stop_reading()  # a bug: raised on, it reaches the program's error dialog
            raise
        self._stop_reading()
        self._shown = document
        self.model.set_plan(document.plan, self._known_departments())
        if result.outcome != "created":
            self.model.keep_title(result.title)
        self.choose_page.show_read(document.path)
        self.preview_page.show_plan(document.path.name)
        self._show_dry_run(result)
        self._show_page(PREVIEW_PAGE)
        self.preview_page.point_at_first_check()
        self.file_read.emit(True)

    def _stop_reading(self) -> None:
        """No file awaited any more (shown, refused, or the dialog closed: a job still under
        way finishes unheard)."""
        self._reading.drop()
        self._first_dry_run.drop()
        self._loading, self._document = None, None
        self.choose_page.stop_reading()

    def _reading_failed(self, path: Path, message: str) -> None:
        self._stop_reading()
        self.choose_page.show_refused(path, message)
        self._show_page(CHOOSE_PAGE)
        self.file_read.emit(False)

    def _known_departments(self) -> list[str]:
        try:
            with self._storage.translated():
                return [d.name for d in repository.departments()]
        except StorageError:
            return []  # completion falls back to the names in the plan

    # -- step 2: preview ------------------------------------------------------------------

    def _plan_edited(self) -> None:
        self._edits_dry_run.drop()  # the dry run under way is of the plan before this edit
        self._diff_timer.start()

    def refresh_diff(self) -> None:
        """Dry-run the corrected plan on the dry-run pool; when it is done the preview
        shows what importing it would change, and ``dry_run_shown`` is emitted."""
        self._diff_timer.stop()
        plan = self.model.parsed_plan()
        if self._shown is None or plan is None or self.is_reading():
            return  # nothing read yet, or the table still holds the file before this one
        self._edits_dry_run.start(
            self._dry_run_of(self._shown, plan, self.model.corrections(), self._title())
        )

    def _title(self) -> DocumentTitle:
        """The title field's is the plan's title (``plan``'s), the document's is this."""
        return DocumentTitle(self.model.document_title())

    def _dry_run_of(
        self,
        document: jobs.Document,
        plan: ParsedPlan,
        corrections: Mapping[int, Task],
        title: DocumentTitle | None,
    ) -> Callable[[], ImportResult]:
        """``document`` as ``plan`` says, dry-run on the pool: values only, which the GUI
        thread will not change under it (the plan and its tasks are frozen, the
        corrections a copy)."""
        return functools.partial(
            jobs.dry_run,
            self._storage,
            plan,
            source_name=document.path.name,
            content_hash=document.digest,
            corrections=dict(corrections),
            document_title=title,
        )

    @Slot(object)
    def _dry_run_finished(self, outcome: worker.Outcome[ImportResult]) -> None:
        try:
            result = outcome.result()
        except (ServiceError, StorageError) as exc:
            self._dry_run = None
            self.preview_page.show_error(error_text(exc))
            self._update_import_button()
        else:
            self.preview_page.hide_error()
            self._show_dry_run(result)
        self.dry_run_shown.emit()

    def _show_dry_run(self, result: ImportResult) -> None:
        self._dry_run = result
        self.preview_page.show_dry_run(result)
        self._update_import_button()

    # -- step 3: import -------------------------------------------------------------------

    def import_now(self) -> None:
        """Write the corrected plan; on success show the summary and emit ``imported``."""
        self._diff_timer.stop()
        plan = self.model.parsed_plan()
        if self._shown is None or plan is None or not self.preview_page.header.title_accepted():
            return  # nothing read yet, or a title that the field says is refused
        try:
            with _busy():
                result = import_plan(
                    self._storage,
                    plan,
                    source_name=self._shown.path.name,
                    content_hash=self._shown.digest,
                    corrections=self.model.corrections(),
                    document_title=self._title(),
                )
        except (ServiceError, StorageError) as exc:
            self.preview_page.show_error(error_text(exc))
            return
        self._edits_dry_run.drop()  # imported: what it would have changed no longer matters
        self.import_result = result
        self.summary_page.show_result(result)
        self._show_page(SUMMARY_PAGE)
        self.imported.emit(result)

    # -- showing and closing -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pages.currentIndex() == PREVIEW_PAGE:
            self.preview_page.scroll_to_current()

    def done(self, result: int) -> None:
        self._drop_jobs()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._drop_jobs()
        super().closeEvent(event)

    def _drop_jobs(self) -> None:
        """Nothing awaited any more: a reading or dry run under way finishes on its pool
        thread unheard, and nothing waits for it here."""
        self._diff_timer.stop()
        self._edits_dry_run.drop()
        self._stop_reading()
