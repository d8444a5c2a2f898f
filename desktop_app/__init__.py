"""工作要点督办提醒: the desktop program that turns a bureau's work plan into reminders."""

__version__ = "0.1.0"
