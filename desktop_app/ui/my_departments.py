"""After the first import: which departments are "mine" (or all of them, for the general office)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db import repository
from db.connection import Storage
from db.errors import StorageError
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.theme import ERROR_COLOR, text_style

DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MyDepartmentsDialog(QDialog):
    def __init__(
        self, storage: Storage, parent: QWidget | None = None, *, first_time: bool = False
    ) -> None:
        """``first_time``: asked by the program after the first import (the answer may wait:
        以后再说), not opened by the user (取消)."""
        super().__init__(parent)
        self._storage = storage
        self.setWindowTitle(self.tr("我的部门"))
        self.resize(420, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("您是哪个部门的联络员？提醒和“只看我的部门”按这里的选择。"))
        )
        self.all_button = QRadioButton(self.tr("全部部门（办公室汇总）"))
        self.some_button = QRadioButton(self.tr("只选以下部门："))
        layout.addWidget(self.all_button)
        layout.addWidget(self.some_button)
        self.list = QListWidget()
        mine = set(departments.my_department_ids())
        for d in repository.departments(with_counts=False):
            if d.collective:
                continue
            item = QListWidgetItem(d.name)
            item.setData(DEPARTMENT_ID_ROLE, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.id in mine else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        (self.some_button if mine else self.all_button).setChecked(True)
        self.list.setEnabled(bool(mine))
        self.some_button.toggled.connect(self.list.setEnabled)
        self.list.itemChanged.connect(lambda _item: self.some_button.setChecked(True))
        self.message = QLabel()
        self.message.setStyleSheet(text_style(ERROR_COLOR))
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("以后再说") if first_time else self.tr("取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def check(self, name: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_ids(self) -> list[int]:
        if self.all_button.isChecked():
            return []
        return [
            int(self.list.item(i).data(DEPARTMENT_ID_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        try:
            departments.set_my_departments(self._storage, self.chosen_ids())
        except (ServiceError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        super().accept()
