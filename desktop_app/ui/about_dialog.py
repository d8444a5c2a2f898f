"""关于: the version, where the data and the log are kept, and the libraries the program
carries with their licences (from ``desktop_app.about``)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import about
from desktop_app.ui import theme


class AboutDialog(QDialog):
    """What a liaison (or the IT desk) needs to say which program this is and where it keeps
    its files; the folders open in the file manager."""

    def __init__(self, data_folder: Path | None, log_folder: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("工作要点督办提醒 {0}").format(about.version()))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(
            QLabel(self.tr("读取工作要点，按部门和月份提醒完成时间。数据只保存在本机。"))
        )
        form = QFormLayout()
        self.data_button = self._folder_button(data_folder)
        self.log_button = self._folder_button(log_folder)
        form.addRow(self.tr("数据文件夹："), self.data_button)
        form.addRow(self.tr("日志文件夹："), self.log_button)
        runtime = QLabel(
            f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
        )
        runtime.setStyleSheet(theme.text_style(theme.NOTE_COLOR))
        form.addRow(self.tr("运行环境："), runtime)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("随附的开源软件及其许可证：")))
        self.libraries = self._library_table()
        layout.addWidget(self.libraries, 1)
        note = QLabel(
            self.tr(
                "各库的许可证全文随程序一起安装（程序文件夹中的 *.dist-info）。"
                "Qt 和 PySide6 以 LGPL-3.0 许可使用，可替换为兼容的版本。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(theme.text_style(theme.NOTE_COLOR))
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _folder_button(self, folder: Path | None) -> QPushButton:
        button = QPushButton(str(folder) if folder is not None else self.tr("（尚未打开）"))
        button.setFlat(True)
        button.setStyleSheet(f"text-align: left; {theme.text_style(theme.LINK_COLOR)}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("在文件管理器中打开"))
        button.setEnabled(folder is not None)
        if folder is not None:
            button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            )
        return button

    def _library_table(self) -> QTableWidget:
        libraries = [about.Library("Python", platform.python_version(), "PSF-2.0")]
        libraries += about.bundled_libraries()
        table = QTableWidget(len(libraries), 3)
        table.setHorizontalHeaderLabels([self.tr("名称"), self.tr("版本"), self.tr("许可证")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, library in enumerate(libraries):
            for column, text in enumerate((library.name, library.version, library.licence)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table
