"""Fitting text into terminal columns, where a Chinese character takes two."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, columns: int) -> str:
    """Cut or pad ``text`` to ``columns`` terminal columns."""
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > columns:
            if out:
                out = out[:-1] + "…"
            break
        out += ch
        used += w
    return out + " " * (columns - width(out))
