"""``--self-test``: every step said on its own line, the first that fails named, exit 1."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from desktop_app import cli, self_test
from tests.storage_helpers import FakeClock

NOW = datetime(2026, 3, 2, 9, 0)


def test_a_working_build_passes_every_step(capsys, qapp) -> None:
    assert cli.main(["--self-test"], clock=FakeClock(NOW)) == 0
    lines = capsys.readouterr().out.splitlines()
    passed = [line for line in lines if line.startswith("[通过 OK]")]
    assert len(passed) == len(self_test.STEPS)
    assert "33 项任务" in passed[0]
    assert "deadline_reminder_en" in passed[2] and "qtbase_zh_CN" in passed[2]
    assert "繁体字" in passed[-1]  # OpenCC's dictionaries are there
    assert lines[-1].startswith("自检通过")


def test_a_build_without_its_sample_fails_at_the_first_step(monkeypatch, tmp_path, qapp) -> None:
    monkeypatch.setattr(self_test, "resource_path", lambda name: tmp_path / name)
    out = io.StringIO()
    assert self_test.run_self_test(out, FakeClock(NOW)) == 1
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("[失败 FAIL] 1. 读取示例") and "找不到示例文件" in last


def test_a_build_without_its_english_translation_says_so(monkeypatch, tmp_path, qapp) -> None:
    from desktop_app.ui import app

    real = app.resource_path
    monkeypatch.setattr(
        app, "resource_path", lambda name: tmp_path if name == "i18n" else real(name)
    )
    out = io.StringIO()
    assert self_test.run_self_test(out, FakeClock(NOW)) == 1
    text = out.getvalue()
    assert "[通过 OK]   2. 导入示例" in text
    assert "[失败 FAIL] 3. 加载翻译" in text and "deadline_reminder_en.qm" in text
    assert "4. 打开主窗口" not in text


def test_the_self_test_leaves_no_data_behind(monkeypatch, tmp_path, qapp) -> None:
    made: list[Path] = []
    real = self_test.tempfile.mkdtemp

    def mkdtemp(**kwargs: str) -> str:
        made.append(Path(real(dir=tmp_path, **kwargs)))
        return str(made[-1])

    monkeypatch.setattr(self_test.tempfile, "mkdtemp", mkdtemp)
    assert self_test.run_self_test(io.StringIO(), FakeClock(NOW)) == 0
    assert made and not made[0].exists()
