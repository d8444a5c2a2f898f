"""Starting the program when the user logs in: XDG autostart, the Windows Run key, a LaunchAgent.

No Qt here. Tests pass ``platform``, ``home`` and a fake ``registry`` (an object
with the ``winreg`` functions that are used), so nothing real is touched.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path
from typing import Any

APP_TITLE = "工作要点督办提醒"
DESKTOP_FILE = "deadline-reminder.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "DeadlineReminder"
LAUNCH_AGENT_LABEL = "deadline-reminder"

# Characters that oblige an Exec argument to be quoted (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def login_command() -> list[str]:
    """How to start this program: the executable of a frozen build, else ``python -m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop_app"]


def set_start_at_login(
    enabled: bool,
    command: list[str],
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    registry: Any = None,
    system_dirs: list[Path] | None = None,
) -> None:
    """Start ``command`` at login, or stop doing so; raises ``OSError`` when it cannot.

    On Linux an installed package's login entry (``/etc/xdg/autostart``, see
    ``system_dirs``) starts the program for every user: turning it off writes this user's
    entry of the same name with ``Hidden=true``, turning it on again removes that entry.
    """
    if platform == "win32":
        _set_windows(enabled, command, registry or _winreg())
    elif platform == "darwin":
        _write_or_remove(_launch_agent(home), _plist(command) if enabled else None)
    elif _system_entry_on(home, system_dirs):
        _write_or_remove(_desktop_entry(home), None if enabled else _hidden_text())
    else:
        _write_or_remove(_desktop_entry(home), _desktop_text(command) if enabled else None)


def is_start_at_login(
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    registry: Any = None,
    system_dirs: list[Path] | None = None,
) -> bool:
    """Whether the program is set to start at login (this user's entry, else the package's).

    ``system_dirs``: the folders of system-wide login entries; None means
    ``$XDG_CONFIG_DIRS`` (``/etc/xdg``) when ``home`` is None, and none for a given ``home``
    (a test's sandbox).
    """
    if platform == "win32":
        return _get_windows(registry or _winreg()) is not None
    if platform == "darwin":
        return _launch_agent(home).is_file()
    own = _entry_on(_desktop_entry(home))
    return own if own is not None else _system_entry_on(home, system_dirs)


def _entry_on(path: Path) -> bool | None:
    """Whether the login entry at ``path`` starts the program; None: there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = {line.strip().replace(" ", "") for line in text.splitlines()}
    return not ({"Hidden=true", "X-GNOME-Autostart-enabled=false"} & lines)


def _system_entry_on(home: Path | None, system_dirs: list[Path] | None) -> bool:
    if system_dirs is None:
        if home is not None:
            return False
        found = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
        system_dirs = [Path(d) for d in found.split(os.pathsep) if d]
    return any(_entry_on(d / "autostart" / DESKTOP_FILE) for d in system_dirs)


def _write_or_remove(path: Path, content: bytes | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(content)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# -- Linux and other XDG desktops --------------------------------------------------------


def _desktop_entry(home: Path | None) -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") if home is None else None
    base = Path(config) if config else (home or Path.home()) / ".config"
    return base / "autostart" / DESKTOP_FILE


def exec_argument(arg: str) -> str:
    """One argument as the Exec key wants it: quoted when needed, ``%`` doubled."""
    arg = arg.replace("%", "%%")
    if arg and not (_EXEC_RESERVED & set(arg)):
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{inner}"'


def exec_line(command: list[str]) -> str:
    """The Exec value; the string-level escape (backslash doubled) applies after the quoting."""
    quoted = " ".join(exec_argument(a) for a in command)
    return quoted.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _desktop_text(command: list[str]) -> bytes:
    if not command:
        raise ValueError("an empty command cannot start at login")
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_TITLE}",
        "Name[en]=Deadline Reminder",
        f"Comment={APP_TITLE}",
        f"Exec={exec_line(command)}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _hidden_text() -> bytes:
    """This user's entry that turns the package's login entry off (XDG autostart spec)."""
    lines = ["[Desktop Entry]", "Type=Application", f"Name={APP_TITLE}", "Hidden=true"]
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- macOS -------------------------------------------------------------------------------


def _launch_agent(home: Path | None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def _plist(command: list[str]) -> bytes:
    if not command:
        raise ValueError("an empty command cannot start at login")
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


# -- Windows -----------------------------------------------------------------------------


def _winreg() -> Any:
    import winreg  # only exists on Windows

    return winreg


def _set_windows(enabled: bool, command: list[str], reg: Any) -> None:
    if enabled:
        if not command:
            raise ValueError("an empty command cannot start at login")
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, subprocess.list2cmdline(command))
        return
    try:
        with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.DeleteValue(key, RUN_VALUE)
    except FileNotFoundError:
        pass  # not set: nothing to remove


def _get_windows(reg: Any) -> str | None:
    try:
        with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
            value, _kind = reg.QueryValueEx(key, RUN_VALUE)
    except FileNotFoundError:
        return None
    return str(value) if value else None
