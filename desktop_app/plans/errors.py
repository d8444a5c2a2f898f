"""The one error type the readers and the parser raise for input a user can get wrong."""

from __future__ import annotations

from desktop_app.errors import UserError


class PlanReadError(UserError):
    """A document that cannot be read, with a message in Chinese and in English.

    ``code`` is a stable identifier (``empty``, ``too_large``, ``encrypted``...)
    for tests and logs; the messages are for people.
    """


def corrupt_file(name: str, detail_zh: str = "", detail_en: str = "") -> PlanReadError:
    """The one message for a file that is damaged or not what its name says."""
    zh = f"（{detail_zh}）" if detail_zh else ""
    en = f" ({detail_en})" if detail_en else ""
    return PlanReadError(
        "corrupt",
        f"文件已损坏，无法打开：{name}{zh}",
        f"The file is damaged and cannot be opened: {name}{en}",
    )
