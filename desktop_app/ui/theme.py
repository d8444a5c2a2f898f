"""Every colour of the window (the traffic lights from ``desktop_app/colors.py``), and the small icons of the task states (the traffic lights).

Importable before the first paint: Qt's ``Qt`` namespace (15 ms of enums) is imported only
where an icon is drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop_app.colors import STATE_BACKGROUNDS, STATE_COLORS

# The traffic lights live in desktop_app/colors.py (the exports colour their cells alike).


# Text and surfaces outside the traffic lights.
TEXT_COLOR = "#3c4043"
NOTE_COLOR = "#5f6368"  # secondary text: hints, paths, "正在打开数据…"
LINK_COLOR = "#1a73e8"
ERROR_COLOR = "#d93025"  # the one red of error messages, the same as a late task's
WARNING_COLOR = "#8a5400"  # text of a warning (a parse doubt, a note worth reading)
WARNING_BACKGROUND = "#fff3cd"
PANEL_BACKGROUND = "#f1f3f4"  # quoted document text
BANNER_BACKGROUND = "#fcefc0"
BANNER_BORDER = "#f2b600"
# The demo's banner: a hue of its own, none of the traffic lights'.
DEMO_BACKGROUND = "#f3e8fd"
DEMO_BORDER = "#a142f4"
DROP_BORDER = "#9aa0a6"
# The revision diff in the import preview: added, removed and restored tasks.
# The year calendar of a holiday notice (settings → 节假日).
DAY_OFF_BACKGROUND = "#fce8e6"  # a day off of the notice
MAKE_UP_BACKGROUND = "#d2e3fc"  # a weekend day worked instead (调休上班)
EXTRA_OFF_BACKGROUND = "#e6f4ea"  # one of the user's own extra days off
CALENDAR_GRID = "#dadce0"

DIFF_COLORS = {"added": "#188038", "removed": "#b3261e", "restored": LINK_COLOR}


def text_style(color: str) -> str:
    """A style sheet colouring a label's text."""
    return f"color: {color};"


def state_name(state: str | None) -> str:
    names = {
        "late": QCoreApplication.translate("State", "逾期"),
        "due_soon": QCoreApplication.translate("State", "临近到期"),
        "lagging": QCoreApplication.translate("State", "未达序时进度"),
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
    from PySide6.QtCore import Qt

    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    if state is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLORS.get(state, DROP_BORDER)))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
    return QIcon(pixmap)


def background(state: str | None) -> QColor | None:
    return QColor(STATE_BACKGROUNDS[state]) if state in STATE_BACKGROUNDS else None
