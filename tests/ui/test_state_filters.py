"""序时进度 in the window: the state entries of the status filter, the quick filters (本月到期,
逾期, 未达序时进度) over the month list and the overview, one colour per state in the legend,
and a progress note that takes a task out of 未达序时进度. The real district plan ``003_…``
on 20 June 2024, when red, blue and yellow tasks are all in it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from db import repository
from desktop_app.colors import STATE_COLORS
from desktop_app.services import tasks
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window.workspace import LEGEND_STATES
from desktop_app.ui.models.overview_model import WORST_ROLE
from desktop_app.ui.theme import state_name
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def window(make_window, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(storage, FakeClock(NOW))
    window.resize(1366, 768)
    return window


def _listed(window) -> set[int]:
    """The tasks the month list shows (a late task is listed twice: counted once)."""
    return {t.id for g in window.month_model.groups() for t in g.tasks}


def _plan_states(window) -> dict[int, str]:
    soon = window.soon_until()
    return {t.id: t.state(TODAY, soon) for t in repository.tasks(plan_ids=[window.plan_id])}


def test_each_quick_filter_keeps_its_tasks_and_one_at_a_time(window, qtbot) -> None:
    states = _plan_states(window)
    june = {t.id for t in repository.tasks(due_from=date(2024, 6, 1), due_to=date(2024, 6, 30))}
    late = {i for i, s in states.items() if s == "late"}
    lagging = {i for i, s in states.items() if s == "lagging"}
    assert june and late and lagging and {"due_soon", "pending"} <= set(states.values())
    everything = _listed(window)
    assert everything == set(states)
    bar = window.quick_filters
    with qtbot.waitSignal(window.view_updated):
        bar.buttons["due_this_month"].click()
    assert _listed(window) == june
    bar.buttons["late"].click()
    assert _listed(window) == late
    assert not bar.buttons["due_this_month"].isChecked()  # one at a time
    bar.buttons["lagging"].click()
    assert (_listed(window), bar.current()) == (lagging, "lagging")
    # Only the months that have some, opened.
    groups = window.month_model.groups()
    assert all(g.tasks for g in groups)
    assert all(
        window.month_view.isExpanded(window.month_model.index(i, 0)) for i in range(len(groups))
    )
    bar.buttons["lagging"].click()  # let go: everything again
    assert (_listed(window), bar.current()) == (everything, None)


def test_the_status_filter_has_the_states_beside_the_statuses(window) -> None:
    states = _plan_states(window)
    box = window.status_filter
    for state in ("late", "due_soon", "lagging"):
        box.setCurrentIndex(box.findData(state))
        assert box.currentText() == state_name(state)
        assert _listed(window) == {i for i, s in states.items() if s == state}, state
    box.setCurrentIndex(box.findData("in_progress"))
    assert _listed(window) == set()  # nothing is started yet in the imported plan
    # A status and a quick filter together: the late tasks not yet started.
    late = sorted(i for i, s in states.items() if s == "late")
    tasks.set_status(window.storage, late[0], "in_progress")
    window.reload()
    box.setCurrentIndex(box.findData("not_started"))
    window.quick_filters.buttons["late"].click()
    assert _listed(window) == set(late[1:])


def test_a_quick_filter_narrows_what_the_overview_counts(window) -> None:
    window.show_overview()
    model = window.overview_model

    def cells() -> dict[tuple[int, int], str]:
        return {
            (r, c): model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            for r in range(model.rowCount())
            for c in range(12)
            if model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
        }

    all_months = {c for _r, c in cells()}
    window.quick_filters.buttons["lagging"].click()
    worst = {model.index(r, c).data(WORST_ROLE) for r, c in cells()}
    assert worst == {"lagging"}
    window.quick_filters.buttons["due_this_month"].click()
    assert {c for _r, c in cells()} == {TODAY.month - 1} < all_months


def test_a_note_this_month_takes_a_task_out_of_lagging(window) -> None:
    window.quick_filters.buttons["lagging"].click()
    lagging = _listed(window)
    first = window.month_model.find_task(min(lagging))
    window.month_view.setCurrentIndex(first)
    panel = window.task_panel
    assert "未达序时进度" in panel.deadline_label.text()
    panel.note_edit.setPlainText("已完成调研，形成初稿")
    panel.save_note_button.click()
    assert _listed(window) == lagging - {min(lagging)}
    assert "未达序时进度" not in panel.deadline_label.text()


def test_the_legend_gives_each_state_its_own_colour(window) -> None:
    legend = window.legend.text()
    for state in LEGEND_STATES:
        assert state_name(state) in legend
    assert "临近未启动" not in legend
    colours = [STATE_COLORS[s] for s in LEGEND_STATES]
    assert len(set(colours)) == len(colours)
    hues = {s: QColor(STATE_COLORS[s]).hue() for s in ("late", "due_soon", "lagging")}
    assert hues["late"] < 15 or hues["late"] > 345  # red
    assert 200 < hues["due_soon"] < 240  # blue
    assert 40 < hues["lagging"] < 60  # yellow
    assert "序时进度" in window.legend.toolTip()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen cannot raise a window
def test_a_reminder_opens_its_task_even_when_a_quick_filter_hides_it(window) -> None:
    states = _plan_states(window)
    pending = next(i for i, s in states.items() if s == "pending")
    window.quick_filters.buttons["late"].click()
    assert pending not in _listed(window)
    window.open_tasks([pending])
    assert window.quick_filters.current() is None
    assert window.month_model.task_at(window.month_view.currentIndex()).id == pending
