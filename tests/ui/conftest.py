"""Qt tests run offscreen; each gets its own database and window settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
