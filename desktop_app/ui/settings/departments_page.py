"""The 我的部门 page: which departments are mine (saved by OK), and renames, merges and
aliases (each its own transaction, at once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import repository
from db.errors import StorageError
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.settings.common import ID_ROLE, message_label, note, show_message

if TYPE_CHECKING:
    from db.connection import Storage


class DepartmentsPage(QWidget):
    """The departments of the plans, each with a tick for "mine", and the name tools."""

    departments_changed = Signal()  # a rename, merge or alias was stored

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "您是哪个部门的联络员？主窗口的“我的部门”和提醒都按这里的选择；"
                    "“各部门”等集体任务总会包括在内。"
                )
            )
        )
        self.all_departments_button = QRadioButton(self.tr("全部部门（办公室汇总）"))
        self.some_departments_button = QRadioButton(self.tr("只选以下部门："))
        group = QButtonGroup(self)
        group.addButton(self.all_departments_button)
        group.addButton(self.some_departments_button)
        self.all_departments_button.clicked.connect(self._choose_all_departments)
        layout.addWidget(self.all_departments_button)
        layout.addWidget(self.some_departments_button)

        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderLabels([self.tr("部门"), self.tr("任务"), self.tr("别名")])
        self.department_tree.setRootIsDecorated(False)
        self.department_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.department_tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.department_tree.itemChanged.connect(self._department_check_changed)
        self.department_tree.itemSelectionChanged.connect(self._update_department_buttons)
        layout.addWidget(self.department_tree, 1)
        self.no_departments_note = note(
            self.tr("还没有部门：导入工作要点后，这里会列出其中的各个部门。")
        )
        self.no_departments_note.hide()
        layout.addWidget(self.no_departments_note)
        layout.addWidget(self._build_names_box())

    def _build_names_box(self) -> QGroupBox:
        manage = QGroupBox(self.tr("部门名称"))
        manage_layout = QVBoxLayout(manage)
        manage_layout.addWidget(
            note(
                self.tr(
                    "改名后旧名称作为别名保留，以后导入的工作要点会自动对应到新名称；"
                    "合并把一个部门的任务全部并入另一个部门。这些操作立即生效。"
                )
            )
        )
        buttons = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("改名…"))
        self.merge_button = QPushButton(self.tr("合并到…"))
        self.alias_button = QPushButton(self.tr("添加别名…"))
        self.rename_button.clicked.connect(self._ask_rename)
        self.merge_button.clicked.connect(self._ask_merge)
        self.alias_button.clicked.connect(self._ask_alias)
        for button in (self.rename_button, self.merge_button, self.alias_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        manage_layout.addLayout(buttons)
        self.department_message = message_label()
        manage_layout.addWidget(self.department_message)
        return manage

    # -- load and apply ------------------------------------------------------------------

    def load(self) -> None:
        """The departments, with the stored choice of mine ticked."""
        self._fill(departments.my_department_ids())

    def apply(self) -> list[int]:
        """The departments ticked, for OK to store; empty means all departments."""
        return self.chosen_department_ids()

    def _fill(self, checked_ids: Sequence[int]) -> None:
        selected = self.selected_department_id()
        checked = set(checked_ids)
        tree = self.department_tree
        tree.blockSignals(True)
        tree.clear()
        for d in repository.departments():
            if d.collective:
                continue
            item = QTreeWidgetItem([d.name, str(d.tasks), "、".join(d.aliases)])
            item.setData(0, ID_ROLE, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            if d.id == selected:
                item.setSelected(True)
                tree.setCurrentItem(item)
        tree.blockSignals(False)
        self.no_departments_note.setHidden(tree.topLevelItemCount() > 0)
        self._sync_department_radios()
        self._update_department_buttons()

    # -- ticks and selection -------------------------------------------------------------

    def _department_items(self) -> list[QTreeWidgetItem]:
        tree = self.department_tree
        # Every index below the count has an item; the stubs allow None for any index.
        return [
            item
            for i in range(tree.topLevelItemCount())
            if (item := tree.topLevelItem(i)) is not None
        ]

    def chosen_department_ids(self) -> list[int]:
        """The departments ticked, in list order; empty means all departments."""
        return [
            int(item.data(0, ID_ROLE))
            for item in self._department_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def check_department(self, name: str, checked: bool = True) -> None:
        for item in self._department_items():
            if item.text(0) == name:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def select_department(self, name: str) -> None:
        for item in self._department_items():
            if item.text(0) == name:
                self.department_tree.setCurrentItem(item)
                item.setSelected(True)
                return
        raise KeyError(name)

    def selected_department_id(self) -> int | None:
        items = self.department_tree.selectedItems()
        return int(items[0].data(0, ID_ROLE)) if items else None

    def _selected_department_name(self) -> str | None:
        items = self.department_tree.selectedItems()
        return items[0].text(0) if items else None

    def _choose_all_departments(self) -> None:
        self.department_tree.blockSignals(True)
        for item in self._department_items():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        self.department_tree.blockSignals(False)
        self._sync_department_radios()

    def _department_check_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._sync_department_radios()

    def _sync_department_radios(self) -> None:
        some = bool(self.chosen_department_ids())
        (self.some_departments_button if some else self.all_departments_button).setChecked(True)

    def _update_department_buttons(self) -> None:
        has = self.selected_department_id() is not None
        for button in (self.rename_button, self.merge_button, self.alias_button):
            button.setEnabled(has)

    # -- rename, merge, alias ------------------------------------------------------------

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """Ask for one line of text; tests replace this so nothing blocks."""
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def ask_item(self, title: str, label: str, items: list[str]) -> str | None:
        """Ask to pick one of ``items``; tests replace this so nothing blocks."""
        value, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return value if ok else None

    def _ask_rename(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        new_name = self.ask_text(self.tr("部门改名"), self.tr("“{0}”的新名称：").format(name), name)
        if new_name is not None:
            self.rename_selected(new_name)

    def _ask_merge(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        others = [item.text(0) for item in self._department_items() if item.text(0) != name]
        if not others:
            self._say(self.tr("没有可以合并到的其他部门。"), error=True)
            return
        target = self.ask_item(
            self.tr("合并部门"),
            self.tr("把“{0}”的任务全部并入（合并后“{0}”作为别名保留）：").format(name),
            others,
        )
        if target is not None:
            self.merge_selected_into(target)

    def _ask_alias(self) -> None:
        name = self._selected_department_name()
        if name is None:
            return
        alias = self.ask_text(
            self.tr("添加别名"),
            self.tr("工作要点中“{0}”的另一种写法：").format(name),
        )
        if alias is not None:
            self.add_alias_to_selected(alias)

    def _say(self, text: str, *, error: bool) -> None:
        show_message(self.department_message, text, error=error)

    def _department_action(self, action: Callable[[int], object], done: str) -> bool:
        dept_id = self.selected_department_id()
        if dept_id is None:
            self._say(self.tr("请先选中一个部门。"), error=True)
            return False
        try:
            action(dept_id)
        except (ServiceError, StorageError) as exc:
            self._say(error_text(exc), error=True)
            return False
        self._say(done, error=False)
        self.departments_changed.emit()
        return True

    def rename_selected(self, new_name: str) -> bool:
        """Rename the selected department; False (with the reason shown) when refused."""
        checked = self.chosen_department_ids()

        def rename(dept_id: int) -> None:
            departments.rename(self._storage, dept_id, new_name)
            self._fill(checked)

        clean = repository.normalize_name(new_name)
        return self._department_action(
            rename, self.tr("已改名为“{0}”，原名称保留为别名。").format(clean)
        )

    def merge_selected_into(self, name: str) -> bool:
        """Fold the selected department into the one called ``name``."""
        checked = self.chosen_department_ids()

        def merge(dept_id: int) -> None:
            target = departments.merge(self._storage, dept_id, name)
            mapped = [target.id if i == dept_id else i for i in checked]
            self._fill(list(dict.fromkeys(mapped)))
            self.select_department(target.name)

        return self._department_action(
            merge, self.tr("已合并到“{0}”。").format(repository.normalize_name(name))
        )

    def add_alias_to_selected(self, alias: str) -> bool:
        """Another name that later imports will read as the selected department."""
        checked = self.chosen_department_ids()
        clean = repository.normalize_name(alias)
        if not clean:
            self._say(self.tr("别名不能为空。"), error=True)
            return False

        def add(dept_id: int) -> None:
            departments.add_alias(self._storage, dept_id, clean)
            self._fill(checked)

        return self._department_action(add, self.tr("已添加别名“{0}”。").format(clean))
