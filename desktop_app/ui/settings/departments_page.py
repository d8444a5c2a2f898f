"""The 我的部门 page: which departments are mine (saved by OK), and renames, merges, aliases
and the members of collective owners (each its own transaction, at once). Departments are
listed under their bureau when there are several."""

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
    QTreeWidgetItemIterator,
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
        self._groups: dict[int, repository.DepartmentRow] = {}
        self._bureaus: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "您是哪个部门的联络员？主窗口的“我的部门”和提醒都按这里的选择；"
                    "“各部门”“各科室”等集体部门的任务会算进它包括的每个部门。"
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
        self.department_tree.setHeaderLabels(
            [self.tr("部门"), self.tr("任务"), self.tr("别名或成员")]
        )
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
        self.members_button = QPushButton(self.tr("成员…"))
        self.members_button.setToolTip(self.tr("集体部门（如“各科室”）包括哪些部门"))
        self.rename_button.clicked.connect(self._ask_rename)
        self.merge_button.clicked.connect(self._ask_merge)
        self.alias_button.clicked.connect(self._ask_alias)
        self.members_button.clicked.connect(self._ask_members)
        for button in (
            self.rename_button,
            self.merge_button,
            self.alias_button,
            self.members_button,
        ):
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
        rows = repository.departments()
        names = {d.id: d.name for d in rows}
        self._groups = {d.id: d for d in rows if d.collective}
        self._bureaus = {d.id: d.bureau for d in rows}
        bureaus = list(dict.fromkeys(d.bureau for d in rows))
        several = len(bureaus) > 1
        tree.setRootIsDecorated(several)
        parents: dict[str, QTreeWidgetItem] = {}
        for name in bureaus:
            if several:
                parent = QTreeWidgetItem([name or self.tr("未署名单位")])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                tree.addTopLevelItem(parent)
                parent.setExpanded(True)
                parents[name] = parent
        for d in rows:
            if d.collective and d.members:
                extra = self.tr("包括：") + "、".join(names[m] for m in d.members)
            elif d.collective:
                extra = self.tr("成员未知，单独列出")
            else:
                extra = "、".join(d.aliases)
            item = QTreeWidgetItem([d.name, str(d.tasks), extra])
            item.setData(0, ID_ROLE, d.id)
            item.setToolTip(2, extra)
            if d.collective and d.members:  # its tasks are its members': nobody's own
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0, Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked
                )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if several:
                parents[d.bureau].addChild(item)
            else:
                tree.addTopLevelItem(item)
            if d.id == selected:
                item.setSelected(True)
                tree.setCurrentItem(item)
        tree.blockSignals(False)
        self.no_departments_note.setHidden(bool(rows))
        self._sync_department_radios()
        self._update_department_buttons()

    # -- ticks and selection -------------------------------------------------------------

    def _department_items(self) -> list[QTreeWidgetItem]:
        """Every department's row, under its bureau or not."""
        found = []
        iterator = QTreeWidgetItemIterator(self.department_tree)
        while (item := iterator.value()) is not None:
            if item.data(0, ID_ROLE) is not None:
                found.append(item)
            iterator += 1
        return found

    def chosen_department_ids(self) -> list[int]:
        """The departments ticked, in list order; empty means all departments."""
        return [
            int(item.data(0, ID_ROLE))
            for item in self._department_items()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState(0) == Qt.CheckState.Checked
        ]

    def check_department(self, name: str, checked: bool = True) -> None:
        for item in self._department_items():
            if item.text(0) == name:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def select_department(self, name: str | int) -> None:
        """Select a department by name (the first so named) or by number."""
        for item in self._department_items():
            if item.text(0) == name or item.data(0, ID_ROLE) == name:
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
        chosen = self.selected_department_id()
        for button in (self.rename_button, self.merge_button, self.alias_button):
            button.setEnabled(chosen is not None)
        self.members_button.setEnabled(chosen in self._groups)

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
        chosen = self.selected_department_id()
        several = len(set(self._bureaus.values())) > 1
        group = chosen in self._groups  # a group merges into a group, a department into one
        others: dict[str, int] = {}
        for item in self._department_items():
            other = int(item.data(0, ID_ROLE))
            if other == chosen or (other in self._groups) != group:
                continue
            bureau = self._bureaus[other] or self.tr("未署名单位")
            others[f"{item.text(0)}（{bureau}）" if several else item.text(0)] = other
        if not others:
            self._say(self.tr("没有可以合并到的其他部门。"), error=True)
            return
        target = self.ask_item(
            self.tr("合并部门"),
            self.tr("把“{0}”的任务全部并入（合并后“{0}”作为别名保留）：").format(name),
            list(others),
        )
        if target is not None:
            self.merge_selected_into(others[target])

    def _ask_members(self) -> None:
        from desktop_app.ui.settings.group_members import GroupMembersDialog

        chosen = self.selected_department_id()
        if chosen is None or chosen not in self._groups:
            return
        dialog = GroupMembersDialog(self._groups[chosen], self)
        if dialog.exec():
            self.set_selected_members(dialog.member_ids())

    def set_selected_members(self, member_ids: Sequence[int]) -> bool:
        """The selected collective owner's members, as the user ticked them."""
        checked = self.chosen_department_ids()

        def store(dept_id: int) -> None:
            departments.set_group_members(self._storage, dept_id, member_ids)
            self._fill(checked)

        return self._department_action(store, self.tr("已更新集体部门的成员。"))

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

    def merge_selected_into(self, target: str | int) -> bool:
        """Fold the selected department into ``target`` (its number, or its name when only
        one department has it)."""
        checked = self.chosen_department_ids()
        merged: list[str] = []

        def merge(dept_id: int) -> None:
            into = departments.merge(self._storage, dept_id, target)
            merged.append(into.name)
            mapped = [into.id if i == dept_id else i for i in checked]
            self._fill(list(dict.fromkeys(mapped)))
            self.select_department(into.id)

        if not self._department_action(merge, ""):
            return False
        self._say(self.tr("已合并到“{0}”。").format(merged[0]), error=False)
        return True

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
