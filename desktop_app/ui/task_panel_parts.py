"""Small parts of the task panel: its status buttons (two rows beside the list, one row
under it), its lists that grow only where there is room, its headings, and the names of the
fields its change history lists; the owners line."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QListWidget, QPushButton

from desktop_app.ui.theme import status_name

if TYPE_CHECKING:
    from db.repository import TaskRow

# QT_TRANSLATE_NOOP returns its message unchanged; PySide6's stubs type it as object.
FIELD_NAMES = cast(
    "dict[str, str]",
    {
        "status": QT_TRANSLATE_NOOP("TaskPanel", "状态"),
        "lead": QT_TRANSLATE_NOOP("TaskPanel", "牵头部门"),
        "responsible": QT_TRANSLATE_NOOP("TaskPanel", "责任部门"),
        "deadline": QT_TRANSLATE_NOOP("TaskPanel", "完成时间"),
        "leaders": QT_TRANSLATE_NOOP("TaskPanel", "责任领导"),
        "text": QT_TRANSLATE_NOOP("TaskPanel", "任务内容"),
        "note": QT_TRANSLATE_NOOP("TaskPanel", "进展说明"),
        "archived": QT_TRANSLATE_NOOP("TaskPanel", "归档"),
    },
)


class StatusButtons(QButtonGroup):
    """未开始 / 进行中 / 已完成 / 已取消, one checked; each button's ``status`` property names
    it. ``grid`` holds them, ``arrange`` puts them in rows."""

    def __init__(self) -> None:
        super().__init__()
        self.setExclusive(True)
        self.grid = QGridLayout()
        for status in ("not_started", "in_progress", "done", "cancelled"):
            button = QPushButton(status_name(status))
            button.setCheckable(True)
            button.setProperty("status", status)
            self.addButton(button)
        self.arrange(per_row=2)

    def arrange(self, per_row: int) -> None:
        for i, button in enumerate(self.buttons()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, i // per_row, i % per_row)


class GrowingList(QListWidget):
    """A list as tall as its minimum, taller where the pane has room: in a low pane under
    the month view, the note being typed and its button stay in sight."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; margin-top: 8px;")
    return label


def owners_html(task: TaskRow, line_break: str) -> str:
    """牵头部门 in bold, then 责任部门 (``line_break`` between them), then on a line of its own
    the 责任领导 when the plan names any (people, not owners: corrections leave them alone)."""
    translate = QCoreApplication.translate
    lead = "、".join(task.lead) or "—"
    responsible = "、".join(task.responsible) or "—"
    text = (
        translate("TaskPanel", "牵头部门：")
        + f"<b>{html.escape(lead)}</b>{line_break}"
        + translate("TaskPanel", "责任部门：")
        + html.escape(responsible)
    )
    if task.owners_corrected:
        text += translate("TaskPanel", "（已手工修改）")
    if task.leaders:
        text += "<br>" + translate("TaskPanel", "责任领导：")
        text += html.escape("、".join(task.leaders))
    return text
