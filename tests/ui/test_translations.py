"""The English translation: every tr() string translated, the .qm compiled from the .ts, and a
real main window speaking English with the translator installed (and Chinese without it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.theme import state_name
from tests.helpers.languages import in_language
from tests.helpers.scripts import load_script
from tests.storage_helpers import FakeClock

ROOT = Path(__file__).resolve().parents[2]
TODAY = datetime(2026, 11, 25, 9, 0)
# Chinese characters and full-width punctuation, which have no place in the English text.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
HAN = re.compile(r"[\u4e00-\u9fff]")  # for widgets, where the code's own separators (　) may stay
# {0}, {1}: what the code fills in; each must survive translation exactly. (Broad on
# purpose: a %1 or {name} that crept in is compared too, and refused below.)
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")
# The one style is positional str.format, {0} {1}…; not Qt's %1, not {name}, not a bare {}.
OTHER_STYLE = re.compile(r"%\d|(?<!\{)\{(?!\d+\})\w*\}(?!\})")


script = load_script("update_translations")
COMMITTED = script.messages(script.TS_FILE)


def _english(context: str, source: str) -> str:
    text = COMMITTED[(context, source)]
    assert text, f"[{context}] {source!r} has no English translation"
    return text


def _describe(keys: list[tuple[str, str]]) -> str:
    return "\n".join(f"  [{context}] {source!r}" for context, source in sorted(keys))


# -- the .ts and the .qm ------------------------------------------------------------------


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    tool = script.find_tool("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not found next to the interpreter or on PATH")
    fresh = tmp_path / "fresh.ts"
    script.lupdate(fresh, tool=tool, quiet=True)
    current = script.messages(fresh)
    assert len(current) > 200, "lupdate found suspiciously few strings"
    missing = [key for key in current if key not in COMMITTED]
    unfinished = [key for key in current if key in COMMITTED and COMMITTED[key] is None]
    assert not missing and not unfinished, (
        "Strings without an English translation; run `python3 scripts/update_translations.py`, "
        "translate them in resources/i18n/deadline_reminder_en.ts, then run it again.\n"
        + (f"Not in the .ts:\n{_describe(missing)}\n" if missing else "")
        + (f"Unfinished:\n{_describe(unfinished)}" if unfinished else "")
    )


def test_translations_keep_placeholders_and_accelerators() -> None:
    wrong = []
    for (context, source), english in COMMITTED.items():
        if english is None:
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english)):
            wrong.append(f"[{context}] {source!r} → {english!r}: placeholders differ")
        if source.count("&") != english.count("&"):
            wrong.append(f"[{context}] {source!r} → {english!r}: accelerator differs")
        if CJK.search(re.sub(r"“[^”]*”", "", english)):  # quoted Chinese names may stay
            wrong.append(f"[{context}] {source!r} → {english!r}: Chinese left in the English")
    assert not wrong, "\n".join(wrong)


def test_placeholders_are_positional() -> None:
    """Every translated string fills in as self.tr("…{0}…").format(x): one style, so a call
    site never has to be read to know whether to .replace("%1", …) or .format(name=…)."""
    wrong = [
        f"  [{context}] {source!r}: {', '.join(OTHER_STYLE.findall(source))}"
        for context, source in COMMITTED
        if OTHER_STYLE.search(source)
    ]
    assert not wrong, (
        'Use positional placeholders, self.tr("…{0}…").format(x), in these sources '
        "(and their translations), then run `python3 scripts/update_translations.py`:\n"
        + "\n".join(wrong)
    )


def test_the_qm_is_compiled_from_the_ts(qapp: QApplication) -> None:
    """Every message of the .ts, as the shipped .qm answers it (rerun the script if not)."""
    translator = QTranslator()
    assert translator.load(str(script.QM_FILE)), f"cannot load {script.QM_FILE}"
    stale = [
        f"  [{context}] {source!r}: .ts {english!r}, .qm {translator.translate(context, source)!r}"
        for (context, source), english in COMMITTED.items()
        if english is not None and translator.translate(context, source) != english
    ]
    assert not stale, (
        "resources/i18n/deadline_reminder_en.qm is out of date with the .ts; run "
        "`python3 scripts/update_translations.py`.\n" + "\n".join(stale)
    )


# -- the window in both languages ---------------------------------------------------------


@pytest.fixture
def make_window(make_window, make_storage):
    def make() -> MainWindow:
        return make_window(make_storage(TODAY), FakeClock(TODAY))

    return make


def _shown_texts(window: MainWindow) -> dict[tuple[str, str], str]:
    """(context, Chinese source) → what the widget built from it shows now."""
    menus = [a.text() for a in window.menuBar().actions()]
    return {
        ("MainWindow", "工作要点督办提醒"): window.windowTitle(),
        ("WindowActions", "导入工作要点…"): window.import_action.text(),
        ("WindowActions", "刷新"): window.refresh_action.text(),
        ("WindowActions", "按月"): window.months_button.text(),
        ("WindowActions", "总览"): window.overview_button.text(),
        ("WindowActions", "我的部门…"): window.mine_action.text(),
        ("WindowActions", "设置…"): window.settings_action.text(),
        ("WindowActions", "文件(&F)"): menus[0],
        ("WindowActions", "查看(&V)"): menus[1],
        ("WindowActions", "工具(&T)"): menus[3],  # after 任务(&K)
        ("MainWindow", "只看我的部门"): window.mine_only.text(),
        ("TaskViews", "还没有导入工作要点"): window.status_label.text(),
        ("WelcomePage", "工作要点督办提醒"): window.welcome.findChildren(QLabel)[0].text(),
        ("WelcomePage", "导入工作要点…"): window.welcome.import_button.text(),
        ("WelcomePage", "查看示例"): window.welcome.sample_button.text(),
        ("State", "逾期"): state_name("late"),
        ("State", "未达序时进度"): state_name("lagging"),
        ("QuickFilters", "本月到期"): window.quick_filters.buttons["due_this_month"].text(),
    }


def test_main_window_in_english(english, make_window) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    shown = _shown_texts(window)
    expected = {key: _english(*key) for key in shown}
    assert shown == expected
    assert not [text for text in shown.values() if HAN.search(text)]
    # Built at construction: the legend under the month view and the filter boxes.
    legend = window.legend.text()
    assert _english("State", "逾期") in legend and not HAN.search(legend), legend
    assert window.status_filter.itemText(0) == _english("MainWindow", "全部状态")
    # After the sample is imported the models speak English too.
    window.welcome.sample_button.click()
    assert window.pages.currentWidget() is window.splitter
    everyone = window.department_model.index(0).data(Qt.ItemDataRole.DisplayRole)
    assert everyone.startswith(_english("DepartmentListModel", "全部部门")), everyone
    header = window.month_model.headerData(1, Qt.Orientation.Horizontal)
    assert header == _english("MonthTaskModel", "任务")
    november = window.month_model.group_row("2026-11")
    assert november is not None
    title = window.month_model.index(november, 0).data(Qt.ItemDataRole.DisplayRole)
    assert title.startswith(_english("MonthTaskModel", "{0}月").format(11)), title
    assert not HAN.search(title), title


def test_main_window_in_chinese_without_a_translator(make_window) -> None:
    window = make_window()
    shown = _shown_texts(window)
    assert shown == {key: key[1] for key in shown}
    assert "逾期" in window.legend.text()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Qt's own dialogs in Chinese (our strings are Chinese already)."""
    with in_language(qapp, "zh_CN") as installed:
        yield installed


def test_qt_s_own_file_dialog_is_chinese_to_the_last_label(chinese, qtbot) -> None:
    """This Qt release renamed two file-dialog labels (&Look in:, Files of &type:) and its
    qtbase_zh_CN.qm lacks them; resources/i18n/qtbase_extra_zh_CN fills them in."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(None, "选择工作要点文档")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert len(labels) >= 3
    assert all(HAN.search(text) for text in labels), labels
    extra = script.messages(script.QT_EXTRA_TS)
    translator = QTranslator()
    assert translator.load(str(script.QT_EXTRA_QM))
    assert {key: translator.translate(*key) for key in extra} == extra  # .qm up to date
