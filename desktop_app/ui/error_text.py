"""The words of a ``UserError`` in the language the window speaks: the one place the window
turns an error into text, so an English window shows English errors."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_app.errors import UserError


def window_language() -> str:
    """ "en" or "zh_CN": the language chosen at start-up (``app.install_translators`` sets
    the default locale with the translations it loads)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def error_text(exc: UserError) -> str:
    """What the window says for ``exc``."""
    return exc.message(window_language())
