"""Parser speed: `parse_text` on real plans and on a plan 100 times longer.

Targets (from the issue): fixture 003 parses in-process with a median of at most
15 ms on a 2-core machine, and a plan 100 times longer (8,900 tasks) takes at most
120 times as long. Only the ratio is asserted: an absolute time depends on the
machine, so the medians are printed in the summary (`parse speed`), not
checked.

Run: python3 -m pytest tests/benchmarks
"""

from __future__ import annotations

import re

import pytest

from desktop_app.plans.parser import parse_text

TASKS_003 = 89
COPIES = 100
MAX_RATIO = 120
# About 0.8 s each on a 2-core machine; the median of 7 rides out a busy moment or two.
ROUNDS_X100 = 7
# (median, min) in seconds by benchmark name: the `speed_results` fixture (conftest.py).
Results = dict[str, tuple[float, float]]
# numbering.py reads `1.` … `999.` as task numbers; `1000.` is read as text.
MAX_TASK_NUMBER = 999

_TASK_LINE_RE = re.compile(r"^(\d+)(\.\s)", re.MULTILINE)
_BODY_START_RE = re.compile(r"^一、", re.MULTILINE)
_FOOTER_RE = re.compile(r"^抄送", re.MULTILINE)


def make_long_plan(text: str, copies: int = COPIES, *, restart_numbering: bool = False) -> str:
    """The plan with its numbered body written `copies` times, tasks renumbered.

    The header (notice, last year's summary, the plan's title and preamble) and
    the footer (`抄送…`, `…印发`) stay once; the body from the plan's `一、` to the
    footer is repeated, `一、`…`五、` chapters and `（一）` sections included, so
    the result is a long plan of `copies` × 89 tasks, not one giant paragraph.

    Task numbers continue across copies (copy 2 of task `1.` becomes `90.`), or,
    with `restart_numbering`, start again at `1.` in each copy, as in plans whose
    chapters number their own tasks.
    """
    first_task = _TASK_LINE_RE.search(text)
    if first_task is None:
        raise ValueError("the plan has no numbered tasks")
    # The body starts at the last `一、` before the first task (the summary above
    # the plan has its own `一、…` chapters without tasks).
    starts = [m.start() for m in _BODY_START_RE.finditer(text, 0, first_task.start())]
    footer = _FOOTER_RE.search(text, first_task.start())
    if not starts or footer is None:
        raise ValueError("cannot find the plan's numbered body")
    head, foot = text[: starts[-1]], text[footer.start() :]
    body = text[starts[-1] : footer.start()].rstrip("\n") + "\n\n"

    numbers = [int(m.group(1)) for m in _TASK_LINE_RE.finditer(body)]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError("the body's tasks are not numbered 1..n")
    step = 0 if restart_numbering else len(numbers)

    def renumbered(offset: int) -> str:
        return _TASK_LINE_RE.sub(lambda m: f"{int(m.group(1)) + offset}{m.group(2)}", body)

    return head + "".join(renumbered(k * step) for k in range(copies)) + foot


@pytest.fixture(scope="module")
def plan_003_x100(plan_003: str) -> str:
    return make_long_plan(plan_003)


@pytest.fixture(scope="module")
def plan_003_x100_restart(plan_003: str) -> str:
    return make_long_plan(plan_003, restart_numbering=True)


def test_long_plans_have_all_tasks(
    plan_003: str, plan_003_x100: str, plan_003_x100_restart: str
) -> None:
    """Not a timing: the generated plans parse into the 8,900 tasks they should."""
    one = parse_text(plan_003)
    assert len(one.tasks) == TASKS_003
    restarted = parse_text(plan_003_x100_restart)
    assert [(t.label, t.text) for t in restarted.tasks] == [
        (t.label, t.text) for t in one.tasks
    ] * COPIES
    continued = parse_text(plan_003_x100)
    assert len(continued.tasks) == COPIES * TASKS_003
    # Up to 999 the continued numbering reads as numbered; later tasks fall
    # under their `（一）` section instead (`（四）-13`), see MAX_TASK_NUMBER.
    labels = [t.label for t in continued.tasks[: MAX_TASK_NUMBER - 1]]
    assert labels == [str(n) for n in range(1, MAX_TASK_NUMBER)]


def _record(benchmark, results: Results, name: str) -> None:
    if benchmark.stats is None:  # --benchmark-disable: the function ran once, untimed
        pytest.skip("benchmarks disabled")
    results[name] = (benchmark.stats.stats.median, benchmark.stats.stats.min)


def _check_ratio(results: Results, name: str) -> None:
    if "003" not in results:
        pytest.skip("the ratio needs test_parse_003 in the same run")
    long, one = results[name][0], results["003"][0]
    ratio = long / one
    print(f"\n{name}: median {long * 1000:.1f} ms = {ratio:.1f} × 003 ({one * 1000:.3f} ms)")
    assert ratio <= MAX_RATIO, f"{name} takes {ratio:.1f} times as long as 003 (max {MAX_RATIO})"


@pytest.mark.benchmark(group="parse_text")
def test_parse_003(benchmark, plan_003: str, speed_results: Results) -> None:
    plan = benchmark(parse_text, plan_003)
    assert len(plan.tasks) == TASKS_003
    _record(benchmark, speed_results, "003")


@pytest.mark.benchmark(group="parse_text")
def test_parse_000(benchmark, plan_000: str, speed_results: Results) -> None:
    plan = benchmark(parse_text, plan_000)
    assert plan.tasks
    _record(benchmark, speed_results, "000")


@pytest.mark.benchmark(group="parse_text")
def test_parse_003_x100(benchmark, plan_003_x100: str, speed_results: Results) -> None:
    plan = benchmark.pedantic(
        parse_text, args=(plan_003_x100,), rounds=ROUNDS_X100, warmup_rounds=1
    )
    assert len(plan.tasks) == COPIES * TASKS_003
    _record(benchmark, speed_results, "003 x100")
    _check_ratio(speed_results, "003 x100")


@pytest.mark.benchmark(group="parse_text")
def test_parse_003_x100_restart(
    benchmark, plan_003_x100_restart: str, speed_results: Results
) -> None:
    plan = benchmark.pedantic(
        parse_text, args=(plan_003_x100_restart,), rounds=ROUNDS_X100, warmup_rounds=1
    )
    assert len(plan.tasks) == COPIES * TASKS_003
    _record(benchmark, speed_results, "003 x100 restart")
    _check_ratio(speed_results, "003 x100 restart")
