"""The leak check of ``make_window`` catches what it is for, and passes a clean test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from tests.helpers.qt_leaks import no_dangling_qt


def test_a_timer_left_running_fails(qapp) -> None:
    timer = QTimer()
    with pytest.raises(AssertionError, match="QTimers left running"), no_dangling_qt():
        timer.start(60_000)
    assert not timer.isActive()  # stopped, so it cannot fire into the next test


def test_a_window_left_open_fails(qapp) -> None:
    with pytest.raises(AssertionError, match="QLabel"), no_dangling_qt():
        label = QLabel("left open")
        label.show()
    assert not label.isVisible()
    label.deleteLater()


def test_what_is_stopped_closed_or_deleted_passes(qapp) -> None:
    with no_dangling_qt():
        stopped = QTimer()
        stopped.start(60_000)
        stopped.stop()
        closed = QLabel("closed")
        closed.show()
        closed.close()
        owned = QTimer(closed)  # deleted with its parent
        owned.start(60_000)
        closed.deleteLater()
