"""The right side: one task in full — text, section path, owners, deadline with working days
left, status buttons, progress notes (add, edit), change history, the raw annotation."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from desktop_app.plans.departments import split_owners
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN
from desktop_app.services.errors import ServiceError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.task_panel_parts import (
    FIELD_NAMES,
    GrowingList,
    StatusButtons,
    heading,
    owners_html,
)
from desktop_app.ui.theme import (
    LINK_COLOR,
    NOTE_COLOR,
    PANEL_BACKGROUND,
    STATE_COLORS,
    TEXT_COLOR,
    WARNING_COLOR,
    state_name,
    status_name,
    text_style,
)

if TYPE_CHECKING:  # storage loads after the window's first paint (see attach)
    from db.connection import Storage
    from db.repository import TaskRow
    from desktop_app.calendar.workdays import WorkCalendar

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TaskPanel(QScrollArea):
    """Shows one task; status and note changes go through the services and emit ``changed``."""

    changed = Signal(int)  # task id

    def __init__(
        self,
        storage: Storage | None,
        today: Callable[[], date],
        calendar: WorkCalendar | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._today = today
        self._calendar = calendar
        self._task: TaskRow | None = None
        self._section_titles: dict[str, str] = {}
        self._titles_plan: int | None = None  # the plan whose section titles those are
        self._owners_break = "<br>"
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the panel's width; only a tall task scrolls, and only down.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(240)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 6, 12, 6)
        self.placeholder = QLabel(self.tr("在中间选择一项任务，这里显示它的全部内容。"))
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(text_style(NOTE_COLOR))
        layout.addWidget(self.placeholder)

        # Two columns side by side under a wide list (the task on the left, its notes and
        # history on the right), one above the other in a narrow pane (set_two_columns).
        self.details = QWidget()
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.details)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(16)
        task_side, notes_side = QWidget(), QWidget()
        d = QVBoxLayout(task_side)
        d.setContentsMargins(0, 0, 0, 0)
        self._columns.addWidget(task_side)
        self._columns.addWidget(notes_side, 1)  # one above the other: the notes grow
        self.path_label = QLabel()
        self.path_label.setStyleSheet(text_style(NOTE_COLOR))
        self.path_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setStyleSheet("font-size: 11pt;")
        self.owners_label = QLabel()
        self.owners_label.setWordWrap(True)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        for w in (self.path_label, self.text_label, self.owners_label, self.deadline_label):
            d.addWidget(w)

        self.status_buttons = StatusButtons()
        self.status_buttons.setParent(self)
        self.status_buttons.buttonClicked.connect(self._status_clicked)
        d.addLayout(self.status_buttons.grid)

        self.correct_toggle = QPushButton(self.tr("更正部门或完成时间…"))
        self.correct_toggle.setCheckable(True)
        self.correct_toggle.setFlat(True)
        self.correct_toggle.setStyleSheet(f"text-align: left; color: {LINK_COLOR};")
        d.addWidget(self.correct_toggle)
        self.correct_box = QWidget()
        form = QFormLayout(self.correct_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.lead_edit = QLineEdit()
        self.lead_edit.setPlaceholderText(self.tr("多个部门用“、”分隔"))
        self.responsible_edit = QLineEdit()
        self.responsible_edit.setPlaceholderText(self.tr("多个部门用“、”分隔"))
        self.due_check = QCheckBox(self.tr("有完成日期"))
        self.due_edit = QDateEdit()
        self.due_edit.setDateRange(QDate(YEAR_MIN, 1, 1), QDate(YEAR_MAX, 12, 31))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_check)
        due_row.addWidget(self.due_edit, 1)
        form.addRow(self.tr("牵头部门"), self.lead_edit)
        form.addRow(self.tr("责任部门"), self.responsible_edit)
        form.addRow(self.tr("完成时间"), due_row)
        self.save_correction_button = QPushButton(self.tr("保存更正"))
        self.save_correction_button.clicked.connect(self.save_correction)
        form.addRow("", self.save_correction_button)
        self.correct_box.hide()
        self.correct_toggle.toggled.connect(self.correct_box.setVisible)
        d.addWidget(self.correct_box)
        d.addStretch(1)

        d = QVBoxLayout(notes_side)
        d.setContentsMargins(0, 0, 0, 0)
        d.addWidget(heading(self.tr("进展记录")))
        self.notes = GrowingList()
        self.notes.setWordWrap(True)
        self.notes.setMinimumHeight(96)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes.itemDoubleClicked.connect(self._start_edit)
        d.addWidget(self.notes)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("写下进展，例如：已报送材料、已召开会议…"))
        self.note_edit.setFixedHeight(64)
        d.addWidget(self.note_edit)
        note_row = QHBoxLayout()
        self.save_note_button = QPushButton(self.tr("添加进展"))
        self.save_note_button.clicked.connect(self._save_note)
        self.cancel_edit_button = QPushButton(self.tr("取消修改"))
        self.cancel_edit_button.clicked.connect(self._cancel_edit)
        self.cancel_edit_button.hide()
        note_row.addStretch(1)
        note_row.addWidget(self.cancel_edit_button)
        note_row.addWidget(self.save_note_button)
        d.addLayout(note_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {STATE_COLORS['late']};")
        self.message.hide()
        d.addWidget(self.message)

        d.addWidget(heading(self.tr("变更记录")))
        self.history = GrowingList()
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(70)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        d.addWidget(self.history)
        d.addWidget(heading(self.tr("文件原文中的标注")))
        self.annotation_label = QLabel()
        self.annotation_label.setWordWrap(True)
        self.annotation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.annotation_label.setStyleSheet(
            f"color: {TEXT_COLOR}; background: {PANEL_BACKGROUND}; padding: 6px;"
        )
        d.addWidget(self.annotation_label)
        d.addStretch(1)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.details.hide()
        self.setWidget(body)
        self._editing_note: int | None = None

    def set_two_columns(self, two: bool) -> None:
        """Side by side (a wide, low pane under the list) or one above the other."""
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight if two else QBoxLayout.Direction.TopToBottom
        )
        self._columns.setStretch(0, 5 if two else 0)
        self._columns.setStretch(1, 4 if two else 1)
        self.status_buttons.arrange(per_row=4 if two else 2)
        self.notes.setMinimumHeight(64 if two else 96)
        self._owners_break = "　" if two else "<br>"  # a low pane: the owners on one line
        if self._task is not None:
            self.show_task(self._task.id)

    def attach(self, storage: Storage, calendar: WorkCalendar) -> None:
        """The database and calendar, when the window opens before them (at start-up)."""
        self._storage = storage
        self._calendar = calendar

    # -- showing ---------------------------------------------------------------------
    def set_section_titles(self, titles: dict[str, str], plan_id: int | None = None) -> None:
        """The section titles of ``plan_id`` (a task of another plan reads its own)."""
        self._section_titles = titles
        self._titles_plan = plan_id

    def current_task_id(self) -> int | None:
        return self._task.id if self._task else None

    def current_plan_id(self) -> int | None:
        return self._task.plan_id if self._task else None

    def show_task(self, task_id: int | None) -> None:
        same = self._task is not None and self._task.id == task_id
        self._task = None
        if task_id is not None and self._storage is not None:
            from db import repository

            self._task = repository.task(task_id)
        if not same:  # a note being typed survives a status click on the same task
            self._cancel_edit()
        self.message.hide()
        if self._task is None:
            self.details.hide()
            self.placeholder.show()
            return
        t = self._task
        self.placeholder.hide()
        self.details.show()
        if t.plan_id != self._titles_plan:  # a list of several plans (我的本月任务, a search)
            from db import repository

            self.set_section_titles(repository.section_titles(t.plan_id), t.plan_id)
        path = " › ".join(
            f"{label}{self._section_titles.get(label, '')}".strip() for label in t.section_path
        )
        self.path_label.setText(path + (f" › {t.label}" if path else t.label))
        self.text_label.setText(t.text)
        self.owners_label.setText(owners_html(t, self._owners_break))
        self.deadline_label.setText(self._deadline_html(t))
        self.lead_edit.setText("、".join(t.lead))
        self.responsible_edit.setText("、".join(t.responsible))
        self.due_check.setChecked(t.due is not None)
        self.due_edit.setEnabled(t.due is not None)
        shown_due = t.due or self._today()
        self.due_edit.setDate(QDate(shown_due.year, shown_due.month, shown_due.day))
        self.correct_box.setEnabled(not t.archived)
        for button in self.status_buttons.buttons():
            button.setChecked(button.property("status") == t.status)
            button.setEnabled(not t.archived)
        if t.archived:
            self._fail(self.tr("此任务已从修订后的工作要点中删除，仅作存档，记录保留。"))
        from db import journal

        self.notes.clear()
        for note in journal.notes(t.id):
            edited = self.tr("（已修改）") if note.updated_at != note.created_at else ""
            item = QListWidgetItem(f"{note.created_at:%Y-%m-%d %H:%M}{edited}\n{note.text}")
            item.setData(NOTE_ID_ROLE, note.id)
            item.setToolTip(self.tr("双击修改这条进展"))
            self.notes.addItem(item)
        self.history.clear()
        for change in reversed(journal.history(t.id)):
            who = self.tr("导入") if change.source == "import" else self.tr("手工")
            field = self.tr(FIELD_NAMES.get(change.field, change.field))
            self.history.addItem(
                f"{change.changed_at:%Y-%m-%d %H:%M} [{who}] {field}："
                f"{change.old_value or '—'} → {change.new_value or '—'}"
            )
        if self.history.count() == 0:
            self.history.addItem(self.tr("（尚无变更）"))
        self.annotation_label.setText(t.annotation or self.tr("（原文中没有标注）"))

    def _deadline_html(self, t: TaskRow) -> str:
        assert self._calendar is not None, "a task is shown only once attached"
        today = self._today()
        soon = self._calendar.add_workdays(today, 10)
        state = t.state(today, soon)
        color = STATE_COLORS.get(state, TEXT_COLOR)
        if t.due is None:
            what = t.deadline_raw or self.tr("未标注")
            return self.tr("完成时间：") + html.escape(what) + f"（{state_name(state)}）"
        text = self.tr("完成时间：") + f"<b>{t.due.isoformat()}</b>"
        if t.deadline_raw:
            text += f"（{html.escape(t.deadline_raw)}）"
        if t.status in ("done", "cancelled"):
            done = f" {t.completed_on.isoformat()}" if t.completed_on else ""
            return text + f"<br><span style='color:{color}'>{status_name(t.status)}{done}</span>"
        days = self._calendar.workdays_between(today, t.due)
        if days > 0:
            left = self.tr("还有 {0} 个工作日").format(days)
        elif days == 0:
            left = self.tr("今天到期")
        else:
            left = self.tr("已逾期 {0} 个工作日").format(-days)
        if state == "lagging":  # the yellow of the dot does not read as text: the warning's
            left += self.tr(" · 未达序时进度，本月尚无进展记录")
            color = WARNING_COLOR
        return text + f"<br><span style='color:{color}'>{left}</span>"

    # -- changing --------------------------------------------------------------------
    def _status_clicked(self, button: QPushButton) -> None:
        if self._task is None:
            return
        self.set_status(str(button.property("status")))

    def set_status(self, status: str) -> bool:
        """Record a new status for the shown task; False (with a message) if it failed."""
        if self._task is None:
            return False
        assert self._storage is not None, "a task is shown only once attached"
        from desktop_app.services import tasks

        task_id = self._task.id
        try:
            tasks.set_status(self._storage, task_id, status)
        except (ServiceError, StorageError) as exc:
            self._fail(error_text(exc))
            self.show_task(task_id)
            return False
        self.show_task(task_id)
        self.changed.emit(task_id)
        return True

    def save_correction(self) -> bool:
        """Owners and due date as the user says; later revisions of the plan keep them."""
        if self._task is None:
            return False
        assert self._storage is not None, "a task is shown only once attached"
        t = self._task
        lead = tuple(split_owners(self.lead_edit.text()))
        responsible = tuple(split_owners(self.responsible_edit.text()))
        # QDate.toPython() gives a datetime.date; PySide6's stubs say object.
        due = cast(date, self.due_edit.date().toPython()) if self.due_check.isChecked() else None
        from desktop_app.services import tasks

        try:
            if (lead, responsible) != (t.lead, t.responsible):
                tasks.correct_owners(self._storage, t.id, lead, responsible)
            if due != t.due:
                tasks.correct_deadline(self._storage, t.id, due)
        except (ServiceError, StorageError) as exc:
            self._fail(error_text(exc))
            return False
        self.correct_toggle.setChecked(False)
        self.show_task(t.id)
        self.changed.emit(t.id)
        return True

    def _start_edit(self, item: QListWidgetItem) -> None:
        self._editing_note = int(item.data(NOTE_ID_ROLE))
        self.note_edit.setPlainText(item.text().split("\n", 1)[1])
        self.save_note_button.setText(self.tr("保存修改"))
        self.cancel_edit_button.show()
        self.note_edit.setFocus()

    def _cancel_edit(self) -> None:
        self._editing_note = None
        self.note_edit.clear()
        self.save_note_button.setText(self.tr("添加进展"))
        self.cancel_edit_button.hide()

    def _save_note(self) -> None:
        if self._task is None:
            return
        assert self._storage is not None, "a task is shown only once attached"
        from desktop_app.services import tasks

        text = self.note_edit.toPlainText()
        task_id = self._task.id
        try:
            if self._editing_note is not None:
                tasks.edit_note(self._storage, self._editing_note, text)
            else:
                tasks.add_note(self._storage, task_id, text)
        except (ServiceError, StorageError) as exc:
            self._fail(error_text(exc))  # what was typed stays in the box
            return
        self._cancel_edit()
        self.show_task(task_id)
        self.changed.emit(task_id)

    def _fail(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
