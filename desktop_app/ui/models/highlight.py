"""What a search found, marked in the month list: the matching characters of the task text
and of the owners on a light orange ground (yellow is 未达序时进度's), the owners' cell
leading with the matching name when it would be cut off, the text's cell starting a little
before the first match when the match lies beyond what the column shows, and a tooltip
with the whole text, wrapped. Where the text matches is ``db/search.match_spans``'s: the
same rule as the search itself."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from db.search import match_spans

if TYPE_CHECKING:
    from db.repository import TaskRow

MATCH_BACKGROUND = "#ffcc80"
MATCH_TEXT = "#202124"  # dark on the mark, on a selected (blue) row too
ELLIPSIS = "…"
Spans = Sequence[tuple[int, int]]


def marked(text: str, spans: Spans) -> str:
    """``text`` as HTML with ``spans`` marked."""
    parts, at = [], 0
    for start, end in spans:
        parts.append(html.escape(text[at:start]))
        parts.append(
            f"<span style='background-color:{MATCH_BACKGROUND}; color:{MATCH_TEXT}'>"
            f"{html.escape(text[start:end])}</span>"
        )
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def _names_html(names: Sequence[str], bold: bool, query: str) -> str:
    cells = [marked(n, match_spans(n, query)) if query else html.escape(n) for n in names]
    return "、".join(f"<b>{c}</b>" if bold else c for c in cells)


def owners_html(task: TaskRow, query: str = "") -> str:
    """The owners, the lead in bold, the responsible after "；". With ``query`` matching an
    owner who is not the first named, the matching names come first, before "｜" and the
    usual list: a narrow column cuts the end, never the name searched for."""
    lead = _names_html(task.lead, True, query)
    responsible = _names_html(task.responsible, False, query)
    usual = f"{lead}；{responsible}" if lead and responsible else lead or responsible or "—"
    if not query:
        return usual
    names = [(n, True) for n in task.lead] + [(n, False) for n in task.responsible]
    hits = [(n, bold) for n, bold in names if match_spans(n, query)]
    if not hits or hits[0] == names[0]:
        return usual
    first = "、".join(_names_html([n], bold, query) for n, bold in hits)
    return f"{first} ｜ {usual}"


def tooltip_html(text: str, spans: Spans = ()) -> str:
    """A tooltip of the whole ``text``, wrapped (a plain tooltip is one line, cut by the
    screen), the matches marked."""
    return f"<p>{marked(text, spans)}</p>"


def lead_in(
    text: str, spans: Spans, advance: Callable[[str], int], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """``text`` and its ``spans`` as a cell ``width`` wide shows them: when the first match
    starts beyond three quarters of the width, the text starts with "…" a few characters
    before it (a quarter of the width), the spans moved with it."""
    if not spans or advance(text[: spans[0][0]]) <= width * 3 // 4:
        return text, list(spans)
    start = spans[0][0]
    cut = start
    while cut > 0 and advance(text[cut - 1 : start]) <= width // 4:
        cut -= 1
    shift = cut - len(ELLIPSIS)
    return ELLIPSIS + text[cut:], [(a - shift, b - shift) for a, b in spans if a >= cut]
