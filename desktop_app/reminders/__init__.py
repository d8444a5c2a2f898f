"""Reminders: the pure policy (what to notify when), the service that delivers it once and
logs it, and the ``remind`` command. Qt stays out: the desktop notifier plugs in behind
``Notifier``.

The names below load on first use, so importing ``desktop_app.reminders.notifier`` (as the
window does at start-up) does not pull in the database layer.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Notification": "desktop_app.reminders.policy",
    "Reminder": "desktop_app.reminders.policy",
    "Snooze": "desktop_app.reminders.policy",
    "DeliveryError": "desktop_app.reminders.service",
    "Notifier": "desktop_app.reminders.notifier",
    "ReminderService": "desktop_app.reminders.service",
    "SnoozeChoice": "desktop_app.reminders.service",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
