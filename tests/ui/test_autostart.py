"""Start at login on fake home folders and registries: the Linux entry, the macOS agent, the
Windows Run key, and the command they start."""

from __future__ import annotations

import plistlib
import subprocess
from pathlib import Path

from desktop_app.ui import autostart

COMMAND = ["/opt/Deadline Reminder/bin/python", "-m", "desktop_app", "--data-dir=$HOME/100%"]


def test_linux_autostart_entry(tmp_path: Path) -> None:
    entry = tmp_path / ".config" / "autostart" / "deadline-reminder.desktop"
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)
    autostart.set_start_at_login(True, COMMAND, platform="linux", home=tmp_path)
    text = entry.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert "Name=工作要点督办提醒\n" in text
    assert "X-GNOME-Autostart-enabled=true\n" in text
    assert "Type=Application\n" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == (
        'Exec="/opt/Deadline Reminder/bin/python" -m desktop_app "--data-dir=\\\\$HOME/100%%"'
    )
    assert autostart.is_start_at_login(platform="linux", home=tmp_path)
    autostart.set_start_at_login(False, COMMAND, platform="linux", home=tmp_path)
    assert not entry.exists()
    autostart.set_start_at_login(False, COMMAND, platform="linux", home=tmp_path)  # no error
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)


def test_linux_entry_disabled_by_the_desktop_counts_as_off(tmp_path: Path) -> None:
    autostart.set_start_at_login(True, ["app"], platform="linux", home=tmp_path)
    entry = tmp_path / ".config" / "autostart" / "deadline-reminder.desktop"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("enabled=true", "enabled=false"),
        encoding="utf-8",
    )
    assert not autostart.is_start_at_login(platform="linux", home=tmp_path)


def test_exec_quoting() -> None:
    assert autostart.exec_argument("plain") == "plain"
    assert autostart.exec_argument("") == '""'
    assert autostart.exec_argument('say "hi"') == '"say \\"hi\\""'
    assert autostart.exec_argument("a`b") == '"a\\`b"'
    # a backslash is quoted (\\), then string-escaped again (\\\\), as the spec requires
    assert autostart.exec_line(["C:\\x"]) == '"C:\\\\\\\\x"'


def test_macos_launch_agent(tmp_path: Path) -> None:
    agent = tmp_path / "Library" / "LaunchAgents" / "deadline-reminder.plist"
    autostart.set_start_at_login(True, COMMAND, platform="darwin", home=tmp_path)
    data = plistlib.loads(agent.read_bytes())
    assert data["ProgramArguments"] == COMMAND
    assert data["RunAtLoad"] is True
    assert data["Label"] == "deadline-reminder"
    assert autostart.is_start_at_login(platform="darwin", home=tmp_path)
    autostart.set_start_at_login(False, COMMAND, platform="darwin", home=tmp_path)
    assert not agent.exists()
    assert not autostart.is_start_at_login(platform="darwin", home=tmp_path)


class FakeKey:
    def __init__(self, registry: FakeRegistry, path: str) -> None:
        self.registry, self.path = registry, path

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        self.registry.closed += 1


class FakeRegistry:
    """The part of ``winreg`` that autostart uses, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    KEY_READ = 0x20019
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[int, str]]] = {}
        self.closed = 0

    def CreateKeyEx(self, root: str, sub: str, reserved: int, access: int) -> FakeKey:
        path = f"{root}\\{sub}"
        self.keys.setdefault(path, {})
        return FakeKey(self, path)

    def OpenKey(self, root: str, sub: str, reserved: int, access: int) -> FakeKey:
        path = f"{root}\\{sub}"
        if path not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, path)

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: str) -> None:
        self.keys[key.path][name] = (kind, value)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[str, int]:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        kind, value = self.keys[key.path][name]
        return value, kind

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[key.path][name]


def test_windows_run_key() -> None:
    registry = FakeRegistry()
    run = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"
    assert not autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, COMMAND, platform="win32", registry=registry)  # no key yet
    command = ["C:\\Program Files\\Deadline Reminder\\deadline-reminder.exe", "--tray"]
    autostart.set_start_at_login(True, command, platform="win32", registry=registry)
    assert registry.keys[run]["DeadlineReminder"] == (
        registry.REG_SZ,
        subprocess.list2cmdline(command),
    )
    assert registry.keys[run]["DeadlineReminder"][1].startswith('"C:\\Program Files\\')
    assert autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, command, platform="win32", registry=registry)
    assert "DeadlineReminder" not in registry.keys[run]
    assert not autostart.is_start_at_login(platform="win32", registry=registry)
    autostart.set_start_at_login(False, command, platform="win32", registry=registry)
    assert registry.closed >= 5  # every key opened was closed


def test_login_command_runs_this_program() -> None:
    command = autostart.login_command()
    assert command[-2:] == ["-m", "desktop_app"]


def test_the_packages_login_entry_is_on_until_the_user_turns_it_off(tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg"
    (system / "autostart").mkdir(parents=True)
    (system / "autostart" / "deadline-reminder.desktop").write_text(
        "[Desktop Entry]\nType=Application\nExec=/usr/bin/deadline-reminder\n", encoding="utf-8"
    )
    home = tmp_path / "home"
    own = home / ".config" / "autostart" / "deadline-reminder.desktop"
    where = {"platform": "linux", "home": home, "system_dirs": [system]}
    assert autostart.is_start_at_login(**where)
    autostart.set_start_at_login(False, ["app"], **where)
    assert "Hidden=true\n" in own.read_text(encoding="utf-8")
    assert not autostart.is_start_at_login(**where)
    autostart.set_start_at_login(True, ["app"], **where)
    assert not own.exists()  # the package's entry starts it again
    assert autostart.is_start_at_login(**where)
    assert not autostart.is_start_at_login(platform="linux", home=home, system_dirs=[])
