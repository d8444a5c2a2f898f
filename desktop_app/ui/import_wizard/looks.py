"""What the dialog's pages share in how they look: heading fonts and the error line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.theme import ERROR_COLOR, text_style


def scaled_font(widget: QWidget, *, scale: float = 1.0, bold: bool = False) -> QFont:
    """``widget``'s font, ``scale`` times as large (when it has a point size) and bold or not."""
    font = QFont(widget.font())
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def error_label(parent: QWidget) -> QLabel:
    """A hidden red line whose text can be selected (and copied into a question for help)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(text_style(ERROR_COLOR))
    label.hide()
    return label
