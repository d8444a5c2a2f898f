"""What the settings tests share: the departments they start with and a fake start-at-login."""

from __future__ import annotations

from db import repository
from desktop_app.services import departments
from desktop_app.ui.settings import SettingsDialog

NAMES = ("信息处", "公服处", "办公室", "各部门")


class FakeAutostart:
    """Records what the dialog asks of start-at-login; can be told to fail."""

    def __init__(self, enabled: bool = False, fail: bool = False) -> None:
        self.enabled = enabled
        self.fail = fail
        self.calls: list[tuple[bool, list[str]]] = []

    def get(self) -> bool:
        return self.enabled

    def set(self, enabled: bool, command: list[str]) -> None:
        self.calls.append((enabled, command))
        if self.fail:
            raise PermissionError(13, "Permission denied")
        self.enabled = enabled


def add_departments(storage) -> None:
    with storage.write():
        for name in NAMES:
            departments.resolve_or_create(storage, name)
        departments.refresh_groups()


def department_id(name: str) -> int:
    found = repository.find_department(name)
    assert found is not None, name
    return found.id


def listed(dialog: SettingsDialog) -> list[str]:
    """The departments the 我的部门 page lists, in its order."""
    tree = dialog.departments_page.department_tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
