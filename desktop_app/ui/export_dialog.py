"""文件 → 导出台账…: the plan shown, as Excel, Word, PDF, CSV or a calendar file, for my departments when
they are chosen (the ledger a liaison hands in), else for every department."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from db.errors import StorageError
from desktop_app.errors import UserError
from desktop_app.ui.error_text import error_text

if TYPE_CHECKING:
    from db.connection import Storage


def export_ledger(parent: QWidget, storage: Storage, plan_id: int, folder: Path) -> str | None:
    """Ask where, write the file; what to tell the user (None: the user cancelled)."""
    from desktop_app.exports.formats import write
    from desktop_app.exports.ledger import build_ledger
    from desktop_app.services import departments, holidays
    from desktop_app.services.settings import reminder_settings

    now: datetime = storage.clock()
    try:
        with storage.translated():
            names = [departments.get_department(i).name for i in departments.my_department_ids()]
            calendar = holidays.work_calendar()
            ledger = build_ledger(plan_id, now, calendar, department_names=names)
    except (UserError, StorageError) as exc:
        return error_text(exc)
    filters = ";;".join(
        [
            QCoreApplication.translate("ExportDialog", "Excel 台账 (*.xlsx)"),
            QCoreApplication.translate("ExportDialog", "Word 台账 (*.docx)"),
            QCoreApplication.translate("ExportDialog", "PDF 进展报告 (*.pdf)"),
            QCoreApplication.translate("ExportDialog", "CSV 表格 (*.csv)"),
            QCoreApplication.translate("ExportDialog", "日历文件 (*.ics)"),
        ]
    )
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "导出台账"),
        str(folder / f"{ledger.file_stem()}.xlsx"),
        filters,
    )
    if not name:
        return None
    path = Path(name)
    kind = next((k for k in ("docx", "pdf", "csv", "ics") if f"*.{k}" in chosen), "xlsx")
    if path.suffix.lower() != f".{kind}":
        path = path.with_suffix(f".{kind}")
    try:
        with storage.translated():
            lead = reminder_settings().lead_workdays
        write(ledger, path, kind, calendar=calendar, lead_workdays=lead, stamp=now)
    except OSError as exc:
        return QCoreApplication.translate("ExportDialog", "无法写入文件 {0}：{1}").format(
            path, exc.strerror or exc
        )
    return QCoreApplication.translate("ExportDialog", "已导出 {0} 项任务到 {1}").format(
        len(ledger.rows), path
    )
