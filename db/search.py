"""Substring search over task text and owners for Chinese, with SQLite's FTS5.

FTS5's tokenizers split Chinese poorly (unicode61 keeps a whole run of Han
characters as one token; trigram cannot find one- or two-character words such
as `普法`). So every character is indexed as a token of its own and a query
becomes a phrase of its characters: `普法` matches wherever 普 is followed by 法.

A task written in traditional script is indexed in simplified characters as well, and a
query is looked for as typed and in simplified characters: 牵头 finds 牽頭 and 牽頭 finds
牵头 (the conversion is character for character, ``desktop_app.simplified``).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.simplified import simplified

SEARCH_TABLE = "task_search"


def search_body(text: str, owners: Iterable[str]) -> str:
    """The indexed form of a task: each character of its text and owners, space-separated."""
    joined = text + "\n" + "\n".join(owners)
    simple = simplified(joined)
    if simple != joined:
        joined += "\n" + simple
    return " ".join(ch for ch in joined.lower() if not ch.isspace())


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH phrase for ``query``, or None when it holds nothing searchable."""
    chars = "".join(ch for ch in query.lower() if ch.isalnum())
    if not chars:
        return None
    phrases = dict.fromkeys((chars, simplified(chars)))
    return " OR ".join('"' + " ".join(p).replace('"', '""') + '"' for p in phrases)


def _searchable(ch: str) -> bool:
    """What the index's tokenizer (unicode61) keeps: letters and digits; the rest separates."""
    return ch.isalnum()


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``text`` matches ``query`` as the search does (``match_expression``): the query's
    letters and digits in a row, whatever spaces or punctuation stand between them in the
    text, case ignored, a character matching in either script. Each span is ``(start, end)``
    in ``text``, not overlapping."""
    typed = "".join(ch for ch in query if _searchable(ch))
    if not typed:
        return []
    wanted = [(c.lower(), s.lower()) for c, s in zip(typed, simplified(typed), strict=True)]
    simple = simplified(text)
    kept = [(i, (ch.lower(), simple[i].lower())) for i, ch in enumerate(text) if _searchable(ch)]
    spans: list[tuple[int, int]] = []
    n, at = len(wanted), 0
    while at + n <= len(kept):
        if all(_same(kept[at + k][1], wanted[k]) for k in range(n)):
            spans.append((kept[at][0], kept[at + n - 1][0] + 1))
            at += n
        else:
            at += 1
    return spans


def _same(found: tuple[str, str], wanted: tuple[str, str]) -> bool:
    """One character of the text against one of the query, each as written and simplified."""
    return found[0] == wanted[0] or found[1] == wanted[1]
