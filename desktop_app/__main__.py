"""`python -m desktop_app` runs the same entry point as the `deadline-reminder` command."""

import sys

from desktop_app.cli import entry

sys.exit(entry())
