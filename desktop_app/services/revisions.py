"""Which task of a stored plan a task of its revised document is: matching by text and label.

Pure: no database. A revised plan renumbers, rewords and drops tasks, so the
label alone is not an identity; the text is, up to small edits.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

SAME_LABEL_MIN_RATIO = 0.5
MOVED_MIN_RATIO = 0.7


@dataclass(frozen=True)
class StoredTask:
    id: int
    label: str
    text: str
    archived: bool = False
    section: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    due: date | None = None  # the deadline the document gave it


@dataclass(frozen=True)
class NewTask:
    label: str
    text: str
    section: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    due: date | None = None


def _closeness(s: StoredTask, n: NewTask) -> tuple[bool, bool, bool, bool]:
    """How alike two tasks of the same text are: the deadline first (``按时报送信息。``
    due in March, June and September are three tasks, whichever is dropped and however
    the rest are renumbered), then the place in the plan, then owners.

    Labels such as `（一）` repeat in every section, so a label alone says little.
    """
    return (
        s.due != n.due,
        (s.section, s.label) != (n.section, n.label),
        s.label != n.label,
        s.owners != n.owners,
    )


def _fingerprint(task: StoredTask | NewTask) -> tuple[object, ...]:
    """What tells two tasks apart once the label is set aside (labels are renumbered)."""
    return (_key(task.text), task.due, task.section, task.owners)


def undecidable(
    stored: Sequence[StoredTask], new: Sequence[NewTask]
) -> list[tuple[list[int], list[int]]]:
    """Groups of tasks that nothing but their label tells apart, where the revision has
    more or fewer of them than the stored plan: ``(stored ids, new indices)``.

    Two tasks ``按时报送信息。`` due in March in the same section, one of them dropped:
    which one went cannot be known, so the matching is a guess that the user must check.
    """
    stored_groups: dict[tuple[object, ...], list[int]] = {}
    for s in stored:
        if not s.archived:
            stored_groups.setdefault(_fingerprint(s), []).append(s.id)
    new_groups: dict[tuple[object, ...], list[int]] = {}
    for i, n in enumerate(new):
        new_groups.setdefault(_fingerprint(n), []).append(i)
    groups = []
    for key, ids in stored_groups.items():
        indices = new_groups.get(key, [])
        if indices and len(ids) != len(indices) and max(len(ids), len(indices)) > 1:
            groups.append((ids, indices))
    return groups


def _key(text: str) -> str:
    return "".join(text.split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _key(a), _key(b), autojunk=False).ratio()


def match_tasks(stored: Sequence[StoredTask], new: Sequence[NewTask]) -> dict[int, int]:
    """Map each new task's index to the id of the stored task it revises.

    In order: identical text (a current task, then an archived one, which comes
    back); the same label with a similar text (a reworded task); a clearly
    similar text under another label (a moved task). New tasks left out are
    added, current stored tasks left out are removed.
    """
    matched: dict[int, int] = {}
    used: set[int] = set()

    def take(index: int, task_id: int) -> None:
        matched[index] = task_id
        used.add(task_id)

    for archived in (False, True):
        by_text: dict[str, list[StoredTask]] = {}
        for s in stored:
            if s.archived == archived:
                by_text.setdefault(_key(s.text), []).append(s)
        for i, n in enumerate(new):
            if i in matched:
                continue
            candidates = [s for s in by_text.get(_key(n.text), []) if s.id not in used]
            if candidates:
                take(i, min(candidates, key=functools.partial(_closeness, n=n)).id)

    active = [s for s in stored if not s.archived]
    by_place = {(s.section, s.label): s for s in active}
    label_counts: dict[str, int] = {}
    for s in active:
        label_counts[s.label] = label_counts.get(s.label, 0) + 1
    by_label = {s.label: s for s in active if label_counts[s.label] == 1}
    for i, n in enumerate(new):
        same_label = by_place.get((n.section, n.label)) or by_label.get(n.label)
        if (
            i not in matched
            and same_label is not None
            and same_label.id not in used
            and similarity(same_label.text, n.text) >= SAME_LABEL_MIN_RATIO
        ):
            take(i, same_label.id)

    pairs = []
    for i, n in enumerate(new):
        if i in matched:
            continue
        for s in active:
            if s.id in used:
                continue
            matcher = SequenceMatcher(None, _key(s.text), _key(n.text), autojunk=False)
            if matcher.real_quick_ratio() < MOVED_MIN_RATIO:
                continue
            if matcher.quick_ratio() < MOVED_MIN_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= MOVED_MIN_RATIO:
                pairs.append((ratio, i, s.id))
    for _, i, task_id in sorted(pairs, key=lambda p: (-p[0], p[1])):
        if i not in matched and task_id not in used:
            take(i, task_id)
    return matched
