"""An import killed at any moment leaves the old data or the whole new plan, never a part of it.

A child process imports plan 003 (89 tasks) into a database that holds plan
000 (33 tasks) and is killed with SIGKILL: 40 times at moments spread over the
whole run (open, parse, pre-import backup, write transaction, commit, close,
and a little after it ends) and 10 times inside the pre-import backup itself.
The moments come from a seeded random generator, so a rerun tries the same
delays. After every kill the database must be sound and equal, row for row, to
the old state or to the state an uninterrupted import produces; a backup under
a real name must be a complete copy; the program must open the file again and
importing the plan once more must give exactly the complete plan.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from db import backup as backups
from db import repository
from db.connection import open_storage
from desktop_app.services.importer import import_file

from .conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT
from .helpers import HELPER_SCRIPT, census, database_state, integrity_problems

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"),
    reason="needs SIGKILL and SIGSTOP (POSIX)",
)

SEED = 20240302
SPREAD_KILLS = 40  # over the whole import and a little after it
BACKUP_KILLS = 10  # inside the pre-import backup
EXTRA_KILLS = 12  # at most, when the machine's speed changed since the measurement
MEASURE_RUNS = 3
CHILD_TIMEOUT = 60  # seconds before a hung child is killed and the test fails
OLD_PLAN = FIXTURES / f"{PLAN_2024_CITY}.txt"  # 33 tasks
NEW_PLAN = FIXTURES / f"{PLAN_2024_DISTRICT}.txt"  # 89 tasks
OLD_CLOCK = datetime(2024, 3, 1, 9, 0)
NEW_CLOCK = datetime(2024, 3, 2, 9, 0)  # the child's clock: the same rows on every run
OLD_COUNTS = {"plan": 1, "task": 33}
NEW_COUNTS = {"plan": 2, "task": 33 + 89}
SEARCH_WORD = "普陀"  # in plan 003 only


@dataclass
class Child:
    """One import in a child process; a watchdog ends it if it hangs."""

    process: subprocess.Popen[str]
    watchdog: threading.Timer | None = None
    hung: bool = False

    @classmethod
    def start(cls, data_dir: Path, *options: str) -> Child:
        process = subprocess.Popen(
            [
                sys.executable,
                str(HELPER_SCRIPT),
                "crash-import",
                str(data_dir),
                str(NEW_PLAN),
                NEW_CLOCK.isoformat(),
                *options,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        child = cls(process)
        child.watchdog = threading.Timer(CHILD_TIMEOUT, child._hang_up)
        child.watchdog.daemon = True
        child.watchdog.start()
        child.expect("ready")
        return child

    def _hang_up(self) -> None:
        self.hung = True
        self.process.kill()

    def expect(self, word: str) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith(word):
            self.process.kill()
            _, _, err = self.finish(check=False)
            pytest.fail(f"the child said {line!r} instead of {word!r}; stderr:\n{err}")
        return line

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def finish(self, *, check: bool = True) -> tuple[int, str, str]:
        try:
            out, err = self.process.communicate(timeout=CHILD_TIMEOUT)
        finally:
            if self.watchdog is not None:
                self.watchdog.cancel()
        if check and self.hung:
            pytest.fail(f"the child hung for {CHILD_TIMEOUT} s:\n{err}")
        if check and self.process.returncode not in (0, -signal.SIGKILL):
            pytest.fail(f"the child failed ({self.process.returncode}):\n{err}")
        return self.process.returncode, out, err


@dataclass
class Scene:
    """The pristine old database, the working copy the children import into, the references."""

    root: Path
    pristine: Path
    data_dir: Path
    old_state: dict[str, object] = field(default_factory=dict)
    new_state: dict[str, object] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        return self.data_dir / "tasks.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def reset(self) -> None:
        """Put the old database back (dropping whatever WAL a killed child left)."""
        for suffix in ("-wal", "-shm"):
            self.database.with_name(self.database.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(self.pristine, self.database)


def _make_scene(root: Path) -> Scene:
    pristine = root / "pristine" / "tasks.sqlite3"
    storage = open_storage(pristine, clock=lambda: OLD_CLOCK, backups_dir=root / "pristine-b")
    try:
        assert import_file(storage, OLD_PLAN).outcome == "created"
    finally:
        storage.close()
    assert not pristine.with_name(pristine.name + "-wal").exists()
    data_dir = root / "data"
    data_dir.mkdir()
    scene = Scene(root, pristine, data_dir)
    scene.old_state = database_state(pristine)
    return scene


def _measure(scene: Scene) -> tuple[float, float, list[dict[str, float]]]:
    """Uninterrupted runs: their duration, the backup's duration, and the new reference state."""
    traces = []
    for _ in range(MEASURE_RUNS):
        scene.reset()
        child = Child.start(scene.data_dir, "--trace")
        child.go()
        code, out, _ = child.finish()
        assert code == 0
        words = out.split(maxsplit=2)
        assert words[:2] == ["done", "created"], out
        traces.append(json.loads(words[2]))
        state = database_state(scene.database)
        if scene.new_state:
            assert state == scene.new_state, "two uninterrupted imports stored different rows"
        scene.new_state = state
    shutil.rmtree(scene.backups_dir)
    duration = statistics.median(t["end"] for t in traces)
    in_backup = statistics.median(t["backup_end"] - t["backup_start"] for t in traces)
    return duration, in_backup, traces


def _check_backups(scene: Scene, checked: set[tuple[str, int, int]]) -> int:
    """Every backup under a real name is a sound, complete copy of the old state.

    Returns how many leftovers of an interrupted backup (``*.partial``) lie in the folder.
    """
    listed = backups.list_backups(scene.backups_dir)
    for info in listed:
        assert not info.path.name.endswith(".partial")
        stat = info.path.stat()
        key = (info.path.name, stat.st_mtime_ns, stat.st_size)
        if key in checked:
            continue
        assert backups.check_file(info.path) is None, f"{info.path.name} is not sound"
        assert database_state(info.path) == scene.old_state, (
            f"{info.path.name} is not the database as it was before the import"
        )
        checked.add(key)
    latest = backups.latest_backup(scene.backups_dir)
    assert latest is None or latest in {b.path for b in listed}
    if not scene.backups_dir.is_dir():
        return 0
    return sum(1 for p in scene.backups_dir.iterdir() if p.name.endswith(".partial"))


def _check_after_kill(scene: Scene, what: str) -> str:
    """The database holds exactly the old or exactly the new state; returns which."""
    problems = integrity_problems(scene.database)
    assert problems == [], f"{what}: the database is damaged: {problems}"
    state = database_state(scene.database)
    counts = census(scene.database)
    if state == scene.old_state:
        assert {k: counts[k] for k in OLD_COUNTS} == OLD_COUNTS
        outcome = "old"
    elif state == scene.new_state:
        assert {k: counts[k] for k in NEW_COUNTS} == NEW_COUNTS
        assert counts["task_search"] == counts["task"]
        outcome = "new"
    else:
        pytest.fail(
            f"{what}: the database holds neither the old nor the new state: {counts} "
            f"(old {census(scene.pristine)})"
        )
    # The program opens it again, finds what is there, and a second import completes it.
    storage = open_storage(scene.database, clock=lambda: NEW_CLOCK, backups_dir=scene.backups_dir)
    try:
        plans = repository.plans()
        assert [p.tasks for p in plans] == ([89, 33] if outcome == "new" else [33])
        assert bool(repository.search(SEARCH_WORD)) == (outcome == "new")
        again = import_file(storage, NEW_PLAN)
        assert again.outcome == ("same_file" if outcome == "new" else "created")
    finally:
        storage.close()
    assert database_state(scene.database) == scene.new_state, (
        f"{what}: importing again after the crash did not give exactly the complete plan"
    )
    return outcome


def _kill_plan(duration: float, in_backup: float) -> list[tuple[str, float]]:
    """Seeded kill moments: spread over [0, 1.2 x duration], and inside the backup."""
    rng = random.Random(SEED)
    moments = [
        ("spread", (i + rng.random()) / SPREAD_KILLS * duration * 1.2) for i in range(SPREAD_KILLS)
    ]
    moments += [("backup", rng.uniform(0, in_backup * 1.2)) for _ in range(BACKUP_KILLS)]
    rng.shuffle(moments)
    return moments


def _kill_once(
    scene: Scene, kind: str, delay: float, what: str, checked: set[tuple[str, int, int]]
) -> tuple[int, str, int]:
    """One import killed ``delay`` seconds after it starts (``backup``: after its backup
    began): the child's exit code, the outcome, and the partial backups it left."""
    scene.reset()
    if kind == "backup":
        child = Child.start(scene.data_dir, "--stop-at-backup")
        child.go()
        child.expect("backup")
        _, status = os.waitpid(child.process.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status)
        os.kill(child.process.pid, signal.SIGCONT)
    else:
        child = Child.start(scene.data_dir)
        child.go()
    time.sleep(delay)
    child.process.kill()
    code, _, _ = child.finish()
    partial_before = _check_backups(scene, checked)
    outcome = _check_after_kill(scene, what)
    _check_backups(scene, checked)
    return code, outcome, partial_before


def test_an_import_killed_at_any_moment_leaves_the_old_or_the_whole_new_plan(
    tmp_path: Path,
) -> None:
    scene = _make_scene(tmp_path)
    duration, in_backup, traces = _measure(scene)
    assert census(scene.pristine)["task"] == 33
    checked: set[tuple[str, int, int]] = set()
    outcomes: dict[str, list[str]] = {"spread": [], "backup": []}
    killed = {"spread": 0, "backup": 0}
    left_partial = 0
    for n, (kind, delay) in enumerate(_kill_plan(duration, in_backup)):
        what = f"kill {n} ({kind}, {delay * 1000:.1f} ms)"
        code, outcome, partial_before = _kill_once(scene, kind, delay, what, checked)
        killed[kind] += code == -signal.SIGKILL
        left_partial += kind == "backup" and partial_before > 0
        outcomes[kind].append(outcome)
    # Calibrated on this run: a machine busier than during the measurement makes every
    # planned kill land before the commit, a quicker one every kill after it. Kill later
    # (or sooner) until both outcomes have been seen, so the test proves the same thing.
    extra = 0
    for wanted, factor in (("new", 1.5), ("old", 0.5)):
        delay = duration * (1.2 if wanted == "new" else 0.5)
        while wanted not in outcomes["spread"] and extra < EXTRA_KILLS:
            delay *= factor
            what = f"extra kill {extra} (spread, {delay * 1000:.1f} ms)"
            code, outcome, _ = _kill_once(scene, "spread", delay, what, checked)
            killed["spread"] += code == -signal.SIGKILL
            outcomes["spread"].append(outcome)
            extra += 1
    summary = (
        f"import {duration * 1000:.0f} ms, backup {in_backup * 1000:.1f} ms, traces {traces}; "
        f"killed {killed}, outcomes {outcomes}, extra kills {extra}, "
        f"kills that left a partial backup {left_partial}"
    )
    print(summary)
    # The kills really fell before and after the commit, and some inside the backup.
    assert "old" in outcomes["spread"] and "new" in outcomes["spread"], summary
    assert killed["spread"] >= SPREAD_KILLS // 2, summary
    assert killed["backup"] == BACKUP_KILLS, summary
    assert left_partial >= 1, summary


def test_the_next_backup_clears_what_a_killed_backup_left(tmp_path: Path) -> None:
    """A backup killed half-way leaves ``X.partial`` and its journal; the next backup sweeps both."""
    scene = _make_scene(tmp_path)
    _, in_backup, _ = _measure(scene)
    rng = random.Random(SEED)
    for _ in range(20):
        scene.reset()
        child = Child.start(scene.data_dir, "--stop-at-backup")
        child.go()
        child.expect("backup")
        os.waitpid(child.process.pid, os.WUNTRACED)
        os.kill(child.process.pid, signal.SIGCONT)
        time.sleep(rng.uniform(in_backup * 0.2, in_backup * 0.8))
        child.process.kill()
        child.finish()
        names = {p.name for p in scene.backups_dir.iterdir()}
        if any(n.endswith(".partial") and n + "-journal" in names for n in names):
            break
    else:
        pytest.skip("no kill landed inside the backup on this machine")
    storage = open_storage(scene.database, clock=lambda: NEW_CLOCK.replace(hour=10))
    try:
        made = storage.backup("manual")
    finally:
        storage.close()
    assert backups.check_file(made) is None
    leftovers = sorted(p.name for p in scene.backups_dir.iterdir() if ".partial" in p.name)
    assert leftovers == []
