"""The one type of the program's clock: everything that needs the time is given one (the
window ``datetime.now``, tests a fake), so no logic reads the time deep inside."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]
