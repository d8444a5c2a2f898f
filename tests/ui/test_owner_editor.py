"""The import preview's owner editor says its whole hint, however narrow the column."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.ui.models.preview_model import LEAD, RESPONSIBLE
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage
from tests.ui.wizard_helpers import open_wizard

HINT = "多个部门用“、”分隔"


@pytest.mark.parametrize("column", [LEAD, RESPONSIBLE])
@pytest.mark.parametrize("width", [60, 110])
def test_the_hint_is_whole_in_a_narrow_column(
    qtbot: QtBot, tmp_path: Path, column: int, width: int
) -> None:
    storage = new_storage(tmp_path)
    wizard = open_wizard(qtbot, storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    table = wizard.table
    table.setColumnWidth(column, width)
    index = wizard.model.index(0, column)
    table.edit(index)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.clear()  # the hint shows in an empty editor
    assert editor.placeholderText() == HINT and editor.toolTip() == HINT
    text_room = editor.contentsRect().width() - 8  # the frame's and the text's own margins
    assert editor.fontMetrics().horizontalAdvance(HINT) <= text_room
    assert editor.x() == table.columnViewportPosition(column)  # it starts in its cell
    assert editor.geometry().right() < table.viewport().width()  # and stays in view
    storage.close()


def test_a_wide_column_keeps_the_editor_to_its_cell(qtbot: QtBot, tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    wizard = open_wizard(qtbot, storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    table = wizard.table
    table.setColumnWidth(RESPONSIBLE, 300)
    table.edit(wizard.model.index(0, RESPONSIBLE))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    assert abs(editor.width() - table.columnWidth(RESPONSIBLE)) <= 2
    storage.close()
