"""What the settings pages share: their labels and rows, the item-data role, error words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop_app.ui import settings_keys as keys
from desktop_app.ui.theme import ERROR_COLOR, NOTE_COLOR, WARNING_COLOR, text_style

LANGUAGE_KEY = keys.LANGUAGE
DATA_DIR_KEY = keys.DATA_DIR
ERROR_STYLE = text_style(ERROR_COLOR)
NOTE_STYLE = text_style(NOTE_COLOR)
WARNING_STYLE = text_style(WARNING_COLOR)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_FORMAT = "yyyy-MM-dd"


class Refused(Exception):
    """Something the dialog itself refuses, with a message already in the user's language."""


def message_label() -> QLabel:
    """A hidden label for what an action answers (``show_message`` fills and shows it)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def note(text: str, style: str = NOTE_STYLE, *, wrap: bool = True) -> QLabel:
    """A grey explanation under or beside a field."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    if wrap:  # take the row's width instead of QLabel's narrow "balanced" wrapping
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(320)
    label.setStyleSheet(style)
    return label


def row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets side by side, pushed to the left."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    label.setStyleSheet(ERROR_STYLE if error else "")
    label.setText(text)
    label.show()
