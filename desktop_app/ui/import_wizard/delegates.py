"""The preview table's editors: department names with completion, and a month picker.

``OwnersDelegate`` serves both owner columns (牵头部门, 责任部门), ``DeadlineDelegate`` the
完成时间 column; the model turns what they commit into corrected tasks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.plans.departments import NAME_SEPARATORS
from desktop_app.ui.models.preview_deadlines import deadline_choices
from desktop_app.ui.models.preview_model import DEADLINE_CHOICE_ROLE


class _NamesCompleter(QCompleter):
    """Completes the name being typed after the last separator (``办公室、普法`` → ``普法科``)."""

    def splitPath(self, path: str) -> list[str]:
        return [self._split(path)[1].lstrip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        return self._split(typed)[0] + str(index.data())

    @staticmethod
    def _split(text: str) -> tuple[str, str]:
        cut = max(text.rfind(sep) for sep in NAME_SEPARATORS) + 1
        return text[:cut], text[cut:]


# Room for a line edit's frame and text margins beside its text.
_EDITOR_PADDING = 24


class OwnersDelegate(QStyledItemDelegate):
    """A line edit for 牵头部门 / 责任部门 that completes department names; wider than a
    narrow column when its hint needs it (it then covers the next cell while it is open)."""

    def __init__(self, names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        hint = self.tr("多个部门用“、”分隔")
        editor.setPlaceholderText(hint)
        editor.setToolTip(hint)
        completer = _NamesCompleter(self._names(), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if not isinstance(editor, QLineEdit):
            return
        wanted = editor.fontMetrics().horizontalAdvance(editor.placeholderText())
        wanted += _EDITOR_PADDING
        place = editor.geometry()
        viewport = editor.parentWidget()
        if place.width() >= wanted or viewport is None:
            return
        place.setWidth(min(wanted, viewport.width()))
        if place.right() >= viewport.width():  # the last column: it grows to the left
            place.moveRight(viewport.width() - 1)
        editor.setGeometry(place)


class DeadlineDelegate(QStyledItemDelegate):
    """A month picker for 完成时间: 1月…12月, 持续推进, 未标注 (and the document's own value)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.activated.connect(lambda _row: self._picked(combo))
        return combo

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.clear()
        current = index.data(DEADLINE_CHOICE_ROLE)
        if current is None:
            # The document's own wording (``6月30日前``, ``每季度``) stays available as it is.
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), None)
        for key, label in deadline_choices():
            editor.addItem(label, key)
        editor.setCurrentIndex(max(0, editor.findData(current)) if current is not None else 0)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        key = editor.currentData()
        if key is not None:
            model.setData(index, key, Qt.ItemDataRole.EditRole)
