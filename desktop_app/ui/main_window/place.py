"""Where the window stood when it was closed (plan, department, view), kept in its QSettings,
and where it opens the first time the data is shown: there, else on my department when I
have exactly one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from desktop_app.ui import settings_keys as keys


@dataclass(frozen=True)
class Place:
    plan_id: int | None
    department_id: int | None
    view: str  # "months" or "overview"


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def saved_place(settings: QSettings) -> Place:
    view = str(settings.value(keys.PLACE_VIEW, "months"))
    return Place(
        _int(settings.value(keys.PLACE_PLAN)),
        _int(settings.value(keys.PLACE_DEPARTMENT)),
        view if view in ("months", "overview") else "months",
    )


def save_place(settings: QSettings, place: Place) -> None:
    settings.setValue(keys.PLACE_PLAN, place.plan_id if place.plan_id is not None else "")
    settings.setValue(
        keys.PLACE_DEPARTMENT, place.department_id if place.department_id is not None else ""
    )
    settings.setValue(keys.PLACE_VIEW, place.view)
