"""Where the task panel goes: right of the list on a wide window; under the list on a narrow
one (a 1024-pixel office screen), in two columns, so that the list keeps the whole width for
the task text beside its deadline, owners and status; and nowhere beside the overview, which
shows no task.

The main splitter holds the left pane, the centre and a dock on the right; the centre is a
vertical splitter of the list and a dock under it. The panel sits in one of the docks and
the other is hidden. A splitter keeps the size of a hidden child, and saves it, so both
splitters' states, saved at the end of a session, restore at the next in either place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop_app.ui.task_panel import TaskPanel

# From this width of the window's panes on, the panel sits right of the list: at 1366 px the
# task text then keeps about as much as at 1024 px with the panel under the list (~350 px).
# A 1280-pixel window (1920×1080 at 150 %) has it under the list.
WIDE_FROM = 1300
MIN_BELOW = 150  # the panel under the list: the task's text and its status buttons
MIN_LIST = 130  # the list above it: its header and a few rows (a 1024×600 window)


class PanelPlace:
    """Builds the splitters of ``main`` around the panes and moves ``panel`` between the two
    docks as the width changes (``update``)."""

    def __init__(
        self,
        main: QSplitter,
        left: QWidget,
        list_pane: QWidget,
        panel: TaskPanel,
        months_shown: Callable[[], bool],
    ) -> None:
        self.main = main
        self.panel = panel
        self._months_shown = months_shown
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.setObjectName("centre_splitter")
        self.centre.setChildrenCollapsible(False)  # a panel dragged away would seem lost
        self.side, self.below = QWidget(), QWidget()
        self._docks = {True: _dock_layout(self.side), False: _dock_layout(self.below)}
        self.below.setMinimumHeight(MIN_BELOW)
        list_pane.setMinimumHeight(MIN_LIST)
        self.centre.addWidget(list_pane)
        self.centre.addWidget(self.below)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 1)
        main.addWidget(left)
        main.addWidget(self.centre)
        main.addWidget(self.side)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setStretchFactor(2, 0)
        main.setSizes([220, 800, 330])
        self.centre.setSizes([390, 240])
        self.wide: bool | None = None  # not placed yet

    def update(self) -> None:
        """The panel in the dock the window's width asks for, shown beside the month view."""
        wide = self.main.width() >= WIDE_FROM
        if wide != self.wide:
            self.wide = wide
            self._docks[wide].addWidget(self.panel)
            self.panel.set_two_columns(not wide)
        months = self._months_shown()
        self.side.setVisible(wide and months)
        self.below.setVisible(not wide and months)

    def state(self) -> tuple[QByteArray, QByteArray]:
        """The main splitter's state and the centre's, to be kept in the settings."""
        return self.main.saveState(), self.centre.saveState()

    def restore(self, main: object, centre: object) -> None:
        """States of ``state()`` from the settings; anything else (nothing saved) is skipped."""
        if isinstance(main, QByteArray):
            self.main.restoreState(main)
        if isinstance(centre, QByteArray):
            self.centre.restoreState(centre)


def _dock_layout(dock: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(dock)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout
