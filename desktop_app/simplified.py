"""Traditional characters in simplified ones, character for character (OpenCC's t2s).

Used wherever two scripts must meet: the parser reads a plan in traditional script through
its simplified shadow (``plans.script``), a department named in either script is one, and
the search finds 牽頭 when 牵头 is typed. Nothing kept is ever converted: names and texts
stay as written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache


@cache
def _converter() -> Callable[[str], str]:
    import opencc  # OpenCC's own dictionaries (Apache-2.0), loaded on first need

    return opencc.OpenCC("t2s").convert


def simplified(text: str) -> str:
    """``text`` in simplified characters, exactly as long (phrase rules that would change
    the length give way to converting character by character)."""
    if text.isascii():
        return text
    convert = _converter()
    out = convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)
