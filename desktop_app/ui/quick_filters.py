"""The quick filters above the task list: 本月到期, 逾期, 未达序时进度 as buttons that stay
pressed, one at a time; a second click on the pressed one lets it go (everything again).
What each keeps is ``services/task_filters.py``'s. Built with the panes, once the data is open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from desktop_app.services.task_filters import QUICK_FILTERS
from desktop_app.ui.theme import dot_icon, state_name


def quick_filter_name(key: str) -> str:
    if key == "due_this_month":
        return QCoreApplication.translate("QuickFilters", "本月到期")
    return state_name(key)


class QuickFilterBar(QWidget):
    """``changed(key or None)`` when a button is pressed or let go."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for key in QUICK_FILTERS:
            button = QToolButton(self)
            button.setText(quick_filter_name(key))
            button.setCheckable(True)
            button.setAutoRaise(False)
            if key != "due_this_month":  # the state's dot, as in the list and the legend
                button.setIcon(dot_icon(key))
                button.setIconSize(QSize(12, 12))
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(
                QCoreApplication.translate("QuickFilters", "只看{0}的任务；再点一次取消").format(
                    quick_filter_name(key)
                )
            )
            button.toggled.connect(lambda on, k=key: self._toggled(k, on))
            layout.addWidget(button)
            self.buttons[key] = button
        self._current: str | None = None

    def current(self) -> str | None:
        return self._current

    def set_current(self, key: str | None) -> None:
        """Press ``key``'s button (None: none), as a click would; ``changed`` if it changed."""
        if key is None:
            if self._current is not None:
                self.buttons[self._current].setChecked(False)
        elif key in self.buttons:
            self.buttons[key].setChecked(True)

    def _toggled(self, key: str, on: bool) -> None:
        if on:
            previous, self._current = self._current, key
            if previous is not None:  # one at a time: let the other go, quietly
                other = self.buttons[previous]
                other.blockSignals(True)
                other.setChecked(False)
                other.blockSignals(False)
        elif self._current == key:
            self._current = None
        else:
            return
        self.changed.emit(self._current)
