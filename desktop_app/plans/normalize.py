"""Clean extracted text before parsing: page numbers, stray spaces, widths, broken lines."""

from __future__ import annotations

import re
import unicodedata

# One table for every per-character fix: invisible characters dropped, odd
# spaces made plain, full-width digits made ASCII. Applied only to lines that
# contain one of them, since translate() is slow on Chinese text.
_CHAR_FIXES: dict[int, str | None] = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_CHAR_FIXES |= {ord("\u3000"): " ", ord("\u00a0"): " ", ord("\t"): " "}
_CHAR_FIXES |= {ord(f): str(i) for i, f in enumerate("０１２３４５６７８９")}
_NEEDS_FIX_RE = re.compile("[" + "".join(chr(c) for c in _CHAR_FIXES) + "]")
_MULTI_SPACE_RE = re.compile(r" {2,}")

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2014-\u201f\u2026"
# A space next to CJK text or between a number and 年/月/日 is layout, not content.
_LAYOUT_SPACE_RE = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}])[ ]+(?=[{_CJK}{_CJK_PUNCT}\d])"
    rf"|(?<=[\d])[ ]+(?=[{_CJK}{_CJK_PUNCT}])"
)
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－─~～]*\d{1,4}[\s\-—–－─~～]*$"
    r"|^第\s*\d{1,4}\s*[页頁](?:\s*[/，,]?\s*共\s*\d{1,4}\s*[页頁])?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$"
    r"|^[-—–－]?\s*[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?\s*[-—–－]?$"
)


def clean_line(line: str) -> str:
    """One line with invisible characters, odd spaces and full-width digits normalised."""
    line = unicodedata.normalize("NFC", line)
    if _NEEDS_FIX_RE.search(line):
        line = line.translate(_CHAR_FIXES)
    line = _LAYOUT_SPACE_RE.sub("", line)
    return _MULTI_SPACE_RE.sub(" ", line).strip()


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(line.strip()))


def clean_lines(lines: list[str]) -> list[str]:
    """Cleaned, non-empty lines without page-number lines."""
    out = []
    for raw in lines:
        line = clean_line(raw)
        if line and not is_page_number(line):
            out.append(line)
    return out


def glue(left: str, right: str) -> str:
    """Join two pieces of one sentence split by a line or page break."""
    # Two Latin words (`Legal` / `Walk`) need their space back; Chinese needs none.
    if left and right and _is_latin(left[-1]) and _is_latin(right[0]):
        return f"{left} {right}"
    return left + right


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
