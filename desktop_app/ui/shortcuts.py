"""The keyboard shortcuts a window really has, read from its actions and its menus (帮助 →
快捷键 lists them, so the list follows every shortcut added or changed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass(frozen=True)
class Shortcut:
    """What a key does (the action's words, without ``&`` or ``…``) and the keys, as the
    platform writes them (``Ctrl+O``; several joined by ``、``)."""

    what: str
    keys: str


def action_words(action: QAction) -> str:
    """An action's text as a sentence names it: ``导入工作要点…`` → ``导入工作要点``."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def on_a_keyboard(sequence: QKeySequence) -> bool:
    """Whether a person can type ``sequence`` on an office keyboard: not empty, and not
    one of the dedicated keys (Open, Find, Help, Cancel…) Qt adds to a standard shortcut."""
    from PySide6.QtCore import Qt  # the Qt namespace: only once the list is asked for

    if sequence.isEmpty():
        return False
    key = sequence[0].key()  # type: ignore[index]  # Qt 6 indexes a sequence; stubs lack it
    # The keys past Key_Direction_R are a keyboard's media and application keys.
    dedicated = key == Qt.Key.Key_Help or key.value > Qt.Key.Key_Direction_R.value
    return not (dedicated and sequence.count() == 1)


def key_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them; empty when it has none."""
    native = QKeySequence.SequenceFormat.NativeText
    return "、".join(s.toString(native) for s in action.shortcuts() if on_a_keyboard(s))


def _menu_actions(window: QMainWindow) -> list[QAction]:
    """The actions of the menu bar's menus, in the order they are shown."""
    ordered: list[QAction] = []
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu):
            ordered += [a for a in menu.actions() if not a.isSeparator()]
    return ordered


def window_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every shortcut of ``window``: the menus' actions first (in menu order), then the
    actions of the window and its parts that no menu shows (Esc of the search box), then the
    Alt keys that open the menus."""
    seen: set[int] = set()
    found: list[Shortcut] = []
    for action in [*_menu_actions(window), *window.findChildren(QAction)]:
        keys = key_text(action)
        if id(action) in seen or not keys or not action_words(action):
            continue
        seen.add(id(action))
        found.append(Shortcut(action_words(action), keys))
    native = QKeySequence.SequenceFormat.NativeText
    for entry in window.menuBar().actions():
        mnemonic = QKeySequence.mnemonic(entry.text())
        if isinstance(entry.menu(), QMenu) and not mnemonic.isEmpty():
            menu_name = action_words(entry).split("(")[0].strip()
            found.append(
                Shortcut(
                    QCoreApplication.translate("Shortcuts", "打开“{0}”菜单").format(menu_name),
                    mnemonic.toString(native),
                )
            )
    return found
