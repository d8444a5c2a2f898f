"""The window's menus and toolbar: each action made once, shown where a liaison looks for it.

Nothing here works before the database is open (the first moment of start-up): the actions
that need it are listed in ``needs_storage`` and enabled by ``MainWindow.attach_storage``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QPushButton, QToolBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.guide_dialog import GuideDialog

    _Base = QMainWindow
else:
    _Base = object


class WindowActions(_Base):
    """Mixed into ``MainWindow``: builds its actions, toolbar and menus."""

    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        # Actions without icons: the tool buttons show their text.
        self.addToolBar(toolbar)
        self.import_action = QAction(self.tr("导入工作要点…"), self)
        # setShortcuts, not setShortcut: PySide6 resolves the latter's overloads through the Qt
        # namespace, 15 ms of enum building before the first paint.
        self.import_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(lambda: self.open_import())
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.triggered.connect(self.refresh)
        self.search_action = QAction(self.tr("搜索"), self)
        self.search_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        self.mine_action = QAction(self.tr("我的部门…"), self)
        self.mine_action.triggered.connect(self.choose_my_departments)
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.export_action = QAction(self.tr("导出台账…"), self)
        self.export_action.triggered.connect(self.export_ledger)
        self.delete_plan_action = QAction(self.tr("删除此计划…"), self)
        self.delete_plan_action.triggered.connect(self.delete_current_plan)
        for action in (self.import_action, self.refresh_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.months_button = QPushButton(self.tr("按月"))
        self.overview_button = QPushButton(self.tr("总览"))
        self.my_month_button = QPushButton(self.tr("我的本月任务"))  # my_month.py
        self.my_month_button.setToolTip(self.tr("各个计划中我的部门本月到期和逾期的任务"))
        self.view_buttons = QButtonGroup(self)
        for button in (self.months_button, self.overview_button, self.my_month_button):
            button.setCheckable(True)
            button.setFlat(True)
            self.view_buttons.addButton(button)
            toolbar.addWidget(button)
        self.months_button.setChecked(True)
        self.months_button.clicked.connect(self.show_months)
        self.overview_button.clicked.connect(self.show_overview)
        self.my_month_button.clicked.connect(self.show_my_month)
        toolbar.addSeparator()
        self._build_status_actions(toolbar)  # 标为已完成 (batch_status.py)
        toolbar.addSeparator()
        toolbar.addAction(self.mine_action)
        toolbar.addAction(self.settings_action)
        self.addAction(self.search_action)
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.addAction(self.import_action)
        menu.addAction(self.export_action)
        menu.addAction(self.delete_plan_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_program)
        menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.search_action)
        view_menu.addSeparator()
        # Also in the tray's menu; here for a desktop without a tray.
        self.today_action = QAction(self.tr("今天的提醒"), self)
        self.today_action.triggered.connect(self.show_today)
        view_menu.addAction(self.today_action)
        # The list's own (my_month.py, batch_status.py): 我的本月任务, and the 任务 menu.
        view_menu.addSeparator()
        self.my_month_action = QAction(self.tr("我的本月任务"), self)
        self.my_month_action.triggered.connect(self.show_my_month)
        view_menu.addAction(self.my_month_action)
        self._add_status_menu()
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(self.mine_action)
        tools.addAction(self.settings_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.guide_action = QAction(self.tr("使用指南"), self)
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(lambda: self.show_guide("guide"))
        self.keys_action = QAction(self.tr("快捷键"), self)
        self.keys_action.triggered.connect(lambda: self.show_guide("keys"))
        self.guide_dialog: GuideDialog | None = None  # made when first asked for
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.keys_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("关于…"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.needs_storage: tuple[QAction | QWidget, ...] = (
            self.import_action,
            self.refresh_action,
            self.search_action,
            self.mine_action,
            self.settings_action,
            self.delete_plan_action,
            self.export_action,
            self.today_action,
            self.months_button,
            self.overview_button,
            self.my_month_button,
            self.my_month_action,
        )

    def show_guide(self, page: str = "guide") -> GuideDialog:
        """帮助 → 使用指南 (F1) or 快捷键: the dialog on that page, read afresh."""
        if self.guide_dialog is None:
            from desktop_app.ui.guide_dialog import GuideDialog
            from desktop_app.ui.main_window.window import SOON_WORKDAYS

            self.guide_dialog = GuideDialog(self, SOON_WORKDAYS)
        self.guide_dialog.show_page(page)
        return self.guide_dialog

    if TYPE_CHECKING:  # made by the window and its other parts

        def open_import(self) -> None: ...
        def refresh(self) -> None: ...
        def focus_search(self) -> None: ...
        def choose_my_departments(self) -> None: ...
        def open_settings(self) -> None: ...
        def delete_current_plan(self) -> None: ...
        def show_months(self) -> None: ...
        def show_overview(self) -> None: ...
        def quit_program(self) -> None: ...
        def show_today(self) -> None: ...
        def show_about(self) -> None: ...
        def export_ledger(self) -> None: ...
        def show_my_month(self) -> None: ...
        def _build_status_actions(self, toolbar: QToolBar) -> None: ...
        def _add_status_menu(self) -> None: ...
