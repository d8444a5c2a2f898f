"""Every bad input ends in a clear `PlanReadError` or a plan: never a traceback, never a hang.

The corpus (tests/bad_inputs.py) is written into a temporary directory for each case.
Each case is parsed in this process with its memory peak measured by tracemalloc: a zip
bomb must be refused from its declared sizes, a 50 MB file from its size on disk, and
a one-megabyte line parsed without blowing up.
"""

from __future__ import annotations

import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.plans.errors import PlanReadError
from desktop_app.plans.model import ParsedPlan
from desktop_app.plans.parser import parse_file

from .bad_inputs import BOMB_BYTES, CORPUS, INTACT, PDF_PASSWORD, PLAN, PLAN_LINES, BadInput

MAX_PEAK_BYTES = 300 * 1024 * 1024
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _params(cases: tuple[BadInput, ...]) -> list[object]:
    return [pytest.param(case, id=case.name) for case in cases]


def _case(name: str) -> BadInput:
    return next(case for case in CORPUS if case.name == name)


@pytest.fixture
def no_soffice(tmp_path: Path) -> str:
    """A LibreOffice that is not installed, whatever this machine has."""
    return str(tmp_path / "no-libreoffice" / "program" / "soffice")


def _parse_bounded(path: Path, soffice: str) -> ParsedPlan | PlanReadError:
    """parse_file's plan or PlanReadError; any other exception propagates and fails the test."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    try:
        try:
            outcome: ParsedPlan | PlanReadError = parse_file(path, soffice=soffice)
        except PlanReadError as exc:
            outcome = exc
        peak = tracemalloc.get_traced_memory()[1] - baseline
    finally:
        if not was_tracing:
            tracemalloc.stop()
    assert peak < MAX_PEAK_BYTES, f"reading {path.name} allocated {peak / 2**20:.0f} MB"
    return outcome


@pytest.mark.parametrize("case", _params(CORPUS))
def test_bad_input_ends_in_a_clear_error_or_a_plan(
    case: BadInput, tmp_path: Path, no_soffice: str
) -> None:
    path = case.write(tmp_path)
    outcome = _parse_bounded(path, no_soffice)
    if case.expected == PLAN:
        assert isinstance(outcome, ParsedPlan), f"[{outcome.code}] {outcome.one_line()}"
        if case.check is not None:
            case.check(outcome)
        return
    assert isinstance(outcome, PlanReadError), f"a {outcome.kind} plan instead of an error"
    assert outcome.code == case.expected, outcome.one_line()
    assert _CJK.search(outcome.message_zh), outcome.message_zh
    assert re.search(r"[A-Za-z]{3}", outcome.message_en), outcome.message_en
    assert "\n" not in outcome.one_line()


@pytest.mark.parametrize("case", _params(INTACT))
def test_undamaged_originals_read_as_the_plan(
    case: BadInput, tmp_path: Path, no_soffice: str
) -> None:
    """The damaged corpus entries fail because of the damage, not because of the generator."""
    outcome = _parse_bounded(case.write(tmp_path), no_soffice)
    assert isinstance(outcome, ParsedPlan), f"[{outcome.code}] {outcome.one_line()}"
    assert case.check is not None
    case.check(outcome)


def test_the_corpus_files_are_what_they_claim(tmp_path: Path) -> None:
    import pdfplumber

    bomb = _case("docx_zip_bomb").write(tmp_path)
    with zipfile.ZipFile(bomb) as zf:
        assert zf.getinfo("word/document.xml").file_size == BOMB_BYTES
    assert bomb.stat().st_size < 2 * 1024 * 1024

    assert _case("text_50mb").write(tmp_path).stat().st_size >= 50 * 1024 * 1024

    encrypted = _case("encrypted_pdf").write(tmp_path)
    with pdfplumber.open(encrypted, password=PDF_PASSWORD.decode()) as pdf:
        assert PLAN_LINES[0] in (pdf.pages[0].extract_text() or "")


@pytest.mark.parametrize("name", ["truncated_docx", "encrypted_pdf", "text_50mb"])
def test_cli_reports_an_unreadable_file_on_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case(name).write(tmp_path)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert _CJK.search(lines[0])
    assert path.name in lines[0]
    assert "Traceback" not in captured.err
