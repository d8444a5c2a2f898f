"""Data folders and database files that cannot be ours: another program's database, a folder
where the file should be, a path too long for the system, a link that loops. Each is one
line in both languages and exit code 3, never a traceback, and nothing of it is changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main


def _foreign(folder: Path) -> Path:
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / "tasks.sqlite3")
    conn.execute("CREATE TABLE task (name TEXT)")  # a table of ours' name, not our schema
    conn.execute("INSERT INTO task VALUES ('另一个程序的数据')")
    conn.commit()
    conn.close()
    return folder


def _is_a_folder(folder: Path) -> Path:
    (folder / "tasks.sqlite3").mkdir(parents=True)
    return folder


def _too_long(folder: Path) -> Path:
    return folder / ("长" * 100)  # 300 bytes: over the 255 a name may have


def _looping(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    return folder / "a"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_foreign, "不是本程序的"),
        (_is_a_folder, "是一个文件夹"),
        (_too_long, "过长"),
        (_looping, "失效或循环的链接"),
    ],
)
def test_a_data_folder_that_cannot_be_used_is_one_line_and_exit_3(
    tmp_path: Path, make, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make(tmp_path / "data")
    database = folder / "tasks.sqlite3"
    before = database.read_bytes() if database.is_file() else None
    code = main(["plans", "--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert code == 3
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    if before is not None:
        assert database.read_bytes() == before  # another program's file, left as it was
        assert not (folder / "tasks.sqlite3-wal").exists()
