"""Small habits of a real desktop program: Esc empties the search wherever the focus is, and
deleting a plan is not what Enter does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import repository
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


def _window(make_window, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    return make_window(storage, FakeClock(NOW), active=True)


def test_esc_empties_the_search_from_the_task_list(make_window, make_storage, qtbot) -> None:
    window = _window(make_window, make_storage)
    window.search_box.setText("普法")
    window.month_view.setFocus()
    qtbot.keyClick(window.month_view, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""


def test_deleting_a_plan_asks_with_no_as_the_default(
    make_window, make_storage, monkeypatch
) -> None:
    window = _window(make_window, make_storage)
    asked: list[tuple] = []

    def question(*args):  # type: ignore[no-untyped-def]
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.delete_current_plan()
    assert asked and asked[0][-1] == QMessageBox.StandardButton.No
    assert repository.plans()  # nothing deleted
