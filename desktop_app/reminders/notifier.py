"""Delivering a reminder: a small ``Notifier`` interface, the desktop notification of each
platform (D-Bus on Linux, ``desktop_app.reminders.dbus_notify``; plyer on Windows and macOS),
a recording fake for tests, and the chain that falls back from one channel to the next.

A channel counts as delivered only when it returns; one that could not show the
notification raises ``NotificationError`` with a code (``FAILURE_CODES``), and the words
for people are chosen where the failure is shown. No Qt here: the tray message, the
in-window banner and the reminder window live in ``desktop_app.ui``. plyer picks its
platform module at run time with ``__import__``, so a frozen build must list
``PLYER_HIDDEN_IMPORTS`` as hidden imports.
"""

from __future__ import annotations

import importlib
import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from desktop_app.paths import resource_path

log = logging.getLogger(__name__)

# The modules plyer imports by name for a notification, per platform (plyer's own names:
# ``win``, ``linux``, ``macosx``). PyInstaller cannot see them; the spec lists the ones
# of the platform it builds for.
PLYER_HIDDEN_IMPORTS_BY_PLATFORM: dict[str, tuple[str, ...]] = {
    "win": (
        "plyer.platforms.win.notification",
        "plyer.platforms.win.libs.balloontip",
        "plyer.platforms.win.libs.win_api_defs",
    ),
    "linux": ("plyer.platforms.linux.notification",),
    "macosx": ("plyer.platforms.macosx.notification",),
}
PLYER_HIDDEN_IMPORTS: tuple[str, ...] = (
    "plyer.platforms",
    *(name for names in PLYER_HIDDEN_IMPORTS_BY_PLATFORM.values() for name in names),
)


APP_TITLE = "工作要点督办提醒"  # the sender's name on a desktop notification

# Why a channel could not show a notification.
FAILURE_CODES = (
    "no_session_bus",  # no D-Bus session bus to talk to
    "no_service",  # no notification service on the bus, or it did not answer
    "refused",  # the service answered with an error
    "unavailable",  # this platform's notification library is missing or broken
    "failed",  # the library raised while showing it
    "no_tray",  # the desktop has no system tray
    "tray_no_messages",  # the tray shows no messages
    "window_hidden",  # the main window is not on screen, so its banner would not be seen
    "window_behind",  # the main window is behind another program's: its banner neither
    "window_failed",  # our own window could not be shown
    "none_worked",  # every channel of a chain failed (``failures`` says how)
)
# Each desktop notification disappears after this long (the digest stays in 今天的提醒).
NOTIFICATION_TIMEOUT_MS = 15_000


class NotificationError(Exception):
    """A channel could not show the notification.

    ``code`` is one of ``FAILURE_CODES``; ``detail`` is the technical reason (English, for
    the log); ``failures`` holds each channel's error when a whole chain failed.
    """

    def __init__(
        self,
        code: str,
        detail: str = "",
        failures: Sequence[tuple[str, NotificationError]] = (),
    ) -> None:
        if code not in FAILURE_CODES:
            raise ValueError(f"unknown notification failure {code!r}")
        self.code = code
        self.detail = detail
        self.failures = tuple(failures)
        super().__init__(f"{code}: {detail}" if detail else code)


class Notifier(Protocol):
    """Shows one notification; returns the channel used, raises ``NotificationError``."""

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str: ...


def as_notification_error(exc: BaseException, channel: str) -> NotificationError:
    """Any error of a channel as a ``NotificationError`` (a bug of a channel counts too)."""
    if isinstance(exc, NotificationError):
        return exc
    return NotificationError("failed", f"{channel}: {exc!r}")


def channel_of(notifier: object) -> str:
    """The name a notifier gives its channel (``plyer``, ``tray``, ``banner``…)."""
    return str(getattr(notifier, "channel", type(notifier).__name__))


def plyer_platform(platform: str = sys.platform) -> str:
    """plyer's name for ``sys.platform``."""
    if platform in ("win32", "cygwin"):
        return "win"
    if platform == "darwin":
        return "macosx"
    if platform.startswith("linux"):
        return "linux"
    return "unknown"


def notification_icon(platform: str = sys.platform) -> Path:
    """The icon for a desktop notification: Windows' balloon loads only an .ico file."""
    return resource_path("icons/app.ico" if plyer_platform(platform) == "win" else "icons/app.png")


class PlyerNotifier:
    """A desktop notification through plyer: the Windows balloon, macOS' notification.

    Not used on Linux: there plyer runs ``notify-send`` and ignores its exit code, so a
    notification that never appeared would count as delivered. On Windows and macOS plyer
    returns normally unless its platform call raises; whether the notification was seen
    cannot be checked there. plyer is imported on first use. ``backend`` (an object with
    plyer's ``notify(**kwargs)``) replaces the platform's own, for tests.
    """

    channel = "plyer"

    def __init__(
        self,
        app_name: str,
        icon_path: Path | None,
        timeout: int = NOTIFICATION_TIMEOUT_MS // 1000,
        *,
        platform: str = sys.platform,
        backend: Any = None,
    ) -> None:
        self.app_name = app_name
        self.icon_path = icon_path
        self.timeout = timeout
        self.platform = plyer_platform(platform)
        self._backend = backend

    def backend(self) -> Any:
        """plyer's notification object for this platform; raises ``NotificationError``."""
        if self._backend is None:
            self._backend = self._load_backend()
        return self._backend

    def _load_backend(self) -> Any:
        # Resolved here rather than through ``plyer.notification``: plyer's proxy prints a
        # traceback and falls back silently to a facade that raises on every call.
        try:
            facades = importlib.import_module("plyer.facades")
            module = importlib.import_module(f"plyer.platforms.{self.platform}.notification")
        except Exception as exc:  # ImportError, or a platform library failing to load
            raise NotificationError(
                "unavailable", f"plyer has no notification back-end: {exc!r}"
            ) from exc
        with warnings.catch_warnings(record=True) as caught:
            # the Linux module warns (dbus-python missing, notify-send missing) and goes on
            warnings.simplefilter("always")
            try:
                backend = module.instance()
            except Exception as exc:
                raise NotificationError(
                    "unavailable", f"plyer's back-end failed to start: {exc!r}"
                ) from exc
        reasons = "; ".join(" ".join(str(w.message).split()) for w in caught)
        if type(backend) is facades.Notification:  # the bare facade: nothing can notify
            raise NotificationError(
                "unavailable", f"plyer found no way to notify ({reasons or 'no reason'})"
            )
        if reasons:
            log.info("plyer notification back-end %s: %s", type(backend).__name__, reasons)
        return backend

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        backend = self.backend()
        icon = self.icon_path if self.icon_path is not None and self.icon_path.is_file() else None
        try:
            backend.notify(
                title=title,
                message=body,
                app_name=self.app_name,
                app_icon=str(icon) if icon else "",
                timeout=self.timeout,
            )
        except Exception as exc:  # plyer lets any platform error through
            raise NotificationError("failed", f"plyer failed: {exc!r}") from exc
        return self.channel


class SentNotification(NamedTuple):
    title: str
    body: str
    task_ids: tuple[int, ...]


class RecordingNotifier:
    """The notifier of tests: keeps what it was asked to show; fails when told to."""

    def __init__(self, channel: str = "recording", *, fail: str | None = None) -> None:
        # ``fail``: the detail of a ``failed`` error; or a failure code ("no_service"…)
        self.channel = channel
        self.failure = fail
        self.calls: list[SentNotification] = []  # delivered
        self.attempts: list[SentNotification] = []  # asked, delivered or not

    def fail_with(self, reason: str | None) -> None:
        """From now on, fail with ``reason`` (``None``: deliver again)."""
        self.failure = reason

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        sent = SentNotification(title, body, tuple(task_ids))
        self.attempts.append(sent)
        if self.failure is not None:
            code = self.failure if self.failure in FAILURE_CODES else "failed"
            raise NotificationError(code, self.failure)
        self.calls.append(sent)
        return self.channel


class FallbackNotifier:
    """Tries each notifier in order; the first that works wins. Every failure is logged.

    ``last_channel`` is the channel that worked last time (None: none did);
    ``last_failures`` the channels that failed on the way, with their errors.
    """

    def __init__(self, notifiers: Sequence[Notifier], log: logging.Logger = log) -> None:
        self.notifiers = tuple(notifiers)
        self.log = log
        self.last_channel: str | None = None
        self.last_failures: tuple[tuple[str, NotificationError], ...] = ()

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(channel_of(n) for n in self.notifiers)

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        failures: list[tuple[str, NotificationError]] = []
        for notifier in self.notifiers:
            name = channel_of(notifier)
            try:
                channel = notifier.notify(title, body, task_ids)
            except Exception as exc:  # a broken channel must not stop the next one
                error = as_notification_error(exc, name)
                self.log.warning("notification through %s failed: %s", name, error)
                failures.append((name, error))
                continue
            self.log.info(
                "notification %r sent through %s (tasks %s)", title, channel, list(task_ids)
            )
            self.last_channel = channel
            self.last_failures = tuple(failures)
            return channel
        self.last_channel = None
        self.last_failures = tuple(failures)
        reason = "; ".join(f"{name}: {error}" for name, error in failures) or "no channel"
        self.log.error("notification %r not shown: %s", title, reason)
        raise NotificationError("none_worked", reason, failures)


def desktop_notifier(
    app_name: str, platform: str = sys.platform, *, clickable: bool = True
) -> Notifier:
    """This platform's desktop notification: D-Bus on Linux (its answer is checked), plyer
    on Windows and macOS. ``clickable`` False: no 查看全部 action (nobody would hear it)."""
    if plyer_platform(platform) == "linux":
        from desktop_app.reminders.dbus_notify import DBusNotifier

        return DBusNotifier(app_name, notification_icon(platform), clickable=clickable)
    return PlyerNotifier(app_name, notification_icon(platform), platform=platform)
