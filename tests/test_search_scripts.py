"""The search finds a task in either script: 牵头 typed finds 牽頭 written, and back.

A plan of another bureau may be written in traditional characters (tests/fixtures/
other_bureaus/xianyang_2022_traditional.txt) while its liaison types simplified ones, or
the other way round; the texts are kept as written, the match is made in both scripts.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from db import migrations, repository
from db.search import match_spans
from desktop_app.services.importer import import_file

from .conftest import FIXTURES, PLAN_2024_DISTRICT
from .storage_helpers import new_storage

TRADITIONAL = FIXTURES / "other_bureaus" / "xianyang_2022_traditional.txt"


@pytest.fixture
def both(tmp_path: Path):
    storage = new_storage(tmp_path)
    import_file(storage, TRADITIONAL)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    yield storage
    storage.close()


def _labels(query: str) -> set[tuple[int, str]]:
    return {(row.plan_id, row.label) for row in repository.search(query)}


def test_a_traditional_task_is_found_by_its_words_in_either_script(both) -> None:
    [written] = [r for r in repository.search("行政許可事項清單管理")]
    assert written.text.startswith("全面實施行政許可事項清單管理。")  # kept as written
    assert _labels("行政许可事项清单管理") == {(written.plan_id, written.label)}


def test_a_traditional_owner_is_found_typed_in_simplified(both) -> None:
    found = [r for r in repository.search("市政府办公室") if "市政府辦公室" in r.lead]
    assert [r.label for r in found] == ["1"]


def test_a_simplified_task_is_found_typed_in_traditional(both) -> None:
    simplified_hits = _labels("法治宣传")
    assert simplified_hits
    assert _labels("法治宣傳") == simplified_hits


def test_the_marks_fall_on_the_words_as_written() -> None:
    text = "全面實施行政許可事項清單管理。"
    assert match_spans(text, "行政许可") == [(4, 8)]
    assert match_spans(text, "行政許可") == [(4, 8)]
    assert match_spans("开展法治宣传进社区", "法治宣傳") == [(2, 6)]
    assert match_spans(text, "行政审查") == []


def test_a_version_6_database_finds_its_traditional_tasks_after_the_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tasks.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 7):
        migrations.apply(conn, version)
    conn.executescript(
        """
        INSERT INTO plan VALUES (1, '某市2022年工作要點', 2022, '某市', NULL, NULL,
            'work_plan', 'plan.txt', 'abc', '2022-02-02 09:00:00', '2022-02-02 09:00:00');
        INSERT INTO task VALUES (1, 1, '1', '[]', '全面實施行政許可事項清單管理。', NULL,
            '[]', '[]', 'month', '6月', '2022-06-30', '[]', '2022-06-30', 0, 0,
            'not_started', NULL, 0, NULL, '2022-02-02 09:00:00', '2022-02-02 09:00:00', '[]');
        INSERT INTO task_search (rowid, body) VALUES
            (1, '全 面 實 施 行 政 許 可 事 項 清 單 管 理');
        """
    )
    conn.close()
    storage = new_storage(tmp_path, datetime(2022, 3, 1, 9, 0))
    try:
        assert migrations.schema_version(storage.raw()) == migrations.LATEST_VERSION
        assert [r.label for r in repository.search("行政许可")] == ["1"]
        assert [r.label for r in repository.search("行政許可")] == ["1"]
    finally:
        storage.close()


def _marked(row: repository.TaskRow, query: str) -> bool:
    return any(match_spans(x, query) for x in (row.text, *row.lead, *row.responsible, *row.leaders))


@pytest.mark.parametrize(
    "query",
    [
        "政府全面",  # …各縣市區政府 (the last owner), then the text in simplified 全面实施…
        "提升行政",  # a text ending in …提升, then its owner 行政应诉科
        "面依法",  # …全面, then 依法治区工作科
    ],
)
def test_a_query_across_two_fields_finds_nothing_the_window_cannot_mark(both, query) -> None:
    """The index holds a task's text, owners and leaders one after the other: a query
    running from one into the next is in none of them, so the task is not found."""
    found = repository.search(query)
    assert [r.label for r in found if not _marked(r, query)] == []
