"""Who the program is to Windows: the AppUserModelID its notifications are attributed to.

Windows drops a toast (and groups taskbar buttons) by this ID; the installer's Start-menu
shortcut carries the same one (``packaging/windows/deadline-reminder.iss``), so the
notifications of the installed program come from "工作要点督办提醒", not from Python.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from desktop_app.paths import APP_USER_MODEL_ID

log = logging.getLogger(__name__)


def claim_app_user_model_id(platform: str = sys.platform, shell32: Any = None) -> bool:
    """Set this process's AppUserModelID on Windows (before any window); False elsewhere or
    when Windows refuses (logged, never fatal: the notifications then come from the exe)."""
    if platform != "win32":
        return False
    if shell32 is None:
        import ctypes

        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    result = shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    if result != 0:  # an HRESULT: S_OK is 0
        log.warning("SetCurrentProcessExplicitAppUserModelID failed: 0x%08x", result & 0xFFFFFFFF)
        return False
    return True
