"""Two bureaus' plans in one window: each plan lists its own 办公室 with its own numbers, and
my department follows the plan shown."""

from __future__ import annotations

from datetime import datetime

from db import repository
from desktop_app.services import departments
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

NOW = datetime(2024, 6, 20, 10, 0)


def test_each_plan_lists_its_own_office(make_window, make_storage) -> None:
    storage = make_storage(NOW)
    district = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt").plan_id
    city = import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt").plan_id
    offices = {d.bureau: d.id for d in repository.departments_named("办公室")}
    departments.set_my_departments(storage, list(offices.values()))
    window = make_window(storage, FakeClock(NOW))
    model = window.department_model
    for plan_id, bureau in ((city, "上海市司法局"), (district, "上海市普陀区司法局")):
        window.plan_combo.setCurrentIndex(window.plan_combo.findData(plan_id))
        rows = [model.summary(r) for r in range(1, model.rowCount())]
        [office] = [r for r in rows if r.name == "办公室"]
        assert office.id == offices[bureau] and office.mine
        own = repository.tasks(plan_ids=[plan_id], department_ids=[office.id])
        assert office.total == len(own)
        assert window.department_id == office.id  # my department of this bureau, shown
        assert len(window.month_model.find_task(own[0].id).data() or "") > 0
        others = {r.id for r in rows} - {d.id for d in repository.departments(bureau=bureau)}
        assert not others  # no department of the other bureau in this plan's list


def test_only_mine_on_every_department_says_so_in_the_list(make_window, make_storage) -> None:
    """只看我的部门 with 全部部门 chosen: the first row reads 我的部门 with the counts of the
    tasks the centre then lists, not the whole plan's."""
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    departments.set_my_departments(storage, ["行政复议科", "社区矫正科"])
    window = make_window(storage, FakeClock(NOW))
    window.show_department(-1)  # 全部部门
    first = window.department_model.index(0)
    assert first.data().startswith("全部部门")
    window.mine_only.setChecked(True)
    assert first.data().startswith("我的部门")
    shown = {t.id for g in window.month_model.groups() if g.key != "late" for t in g.tasks}
    own = repository.tasks(department_ids=window._counted.mine)
    assert shown == {t.id for t in own}
    late = sum(1 for t in own if t.state(NOW.date(), window.soon_until()) == "late")
    assert (f"逾期 {late}" in first.data()) == bool(late)
    window.mine_only.setChecked(False)
    assert first.data().startswith("全部部门")


def test_choosing_my_department_shows_its_tasks(make_window, make_storage) -> None:
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(storage, FakeClock(NOW))
    window.show_department(-1)
    window.choose_my_departments()
    dialog = window.mine_dialog
    dialog.some_button.setChecked(True)
    dialog.check("办公室")
    dialog.accept()
    office = repository.find_department("办公室")
    assert office is not None and window.department_id == office.id
    row = window.department_model.row_of(office.id)
    assert window.department_view.currentIndex().row() == row
