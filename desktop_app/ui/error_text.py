"""The words of a ``UserError`` in the language the window speaks: the one place the window
turns an error into text. The Chinese source goes through Qt's translation (context
``UserError``), so an English window shows the English of the loaded ``.qm``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.errors import TRANSLATION_CONTEXT, UserError, Words


def window_language() -> str:
    """ "en" or "zh_CN": the language chosen at start-up (``app.install_translators`` sets
    the default locale with the translations it loads)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def translated(words: Words) -> str:
    """``words`` as the window's translator has them (the Chinese source without one)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, words.zh)


def _english_window(words: Words) -> str:
    """The translator's English; the catalogue's own where the ``.qm`` lacks the words
    (a ``.qm`` older than the catalogue), so an English window never falls back to Chinese."""
    text = translated(words)
    return words.en if text == words.zh else text


def error_text(exc: UserError) -> str:
    """What the window says for ``exc``."""
    if window_language() == "en":
        return exc.text(_english_window, ", ")
    return exc.text(translated, "、")
