"""The in-window banner: the last notification channel, when neither plyer nor the tray can
show a reminder. Made on first use (``MainWindow.banner``), not before the window is painted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.theme import BANNER_BACKGROUND, BANNER_BORDER


class NotificationBanner(QFrame):
    """A reminder shown inside the window: title, text, 查看 (open the tasks) and 关闭."""

    open_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None, *, buttons_below: bool = False) -> None:
        """``buttons_below``: 查看 and 关闭 under the text (a narrow window), not beside it."""
        super().__init__(parent)
        self.setObjectName("notification_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#notification_banner {{ background: {BANNER_BACKGROUND};"
            f" border: 1px solid {BANNER_BORDER}; border-radius: 4px; }}"
        )
        self.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Preferred if buttons_below else QSizePolicy.Policy.Maximum,
        )
        self._task_ids: list[int] = []
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        for label in (self.title_label, self.body_label):  # task text is never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.title_label)
        texts.addWidget(self.body_label)
        self.view_button = QPushButton(self.tr("查看"))
        self.view_button.clicked.connect(self._open)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.dismiss)
        if buttons_below:
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.view_button)
            buttons.addWidget(self.close_button)
            column = QVBoxLayout(self)
            column.setContentsMargins(12, 10, 12, 10)
            column.addLayout(texts)
            column.addLayout(buttons)
        else:
            layout = QHBoxLayout(self)
            layout.setContentsMargins(10, 6, 10, 6)
            layout.addLayout(texts, 1)
            layout.addWidget(self.view_button)
            layout.addWidget(self.close_button)
        self.hide()

    def task_ids(self) -> list[int]:
        return list(self._task_ids)

    def show_notification(self, title: str, body: str, task_ids: Sequence[int]) -> None:
        """Show (or replace) the reminder; 查看 appears only when there are tasks to open."""
        self._task_ids = [int(i) for i in task_ids]
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.view_button.setVisible(bool(self._task_ids))
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self._task_ids = []

    def _open(self) -> None:
        ids = self.task_ids()
        self.dismiss()
        self.open_requested.emit(ids)
