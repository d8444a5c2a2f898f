"""Importing plans: all or nothing, the same file twice, a revised plan keeps what the user did."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from db import journal, repository
from db.models import Plan, Task, TaskDepartment
from desktop_app.plans.model import Deadline
from desktop_app.plans.parser import parse_text
from desktop_app.services import departments, tasks
from desktop_app.services.errors import ServiceError
from desktop_app.services.importer import content_hash, import_file, import_plan
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT, REPORT_2020
from tests.storage_helpers import new_storage

PLAN_003 = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"

REWORDED_OLD = "组织开展全面依法治区工作培训，切实提升法治队伍工作能力水平。"
REWORDED_NEW = "组织开展全面依法治区工作专题培训，切实提升法治工作队伍能力水平。"
REMOVED = "做好向区委常委会汇报2023年度法治普陀建设相关工作。"
ADDED = "建立法治观察建议办理反馈机制，按季度通报办理情况。"


def revised_003(text: str) -> str:
    """003 as a bureau would revise it: task 5 dropped, 9 moved to October, 10 reworded,
    a task added after 12, and every item from there on renumbered."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("1. 深化习近平法治思想"))
    out = []
    for i, line in enumerate(lines):
        if i >= first and line.startswith("5. " + REMOVED):
            continue
        if "凡提必考" in line:
            line = line.replace("完成时间：9 月）", "完成时间：10 月）")
        line = line.replace(REWORDED_OLD, REWORDED_NEW)
        out.append(line)
        if i >= first and line.startswith("12. 加强区级优秀基层法治观察点"):
            out.append("")
            out.append(f"12. {ADDED}（责任部门：依法治区工作科。完成时间：6月）")
    number = 0
    for i in range(first, len(out)):
        m = re.match(r"^(\d+)\. ", out[i])
        if m:
            number += 1
            out[i] = f"{number}. " + out[i][m.end() :]
    return "\n".join(out)


def _by_text(fragment: str) -> repository.TaskRow:
    [row] = [t for t in repository.tasks(include_archived=True) if fragment in t.text]
    return row


def test_importing_the_same_plan_twice_keeps_89_tasks(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    first = import_file(storage, PLAN_003)
    again = import_file(storage, PLAN_003)
    assert (first.outcome, first.count("added")) == ("created", 89)
    assert (again.outcome, again.diffs) == ("same_file", ())
    assert Task.select().count() == 89
    assert Plan.select().count() == 1
    # The .docx rendering of the same plan is another file with the same tasks.
    docx = import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.docx")
    assert (docx.outcome, docx.unchanged, docx.diffs) == ("unchanged", 89, ())
    assert Task.select().count() == 89


def test_revised_plan_reports_exactly_its_diff_and_keeps_the_users_work(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    review = _by_text("组织开展“区长审案”")
    tasks.set_status(storage, review.id, "done", completed_on=date(2024, 5, 20))
    tasks.add_note(storage, review.id, "已组织两次区长审案")
    corrected = _by_text("筹备召开区委全面依法治区委员会")
    tasks.correct_owners(storage, corrected.id, ["办公室"], ["依法治区工作科"])

    text = revised_003(PLAN_003.read_text(encoding="utf-8"))
    parsed = parse_text(text)
    assert len(parsed.tasks) == 89
    result = import_plan(
        storage, parsed, source_name="修订稿.txt", content_hash=content_hash(text.encode())
    )

    summary = sorted((d.kind, d.text, tuple(c.field for c in d.changes)) for d in result.diffs)
    assert summary == sorted(
        [
            ("added", ADDED, ()),
            ("removed", REMOVED, ()),
            ("changed", REWORDED_NEW, ("text",)),
            ("changed", _by_text("凡提必考").text, ("deadline",)),
        ]
    )
    assert result.unchanged == 86
    assert result.renumbered > 0
    moved = next(d for d in result.diffs if d.changes and d.changes[0].field == "deadline")
    assert "2024-09-30" in moved.changes[0].old and "2024-10-31" in moved.changes[0].new

    after = _by_text("组织开展“区长审案”")
    assert (after.id, after.status, after.completed_on) == (review.id, "done", date(2024, 5, 20))
    assert [n.text for n in journal.notes(after.id)] == ["已组织两次区长审案"]
    kept = repository.task(corrected.id)
    assert kept is not None and (kept.lead, kept.responsible) == (("办公室",), ("依法治区工作科",))
    assert _by_text("凡提必考").due == date(2024, 10, 31)
    removed = _by_text(REMOVED)
    assert removed.archived and Task.select().where(Task.archived_at.is_null()).count() == 89
    assert Task.select().count() == 90  # archived, never deleted
    assert [c.field for c in journal.history(_by_text(REWORDED_NEW).id)] == ["text"]

    # Importing the revision again changes nothing.
    again = import_plan(
        storage, parsed, source_name="修订稿.txt", content_hash=content_hash(text.encode())
    )
    assert again.outcome == "same_file"


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    assert import_file(storage, PLAN_003, dry_run=True).count("added") == 89
    assert Task.select().count() == 0 and Plan.select().count() == 0
    import_file(storage, PLAN_003)
    text = revised_003(PLAN_003.read_text(encoding="utf-8"))
    before = storage.path.read_bytes()
    result = import_plan(
        storage, parse_text(text), source_name="x.txt", content_hash="x", dry_run=True
    )
    assert (result.outcome, result.dry_run, len(result.diffs)) == ("updated", True, 4)
    assert Task.select().count() == 89
    assert not any(t.archived for t in repository.tasks(include_archived=True))
    assert storage.path.read_bytes() == before


def test_a_correction_survives_a_revision_that_changes_the_same_owner(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    plan = "某区司法局2024年工作要点\n1. 开展普法宣传。（责任部门：普法科。完成时间：6月）\n"
    import_plan(storage, parse_text(plan), source_name="a.txt", content_hash="a")
    [task] = repository.tasks()
    tasks.correct_owners(storage, task.id, [], ["宣传科"])
    tasks.correct_deadline(storage, task.id, date(2024, 5, 15))
    revised = plan.replace("普法科", "法治宣传科").replace("6月", "7月")
    result = import_plan(storage, parse_text(revised), source_name="b.txt", content_hash="b")
    [diff] = result.diffs
    assert {(c.field, c.old, c.new, c.kept_correction) for c in diff.changes} == {
        ("responsible", "普法科", "法治宣传科", True),
        ("deadline", "6月（2024-06-30）", "7月（2024-07-31）", True),
    }
    [after] = repository.tasks()
    assert (after.responsible, after.due) == (("宣传科",), date(2024, 5, 15))


def test_a_plan_the_user_names_is_revised_even_under_a_new_title(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    plan = "某区司法局2024年工作要点\n1. 开展普法宣传。（责任部门：普法科。完成时间：6月）\n"
    first = import_plan(storage, parse_text(plan), source_name="a.txt", content_hash="a")
    renamed = (
        plan.replace("工作要点", "工作要点（修订稿）")
        + "2. 规范档案。（责任部门：办公室。完成时间：9月）\n"
    )
    separate = import_plan(
        storage, parse_text(renamed), source_name="b.txt", content_hash="b", dry_run=True
    )
    assert separate.outcome == "created"  # another title: a plan of its own unless named
    result = import_plan(
        storage,
        parse_text(renamed),
        source_name="b.txt",
        content_hash="b",
        target_plan_id=first.plan_id,
    )
    assert (result.outcome, [d.kind for d in result.diffs]) == ("updated", ["added"])
    assert Plan.select().count() == 1
    assert Plan.get().title == "某区司法局2024年工作要点（修订稿）"


def test_a_task_removed_then_restored_keeps_its_notes(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    two = (
        "某区司法局2024年工作要点\n1. 开展普法宣传。（责任部门：普法科。完成时间：6月）\n"
        "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n"
    )
    import_plan(storage, parse_text(two), source_name="a.txt", content_hash="a")
    archive = _by_text("规范档案管理")
    tasks.add_note(storage, archive.id, "已整理三年档案")
    one = two.split("2. ")[0]
    import_plan(storage, parse_text(one), source_name="b.txt", content_hash="b")
    assert _by_text("规范档案管理").archived
    back = import_plan(storage, parse_text(two), source_name="c.txt", content_hash="c")
    assert [d.kind for d in back.diffs] == ["restored"]
    restored = _by_text("规范档案管理")
    assert restored.id == archive.id and not restored.archived
    assert [n.text for n in journal.notes(restored.id)] == ["已整理三年档案"]


def test_documents_that_are_not_plans_are_refused(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    with pytest.raises(ServiceError, match="年度报告") as caught:
        import_file(storage, FIXTURES / f"{REPORT_2020}.txt")
    assert caught.value.code == "not_a_plan"
    with pytest.raises(ServiceError, match="没有找到工作任务"):
        import_plan(storage, parse_text("随便写的一段话。"), source_name="x", content_hash="x")
    assert Plan.select().count() == 0


def test_merged_department_is_followed_by_later_imports(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    survey = repository.find_department("调研处")
    target = repository.find_department("法治调研处")
    assert survey is not None and target is not None
    departments.set_my_departments(storage, ["调研处", "办公室"])
    departments.merge(storage, "调研处", "法治调研处")
    assert repository.find_department("调研处") == target
    assert departments.my_department_ids() == [target.id, repository.find_department("办公室").id]
    merged_tasks = repository.tasks(department_ids=[target.id], include_collective=False)
    assert len(merged_tasks) == 2
    assert all("调研处" not in t.lead + t.responsible for t in merged_tasks)
    # The same names in a later plan of the bureau land on the merged department.
    later = "上海市司法局2025年工作要点\n1. 开展课题调研。（牵头部门：调研处。完成时间：6月）\n"
    import_plan(storage, parse_text(later), source_name="l.txt", content_hash="l")
    assert len(repository.tasks(department_ids=[target.id], include_collective=False)) == 3
    assert not any(d.name == "调研处" for d in repository.departments())
    # Another bureau's 调研处 is a department of its own.
    other = "某区司法局2025年工作要点\n1. 开展课题调研。（牵头部门：调研处。完成时间：6月）\n"
    import_plan(storage, parse_text(other), source_name="o.txt", content_hash="o")
    assert len(repository.tasks(department_ids=[target.id], include_collective=False)) == 3
    theirs = repository.find_department("调研处", "某区司法局")
    assert theirs is not None and theirs.id != target.id
    # Search finds tasks by the department's current name.
    assert any("课题调研" in t.text for t in repository.search("法治调研处"))


def test_rename_keeps_the_old_name_as_alias(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    departments.rename(storage, "信息处", "信息化处")
    renamed = repository.find_department("信息处")
    assert renamed is not None and renamed.name == "信息化处"
    rows = {d.name: d for d in repository.departments()}
    assert rows["信息化处"].aliases == ("信息处",) and rows["信息化处"].tasks == 7
    with pytest.raises(ServiceError) as caught:
        departments.rename(storage, "信息化处", "办公室")
    assert caught.value.code == "name_taken"


def test_collective_owners_are_in_every_departments_list(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")
    office = repository.find_department("办公室")
    assert office is not None
    everyone = repository.find_department("各部门")
    assert everyone is not None and everyone.collective
    own = repository.tasks(department_ids=[office.id], include_collective=False)
    with_collective = repository.tasks(department_ids=[office.id])
    collective_only = [t for t in with_collective if t not in own]
    assert len(own) == 10
    assert collective_only and all(t.collective for t in collective_only)
    assert {t.id for t in repository.tasks(department_ids=[everyone.id])} <= {
        t.id for t in with_collective
    }


def test_import_links_every_owner_once(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, PLAN_003)
    task64 = next(t for t in repository.tasks() if t.label == "64")
    assert task64.responsible == ("区公共法律服务中心（各街镇工作站）", "法律援助中心")
    links = TaskDepartment.select().count()
    expected = sum(len(set(t.lead)) + len(set(t.responsible)) for t in repository.tasks())
    assert links == expected


def test_two_tasks_with_the_same_text_keep_their_own_identity(tmp_path: Path) -> None:
    """Labels such as （一） repeat in every section: identical texts are told apart by
    their place in the plan, so a revision does not swap their status and notes."""
    storage = new_storage(tmp_path)
    plan = (
        "某局2024年工作要点\n一、安全\n（一）开展安全生产大检查。（牵头部门：办公室。完成时间：3月）\n"
        "二、业务\n（一）开展安全生产大检查。（牵头部门：业务处。完成时间：9月）\n"
    )
    import_plan(storage, parse_text(plan), source_name="a.txt", content_hash="a")
    first, second = sorted(repository.tasks(), key=lambda t: t.due)
    tasks.set_status(storage, first.id, "done", completed_on=date(2024, 3, 20))
    tasks.add_note(storage, second.id, "九月检查方案已起草")
    revised = plan.replace(
        "（一）开展安全生产大检查。（牵头部门：办公室",
        "（一）开展安全生产全面大检查。（牵头部门：办公室",
    )
    result = import_plan(storage, parse_text(revised), source_name="b.txt", content_hash="b")
    assert [(d.kind, [c.field for c in d.changes]) for d in result.diffs] == [("changed", ["text"])]
    after_first, after_second = (repository.task(first.id), repository.task(second.id))
    assert (after_first.lead, after_first.status) == (("办公室",), "done")
    assert (after_second.lead, after_second.status) == (("业务处",), "not_started")
    assert [n.text for n in journal.notes(second.id)] == ["九月检查方案已起草"]


def test_identical_texts_with_different_deadlines_keep_their_own_status_and_notes(
    tmp_path: Path,
) -> None:
    """Three tasks "按时报送信息。" due in March, June and September; a revision drops the
    March one and renumbers the rest. Each keeps what the user recorded on it."""
    storage = new_storage(tmp_path)
    plan = (
        "某局2024年工作要点\n一、信息\n"
        "1. 按时报送信息。（牵头部门：办公室。完成时间：3月）\n"
        "2. 按时报送信息。（牵头部门：办公室。完成时间：6月）\n"
        "3. 按时报送信息。（牵头部门：办公室。完成时间：9月）\n"
    )
    import_plan(storage, parse_text(plan), source_name="a.txt", content_hash="a")
    march, june, september = sorted(repository.tasks(), key=lambda t: t.due)
    tasks.set_status(storage, march.id, "done", completed_on=date(2024, 3, 28))
    tasks.add_note(storage, march.id, "一季度信息已报送")
    tasks.add_note(storage, june.id, "二季度信息在整理")
    revised = (
        "某局2024年工作要点\n一、信息\n"
        "1. 按时报送信息。（牵头部门：办公室。完成时间：6月）\n"
        "2. 按时报送信息。（牵头部门：办公室。完成时间：9月）\n"
    )
    result = import_plan(storage, parse_text(revised), source_name="b.txt", content_hash="b")
    assert [d.kind for d in result.diffs] == ["removed"]  # March, and only March
    assert result.diffs[0].task_id == march.id
    after = {t.id: t for t in repository.tasks()}
    assert set(after) == {june.id, september.id}
    assert (after[june.id].status, after[june.id].due) == ("not_started", date(2024, 6, 30))
    assert [n.text for n in journal.notes(june.id)] == ["二季度信息在整理"]
    assert (after[september.id].status, journal.notes(september.id)) == ("not_started", [])
    assert [n.text for n in journal.notes(march.id)] == ["一季度信息已报送"]  # archived


TWIN_PLAN = (
    "某局2024年工作要点\n一、信息\n"
    "1. 按时报送信息。（牵头部门：办公室。完成时间：6月）\n"
    "2. 按时报送信息。（牵头部门：办公室。完成时间：6月）\n"
    "3. 做好档案工作。（牵头部门：办公室。完成时间：9月）\n"
)
TWIN_REVISED = (
    "某局2024年工作要点\n一、信息\n"
    "1. 按时报送信息。（牵头部门：办公室。完成时间：6月）\n"
    "2. 做好档案工作。（牵头部门：办公室。完成时间：9月）\n"
)


def test_a_revision_that_drops_one_of_two_indistinguishable_tasks_says_it_guessed(
    tmp_path: Path,
) -> None:
    """Two tasks alike in text, deadline, owners and place; the revision keeps one. Which one
    went cannot be known: the result names the guess instead of moving work silently."""
    storage = new_storage(tmp_path)
    import_plan(storage, parse_text(TWIN_PLAN), source_name="a.txt", content_hash="a")
    first, second, _ = sorted(repository.tasks(), key=lambda t: (t.due, t.id))
    tasks.add_note(storage, second.id, "第二项的进展")
    result = import_plan(
        storage, parse_text(TWIN_REVISED), source_name="b.txt", content_hash="b", dry_run=True
    )
    assert [(a.text, a.due, a.stored_labels, a.new_labels) for a in result.ambiguities] == [
        ("按时报送信息。", date(2024, 6, 30), ("1", "2"), ("1",))
    ]
    result = import_plan(storage, parse_text(TWIN_REVISED), source_name="b.txt", content_hash="b")
    assert len(result.ambiguities) == 1
    # the guess is the plan's order: the first stays, the second is archived with its note
    assert {t.id for t in repository.tasks() if t.text == "按时报送信息。"} == {first.id}
    assert [n.text for n in journal.notes(second.id)] == ["第二项的进展"]


def test_indistinguishable_tasks_without_recorded_work_are_not_a_question(
    tmp_path: Path,
) -> None:
    storage = new_storage(tmp_path)
    import_plan(storage, parse_text(TWIN_PLAN), source_name="a.txt", content_hash="a")
    result = import_plan(storage, parse_text(TWIN_REVISED), source_name="b.txt", content_hash="b")
    assert result.ambiguities == ()


def test_the_command_line_names_an_undecidable_revision(tmp_path: Path) -> None:
    from tests.helpers import run_program

    data = tmp_path / "data"
    (tmp_path / "a.txt").write_text(TWIN_PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TWIN_REVISED, encoding="utf-8")
    assert run_program("--data-dir", str(data), "import", str(tmp_path / "a.txt")).returncode == 0
    assert run_program("--data-dir", str(data), "done", "2").returncode == 0
    shown = run_program("--data-dir", str(data), "import", "--dry-run", str(tmp_path / "b.txt"))
    assert shown.returncode == 0, shown.stderr
    assert (
        "请核对：“按时报送信息。”（完成时间 2024-06-30）原有 2 项（1、2），修订稿有 1 项（1）"
        in (shown.stdout)
    )


def test_a_copy_that_changes_nothing_takes_no_backup_and_keeps_the_file_name(
    tmp_path: Path,
) -> None:
    from db import backup

    storage = new_storage(tmp_path)
    original = (FIXTURES / f"{PLAN_2024_DISTRICT}.txt").read_text(encoding="utf-8")
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    import_file(storage, FIXTURES / f"{PLAN_2024_CITY}.txt")  # a backup now and then
    before = backup.list_backups(storage.backups_dir)
    copy = tmp_path / "工作要点（另存）.txt"
    copy.write_text(original + "\n\n", encoding="utf-8")  # other bytes, the same plan
    result = import_file(storage, copy)
    assert result.outcome == "unchanged" and result.backup is None
    assert backup.list_backups(storage.backups_dir) == before
    plan = next(p for p in repository.plans() if p.tasks == 89)
    assert plan.source_name == f"{PLAN_2024_DISTRICT}.txt"


def test_corrections_made_before_importing_survive_later_revisions(tmp_path: Path) -> None:
    """Owners and deadlines fixed in the import preview are the user's corrections: the
    document's values are kept beside them, and a revision leaves them alone."""
    storage = new_storage(tmp_path)
    plan = (
        "某区司法局2024年工作要点\n1. 开展普法宣传。（完成时间：待定）\n"
        "2. 规范档案管理。（牵头部门：办公室。完成时间：9月）\n"
    )
    parsed = parse_text(plan)
    document = parsed.tasks[0]
    fixed = replace(
        document,
        responsible=("普法科",),
        deadline=Deadline("5月", "month", date(2024, 5, 31)),
    )
    edited = replace(parsed, tasks=(fixed, *parsed.tasks[1:]))
    result = import_plan(
        storage, edited, source_name="a.txt", content_hash="a", corrections={0: document}
    )
    assert result.corrected == 1
    [task] = [t for t in repository.tasks() if t.label == "1"]
    assert (task.responsible, task.due) == (("普法科",), date(2024, 5, 31))
    assert task.owners_corrected and task.deadline_corrected
    revised = plan.replace("规范档案管理。", "规范档案和印章管理。")
    later = import_plan(storage, parse_text(revised), source_name="b.txt", content_hash="b")
    assert [(d.label, [c.field for c in d.changes]) for d in later.diffs] == [("2", ["text"])]
    [task] = [t for t in repository.tasks() if t.label == "1"]
    assert (task.responsible, task.due) == (("普法科",), date(2024, 5, 31))


def test_the_same_file_again_with_a_correction_applies_it(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    plan = "某局2024年工作要点\n1. 开展普法宣传。（完成时间：待定）\n"
    parsed = parse_text(plan)
    import_plan(storage, parsed, source_name="a.txt", content_hash="a")
    document = parsed.tasks[0]
    fixed = replace(document, deadline=Deadline("6月", "month", date(2024, 6, 30)))
    again = import_plan(
        storage,
        replace(parsed, tasks=(fixed,)),
        source_name="a.txt",
        content_hash="a",
        corrections={0: document},
    )
    assert again.outcome == "updated" and again.corrected == 1
    [task] = repository.tasks()
    assert task.due == date(2024, 6, 30) and task.deadline_corrected
    assert Plan.select().count() == 1


def test_a_plan_without_a_title_is_recognised_by_its_tasks(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    body = (
        "1. 开展普法宣传。（责任部门：普法科。完成时间：6月）\n"
        "2. 规范档案管理。（责任部门：办公室。完成时间：9月）\n"
        "3. 组织业务培训。（责任部门：政治处。完成时间：10月）\n"
    )
    first = import_plan(storage, parse_text(body), source_name="a.txt", content_hash="a")
    assert first.title is None
    again = import_plan(storage, parse_text(body + "\n"), source_name="b.txt", content_hash="b")
    assert (again.outcome, again.plan_id) == ("unchanged", first.plan_id)
    assert Plan.select().count() == 1 and Task.select().count() == 3
