"""After the first import, and after the first plan of another bureau: which departments are
"mine", bureau by bureau (or all of them, for the general office)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
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
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
BUREAU_ROLE = Qt.ItemDataRole.UserRole + 3


class MyDepartmentsDialog(QDialog):
    def __init__(
        self,
        storage: Storage,
        parent: QWidget | None = None,
        *,
        first_time: bool = False,
        bureau: str | None = None,
    ) -> None:
        """``first_time``: asked by the program after an import (the answer may wait:
        以后再说), not opened by the user (取消). ``bureau``: the one to show first (the
        plan just imported)."""
        super().__init__(parent)
        self._storage = storage
        self.setWindowTitle(self.tr("我的部门"))
        self.resize(440, 540)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("您是哪个部门的联络员？提醒和“只看我的部门”按这里的选择。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.all_button = QRadioButton(self.tr("全部部门（办公室汇总）"))
        self.some_button = QRadioButton(self.tr("只选以下部门："))
        layout.addWidget(self.all_button)
        layout.addWidget(self.some_button)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        mine = set(departments.my_department_ids())
        rows = [d for d in repository.departments(with_counts=False) if not d.members]
        bureaus = sorted({d.bureau for d in rows}, key=lambda b: (b != bureau, b))
        several = len(bureaus) > 1
        self.tree.setRootIsDecorated(several)
        for name in bureaus:
            parent_item = self.tree.invisibleRootItem()
            if several:  # each bureau its own choice: the 办公室 of two bureaus are two
                parent_item = QTreeWidgetItem([name or self.tr("未署名单位")])
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(parent_item)
            for d in rows:
                if d.bureau != name:
                    continue
                text = d.name + (self.tr("（集体）") if d.collective else "")
                item = QTreeWidgetItem([text])
                item.setData(0, DEPARTMENT_ID_ROLE, d.id)
                item.setData(0, NAME_ROLE, d.name)
                item.setData(0, BUREAU_ROLE, d.bureau)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0, Qt.CheckState.Checked if d.id in mine else Qt.CheckState.Unchecked
                )
                parent_item.addChild(item)
            if several:
                parent_item.setExpanded(
                    name == bureau or any(d.id in mine for d in rows if d.bureau == name)
                )
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        if several and not any(t is not None and t.isExpanded() for t in tops):
            first = tops[0]
            if first is not None:
                first.setExpanded(True)
        layout.addWidget(self.tree)
        (self.some_button if mine else self.all_button).setChecked(True)
        self.tree.setEnabled(bool(mine))
        self.some_button.toggled.connect(self.tree.setEnabled)
        self.tree.itemChanged.connect(lambda _item, _column: self.some_button.setChecked(True))
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

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            item = iterator.value()
            if item.data(0, DEPARTMENT_ID_ROLE) is not None:
                found.append(item)
            iterator += 1
        return found

    def check(self, name: str, bureau: str | None = None) -> None:
        """Tick ``name`` (of ``bureau``, or of every bureau that has one so named)."""
        for item in self._items():
            if item.data(0, NAME_ROLE) == name and bureau in (None, item.data(0, BUREAU_ROLE)):
                item.setCheckState(0, Qt.CheckState.Checked)

    def chosen_ids(self) -> list[int]:
        if self.all_button.isChecked():
            return []
        return [
            int(item.data(0, DEPARTMENT_ID_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        try:
            departments.set_my_departments(self._storage, self.chosen_ids())
        except (ServiceError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        super().accept()
