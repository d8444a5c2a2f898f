"""The Qt binding itself: a release that miscounts references would crash a program that runs
all day, long after every other test has passed; defaults the program relies on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel


def test_void_methods_keep_none_alive(qapp) -> None:
    """PySide6 6.12.0 on Python 3.11 returned None from void methods without a reference:
    each call took one from None until the interpreter aborted ("deallocating None")."""
    timer, label, obj = QTimer(), QLabel(), QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.stop()
        label.setText("x")
        obj.setObjectName("y")
    assert sys.getrefcount(None) - before > -50


def test_bool_results_keep_true_and_false_alive(qapp) -> None:
    timer = QTimer()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        timer.isActive()
        timer.isSingleShot()
        timer.blockSignals(False)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] - before[0] > -50 and after[1] - before[1] > -50


def test_high_dpi_scale_factors_pass_through_unrounded(qapp) -> None:
    """run_gui sets no rounding policy: Qt 6's own default keeps 125 % or 150 % screens sharp
    (and setting it would build the Qt namespace before the first paint)."""
    policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
