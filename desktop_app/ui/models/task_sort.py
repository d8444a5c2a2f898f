"""How the month list sorts its tasks by a column, within each group: 序号 by the numbers of
the label (``plans/numbering.label_order``: `（二）` before `（十）`, `9` before `10`), the
task text, the owners and the plan by their pinyin (the locale's collation), 完成时间 by
date, 状态 by how bad the state is (逾期 first, ``services/overview.SEVERITY``), then not
started before in progress. Ties keep the document's order (the sort is stable)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCollator, QLocale, Qt

from desktop_app.plans.numbering import label_order
from desktop_app.services.overview import SEVERITY

if TYPE_CHECKING:
    from db.repository import TaskRow

# The month model's columns (month_model.py holds the same numbers).
COL_LABEL, COL_TEXT, COL_DUE, COL_OWNERS, COL_STATUS, COL_PLAN = range(6)
STATUS_RANK = {"not_started": 0, "in_progress": 1, "done": 2, "cancelled": 3}


@cache
def _collator() -> QCollator:
    """Chinese by pinyin, numbers in text by value; whatever the window's language."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def _words(text: str) -> Any:
    return _collator().sortKey(text)


def owners_text(task: TaskRow) -> str:
    """The owners as the column shows them: the lead, then the responsible."""
    lead, responsible = "、".join(task.lead), "、".join(task.responsible)
    return f"{lead}；{responsible}" if lead and responsible else lead or responsible or "—"


def sort_key(column: int, task: TaskRow, state: str, plan: str) -> Any:
    """What ``task`` (in ``state``, of the plan named ``plan``) is sorted by in ``column``."""
    if column == COL_LABEL:
        return label_order(task.label)
    if column == COL_TEXT:
        return _words(task.text)
    if column == COL_DUE:
        return (task.due or date.max, _words(task.deadline_raw or ""))
    if column == COL_OWNERS:
        return _words(owners_text(task))
    if column == COL_STATUS:
        rank = SEVERITY.index(state) if state in SEVERITY else len(SEVERITY)
        return (rank, STATUS_RANK.get(task.status, len(STATUS_RANK)))
    if column == COL_PLAN:
        return (_words(plan), label_order(task.label))
    return 0


def sorted_rows(
    tasks: Sequence[TaskRow],
    states: Sequence[str],
    plans: Sequence[str],
    column: int,
    descending: bool,
) -> list[int]:
    """The order of ``tasks`` (their positions) sorted by ``column``; ``column`` -1: as given.
    Descending keeps ties in the document's order too."""
    positions = list(range(len(tasks)))
    if column < 0:
        return positions
    keys = [sort_key(column, t, s, p) for t, s, p in zip(tasks, states, plans, strict=True)]
    return sorted(positions, key=lambda i: keys[i], reverse=descending)  # stable both ways
