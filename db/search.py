"""Substring search over task text and owners for Chinese, with SQLite's FTS5.

FTS5's tokenizers split Chinese poorly (unicode61 keeps a whole run of Han
characters as one token; trigram cannot find one- or two-character words such
as `普法`). So every character is indexed as a token of its own and a query
becomes a phrase of its characters: `普法` matches wherever 普 is followed by 法.
"""

from __future__ import annotations

from collections.abc import Iterable

SEARCH_TABLE = "task_search"


def search_body(text: str, owners: Iterable[str]) -> str:
    """The indexed form of a task: each character of its text and owners, space-separated."""
    joined = text + "\n" + "\n".join(owners)
    return " ".join(ch for ch in joined.lower() if not ch.isspace())


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH phrase for ``query``, or None when it holds nothing searchable."""
    chars = [ch for ch in query.lower() if ch.isalnum()]
    if not chars:
        return None
    return '"' + " ".join(chars).replace('"', '""') + '"'


def _searchable(ch: str) -> bool:
    """What the index's tokenizer (unicode61) keeps: letters and digits; the rest separates."""
    return ch.isalnum()


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``text`` matches ``query`` as the search does (``match_expression``): the query's
    letters and digits in a row, whatever spaces or punctuation stand between them in the
    text, case ignored. Each span is ``(start, end)`` in ``text``, not overlapping."""
    wanted = [ch.lower() for ch in query if _searchable(ch)]
    if not wanted:
        return []
    kept = [(i, ch.lower()) for i, ch in enumerate(text) if _searchable(ch)]
    spans: list[tuple[int, int]] = []
    n, at = len(wanted), 0
    while at + n <= len(kept):
        if all(kept[at + k][1] == wanted[k] for k in range(n)):
            spans.append((kept[at][0], kept[at + n - 1][0] + 1))
            at += n
        else:
            at += 1
    return spans
