"""The 常规 page: the window's language, the data folder (used from the next start), the log."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import data_folder
from desktop_app.ui.settings.common import note, row

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


@dataclass(frozen=True)
class GeneralChoice:
    """What the page holds for OK: the language, and a new data folder or None."""

    language: str
    data_dir: Path | None


class GeneralPage(QWidget):
    """Language and data folder, both taking effect at the next start."""

    def __init__(self, current_data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_data_dir = current_data_dir
        self._configured_data_dir = ""
        self._pending_data_dir: Path | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        language_box = QVBoxLayout()
        language_box.setSpacing(2)
        language_box.addLayout(row(self.language_combo))
        language_box.addWidget(note(self.tr("更改语言后需重新启动程序才能生效。")))
        form.addRow(self.tr("界面语言："), language_box)

        self.data_dir_edit = QLineEdit()
        self.data_dir_edit.setReadOnly(True)
        self.change_data_dir_button = QPushButton(self.tr("更改…"))
        self.open_data_dir_button = QPushButton(self.tr("打开文件夹"))
        self.change_data_dir_button.clicked.connect(self._ask_data_dir)
        self.open_data_dir_button.clicked.connect(self._open_data_dir)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(self.change_data_dir_button)
        folder_row.addWidget(self.open_data_dir_button)
        folder_box = QVBoxLayout()
        folder_box.setSpacing(2)
        folder_box.addLayout(folder_row)
        self.data_dir_note = note("")
        folder_box.addWidget(self.data_dir_note)
        form.addRow(self.tr("数据文件夹："), folder_box)
        form.addRow(self.tr("日志文件："), self._log_row())
        layout.addLayout(form)
        layout.addStretch(1)

    def _log_row(self) -> QVBoxLayout:
        """Where the log is (delivery failures and errors go there), to hand to support."""
        from desktop_app import logs

        current = logs.current_log_file()
        self.log_file_edit = QLineEdit(str(current or logs.log_dir() / logs.LOG_FILE))
        self.log_file_edit.setReadOnly(True)
        self.open_log_dir_button = QPushButton(self.tr("打开文件夹"))
        folder = current.parent if current is not None else logs.log_dir()
        self.open_log_dir_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_file_edit, 1)
        log_row.addWidget(self.open_log_dir_button)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(log_row)
        words = (
            self.tr("提醒的发送情况和程序错误记录在这里，遇到问题时可发给维护人员。")
            if current is not None
            else self.tr("日志文件无法写入，本次运行的记录不会保存。")
        )
        self.log_note = note(words)
        box.addWidget(self.log_note)
        return box

    # -- load and apply ------------------------------------------------------------------

    def load(self, language: str, configured_data_dir: str) -> None:
        """Show the stored language, and the data folder set for the next start (if any)."""
        index = self.language_combo.findData(language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self._configured_data_dir = configured_data_dir
        self._pending_data_dir = None
        self._show_data_dir()

    def apply(self) -> GeneralChoice:
        return GeneralChoice(self.chosen_language(), self._pending_data_dir)

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    # -- the data folder -----------------------------------------------------------------

    def _show_data_dir(self) -> None:
        current = self._current_data_dir
        configured = self._configured_data_dir
        if self._pending_data_dir is not None:
            self.data_dir_edit.setText(str(self._pending_data_dir))
            if data_folder.has_data(self._pending_data_dir):
                words = self.tr(
                    "该文件夹中已有数据，重新启动程序后将使用其中的数据；当前文件夹中的数据保留不动。"
                )
            else:
                words = self.tr(
                    "按“确定”后，当前数据会复制到该文件夹，重新启动程序后生效；"
                    "请在更改后尽快重启，原文件夹中的数据保留不动。"
                )
        else:
            self.data_dir_edit.setText(str(current))
            if configured and Path(str(configured)) != current:
                words = self.tr("已设置为 {0}，重新启动程序后生效。").format(configured)
            else:
                words = self.tr("数据库和备份保存在这里。更改文件夹后需重新启动程序才能生效。")
        self.data_dir_note.setText(words)

    def ask_directory(self) -> Path | None:
        """Ask for a folder; tests replace this so nothing blocks."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择数据文件夹"), str(self._current_data_dir)
        )
        return Path(chosen) if chosen else None

    def _ask_data_dir(self) -> None:
        folder = self.ask_directory()
        if folder is not None:
            self.choose_data_dir(folder)

    def choose_data_dir(self, folder: Path) -> None:
        """Use ``folder`` for the data from the next start (stored by OK)."""
        folder = Path(folder).expanduser()
        same = folder.resolve() == self._current_data_dir.resolve()
        self._pending_data_dir = None if same else folder
        self._show_data_dir()

    def _open_data_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._current_data_dir)))
