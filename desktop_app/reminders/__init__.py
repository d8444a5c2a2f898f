"""Reminders: the pure policy (what to notify when), the service that delivers it once and
logs it, and the ``remind`` command. Qt stays out: the desktop notifier plugs in behind
``Notifier``."""

from desktop_app.reminders.policy import Notification, Reminder, Snooze
from desktop_app.reminders.service import DeliveryError, Notifier, ReminderService, SnoozeChoice

__all__ = [
    "DeliveryError",
    "Notification",
    "Notifier",
    "Reminder",
    "ReminderService",
    "Snooze",
    "SnoozeChoice",
]
