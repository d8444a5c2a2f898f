"""The import wizard, driven with qtbot: preview, corrections, revision diff, errors, summary."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFileDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import repository
from db.connection import open_storage
from db.models import Plan, Task, TaskChange
from desktop_app.plans.parser import parse_file, parse_text
from desktop_app.services.importer import import_file
from desktop_app.ui.import_wizard import CHOOSE_PAGE, PREVIEW_PAGE, SUMMARY_PAGE, ImportWizard
from desktop_app.ui.models.preview_model import (
    DEADLINE,
    HAS_WARNING_ROLE,
    LABEL,
    LEAD,
    NOTE,
    RESPONSIBLE,
    TEXT,
    PreviewModel,
)
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT, REPORT_2020
from tests.storage_helpers import FakeClock, new_storage
from tests.ui.wizard_helpers import open_wizard

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
REPORT = FIXTURES / f"{REPORT_2020}.txt"
NO_OWNER_PLAN = (
    "某区司法局2024年工作要点\n"
    "1. 开展普法宣传。（完成时间：6月）\n"
    "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n"
)
REMOVED = "5. 做好向区委常委会汇报2023年度法治普陀建设相关工作。"


pytestmark = pytest.mark.usefixtures("wizard_jobs_end")


_wizard = open_wizard


def _load(qtbot: QtBot, wizard: ImportWizard, path: Path) -> bool:
    """Read ``path`` as a drop or 选择文件… does; whether the preview came up."""
    with qtbot.waitSignal(wizard.file_read, timeout=30_000) as blocker:
        wizard.load_file(path)
    return blocker.args[0]


def _no_owner_file(tmp_path: Path) -> Path:
    assert [w.code for w in parse_text(NO_OWNER_PLAN).warnings] == ["no_owner"]
    path = tmp_path / "no_owner_plan.txt"
    path.write_text(NO_OWNER_PLAN, encoding="utf-8")
    return path


def _revised_003(tmp_path: Path) -> Path:
    """003 with task 5 dropped and task 9 moved from September to October."""
    text = PLAN_003.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith(REMOVED)]
    assert len(lines) == len(text.split("\n")) - 1
    revised = "\n".join(lines).replace("完成时间：9 月）", "完成时间：10 月）", 1)
    path = tmp_path / "revised.txt"
    path.write_text(revised, encoding="utf-8")
    return path


def _row_of(model: PreviewModel, label: str) -> int:
    [row] = [r for r in range(model.rowCount()) if model.task(r).label == label]
    return row


def _stored(label: str) -> repository.TaskRow:
    [row] = [t for t in repository.tasks(include_archived=True) if t.label == label]
    return row


def _click(qtbot: QtBot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_003_preview_highlights_warnings_and_imports_the_corrected_deadline(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    wizard = _wizard(qtbot, storage)
    assert wizard.pages.currentIndex() == CHOOSE_PAGE
    assert not wizard.next_button.isEnabled()

    assert _load(qtbot, wizard, PLAN_003)
    model = wizard.model
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert model.rowCount() == 89 == wizard.table.model().rowCount()
    assert wizard.title_edit.text() == "2024年普陀区司法行政工作要点和责任分工"
    assert wizard.year_edit.value() == 2024
    assert wizard.date_check.isChecked()
    assert wizard.date_edit.date().toPython() == date(2024, 2, 22)
    assert "新增 89 项任务" in wizard.status_label.text()
    assert "2 项需要核对" in wizard.check_label.text()
    assert wizard.diff_box.isHidden()

    assert [model.task(r).label for r in model.warning_rows()] == ["23", "58"]
    row = _row_of(model, "23")
    assert model.index(row, LABEL).data(HAS_WARNING_ROLE)
    assert model.index(row, TEXT).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "早于发文日期" in model.index(row, NOTE).data()
    assert model.index(0, NOTE).data() == ""

    assert model.setData(model.index(row, DEADLINE), "3月")
    assert not model.index(row, LABEL).data(HAS_WARNING_ROLE)
    assert model.index(row, TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(row, DEADLINE).data() == "3月（2024-03-31）"
    assert "1 项需要核对" in wizard.check_label.text()
    assert Plan.select().count() == 0  # a preview writes nothing

    with qtbot.waitSignal(wizard.imported) as imported:
        _click(qtbot, wizard.import_button)
    result = imported.args[0]
    assert (result.outcome, result.count("added")) == ("created", 89)
    assert Task.select().count() == 89
    edited = _stored("23")
    # The document's wording stays on record; the user's date is a correction in force.
    assert (edited.deadline_raw, edited.due, edited.deadline_corrected) == (
        "1月",
        date(2024, 3, 31),
        True,
    )
    assert _stored("58").due == date(2024, 1, 31)

    assert wizard.pages.currentIndex() == SUMMARY_PAGE
    assert "新增 89 项" in wizard.summary_label.text()
    assert wizard.warning_list.count() == 1
    assert "任务 58" in wizard.warning_list.item(0).text()
    _click(qtbot, wizard.finish_button)
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_owner_given_to_a_no_owner_task_clears_its_warning_and_is_stored(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    wizard = _wizard(qtbot, storage, _no_owner_file(tmp_path))
    model = wizard.model
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert model.warning_rows() == [0]
    assert "没有标注牵头或责任部门" in model.index(0, NOTE).data()

    assert model.setData(model.index(0, RESPONSIBLE), "普法科")
    assert model.warning_rows() == []
    assert model.index(0, TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.parsed_plan().warnings == ()

    _click(qtbot, wizard.import_button)
    assert _stored("1").responsible == ("普法科",)
    assert _stored("2").responsible == ("办公室",)
    assert wizard.warning_list.isHidden()
    assert "没有仍需核对的提示" in wizard.warnings_heading.text()


def test_clearing_every_owner_raises_the_warning_again(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path), _no_owner_file(tmp_path))
    model = wizard.model
    assert model.setData(model.index(1, RESPONSIBLE), "")
    assert model.warning_rows() == [0, 1]
    assert model.setData(model.index(1, LEAD), "办公室，普法科")
    assert model.task(1).lead == ("办公室", "普法科")
    assert model.warning_rows() == [0]


def test_owner_editor_completes_department_names_from_database_and_plan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    wizard = _wizard(qtbot, storage, _no_owner_file(tmp_path))
    index = wizard.model.index(0, LEAD)
    wizard.table.edit(index)
    editor = wizard.table.viewport().findChild(QLineEdit)
    assert editor is not None
    completer = editor.completer()
    names = completer.model().stringList()
    assert "普法与依法治理科" in names  # known from the database
    assert "办公室" in names  # named in this plan

    editor.setText("办公室、普法")
    assert completer.splitPath(editor.text()) == ["普法"]
    completer.setCompletionPrefix("普法")
    found = completer.completionModel().index(0, 0)
    assert completer.pathFromIndex(found) == "办公室、" + found.data()

    editor.setText("办公室、普法与依法治理科")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next event loop pass
    qtbot.waitUntil(lambda: wizard.model.task(0).lead == ("办公室", "普法与依法治理科"))
    assert wizard.model.warning_rows() == []


def test_deadline_editor_offers_months_ongoing_and_none(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path), PLAN_003)
    model = wizard.model
    row = _row_of(model, "1")
    assert model.task(row).deadline.raw == "12月"
    wizard.table.edit(model.index(row, DEADLINE))
    combo = wizard.table.viewport().findChild(QComboBox)
    assert combo is not None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [f"{m}月" for m in range(1, 13)] + ["持续推进", "未标注"]
    assert combo.currentText() == "12月"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # picks the next entry at once
    deadline = model.task(row).deadline
    assert (deadline.kind, deadline.raw, deadline.due) == ("ongoing", "持续推进", None)

    assert model.setData(model.index(row, DEADLINE), "未标注")
    assert model.task(row).deadline.kind == "none"
    assert model.index(row, DEADLINE).data() == "未标注"
    assert not model.setData(model.index(row, DEADLINE), "下个月吧")
    assert not model.setData(model.index(row, DEADLINE), 13)


def test_year_change_moves_the_due_dates(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path), PLAN_003)
    model = wizard.model
    first, flagged = _row_of(model, "1"), _row_of(model, "23")
    ongoing = next(r for r in range(model.rowCount()) if model.task(r).deadline.kind == "ongoing")
    assert model.task(first).deadline.due == date(2024, 12, 31)

    wizard.year_edit.setValue(2025)
    assert model.year() == 2025
    assert model.task(first).deadline.due == date(2025, 12, 31)
    assert model.task(flagged).deadline.due == date(2025, 1, 31)
    assert model.task(ongoing).deadline.due is None
    assert model.index(first, DEADLINE).data() == "12月（2025-12-31）"
    # January 2025 is no longer before the document date (22 February 2024).
    assert model.warning_rows() == []
    plan = model.parsed_plan()
    assert plan.year == 2025
    assert {t.deadline.due.year for t in plan.tasks if t.deadline.due} == {2025}

    assert model.setData(model.index(first, DEADLINE), 6)
    assert model.task(first).deadline.due == date(2025, 6, 30)

    wizard.date_edit.setDate(date(2025, 2, 22))
    assert model.issued_on() == date(2025, 2, 22)
    assert [model.task(r).label for r in model.warning_rows()] == ["23", "58"]
    wizard.date_check.setChecked(False)
    assert model.issued_on() is None
    assert model.warning_rows() == []


def test_a_year_given_to_a_plan_without_one_dates_its_deadlines(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "no_year.txt"
    path.write_text(
        "某区司法局工作要点\n"
        "1. 开展普法宣传。（责任部门：办公室。完成时间：6月30日前）\n"
        "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n",
        encoding="utf-8",
    )
    wizard = _wizard(qtbot, new_storage(tmp_path), path)
    model = wizard.model
    assert wizard.year_edit.text() == "未识别"
    assert model.warning_rows() == [0, 1]
    assert model.task(0).deadline.due is None

    wizard.year_edit.setValue(2024)
    assert model.task(0).deadline.due == date(2024, 6, 30)
    assert model.task(1).deadline.due == date(2024, 9, 30)
    assert model.warning_rows() == []
    _click(qtbot, wizard.import_button)
    assert _stored("2").due == date(2024, 9, 30)


def test_revision_diff_is_shown_and_nothing_is_written_before_import(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    revised = _revised_003(tmp_path)

    def counts() -> tuple[int, int, int]:
        active = Task.select().where(Task.archived_at.is_null()).count()
        return Task.select().count(), active, TaskChange.select().count()

    before = counts()
    assert before == (89, 89, 0)
    wizard = _wizard(qtbot, storage, revised)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert not wizard.diff_box.isHidden()
    assert "修订稿" in wizard.status_label.text()
    summary = wizard.diff_summary.text()
    assert "新增 0 项" in summary and "变更 1 项" in summary and "删除 1 项" in summary
    lines = [wizard.diff_list.item(i).text() for i in range(wizard.diff_list.count())]
    assert len(lines) == 2
    assert any(line.startswith("变更 9：完成时间") and "2024-10-31" in line for line in lines)
    assert any(line.startswith("删除 5：做好向区委常委会汇报") for line in lines)
    assert counts() == before

    # A correction in the preview is shown with the diff, still without writing; it is the
    # user's, not the document's, so it counts apart from the document's changes.
    model = wizard.model
    assert model.setData(model.index(_row_of(model, "10"), DEADLINE), "11月")
    with qtbot.waitSignal(wizard.dry_run_shown, timeout=30_000):  # on the dry-run pool
        wizard.refresh_diff()
    assert "变更 1 项" in wizard.diff_summary.text()
    assert "您更正了 1 项" in wizard.diff_summary.text()
    assert counts() == before

    _click(qtbot, wizard.import_button)
    assert counts()[:2] == (89, 88)
    assert counts()[2] > 0
    assert _stored("9").due == date(2024, 10, 31)
    assert _stored("10").due == date(2024, 11, 30)
    assert _stored("10").deadline_corrected
    assert "变更 1 项" in wizard.summary_label.text()
    assert "您更正了 1 项" in wizard.summary_label.text()
    assert "删除 1 项" in wizard.summary_label.text()


def test_the_same_file_again_says_nothing_will_change(qtbot: QtBot, tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    wizard = _wizard(qtbot, storage, PLAN_003)
    assert "已经导入过" in wizard.status_label.text()
    assert "您在程序里做过的更正都已保存" in wizard.status_label.text()  # the notes are the file's
    assert "不会改变任何内容" in wizard.status_label.text()
    assert not wizard.import_button.isEnabled()
    _click(qtbot, wizard.cancel_button)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert Plan.select().count() == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.txt", REPORT.read_bytes(), "年度报告"),
        ("x.docx", b"\x00\x01garbage", "文件已损坏"),
    ],
)
def test_a_report_or_a_broken_file_is_refused_in_chinese(
    qtbot: QtBot, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    storage = new_storage(tmp_path)
    wizard = _wizard(qtbot, storage, path)
    assert wizard.pages.currentIndex() == CHOOSE_PAGE
    assert not wizard.error_label.isHidden()
    message = wizard.error_label.text()
    assert expected in message
    assert "Traceback" not in message and "Error" not in message
    assert not wizard.next_button.isEnabled()
    assert not _load(qtbot, wizard, path)
    assert Plan.select().count() == 0
    assert Task.select().count() == 0


def test_in_an_english_window_a_broken_file_is_refused_in_english(
    english, qtbot: QtBot, tmp_path: Path
) -> None:
    """The reader's error carries both languages; the window shows the one it speaks."""
    path = tmp_path / "x.docx"
    path.write_bytes(b"\x00\x01garbage")
    wizard = _wizard(qtbot, new_storage(tmp_path), path)
    message = wizard.error_label.text()
    assert "damaged" in message and path.name in message
    assert not re.search(r"[\u4e00-\u9fff]", message), message


def test_a_locked_database_leaves_nothing_written(qtbot: QtBot, tmp_path: Path) -> None:
    db_path = tmp_path / "tasks.sqlite3"
    storage = open_storage(db_path, clock=FakeClock(datetime(2024, 3, 1, 9)), busy_timeout=0.1)
    wizard = _wizard(qtbot, storage, _no_owner_file(tmp_path))
    other = sqlite3.connect(db_path, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")
        _click(qtbot, wizard.import_button)
        assert wizard.pages.currentIndex() == PREVIEW_PAGE
        assert "数据库正被另一个程序占用" in wizard.preview_error.text()
        assert not wizard.preview_error.isHidden()
    finally:
        other.rollback()
        other.close()
    assert Plan.select().count() == 0
    _click(qtbot, wizard.import_button)
    assert wizard.pages.currentIndex() == SUMMARY_PAGE
    assert Task.select().count() == 2


def test_a_file_dropped_on_the_first_page_is_read(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, new_storage(tmp_path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_no_owner_file(tmp_path)))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(wizard.drop_area, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(wizard.file_read, timeout=30_000):
        QApplication.sendEvent(wizard.drop_area, drop)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert wizard.model.rowCount() == 2

    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile(str(PLAN_003)), QUrl.fromLocalFile(str(REPORT))])
    refused = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        two,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(wizard.drop_area, refused)
    assert not refused.isAccepted()


def test_choose_button_back_and_next(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_open(parent: object, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(PLAN_003), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    wizard = _wizard(qtbot, new_storage(tmp_path))
    with qtbot.waitSignal(wizard.file_read, timeout=30_000):
        _click(qtbot, wizard.choose_button)
    assert "工作要点文档 (*.docx *.pdf *.txt *.xlsx *.ofd *.doc *.wps)" in asked[0]
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    _click(qtbot, wizard.back_button)
    assert wizard.pages.currentIndex() == CHOOSE_PAGE
    _click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert wizard.model.rowCount() == 89


@pytest.mark.qt_log_level_fail("WARNING")
def test_preview_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    parsed = parse_file(PLAN_003)
    for force_py in (False, True):
        model = PreviewModel()
        qtmodeltester.check(model, force_py=force_py)
        model.set_plan(parsed, ["办公室", "普法科"])
        assert model.rowCount() == 89
        assert model.columnCount() == 6
        assert model.setData(model.index(0, RESPONSIBLE), "普法科、办公室")
        assert model.setData(model.index(1, DEADLINE), 3)
        model.set_year(2025)
        model.set_issued_on(None)
        model.set_plan(parse_text(NO_OWNER_PLAN))
        assert model.warning_rows() == [0]
        model.set_plan(None)
        assert model.rowCount() == 0


def test_the_label_column_shows_whole_labels_with_the_warning_icon(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """000's labels are like （一）-1; a flagged row has an icon before them too."""
    wizard = _wizard(qtbot, new_storage(tmp_path), FIXTURES / "000_9ec6db43f1a77751.txt")
    header = wizard.table.horizontalHeader()
    metrics = wizard.table.fontMetrics()
    longest = max(
        (wizard.model.task(r).label for r in range(wizard.model.rowCount())),
        key=metrics.horizontalAdvance,
    )
    assert longest.startswith("（")
    assert header.sectionSize(LABEL) >= metrics.horizontalAdvance(longest) + 16 + 8


def test_last_year_s_plan_is_pointed_out_before_it_is_imported(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """In 2026 the 2024 plan would import as all overdue: the preview says so first."""
    storage = new_storage(tmp_path, datetime(2026, 11, 25, 9, 0))
    wizard = _wizard(qtbot, storage, PLAN_003)
    assert "这是 2024 年的工作要点，今年是 2026 年" in wizard.check_label.text()
    wizard.year_edit.setValue(2026)  # the year was misread: corrected, the note goes
    assert "今年是" not in wizard.check_label.text()

    this_year = _wizard(qtbot, new_storage(tmp_path / "other", datetime(2024, 3, 1, 9)), PLAN_003)
    assert "今年是" not in this_year.check_label.text()


def test_the_preview_points_at_tasks_a_revision_cannot_tell_apart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.services import tasks
    from tests.test_import import TWIN_PLAN, TWIN_REVISED

    storage = new_storage(tmp_path)
    first = tmp_path / "a.txt"
    first.write_text(TWIN_PLAN, encoding="utf-8")
    import_file(storage, first)
    tasks.add_note(storage, repository.tasks()[1].id, "第二项的进展")
    revised = tmp_path / "b.txt"
    revised.write_text(TWIN_REVISED, encoding="utf-8")
    wizard = _wizard(qtbot, storage, revised)
    top = wizard.diff_list.item(0)
    assert top.text().startswith("请核对：按时报送信息。（原第 1、2 项，修订稿第 1 项）")
    assert "进度和备注可能落在了另一项上" in top.toolTip()
    assert not top.icon().isNull()
