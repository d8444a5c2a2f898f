"""The words of user errors: written once, in each layer's ``errors`` module, in both
languages with the same placeholders; in the window's translation file as written there; and
never as a sentence at a raise site."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from db import errors as db_errors
from desktop_app.errors import CATALOGUE_MODULES, TRANSLATION_CONTEXT, UserError, Words, catalogue
from desktop_app.plans.errors import PlanReadError
from tests.helpers.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")
ERROR_CLASSES = {
    "UserError",
    "PlanReadError",
    "ServiceError",
    "StorageError",
    "CorruptDatabaseError",
}


WORDS = catalogue()


def test_the_catalogue_holds_every_layers_words() -> None:
    layers = {name.rsplit(".", 1)[0] for name in WORDS}
    assert layers == set(CATALOGUE_MODULES)
    assert len(WORDS) > 60


@pytest.mark.parametrize("name", sorted(WORDS))
def test_each_message_is_written_in_both_languages(name: str) -> None:
    words = WORDS[name]
    assert HAN.search(words.zh), f"{name}: no Chinese in {words.zh!r}"
    english = re.sub(r"“[^”]*”", "", words.en)  # a quoted Chinese name may stay
    assert re.search(r"[A-Za-z]{3}", english) and not HAN.search(english), words.en


def test_one_chinese_source_means_one_english() -> None:
    """The translation file keys a message by its Chinese: two English texts for one
    Chinese would leave the window saying one of them for both."""
    english: dict[str, set[str]] = {}
    for words in WORDS.values():
        english.setdefault(words.zh, set()).add(words.en)
    assert not {zh: ens for zh, ens in english.items() if len(ens) > 1}


def test_the_translation_file_carries_the_catalogue_as_written() -> None:
    script = load_script("update_translations")
    committed = script.messages(script.TS_FILE)
    stale = [
        f"  {name}: {words.zh!r} → .ts {committed.get((TRANSLATION_CONTEXT, words.zh))!r}"
        for name, words in sorted(WORDS.items())
        if committed.get((TRANSLATION_CONTEXT, words.zh)) != words.en
    ]
    ours = {zh for (context, zh) in committed if context == TRANSLATION_CONTEXT}
    left = ours - {words.zh for words in WORDS.values()}
    assert not stale and not left, (
        "Run `python3 scripts/update_translations.py`; the .ts differs from the catalogue:\n"
        + "\n".join(stale)
        + "".join(f"\n  not in the catalogue: {zh!r}" for zh in sorted(left))
    )


def _python_files() -> list[Path]:
    return sorted([*(ROOT / "desktop_app").rglob("*.py"), *(ROOT / "db").rglob("*.py")])


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_no_raise_site_writes_a_sentence() -> None:
    """An error is raised with catalogue ``Words`` and parameters, not with its text: a
    sentence written at the raise site would reach the window untranslated."""
    catalogue_files = {*CATALOGUE_MODULES, "desktop_app.errors"}
    wrong = []
    for path in _python_files():
        module = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
            if name in ERROR_CLASSES and any(_is_text(arg) for arg in node.args[1:]):
                wrong.append(f"  {where}: {name}(…) with its words written out")
            if name == "Words" and module not in catalogue_files:
                wrong.append(f"  {where}: Words(…) outside the catalogue modules")
    assert not wrong, "Name Words of a layer's errors module instead:\n" + "\n".join(wrong)


# -- how the words are said ---------------------------------------------------------------


def test_parameters_are_said_in_the_language_of_the_message() -> None:
    part = Words("已保存的数据没有改动", "nothing stored was changed")
    error = UserError(
        "demo",
        Words("无法保存：{0}。{1}；重复：{2}", "Cannot save: {0}. {1}; repeated: {2}"),
        "a.db",
        part,
        (10, 5),
    )
    assert error.message_zh == "无法保存：a.db。已保存的数据没有改动；重复：10、5"
    assert error.message_en == "Cannot save: a.db. nothing stored was changed; repeated: 10, 5"
    assert error.one_line() == f"{error.message_zh}（{error.message_en}）"


def test_words_with_different_placeholders_are_refused() -> None:
    with pytest.raises(ValueError, match="placeholders differ"):
        Words("文件过大：{0}", "The file is too large")


def test_a_file_name_with_braces_is_said_as_it_is() -> None:
    error = PlanReadError("empty", WORDS["desktop_app.plans.errors.EMPTY_FILE"], "{计划}.docx")
    assert "{计划}.docx" in error.message_zh and "{计划}.docx" in error.message_en


def test_storage_errors_name_their_words() -> None:
    assert db_errors.locked().words is db_errors.LOCKED


def test_the_refusal_of_a_status_offers_the_statuses_there_are() -> None:
    from db.models import STATUSES
    from desktop_app.services import errors as service_errors
    from desktop_app.services.tasks import STATUS_ZH

    choices = service_errors.STATUS_CHOICES
    assert choices.zh == "、".join(STATUS_ZH[s] for s in STATUSES)
    assert choices.en == ", ".join(STATUSES)
