"""What the build takes from ``pyproject.toml`` and the repository: the name, the version and
the folders, so the spec, the .deb and the Windows installer say the same."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.paths import APP_USER_MODEL_ID  # noqa: E402

PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"

# The name of the command, the folder, the package and the .desktop entry.
NAME = "deadline-reminder"
TITLE_ZH = "工作要点督办提醒"
TITLE_EN = "Work-plan deadline reminder"
__all__ = ["APP_USER_MODEL_ID", "NAME", "ROOT", "version"]


def version() -> str:
    """The version of ``pyproject.toml`` (the program's ``__version__`` must agree)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def version_tuple() -> tuple[int, int, int, int]:
    """``0.1.0`` as Windows' four numbers (0, 1, 0, 0); a suffix such as ``rc1`` is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version().split("+")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]
