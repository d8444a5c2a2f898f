"""Whether a document is a plan, and when it is not, what it lacks: the numbered items, the
annotations (牵头/责任…) or the task-table header the parser reads tasks from."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.errors import Words
from desktop_app.plans import errors
from desktop_app.plans.model import PlanKind

# The reasons a document is not read as a plan, in the order they are said.
NO_NUMBERED_ITEMS = "no_numbered_items"
NO_ANNOTATIONS = "no_annotations"
NO_TABLE_HEADER = "no_table_header"
NO_PLAN_TITLE = "no_plan_title"
_WORDS = {
    NO_NUMBERED_ITEMS: errors.NO_NUMBERED_ITEMS,
    NO_ANNOTATIONS: errors.NO_ANNOTATIONS,
    NO_TABLE_HEADER: errors.NO_TABLE_HEADER,
    NO_PLAN_TITLE: errors.NO_PLAN_TITLE,
}


@dataclass(frozen=True)
class Evidence:
    """What the parser found that makes a plan."""

    numbered_items: bool
    annotations: bool
    task_tables: bool
    plan_title: bool
    is_report: bool
    tasks: bool


def plan_kind(found: Evidence) -> PlanKind:
    """Annotations or a task table make a plan; numbered items do under a plan's title."""
    if found.annotations or found.task_tables:
        return "work_plan"
    if found.is_report:
        return "annual_report"
    if found.plan_title and found.tasks:
        return "work_plan"
    return "unknown"


def missing(found: Evidence) -> tuple[str, ...]:
    """Why a document without tasks is not a plan: each form of plan it does not have.

    Numbered items without annotations are tasks only under a title that names a plan
    (`工作要点`, `任务分工`…), so a document that has them lacks that title instead.
    """
    if found.tasks:
        return ()
    reasons = []
    if not found.numbered_items:
        reasons.append(NO_NUMBERED_ITEMS)
    if not found.annotations:
        reasons.append(NO_ANNOTATIONS)
    if not found.task_tables:
        reasons.append(NO_TABLE_HEADER)
    if found.numbered_items and not found.annotations and not found.plan_title:
        reasons.append(NO_PLAN_TITLE)
    return tuple(reasons)


def reason_words(code: str) -> Words:
    """The words of a reason ``missing`` gives, for the error a refused import raises."""
    return _WORDS[code]
