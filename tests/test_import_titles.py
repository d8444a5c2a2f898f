"""A plan's title given or corrected at import: it names the plan, survives revisions, and the
revisions still find their plan."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from db import migrations, repository
from db.models import Plan, Task
from desktop_app.plans.parser import parse_file, parse_text
from desktop_app.services import departments
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import content_hash, import_file, import_plan
from desktop_app.services.plan_target import TITLE_MAX, DocumentTitle
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT
from tests.storage_helpers import new_storage
from tests.test_import import revised_003

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
TITLE_003 = "2024年普陀区司法行政工作要点和责任分工"
CHIZHOU = FIXTURES / "other_bureaus" / "chizhou_xinfang.txt"  # a task table, no title
XIANYANG = FIXTURES / "other_bureaus" / "xianyang_2022_traditional.txt"  # a web page: 全文
CORRECTED = "普陀区司法局2024年司法行政工作要点"


def _import(storage, path: Path, title: str | None = None, **kwargs):
    """``path`` imported as the import dialog does: with ``title`` typed in its title field
    when one is given (the document's own is then passed beside it)."""
    parsed = parse_file(path)
    given = {}
    if title is not None:
        given = {"document_title": DocumentTitle(parsed.title)}
        parsed = replace(parsed, title=title)
    return import_plan(
        storage,
        parsed,
        source_name=path.name,
        content_hash=content_hash(path.read_bytes()),
        **given,
        **kwargs,
    )


def _chizhou_revised(tmp_path: Path) -> Path:
    """The Chizhou table with one task reworded: a revision, still without a title."""
    text = CHIZHOU.read_text(encoding="utf-8")
    old = "丰富解读形式"
    assert text.count(old) == 1
    path = tmp_path / "chizhou_revised.txt"
    path.write_text(text.replace(old, "丰富图解、视频等解读形式"), encoding="utf-8")
    return path


def test_a_title_typed_for_a_document_without_one_stays_through_its_revisions(
    tmp_path: Path,
) -> None:
    storage = new_storage(tmp_path)
    assert parse_file(CHIZHOU).title is None
    first = _import(storage, CHIZHOU, "池州市信访局2024年政务公开工作要点")
    assert (first.outcome, first.title) == ("created", "池州市信访局2024年政务公开工作要点")
    assert [p.title for p in repository.plans()] == ["池州市信访局2024年政务公开工作要点"]

    again = import_file(storage, CHIZHOU)  # the same file, as the command line imports it
    assert (again.outcome, again.title) == ("same_file", "池州市信访局2024年政务公开工作要点")

    revised = _chizhou_revised(tmp_path)
    assert parse_file(revised).title is None
    # What the dialog's first dry run says, and so shows in its title field.
    preview = import_file(storage, revised, dry_run=True)
    assert (preview.outcome, preview.plan_id) == ("updated", first.plan_id)
    assert preview.title == preview.stored_title == "池州市信访局2024年政务公开工作要点"
    result = import_file(storage, revised)
    assert (result.outcome, result.plan_id) == ("updated", first.plan_id)
    assert result.count("changed") == 1
    assert Plan.select().count() == 1 and Task.select().count() == 8
    [plan] = repository.plans()
    assert plan.title == "池州市信访局2024年政务公开工作要点"


def test_an_empty_title_field_never_takes_a_stored_title_away(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    first = _import(storage, CHIZHOU, "池州市信访局政务公开工作要点")
    revised = _chizhou_revised(tmp_path)
    # The liaison cleared the field (whitespace is nothing): the plan keeps its title.
    result = _import(storage, revised, "   ")
    assert (result.outcome, result.plan_id) == ("updated", first.plan_id)
    assert result.title == "池州市信访局政务公开工作要点" and not result.renamed
    assert [p.title for p in repository.plans()] == ["池州市信访局政务公开工作要点"]


def test_a_corrected_title_finds_its_plan_again_when_the_revision_comes(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    first = _import(storage, PLAN_003, CORRECTED)
    assert first.title == CORRECTED
    revision = tmp_path / "revised.txt"
    revision.write_text(revised_003(PLAN_003.read_text(encoding="utf-8")), encoding="utf-8")
    assert parse_file(revision).title == TITLE_003  # the document's title, not the plan's

    result = import_file(storage, revision)
    assert (result.outcome, result.plan_id) == ("updated", first.plan_id)
    assert [d.kind for d in result.diffs].count("added") == 1
    assert Plan.select().count() == 1
    assert result.title == CORRECTED and not result.renamed
    assert [p.title for p in repository.plans()] == [CORRECTED]


def test_a_renamed_plan_is_found_by_its_tasks_under_yet_another_title(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    first = _import(storage, PLAN_003, CORRECTED)
    text = revised_003(PLAN_003.read_text(encoding="utf-8")).replace(
        "和责任分工", "和责任分工（修订稿）"
    )
    revision = tmp_path / "revised.txt"
    revision.write_text(text, encoding="utf-8")
    assert parse_file(revision).title == TITLE_003 + "（修订稿）"
    result = import_file(storage, revision)
    assert (result.outcome, result.plan_id) == ("updated", first.plan_id)
    assert Plan.select().count() == 1 and [p.title for p in repository.plans()] == [CORRECTED]


def test_a_plan_nobody_renamed_is_not_taken_for_another_with_the_same_tasks(
    tmp_path: Path,
) -> None:
    """A street office copying the district's tasks word for word, under its own title, or
    next year's plan repeating them: plans of their own, not revisions."""
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    text = PLAN_003.read_text(encoding="utf-8")
    street = tmp_path / "street.txt"
    street.write_text(text.replace("普陀区司法行政", "某街道司法所"), encoding="utf-8")
    assert parse_file(street).title == "2024年某街道司法所工作要点和责任分工"
    assert import_file(storage, street).outcome == "created"
    # A renamed plan is looked for by its tasks only among the plans of its year.
    storage = new_storage(tmp_path / "renamed")
    _import(storage, PLAN_003, CORRECTED)
    next_year = tmp_path / "next_year.txt"
    next_year.write_text(text.replace("2024年", "2025年"), encoding="utf-8")
    assert parse_file(next_year).year == 2025
    assert import_file(storage, next_year).outcome == "created"


def test_a_title_typed_again_renames_the_plan_even_to_the_documents_own(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    first = _import(storage, PLAN_003, CORRECTED)
    # The same file, a new title typed: no task changes, the plan is renamed.
    renamed = _import(storage, PLAN_003, "普陀区2024年司法行政工作要点", dry_run=True)
    assert (renamed.outcome, renamed.stored_title) == ("updated", CORRECTED)
    assert renamed.renamed and renamed.diffs == ()
    # The document's own title typed back is the liaison's choice too.
    back = _import(storage, PLAN_003, TITLE_003)
    assert (back.outcome, back.plan_id, back.title) == ("updated", first.plan_id, TITLE_003)
    assert [p.title for p in repository.plans()] == [TITLE_003]
    # It is the document's own again: a later revision under a new title renames it.
    text = PLAN_003.read_text(encoding="utf-8")
    revision = tmp_path / "revised.txt"
    revision.write_text(text.replace("和责任分工", "和责任分工（修订稿）"), encoding="utf-8")
    assert import_file(storage, revision, target_plan_id=first.plan_id).title == (
        TITLE_003 + "（修订稿）"
    )


def test_a_web_pages_copy_without_a_title_is_imported_under_the_typed_one(
    tmp_path: Path,
) -> None:
    storage = new_storage(tmp_path)
    assert parse_file(XIANYANG).title is None  # its first line, 全文, is no title
    first = _import(storage, XIANYANG, "咸阳市2022年深化“放管服”改革优化营商环境工作要点")
    copy = tmp_path / "xianyang_copy.txt"
    copy.write_text(XIANYANG.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    again = import_file(storage, copy)
    assert (again.outcome, again.plan_id) == ("unchanged", first.plan_id)
    assert again.title == "咸阳市2022年深化“放管服”改革优化营商环境工作要点"
    assert Plan.get().title == again.title


def test_too_long_a_title_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    with pytest.raises(ServiceError) as refused:
        _import(storage, CHIZHOU, "某" * (TITLE_MAX + 1))
    assert refused.value.code == "title_too_long"
    assert str(TITLE_MAX) in refused.value.message_zh
    assert str(TITLE_MAX + 1) in refused.value.message_zh
    assert Plan.select().count() == 0
    assert _import(storage, CHIZHOU, "某" * TITLE_MAX).title == "某" * TITLE_MAX


def test_a_version_7_database_keeps_its_titles_as_the_documents_own(tmp_path: Path) -> None:
    """Plans stored before titles could be given: their title is the document's, so a
    revision under a new title, named by the user, still takes the new one."""
    path = tmp_path / "tasks.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 8):
        migrations.apply(conn, version)
    conn.execute(
        "INSERT INTO plan VALUES (1, '某局2024年工作要点', 2024, '某局', NULL, NULL, "
        "'work_plan', 'plan.txt', 'abc', '2024-02-02 09:00:00', '2024-02-02 09:00:00')"
    )
    conn.close()
    storage = new_storage(tmp_path, datetime(2024, 3, 1, 9, 0))
    try:
        assert migrations.schema_version(storage.raw()) == migrations.LATEST_VERSION
        assert Plan.get().doc_title == "某局2024年工作要点"
        plan = "某局2024年工作要点（修订稿）\n1. 开展普法宣传。（完成时间：6月）\n"
        result = import_plan(
            storage, parse_text(plan), source_name="b.txt", content_hash="b", target_plan_id=1
        )
        assert result.title == "某局2024年工作要点（修订稿）"
    finally:
        storage.close()


def test_a_renamed_plans_departments_stay_with_the_bureau_its_document_names(
    tmp_path: Path,
) -> None:
    """Without an issuer, the bureau is the organisation the document's title begins with;
    a title the liaison gives does not move the plan or its departments to another."""
    storage = new_storage(tmp_path)
    text = "上海市司法局2024年工作要点\n1. 开展普法宣传。（责任部门：办公室。完成时间：6月）\n"
    parsed = parse_text(text)
    assert parsed.issuer is None
    result = import_plan(
        storage,
        replace(parsed, title="2024年政务公开工作要点"),
        source_name="a.txt",
        content_hash="a",
        document_title=DocumentTitle(parsed.title),
    )
    assert departments.plan_bureau(result.plan_id) == "上海市司法局"
    office = repository.find_department("办公室", "上海市司法局")
    assert office is not None
    assert len(repository.tasks(department_ids=[office.id])) == 1
    # A revision's new task joins the same bureau's 办公室.
    revised = text + "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n"
    import_plan(storage, parse_text(revised), source_name="b.txt", content_hash="b")
    assert Plan.select().count() == 1
    assert len(repository.tasks(department_ids=[office.id])) == 2
    assert [d.name for d in repository.departments()] == ["办公室"]
