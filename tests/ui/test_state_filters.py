"""序时进度 in the window: one colour per state in the legend. The real district plan ``003_…``
on 20 June 2024, when red, blue and yellow tasks are all in it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor

from desktop_app.colors import STATE_COLORS
from desktop_app.services.importer import import_file
from desktop_app.ui.main_window.workspace import LEGEND_STATES
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
