"""Deadlines in a slot of their own beside an annotation: the brackets of `…工作（年底前）`
or of `（办公室负责）（年底前）`, which say when and nothing else."""

from __future__ import annotations

from desktop_app.plans.annotations import OPENERS, Span, bracket_spans
from desktop_app.plans.deadlines import is_deadline_phrase

_BETWEEN = "。；;，, "


def _bracketed_deadline(span: Span) -> str | None:
    content = span.content.strip()
    return content if span.closed and is_deadline_phrase(content) else None


def bracketed_deadline_at_end(text: str) -> str | None:
    """A deadline alone in the brackets that end ``text``: `…信息公开工作（年底前）。`."""
    body = text.rstrip(_BETWEEN)
    spans = bracket_spans(body)
    if spans and spans[-1].end == len(body):
        return _bracketed_deadline(spans[-1])
    return None


def bracketed_deadline_after(text: str, position: int) -> tuple[str, int] | None:
    """A deadline alone in the brackets right after ``position`` (an annotation's end), and
    where those brackets end."""
    rest = text[position:]
    stripped = rest.lstrip(_BETWEEN)
    if not stripped or stripped[0] not in OPENERS:
        return None
    offset = position + len(rest) - len(stripped)
    spans = bracket_spans(stripped)
    if spans and spans[0].start == 0 and (found := _bracketed_deadline(spans[0])) is not None:
        return found, offset + spans[0].end
    return None
