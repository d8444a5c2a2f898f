"""The main window on a real database: department list, month view, overview, task panel, search."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from db import journal, repository
from db.connection import Storage
from desktop_app.services import departments
from desktop_app.services.importer import import_file
from desktop_app.services.settings import reminder_settings
from desktop_app.ui.main_window import MainWindow, minimum_size
from desktop_app.ui.main_window.window import FRAME_GUESS
from desktop_app.ui.main_window.workspace import Workspace
from desktop_app.ui.models.department_model import ALL_DEPARTMENTS, DEPARTMENT_ID_ROLE
from desktop_app.ui.models.month_model import COL_TEXT, GROUP_KEY_ROLE, TASK_ID_ROLE
from desktop_app.ui.models.overview_model import MONTH_ROLE, WORST_ROLE
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import FakeClock

TODAY = datetime(2024, 6, 20, 10, 0)


@pytest.fixture
def storage(make_storage) -> Storage:
    return make_storage(TODAY)


@pytest.fixture
def make_window(make_window, storage):
    def make(clock: FakeClock | None = None) -> MainWindow:
        return make_window(storage, clock or FakeClock(TODAY), active=True)

    return make


def _department_rows(window: MainWindow) -> dict[str, str]:
    model = window.department_model
    out = {}
    for row in range(1, model.rowCount()):
        summary = model.summary(row)
        assert summary is not None
        out[summary.name] = model.data(model.index(row), Qt.ItemDataRole.DisplayRole)
    return out


def _visible_task_ids(window: MainWindow, group_key: str) -> list[int]:
    model = window.month_model
    row = model.group_row(group_key)
    assert row is not None, group_key
    parent = model.index(row, 0)
    return [model.index(r, 0, parent).data(TASK_ID_ROLE) for r in range(model.rowCount(parent))]


def test_first_start_shows_the_welcome_page_and_the_sample(make_window) -> None:
    window = make_window(FakeClock(datetime(2026, 11, 25, 9, 0)))
    assert window.pages.currentWidget() is window.welcome
    window.welcome.sample_button.click()
    assert window.pages.currentWidget() is window.splitter
    [plan] = repository.plans()
    assert plan.year == 2026 and plan.title.startswith("示例：") and plan.tasks == 33
    # The current month is open; December's 22 tasks wait ahead.
    assert len(_visible_task_ids(window, "2026-12")) == 22
    assert window.month_view.isExpanded(
        window.month_model.index(window.month_model.group_row("2026-11"), 0)
    )


def test_before_the_database_is_attached_the_frame_says_it_is_opening(
    qtbot, tmp_path: Path, storage
) -> None:
    """The first paint of a start: menus and toolbar, nothing that needs the database yet."""
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, FakeClock(TODAY), settings)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.pages.currentWidget() is window.opening
    actions = (
        window.import_action,
        window.refresh_action,
        window.search_action,
        window.months_button,
        window.overview_button,
    )
    assert not any(a.isEnabled() for a in actions) and not window.acceptDrops()
    window.open_import()  # a shortcut pressed before the database is open does nothing
    assert window.wizard is None
    window.reload()
    window.pause_reminders("today")  # from the tray: kept until the database is open

    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window.attach_storage(storage)
    assert reminder_settings().paused_until == datetime(2024, 6, 21, 0, 0)
    assert window.pages.currentWidget() is window.workspace
    assert all(a.isEnabled() for a in actions) and window.acceptDrops()
    assert window.plan_combo.currentText().startswith("2024 · ")
    assert window.status_label.text().startswith("今天 2024-06-20")


def test_department_list_counts_and_month_view(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    rows = _department_rows(window)
    # June 2024: 行政复议科 owes its June tasks; tasks due by 03-31 are late.
    expected_june = [
        t
        for t in repository.tasks(department_ids=[repository.find_department("行政复议科").id])
        if t.due and (t.due.year, t.due.month) == (2024, 6)
    ]
    assert f"本月 {len(expected_june)}" in rows["行政复议科"]
    late_all = repository.overdue(date(2024, 6, 20))
    header = window.department_model.data(
        window.department_model.index(0), Qt.ItemDataRole.DisplayRole
    )
    assert f"逾期 {len(late_all)}" in header
    # Choose a department: only its tasks and the collective ones are listed.
    window.show_department(repository.find_department("行政复议科").id)
    review = repository.find_department("行政复议科").id
    shown = {tid for key in ("2024-12",) for tid in _visible_task_ids(window, key)}
    expected = {t.id for t in repository.department_month_tasks(review, 2024, 12)}
    assert shown == expected
    assert _visible_task_ids(window, "late") == [
        t.id for t in repository.overdue(date(2024, 6, 20), [review])
    ]


def test_marking_a_task_done_persists_and_updates_the_lists(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    late = _visible_task_ids(window, "late")
    assert late
    index = window.month_model.find_task(late[0])
    window.month_view.setCurrentIndex(index)
    assert window.task_panel.current_task_id() == late[0]
    done_button = next(
        b for b in window.task_panel.status_buttons.buttons() if b.property("status") == "done"
    )
    done_button.click()
    row = repository.task(late[0])
    assert row is not None and (row.status, row.completed_on) == ("done", date(2024, 6, 20))
    assert late[0] not in _visible_task_ids(window, "late")
    # A progress note, then its correction; both in the database and the history.
    window.task_panel.note_edit.setPlainText("已报送区委")
    window.task_panel.save_note_button.click()
    assert [n.text for n in journal.notes(late[0])] == ["已报送区委"]
    window.task_panel._start_edit(window.task_panel.notes.item(0))
    window.task_panel.note_edit.setPlainText("已报送区委办公室")
    window.task_panel.save_note_button.click()
    assert [n.text for n in journal.notes(late[0])] == ["已报送区委办公室"]
    assert [c.field for c in journal.history(late[0])] == ["status", "note"]
    # An empty note is refused with a message and nothing is written.
    window.task_panel.note_edit.setPlainText("   ")
    window.task_panel.save_note_button.click()
    assert window.task_panel.message.isVisible() and "不能为空" in window.task_panel.message.text()
    assert len(journal.notes(late[0])) == 1


def test_overview_cell_opens_that_department_and_month(make_window, storage, qtbot) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    window.overview_button.click()
    assert window.views.currentWidget() is window.overview_view
    model = window.overview_model
    # A department with a task still open from an earlier month: its cell is red.
    late = repository.overdue(date(2024, 6, 20))[0]
    name = (late.lead + late.responsible)[0]
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) == name
    )
    cell = model.index(row, late.due.month - 1)
    assert cell.data(MONTH_ROLE) == late.due.month
    assert cell.data(WORST_ROLE) == "late"
    assert int(cell.data(Qt.ItemDataRole.DisplayRole)) >= 1
    rect = window.overview_view.visualRect(cell)
    qtbot.mouseClick(window.overview_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.views.currentWidget() is window.month_view
    current = window.department_view.currentIndex()
    assert current.data(DEPARTMENT_ID_ROLE) == repository.find_department(name).id
    key = f"2024-{late.due.month:02d}"
    month_row = window.month_model.group_row(key)
    assert window.month_view.isExpanded(window.month_model.index(month_row, 0))
    assert window.month_view.currentIndex().data(GROUP_KEY_ROLE) == key
    assert late.id in _visible_task_ids(window, key)


def test_search_filters_the_month_view(make_window, storage, qtbot) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    window.month_view.setFocus()
    qtbot.keyClick(window.month_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box, QApplication.focusWidget()
    # Chinese arrives through the input method, as committed text (QTest cannot type it).
    with qtbot.waitSignal(window.view_updated, timeout=2000):
        window.search_box.insert("普法")
    shown = {t.id for g in window.month_model.groups() if g.key != "late" for t in g.tasks}
    assert shown == {t.id for t in repository.search("普法", limit=1000)}
    window.search_box.clear()
    window.refresh_view()
    assert sum(len(g.tasks) for g in window.month_model.groups() if g.key != "late") == 89


def test_filters_status_mine_and_role(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    departments.set_my_departments(storage, ["行政复议科"])
    window = make_window()
    rows = _department_rows(window)
    assert next(iter(rows)) == "行政复议科" and rows["行政复议科"].startswith("★")
    window.mine_only.setChecked(True)
    mine = {t.id for g in window.month_model.groups() if g.key != "late" for t in g.tasks}
    assert mine == {
        t.id for t in repository.tasks(department_ids=[repository.find_department("行政复议科").id])
    }
    window.mine_only.setChecked(False)
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    assert all(len(g.tasks) == 0 for g in window.month_model.groups())
    window.status_filter.setCurrentIndex(window.status_filter.findData("all"))
    window.show_department(repository.find_department("办公室").id)
    window.role_filter.setCurrentIndex(window.role_filter.findData("lead"))
    lead_only = [t for g in window.month_model.groups() if g.key != "late" for t in g.tasks]
    assert lead_only and all("办公室" in t.lead or t.collective for t in lead_only)


def test_models_pass_the_model_tester(make_window, storage, qtmodeltester) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    qtmodeltester.check(window.department_model)
    qtmodeltester.check(window.month_model)
    window.show_overview()
    qtmodeltester.check(window.overview_model)


def test_month_model_keeps_both_parents(make_window, storage) -> None:
    """parent(index) is the tree's; parent() without one stays QObject's owner, as in Qt."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    model = window.month_model
    assert isinstance(model.parent(), Workspace)  # the pane that made it
    group = next(g for g in range(model.rowCount()) if model.rowCount(model.index(g, 0)))
    task = model.index(0, 0, model.index(group, 0))
    assert model.parent(task) == model.index(group, 0)
    assert not model.parent(model.index(group, 0)).isValid()


def test_geometry_and_splitter_are_remembered(make_window, tmp_path: Path, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    # The offscreen screen is 800×600: stay inside it.
    window.resize(780, 560)
    QApplication.processEvents()
    window.splitter.setSizes([250, 530, 300])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert again.size().width() == 780
    assert again.splitter.sizes() == sizes
    QApplication.processEvents()


def test_all_departments_row_counts_each_task_once(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    assert window.department_model.index(0).data(DEPARTMENT_ID_ROLE) == ALL_DEPARTMENTS
    header = window.department_model.index(0).data(Qt.ItemDataRole.DisplayRole)
    late = len(repository.overdue(date(2024, 6, 20)))
    assert header.endswith(f"逾期 {late}")


def test_my_departments_are_asked_once_after_the_first_real_import(
    make_window, storage, tmp_path: Path
) -> None:
    from desktop_app.services.import_diff import ImportResult
    from desktop_app.ui.my_departments import MyDepartmentsDialog

    window = make_window(FakeClock(datetime(2026, 11, 25, 9, 0)))
    window.welcome.sample_button.click()  # the sample first: no question yet
    assert window.mine_dialog is None
    result = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window._after_import(result)
    assert window.sample_question is not None  # first: keep the sample? (kept here)
    window.sample_question.done(0)
    assert isinstance(window.mine_dialog, MyDepartmentsDialog) and window.mine_dialog.isVisible()
    window.mine_dialog.reject()  # "以后再说"
    window.mine_dialog = None
    window._after_import(ImportResult("same_file", result.plan_id, None, None, False))
    assert window.mine_dialog is None  # asked once, not after every import


def test_each_plan_lists_only_its_own_departments(make_window, storage) -> None:
    """Last year's plan and this year's: the collective tasks of one do not pull the other's
    departments into its list."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    import_file(storage, FIXTURES / "000_9ec6db43f1a77751.txt")
    window = make_window()
    for plan in repository.plans():
        window.plan_combo.setCurrentIndex(window.plan_combo.findData(plan.id))
        own = {n for t in repository.tasks(plan_ids=[plan.id]) for n in t.lead + t.responsible}
        assert set(_department_rows(window)) <= own, plan.title


def test_the_panel_follows_an_archived_or_deleted_task(make_window, storage) -> None:
    from desktop_app.services import plans, tasks

    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    window.month_view.setCurrentIndex(window.month_model.find_task(5))
    window.task_panel.note_edit.setPlainText("已报送材料")
    done = next(
        b for b in window.task_panel.status_buttons.buttons() if b.property("status") == "done"
    )
    done.click()
    assert window.task_panel.note_edit.toPlainText() == "已报送材料"  # the typed note stays
    first_done = repository.task(5).completed_on
    storage.clock.set(TODAY + timedelta(days=3))
    done.click()  # done again: the day it was done stays
    assert repository.task(5).completed_on == first_done
    tasks.set_status(storage, 5, "in_progress")
    plans.delete_plan(storage, repository.task(5).plan_id)
    window.reload()
    assert window.task_panel.current_task_id() is None


def test_owners_and_deadline_are_corrected_in_the_task_panel(make_window, storage) -> None:
    """An unparsed deadline or a wrong owner is fixed after import, and a later revision of
    the plan keeps the fix."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    panel = window.task_panel
    window.month_view.setCurrentIndex(window.month_model.find_task(5))
    panel.correct_toggle.click()
    assert panel.correct_box.isVisible()
    panel.responsible_edit.setText("依法治区工作科、办公室")
    panel.due_edit.setDate(panel.due_edit.date().addDays(10))
    assert panel.save_correction()
    row = repository.task(5)
    assert row.responsible == ("依法治区工作科", "办公室") and row.owners_corrected
    assert row.due == date(2024, 4, 10) and row.deadline_corrected
    assert {c.field for c in journal.history(5)} >= {"responsible", "deadline"}
    assert not panel.correct_box.isVisible()


def test_first_start_fits_the_window_on_the_screen(make_window) -> None:
    """No saved geometry: 1280×760 where there is room, else what the screen holds with the
    window's frame, centred (tests/ui/test_window_layout.py has a 1366×768 laptop)."""
    window = make_window()
    screen = window.screen().availableGeometry()
    assert window.width() == min(1280, screen.width() - FRAME_GUESS.left() - FRAME_GUESS.right())
    assert window.height() == min(760, screen.height() - FRAME_GUESS.top() - FRAME_GUESS.bottom())
    assert screen.contains(window.frameGeometry())
    assert abs(window.frameGeometry().center().x() - screen.center().x()) <= 1

    window.resize(780, 560)
    window.save_geometry()
    again = make_window()  # the same settings file: this test's window_settings
    assert (again.width(), again.height()) == (780, 560)  # the user's size is kept


def test_a_department_with_nothing_this_month_opens_on_what_comes_next(
    make_window, storage
) -> None:
    """办公室 owes nothing in June 2024; its month view opens October, its next month."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    window.show_department(repository.find_department("办公室").id)
    model = window.month_model
    expanded = [
        model.groups()[row].key
        for row in range(model.rowCount())
        if window.month_view.isExpanded(model.index(row, 0))
    ]
    assert expanded == ["2024-10"]
    assert len(_visible_task_ids(window, "2024-10")) > 0


def test_an_empty_search_says_whether_the_plan_has_it_elsewhere(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    status = window.statusBar()
    # 办公室 has no task about 矫正 (community correction); the plan has 4.
    window.show_department(repository.find_department("办公室").id)
    window.search_box.setText("矫正")
    window.refresh_view()
    assert window.month_model.groups() == []
    assert status.currentMessage() == (
        "当前部门和筛选条件下没有“矫正”；整个计划中有 4 项，可选“全部部门”或放宽筛选。"
    )
    window.search_box.setText("没有这样的词")
    window.refresh_view()
    assert status.currentMessage() == "计划中没有找到“没有这样的词”。"
    window.show_department(ALL_DEPARTMENTS)
    window.search_box.setText("矫正")
    window.refresh_view()
    assert window.month_model.groups() and status.currentMessage() == ""
    status.showMessage("提醒已暂停，到 2024-06-20 11:00 恢复。")  # another message stays
    window.search_box.clear()
    window.refresh_view()
    assert status.currentMessage() == "提醒已暂停，到 2024-06-20 11:00 恢复。"


def test_every_count_is_the_number_of_tasks_the_view_then_lists(make_window, storage) -> None:
    """The department list, the month view and the overview agree: a task shared by a
    department and collective owners (各科室、各科处室) is counted once, not once per owner;
    各司法所, whose offices 003 does not name, is a row of its own."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window(FakeClock(datetime(2024, 11, 20, 10, 0)))
    today = date(2024, 11, 20)
    model = window.department_model
    listed = [model.summary(row) for row in range(1, model.rowCount())]
    assert listed and [s.name for s in listed if s.collective] == ["各司法所"]
    for summary in listed:
        own = repository.tasks(plan_ids=[window.plan_id], department_ids=[summary.id])
        open_ = [t for t in own if t.status in ("not_started", "in_progress")]
        assert summary.total == len(own), summary.name
        assert summary.late == sum(1 for t in open_ if t.due and t.due < today), summary.name
        assert summary.due_this_month == sum(
            1 for t in open_ if t.due and (t.due.year, t.due.month) == (2024, 11)
        ), summary.name

    window.show_overview()
    grid = window.overview_model
    for row in range(grid.rowCount()):
        for month in (11, 12):
            cell = grid.index(row, month - 1)
            shown = int(cell.data() or 0)
            window.open_cell(cell)
            listed_tasks = _visible_task_ids(window, f"2024-{month:02d}")
            assert shown == len(listed_tasks), (
                grid.headerData(row, Qt.Orientation.Vertical),
                month,
            )
            window.show_overview()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen cannot raise a window
def test_after_an_import_the_panel_shows_no_task_of_the_plan_left_behind(
    make_window, storage
) -> None:
    """The sample's task was open on the right; importing the real plan switches the plan, and
    the buttons must not stay on a task the user no longer sees (they would change it)."""
    window = make_window(FakeClock(datetime(2026, 11, 25, 9, 0)))
    window.welcome.sample_button.click()
    sample_plan = window.plan_id
    first = repository.tasks(plan_ids=[sample_plan])[0]
    window.open_tasks([first.id])
    assert window.task_panel.current_task_id() == first.id

    window._after_import(import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt"))
    window.sample_question.done(0)  # keep the sample
    window.mine_dialog.reject()  # the "my departments" question
    assert window.plan_id != sample_plan
    assert window.task_panel.current_task_id() is None
    assert not window.task_panel.placeholder.isHidden()


def test_the_window_stops_at_960_by_540_or_what_a_smaller_screen_allows() -> None:
    assert minimum_size(QSize(1366, 728)) == QSize(960, 540)  # a laptop, taskbar below
    assert minimum_size(QSize(1280, 680)) == QSize(960, 540)  # 1920×1080 at 150 %
    assert minimum_size(QSize(800, 600)) == QSize(760, 540)


def test_at_the_smallest_window_the_search_box_and_the_task_text_keep_room(qtbot) -> None:
    """The panes as a 960×540 window holds them: the panes beside give way first."""
    panes = Workspace(lambda: date(2024, 6, 20))
    qtbot.addWidget(panes)
    panes.resize(960, 460)
    panes.show()
    QApplication.processEvents()
    assert panes.search_box.width() >= 150
    assert panes.month_view.columnWidth(COL_TEXT) >= 100


def test_small_things_a_user_expects_are_said_and_done(make_window, storage, qtbot) -> None:
    """Esc empties the search box; a saved change, F5 and the dialog's buttons speak plainly."""
    from desktop_app.ui.my_departments import MyDepartmentsDialog

    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    window.search_box.setFocus()
    window.search_box.setText("普法")  # typed (QTest types ASCII only)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""

    task = repository.tasks(plan_ids=[window.plan_id])[0]
    window.task_panel.show_task(task.id)
    assert window.task_panel.set_status("done")
    assert window.statusBar().currentMessage() == "已保存。"
    window.refresh_action.trigger()
    assert window.statusBar().currentMessage() == "已刷新。"

    window.choose_my_departments()  # from the toolbar: the user may simply cancel
    assert isinstance(window.mine_dialog, MyDepartmentsDialog)
    assert "取消" in [b.text() for b in window.mine_dialog.findChildren(QPushButton)]
    window.mine_dialog.reject()
    window.choose_my_departments(first_time=True)  # asked by the program: it can wait
    assert "以后再说" in [b.text() for b in window.mine_dialog.findChildren(QPushButton)]
    window.mine_dialog.reject()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen cannot raise a window
def test_a_task_marked_done_stays_in_sight(make_window, storage) -> None:
    """A late task marked done leaves 逾期 for its month: the view follows it there."""
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    late = repository.overdue(date(2024, 6, 20))[0]
    window.open_tasks([late.id])
    assert window.task_panel.set_status("done")
    index = window.month_model.find_task(late.id)
    assert index.isValid() and index.parent().data(GROUP_KEY_ROLE) != "late"
    assert window.month_view.currentIndex() == index
    assert window.month_view.isExpanded(index.parent())
    assert window.month_view.viewport().rect().intersects(window.month_view.visualRect(index))


def test_after_the_first_real_import_the_sample_can_go_in_one_click(make_window, storage) -> None:
    """The sample's tasks would stay among the real ones (and be reminded with 全部部门):
    offered once, removed with a backup, and the "my departments" question follows."""
    from desktop_app.ui.my_departments import MyDepartmentsDialog

    window = make_window(FakeClock(datetime(2026, 11, 25, 9, 0)))
    window.welcome.sample_button.click()
    result = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window._after_import(result)
    box = window.sample_question
    assert box is not None and "示例计划“示例：" in box.text()
    [remove] = [b for b in box.buttons() if b.text() == "删除示例"]
    remove.click()
    assert [p.id for p in repository.plans()] == [result.plan_id]
    assert window.plan_id == result.plan_id
    assert "已删除“示例：" in window.statusBar().currentMessage()
    assert any(storage.backups_dir.glob("*delete*"))  # taken before the deletion
    assert isinstance(window.mine_dialog, MyDepartmentsDialog)
    window.mine_dialog.reject()

    window.mine_dialog = None  # a later import: neither question again
    window._after_import(import_file(storage, FIXTURES / "000_9ec6db43f1a77751.txt"))
    assert window.sample_question is None and window.mine_dialog is None


def test_the_plan_selector_opens_wide_enough_for_whole_titles(make_window, storage) -> None:
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    window = make_window()
    combo = window.plan_combo
    title = combo.itemText(0)
    assert combo.width() < combo.fontMetrics().horizontalAdvance(title)  # cut in the box
    assert combo.view().minimumWidth() >= combo.fontMetrics().horizontalAdvance(title)
