"""标为已完成 / 标为进行中 on the tasks selected in a list (按月 or 我的本月任务): from the 任务
menu, the toolbar, the list's context menu or Ctrl+D / Ctrl+Shift+D while the list has the
focus. All of them change in one transaction (``services/tasks.mark_statuses``), each task's
history recording its change; the counts and the list are read once after, the rows still
shown stay selected. More than ``CONFIRM_ABOVE`` tasks are asked about first, 取消 being
the default. The task panel keeps showing the current row.

The last such change can be taken back until the next one: 撤销 on the toolbar beside
标为已完成, 任务 → 撤销上次标记, Ctrl+Z in the list (the status bar says so for
``UNDO_SHOWN_MS``). A task changed again since is left as it is, and the message says how
many were put back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar

    from db.connection import Storage
    from desktop_app.services.tasks import Marking
    from desktop_app.ui.main_window.month_view import MonthView
    from desktop_app.ui.main_window.workspace import Workspace
    from desktop_app.ui.task_panel import TaskPanel

    _Base = QMainWindow
else:
    _Base = object

CONFIRM_ABOVE = 5  # more tasks than this at once: asked first
UNDO_SHOWN_MS = 15_000  # how long the status bar says how to undo
Chosen = list[tuple[int, str | None]]


class BatchStatus(_Base):
    """Mixed into ``MainWindow``: the status actions on the lists' selection."""

    storage: Storage | None
    workspace: Workspace
    views: QStackedWidget
    task_panel: TaskPanel

    def _build_status_actions(self, toolbar: QToolBar) -> None:
        """The actions (disabled until a list has tasks selected), 标为已完成 on the toolbar."""
        self.done_action = QAction(self.tr("标为已完成"), self)
        self.done_action.setShortcuts([QKeySequence("Ctrl+D")])
        self.done_action.setToolTip(self.tr("把列表中选中的任务标为已完成（Ctrl+D）"))
        self.done_action.triggered.connect(lambda: self.mark_selected("done"))
        self.in_progress_action = QAction(self.tr("标为进行中"), self)
        self.in_progress_action.setShortcuts([QKeySequence("Ctrl+Shift+D")])
        self.in_progress_action.setToolTip(self.tr("把列表中选中的任务标为进行中（Ctrl+Shift+D）"))
        self.in_progress_action.triggered.connect(lambda: self.mark_selected("in_progress"))
        for action in self.status_actions():
            action.setEnabled(False)
        toolbar.addAction(self.done_action)
        self.batch_question: QMessageBox | None = None
        self._build_undo()
        toolbar.addAction(self.undo_status_action)

    def _build_undo(self) -> None:
        self.undo_status_action = QAction(self.tr("撤销上次标记"), self)
        self.undo_status_action.setIconText(self.tr("撤销"))  # on the toolbar
        # (a string, as for the other actions: the first paint builds no enum it can spare)
        self.undo_status_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_status_action.setToolTip(self.tr("把上次一起更改的任务恢复为原来的状态"))
        self.undo_status_action.setEnabled(False)
        self.undo_status_action.triggered.connect(self.undo_last_marking)
        self._last_marking: Marking | None = None

    def _add_status_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("任务(&K)"))
        for action in self.status_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.undo_status_action)

    def status_actions(self) -> tuple[QAction, QAction]:
        return self.done_action, self.in_progress_action

    def _attach_status_actions(self) -> None:
        """Once the lists exist: their shortcuts, context menus and selections."""
        from PySide6.QtCore import Qt

        # in the lists only: Ctrl+Z in the search box or a note is the text's own undo
        for action in (*self.status_actions(), self.undo_status_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for view in self._lists():
            view.addActions([*self.status_actions(), self.undo_status_action])
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._show_list_menu(v, pos)
            )
            view.selectionModel().selectionChanged.connect(self._update_status_actions)
        self.views.currentChanged.connect(lambda _i: self._update_status_actions())
        self.view_updated.connect(self._update_status_actions)  # the rows read again

    def _lists(self) -> tuple[MonthView, MonthView]:
        return self.workspace.month_view, self.workspace.my_month.list

    def shown_list(self) -> MonthView | None:
        """The list in the centre (None: the overview)."""
        if getattr(self, "workspace", None) is None:
            return None
        current = self.views.currentWidget()
        if current is self.workspace.month_view:
            return self.workspace.month_view
        if current is self.workspace.my_month:
            return self.workspace.my_month.list
        return None

    def _update_status_actions(self) -> None:
        view = self.shown_list()
        some = view is not None and bool(view.selected_tasks())
        for action in self.status_actions():
            action.setEnabled(some and self.storage is not None)

    # -- the context menu -------------------------------------------------------------
    def list_menu(self, view: MonthView) -> QMenu:
        """The list's context menu for its selection (made anew each time)."""
        menu = QMenu(view)
        count = len({task_id for task_id, _g in view.selected_tasks()})
        if count > 1:
            title = menu.addAction(self.tr("已选 {0} 项任务").format(count))
            title.setEnabled(False)
        for action in self.status_actions():
            menu.addAction(action)
        menu.addSeparator()
        whole = menu.addAction(self.tr("选中本组全部任务"))
        whole.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        whole.triggered.connect(view.select_group)
        return menu

    def _show_list_menu(self, view: MonthView, pos: QPoint) -> None:
        self._update_status_actions()
        menu = self.list_menu(view)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(view.viewport().mapToGlobal(pos))

    # -- changing ---------------------------------------------------------------------
    def mark_selected(self, status: str) -> None:
        """The tasks selected in the list shown to ``status``; asked first when many."""
        view = self.shown_list()
        if view is None or self.storage is None:
            return
        chosen = view.selected_tasks()
        model = view.model()
        rows = {t.id: t for g in model.groups() for t in g.tasks}  # type: ignore[attr-defined]
        ids = list(dict.fromkeys(task_id for task_id, _g in chosen))
        changing = [i for i in ids if i in rows and rows[i].status != status]
        name = self._status_word(status)
        if not changing:
            self.statusBar().showMessage(self.tr("选中的任务已经都是“{0}”。").format(name), 4_000)
            return
        if len(changing) <= CONFIRM_ABOVE:
            self._mark(view, chosen, changing, status)
            return
        self._ask(
            self.tr("将选中的 {0} 项任务标为“{1}”？每项任务的变更记录都会记下这次修改。").format(
                len(changing), name
            ),
            self.tr("标为{0}").format(name),
            lambda: self._mark(view, chosen, changing, status),
        )

    def _status_word(self, status: str) -> str:
        from desktop_app.ui.theme import status_name

        return status_name(status)

    def _ask(self, text: str, yes_text: str, then: Callable[[], None]) -> None:
        """A question that does not block; No (取消) is the default and Esc's."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("更改状态"), text, buttons, self)
        yes = box.button(QMessageBox.StandardButton.Yes)
        no = box.button(QMessageBox.StandardButton.No)
        yes.setText(yes_text)
        no.setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(no)
        self.batch_question = box

        def answered(_result: int) -> None:
            self.batch_question = None
            box.deleteLater()
            if box.clickedButton() is yes:
                then()

        box.finished.connect(answered)
        box.open()

    def _mark(self, view: MonthView, chosen: Chosen, task_ids: list[int], status: str) -> None:
        from desktop_app.ui.main_window import presenter

        assert self.storage is not None
        storage = self.storage
        marked: list[Marking] = []
        if not self._change(
            lambda: marked.append(presenter.mark_statuses(storage, task_ids, status))
        ):
            return
        view.select_tasks(chosen)
        self._last_marking = marked[0]
        self.undo_status_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("已将 {0} 项任务标为“{1}”。可按工具栏的“撤销”（Ctrl+Z）恢复。").format(
                len(marked[0].before), self._status_word(status)
            ),
            UNDO_SHOWN_MS,
        )

    def undo_last_marking(self) -> None:
        """The last change of several put back, where those tasks have not changed since."""
        from desktop_app.ui.main_window import presenter

        if self._last_marking is None or self.storage is None:
            return
        marking = self._last_marking
        storage = self.storage
        restored: list[int] = []

        def undo() -> None:
            restored.extend(presenter.undo_statuses(storage, marking))

        if not self._change(undo):
            return
        self._last_marking = None
        self.undo_status_action.setEnabled(False)
        left = len(marking.before) - len(restored)
        text = self.tr("已撤销：{0} 项任务恢复为原来的状态。").format(len(restored))
        if left:
            text += self.tr("另有 {0} 项此后又改过，未动。").format(left)
        self.statusBar().showMessage(text, 8_000)

    def _change(self, change: Callable[[], object]) -> bool:
        """Make a change of statuses, then read the window again; False (and said) when it
        could not be stored."""
        from db.errors import StorageError
        from desktop_app.services.errors import ServiceError
        from desktop_app.ui.error_text import error_text

        try:
            change()
        except (ServiceError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("无法更改状态"), error_text(exc))
            return False
        self.task_panel.show_task(self.task_panel.current_task_id())  # its buttons follow
        self.refresh_departments()
        self._refresh(keep_place=True)
        self._update_status_actions()
        self.reminders_changed.emit()  # tasks done stop their reminders at once
        return True

    if TYPE_CHECKING:  # the window's and its other parts'
        from PySide6.QtCore import Signal

        reminders_changed: Signal
        view_updated: Signal

        def refresh_departments(self) -> None: ...
        def _refresh(self, *, keep_place: bool) -> None: ...
