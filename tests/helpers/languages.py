"""The window's language in a test: the program's own set-up, undone afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.ui.app import install_translators


@contextlib.contextmanager
def in_language(qapp: QApplication, language: str) -> Iterator[list[QTranslator]]:
    """``install_translators`` for ``language``, removed again at the end (the QApplication
    is shared by every test)."""
    locale = QLocale()
    installed = install_translators(qapp, language)
    assert installed, f"no translation for {language} loaded"
    try:
        yield installed
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)
