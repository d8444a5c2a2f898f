"""The printable reports as a reader gets them: pages drawn by Qt with the Chinese font
embedded, turned into PNG pages (pdftoppm) and into text (pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from db import repository
from desktop_app.calendar.workdays import WorkCalendar
from desktop_app.exports.ledger import build_ledger
from desktop_app.exports.pdf_report import write_pdf
from desktop_app.services.importer import import_file
from tests.conftest import FIXTURES, PLAN_2024_DISTRICT

NOW = datetime(2024, 6, 28, 9, 0)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdftoppm, pdffonts)"
)


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True
    ).stdout
    # Qt's ToUnicode maps some ideographs that Noto CJK shares with the Kangxi radicals to the
    # radicals (⾏ for 行); NFKC gives those back, as a reader's search does (the supplement's
    # ⻔ for 门 it keeps, so the tests do not look for 门). Lines and cells are joined.
    return "".join(unicodedata.normalize("NFKC", out).split())


@pytest.fixture
def ledger(qapp, make_storage):
    storage = make_storage(NOW)
    import_file(storage, FIXTURES / f"{PLAN_2024_DISTRICT}.txt")
    plan = repository.plans()[0].id
    return lambda **kw: build_ledger(plan, NOW, WorkCalendar(), **kw)


def test_a_departments_report_is_chinese_text_in_an_embedded_font(ledger, tmp_path: Path) -> None:
    pdf = write_pdf(ledger(department_names=["依法治区工作科"]), tmp_path / "report.pdf")
    text = _text(pdf)
    assert "依法治区工作科工作进展报告" in text and "截至2024年6月28日" in text
    assert "深化习近平法治思想" in text and "理论中心组学习" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    cjk = [
        line for line in fonts.splitlines() if "CJK" in line or "YaHei" in line or "SimSun" in line
    ]
    assert cjk and all(" yes " in line for line in cjk)  # embedded


def test_the_year_end_summary_groups_by_section_with_rates_and_a_chart(
    ledger, tmp_path: Path
) -> None:
    pdf = write_pdf(ledger(), tmp_path / "summary.pdf", summary=True)
    first = _text(pdf, 1)
    assert "完成情况总结" in first and "完成率" in first
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert len(images.splitlines()) >= 3  # header, rule, the chart of the months
    assert "共89项" in first
    text = _text(pdf)
    assert "一、" in text and "二、" in text  # the plan's sections
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    [png] = tmp_path.glob("p*.png")
    assert png.stat().st_size > 10_000  # a page with a chart and tables on it


def test_the_command_writes_the_report_without_a_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env_run = [sys.executable, "-m", "desktop_app"]
    assert (
        subprocess.run(
            [
                *env_run,
                "import",
                str(FIXTURES / f"{PLAN_2024_DISTRICT}.txt"),
                "--data-dir",
                str(data),
            ],
            capture_output=True,
        ).returncode
        == 0
    )
    target = tmp_path / "总结.pdf"
    done = subprocess.run(
        [*env_run, "export", "-f", "pdf", "--summary", "-o", str(target), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "完成情况总结" in _text(target, 1)


def test_the_summary_names_a_tasks_leaders_after_its_owners(qapp, make_storage, tmp_path) -> None:
    from tests.test_leaders import ROWS, leader_plan

    import_file(make_storage(NOW), leader_plan(tmp_path, ROWS))
    ledger = build_ledger(repository.plans()[0].id, NOW, WorkCalendar())
    text = _text(write_pdf(ledger, tmp_path / "summary.pdf", summary=True))
    assert "县发改局、县财政局责任领导:张三、王五" in text  # NFKC: a half-width colon
    assert text.count("责任领导") == 1  # not for the task without leaders
