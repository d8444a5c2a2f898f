"""The notifiers without Qt: plyer behind its interface, the recording fake, and the fallback
from one channel to the next when a channel fails."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop_app.reminders.notifier import (
    PLYER_HIDDEN_IMPORTS,
    FallbackNotifier,
    NotificationError,
    PlyerNotifier,
    RecordingNotifier,
    SentNotification,
    notification_icon,
    plyer_platform,
)

ROOT = Path(__file__).resolve().parents[1]


class FakePlyerBackend:
    """Stands in for plyer's platform object: records its keyword arguments, or raises."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.calls: list[dict] = []

    def notify(self, **kwargs) -> None:
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error


def test_recording_notifier_records_and_fails_when_told() -> None:
    notifier = RecordingNotifier()
    assert notifier.notify("到期提醒", "3 项任务本月到期", [4, 7]) == "recording"
    assert notifier.calls == [("到期提醒", "3 项任务本月到期", (4, 7))]
    assert notifier.calls[0] == SentNotification("到期提醒", "3 项任务本月到期", (4, 7))
    notifier.fail_with("desktop said no")
    with pytest.raises(NotificationError, match="desktop said no"):
        notifier.notify("到期提醒", "又一条", [1])
    assert len(notifier.calls) == 1 and len(notifier.attempts) == 2
    notifier.fail_with(None)
    notifier.notify("到期提醒", "恢复", ())
    assert notifier.calls[-1].task_ids == ()


def test_plyer_notifier_passes_title_body_name_and_icon(tmp_path: Path) -> None:
    icon = tmp_path / "app.ico"
    icon.write_bytes(b"\0\0\1\0")
    backend = FakePlyerBackend()
    notifier = PlyerNotifier("工作要点督办提醒", icon, timeout=7, backend=backend)
    assert notifier.notify("到期提醒", "信息处：2 项本月到期", [1, 2]) == "plyer"
    assert backend.calls == [
        {
            "title": "到期提醒",
            "message": "信息处：2 项本月到期",
            "app_name": "工作要点督办提醒",
            "app_icon": str(icon),
            "timeout": 7,
        }
    ]


def test_plyer_notifier_leaves_out_a_missing_icon(tmp_path: Path) -> None:
    backend = FakePlyerBackend()
    PlyerNotifier("x", tmp_path / "missing.ico", backend=backend).notify("t", "b", [])
    assert backend.calls[0]["app_icon"] == ""  # Windows' balloon fails on a bad icon path


def test_fallback_is_used_when_plyer_raises(caplog: pytest.LogCaptureFixture) -> None:
    plyer = PlyerNotifier("x", None, backend=FakePlyerBackend(OSError("dbus: no session bus")))
    tray = RecordingNotifier("tray")
    chain = FallbackNotifier([plyer, tray], logging.getLogger("test.notify"))
    with caplog.at_level(logging.INFO, logger="test.notify"):
        assert chain.notify("到期提醒", "2 项逾期", [9, 10]) == "tray"
    assert tray.calls == [("到期提醒", "2 项逾期", (9, 10))]
    assert chain.last_channel == "tray"
    failures = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(failures) == 1
    assert "plyer" in failures[0].getMessage() and "no session bus" in failures[0].getMessage()
    assert any("sent through tray" in r.getMessage() for r in caplog.records)


def test_the_first_working_channel_wins_and_later_ones_are_not_asked() -> None:
    first, second = RecordingNotifier("plyer"), RecordingNotifier("tray")
    assert FallbackNotifier([first, second]).notify("t", "b", [1]) == "plyer"
    assert len(first.calls) == 1 and second.attempts == []


def test_any_exception_of_a_channel_falls_through(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        channel = "broken"

        def notify(self, title, body, task_ids):
            raise RuntimeError("window already deleted")

    banner = RecordingNotifier("banner")
    assert FallbackNotifier([Broken(), banner]).notify("t", "b", []) == "banner"
    assert "broken" in caplog.text and "window already deleted" in caplog.text


def test_all_channels_failing_raises_and_names_each(caplog: pytest.LogCaptureFixture) -> None:
    chain = FallbackNotifier(
        [
            RecordingNotifier("dbus", fail="no_service"),
            RecordingNotifier("tray", fail="no_tray"),
            RecordingNotifier("banner", fail="the window is gone"),
        ]
    )
    with pytest.raises(NotificationError) as caught:
        chain.notify("t", "b", [1])
    error = caught.value
    assert error.code == "none_worked"
    assert [(name, e.code) for name, e in error.failures] == [
        ("dbus", "no_service"),
        ("tray", "no_tray"),
        ("banner", "failed"),
    ]
    assert "the window is gone" in str(error) and "tray: no_tray" in str(error)
    assert chain.last_channel is None and chain.last_failures == error.failures
    assert [r.levelno for r in caplog.records].count(logging.ERROR) == 1
    with pytest.raises(NotificationError, match="no channel"):
        FallbackNotifier([]).notify("t", "b", [])


def test_a_chain_remembers_what_failed_before_the_channel_that_worked() -> None:
    chain = FallbackNotifier(
        [RecordingNotifier("dbus", fail="no_service"), RecordingNotifier("tray")]
    )
    assert chain.notify("t", "b", []) == "tray"
    assert [(name, e.code) for name, e in chain.last_failures] == [("dbus", "no_service")]
    assert FallbackNotifier([RecordingNotifier("dbus")]).last_failures == ()


def test_a_failure_has_a_known_code() -> None:
    with pytest.raises(ValueError, match="unknown notification failure"):
        NotificationError("gremlins")


def test_plyer_without_any_linux_backend_is_unavailable(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No dbus-python, no notify-send: plyer would warn and fall back to a facade that raises."""
    linux = pytest.importorskip("plyer.platforms.linux.notification")
    monkeypatch.setitem(sys.modules, "dbus", None)  # ``import dbus`` raises ImportError
    monkeypatch.setattr(linux, "whereis_exe", lambda name: None)
    not_flatpak = SimpleNamespace(path=SimpleNamespace(isdir=lambda path: False))
    monkeypatch.setattr(linux, "os", not_flatpak)  # plyer looks for /app
    notifier = PlyerNotifier("x", None, platform="linux")
    with pytest.raises(NotificationError, match="found no way to notify") as caught:
        notifier.notify("t", "b", [])  # and the warnings did not escape (they are errors here)
    assert caught.value.code == "unavailable" and "notify-send not found" in str(caught.value)
    recording = RecordingNotifier("tray")
    assert FallbackNotifier([notifier, recording]).notify("t", "b", [3]) == "tray"


def test_plyer_on_a_platform_it_does_not_know() -> None:
    with pytest.raises(NotificationError, match="no notification back-end"):
        PlyerNotifier("x", None, platform="plan9").notify("t", "b", [])


def test_notification_icon_is_an_ico_on_windows_only() -> None:
    assert notification_icon("win32").name == "app.ico"
    assert notification_icon("linux").name == "app.png"
    assert notification_icon("darwin").name == "app.png"
    assert notification_icon("win32").is_file() and notification_icon("linux").is_file()
    assert [plyer_platform(p) for p in ("win32", "cygwin", "darwin", "linux", "sunos5")] == [
        "win",
        "win",
        "macosx",
        "linux",
        "unknown",
    ]


def test_hidden_imports_name_real_plyer_modules() -> None:
    pytest.importorskip("plyer")
    from importlib.util import find_spec

    assert "plyer.platforms.win.notification" in PLYER_HIDDEN_IMPORTS
    assert "plyer.platforms.linux.notification" in PLYER_HIDDEN_IMPORTS
    for name in PLYER_HIDDEN_IMPORTS:
        assert find_spec(name) is not None, name


def test_the_notifier_module_keeps_qt_out() -> None:
    code = (
        "import sys, desktop_app.reminders.notifier as n; "
        "n.PlyerNotifier('x', None, backend=type('B', (), {'notify': lambda s, **k: None})())"
        ".notify('t', 'b', []); "
        "assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules), 'Qt'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
