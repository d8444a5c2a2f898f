"""Where the program finds its bundled resources, from a source checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(name: str) -> Path:
    """A file under ``resources/``; PyInstaller unpacks it under ``sys._MEIPASS``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[1]
    return root / "resources" / name


SAMPLE_PLAN = "sample_plan.txt"
