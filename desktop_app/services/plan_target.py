"""Which stored plan a document continues, and the title that plan has once it is imported.

A plan keeps two titles, as a task keeps two sets of owners: the document's (``doc_title``)
and the one in force (``title``), which the liaison may have given or corrected at import.
A document revises the plan the user names, else the newest plan of its year that has its
title (in force or as the document gave it), else the plan holding most of the same tasks:
any plan when the document has no title, a plan of its year whose title the liaison gave,
or whose document title holds this one or is held by it (read by an earlier version),
when it has one (a plan of another bureau repeating the same tasks is a plan of its own).
A title the liaison gave stays through revisions until they give another; an empty title
never takes a plan's title away.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from db.models import Plan, Task
from desktop_app.plans.model import ParsedPlan
from desktop_app.services import errors
from desktop_app.services.errors import ServiceError

TITLE_MAX = 200
SAME_PLAN_SHARE = 0.6


@dataclass(frozen=True)
class DocumentTitle:
    """Says that ``ParsedPlan.title`` is the title the user gave before importing (or saw and
    kept); ``text`` is the document's own (None when it has none)."""

    text: str | None


def clean_title(text: str | None) -> str | None:
    """A title as the user typed it: its ends trimmed, None when nothing is left; longer than
    ``TITLE_MAX`` characters, refused (a ``ServiceError``)."""
    title = (text or "").strip()
    if len(title) > TITLE_MAX:
        raise ServiceError("title_too_long", errors.TITLE_TOO_LONG, len(title), TITLE_MAX)
    return title or None


def same_file_or_target(
    parsed: ParsedPlan, document: str | None, content_hash: str, target_plan_id: int | None
) -> tuple[Plan | None, Plan | None]:
    """The plan imported from these very bytes, if any (unless the user names another), and
    the plan the document revises (None: a new plan); the first is the second too (the same
    file again, to correct what it says). ``document``: the document's own title."""
    same = Plan.get_or_none(Plan.content_hash == content_hash)
    if same is not None and target_plan_id in (None, same.id):
        return same, same
    return None, _target(parsed, document, target_plan_id)


def title_after(parsed: ParsedPlan, target: Plan | None, *, given: bool) -> str | None:
    """The plan's title once ``parsed`` is imported into ``target``; ``given``: the user gave
    ``parsed.title``. Otherwise a stored plan keeps a title the liaison gave it."""
    if target is None:
        return parsed.title
    if not given and _title_given(target):
        return target.title
    return parsed.title or target.title


def _title_given(plan: Plan) -> bool:
    return plan.title is not None and plan.title != plan.doc_title


def _target(parsed: ParsedPlan, document: str | None, target_plan_id: int | None) -> Plan | None:
    if target_plan_id is not None:
        plan = Plan.get_or_none(Plan.id == target_plan_id)
        if plan is None:
            raise errors.no_plan(target_plan_id)
        return plan
    of_year = Plan.year == parsed.year
    for same_title in (
        Plan.title == parsed.title if parsed.title is not None else None,
        Plan.doc_title == document if document is not None else None,
    ):
        if same_title is not None:
            newest: Plan | None = (
                Plan.select().where(same_title & of_year).order_by(Plan.id.desc()).first()
            )
            if newest is not None:
                return newest
    if document is None:
        return _same_tasks_plan(parsed, None)
    # No plan of the year has the title: a plan renamed at import, revised under yet
    # another; or one stored under the title an earlier version of the program read, holding
    # this one or held by it (the notice's name `关于印发…的通知`, half of a wrapped title).
    # Their tasks tell.
    among = set()
    for p in Plan.select(Plan.id, Plan.title, Plan.doc_title).where(
        of_year & Plan.title.is_null(False)
    ):
        renamed = p.doc_title is None or p.title != p.doc_title
        read_before = p.doc_title or p.title or ""
        if renamed or document in read_before or read_before in document:
            among.add(p.id)
    return _same_tasks_plan(parsed, among)


def _same_tasks_plan(parsed: ParsedPlan, among: set[int] | None) -> Plan | None:
    """The stored plan (of ``among``, None: of all) holding most of the document's tasks
    word for word (at least ``SAME_PLAN_SHARE`` of them), so a re-import updates it instead
    of doubling every task and reminder."""
    texts = {"".join(t.text.split()) for t in parsed.tasks}
    if not texts or among == set():
        return None
    query = Task.select(Task.plan, Task.text)
    if among is not None:
        query = query.where(Task.plan.in_(sorted(among)))
    stored: dict[int, set[str]] = {}
    # peewee's stubs type .tuples() as the model query itself; these are its rows.
    for plan_id, text in cast("Iterable[tuple[int, str]]", query.tuples()):
        stored.setdefault(plan_id, set()).add("".join(text.split()))
    best: tuple[float, int] | None = None
    for plan_id, known in stored.items():
        share = len(texts & known) / len(texts)
        if share >= SAME_PLAN_SHARE and (best is None or share > best[0]):
            best = (share, plan_id)
    return Plan.get_or_none(Plan.id == best[1]) if best else None
