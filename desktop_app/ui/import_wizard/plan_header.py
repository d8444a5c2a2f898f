"""The head of the import preview: the plan's title, which the liaison may type or correct,
its year and date of issue, and the file's name.

Each edit goes straight into the ``PreviewModel``, which signals it; a title longer than the
importer accepts is said under the field and not taken (``title_accepted`` is then False,
and the dialog does not import). Its words keep the dialog's translation context,
``ImportWizard``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plans.years import YEAR_MAX, YEAR_MIN
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.import_wizard.looks import error_label, scaled_font
from desktop_app.ui.models.preview_model import PreviewModel

translate = QCoreApplication.translate


class PlanHeader(QWidget):
    """Title field, then year, date of issue and file name on a row of their own.

    ``title_checked`` is emitted whenever the title field becomes acceptable or stops
    being so (``title_accepted``).
    """

    title_checked = Signal()

    def __init__(
        self, model: PreviewModel, this_year: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._this_year = this_year
        self._accepted = True
        self._kept: str | None = None  # the title of the stored plan this document revises

        self.title_edit = QLineEdit(self)
        self.title_edit.setFont(scaled_font(self.title_edit, scale=1.2, bold=True))
        self.title_edit.textEdited.connect(self._title_edited)
        self.title_edit.textChanged.connect(self._show_tooltip)
        self.title_edit.installEventFilter(self)  # a resize may hide or show a long title's end
        self.title_error = error_label(self)

        self.year_edit = QSpinBox(self)
        self.year_edit.setRange(1999, 2100)
        self.year_edit.setSpecialValueText(translate("ImportWizard", "未识别"))
        self.year_edit.setSuffix(translate("ImportWizard", " 年"))
        self.year_edit.setMinimumWidth(
            self.year_edit.fontMetrics().horizontalAdvance("0000 年") + 48
        )
        self.year_edit.setKeyboardTracking(False)  # one recomputation per typed year, not per digit
        self.year_edit.valueChanged.connect(self._year_edited)
        self.date_check = QCheckBox(translate("ImportWizard", "发文日期"), self)
        self.date_check.toggled.connect(self._date_edited)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDateRange(QDate(YEAR_MIN, 1, 1), QDate(YEAR_MAX, 12, 31))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._date_edited)
        self.file_name_label = QLabel(self)
        self.file_name_label.setStyleSheet("color: palette(mid);")

        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ImportWizard", "年度"), self))
        row.addWidget(self.year_edit)
        row.addSpacing(16)
        row.addWidget(self.date_check)
        row.addWidget(self.date_edit)
        row.addSpacing(16)
        row.addWidget(self.file_name_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.title_error)
        layout.addLayout(row)

    def title_accepted(self) -> bool:
        """Whether the title field holds a title the import takes (not too long)."""
        return self._accepted

    def show_plan(self, file_name: str) -> None:
        """The header of the plan the model was just given."""
        self.file_name_label.setText(file_name)
        self._kept = None
        self._show_title()
        year = self.model.year()
        with QSignalBlocker(self.year_edit):
            self.year_edit.setValue(year if year is not None else self.year_edit.minimum())
        issued = self.model.issued_on()
        with QSignalBlocker(self.date_check), QSignalBlocker(self.date_edit):
            self.date_check.setChecked(issued is not None)
            self.date_edit.setEnabled(issued is not None)
            start = issued or date(year or self._this_year(), 1, 1)
            self.date_edit.setDate(QDate(start.year, start.month, start.day))

    def show_kept_title(self, title: str | None) -> None:
        """The title of the stored plan the document revises (None: a new plan), which an
        empty field keeps."""
        self._kept = title
        self._show_placeholder()

    def _show_title(self) -> None:
        title = self.model.title() or ""
        self.title_edit.setText(title)
        self.title_edit.setCursorPosition(0)  # a long title shows from its beginning
        self._set_accepted(True)
        self._show_placeholder()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title_edit and event.type() == QEvent.Type.Resize:
            self._show_tooltip()
        return super().eventFilter(watched, event)

    def _show_tooltip(self) -> None:
        """What the field is for, and a title too long to be seen whole in it."""
        tip = translate("ImportWizard", "计划名称：导入后以此命名，可以输入或修改")
        field, text = self.title_edit, self.title_edit.text()
        room = field.contentsRect().width() - 2 * field.style().pixelMetric(
            QStyle.PixelMetric.PM_DefaultFrameWidth
        )
        if field.fontMetrics().horizontalAdvance(text) > room - 8:
            tip += "\n" + text
        field.setToolTip(tip)

    def _show_placeholder(self) -> None:
        if self._kept:
            text = translate("ImportWizard", "请输入计划名称（留空则沿用“{0}”）").format(self._kept)
        elif self.model.document_title() is None:
            text = translate("ImportWizard", "未识别出标题，请输入计划名称")
        else:
            text = translate("ImportWizard", "请输入计划名称（留空则不设名称）")
        self.title_edit.setPlaceholderText(text)

    # -- edits -----------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        try:
            self.model.set_title(text)
        except ServiceError as refused:  # too long: said here, and the dialog will not import
            self.title_error.setText(error_text(refused))
            self._set_accepted(False)
        else:
            self._set_accepted(True)

    def _set_accepted(self, accepted: bool) -> None:
        self.title_error.setVisible(not accepted)
        if accepted != self._accepted:
            self._accepted = accepted
            self.title_checked.emit()

    def _year_edited(self, value: int) -> None:
        self.model.set_year(None if value == self.year_edit.minimum() else value)

    def _date_edited(self, *_args: object) -> None:
        checked = self.date_check.isChecked()
        self.date_edit.setEnabled(checked)
        # QDate.toPython() gives a datetime.date; PySide6's stubs say object.
        issued_on = cast(date, self.date_edit.date().toPython()) if checked else None
        self.model.set_issued_on(issued_on)
