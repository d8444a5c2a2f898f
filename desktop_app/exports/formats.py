"""The export formats and the one place that picks a writer for each, for the command line
and the window alike (each writer is imported only when its format is asked for)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports FORMATS at start: nothing heavy here
    from desktop_app.calendar.workdays import WorkCalendar
    from desktop_app.exports.ledger import Ledger

FORMATS = ("xlsx", "docx", "csv", "ics", "pdf")


def write(
    ledger: Ledger,
    path: Path,
    kind: str,
    *,
    calendar: WorkCalendar,
    lead_workdays: Sequence[int],
    stamp: datetime,
    quarters: bool = False,
    months: bool = False,
    summary: bool = False,
) -> Path:
    """Write ``ledger`` to ``path`` as ``kind`` (one of ``FORMATS``)."""
    if kind == "xlsx":
        from desktop_app.exports.xlsx import write_xlsx

        return write_xlsx(ledger, path, quarters=quarters, months=months)
    if kind == "docx":
        from desktop_app.exports.docx_file import write_docx

        return write_docx(ledger, path)
    if kind == "csv":
        from desktop_app.exports.csv_file import write_csv

        return write_csv(ledger, path)
    if kind == "ics":
        from desktop_app.exports.ics import write_ics

        return write_ics(ledger, path, lead_workdays, calendar, stamp)
    if kind == "pdf":
        from desktop_app.exports.pdf_report import write_pdf

        return write_pdf(ledger, path, summary=summary)
    raise ValueError(f"unknown export format {kind!r}")
