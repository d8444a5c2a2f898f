"""The one base of every error a user can cause or meet: a file that cannot be read, a
database that cannot be used, a request that cannot be done.

A ``UserError`` carries a stable ``code`` (for tests, logs and the choice of what to do), the
``Words`` that say it and the parameters those words take (positional ``{0}``, ``{1}``…).
The words of each layer live in that layer's ``errors`` module and nowhere else (the
catalogue, ``CATALOGUE_MODULES``); raise sites name them and never write a sentence.

Where an error is shown decides its language: the command line prints both languages on one
line (``one_line``); the window passes the Chinese source through Qt's translation
(``desktop_app/ui/error_text.py``), whose English ``scripts/update_translations.py`` fills
in from the catalogue. Nothing else is raised across a layer for a user's mistake, so every
interface catches ``UserError`` and never shows a traceback for one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Every module that holds the words of user errors; the translation script and the tests
# read the catalogue from these.
CATALOGUE_MODULES = (
    "db.errors",
    "desktop_app.plans.errors",
    "desktop_app.services.errors",
    "desktop_app.commands.errors",
    "desktop_app.calendar.errors",
)

# The Qt translation context of the catalogue (``QCoreApplication.translate(CONTEXT, zh)``).
TRANSLATION_CONTEXT = "UserError"


@dataclass(frozen=True)
class Words:
    """One message, or a part of one, in Chinese (the source) and English; placeholders
    are positional (``{0}``), in both the same."""

    zh: str
    en: str

    def __post_init__(self) -> None:
        if _fields(self.zh) != _fields(self.en):
            raise ValueError(f"placeholders differ between {self.zh!r} and {self.en!r}")


Wording = Callable[[Words], str]
"""How an interface turns ``Words`` into its text (a language's half, or Qt's translation)."""


def chinese(words: Words) -> str:
    return words.zh


def english(words: Words) -> str:
    return words.en


# How a list parameter is joined in each language: 10、5、1 / 10, 5, 1.
_SEPARATORS: dict[Wording, str] = {chinese: "、", english: ", "}


class UserError(Exception):
    """A failure a person can read and act on; ``code`` is stable, the words are for people.

    A parameter that is itself ``Words`` is said in the same language as the message; a
    tuple or list is joined with that language's separator.
    """

    def __init__(self, code: str, words: Words, *params: object) -> None:
        self.code = code
        self.words = words
        self.params = params
        super().__init__(self.one_line())

    def text(self, wording: Wording, separator: str | None = None) -> str:
        """The message as ``wording`` says it; ``separator`` joins list parameters."""
        sep = separator if separator is not None else _SEPARATORS.get(wording, "、")
        return wording(self.words).format(*(_said(p, wording, sep) for p in self.params))

    @property
    def message_zh(self) -> str:
        return self.text(chinese)

    @property
    def message_en(self) -> str:
        return self.text(english)

    def message(self, language: str) -> str:
        """The words in ``language`` ("en", or Chinese for anything else)."""
        return self.message_en if language.startswith("en") else self.message_zh

    def one_line(self) -> str:
        """Chinese first, English after it, on one line (the command line's form)."""
        return f"{self.message_zh}（{self.message_en}）"


def _said(param: object, wording: Wording, separator: str) -> object:
    if isinstance(param, Words):
        return wording(param)
    if isinstance(param, tuple | list):
        return separator.join(str(_said(p, wording, separator)) for p in param)
    return param


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue() -> dict[str, Words]:
    """Every ``Words`` of the catalogue modules, by ``module.NAME``."""
    import importlib

    found: dict[str, Words] = {}
    for module_name in CATALOGUE_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, Words):
                found[f"{module_name}.{name}"] = value
    return found
