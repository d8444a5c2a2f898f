"""Colours and small icons of the task states (the traffic lights), shared by every view."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

# green done, blue due soon, yellow behind, red late, grey ongoing (issue 4's legend)
STATE_COLORS = {
    "late": "#d93025",
    "behind": "#f2b600",
    "due_soon": "#1a73e8",
    "pending": "#9aa0a6",
    "undated": "#c4c7c5",
    "ongoing": "#80868b",
    "done": "#188038",
    "cancelled": "#dadce0",
}
# Cell backgrounds in the overview: the same hues, light enough for black text.
STATE_BACKGROUNDS = {
    "late": "#f8d7d4",
    "behind": "#fcefc0",
    "due_soon": "#d2e3fc",
    "pending": "#f1f3f4",
    "undated": "#f1f3f4",
    "ongoing": "#e8eaed",
    "done": "#ceead6",
    "cancelled": "#f8f9fa",
}


def state_name(state: str | None) -> str:
    names = {
        "late": QCoreApplication.translate("State", "逾期"),
        "behind": QCoreApplication.translate("State", "临近未启动"),
        "due_soon": QCoreApplication.translate("State", "即将到期"),
        "pending": QCoreApplication.translate("State", "未到期"),
        "undated": QCoreApplication.translate("State", "未标注时间"),
        "ongoing": QCoreApplication.translate("State", "持续推进"),
        "done": QCoreApplication.translate("State", "已完成"),
        "cancelled": QCoreApplication.translate("State", "已取消"),
    }
    return names.get(state or "", "")


def status_name(status: str) -> str:
    names = {
        "not_started": QCoreApplication.translate("State", "未开始"),
        "in_progress": QCoreApplication.translate("State", "进行中"),
        "done": QCoreApplication.translate("State", "已完成"),
        "cancelled": QCoreApplication.translate("State", "已取消"),
    }
    return names.get(status, status)


@cache
def dot_icon(state: str | None, size: int = 12) -> QIcon:
    """A filled circle in the state's colour (empty for no state)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    if state is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLORS.get(state, "#9aa0a6")))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
    return QIcon(pixmap)


def background(state: str | None) -> QColor | None:
    return QColor(STATE_BACKGROUNDS[state]) if state in STATE_BACKGROUNDS else None
