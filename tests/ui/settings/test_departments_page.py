"""The 我的部门 page: which departments are mine, renames, merges and aliases."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import repository
from desktop_app.services import departments
from desktop_app.services.settings import DEFAULTS, reminder_settings
from tests.storage_helpers import new_storage
from tests.ui.settings.helpers import department_id, listed


def test_a_collective_owner_is_listed_with_its_members_and_is_nobody_s_own(dialog) -> None:
    assert sorted(listed(dialog)) == sorted(["信息处", "公服处", "办公室", "各部门"])
    assert dialog.departments_page.all_departments_button.isChecked()
    page = dialog.departments_page
    [group] = [i for i in page._department_items() if i.text(0) == "各部门"]
    assert not group.flags() & Qt.ItemFlag.ItemIsUserCheckable  # its tasks are its members'
    assert all(name in group.text(2) for name in ("信息处", "公服处", "办公室"))
    page.select_department("各部门")
    assert page.members_button.isEnabled()
    page.select_department("信息处")
    assert not page.members_button.isEnabled()


def test_a_group_s_members_edited_in_the_settings(dialog, storage) -> None:
    """The liaison takes 办公室 out of 各部门: its list no longer has 各部门's tasks."""
    page = dialog.departments_page
    page.select_department("各部门")
    keep = [department_id("信息处"), department_id("公服处")]
    assert page.set_selected_members(keep)
    group = {d.name: d for d in repository.departments()}["各部门"]
    assert sorted(group.members) == sorted(keep)
    [item] = [i for i in page._department_items() if i.text(0) == "各部门"]
    assert "办公室" not in item.text(2)
    page.select_department("各部门")
    assert page.set_selected_members([])  # no member: a row of its own, one can choose
    [item] = [i for i in page._department_items() if i.text(0) == "各部门"]
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_choosing_my_departments_persists(dialog, qtbot) -> None:
    dialog.departments_page.check_department("信息处")
    dialog.departments_page.check_department("公服处")
    assert dialog.departments_page.some_departments_button.isChecked()
    with (
        qtbot.waitSignal(dialog.settings_changed),
        qtbot.waitSignal(dialog.departments_changed),
    ):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert sorted(departments.my_department_ids()) == sorted(
        [department_id("信息处"), department_id("公服处")]
    )
    assert not dialog.isVisible()


def test_all_departments_clears_the_choice(make_dialog, storage) -> None:
    departments.set_my_departments(storage, ["信息处"])
    dialog = make_dialog(storage)
    assert dialog.departments_page.chosen_department_ids() == [department_id("信息处")]
    assert dialog.departments_page.some_departments_button.isChecked()
    dialog.departments_page.all_departments_button.click()
    assert dialog.departments_page.chosen_department_ids() == []
    dialog.accept()
    assert departments.my_department_ids() == []


def test_unticking_the_last_department_means_all(dialog) -> None:
    dialog.departments_page.check_department("信息处")
    dialog.departments_page.check_department("信息处", checked=False)
    assert dialog.departments_page.all_departments_button.isChecked()


def test_rename_changes_the_database_and_tells_the_window(dialog, qtbot) -> None:
    dialog.departments_page.check_department("信息处")
    dialog.departments_page.select_department("信息处")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.departments_page.rename_selected("信息 中心")
    found = repository.find_department("信息处")
    assert found is not None and found.name == "信息中心"  # the old name is an alias now
    assert "信息中心" in listed(dialog) and "信息处" not in listed(dialog)
    assert dialog.departments_page.chosen_department_ids() == [
        found.id
    ]  # the unsaved tick survives
    assert dialog.departments_page.selected_department_id() == found.id
    assert "已改名为“信息中心”" in dialog.departments_page.department_message.text()


def test_rename_to_a_taken_name_is_refused_inline(dialog, qtbot) -> None:
    dialog.departments_page.select_department("信息处")
    with qtbot.assertNotEmitted(dialog.departments_changed):
        assert not dialog.departments_page.rename_selected("公服处")
    assert "已有名为“公服处”的部门" in dialog.departments_page.department_message.text()
    assert dialog.departments_page.department_message.isVisible()
    assert sorted(listed(dialog)) == sorted(["信息处", "公服处", "办公室", "各部门"])


def test_rename_button_asks_then_renames(dialog, monkeypatch) -> None:
    asked = []

    def ask_text(title: str, label: str, text: str = "") -> str:
        asked.append(text)
        return "公共服务处"

    monkeypatch.setattr(dialog.departments_page, "ask_text", ask_text)
    dialog.departments_page.select_department("公服处")
    dialog.departments_page.rename_button.click()
    assert asked == ["公服处"]
    assert repository.find_department("公服处").name == "公共服务处"


def test_nothing_selected_says_so(dialog) -> None:
    dialog.departments_page.department_tree.clearSelection()
    assert not dialog.departments_page.rename_button.isEnabled()
    assert not dialog.departments_page.merge_selected_into("信息处")
    assert "请先选中一个部门" in dialog.departments_page.department_message.text()


def test_merge_changes_the_database_and_tells_the_window(make_dialog, storage, qtbot) -> None:
    departments.set_my_departments(storage, ["公服处"])
    dialog = make_dialog(storage)
    dialog.departments_page.select_department("公服处")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.departments_page.merge_selected_into("信息处")
    assert repository.find_department("公服处").name == "信息处"
    assert "公服处" not in listed(dialog)
    assert dialog.departments_page.chosen_department_ids() == [department_id("信息处")]
    assert departments.my_department_ids() == [department_id("信息处")]
    row = next(d for d in repository.departments() if d.name == "信息处")
    assert "公服处" in row.aliases


def test_merge_button_offers_the_other_departments(dialog, monkeypatch) -> None:
    offered = []

    def ask_item(title: str, label: str, items: list[str]) -> str:
        offered.extend(items)
        return "办公室"

    monkeypatch.setattr(dialog.departments_page, "ask_item", ask_item)
    dialog.departments_page.select_department("信息处")
    dialog.departments_page.merge_button.click()
    assert sorted(offered) == sorted(["公服处", "办公室"])
    assert repository.find_department("信息处").name == "办公室"


def test_merge_into_itself_is_refused(dialog) -> None:
    dialog.departments_page.select_department("信息处")
    assert not dialog.departments_page.merge_selected_into("信息处")
    assert "不能把部门合并到它自己" in dialog.departments_page.department_message.text()


def test_add_alias(dialog, qtbot) -> None:
    dialog.departments_page.select_department("办公室")
    with qtbot.waitSignal(dialog.departments_changed):
        assert dialog.departments_page.add_alias_to_selected("局办公室")
    assert repository.find_department("局办公室").name == "办公室"
    assert not dialog.departments_page.add_alias_to_selected("信息处")
    assert "已是一个部门" in dialog.departments_page.department_message.text()


def test_an_empty_database_says_where_departments_come_from(tmp_path, make_dialog) -> None:
    storage = new_storage(tmp_path / "empty")
    try:
        dialog = make_dialog(storage)
        assert not dialog.departments_page.no_departments_note.isHidden()
        assert not dialog.departments_page.rename_button.isEnabled()
        dialog.accept()
        assert departments.my_department_ids() == []
        assert reminder_settings() == DEFAULTS
    finally:
        storage.close()
