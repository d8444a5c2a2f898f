"""The frozen program's entry point: the same as the ``deadline-reminder`` command."""

import sys

from desktop_app.cli import entry

if __name__ == "__main__":
    sys.exit(entry())
