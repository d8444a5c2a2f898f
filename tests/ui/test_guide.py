"""帮助 → 使用指南 (F1) and 快捷键: the guide in the window's language, and the shortcuts the
window really has, read from its actions each time the page is shown."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from db.backup import KEEP_BACKUPS
from desktop_app.colors import STATE_COLORS
from desktop_app.ui.guide_dialog import GuideDialog
from desktop_app.ui.shortcuts import action_words
from desktop_app.ui.theme import state_name
from tests.storage_helpers import FakeClock

NOW = datetime(2026, 3, 2, 9, 0)
# Offscreen cannot raise a window.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")
NATIVE = QKeySequence.SequenceFormat.NativeText


def _dialogs() -> list[GuideDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog)]


def _help_menu(window):
    [entry] = [a for a in window.menuBar().actions() if a.text().startswith("帮助")]
    return [a.text() for a in entry.menu().actions() if not a.isSeparator()]


def test_the_help_menu_has_the_guide_the_shortcuts_and_about(make_window, make_storage) -> None:
    window = make_window(make_storage(NOW), FakeClock(NOW))
    assert _help_menu(window) == ["使用指南", "快捷键", "关于…"]


def test_f1_opens_the_guide(make_window, make_storage, qtbot) -> None:
    window = make_window(make_storage(NOW), FakeClock(NOW), active=True)
    assert not _dialogs()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [dialog] = _dialogs()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.guide
    text = dialog.guide.toPlainText()
    for heading in ("导入工作要点", "选择我的部门", "颜色的含义", "到期提醒", "记录进展"):
        assert heading in text
    assert "导出台账" in text and "备份" in text
    assert window.import_action.shortcuts()[0].toString(NATIVE) in text  # Ctrl+O, as set
    assert f"保留最近 {KEEP_BACKUPS} 份" in text
    assert "10、5、1 个工作日" in text
    for state in STATE_COLORS:  # every state's name, in the colours the window uses
        if state_name(state):
            assert state_name(state) in text
    dialog.close()


def test_the_shortcuts_page_lists_what_the_window_really_has(make_window, make_storage) -> None:
    window = make_window(make_storage(NOW), FakeClock(NOW))
    window.keys_action.trigger()
    [dialog] = _dialogs()
    assert dialog.tabs.currentWidget() is dialog.keys
    rows = dict(dialog.shortcut_rows())
    for action in (window.import_action, window.search_action, window.refresh_action):
        assert rows[action_words(action)] == action.shortcuts()[0].toString(NATIVE)
    assert rows["使用指南"] == QKeySequence(Qt.Key.Key_F1).toString(NATIVE)
    assert rows["清空搜索"] == QKeySequence(Qt.Key.Key_Escape).toString(NATIVE)
    assert rows["打开“文件”菜单"] == QKeySequence("Alt+F").toString(NATIVE)
    assert "我的部门" not in rows  # it has no shortcut (yet)

    window.mine_action.setShortcuts([QKeySequence("Ctrl+Shift+M")])
    window.refresh_action.setShortcuts([QKeySequence("Ctrl+R"), QKeySequence("F5")])
    window.keys_action.trigger()  # shown again: read again
    rows = dict(dialog.shortcut_rows())
    assert rows["我的部门"] == QKeySequence("Ctrl+Shift+M").toString(NATIVE)
    assert rows["刷新"] == "、".join(QKeySequence(k).toString(NATIVE) for k in ("Ctrl+R", "F5"))
    assert _dialogs() == [dialog]  # the one dialog, not one more each time
    dialog.close()


def test_each_shortcut_is_listed_once_in_menu_order(make_window, make_storage) -> None:
    window = make_window(make_storage(NOW), FakeClock(NOW))
    dialog = window.show_guide("keys")
    names = [what for what, _keys in dialog.shortcut_rows()]
    assert len(names) == len(set(names))
    # 文件, 查看, 帮助, then what no menu shows, then the menus' own keys
    assert names.index("导入工作要点") < names.index("刷新") < names.index("使用指南")
    assert names.index("使用指南") < names.index("清空搜索") < names.index("打开“文件”菜单")
    dialog.close()


def test_the_guide_in_english(make_window, make_storage, english) -> None:
    window = make_window(make_storage(NOW), FakeClock(NOW))
    dialog = window.show_guide()
    text = dialog.guide.toPlainText()
    assert "Import a work plan" in text and "My departments" in text
    assert not any("\u4e00" <= c <= "\u9fff" for c in text.replace("“各部门”", ""))
    dialog.close()
