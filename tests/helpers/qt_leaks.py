"""What a Qt test must not leave behind: running QTimers and visible top-level widgets."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import Any


def is_alive(obj: object) -> bool:
    """Whether the C++ object behind a Qt wrapper still exists (a parent may have taken it)."""
    import shiboken6

    return bool(shiboken6.isValid(obj))


def process_deletions() -> None:
    """Run the ``deleteLater`` calls waiting in the event queue, and the garbage collector."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@contextlib.contextmanager
def no_dangling_qt() -> Iterator[None]:
    """Raises AssertionError at the end if a QTimer started inside is still running, or a
    top-level widget opened inside is still visible, once pending deletions have run.
    Leftovers are stopped and closed first, so that one test's leak does not fail the next."""
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    started: list[QTimer] = []
    start = QTimer.start

    def tracked_start(self: QTimer, *args: Any) -> None:
        started.append(self)
        start(self, *args)

    before = {id(w) for w in QApplication.topLevelWidgets()}
    QTimer.start = tracked_start  # type: ignore[method-assign]  # Python callers only
    try:
        yield
    finally:
        QTimer.start = start  # type: ignore[method-assign]
    process_deletions()
    running = [t for t in started if shiboken6.isValid(t) and t.isActive()]
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and shiboken6.isValid(w) and w.isVisible()
    ]
    for timer in running:
        timer.stop()
    for widget in shown:
        widget.close()
    assert not running, f"QTimers left running: {[(t.objectName(), t.interval()) for t in running]}"
    assert not shown, f"top-level widgets left open: {[type(w).__name__ for w in shown]}"
