"""The 备份与恢复 page: the backups, one more now, and a restore (each acts at once)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from desktop_app.services import backups
from desktop_app.services.backups import BackupInfo
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.settings.common import ID_ROLE, message_label, note, show_message

if TYPE_CHECKING:
    from db.connection import Storage

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupsPage(QWidget):
    """The backups, newest first; ``restored`` fires once the data has been replaced."""

    restored = Signal()

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "每次导入、删除计划和升级前都会自动备份，最多保留最近 {0} 份。"
                    "从备份恢复前，当前数据会先另存为一份备份。"
                ).format(backups.KEEP_BACKUPS)
            )
        )
        self.backup_tree = QTreeWidget()
        self.backup_tree.setHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("大小")])
        self.backup_tree.setRootIsDecorated(False)
        self.backup_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.backup_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.backup_tree.itemSelectionChanged.connect(self._update_backup_buttons)
        layout.addWidget(self.backup_tree, 1)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.backup_message = message_label()
        layout.addWidget(self.backup_message)

    def load(self) -> None:
        """List the backups as they are in the data folder now."""
        self.backup_tree.clear()
        now = self._storage.clock()
        for info in backups.list_backups(self._storage.backups_dir):  # newest made first
            reason = self.reason_name(info.reason)
            if info.from_the_future(now):
                reason += self.tr("（时间晚于现在，当时时钟有误）")
            item = QTreeWidgetItem(
                [info.taken_at.strftime(TIME_FORMAT), reason, human_size(info.size)]
            )
            item.setData(0, ID_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_tree.addTopLevelItem(item)
        self._update_backup_buttons()

    def reason_name(self, reason: str) -> str:
        """Why a backup was taken, in the user's language."""
        if reason == "manual":
            return self.tr("手动备份")
        if reason == "before-import":
            return self.tr("导入前")
        if reason == "before-restore":
            return self.tr("恢复前")
        if reason == "before-delete":
            return self.tr("删除计划前")
        if re.fullmatch(r"before-v\d+", reason):
            return self.tr("升级前")
        return reason

    def selected_backup(self) -> BackupInfo | None:
        items = self.backup_tree.selectedItems()
        if not items:
            return None
        return backups.find_backup(self._storage.backups_dir, Path(items[0].data(0, ID_ROLE)))

    def _update_backup_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.backup_tree.selectedItems()))

    def _say(self, text: str, *, error: bool) -> None:
        show_message(self.backup_message, text, error=error)

    def back_up_now(self) -> Path | None:
        try:
            made = backups.back_up_now(self._storage)
        except StorageError as exc:
            self._say(error_text(exc), error=True)
            return None
        self.load()
        self._say(self.tr("已备份：{0}").format(made.name), error=False)
        return made

    def confirm_restore(self, info: BackupInfo) -> bool:
        """Ask before replacing the data; tests replace this so nothing blocks."""
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用 {0} 的备份替换现在的全部数据吗？\n现在的数据会先另存为一份备份。").format(
                info.taken_at.strftime(TIME_FORMAT)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        """Replace the data with the selected backup, after asking; ``restored`` then fires."""
        info = self.selected_backup()
        if info is None:
            self._say(self.tr("请先选中一个备份。"), error=True)
            return False
        if not self.confirm_restore(info):
            return False
        try:
            backups.restore(self._storage, info.path)
        except (StorageError, ServiceError) as exc:
            self._say(error_text(exc), error=True)
            return False
        self.load()
        self._say(
            self.tr("已恢复到 {0} 的数据；恢复前的数据已另存为备份。").format(
                info.taken_at.strftime(TIME_FORMAT)
            ),
            error=False,
        )
        self.restored.emit()
        return True
