"""What the search covers, said where the user types: the search box's placeholder names it
in a few words that fit at 1024 px (在本计划的全部部门中搜索, 在本计划的办公室中搜索, 在全部计划中
搜索, 在我的本月任务中搜索), its tooltip in full; the scope box beside it (本计划 / 全部计划)
widens it to every plan. A search that finds nothing says why in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.models import ALL_DEPARTMENTS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMainWindow

    from desktop_app.ui.models.department_model import DepartmentListModel

    _Base = QMainWindow
else:
    _Base = object

NAME_CHARS = 8  # a department named in the placeholder: longer names are shortened


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


class TaskSearch(_Base):
    """Mixed into ``MainWindow``: the search's scope, said, and its empty results explained."""

    search_box: QLineEdit
    search_scope: QComboBox
    mine_only: QCheckBox
    department_id: int
    department_model: DepartmentListModel
    _search_note: str

    def search_all_plans(self) -> bool:
        """Whether the month view's search looks in every plan (the scope box)."""
        return self.search_scope.currentData() == "all"

    def _scope_chosen(self, _index: int) -> None:
        self.refresh_view()  # the hint says the new scope; a search shows its new results

    def update_search_hint(self) -> None:
        """The placeholder and tooltip for the view, plan, department and scope in force."""
        if getattr(self, "workspace", None) is None:
            return
        mine = self.my_month_shown()
        self.search_scope.setEnabled(not mine)  # 我的本月任务 is of every plan, of mine
        self.mine_only.setEnabled(not mine)
        if mine:
            short = self.tr("在我的本月任务中搜索")
            where = self.tr("我的本月任务（各个计划中我的部门的任务）")
        elif self.search_all_plans():
            short = self.tr("在全部计划中搜索")
            where = self.tr("全部计划的全部部门")
        else:
            name = self._department_name()
            short = self.tr("在本计划的{0}中搜索").format(_short(name))
            where = self.tr("当前计划的{0}").format(name)
        self.search_box.setPlaceholderText(short)
        self.search_box.setToolTip(
            self.tr(
                "搜索任务内容和牵头、责任部门（Ctrl+F，Esc 清除）。\n"
                "现在的范围：{0}，状态等筛选条件照样适用。\n"
                "右边的“本计划/全部计划”可改为搜索所有计划。"
            ).format(where)
        )

    def _department_name(self) -> str:
        if self.department_id != ALL_DEPARTMENTS:
            row = self.department_model.row_of(self.department_id)
            summary = self.department_model.summary(row) if row is not None else None
            if summary is not None:
                return summary.name
        if self.mine_only.isChecked():
            return self.tr("我的部门")
        return self.tr("全部部门")

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _say_what_the_search_found(self, query: str, shown: int, in_plan: int) -> None:
        """An empty result is explained: nowhere in the plan, or only outside the filters.
        The explanation goes when the search finds something or is cleared; other messages
        in the status bar stay."""
        if shown:
            self._clear_search_note()
            return
        if in_plan:
            note = self.tr(
                "当前部门和筛选条件下没有“{0}”；整个计划中有 {1} 项，可选“全部部门”或放宽筛选。"
            ).format(query, in_plan)
            if self.search_all_plans():
                note = self.tr("筛选条件下没有“{0}”；全部计划中有 {1} 项，可放宽筛选。").format(
                    query, in_plan
                )
        elif self.search_all_plans():
            note = self.tr("全部计划中都没有找到“{0}”。").format(query)
        else:
            note = self.tr("计划中没有找到“{0}”。").format(query)
        self._search_note = note
        self.statusBar().showMessage(note)

    def _clear_search_note(self) -> None:
        if self._search_note and self.statusBar().currentMessage() == self._search_note:
            self.statusBar().clearMessage()
        self._search_note = ""

    if TYPE_CHECKING:

        def my_month_shown(self) -> bool: ...
        def refresh_view(self) -> None: ...
