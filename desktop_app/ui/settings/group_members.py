"""Which departments a collective owner (各科室, 各司法所…) takes in: the rule's answer
ticked, for the liaison to correct."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import repository
from desktop_app.ui.settings.common import ID_ROLE


class GroupMembersDialog(QDialog):
    def __init__(self, group: repository.DepartmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("“{0}”的成员").format(group.name))
        self.resize(380, 480)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "工作要点写“{0}”的任务，算作下面勾选的每个部门的任务。"
                "一个也不勾选时，“{0}”作为一个部门单独列出。"
            ).format(group.name)
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget()
        members = set(group.members)
        for d in repository.departments(with_counts=False, bureau=group.bureau):
            if d.collective:
                continue
            item = QListWidgetItem(d.name)
            item.setData(ID_ROLE, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if d.id in members else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_checked(self, name: str, checked: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def member_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(ID_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
