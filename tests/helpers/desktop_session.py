"""A private desktop session for the notification tests: Xvfb, a session bus of our own
(no service directories, so nothing is started behind the test's back) and the dunst
notification daemon on it, read back with ``dunstctl history``.

The session is private: nothing of the machine's own desktop is touched, and the test
passes the bus address explicitly (to the program in its environment).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

NEEDED = ("Xvfb", "dbus-daemon", "dunst", "dunstctl")
SERVICE = "org.freedesktop.Notifications"
START_TIMEOUT_S = 10.0

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def missing_tools() -> list[str]:
    return [tool for tool in NEEDED if shutil.which(tool) is None]


def skip_without_tools() -> None:
    missing = missing_tools()
    if missing:
        pytest.skip(
            "needs a real notification daemon: install the Debian packages xvfb, dbus and "
            f"dunst ({', '.join(missing)} not found)"
        )


class DesktopSession:
    """Xvfb + a private session bus + dunst; ``stop_dunst``/``start_dunst`` in between."""

    def __init__(self, folder: Path, screen: str = "1024x768") -> None:
        self.folder = folder
        self.screen = screen
        self.display = ""
        self.address = ""
        self._xvfb: subprocess.Popen[bytes] | None = None
        self._bus: subprocess.Popen[bytes] | None = None
        self._dunst: subprocess.Popen[bytes] | None = None

    # -- lifetime ----------------------------------------------------------------------

    def start(self) -> DesktopSession:
        self.folder.mkdir(parents=True, exist_ok=True)
        read_end, write_end = os.pipe()
        self._xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{self.screen}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as displayfd:
            number = displayfd.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        self._start_bus()
        self.start_dunst()
        return self

    def _start_bus(self) -> None:
        config = self.folder / "session.conf"
        config.write_text(BUS_CONFIG.format(folder=self.folder), encoding="utf-8")
        self._bus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self._bus.stdout is not None
        self.address = self._bus.stdout.readline().decode().strip()
        if not self.address:
            self.stop()
            raise RuntimeError("dbus-daemon did not start")

    def restart_bus(self) -> None:
        """The session bus goes away and a new one comes (a new address), dunst on it."""
        self.stop_dunst()
        assert self._bus is not None
        self._bus.terminate()
        self._bus.wait(timeout=10)
        if self._bus.stdout is not None:
            self._bus.stdout.close()
        self._start_bus()
        self.start_dunst()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program on this desktop."""
        env = {**os.environ, "DISPLAY": self.display, "DBUS_SESSION_BUS_ADDRESS": self.address}
        env.pop("WAYLAND_DISPLAY", None)
        env.update(extra)
        return env

    def start_dunst(self) -> None:
        config = self.folder / "dunstrc"
        # As Debian's own dunstrc: markup on, so the notifier must escape task text.
        config.write_text(
            "[global]\n    history_length = 100\n    markup = full\n", encoding="utf-8"
        )
        self._dunst = subprocess.Popen(
            ["dunst", "-config", str(config)],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.service_running():
            if time.monotonic() > deadline or self._dunst.poll() is not None:
                raise RuntimeError("dunst did not take org.freedesktop.Notifications")
            time.sleep(0.05)

    def stop_dunst(self) -> None:
        if self._dunst is not None:
            self._dunst.terminate()
            self._dunst.wait(timeout=10)
            self._dunst = None
        deadline = time.monotonic() + START_TIMEOUT_S
        while self.service_running():  # the bus lets go of the name once dunst is gone
            if time.monotonic() > deadline:
                raise RuntimeError("org.freedesktop.Notifications still owned")
            time.sleep(0.05)

    def stop(self) -> None:
        for name in ("_dunst", "_bus", "_xvfb"):
            process = getattr(self, name)
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                if process.stdout is not None:
                    process.stdout.close()
                setattr(self, name, None)

    # -- asking the bus and dunst ------------------------------------------------------

    def service_running(self) -> bool:
        from jeepney import message_bus
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        with open_dbus_connection(bus=self.address) as connection:
            reply = connection.send_and_get_reply(message_bus.NameHasOwner(SERVICE), timeout=5)
            return bool(unwrap_msg(reply)[0])

    def dunstctl(self, *args: str) -> str:
        return subprocess.run(
            ["dunstctl", *args], env=self.env(), check=True, capture_output=True, text=True
        ).stdout

    def displayed(self) -> int:
        return int(self.dunstctl("count", "displayed").strip())

    def wait_displayed(self, count: int, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while self.displayed() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"dunst shows {self.displayed()} notifications, not {count}")
            time.sleep(0.05)

    def click_first(self) -> None:
        """What a click on the newest notification does: its default action."""
        self.dunstctl("action", "0")

    def notifications(self) -> list[dict[str, Any]]:
        """Every notification dunst was given, newest first (shown ones are closed first)."""
        self.dunstctl("close-all")
        history = json.loads(self.dunstctl("history"))
        return [
            {key: field["data"] for key, field in entry.items()} for entry in history["data"][0]
        ]
