"""What the month list sorts and highlights by: task labels in the plan's order, and the
places where a search matches, agreeing with the search index itself."""

from __future__ import annotations

import random
from pathlib import Path

from db import repository
from db.search import match_spans
from desktop_app.plans.numbering import label_order
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage


def test_labels_sort_by_their_numbers_in_any_script() -> None:
    ordered = ["（二）", "（二）-1", "（九）-2", "（十）-1", "（十）-2", "（十一）-1", "（二十）"]
    shuffled = ordered[::-1]
    assert sorted(shuffled, key=label_order) == ordered
    assert sorted(["10", "9", "100", "１１"], key=label_order) == ["9", "10", "１１", "100"]
    assert sorted(["③", "①", "⑩"], key=label_order) == ["①", "③", "⑩"]


def test_the_real_plans_labels_sort_back_into_the_document_order(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    try:
        for name in (PLAN_2024_CITY, PLAN_2024_DISTRICT):
            plan_id = import_file(storage, FIXTURES / f"{name}.txt").plan_id
            labels = [t.label for t in sorted(repository.tasks(plan_ids=[plan_id]), key=_id)]
            shuffled = labels[:]
            random.Random(16).shuffle(shuffled)
            assert sorted(shuffled, key=label_order) == labels, name
    finally:
        storage.close()


def _id(task: repository.TaskRow) -> int:
    return task.id  # stored in the document's order


def test_spans_skip_spaces_and_punctuation_and_ignore_case() -> None:
    assert match_spans("推进普法，普 法工作", "普法") == [(2, 4), (5, 8)]
    assert match_spans("OA 系统与 oa", "oA") == [(0, 2), (7, 9)]
    assert match_spans("全面依法治区", "，。") == []
    assert match_spans("法法法", "法法") == [(0, 2)]  # not overlapping


def test_a_task_the_search_finds_has_a_span_in_its_text_or_an_owner(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    try:
        import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
        rows = repository.tasks()
        for query in ("普法", "行政复议科", "法", "各司法所", "公共 法律"):
            found = {t.id for t in repository.search(query, limit=1000)}
            spanned = {
                t.id
                for t in rows
                if match_spans(t.text, query)
                or any(match_spans(name, query) for name in t.lead + t.responsible)
            }
            assert found and spanned == found, query
    finally:
        storage.close()
