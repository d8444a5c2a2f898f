"""The Windows AppUserModelID: claimed with the installer's ID, refused quietly, and never
asked for elsewhere."""

from __future__ import annotations

from pathlib import Path

from desktop_app.paths import APP_USER_MODEL_ID
from desktop_app.ui.app_identity import claim_app_user_model_id

ROOT = Path(__file__).resolve().parents[2]


class FakeShell32:
    def __init__(self, result: int = 0) -> None:
        self.result = result
        self.asked: list[str] = []

    def SetCurrentProcessExplicitAppUserModelID(self, app_id: str) -> int:
        self.asked.append(app_id)
        return self.result


def test_windows_gets_the_id_of_the_start_menu_shortcut() -> None:
    shell = FakeShell32()
    assert claim_app_user_model_id("win32", shell)
    assert shell.asked == [APP_USER_MODEL_ID]
    installer = (ROOT / "packaging" / "windows" / "deadline-reminder.iss").read_text("utf-8-sig")
    assert f'#define AppUserModelID "{APP_USER_MODEL_ID}"' in installer
    shortcut = next(
        line for line in installer.splitlines() if line.startswith('Name: "{autoprograms}')
    )
    assert 'AppUserModelID: "{#AppUserModelID}"' in shortcut


def test_a_refusal_is_logged_not_raised(caplog) -> None:
    shell = FakeShell32(result=-2147024809)  # E_INVALIDARG
    assert not claim_app_user_model_id("win32", shell)
    assert "0x80070057" in caplog.text


def test_other_platforms_are_left_alone() -> None:
    shell = FakeShell32()
    assert not claim_app_user_model_id("linux", shell)
    assert shell.asked == []


def test_the_installers_login_value_is_the_one_the_settings_read() -> None:
    from desktop_app.ui.autostart import RUN_VALUE

    installer = (ROOT / "packaging" / "windows" / "deadline-reminder.iss").read_text("utf-8-sig")
    assert f'#define RunValue "{RUN_VALUE}"' in installer
    assert "PrivilegesRequired=lowest" in installer
