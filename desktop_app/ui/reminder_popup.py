"""The small reminder window: the last channel, when neither the desktop's notification nor
the tray can show a reminder and the main window is not on screen. It holds the same
banner as the main window, stays on top in the corner of the screen until the liaison
opens the tasks or closes it, and never takes the keyboard from their work.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.banner import NotificationBanner

WIDTH = 420
MARGIN = 16


class ReminderPopup(QWidget):
    """A window of one ``NotificationBanner``: always on top, never in the taskbar."""

    open_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        # No title bar: the banner has its own 关闭, and a second "到期提醒" window title
        # beside the reminder dialog's would only confuse.
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.FramelessWindowHint
        )
        super().__init__(parent, flags)
        self.setWindowTitle(self.tr("到期提醒"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.banner = NotificationBanner(self, buttons_below=True)
        self.banner.open_requested.connect(self._open)
        self.banner.close_button.clicked.connect(self.hide)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        self.setFixedWidth(WIDTH)
        # the banner's parts, for the window's own callers
        self.title_label = self.banner.title_label
        self.body_label = self.banner.body_label
        self.view_button = self.banner.view_button
        self.close_button = self.banner.close_button

    def task_ids(self) -> list[int]:
        return self.banner.task_ids()

    def show_notification(self, title: str, body: str, task_ids: Sequence[int]) -> None:
        """Show (or replace) the reminder in the screen's lower right corner."""
        self.banner.show_notification(title, body, task_ids)
        # The wrapped text decides the height at this width (a plain sizeHint would not).
        self._layout.activate()
        height = self._layout.heightForWidth(WIDTH)
        self.setFixedHeight(height if height > 0 else self.sizeHint().height())
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - WIDTH - MARGIN + 1, area.bottom() - self.height() - MARGIN + 1)
        self.show()
        self.raise_()

    def _open(self, task_ids: list[int]) -> None:
        self.hide()
        self.open_requested.emit(task_ids)
