"""Where a window goes so that it covers nothing the user is looking at: the reminder dialog
moved off the task it just opened. Plain rectangles in, one rectangle out (no widgets)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, QRect, QSize

# Sizes tried, as parts of the window's own size, before the smallest one.
SHRINK_STEPS = (1.0, 0.85, 0.7)


def _overlap(rect: QRect, avoid: Sequence[QRect]) -> int:
    return sum(
        (part.width() * part.height()) for a in avoid if (part := rect.intersected(a)).isValid()
    )


def _positions(size: QSize, avoid: Sequence[QRect], area: QRect, start: QPoint) -> list[QRect]:
    """Frames of ``size`` inside ``area``, each against an edge of the area or of a
    rectangle to avoid (and where the window is now)."""
    xs = {area.left(), area.right() - size.width() + 1, start.x()}
    ys = {area.top(), area.bottom() - size.height() + 1, start.y()}
    for a in avoid:
        xs |= {a.left() - size.width(), a.right() + 1}
        ys |= {a.top() - size.height(), a.bottom() + 1}
    frames = (QRect(QPoint(x, y), size) for x in xs for y in ys)
    return [f for f in frames if area.contains(f)]


def _sizes(size: QSize, smallest: QSize) -> Iterable[QSize]:
    for step in SHRINK_STEPS:
        yield QSize(
            max(smallest.width(), int(size.width() * step)),
            max(smallest.height(), int(size.height() * step)),
        )
    yield smallest


def place_aside(frame: QRect, avoid: Sequence[QRect], area: QRect, smallest: QSize) -> QRect:
    """The frame for a window now at ``frame`` that covers none of ``avoid`` and lies in
    ``area`` (the screen): at its size if it can, else smaller down to ``smallest``, the
    nearest such place to where it is. Where even the smallest covers something, the place
    that covers least."""
    avoid = [a for a in avoid if a.isValid()]
    start = frame.topLeft()
    smallest = smallest.boundedTo(frame.size()).boundedTo(area.size())

    def distance(rect: QRect) -> int:
        return (rect.topLeft() - start).manhattanLength()

    for size in _sizes(frame.size().boundedTo(area.size()), smallest):
        free = [f for f in _positions(size, avoid, area, start) if not _overlap(f, avoid)]
        if free:
            return min(free, key=distance)
    places = _positions(smallest, avoid, area, start) or [QRect(area.topLeft(), smallest)]
    return min(places, key=lambda f: (_overlap(f, avoid), distance(f)))
