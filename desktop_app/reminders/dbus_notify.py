"""Desktop notifications on Linux: ``org.freedesktop.Notifications`` over the D-Bus session
bus, through jeepney (pure Python, no Qt), so that both the window and the command line know
whether the notification service took the notification.

``DBusNotifier`` sends one notification and returns only when the service answered with
its id; anything else (no session bus, no service, an error reply, no answer in time)
raises ``NotificationError``. ``NotificationBus`` is the connection: the window keeps one
open, watches its socket with a ``QSocketNotifier`` and reads the service's
``ActionInvoked`` and ``NotificationClosed`` from it without blocking.
"""

from __future__ import annotations

import html
import logging
import os
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.reminders.notifier import NOTIFICATION_TIMEOUT_MS, NotificationError

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
DEFAULT_ACTION = "default"
# How long to wait for the service's answer (on the GUI thread): a healthy service answers
# in milliseconds; an activatable one that needs longer to start is tried again next time.
CALL_TIMEOUT_S = 2.5
AUTH_TIMEOUT_S = 2.0
DESKTOP_ENTRY = "deadline-reminder"
# Error names meaning "nobody there to show it", as opposed to a service that said no.
_NOBODY = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.Spawn.ChildExited",
    "org.freedesktop.DBus.Error.Spawn.Failed",
    "org.freedesktop.DBus.Error.TimedOut",
}

OnSent = Callable[[int, tuple[int, ...]], None]

# The arguments of a D-Bus call or the values of its answer: their types follow the
# signature string ("susssasa{sv}i"), which only the call knows.
DBusValues = tuple[Any, ...]


def session_bus_address(environ: Mapping[str, str] | None = None) -> str:
    """The session bus of this desktop: ``$DBUS_SESSION_BUS_ADDRESS``, else the socket that
    systemd and libdbus put at ``$XDG_RUNTIME_DIR/bus`` (a cron job or a timer gets only
    the latter); ``no_session_bus`` when there is neither."""
    env = environ if environ is not None else os.environ
    address = env.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and stat.S_ISSOCK(_mode(Path(runtime) / "bus")):
        return f"unix:path={Path(runtime) / 'bus'}"
    raise NotificationError(
        "no_session_bus", "neither DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus"
    )


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode
    except OSError:
        return 0


def _connect(address: str) -> Any:
    try:
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as exc:  # a build without jeepney
        raise NotificationError("unavailable", f"jeepney is missing: {exc!r}") from exc
    try:
        return open_dbus_connection(bus=address, auth_timeout=AUTH_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
        # no socket at that address, refused, or the bus did not authenticate us in time
        raise NotificationError("no_session_bus", f"cannot connect to {address}: {exc!r}") from exc


class NotificationBus:
    """One connection to the session bus, for calls to the notification service and the
    signals it sends back.

    Some services (dunst) send ``ActionInvoked`` only to the connection that created the
    notification, so the window sends and listens on the same connection. Signals that
    arrive while a call waits for its reply are kept for ``read()``.
    """

    def __init__(self, address: str | None = None) -> None:
        self.address = address
        self._connection: Any = None
        self._signals: list[NotificationSignal] = []
        self.capabilities: tuple[str, ...] | None = None  # the service's, once asked
        self.on_open: list[Callable[[], None]] = []  # told after each (re)connection
        self.on_close: list[Callable[[], None]] = []  # told when the connection is gone

    def open(self, *, subscribe: bool = True) -> None:
        """Connect; with ``subscribe``, also to the service's broadcast signals. On any
        failure the bus is left closed (``NotificationError``)."""
        self.close()
        self._connection = _connect(self.address or session_bus_address())
        if subscribe:
            from jeepney import MatchRule, message_bus

            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            try:
                self._call_message(message_bus.AddMatch(rule), "AddMatch")
            except NotificationError:
                self.close()
                raise
        for listener in self.on_open:
            listener()

    def has_owner(self, name: str) -> bool:
        """Whether some program holds ``name`` on this bus now."""
        from jeepney import message_bus

        (owned,) = self._call_message(message_bus.NameHasOwner(name), "NameHasOwner")
        return bool(owned)

    def is_open(self) -> bool:
        return self._connection is not None

    def fileno(self) -> int:
        if self._connection is None:
            raise RuntimeError("NotificationBus.open() first")
        return int(self._connection.sock.fileno())

    def call(self, method: str, signature: str | None = None, body: DBusValues = ()) -> DBusValues:
        """A method of the notification service; its answer, or ``NotificationError``."""
        from jeepney import DBusAddress, new_method_call

        target = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        return self._call_message(new_method_call(target, method, signature, body), method)

    def _call_message(self, message: Any, method: str) -> DBusValues:
        from jeepney.low_level import HeaderFields
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        if self._connection is None:
            raise RuntimeError("NotificationBus.open() first")
        connection = self._connection
        deadline = time.monotonic() + CALL_TIMEOUT_S
        try:
            serial = next(connection.outgoing_serial)
            connection.send(message, serial=serial)
            while True:
                reply = connection.receive(timeout=max(0.0, deadline - time.monotonic()))
                if reply.header.fields.get(HeaderFields.reply_serial, -1) == serial:
                    return tuple(unwrap_msg(reply))
                self._keep(reply)
        except DBusErrorResponse as exc:
            code = "no_service" if exc.name in _NOBODY else "refused"
            raise NotificationError(code, f"{method}: {exc}") from exc
        except TimeoutError as exc:
            raise NotificationError(
                "no_service", f"{method}: no answer in {CALL_TIMEOUT_S:g} s"
            ) from exc
        except (OSError, EOFError, ValueError) as exc:  # the bus went away mid-call
            self.close()
            raise NotificationError("no_session_bus", f"{method}: {exc!r}") from exc

    def read(self) -> list[NotificationSignal]:
        """The signals received so far, without blocking; ``no_session_bus`` when the bus
        has gone (``open()`` again later)."""
        while self._connection is not None:
            try:
                message = self._connection.receive(timeout=0)
            except TimeoutError:
                break
            except (OSError, EOFError, ValueError) as exc:  # the bus closed the connection
                self.close()
                raise NotificationError("no_session_bus", f"signals: {exc!r}") from exc
            self._keep(message)
        signals, self._signals = self._signals, []
        return signals

    def _keep(self, message: Any) -> None:
        from jeepney import MessageType
        from jeepney.low_level import HeaderFields

        header = message.header
        if header.message_type != MessageType.signal:
            return
        if header.fields.get(HeaderFields.interface) != INTERFACE:
            return
        member = header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            notification_id, action = message.body
            self._signals.append(NotificationSignal(member, int(notification_id), str(action)))
        elif member == "NotificationClosed":
            self._signals.append(NotificationSignal(member, int(message.body[0]), ""))

    def close(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.close()
        finally:
            self._connection = None
            self.capabilities = None  # a new connection may reach another service
            for listener in self.on_close:
                listener()


class NotificationSignal(NamedTuple):
    """``ActionInvoked`` (``action`` the key) or ``NotificationClosed`` (``action`` empty)."""

    member: str
    notification_id: int
    action: str


class DBusNotifier:
    """One notification through ``org.freedesktop.Notifications``, confirmed by its id.

    Without ``bus``, each notification opens a connection of its own and closes it (the
    command line). With task ids, the notification carries a default action (a click on
    it): the service reports it as ``ActionInvoked(id, "default")`` on ``bus``, and
    ``on_sent`` hears each id with its tasks so that the window can open them.
    """

    channel = "dbus"

    def __init__(
        self,
        app_name: str,
        icon_path: Path | None,
        timeout_ms: int = NOTIFICATION_TIMEOUT_MS,
        *,
        bus: NotificationBus | None = None,
        address: str | None = None,
        on_sent: OnSent | None = None,
        action_label: str = "查看全部",
        clickable: bool = True,
    ) -> None:
        self.app_name = app_name
        self.icon_path = icon_path
        self.timeout_ms = timeout_ms
        self.bus = bus
        self.address = address
        self.on_sent = on_sent
        self.action_label = action_label
        self.clickable = clickable
        self.last_id: int | None = None

    def notify(self, title: str, body: str, task_ids: Sequence[int]) -> str:
        if self.bus is None:
            bus = NotificationBus(self.address)
            bus.open(subscribe=False)
            try:
                notification_id = self._send(bus, title, body, task_ids)
            finally:
                bus.close()
        else:
            if not self.bus.is_open():  # first use, or the bus went away since
                self.bus.open()
            try:
                notification_id = self._send(self.bus, title, body, task_ids)
            except NotificationError:
                self.bus.capabilities = None  # the next service may be another one
                raise
        self.last_id = notification_id
        log.info("D-Bus notification %d taken by %s", notification_id, SERVICE)
        if self.on_sent is not None:
            self.on_sent(notification_id, tuple(int(i) for i in task_ids))
        return self.channel

    def _send(self, bus: NotificationBus, title: str, body: str, task_ids: Sequence[int]) -> int:
        if bus.capabilities is None:
            (found,) = bus.call("GetCapabilities")
            bus.capabilities = tuple(str(c) for c in found)
        capabilities = bus.capabilities
        if "body-markup" in capabilities:  # task text is never markup
            body = html.escape(body, quote=False)
        actions = (
            [DEFAULT_ACTION, self.action_label]
            if self.clickable and task_ids and "actions" in capabilities
            else []
        )
        icon = self.icon_path if self.icon_path is not None and self.icon_path.is_file() else None
        hints = {"desktop-entry": ("s", DESKTOP_ENTRY), "urgency": ("y", 1)}
        (notification_id,) = bus.call(
            "Notify",
            "susssasa{sv}i",
            (
                self.app_name,
                0,
                str(icon) if icon else "",
                title,
                body,
                actions,
                hints,
                self.timeout_ms,
            ),
        )
        return int(notification_id)
