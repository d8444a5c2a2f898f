"""Twelve small months of one year, each day coloured by what a holiday notice makes of it:
a day off, a make-up working day, one of the user's own extra days off."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QLocale, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui import theme

CELL = 20  # px of one day
MONTH_WIDTH = 7 * CELL
MONTH_HEIGHT = 8 * CELL  # the month's name, the weekday row, six weeks
GAP = 12
COLUMNS = 4


class YearCalendar(QWidget):
    """``show_year(year, days_off, workdays, extra)``; nothing shown before the first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year: int | None = None
        self.days_off: frozenset[date] = frozenset()
        self.workdays: frozenset[date] = frozenset()
        self.extra: frozenset[date] = frozenset()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        rows = 12 // COLUMNS
        return QSize(
            COLUMNS * MONTH_WIDTH + (COLUMNS - 1) * GAP, rows * MONTH_HEIGHT + (rows - 1) * GAP
        )

    def show_year(
        self,
        year: int,
        days_off: Iterable[date],
        workdays: Iterable[date],
        extra: Iterable[date] = (),
    ) -> None:
        self.year = year
        self.days_off, self.workdays, self.extra = (
            frozenset(days_off),
            frozenset(workdays),
            frozenset(extra),
        )
        self.update()

    def kind(self, day: date) -> str:
        """What the calendar shows for ``day``: off, make_up, extra, weekend or workday."""
        if day in self.days_off:
            return "off"
        if day in self.workdays:
            return "make_up"
        if day in self.extra:
            return "extra"
        return "weekend" if day.weekday() >= 5 else "workday"

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.year is None:
            return
        painter = QPainter(self)
        bold = QFont(self.font())
        bold.setBold(True)
        for month in range(1, 13):
            column, row_ = (month - 1) % COLUMNS, (month - 1) // COLUMNS
            left = column * (MONTH_WIDTH + GAP)
            top = row_ * (MONTH_HEIGHT + GAP)
            self._month(painter, bold, month, left, top)
        painter.end()

    def _month(self, painter: QPainter, bold: QFont, month: int, left: int, top: int) -> None:
        assert self.year is not None
        painter.setFont(bold)
        painter.setPen(QColor(theme.TEXT_COLOR))
        locale = QLocale()  # the window's language (app.install_translators sets it)
        name = locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)
        painter.drawText(QRect(left, top, MONTH_WIDTH, CELL), Qt.AlignmentFlag.AlignCenter, name)
        painter.setFont(self.font())
        weekdays = [
            locale.standaloneDayName(d, QLocale.FormatType.NarrowFormat) for d in range(1, 8)
        ]
        for i, name in enumerate(weekdays):
            painter.setPen(QColor(theme.NOTE_COLOR))
            painter.drawText(
                QRect(left + i * CELL, top + CELL, CELL, CELL), Qt.AlignmentFlag.AlignCenter, name
            )
        backgrounds = {
            "off": theme.DAY_OFF_BACKGROUND,
            "make_up": theme.MAKE_UP_BACKGROUND,
            "extra": theme.EXTRA_OFF_BACKGROUND,
        }
        for week, days in enumerate(calendar.Calendar().monthdatescalendar(self.year, month)):
            for weekday, day in enumerate(days):
                if day.month != month:
                    continue
                cell = QRect(left + weekday * CELL, top + (week + 2) * CELL, CELL, CELL)
                kind = self.kind(day)
                if kind in backgrounds:
                    painter.fillRect(cell.adjusted(1, 1, -1, -1), QColor(backgrounds[kind]))
                color = theme.NOTE_COLOR if kind == "weekend" else theme.TEXT_COLOR
                painter.setPen(QColor(color))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(day.day))
