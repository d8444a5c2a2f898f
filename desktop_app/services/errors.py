"""What a use case refuses to do, said in Chinese and English."""

from __future__ import annotations


class ServiceError(Exception):
    """A request the user can correct (an unknown task id, a file that is not a plan...)."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def one_line(self) -> str:
        """Chinese first, English after it, on one line."""
        return f"{self.message_zh}（{self.message_en}）"


def no_task(task_id: int) -> ServiceError:
    return ServiceError("no_task", f"没有编号为 {task_id} 的任务", f"There is no task {task_id}")


def no_department(name: str) -> ServiceError:
    return ServiceError(
        "no_department", f"没有名为“{name}”的部门", f"There is no department {name}"
    )
