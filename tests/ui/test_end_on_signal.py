"""SIGTERM, SIGINT and SIGHUP reach the event loop as ``received`` (the real program's end
on them: tests/test_demo_process.py), and the handlers before are put back."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from desktop_app.ui.end_on_signal import ENDING_SIGNALS, EndOnSignal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _wakeup_fd() -> int:
    """The wake-up socket signals are written to now (read without changing it)."""
    fd = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(fd)
    return fd


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_each_ending_signal_is_heard_in_the_event_loop(qtbot, signum: int) -> None:
    before = {s: signal.getsignal(s) for s in ENDING_SIGNALS}
    fd = _wakeup_fd()
    ending = EndOnSignal()
    assert ending.install()
    try:
        with qtbot.waitSignal(ending.received, timeout=5000) as heard:
            os.kill(os.getpid(), signum)
        assert heard.args == [signum]
    finally:
        ending.uninstall()
    assert {s: signal.getsignal(s) for s in ENDING_SIGNALS} == before
    assert _wakeup_fd() == fd  # the wake-up socket before is back


def test_installed_twice_and_uninstalled_twice_is_harmless(qapp) -> None:
    before = signal.getsignal(signal.SIGINT)
    ending = EndOnSignal()
    assert ending.install() and ending.install()
    assert signal.getsignal(signal.SIGINT) is not before
    ending.uninstall()
    ending.uninstall()
    assert signal.getsignal(signal.SIGINT) is before
