"""The computer's clock jumps: set years ahead, set back, the same instant read twice. Whatever
it says when a plan is imported, a backup taken or a note written, the commands end with exit
0 (or, for a task that does not exist yet, the program's own one-line error), the backups are
listed in the order they were really made, the one recommended after damage is the last one
really made, rotation only ever deletes the earliest made, and the reminders can be previewed
at every one of those instants.

In-process with an injected clock (``desktop_app.cli.main(argv, clock=…)``), and once with
real processes under ``faketime``.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from db import backup
from desktop_app.cli import main
from tests.conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from tests.helpers import PROGRAM, ROOT

CITY = FIXTURES / f"{PLAN_2024_CITY}.txt"
DISTRICT = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"
EARLIEST = datetime(2000, 1, 1)
LATEST = datetime(2100, 12, 31, 23, 59, 59, 999999)
# Hypothesis's own files go elsewhere than ./.hypothesis (see test_parser_properties.py).
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "deadline-reminder-hypothesis")

_MADE_RE = re.compile(r"^已备份到：(.+\.sqlite3)$", re.MULTILINE)
_LISTED_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d .* 字节  (.+?\.sqlite3)(.*)$", re.MULTILINE
)
_AHEAD = "（时间晚于现在，当时时钟有误）"

_INSTANTS = st.one_of(
    st.datetimes(min_value=EARLIEST, max_value=LATEST),
    st.sampled_from(
        [EARLIEST, LATEST, datetime(2024, 12, 31, 23, 59, 59), datetime(2099, 1, 1, 9, 0)]
    ),
)


@st.composite
def clock_readings(draw: st.DrawFn, min_size: int, max_size: int) -> list[datetime]:
    """What the clock says at each step: anywhere in 2000–2100, often what it said before."""
    readings: list[datetime] = []
    for _ in range(draw(st.integers(min_size, max_size))):
        again = bool(readings) and draw(st.booleans())
        readings.append(draw(st.sampled_from(readings)) if again else draw(_INSTANTS))
    return readings


# -- the command line, in-process --------------------------------------------------------

_OPERATIONS = ("import_city", "import_district", "backup", "note", "done", "remind_print")
# Backups three times as often as the rest: enough of them to rotate some away.
_DRAWN = (*_OPERATIONS, "backup", "backup")


def _run(argv: Sequence[str], now: datetime) -> tuple[int, str, str]:
    """`deadline-reminder ARGV` with the clock standing at ``now``: code, output, errors."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv), clock=lambda: now)
    return code, out.getvalue(), err.getvalue()


def _argv(operation: str, step: int) -> list[str]:
    return {
        "import_city": ["import", str(CITY)],
        "import_district": ["import", str(DISTRICT)],
        "backup": ["backup"],
        "note": ["note", "1", f"第{step}步：已报送材料"],
        "done": ["done", "2"],
        "remind_print": ["remind", "--print"],
    }[operation]


def _files(backups_dir: Path) -> set[Path]:
    return {b.path for b in backup.list_backups(backups_dir)}


def _notes(folder: Path) -> list[str]:
    conn = sqlite3.connect(folder / "tasks.sqlite3")
    try:
        return sorted(text for (text,) in conn.execute("SELECT text FROM progress_note"))
    finally:
        conn.close()


def _check_backups(backups_dir: Path, made: Sequence[Path]) -> list[Path]:
    """The order, the recommendation and the rotation against the order really made."""
    listed = backup.list_backups(backups_dir)
    survivors = [p for p in made if p.exists()]
    assert [b.path for b in listed] == survivors[::-1]  # newest really made first
    assert len({b.sequence for b in listed}) == len(listed)
    # Rotation kept the last ones made, however their clock times sort.
    assert len(survivors) == min(len(made), backup.KEEP_BACKUPS)
    assert survivors == list(made[len(made) - len(survivors) :])
    assert backup.latest_backup(backups_dir) == (made[-1] if made else None)
    return survivors


@settings(
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    steps=clock_readings(min_size=1, max_size=backup.KEEP_BACKUPS + 6).flatmap(
        lambda readings: st.lists(
            st.sampled_from(_DRAWN), min_size=len(readings), max_size=len(readings)
        ).map(lambda operations: list(zip(operations, readings, strict=True)))
    )
)
@example(  # enough backups to rotate, at clock readings that jump both ways and repeat
    steps=[("import_city", LATEST), ("import_district", EARLIEST)]
    + [("backup", when) for when in [LATEST, EARLIEST, EARLIEST, datetime(2099, 1, 1, 9)] * 3]
    + [("note", LATEST), ("note", LATEST), ("done", EARLIEST), ("remind_print", LATEST)]
)
def test_commands_at_any_clock_readings_keep_backups_in_the_order_made(
    steps: list[tuple[str, datetime]],
) -> None:
    with tempfile.TemporaryDirectory(prefix="dr-clock-") as tmp:
        folder = Path(tmp) / "data"
        backups_dir = folder / "backups"
        data = ["--data-dir", str(folder)]
        made: list[Path] = []
        notes: list[str] = []
        has_tasks = False
        for step, (operation, now) in enumerate(steps):
            before = _files(backups_dir)
            code, out, err = _run([*_argv(operation, step), *data], now)
            assert "Traceback" not in err, err
            if operation in ("note", "done") and not has_tasks:
                # no task 1 yet: the program's own error, on one line
                assert code == 2 and len(err.strip().splitlines()) == 1, (code, err)
            else:
                assert code == 0, (operation, now, err)
            has_tasks = has_tasks or operation.startswith("import")
            if operation == "note" and code == 0:
                notes.append(_argv(operation, step)[2])
            new = _files(backups_dir) - before
            assert len(new) <= 1, new
            if operation == "backup":
                assert [Path(p) for p in _MADE_RE.findall(out)] == list(new)
            made += new
            survivors = _check_backups(backups_dir, made)
            if operation == "backup":  # what the command lists: the same order
                assert [Path(p) for p, _ in _LISTED_RE.findall(out)] == survivors[::-1]
            code, out, err = _run(["remind", "--dry-run", *data], now)
            assert code == 0 and "Traceback" not in err, (now, err)
            if has_tasks:
                assert _notes(folder) == sorted(notes)  # each note once, none lost


# -- the backups themselves --------------------------------------------------------------


def _write_marker(conn: sqlite3.Connection, marker: str) -> None:
    conn.execute("DELETE FROM marker")
    conn.execute("INSERT INTO marker VALUES (?)", (marker,))
    conn.commit()


def _marker(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text FROM marker").fetchone()[0]
    finally:
        conn.close()


@settings(deadline=None, max_examples=60)
@given(
    steps=clock_readings(min_size=1, max_size=2 * backup.KEEP_BACKUPS + 3).flatmap(
        lambda readings: st.lists(
            st.booleans(), min_size=len(readings), max_size=len(readings)
        ).map(lambda restoring: list(zip(readings, restoring, strict=True)))
    )
)
def test_backups_at_any_clock_readings_rotate_and_recommend_by_the_order_made(
    steps: list[tuple[datetime, bool]],
) -> None:
    """``take_backup`` at each reading; some while a restore reads the earliest kept one,
    which rotation must then spare (``keep``)."""
    with tempfile.TemporaryDirectory(prefix="dr-clock-") as tmp:
        backups_dir = Path(tmp) / "backups"
        conn = sqlite3.connect(Path(tmp) / "tasks.sqlite3")
        try:
            conn.execute("CREATE TABLE marker (text TEXT)")
            made: list[Path] = []
            spared: set[Path] = set()
            for step, (now, restoring) in enumerate(steps):
                _write_marker(conn, f"step {step}")
                kept = [p for p in made if p.exists()]
                keep = kept[0] if restoring and kept else None
                made.append(backup.take_backup(conn, backups_dir, now, "manual", keep=keep))
                if keep is not None:
                    assert keep.exists()  # the one being restored from is never deleted
                    spared.add(keep)
                listed = backup.list_backups(backups_dir)
                survivors = [p for p in made if p.exists()]
                assert [b.path for b in listed] == survivors[::-1]
                assert len(listed) == min(len(made), backup.KEEP_BACKUPS)
                # Nothing made after a backup that is still there was deleted, apart from
                # what was left of those spared for a restore.
                deleted = [i for i, p in enumerate(made) if not p.exists()]
                still = [i for i, p in enumerate(made) if p.exists() and p not in spared]
                assert not deleted or not still or max(deleted) < min(still)
                latest = backup.latest_backup(backups_dir)
                assert latest == made[-1] and _marker(latest) == f"step {step}"
        finally:
            conn.close()


# -- real processes under faketime -------------------------------------------------------

FUTURE = "2099-01-01 09:00:00"
PRESENT = "2026-12-02 09:00:00"
LONG_AGO = "2000-01-01 00:00:00"
LATER_TODAY = "2026-12-02 10:00:00"  # each faketime process starts its clock afresh


def _at(when: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`deadline-reminder ARGS` in a process of its own whose clock starts at ``when``."""
    result = subprocess.run(
        ["faketime", when, *PROGRAM, *args, "--data-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (libfaketime)")
def test_backups_made_in_2099_then_put_right_are_listed_in_the_order_made(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    assert _at(FUTURE, folder, "import", str(CITY)).returncode == 0
    imported = _at(FUTURE, folder, "import", str(DISTRICT), "--json")
    assert imported.returncode == 0, imported.stderr
    made = [Path(json.loads(imported.stdout)["backup"])]  # before the import, in "2099"
    for when in [FUTURE] * (backup.KEEP_BACKUPS - 1) + [PRESENT, PRESENT, LONG_AGO]:
        result = _at(when, folder, "backup")
        assert result.returncode == 0, result.stderr
        made += [Path(p) for p in _MADE_RE.findall(result.stdout)]
    assert len(made) == backup.KEEP_BACKUPS + 3
    for when in (FUTURE, LONG_AGO, PRESENT):
        assert _at(when, folder, "remind", "--dry-run").returncode == 0

    listing = _at(LATER_TODAY, folder, "backup", "--list")
    assert listing.returncode == 0, listing.stderr
    listed = _LISTED_RE.findall(listing.stdout)
    # The last ten really made, newest made first: the 2000 one, the two of today, then
    # the last seven of "2099"; rotation deleted the three made first.
    assert [Path(p) for p, _ in listed] == made[-backup.KEEP_BACKUPS :][::-1]
    assert [mark for _, mark in listed] == ["", "", ""] + [_AHEAD] * 7
    assert not any(p.exists() for p in made[:3])

    # Damaged: the backup offered is the one made last, not the one with the latest time.
    (folder / "tasks.sqlite3").write_bytes(b"this is no database any more" * 100)
    for side in ("tasks.sqlite3-wal", "tasks.sqlite3-shm"):
        (folder / side).unlink(missing_ok=True)
    refused = _at(LATER_TODAY, folder, "plans")
    assert refused.returncode == 3
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert f"最近的备份：{made[-1]}，" in refused.stderr
