"""What a use case refuses to do, said in Chinese and English."""

from __future__ import annotations

from desktop_app.errors import UserError


class ServiceError(UserError):
    """A request the user can correct (an unknown task id, a file that is not a plan...)."""


def no_task(task_id: int) -> ServiceError:
    return ServiceError("no_task", f"没有编号为 {task_id} 的任务", f"There is no task {task_id}")


def no_department(name: str) -> ServiceError:
    return ServiceError(
        "no_department", f"没有名为“{name}”的部门", f"There is no department {name}"
    )
