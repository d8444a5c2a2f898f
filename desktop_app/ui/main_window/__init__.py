"""The main window (window.py) and its parts; see window.py for how they fit together."""

from desktop_app.ui.main_window.plan_flows import ASKED_MINE_KEY, OFFERED_SAMPLE_KEY
from desktop_app.ui.main_window.window import MINIMUM_SIZE, SOON_WORKDAYS, MainWindow, minimum_size

__all__ = [
    "ASKED_MINE_KEY",
    "MINIMUM_SIZE",
    "OFFERED_SAMPLE_KEY",
    "SOON_WORKDAYS",
    "MainWindow",
    "minimum_size",
]
