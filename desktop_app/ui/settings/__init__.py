"""The settings dialog (``dialog.py``) and its pages, one module per tab."""

from desktop_app.ui.settings.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
