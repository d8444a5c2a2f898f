"""What the window shows at a glance, computed without Qt (desktop_app/services/overview.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from db import repository
from desktop_app.services.importer import import_file
from desktop_app.services.overview import group_by_month
from tests.conftest import FIXTURES
from tests.storage_helpers import new_storage


def test_a_month_lists_its_tasks_in_the_document_s_order(tmp_path: Path) -> None:
    """The 2020 plan's June: task 9 before task 10 (not "10" before "9" as text sorts)."""
    storage = new_storage(tmp_path, datetime(2020, 6, 1, 9, 0))
    try:
        import_file(storage, FIXTURES / "001_69a0decc525aedac.txt")
        rows = repository.tasks()
        groups = group_by_month(rows, date(2020, 6, 1), date(2020, 6, 12), 2020)
        june = next(g for g in groups if g.key == "2020-06")
        labels = [t.label for t in june.tasks]
        assert {"9", "10"} <= set(labels)
        assert labels.index("9") < labels.index("10")
        document_order = [t.id for t in rows if t.id in {u.id for u in june.tasks}]
        assert [t.id for t in june.tasks] == document_order  # one date, nothing late yet
    finally:
        storage.close()
