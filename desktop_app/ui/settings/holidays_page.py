"""The 节假日 page: where each year's working days come from, and the State Council's notice
pasted or opened, previewed on a calendar of its year, then imported (at once, like a
backup: its own transaction)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from desktop_app.calendar.notice import HolidayNotice
from desktop_app.errors import UserError
from desktop_app.services import holidays
from desktop_app.services.settings import reminder_settings
from desktop_app.ui import theme
from desktop_app.ui.error_text import error_text
from desktop_app.ui.settings.common import WARNING_STYLE, message_label, note, show_message
from desktop_app.ui.settings.year_calendar import YearCalendar

if TYPE_CHECKING:
    from db.connection import Storage


class HolidaysPage(QWidget):
    """``holidays_changed`` fires once a notice has been stored."""

    holidays_changed = Signal()

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._notice: HolidayNotice | None = None
        self._source = ""
        layout = QVBoxLayout(self)
        self.sources_label = note("")
        layout.addWidget(self.sources_label)
        layout.addWidget(
            note(
                self.tr(
                    "国家每年公布下一年的节假日安排后，把国务院办公厅的通知粘贴到下面"
                    "（或打开保存的网页、Word、PDF 文件），预览无误后导入，"
                    "提醒就按新的放假和调休上班日计算。"
                )
            )
        )
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr("例如：国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：……")
        )
        self.text_edit.setMaximumHeight(110)
        self.text_edit.textChanged.connect(self._text_changed)
        layout.addWidget(self.text_edit)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开文件…"))
        self.preview_button = QPushButton(self.tr("预览"))
        self.import_button = QPushButton(self.tr("导入此通知"))
        self.import_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_file)
        self.preview_button.clicked.connect(self.preview_text)
        self.import_button.clicked.connect(self.import_notice)
        for button in (self.open_button, self.preview_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label()
        layout.addWidget(self.message)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warnings_label = note("", WARNING_STYLE)
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        self.calendar = YearCalendar()
        scroll = QScrollArea()
        scroll.setWidget(self.calendar)
        scroll.setMinimumHeight(160)
        layout.addWidget(scroll, 1)
        self.legend = note(
            self.tr("图例：{0} 放假　{1} 调休上班　{2} 自己添加的休息日").format(
                _swatch(theme.DAY_OFF_BACKGROUND),
                _swatch(theme.MAKE_UP_BACKGROUND),
                _swatch(theme.EXTRA_OFF_BACKGROUND),
            )
        )
        layout.addWidget(self.legend)

    def load(self) -> None:
        """Say where this year's and next year's working days come from."""
        today = self._storage.clock().date()
        with self._storage.translated():
            years = sorted({today.year, today.year + 1, *holidays.imported_years()})
            sources = holidays.year_sources(y for y in years if y >= today.year - 1)
        parts = []
        for source in sources:
            if source.source == "imported":
                latest = source.notices[-1]
                parts.append(
                    self.tr("{0} 年：已导入通知（{1:%Y-%m-%d}）").format(
                        source.year, latest.imported_at
                    )
                )
            elif source.source == "bundled":
                parts.append(self.tr("{0} 年：程序内置").format(source.year))
            else:
                parts.append(self.tr("{0} 年：尚无安排，按周一至周五计算").format(source.year))
        self.sources_label.setText(self.tr("；").join(parts))

    # -- reading a notice ------------------------------------------------------------------

    def _text_changed(self) -> None:
        self.import_button.setEnabled(False)  # what is shown no longer matches the text

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开节假日安排通知"),
            str(Path.home()),
            self.tr("通知 (*.txt *.docx *.pdf *.html *.htm *.mht *.doc *.wps);;所有文件 (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        try:
            notice = holidays.read_notice_file(path)
        except UserError as exc:
            self._refused(exc)
            return
        self._show(notice, path.name)

    def preview_text(self) -> None:
        try:
            notice = holidays.read_notice_text(self.text_edit.toPlainText())
        except UserError as exc:
            self._refused(exc)
            return
        self._show(notice, self.tr("（粘贴的文字）"))

    def _refused(self, exc: UserError) -> None:
        self._notice = None
        self.import_button.setEnabled(False)
        show_message(self.message, error_text(exc), error=True)

    def _show(self, notice: HolidayNotice, source: str) -> None:
        """The notice on the calendar of its year, with what it changes."""
        self.message.hide()
        try:
            result = holidays.import_notice(self._storage, notice, source, dry_run=True)
        except (UserError, StorageError) as exc:
            self._refused(exc)
            return
        self._notice, self._source = notice, source
        shown = result.in_force
        lines = [
            self.tr("{0} 年{1}：{2}").format(
                notice.year,
                self.tr("补充通知") if notice.supplementary else self.tr("节假日安排"),
                "、".join(h.name for h in notice.holidays),
            ),
            self.tr("与当前日历相比有 {0} 天改变。").format(len(result.changes))
            if result.changes
            else self.tr("与当前日历相比没有变化。"),
        ]
        self.summary.setText("\n".join(lines))
        if notice.warnings:
            self.warnings_label.setText(
                self.tr("请核对（这些内容没有读取）：")
                + "\n"
                + "\n".join(f"· {w.message}：{w.line}" for w in notice.warnings)
            )
            self.warnings_label.show()
        else:
            self.warnings_label.hide()
        extra = [d for d in reminder_settings().extra_holidays if d.year == notice.year]
        self.calendar.show_year(notice.year, shown.days_off(), shown.workdays(), extra)
        self.import_button.setEnabled(True)

    def import_notice(self) -> None:
        if self._notice is None:
            return
        try:
            holidays.import_notice(self._storage, self._notice, self._source)
        except (UserError, StorageError) as exc:
            self._refused(exc)
            return
        self.import_button.setEnabled(False)
        show_message(
            self.message,
            self.tr("已导入 {0} 年的节假日安排，提醒将按新的工作日计算。").format(
                self._notice.year
            ),
            error=False,
        )
        self.load()
        self.holidays_changed.emit()


def _swatch(color: str) -> str:
    return f'<span style="background-color:{color}">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
