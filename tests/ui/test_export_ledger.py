"""文件 → 导出台账…: the plan shown, for my departments, into the file the user names."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QFileDialog

from desktop_app.services import departments
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 28, 9, 0)


def test_the_window_exports_my_departments_ledger(
    make_window, make_storage, monkeypatch, tmp_path
) -> None:
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    with storage.write():
        departments.set_my_departments_in_transaction([departments.get_department("办公室").id])
    window = make_window(storage, FakeClock(NOW))
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "我的台账"), "Excel 台账 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.export_action.trigger()
    assert asked and Path(asked[0]).name.startswith(
        "2024年普陀区司法行政工作要点和责任分工任务台账（办公室"
    )
    target = tmp_path / "我的台账.xlsx"
    rows = list(openpyxl.load_workbook(target)["台账"].iter_rows(min_row=3, values_only=True))
    assert rows and all("办公室" in f"{r[2]}{r[3]}" or "各" in f"{r[2]}{r[3]}" for r in rows)
    assert f"已导出 {len(rows)} 项任务" in window.statusBar().currentMessage()


def test_cancelling_writes_nothing(make_window, make_storage, monkeypatch, tmp_path) -> None:
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(storage, FakeClock(NOW))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    window.export_action.trigger()
    assert list(tmp_path.glob("*.xlsx")) == [] and window.statusBar().currentMessage() == ""
