"""Benchmark-only fixtures: the plan texts, and the medians printed after the run.

This directory is outside the default `python3 -m pytest` run (`norecursedirs` in
pyproject.toml); run it with `python3 -m pytest tests/benchmarks`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PLAN_2024_CITY = "000_9ec6db43f1a77751"
PLAN_2024_DISTRICT = "003_977e8fd6d0e9a83c"

# (median, min) in seconds by benchmark name, filled by the tests.
Results = dict[str, tuple[float, float]]
_RESULTS = pytest.StashKey[Results]()


@pytest.fixture(scope="session")
def plan_003() -> str:
    return (FIXTURES / f"{PLAN_2024_DISTRICT}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan_000() -> str:
    return (FIXTURES / f"{PLAN_2024_CITY}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def speed_results(request: pytest.FixtureRequest) -> Results:
    return request.config.stash.setdefault(_RESULTS, {})


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    results = terminalreporter.config.stash.get(_RESULTS, {})
    if not results:
        return
    write = terminalreporter.write_line
    terminalreporter.section("parse speed")
    write(f"{'parse_text':<30} {'median':>10} {'min':>10}")
    for name, (median, minimum) in results.items():
        write(f"{name:<30} {median * 1000:7.3f} ms {minimum * 1000:7.3f} ms")
    if "003" not in results:
        return
    one_median, one_min = results["003"]
    for name, (median, minimum) in results.items():
        if name.startswith("003 x"):
            label = f"ratio {name} / 003"
            write(f"{label:<30} {median / one_median:10.1f} {minimum / one_min:10.1f}")
