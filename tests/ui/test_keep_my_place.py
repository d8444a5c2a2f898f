"""The window keeps my place: a restart opens the plan, department and view it was left on,
else my department when I have one."""

from __future__ import annotations

from datetime import datetime

from desktop_app.services import departments
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


def _storage(make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    return storage


def test_a_restart_opens_where_the_window_was_left(make_window, make_storage) -> None:
    storage = _storage(make_storage)
    window = make_window(storage, FakeClock(NOW))
    plans = [window.plan_combo.itemData(i) for i in range(window.plan_combo.count())]
    other = next(p for p in plans if p != window.plan_id)
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(other))
    office = departments.get_department("办公室", departments.plan_bureau(other)).id
    window.show_department(office)
    window.show_overview()
    window.close()
    again = make_window(storage, FakeClock(NOW))
    assert again.plan_id == other
    assert again.department_id == office
    assert again.views.currentWidget() is again.overview_view


def test_without_a_place_it_opens_on_my_only_department(make_window, make_storage) -> None:
    storage = _storage(make_storage)
    office = departments.get_department("办公室", "上海市司法局").id  # of the newest plan
    with storage.write():
        departments.set_my_departments_in_transaction([office])
    window = make_window(storage, FakeClock(NOW))
    assert window.department_id == office
    selected = window.department_view.currentIndex()
    assert window.department_model.department_id(selected) == office
