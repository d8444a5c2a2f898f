"""A task's leaders (责任领导, 分管领导) from a table plan to every place a person meets them:
the database (schema 6, and a version-5 database upgraded), a revision's history, the
search, the ledgers and the JSON of `parse` and `tasks`."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from db import journal, migrations, repository
from db.connection import open_storage
from desktop_app.cli import main
from desktop_app.exports.xlsx import LEDGER_SHEET
from desktop_app.services.importer import import_file
from tests.storage_helpers import FakeClock, new_storage

NOW = datetime(2024, 6, 28, 9, 0)
HEADER = ("序号", "工作任务", "责任领导", "分管 县领导", "牵头责任单位", "责任单位", "完成时限")


def leader_plan(folder: Path, rows: list[tuple[str, ...]], name: str = "plan.docx") -> Path:
    """A county's plan as a Word table with leader columns beside the owners."""
    document = docx.Document()
    document.add_paragraph("某县2024年重点工作任务分解表")
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for row, values in zip(table.rows, [HEADER, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    document.save(str(path))
    return path


ROWS = [
    ("1", "优化营商环境。", "张 三", "王五", "县发改局", "县财政局", "6月"),
    ("2", "推进乡村振兴。", "", "", "县农业农村局", "各乡镇", "12月"),
]


def test_leaders_are_stored_apart_from_the_owners(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, leader_plan(tmp_path, ROWS))
    first, second = sorted(repository.tasks(), key=lambda t: t.label)
    assert first.leaders == ("张三", "王五")
    assert (first.lead, first.responsible) == (("县发改局",), ("县财政局",))
    assert second.leaders == ()
    assert {d.name for d in repository.departments()} == {
        "县发改局",
        "县财政局",
        "县农业农村局",
        "各乡镇",
    }
    assert [t.label for t in repository.search("王五")] == ["1"]


def test_leaders_named_in_annotations_are_stored_and_found(tmp_path: Path) -> None:
    plan = tmp_path / "annotated.txt"
    plan.write_text(
        "某县2024年重点工作任务分解\n一、稳增长\n"
        "1. 推进重大项目建设。（责任领导：张三；牵头单位：县发改局；完成时限：6月）\n"
        "2. 优化营商环境。（分管县领导：李四；牵头单位：县营商局；完成时限：10月）\n",
        encoding="utf-8",
    )
    storage = new_storage(tmp_path)
    import_file(storage, plan)
    first, second = sorted(repository.tasks(), key=lambda t: t.label)
    assert (first.lead, first.leaders) == (("县发改局",), ("张三",))
    assert (second.lead, second.leaders) == (("县营商局",), ("李四",))
    assert {d.name for d in repository.departments()} == {"县发改局", "县营商局"}
    assert [t.label for t in repository.search("李四")] == ["2"]


def test_a_revision_that_changes_the_leaders_is_in_the_history(tmp_path: Path) -> None:
    storage = new_storage(tmp_path)
    import_file(storage, leader_plan(tmp_path, ROWS))
    revised = [(*ROWS[0][:3], "赵六", *ROWS[0][4:]), ROWS[1]]
    result = import_file(storage, leader_plan(tmp_path, revised, "revised.docx"))
    assert result.outcome == "updated"
    [diff] = [d for d in result.diffs if d.kind == "changed"]
    assert [(c.field, c.old, c.new) for c in diff.changes] == [
        ("leaders", "张三、王五", "张三、赵六")
    ]
    task = next(t for t in repository.tasks() if t.label == "1")
    assert task.leaders == ("张三", "赵六")
    assert [(c.field, c.old_value, c.new_value) for c in journal.history(task.id)] == [
        ("leaders", "张三、王五", "张三、赵六")
    ]
    assert [t.label for t in repository.search("赵六")] == ["1"]
    assert repository.search("王五") == []


def _v5_database_with_data(path: Path) -> None:
    """Version 5 as it was released: a plan, a task with a note and a change, a department."""
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 6):
        migrations.apply(conn, version)
    conn.executescript(
        """
        INSERT INTO plan VALUES (1, '某局2024年工作要点', 2024, '某局', NULL, '2024-02-01',
            'work_plan', 'plan.txt', 'abc', '2024-02-02 09:00:00', '2024-02-02 09:00:00');
        INSERT INTO department VALUES (1, '某局', '普法科', 0, '2024-02-02 09:00:00');
        INSERT INTO task VALUES (1, 1, '1', '[]', '开展普法宣传进社区活动。', NULL,
            '[]', '["普法科"]', 'month', '6月', '2024-06-30', '[]', '2024-06-30', 0, 0,
            'in_progress', NULL, 0, NULL, '2024-02-02 09:00:00', '2024-06-10 09:00:00');
        INSERT INTO task_department VALUES (1, 1, 1, 'responsible', 0);
        INSERT INTO progress_note VALUES (1, 1, '2024-06-10 09:00:00', '2024-06-10 09:00:00',
            '已进社区12场');
        INSERT INTO task_change VALUES (1, 1, 'status', '未开始', '进行中',
            '2024-06-10 09:00:00', 'user');
        """
    )
    conn.close()


def test_a_version_5_database_upgrades_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "tasks.sqlite3"
    _v5_database_with_data(path)
    storage = open_storage(path, clock=FakeClock(NOW))
    try:
        assert migrations.schema_version(storage.raw()) == migrations.LATEST_VERSION >= 6
        [task] = repository.tasks()
        assert (task.text, task.status, task.responsible, task.leaders) == (
            "开展普法宣传进社区活动。",
            "in_progress",
            ("普法科",),
            (),
        )
        assert [n.text for n in journal.notes(1)] == ["已进社区12场"]
        assert [(c.field, c.new_value) for c in journal.history(1)] == [("status", "进行中")]
        # and the upgraded database takes a plan with leaders
        import_file(storage, leader_plan(tmp_path, ROWS))
        assert {t.leaders for t in repository.tasks()} == {(), ("张三", "王五")}
    finally:
        storage.close()


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder, self.capsys = folder, capsys

    def __call__(self, *args: str) -> tuple[int, str]:
        folder = [] if args[0] == "parse" else ["--data-dir", str(self.folder)]
        code = main([*args, *folder], clock=FakeClock(NOW))
        return code, self.capsys.readouterr().out


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "数据", capsys)
    assert cli("import", str(leader_plan(tmp_path, ROWS)))[0] == 0
    return cli


def test_parse_and_tasks_json_carry_the_leaders(cli: Cli, tmp_path: Path) -> None:
    code, out = cli("parse", str(tmp_path / "plan.docx"), "--json")
    assert code == 0
    parsed = json.loads(out)["tasks"]
    assert [t["leaders"] for t in parsed] == [["张三", "王五"], []]
    assert parsed[0]["lead"] == ["县发改局"]
    code, out = cli("tasks", "--json")
    assert code == 0
    stored = {t["label"]: t for t in json.loads(out)}
    assert stored["1"]["leaders"] == ["张三", "王五"] and stored["2"]["leaders"] == []


def test_the_ledgers_have_a_leaders_column_beside_the_owners(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    assert cli("export", "-f", "xlsx", "-o", str(target))[0] == 0
    sheet = openpyxl.load_workbook(target)[LEDGER_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[1])
    assert headers[2:6] == ["牵头部门", "责任部门", "责任领导", "完成时限"]
    by_number = {r[0]: r for r in rows[2:]}
    assert by_number[1][4] == "张三、王五" and not by_number[2][4]
    # the columns after it moved along: due on 30 June, two days on
    assert by_number[1][headers.index("状态")] == "临近到期"
    state_cell = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == 1)[
        headers.index("状态")
    ]
    assert state_cell.fill.fgColor.rgb.endswith("D2E3FC")  # its colour moved with it
    target = tmp_path / "台账.csv"
    assert cli("export", "-f", "csv", "-o", str(target))[0] == 0
    with target.open(encoding="utf-8-sig", newline="") as f:
        header, first, _second = list(csv.reader(f))
    assert header[header.index("责任部门") + 1] == "责任领导"
    assert first[header.index("责任领导")] == "张三、王五"
    target = tmp_path / "台账.docx"
    assert cli("export", "-f", "docx", "-o", str(target))[0] == 0
    [table] = docx.Document(str(target)).tables
    assert [c.text for c in table.rows[0].cells][4] == "责任领导"
    assert table.rows[1].cells[4].text == "张三、王五"
    width = sum(c.width for c in table.rows[0].cells)
    assert width == pytest.approx(docx.shared.Cm(27.7), rel=0.01)  # still fits the page


def test_a_ledger_without_leaders_keeps_its_columns(tmp_path: Path, capsys) -> None:
    cli = Cli(tmp_path / "数据", capsys)
    rows = [(*r[:2], "", "", *r[4:]) for r in ROWS]
    assert cli("import", str(leader_plan(tmp_path, rows)))[0] == 0
    target = tmp_path / "台账.xlsx"
    assert cli("export", "-o", str(target))[0] == 0
    headers = list(
        list(openpyxl.load_workbook(target)[LEDGER_SHEET].iter_rows(values_only=True))[1]
    )
    assert "责任领导" not in headers
