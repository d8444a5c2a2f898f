"""The window on a 1024-pixel office screen and a 1366×768 laptop, with the real district plan:
what a liaison must see without scrolling sideways, in the month view and in the overview."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QMargins, QModelIndex, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.importer import import_file
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.main_window.window import first_geometry
from desktop_app.ui.models.month_model import (
    COL_DUE,
    COL_LABEL,
    COL_OWNERS,
    COL_STATUS,
    COL_TEXT,
)
from desktop_app.ui.theme import status_name
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOVEMBER = datetime(2024, 11, 20, 10, 0)  # the fourth quarter: October–December matter
SIZES = [(1024, 700), (1366, 768)]


@pytest.fixture
def window(make_window, make_storage):
    storage = make_storage(NOVEMBER)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    return make_window(storage, FakeClock(NOVEMBER))


def _sized(window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (width, height)


def _choose_a_late_task(window: MainWindow) -> QModelIndex:
    """The first task under 逾期, chosen: the task panel shows it."""
    late = window.month_model.index(window.month_model.group_row("late") or 0, 0)
    index = window.month_model.index(0, 0, late)
    window.month_view.setCurrentIndex(index)
    QApplication.processEvents()
    assert window.task_panel.current_task_id() is not None
    assert window.task_panel.isVisible()
    return index


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_deadline_owners_and_status_are_in_view_beside_the_task_panel(
    window, width: int, height: int
) -> None:
    _sized(window, width, height)
    _choose_a_late_task(window)
    view = window.month_view
    header, room = view.header(), view.viewport().width()
    for column in (COL_DUE, COL_OWNERS, COL_STATUS):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= room, (column, left, room)
    assert not view.horizontalScrollBar().isVisible()
    # The task text has the room: the widest column, 序号 only as wide as "82" needs.
    widths = {c: header.sectionSize(c) for c in (COL_LABEL, COL_TEXT, COL_DUE, COL_OWNERS)}
    assert max(widths, key=widths.__getitem__) == COL_TEXT and widths[COL_TEXT] >= 300, widths
    assert widths[COL_LABEL] < 100, widths
    # The whole date: "2024-10-31", not "202…".
    due = view.visualRect(view.currentIndex().siblingAtColumn(COL_DUE))
    shown = view.currentIndex().siblingAtColumn(COL_DUE).data()
    assert view.fontMetrics().horizontalAdvance(shown) < due.width() - 8, (shown, due)


def test_on_a_narrow_window_the_panel_is_under_the_list_in_two_columns(window) -> None:
    _sized(window, 1024, 700)
    _choose_a_late_task(window)
    panel, view = window.task_panel, window.month_view
    below = panel.mapTo(window, panel.rect().topLeft()).y()
    assert below > view.mapTo(window, view.rect().bottomLeft()).y()  # under the list
    assert panel.width() > window.width() // 2  # as wide as the list
    notes = panel.notes.mapTo(panel, panel.notes.rect().topLeft())
    text = panel.text_label.mapTo(panel, panel.text_label.rect().topLeft())
    assert notes.x() > text.x() + panel.text_label.width() // 2  # the notes beside the text
    # Without scrolling: the status buttons, and the note being typed with its button.
    seen = panel.viewport()
    for widget in (*panel.status_buttons.buttons(), panel.note_edit, panel.save_note_button):
        where = QRect(widget.mapTo(seen, widget.rect().topLeft()), widget.size())
        assert seen.rect().contains(where), (widget, where, seen.rect())

    _sized(window, 1366, 768)
    right = panel.mapTo(window, panel.rect().topLeft()).x()
    assert right > view.mapTo(window, view.rect().topRight()).x()  # right of the list
    assert panel.notes.mapTo(panel, panel.notes.rect().topLeft()).y() > text.y()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_overview_shows_october_to_december_and_whole_month_headers(
    window, width: int, height: int
) -> None:
    _sized(window, width, height)
    window.show_overview()
    QApplication.processEvents()
    grid, months = window.overview_view, window.overview_view.horizontalHeader()
    room = grid.viewport().width()
    for month in (10, 11, 12):
        left = grid.columnViewportPosition(month - 1)
        assert left >= 0 and left + grid.columnWidth(month - 1) <= room, (month, left, room)
        title = window.overview_model.headerData(month - 1, Qt.Orientation.Horizontal)
        assert title == f"{month}月"
        assert months.fontMetrics().horizontalAdvance(title) < months.sectionSize(month - 1)
    assert not grid.horizontalScrollBar().isVisible()


def test_a_narrow_overview_elides_the_departments_and_keeps_the_quarter(window) -> None:
    """Where twelve whole months do not fit (the left pane dragged wide), the names give way
    first (their tooltip whole), then the headers become numbers (their tooltip "10月");
    this quarter stays in view."""
    _sized(window, 1024, 700)
    window.show_overview()
    window.splitter.setSizes([700, 324, 0])
    QApplication.processEvents()
    grid, model = window.overview_view, window.overview_model
    names = grid.verticalHeader()
    longest = max(
        range(model.rowCount()), key=lambda r: len(model.headerData(r, Qt.Orientation.Vertical))
    )
    name = model.headerData(longest, Qt.Orientation.Vertical)
    assert names.fontMetrics().horizontalAdvance(name) > names.width()  # elided …
    assert model.headerData(longest, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == name
    assert model.headerData(9, Qt.Orientation.Horizontal) == "10"
    tooltip = model.headerData(9, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "10月"
    room = grid.viewport().width()
    for month in (10, 11, 12):
        left = grid.columnViewportPosition(month - 1)
        assert left >= 0 and left + grid.columnWidth(month - 1) <= room, (month, left, room)


@pytest.mark.parametrize("left", [220, 700])  # the left pane as it opens, and dragged wide
def test_the_month_header_is_never_painted_outside_the_overview(window, left: int) -> None:
    """The spilled header: the overview's month header, moved after it was first shown, got
    a paint of its old width at its new place, and "10月11月12月" stayed on the pane beside
    it, on screen, after switching back to the month view."""
    _sized(window, 1024, 700)
    window.splitter.setSizes([left, 1024 - left, 330])
    QApplication.processEvents()
    months = window.overview_view.horizontalHeader().viewport()
    outside: list[tuple[QRect, QRect]] = []

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                asked = event.rect()  # type: ignore[attr-defined]
                if not months.rect().contains(asked):
                    outside.append((asked, months.rect()))
            return False

    spy = Painted()
    months.installEventFilter(spy)
    for _ in range(2):
        window.show_overview()
        QApplication.processEvents()
        window.show_months()
        QApplication.processEvents()
    months.removeEventFilter(spy)
    assert outside == []


def test_the_english_status_column_fits_not_started(english, window) -> None:
    _sized(window, 1024, 700)
    index = _choose_a_late_task(window).siblingAtColumn(COL_STATUS)
    text = index.data()
    assert text == status_name("not_started") and text.isascii()
    cell = window.month_view.visualRect(index)
    assert window.month_view.fontMetrics().horizontalAdvance(text) < cell.width() - 8
    assert cell.right() <= window.month_view.viewport().width()


def test_at_1024_by_600_the_window_still_lists_tasks(window) -> None:
    assert window.minimumWidth() <= 1024 and window.minimumHeight() <= 600
    _sized(window, 1024, 600)
    _choose_a_late_task(window)
    view = window.month_view
    row = view.visualRect(view.currentIndex()).height()
    assert view.viewport().height() >= 8 * row, (view.viewport().height(), row)
    assert window.task_panel.save_note_button.isVisible()


def test_the_first_window_fits_a_768_pixel_screen_frame_and_all() -> None:
    """1366×768 with a 40-pixel taskbar; the frame of a title bar of 31 px (Windows at 100 %)
    or 45 px (150 %), or the 20 px of an X11 window manager."""
    laptop = QRect(0, 0, 1366, 728)
    for frame in (QMargins(1, 31, 1, 1), QMargins(8, 45, 8, 8), QMargins(1, 20, 1, 1)):
        inside = first_geometry(laptop, frame)
        outside = inside.marginsAdded(frame)
        assert laptop.contains(outside), (frame, outside)
        assert inside.height() >= 640 and inside.width() == 1280
        assert abs(outside.center().x() - laptop.center().x()) <= 1
    roomy = first_geometry(QRect(0, 0, 1920, 1040), QMargins(1, 31, 1, 1))
    assert (roomy.width(), roomy.height()) == (1280, 760)


def test_a_first_start_fits_the_screen_it_opens_on(qtbot, window_settings, make_storage) -> None:
    window = MainWindow(make_storage(NOVEMBER), FakeClock(NOVEMBER), window_settings)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.frameGeometry())
    assert abs(window.frameGeometry().center().x() - screen.center().x()) <= 1


def test_both_splitters_are_remembered_across_a_restart(window, make_window) -> None:
    """The panel's width on the right (a wide window) and its height under the list (a
    narrow one), and the left pane's width. (The offscreen screen is 800 px wide: the window
    opens again at most that wide, and is widened again by hand.)"""
    storage, centre = window.storage, window.workspace.panel_place.centre
    _sized(window, 1366, 768)
    window.splitter.setSizes([250, 800, 300])
    QApplication.processEvents()
    left, side = window.splitter.sizes()[0], window.splitter.sizes()[2]
    _sized(window, 780, 560)
    centre.setSizes([300, 180])
    QApplication.processEvents()
    below = centre.sizes()
    window.close()

    again = make_window(storage, FakeClock(NOVEMBER))
    QApplication.processEvents()
    assert again.size() == window.size()
    assert again.splitter.sizes()[0] == left
    assert again.workspace.panel_place.centre.sizes() == below
    _sized(again, 1366, 768)
    assert again.splitter.sizes()[0] == left and again.splitter.sizes()[2] == side


def test_a_column_layout_of_an_older_version_gives_way_to_the_contents(window) -> None:
    """A header saved when 序号 took 150 px: the owners' width is kept, 序号 is narrow again."""
    _sized(window, 1024, 700)
    header = window.month_view.header()
    header.setSectionResizeMode(COL_LABEL, header.ResizeMode.Interactive)
    header.resizeSection(COL_LABEL, 150)
    header.resizeSection(COL_OWNERS, 180)
    saved = header.saveState()
    window.month_view.restore_columns(saved)
    assert header.sectionSize(COL_LABEL) < 100
    assert header.sectionSize(COL_OWNERS) == 180
    # And the owners cannot be dragged so wide that the deadline leaves the view.
    header.resizeSection(COL_OWNERS, 2000)
    status = header.sectionViewportPosition(COL_STATUS) + header.sectionSize(COL_STATUS)
    assert status <= window.month_view.viewport().width()
    assert header.sectionSize(COL_TEXT) >= 150


def test_group_titles_say_a_late_task_is_also_in_its_month(window) -> None:
    model = window.month_model
    late = model.index(model.group_row("late") or 0, 0)
    assert "也列在各自月份中" in late.data()
    assert model.index(model.group_row("2024-06") or 0, 0).data().startswith("6月（")
