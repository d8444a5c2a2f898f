"""帮助 → 使用指南 (F1) and 快捷键: one dialog, two pages; modeless, so the guide can stay
open beside the window it explains. Both pages are read again each time it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from db.backup import KEEP_BACKUPS
from desktop_app.services.settings import ReminderSettings
from desktop_app.ui.guide_text import guide_html
from desktop_app.ui.shortcuts import key_text, window_shortcuts

PAGES = ("guide", "keys")


class GuideDialog(QDialog):
    """The guide and the shortcuts of ``window`` (a ``MainWindow``: its actions are named)."""

    def __init__(self, window: QMainWindow, soon_workdays: int) -> None:
        super().__init__(window)
        self.window_ = window
        self.soon_workdays = soon_workdays
        self.setWindowTitle(self.tr("帮助"))
        self.setModal(False)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.guide = QTextBrowser()
        self.guide.setOpenLinks(False)
        self.tabs.addTab(self.guide, self.tr("使用指南"))
        self.keys = QTreeWidget()
        self.keys.setRootIsDecorated(False)
        self.keys.setHeaderLabels([self.tr("操作"), self.tr("快捷键")])
        self.keys.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.keys.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.keys.header().setStretchLastSection(False)
        self.tabs.addTab(self.keys, self.tr("快捷键"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def show_page(self, page: str = "guide") -> None:
        """Bring the dialog up on ``guide`` or ``keys``, both read afresh."""
        if page not in PAGES:
            raise ValueError(f"unknown page {page!r}; expected one of {PAGES}")
        self.refresh()
        self.tabs.setCurrentIndex(PAGES.index(page))
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        self.guide.setHtml(
            guide_html(
                self._named_keys(),
                ReminderSettings().lead_workdays,
                KEEP_BACKUPS,
                self.soon_workdays,
            )
        )
        self.keys.clear()
        self.keys.addTopLevelItems(
            [QTreeWidgetItem([s.what, s.keys]) for s in window_shortcuts(self.window_)]
        )

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """The 快捷键 page as listed: (what, keys) per row."""
        rows = []
        for i in range(self.keys.topLevelItemCount()):
            item = self.keys.topLevelItem(i)
            if item is not None:
                rows.append((item.text(0), item.text(1)))
        return rows

    def _named_keys(self) -> dict[str, str]:
        """The shortcuts the guide's words name, from the window's own actions."""
        names = {
            "import": "import_action",
            "search": "search_action",
            "settings": "settings_action",
            "refresh": "refresh_action",
        }
        found = {}
        for key, attribute in names.items():
            action = getattr(self.window_, attribute, None)
            found[key] = key_text(action) if action is not None else ""
        return found
