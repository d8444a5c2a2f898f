"""The plan's title in the import preview: typed, corrected, cleared or refused, and what is
imported under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from db import repository
from db.models import Plan
from desktop_app.services.importer import import_file
from desktop_app.services.plan_target import TITLE_MAX
from desktop_app.ui import import_wizard
from desktop_app.ui.import_wizard import PREVIEW_PAGE, SUMMARY_PAGE, ImportWizard
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage
from tests.test_import import revised_003
from tests.ui.wizard_helpers import open_wizard

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
TITLE_003 = "2024年普陀区司法行政工作要点和责任分工"
XIANYANG = FIXTURES / "other_bureaus" / "xianyang_2022_traditional.txt"
TYPED = "咸阳市2022年深化放管服改革优化营商环境工作要点"
CORRECTED = "普陀区司法局2024年司法行政工作要点"


pytestmark = pytest.mark.usefixtures("wizard_jobs_end")


def _type(field: QLineEdit, text: str) -> None:
    """``text`` typed into ``field`` as a Chinese input method enters it: committed at
    once (QTest's key clicks know only ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def _type_title(qtbot: QtBot, wizard: ImportWizard, text: str) -> None:
    """Empty the title field and type ``text`` into it, as the liaison would."""
    field = wizard.title_edit
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == ""
    if text:
        _type(field, text)


def _dry_run(qtbot: QtBot, wizard: ImportWizard) -> None:
    """What the pause after typing would start, started now; back once it is shown."""
    with qtbot.waitSignal(wizard.dry_run_shown, timeout=30_000):
        wizard.refresh_diff()


def _import(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.import_button.isVisible() and wizard.import_button.isEnabled()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == SUMMARY_PAGE


def test_a_title_typed_for_a_document_without_one_is_the_plans(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    wizard = open_wizard(qtbot, storage, XIANYANG)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert wizard.title_edit.text() == ""
    assert wizard.title_edit.placeholderText() == "未识别出标题，请输入计划名称"
    assert "新的工作要点" in wizard.status_label.text()

    _type_title(qtbot, wizard, TYPED)
    assert wizard.model.title() == TYPED
    assert wizard.model.parsed_plan().title == TYPED
    _dry_run(qtbot, wizard)
    _import(qtbot, wizard)
    assert [p.title for p in repository.plans()] == [TYPED]
    assert TYPED in wizard.summary_title.text()


def test_a_revision_of_it_keeps_the_typed_title_even_with_the_field_cleared(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    first = open_wizard(qtbot, storage, XIANYANG)
    _type_title(qtbot, first, TYPED)
    _import(qtbot, first)
    first.close()
    copy = tmp_path / "xianyang_copy.txt"  # another file with the same tasks, no title
    copy.write_text(XIANYANG.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    wizard = open_wizard(qtbot, storage, copy)
    assert wizard.title_edit.text() == TYPED  # the title the plan has, not the document's none
    assert f"“{TYPED}”" in wizard.status_label.text()
    _type_title(qtbot, wizard, "")
    assert wizard.title_edit.placeholderText() == f"请输入计划名称（留空则沿用“{TYPED}”）"
    _dry_run(qtbot, wizard)
    assert "改为" not in wizard.status_label.text()
    _import(qtbot, wizard)
    assert f"“{TYPED}”没有任何变化" in wizard.summary_title.text()
    assert Plan.select().count() == 1 and Plan.get().title == TYPED


def test_clearing_a_recognised_title_imports_the_plan_without_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    wizard = open_wizard(qtbot, storage, PLAN_003)
    assert wizard.title_edit.text() == TITLE_003
    _type_title(qtbot, wizard, "")
    assert wizard.model.title() is None
    assert wizard.title_edit.placeholderText() == "请输入计划名称（留空则不设名称）"
    _type_title(qtbot, wizard, "   ")  # spaces only are no title either
    assert wizard.model.title() is None
    _dry_run(qtbot, wizard)
    _import(qtbot, wizard)
    assert [(p.title, p.tasks) for p in repository.plans()] == [(None, 89)]
    assert "未命名计划" in wizard.summary_title.text()


def test_too_long_a_title_is_refused_with_a_message_and_nothing_is_imported(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    wizard = open_wizard(qtbot, storage, PLAN_003)
    assert wizard.title_error.isHidden() and wizard.import_button.isEnabled()
    _type_title(qtbot, wizard, "某" * (TITLE_MAX + 1))
    assert not wizard.title_error.isHidden()
    assert f"最多 {TITLE_MAX} 个字" in wizard.title_error.text()
    assert f"现在有 {TITLE_MAX + 1} 个字" in wizard.title_error.text()
    assert not wizard.import_button.isEnabled()
    wizard.import_now()  # as if the button could be reached all the same
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert Plan.select().count() == 0

    qtbot.keyClick(wizard.title_edit, Qt.Key.Key_Backspace)  # short enough again
    assert wizard.title_error.isHidden() and wizard.import_button.isEnabled()
    _dry_run(qtbot, wizard)
    _import(qtbot, wizard)
    assert [p.title for p in repository.plans()] == ["某" * TITLE_MAX]


def test_a_corrected_title_stays_when_the_revised_document_comes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    first = open_wizard(qtbot, storage, PLAN_003)
    _type_title(qtbot, first, CORRECTED)
    _dry_run(qtbot, first)
    _import(qtbot, first)
    assert CORRECTED in first.summary_title.text()
    first.close()
    revised = tmp_path / "revised.txt"
    revised.write_text(revised_003(PLAN_003.read_text(encoding="utf-8")), encoding="utf-8")

    wizard = open_wizard(qtbot, storage, revised)
    assert wizard.model.document_title() == TITLE_003
    assert wizard.title_edit.text() == CORRECTED
    assert f"这是已导入的“{CORRECTED}”的修订稿" in wizard.status_label.text()
    _import(qtbot, wizard)
    assert [p.title for p in repository.plans()] == [CORRECTED]
    assert f"已按修订稿更新“{CORRECTED}”" in wizard.summary_title.text()


def test_a_title_typed_for_the_same_file_again_renames_its_plan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    wizard = open_wizard(qtbot, storage, PLAN_003)
    assert "已经导入过" in wizard.status_label.text()
    assert not wizard.import_button.isEnabled()
    _type_title(qtbot, wizard, CORRECTED)
    _dry_run(qtbot, wizard)
    assert f"导入后计划名称将改为“{CORRECTED}”" in wizard.status_label.text()
    _import(qtbot, wizard)
    assert [p.title for p in repository.plans()] == [CORRECTED]
    assert f"计划名称由“{TITLE_003}”改为“{CORRECTED}”" in wizard.summary_title.text()


def test_typing_a_title_starts_one_dry_run_after_the_pause_not_one_per_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(qtbot, new_storage(tmp_path), XIANYANG)
    titles: list[str | None] = []
    dry_run = import_wizard.jobs.dry_run

    def counted(storage, plan, **kwargs):
        titles.append(plan.title)
        return dry_run(storage, plan, **kwargs)

    monkeypatch.setattr(import_wizard.jobs, "dry_run", counted)
    for word in ("咸阳市", "2022年", "工作要点"):
        _type(wizard.title_edit, word)
    qtbot.keyClicks(wizard.title_edit, " v2")
    assert titles == []  # nothing yet: the pause after the last key starts it
    with qtbot.waitSignal(wizard.dry_run_shown, timeout=30_000):
        pass  # the dialog's own timer, not the test, starts it
    assert titles == ["咸阳市2022年工作要点 v2"]


def test_a_title_too_long_to_be_seen_whole_is_in_the_fields_tooltip(
    qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, new_storage(tmp_path), PLAN_003)
    assert TITLE_003 not in wizard.title_edit.toolTip()  # seen whole in the field
    long_title = (
        "上海市普陀区司法局关于印发" + "《2024年普陀区司法行政工作要点和责任分工》" * 4 + "的通知"
    )
    _type_title(qtbot, wizard, long_title)
    assert wizard.title_error.isHidden()  # long, yet under the limit
    assert long_title in wizard.title_edit.toolTip()
    assert wizard.title_edit.toolTip().startswith("计划名称：")
