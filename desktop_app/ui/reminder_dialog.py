"""The tasks of a reminder, each to acknowledge (知道了) or put off (稍后提醒 ▾).

Opened by a click on a notification (on exactly its tasks) or by the tray's 今天的提醒
(on what is still unanswered). Every answer goes through ``ReminderService`` into the
reminder log; ``answered`` tells the scheduler to rebuild. Modeless, so that a task
opened from here can be worked on in the main window while the list stays up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import repository
from db.errors import StorageError
from desktop_app.clock import Clock
from desktop_app.reminders.candidates import OPEN_STATUSES
from desktop_app.reminders.digest import plan_label
from desktop_app.reminders.service import SnoozeChoice
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.placement import place_aside
from desktop_app.ui.theme import ERROR_COLOR, text_style

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The smallest the dialog becomes to stay clear of a task it opened: the 序号 and the
# answer buttons still readable.
ASIDE_SIZE = QSize(480, 240)
COL_LABEL, COL_PLAN, COL_TEXT, COL_DUE, COL_OWNERS, COL_ACTIONS = range(6)


class ReminderAnswers(Protocol):
    """What the dialog needs of ``desktop_app.reminders.ReminderService``."""

    def acknowledge(self, task_ids: Sequence[int], now: datetime | None = None) -> None: ...

    def snooze(
        self, task_ids: Sequence[int], until: datetime, now: datetime | None = None
    ) -> datetime: ...

    def snooze_choices(self, now: datetime | None = None) -> tuple[SnoozeChoice, ...]: ...


class ReminderDialog(QDialog):
    """``task_ids`` in the reminder's order (most urgent first); closed tasks are left out."""

    open_task_requested = Signal(int)
    answered = Signal(list)  # the task ids just acknowledged or snoozed

    def __init__(
        self,
        service: ReminderAnswers,
        task_ids: Sequence[int],
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.clock = clock
        self._items: dict[int, QTreeWidgetItem] = {}
        self._plans: dict[int, int] = {}  # task → plan
        self._buttons: dict[int, tuple[QPushButton, QPushButton]] = {}
        self._menu_task_ids: list[int] = []
        self.setWindowTitle(self.tr("到期提醒"))
        self.setModal(False)
        self.resize(900, 460)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.hint = QLabel(self.tr("点击任务可在主窗口中查看和记录进展。"))
        layout.addWidget(self.hint)

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("序号"),
                self.tr("计划"),
                self.tr("任务"),
                self.tr("完成时间"),
                self.tr("牵头 / 责任部门"),
                "",
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_LABEL, 80), (COL_PLAN, 130), (COL_DUE, 96), (COL_OWNERS, 180)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_ACTIONS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemActivated.connect(self._item_clicked)
        layout.addWidget(self.tree, 1)

        self.message = QLabel()
        self.message.setStyleSheet(text_style(ERROR_COLOR))
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.acknowledge_all_button = QPushButton(self.tr("全部知道了"))
        self.acknowledge_all_button.clicked.connect(self.acknowledge_all)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.acknowledge_all_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.snooze_menu = QMenu(self)
        self.snooze_menu.triggered.connect(self._snooze_chosen)
        self._fill(task_ids)

    # -- the list ----------------------------------------------------------------------

    def _fill(self, task_ids: Sequence[int]) -> None:
        wanted = list(dict.fromkeys(int(i) for i in task_ids))
        rows = {t.id: t for t in _open_rows(wanted)}
        items = []
        for task_id in wanted:
            task = rows.get(task_id)
            if task is None:
                continue  # done, cancelled or deleted since the reminder: nothing to answer
            plan = plan_label(task.plan_title)
            item = QTreeWidgetItem(
                [task.label, plan, _one_line(task.text), _due_text(task), _owners_text(task), ""]
            )
            item.setData(COL_LABEL, TASK_ID_ROLE, task.id)
            item.setToolTip(COL_PLAN, task.plan_title or plan)
            item.setToolTip(COL_TEXT, task.text)
            item.setToolTip(COL_OWNERS, _owners_text(task))
            items.append(item)
            self._items[task.id] = item
            self._plans[task.id] = task.plan_id
        self.tree.addTopLevelItems(items)
        # Which plan, only when there are several: the 12 of two plans are two tasks.
        self.tree.setColumnHidden(COL_PLAN, len({self._plans[i] for i in self._items}) < 2)
        for item in items:
            self._add_buttons(item)
        self._update_heading()

    def _add_buttons(self, item: QTreeWidgetItem) -> None:
        task_id = int(item.data(COL_LABEL, TASK_ID_ROLE))
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(4, 0, 4, 0)
        acknowledge = QPushButton(self.tr("知道了"))
        acknowledge.clicked.connect(lambda: self.acknowledge([task_id]))
        snooze = QPushButton(self.tr("稍后提醒 ▾"))
        snooze.clicked.connect(lambda: self.show_snooze_menu([task_id], snooze))
        row.addWidget(acknowledge)
        row.addWidget(snooze)
        self.tree.setItemWidget(item, COL_ACTIONS, cell)
        self._buttons[task_id] = (acknowledge, snooze)

    def _update_heading(self) -> None:
        count = len(self._items)
        if count:
            self.heading.setText(self.tr("{0} 项任务的提醒待处理").format(count))
        else:
            self.heading.setText(self.tr("没有待处理的提醒。"))
        self.tree.setVisible(bool(count))
        self.hint.setVisible(bool(count))
        self.acknowledge_all_button.setEnabled(bool(count))

    def task_ids(self) -> list[int]:
        """The tasks still listed, in order."""
        # Every index below the count has an item; the stubs allow None for any index.
        return [
            int(item.data(COL_LABEL, TASK_ID_ROLE))
            for i in range(self.tree.topLevelItemCount())
            if (item := self.tree.topLevelItem(i)) is not None
        ]

    def row_buttons(self, task_id: int) -> tuple[QPushButton, QPushButton]:
        """The 知道了 and 稍后提醒 ▾ buttons of a listed task."""
        return self._buttons[task_id]

    def item_of(self, task_id: int) -> QTreeWidgetItem:
        return self._items[task_id]

    def _item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column != COL_ACTIONS:
            self.open_task(int(item.data(COL_LABEL, TASK_ID_ROLE)))

    def open_task(self, task_id: int) -> None:
        """Show the task in the main window (the dialog stays, moved aside: ``move_aside``)."""
        self.open_task_requested.emit(int(task_id))

    def move_aside(self, avoid: Sequence[QRect]) -> QRect:
        """Move (and shrink, if it must) off ``avoid``, global rectangles such as the task
        just opened in the main window, staying on this screen; the new frame."""
        frame = self.frameGeometry()
        extra = frame.size() - self.size()  # the window manager's frame
        smallest = ASIDE_SIZE.expandedTo(self.minimumSizeHint()) + extra
        target = place_aside(frame, avoid, self.screen().availableGeometry(), smallest)
        if target.size() != frame.size():
            self.resize(target.size() - extra)
        self.move(target.topLeft())
        return target

    # -- answers -----------------------------------------------------------------------

    def acknowledge(self, task_ids: Sequence[int]) -> bool:
        ids = [i for i in task_ids if i in self._items]
        if not ids:
            return False
        return self._answer(ids, lambda now: self.service.acknowledge(ids, now))

    def acknowledge_all(self) -> bool:
        return self.acknowledge(self.task_ids())

    def snooze(self, task_ids: Sequence[int], key: str) -> bool:
        """Put these tasks off by one of the service's choices (``hour``, ``tomorrow``…)."""
        ids = [i for i in task_ids if i in self._items]
        if not ids:
            return False
        now = self.clock()
        choice = next((c for c in self.service.snooze_choices(now) if c.key == key), None)
        if choice is None:
            raise ValueError(f"unknown snooze choice {key!r}")
        return self._answer(ids, lambda at: self.service.snooze(ids, choice.until, at), now)

    def show_snooze_menu(self, task_ids: Sequence[int], anchor: QWidget | None = None) -> QMenu:
        """The choices as they stand now (the dialog may have stayed open for hours)."""
        now = self.clock()
        self._menu_task_ids = [int(i) for i in task_ids]
        self.snooze_menu.clear()
        for choice in self.service.snooze_choices(now):
            action = QAction(self._choice_label(choice, now), self.snooze_menu)
            action.setData(choice.key)
            self.snooze_menu.addAction(action)
        if anchor is not None:
            self.snooze_menu.popup(anchor.mapToGlobal(QPoint(0, anchor.height())))
        return self.snooze_menu

    def _snooze_chosen(self, action: QAction) -> None:
        key = action.data()
        if key:
            self.snooze(self._menu_task_ids, str(key))

    def _answer(
        self, ids: list[int], record: Callable[[datetime], object], now: datetime | None = None
    ) -> bool:
        try:
            record(now or self.clock())
        except (ServiceError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return False
        self.message.hide()
        self._remove(ids)
        self.answered.emit(ids)
        if not self._items:
            self.accept()
        return True

    def _remove(self, ids: Iterable[int]) -> None:
        for task_id in ids:
            item = self._items.pop(task_id, None)
            self._buttons.pop(task_id, None)
            if item is not None:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        self._update_heading()

    # -- words -------------------------------------------------------------------------

    def _choice_label(self, choice: SnoozeChoice, now: datetime) -> str:
        until = choice.until
        if choice.key == "hour":
            return self.tr("1 小时后（{0}）").format(self._when(until, now))
        if choice.key == "tomorrow":
            if until.date() == now.date() + timedelta(days=1):
                return self.tr("明天 {0}").format(f"{until:%H:%M}")
            return self.tr("下一个工作日 {0}").format(self._when(until, now))
        if choice.key == "three_workdays":
            return self.tr("3 个工作日后 {0}").format(self._when(until, now))
        return choice.label

    def _when(self, moment: datetime, now: datetime) -> str:
        if moment.date() == now.date():
            return f"{moment:%H:%M}"
        return self.tr("{0}月{1}日 {2}").format(moment.month, moment.day, f"{moment:%H:%M}")


def _open_rows(task_ids: Sequence[int]) -> list[repository.TaskRow]:
    rows: list[repository.TaskRow] = []
    for start in range(0, len(task_ids), 5000):  # well under SQLite's variable limit
        rows += repository.tasks(task_ids=task_ids[start : start + 5000], statuses=OPEN_STATUSES)
    return rows


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _due_text(task: repository.TaskRow) -> str:
    due: date | None = task.due
    if due is not None:
        return due.isoformat()
    return task.deadline_raw or "—"


def _owners_text(task: repository.TaskRow) -> str:
    lead = "、".join(task.lead)
    responsible = "、".join(task.responsible)
    return f"{lead}；{responsible}" if lead and responsible else lead or responsible or "—"
