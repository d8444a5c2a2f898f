"""Collective owners resolve to groups, and departments belong to their bureau: on the real
city (000) and district (003) plans, and on a version-4 database upgraded."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from db import counts, migrations, repository
from db.connection import open_storage
from desktop_app.plans.groups import group_rule, rule_members
from desktop_app.services import departments
from desktop_app.services.data_folder import open_data
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import import_file
from desktop_app.services.overview import department_summaries
from desktop_app.services.plans import delete_plan
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock, new_storage

CITY, DISTRICT = "上海市司法局", "上海市普陀区司法局"
TODAY, SOON = date(2024, 6, 20), date(2024, 7, 4)


@pytest.mark.parametrize(
    ("group", "names", "members"),
    [
        ("各司法所", ["长征司法所", "办公室", "司法所管理科"], ["长征司法所"]),
        ("各科室", ["办公室", "普法科", "公证处", "法律援助中心"], ["办公室", "普法科", "公证处"]),
        ("各科处室", ["办公室", "政治处", "法律援助中心"], ["办公室", "政治处"]),
        ("各部门", ["办公室", "法律援助中心"], ["办公室", "法律援助中心"]),
        ("各单位", ["办公室", "法律援助中心"], ["办公室", "法律援助中心"]),
        ("局机关各处室", ["办公室", "法律援助中心"], ["办公室", "法律援助中心"]),
        ("各街镇", ["长寿路街道", "桃浦镇", "办公室"], ["长寿路街道", "桃浦镇"]),
        ("各区、县级市", ["办公室", "信息处"], []),
        ("各直属单位", ["办公室", "法律援助中心"], []),
    ],
)
def test_a_collective_owner_takes_in_what_its_name_says(
    group: str, names: list[str], members: list[str]
) -> None:
    assert rule_members(group, [*names, "各科室"]) == members


def test_a_plain_department_is_no_group() -> None:
    assert group_rule("办公室") == group_rule("信息处") and not group_rule("办公室").everyone
    assert rule_members("办公室", ["办公室", "普法科"]) == []


@pytest.fixture
def both(tmp_path: Path):
    storage = new_storage(tmp_path)
    city = import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt").plan_id
    district = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt").plan_id
    yield storage, city, district
    storage.close()


def _own(plan_id: int, department_id: int) -> list[int]:
    return [t.id for t in repository.tasks(plan_ids=[plan_id], department_ids=[department_id])]


def test_the_judicial_offices_tasks_are_not_the_office_s(both) -> None:
    """003's tasks 11–13 are 依法治区工作科's and 各司法所's: the district 办公室 does not see,
    count or get reminded of them; 各司法所, with no office of its own in the plan, is a row
    a liaison can choose."""
    _storage, _city, district = both
    office = repository.find_department("办公室", DISTRICT)
    offices = repository.find_department("各司法所", DISTRICT)
    assert office is not None and offices is not None
    labels = {t.label for t in repository.tasks(department_ids=[office.id], plan_ids=[district])}
    assert not labels & {"11", "12", "13"}
    assert {"77", "81", "88"} <= labels  # 各科处室 takes 办公室 in
    judicial = {t.label for t in repository.tasks(department_ids=[offices.id])}
    assert {"11", "12", "13", "74", "81", "88", "89"} == judicial
    rows = department_summaries(
        counts.month_counts(TODAY, SOON, plan_ids=[district]),
        repository.departments(bureau=DISTRICT),
        [],
        TODAY,
    )
    by_name = {r.name: r for r in rows}
    assert by_name["办公室"].total == len(_own(district, office.id))
    assert by_name["各司法所"].total == 7  # a row of its own: no 司法所 is named in 003
    assert "各科处室" not in by_name and "各科室" not in by_name  # their tasks are their members'
    assert by_name["法律援助中心"].total == len(_own(district, by_name["法律援助中心"].id))
    # the reminders read the same query
    assert not {t.label for t in repository.overdue(date(2025, 1, 1), [office.id])} & {"11", "12"}


def test_each_bureau_has_its_own_office_counted_by_its_own_plan(both) -> None:
    _storage, city, district = both
    named = repository.departments_named("办公室")
    assert [d.bureau for d in named] == [CITY, DISTRICT]
    city_office, district_office = (d.id for d in named)
    for plan_id, office in ((city, city_office), (district, district_office)):
        bureau = CITY if plan_id == city else DISTRICT
        rows = department_summaries(
            counts.month_counts(TODAY, SOON, plan_ids=[plan_id]),
            repository.departments(bureau=bureau),
            [city_office, district_office],
            TODAY,
        )
        [mine] = [r for r in rows if r.name == "办公室"]
        assert mine.id == office and mine.mine
        assert mine.total == len(_own(plan_id, office))
        assert mine.late == len(
            [
                t
                for t in repository.tasks(plan_ids=[plan_id], department_ids=[office])
                if t.state(TODAY, SOON) == "late"
            ]
        )
        assert all(r.id in {d.id for d in repository.departments(bureau=bureau)} for r in rows)
    assert set(_own(city, district_office)) == set()  # the city plan is not the district's
    with pytest.raises(ServiceError) as caught:
        departments.get_department("办公室")
    assert caught.value.code == "ambiguous_department"
    assert CITY in caught.value.message_zh and str(city_office) in caught.value.message_zh
    assert departments.get_department("办公室", DISTRICT).id == district_office


def test_a_liaison_edits_a_group_and_later_imports_keep_it(both) -> None:
    storage, _city, district = both
    group = repository.find_department("各科处室", DISTRICT)
    aid = repository.find_department("法律援助中心", DISTRICT)
    notary = repository.find_department("公证处", DISTRICT)
    assert group is not None and aid is not None and notary is not None
    rule = {d.id: d for d in repository.departments(bureau=DISTRICT)}[group.id].members
    assert notary.id in rule and aid.id not in rule  # 公证处 ends in 处; the centre does not
    departments.set_group_members(storage, group.id, [*(m for m in rule if m != notary.id), aid.id])
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.docx")  # the same plan again
    departments.refresh_groups()
    members = {d.id: d for d in repository.departments(bureau=DISTRICT)}[group.id].members
    assert aid.id in members and notary.id not in members
    assert "77" in {t.label for t in repository.tasks(department_ids=[aid.id], plan_ids=[district])}
    with pytest.raises(ServiceError) as caught:
        departments.set_group_members(
            storage, group.id, [repository.departments_named("信息处")[0].id]
        )
    assert caught.value.code == "member_elsewhere"


def test_deleting_a_plan_removes_the_departments_only_it_named(both) -> None:
    storage, city, district = both
    before = {d.bureau for d in repository.departments()}
    assert before == {CITY, DISTRICT}
    chosen = repository.find_department("行政复议科", DISTRICT)
    assert chosen is not None
    departments.set_my_departments(storage, [chosen.id])
    delete_plan(storage, district)
    assert {d.bureau for d in repository.departments()} == {CITY}
    assert departments.my_department_ids() == []
    # the same plan imported again: my department is mine again
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    again = repository.find_department("行政复议科", DISTRICT)
    assert again is not None and departments.my_department_ids() == [again.id]
    assert city in {p.id for p in repository.plans()}


def _v4_database_shared_by_two_bureaus(path: Path) -> None:
    """Version 4: one 办公室 for the tasks of two bureaus, 各科室 of one of them."""
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 5):
        migrations.apply(conn, version)
    conn.executescript(
        """
        INSERT INTO plan VALUES (1, '甲局2024年工作要点', 2024, '甲局', NULL, NULL,
            'work_plan', 'a.txt', 'a', '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO plan VALUES (2, '乙局2024年工作要点', 2024, NULL, NULL, NULL,
            'work_plan', 'b.txt', 'b', '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO department VALUES (1, '办公室', 0, '2024-02-02 09:00:00');
        INSERT INTO department VALUES (2, '普法科', 0, '2024-02-02 09:00:00');
        INSERT INTO department VALUES (3, '各科室', 1, '2024-02-02 09:00:00');
        INSERT INTO department_alias VALUES (1, '综合办', 1);
        INSERT INTO task VALUES (1, 1, '1', '[]', '甲的任务。', NULL, '["办公室"]', '[]',
            'month', '6月', '2024-06-30', '[]', '2024-06-30', 0, 0,
            'not_started', NULL, 0, NULL, '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO task VALUES (2, 2, '1', '[]', '乙的任务。', NULL, '["办公室"]', '["各科室"]',
            'month', '6月', '2024-06-30', '[]', '2024-06-30', 0, 0,
            'not_started', NULL, 0, NULL, '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO task VALUES (3, 2, '2', '[]', '乙的普法。', NULL, '["普法科"]', '[]',
            'month', '6月', '2024-06-30', '[]', '2024-06-30', 0, 0,
            'not_started', NULL, 1, NULL, '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO task_department VALUES (1, 1, 1, 'lead', 0);
        INSERT INTO task_department VALUES (2, 2, 1, 'lead', 0);
        INSERT INTO task_department VALUES (3, 2, 3, 'responsible', 0);
        INSERT INTO task_department VALUES (4, 3, 2, 'lead', 0);
        INSERT INTO progress_note VALUES (1, 2, '2024-06-10 09:00:00', '2024-06-10 09:00:00', '乙已办');
        INSERT INTO setting VALUES ('my_departments', '[1]');
        """
    )
    conn.close()


def test_a_version_4_database_splits_a_shared_department_by_bureau(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "tasks.sqlite3"
    _v4_database_shared_by_two_bureaus(path)
    open_storage(path, clock=FakeClock(datetime(2024, 7, 1, 9, 0))).close()
    storage = open_data(folder, FakeClock(datetime(2024, 7, 1, 9, 0)))
    try:
        offices = repository.departments_named("办公室")
        assert [d.bureau for d in offices] == ["乙局", "甲局"]  # 乙's from its title
        by_bureau = {d.bureau: d.id for d in offices}
        assert _own(1, by_bureau["甲局"]) == [1] and _own(2, by_bureau["乙局"]) == [2]
        assert _own(1, by_bureau["乙局"]) == [] and _own(2, by_bureau["甲局"]) == []
        assert sorted(departments.my_department_ids()) == sorted(by_bureau.values())
        assert repository.find_department("综合办", "乙局").id == by_bureau["乙局"]
        assert repository.find_department("综合办", "甲局").id == by_bureau["甲局"]
        # 各科室 of 乙 takes in 乙's 办公室 and 普法科 once the window or a command opens it
        group = {d.name: d for d in repository.departments(bureau="乙局")}["各科室"]
        assert set(group.members) == {
            by_bureau["乙局"],
            repository.find_department("普法科", "乙局").id,
        }
        assert [n for (n,) in storage.raw().execute("SELECT text FROM progress_note")] == ["乙已办"]
        assert storage.raw().execute("PRAGMA foreign_key_check").fetchall() == []
        assert storage.raw().execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        storage.close()


def test_a_plan_in_traditional_script_names_the_same_departments(tmp_path: Path) -> None:
    """The bureau's 2023 plan in traditional script, its 2024 plan in simplified: one 市财政局,
    its name kept as each plan writes it in the plan's own tasks."""
    from desktop_app.plans.parser import parse_text
    from desktop_app.services.importer import import_plan

    storage = new_storage(tmp_path)
    old = "某某市財政局2023年工作要點\n1. 加強預算管理。（牽頭單位：市財政局；完成時間：6月）\n"
    new = "某某市财政局2024年工作要点\n1. 加强预算管理。（牵头单位：市财政局；完成时间：6月）\n"
    import_plan(storage, parse_text(old), source_name="a.txt", content_hash="a")
    import_plan(storage, parse_text(new), source_name="b.txt", content_hash="b")
    named = repository.departments()
    assert [(d.bureau, d.name) for d in named] == [("某某市财政局", "市財政局")]
    assert {t.lead for t in repository.tasks()} == {("市財政局",)}
    assert {t.text for t in repository.tasks()} == {"加強預算管理。", "加强预算管理。"}
