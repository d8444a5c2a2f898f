"""The command line's sub-commands, one module per kind of work; ``cli.py`` parses the
arguments and calls ``command(name)``. Nothing is imported here: a start of the window
loads no command, and each command loads only its own module."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import TextIO

from desktop_app.clock import Clock

Command = Callable[[argparse.Namespace, Clock, TextIO], int]

# Sub-command → the module holding its ``<name>_command`` function.
MODULES = {
    "import": "plans",
    "plans": "plans",
    "tasks": "tasks",
    "done": "tasks",
    "status": "tasks",
    "note": "tasks",
    "departments": "departments",
    "backup": "backups",
    "restore": "backups",
    "remind": "remind",
    "holidays": "holidays",
    "export": "exports",
    "merge": "exports",
}


def command(name: str) -> Command:
    """The function that runs the sub-command ``name``."""
    module = importlib.import_module(f"desktop_app.commands.{MODULES[name]}")
    found: Command = getattr(module, f"{name}_command")
    return found
