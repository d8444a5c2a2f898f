"""The one base of every error a user can cause or meet: a file that cannot be read, a
database that cannot be used, a request that cannot be done.

A ``UserError`` carries a stable ``code`` (for tests, logs and the choice of words) and its
words in both languages of the program. Where it is shown decides the language: the command
line prints both on one line (``one_line``), the window shows the one it speaks
(``desktop_app/ui/error_text.py``). Nothing else is raised across a layer for a user's
mistake, so every interface catches ``UserError`` and never shows a traceback for one.
"""

from __future__ import annotations


class UserError(Exception):
    """A failure a person can read and act on; ``code`` is stable, the words are for people."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, language: str) -> str:
        """The words in ``language`` ("en", or Chinese for anything else)."""
        return self.message_en if language.startswith("en") else self.message_zh

    def one_line(self) -> str:
        """Chinese first, English after it, on one line (the command line's form)."""
        return f"{self.message_zh}（{self.message_en}）"
