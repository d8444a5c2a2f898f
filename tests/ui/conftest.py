"""Qt tests run offscreen; each gets its own database and window settings."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _collect_qt_objects(qapp):
    """Delete what each test left for later while the application still runs.

    Widgets and sockets that wait for ``deleteLater`` or for the garbage collector
    would otherwise be destroyed at interpreter exit, after QApplication, where
    PySide may crash the whole run.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
