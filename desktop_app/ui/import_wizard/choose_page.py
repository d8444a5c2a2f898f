"""Page 1 of the import dialog: a document dropped or chosen, and what became of reading it.

The page only asks for a file (``file_chosen``) and shows what the dialog tells it; the
reading itself is the dialog's. Its words keep the dialog's translation context,
``ImportWizard``: they were the dialog's own before each page had a file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.import_wizard.looks import error_label, scaled_font
from desktop_app.ui.theme import DROP_BORDER

translate = QCoreApplication.translate


class DropArea(QFrame):
    """The first page's target: one document dropped here is read at once."""

    file_dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropArea")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#dropArea {{ border: 2px dashed {DROP_BORDER}; border-radius: 8px;"
            " background: palette(base); }"
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


class ChoosePage(QWidget):
    """The drop area and 选择文件…; below them the file being read, or why it cannot be."""

    file_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last_read: Path | None = None  # 选择文件… opens in its folder
        self.drop_area = DropArea(self)
        self.drop_area.file_dropped.connect(self.file_chosen)
        hint = QLabel(translate("ImportWizard", "把工作要点文档拖到这里"), self.drop_area)
        hint.setFont(scaled_font(hint, scale=1.4))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(translate("ImportWizard", "选择文件…"), self.drop_area)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        formats = QLabel(
            translate(
                "ImportWizard",
                "支持 Word（.docx、.doc）、WPS（.wps）、PDF、OFD、Excel（.xlsx）和文本（.txt）",
            ),
            self.drop_area,
        )
        formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        formats.setStyleSheet("color: palette(mid);")
        inner = QVBoxLayout(self.drop_area)
        inner.addStretch()
        inner.addWidget(hint)
        or_label = QLabel(translate("ImportWizard", "或"), self.drop_area)
        or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(or_label)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.choose_button)
        row.addStretch()
        inner.addLayout(row)
        inner.addWidget(formats)
        inner.addStretch()

        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.error_label = error_label(self)
        self.reading_bar = QProgressBar(self)
        self.reading_bar.setRange(0, 0)  # no percentage to give: it moves while reading
        self.reading_bar.setTextVisible(False)
        self.reading_bar.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area, 1)
        layout.addWidget(self.file_label)
        layout.addWidget(self.reading_bar)
        layout.addWidget(self.error_label)

    def choose_file(self) -> None:
        """The file dialog; a file chosen there is announced with ``file_chosen``."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            translate("ImportWizard", "选择工作要点文档"),
            str(self._last_read.parent if self._last_read else Path.home()),
            translate("ImportWizard", "工作要点文档 (*.docx *.pdf *.txt *.xlsx *.ofd *.doc *.wps)")
            + ";;"
            + translate("ImportWizard", "所有文件 (*)"),
        )
        if name:
            self.file_chosen.emit(Path(name))

    def show_reading(self, path: Path) -> None:
        self.file_label.setText(translate("ImportWizard", "正在读取：{0}").format(path))
        self.error_label.hide()
        self.reading_bar.show()

    def show_read(self, path: Path) -> None:
        self._last_read = path
        self.file_label.setText(translate("ImportWizard", "已读取：{0}").format(path))
        self.error_label.hide()
        self.reading_bar.hide()

    def show_refused(self, path: Path, message: str) -> None:
        """``path`` could not be read, or is no plan: ``message`` says why."""
        self.file_label.setText(translate("ImportWizard", "文件：{0}").format(path))
        self.error_label.setText(message)
        self.error_label.show()
        self.reading_bar.hide()

    def stop_reading(self) -> None:
        self.reading_bar.hide()
