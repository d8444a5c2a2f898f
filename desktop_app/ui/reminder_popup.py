"""The small reminder window: the last channel, when neither the desktop's notification nor
the tray can show a reminder and the main window is not on screen. It stays on top in the
corner of the screen until the liaison opens the tasks or closes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

WIDTH = 360
MARGIN = 16


class ReminderPopup(QWidget):
    """Title, text, 查看 (the digest's tasks) and 关闭; always on top, never in the taskbar."""

    open_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(parent, flags)
        self.setObjectName("reminder_popup")
        self.setWindowTitle(self.tr("到期提醒"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("#reminder_popup { background: #fffdf3; border: 1px solid #f2b600; }")
        self._task_ids: list[int] = []
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        for label in (self.title_label, self.body_label):  # task text is never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.view_button = QPushButton(self.tr("查看"))
        self.view_button.setDefault(True)
        self.view_button.clicked.connect(self._open)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addLayout(buttons)
        self.setFixedWidth(WIDTH)

    def task_ids(self) -> list[int]:
        return list(self._task_ids)

    def show_notification(self, title: str, body: str, task_ids: Sequence[int]) -> None:
        """Show (or replace) the reminder in the screen's lower right corner."""
        self._task_ids = [int(i) for i in task_ids]
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.view_button.setVisible(bool(self._task_ids))
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(
                area.right() - self.width() - MARGIN,
                area.bottom() - self.sizeHint().height() - MARGIN,
            )
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        self.hide()
        self._task_ids = []

    def _open(self) -> None:
        ids = self.task_ids()
        self.dismiss()
        self.open_requested.emit(ids)
