"""Shared test fixtures: the real plan documents under tests/fixtures/."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop_app.reminders.notifier import RecordingNotifier
    from tests.helpers.desktop_session import DesktopSession

FIXTURES = Path(__file__).parent / "fixtures"

PLAN_2024_CITY = "000_9ec6db43f1a77751"
PLAN_2020_CITY = "001_69a0decc525aedac"
REPORT_2020 = "002_6ed89374fb2fd5b6"
PLAN_2024_DISTRICT = "003_977e8fd6d0e9a83c"
REPORT_2018 = "004_c70af58f9dd6baf6"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True, scope="session")
def _logs_of_the_test_run() -> Iterator[Path]:
    """The program's log goes to a folder of the test run, never the user's own (programs
    started by a test inherit it)."""
    from desktop_app.logs import LOG_DIR_ENV

    folder = Path(tempfile.mkdtemp(prefix="deadline-reminder-test-logs-"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LOG_DIR_ENV, str(folder))
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def desktop() -> Iterator[DesktopSession]:
    """A private desktop with a real notification daemon (dunst on its own session bus)."""
    from tests.helpers.desktop_session import DesktopSession, skip_without_tools

    skip_without_tools()
    folder = Path(tempfile.mkdtemp(prefix="dr-desktop-"))  # short: a socket's path is short
    session = DesktopSession(folder)
    try:
        yield session.start()
    finally:
        session.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def notifier() -> RecordingNotifier:
    """A notifier that records what it was asked to show, and shows it (a working desktop)."""
    from desktop_app.reminders.notifier import RecordingNotifier

    return RecordingNotifier()
