"""The window at 50,000 tasks, and the time to the first painted window.

- Switching department, month or search text must update the view within 50 ms
  (median), measured on the real MainWindow (offscreen) over the ten-year
  database of ``big_database``.
- Start-up to the first painted window (``--quit-after-paint``) is compared
  with a bare PySide6 window measured in the same run, alternating runs so that
  all see the same machine load; the ratio target is 1.5. The time until the
  plan's tasks are painted (``--quit-after-load``) is measured and printed too.

Run: python3 -m pytest tests/benchmarks -k window_speed
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import compileall
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from db.connection import open_storage
from desktop_app.ui.main_window import MainWindow
from tests.benchmarks.big_database import build_big_database

TARGET_S = 0.050
STARTUP_RATIO = 1.5
STARTUP_RUNS = 9
BARE = Path(__file__).with_name("bare_window.py")
_RESULTS: dict[str, tuple[float, float]] = {}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("window_database") / "tasks.sqlite3"
    return build_big_database(path, tasks=50_000)


@pytest.fixture(scope="module")
def window(big: dict, qapp: QApplication, tmp_path_factory: pytest.TempPathFactory):
    now = datetime.combine(big["today"], datetime.min.time()).replace(hour=9)
    storage = open_storage(big["path"], clock=lambda: now)
    ini = tmp_path_factory.mktemp("window_settings") / "window.ini"
    window = MainWindow(storage, lambda: now, QSettings(str(ini), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    qapp.processEvents()
    yield window
    window.close()
    storage.close()


def _timed(action, qapp: QApplication, rounds: int = 15) -> tuple[float, float]:
    times = []
    for i in range(rounds):
        started = time.perf_counter()
        action(i)
        qapp.processEvents()  # the view repaints: part of "updated"
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def _record(name: str, result: tuple[float, float], target: float = TARGET_S) -> None:
    _RESULTS[name] = result
    assert result[0] <= target, f"{name}: median {result[0] * 1000:.1f} ms"


def test_switching_department(window: MainWindow, big: dict, qapp: QApplication) -> None:
    busy, quiet = big["busy_department"], big["quiet_department"]
    window.show_department(busy)
    assert window.month_model.groups(), "the busy department has tasks in the plan"
    _record(
        "switch department",
        _timed(lambda i: window.show_department(busy if i % 2 else quiet), qapp),
    )


def test_switching_month(window: MainWindow, qapp: QApplication) -> None:
    window.show_department(-1)
    _record("switch month", _timed(lambda i: window.open_month(3 if i % 2 else 12), qapp))


def test_typing_a_search(window: MainWindow, qapp: QApplication) -> None:
    window.show_department(-1)
    words = ["普法", "法治", "宪法宣传周", "法"]

    def search(i: int) -> None:
        window.search_box.blockSignals(True)  # skip the typing pause; time the update itself
        window.search_box.setText(words[i % len(words)])
        window.search_box.blockSignals(False)
        window.refresh_view()

    _record("search text", _timed(search, qapp))
    window.search_box.clear()


def test_switching_to_the_overview(window: MainWindow, qapp: QApplication) -> None:
    _record(
        "switch months/overview",
        _timed(lambda i: window.show_overview() if i % 2 else window.show_months(), qapp),
    )


def _run(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)
    return time.perf_counter() - started


def test_start_up_against_a_bare_window(big: dict, tmp_path: Path) -> None:
    # An installed or packaged program runs from bytecode; a checkout under
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of ours at each start, which
    # the bare window (all in site-packages, compiled) never pays.
    root = Path(__file__).resolve().parents[2]
    for package in ("desktop_app", "db"):
        compileall.compile_dir(root / package, quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    app = [sys.executable, "-m", "desktop_app"]
    starts = {
        "--demo": ["--demo"],
        "50,000-task database": ["--data-dir", str(big["path"].parent)],
    }
    times: dict[str, list[float]] = {"bare": []}
    for _ in range(STARTUP_RUNS):  # alternating, so that all see the same machine load
        times["bare"].append(_run([sys.executable, str(BARE)], env))
        for name, args in starts.items():
            for moment in ("paint", "load"):
                times.setdefault(f"{name} {moment}", []).append(
                    _run([*app, *args, f"--quit-after-{moment}"], env)
                )
    bare = statistics.median(times["bare"])
    _RESULTS["start: bare PySide6 window"] = (bare, min(times["bare"]))
    ratios = {}
    for name in starts:
        painted, shown = times[f"{name} paint"], times[f"{name} load"]
        _RESULTS[f"start: {name}, first paint"] = (statistics.median(painted), min(painted))
        _RESULTS[f"start: {name}, tasks shown"] = (statistics.median(shown), min(shown))
        ratios[name] = statistics.median(painted) / bare
        _RESULTS[f"ratio first paint / bare ({name})"] = (ratios[name], ratios[name])
        ratio_shown = statistics.median(shown) / bare
        _RESULTS[f"ratio tasks shown / bare ({name})"] = (ratio_shown, ratio_shown)
    # The target is the first painted window; the time until the tasks are shown is
    # reported beside it (README), not held to the ratio.
    assert all(r <= STARTUP_RATIO for r in ratios.values()), ratios


def teardown_module() -> None:
    for name, (median, minimum) in _RESULTS.items():
        if name.startswith("ratio"):
            print(f"\n{name:<48} {median:6.2f}×", end="")
        else:
            print(
                f"\n{name:<48} median {median * 1000:7.1f} ms  min {minimum * 1000:7.1f} ms", end=""
            )
    print()
