"""A big, realistic database for benchmarks: ten years of work plans, 50,000 tasks.

The schema is the program's own: the file is opened with ``db.connection.open_storage``,
so the migrations create it, and the rows are then bulk-inserted in one
transaction on the raw sqlite3 connection (``executemany``), the search index
(``task_search``) included, filled with ``db.search.search_body`` exactly as
``repository.reindex`` would.

What it looks like:

- ``years`` (2015–2024) of plans, ``PLANS_PER_YEAR`` plans a year (司法行政、政务公开、普法…),
  of uneven size, ``tasks`` tasks in all; each plan has the chapters and sections of
  one of the two real plans in tests/fixtures/.
- ``departments`` departments (real names from the fixtures first), used with a
  Zipf-like skew, so some are busy (办公室…) and some quiet; plus the collective
  owners 各部门、各科处室、各单位、各司法所、各科室, linked to about 5% of the tasks.
- Each task: 1 lead and 0–3 responsible departments; text recombined from the
  sentences of the real tasks (fixtures 003 and 000), with the year shifted.
- Deadlines as a plan writes them (``12月``, ``3月底前``, ``6月30日前``, ``持续推进``, ``每季度``…),
  read by the program's own ``parse_deadline``: mostly month ends, most in
  December, then June, March and October; about 8% ongoing or recurring (no due date).
- Statuses as of ``today`` (default: 21 June of the latest year): past years mostly
  done, a backlog of forgotten open tasks; the latest year split by due date.
  Some corrected deadlines and owners, some archived tasks (removed by a revision),
  progress notes, history rows (``task_change``) and reminder log rows.

Run as a script: ``python3 tests/benchmarks/big_database.py OUT.sqlite3 [--tasks N]``.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from db.connection import open_storage
from db.search import SEARCH_TABLE, search_body
from desktop_app.plans.deadlines import parse_deadline
from desktop_app.plans.departments import is_collective
from desktop_app.plans.model import Section
from desktop_app.plans.parser import parse_file
from desktop_app.services import departments as department_service

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SOURCE_PLANS = ("003_977e8fd6d0e9a83c", "000_9ec6db43f1a77751")

PLANS_PER_YEAR = 8
COLLECTIVE_SHARE = 0.05  # tasks with a collective owner (各部门…)
ARCHIVED_SHARE = 0.01  # tasks removed by a later revision of their plan
NOTE_SHARE = 0.25  # tasks with progress notes
DEADLINE_CORRECTED_SHARE = 0.03
OWNERS_CORRECTED_SHARE = 0.02
# Department skew: the busiest of 50 is linked to about 20% of the tasks (like 依法治区工作科 in 003).
ZIPF = 0.6

# (kind of plan, issuer) — several plans a year from the same bureau and its district office.
PLAN_KINDS = (
    ("司法行政工作要点和责任分工", "上海市普陀区司法局", "沪普司"),
    ("政务公开工作要点", "上海市司法局", "沪司发"),
    ("普法依法治理工作要点", "上海市普陀区司法局", "沪普司"),
    ("法治政府建设工作要点", "上海市司法局", "沪司发"),
    ("公共法律服务体系建设工作要点", "上海市司法局", "沪司发"),
    ("人民调解工作要点", "上海市普陀区司法局", "沪普司"),
    ("党建工作要点", "中共上海市普陀区司法局党组", "普司党"),
    ("安全生产和信访维稳工作要点", "上海市普陀区司法局", "沪普司"),
)
# Relative size of the plans within a year (the main plan is the longest).
PLAN_WEIGHTS = (3.0, 1.2, 1.4, 1.0, 0.9, 0.6, 0.8, 0.5)

# After the names found in the fixtures; then `第N工作科` if more are asked for.
EXTRA_DEPARTMENTS = (
    "法治督察科",
    "人民调解工作科",
    "律师工作科",
    "基层工作科",
    "财务装备科",
    "规划财务处",
    "人事处",
    "机关党委",
    "纪检组",
    "研究室",
    "督察处",
    "法律职业资格管理处",
    "行政执法协调监督处",
    "信息化建设处",
    "老干部处",
    "审计处",
    "安置帮教科",
    "法治宣传科",
    "司法所管理科",
    "矛盾纠纷调处中心",
    "法律服务管理科",
    "立法四处",
    "合法性审查科",
    "政策研究室",
    "基层法律服务所",
)
COLLECTIVE_DEPARTMENTS = ("各部门", "各科处室", "各单位", "各司法所", "各科室")
COLLECTIVE_WEIGHTS = (4, 4, 2, 1, 1)
# Old names a rename or a merge left behind (alias -> department).
ALIASES = {"法制宣传科": "普法治理科", "法律援助处": "法律援助中心", "政治部": "政治处"}

# How plans write deadlines, with weights: most in December, then June, March, October.
DEADLINES: tuple[tuple[str, float], ...] = (
    ("12月", 22.0),
    ("12月底前", 8.0),
    ("年底前", 7.0),
    ("12月20日前", 2.0),
    ("6月", 7.0),
    ("6月底前", 4.0),
    ("上半年", 2.5),
    ("6月30日前", 1.5),
    ("3月", 5.0),
    ("3月底前", 3.0),
    ("第一季度", 1.0),
    ("10月", 5.5),
    ("10月底前", 3.0),
    ("1月", 1.0),
    ("2月", 0.5),
    ("4月", 1.5),
    ("5月", 1.5),
    ("7月", 1.5),
    ("8月", 1.0),
    ("9月", 2.0),
    ("第三季度", 0.5),
    ("11月", 2.0),
    ("11月15日前", 0.5),
    ("3月、6月、9月、12月", 1.0),
    ("5月至12月", 0.5),
    ("持续推进", 4.0),
    ("长期坚持", 1.5),
    ("全年", 1.0),
    ("每季度", 1.0),
    ("每月", 0.5),
)
NEXT_YEAR_DEADLINE_SHARE = 0.01  # `{year+1}年3月底前`: due after the plan's year

NOTE_TEXTS = (
    "已召开专题会议进行部署，明确责任分工。",
    "已完成初稿，正在征求相关部门意见。",
    "已报送阶段性工作材料。",
    "已组织开展专项培训一次，参加人员{n}人。",
    "工作方案已印发，按计划推进中。",
    "已与相关单位对接，形成工作台账。",
    "已开展宣传活动{n}场，覆盖群众约{n}00人次。",
    "已完成年度目标任务。",
    "因上级政策调整，进度有所延后，已向分管领导报告。",
    "已完成中期自查，发现问题{n}项，正在整改。",
)
STATUS_ZH = {
    "not_started": "未开始",
    "in_progress": "进行中",
    "done": "已完成",
    "cancelled": "已取消",
}


# -- text ---------------------------------------------------------------------------------


class _Texts:
    """Task texts made of the sentences (and half-sentences) of real tasks."""

    def __init__(self, texts: Sequence[str]) -> None:
        sentences = [s for t in texts for s in re.split(r"(?<=[；。])", t) if s.strip()]
        self.sentences = [s.rstrip("；。") for s in sentences]
        self.splittable = [s.split("，") for s in self.sentences if s.count("，") >= 1]

    def make(self, rng: random.Random, year: int) -> str:
        parts: list[str] = []
        while len(parts) < rng.choices((1, 2, 3), (50, 35, 15))[0]:
            if rng.random() < 0.5:
                part = rng.choice(self.sentences)
            else:  # the first clauses of one sentence, the rest of another
                a, b = rng.sample(self.splittable, 2)
                part = "，".join(a[: rng.randint(1, len(a) - 1)] + b[rng.randint(1, len(b) - 1) :])
            if all(part.split("，")[0] != p.split("，")[0] for p in parts):
                parts.append(part)
        text = "；".join(parts) + "。"
        # The fixtures are 2024 plans: `2024年` becomes the plan's year, `2023年` the year before.
        return re.sub(r"20\d\d(?=年)", lambda m: str(int(m.group()) - 2024 + year), text)


def _leaf_sections(sections: Sequence[Section]) -> list[tuple[str, ...]]:
    """The section paths tasks sit in: every `（一）`, and a `一、` without any."""
    leaves: list[tuple[str, ...]] = []
    chapter: str | None = None
    has_children = False
    for s in sections:
        if s.level == 1:
            if chapter is not None and not has_children:
                leaves.append((chapter,))
            chapter, has_children = s.label, False
        elif chapter is not None:
            leaves.append((chapter, s.label))
            has_children = True
    if chapter is not None and not has_children:
        leaves.append((chapter,))
    return leaves


# -- the generator ------------------------------------------------------------------------


def _ts(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, exactly."""
    scale = total / sum(weights)
    sizes = [int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % len(sizes)] += 1
    return sizes


def _department_names(count: int, seen_in_plans: Sequence[str]) -> list[str]:
    names: list[str] = []
    for name in itertools.chain(seen_in_plans, EXTRA_DEPARTMENTS):
        if name not in names and not is_collective(name):
            names.append(name)
    names = names[:count]
    n = 1
    while len(names) < count:
        names.append(f"第{n}工作科")
        n += 1
    return names


def _status(rng: random.Random, due: date | None, year: int, latest: int, today: date) -> str:
    if due is None:  # ongoing, recurring: closed at the end of its year, or not
        weights = (5, 25, 68, 2) if year < latest else (35, 58, 5, 2)
    elif due < today:
        weights = (2, 2, 93, 3) if year < latest else (9, 13, 75, 3)
    else:
        weights = (54, 35, 10, 1)
    return rng.choices(("not_started", "in_progress", "done", "cancelled"), weights)[0]


def _month_end_after(due: date, months: int) -> date:
    month = due.month - 1 + months
    year, month = due.year + month // 12, month % 12 + 1
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def build_big_database(
    path: Path,
    *,
    tasks: int = 50_000,
    departments: int = 50,
    years: range = range(2015, 2025),
    seed: int = 1,
    today: date | None = None,
) -> dict:
    """Create a database of ``tasks`` tasks at ``path`` (which must not exist); returns facts about it.

    The returned dict holds the counts of rows, ``plan_ids_by_year``,
    ``latest_year``, ``today``, ``busy_department`` and ``quiet_department``
    (ids, by number of links), ``collective_ids``, ``seconds`` (build time) and
    ``bytes`` (file size).
    """
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    latest = years[-1]
    today = today or date(latest, 6, 21)
    clock_now = datetime.combine(today, datetime.min.time()).replace(hour=9)

    parsed = [parse_file(FIXTURES / f"{name}.txt") for name in SOURCE_PLANS]
    texts = _Texts([t.text for p in parsed for t in p.tasks])
    outlines = [(p.sections, _leaf_sections(p.sections)) for p in parsed]
    # The names the real plans use most come first: they become the busy departments.
    seen = Counter(n for p in parsed for t in p.tasks for n in (*t.lead, *t.responsible))

    names = _department_names(departments, [n for n, _ in seen.most_common()])
    dept_ids = list(range(1, len(names) + 1))
    collective_ids = list(range(len(names) + 1, len(names) + 1 + len(COLLECTIVE_DEPARTMENTS)))
    all_names = names + list(COLLECTIVE_DEPARTMENTS)
    # Zipf-like: the first departments (办公室, 依法治区工作科, 普法治理科…) are the busy ones.
    cumulative = list(itertools.accumulate(1 / (k + 1) ** ZIPF for k in range(len(names))))

    def pick_department() -> int:
        return dept_ids[bisect.bisect(cumulative, rng.random() * cumulative[-1])]

    deadline_raws = [raw for raw, _ in DEADLINES]
    deadline_weights = [w for _, w in DEADLINES]
    deadline_cache: dict[tuple[str, int], Any] = {}

    def deadline(raw: str, year: int) -> Any:
        key = (raw, year)
        if key not in deadline_cache:
            deadline_cache[key] = parse_deadline(raw, year)
        return deadline_cache[key]

    plan_rows, section_rows, task_rows, link_rows, search_rows = [], [], [], [], []
    note_rows, change_rows, reminder_rows = [], [], []
    plan_ids_by_year: dict[int, list[int]] = {}
    per_year = _split(tasks, [1.0] * len(years))
    plan_id = task_id = 0
    for year, year_tasks in zip(years, per_year, strict=True):
        kinds = PLAN_KINDS[:PLANS_PER_YEAR]
        sizes = _split(year_tasks, PLAN_WEIGHTS[: len(kinds)])
        for k, ((topic, issuer, prefix), size) in enumerate(zip(kinds, sizes, strict=True)):
            if size == 0:
                continue
            plan_id += 1
            plan_ids_by_year.setdefault(year, []).append(plan_id)
            issued = date(year, rng.randint(1, 3), rng.randint(1, 28))
            imported = datetime.combine(issued, datetime.min.time()) + timedelta(
                days=rng.randint(1, 20), hours=rng.randint(8, 17), minutes=rng.randint(0, 59)
            )
            if imported.date() >= today:
                imported = clock_now - timedelta(days=1)
            title = f"{year}年{issuer.removeprefix('中共').removeprefix('上海市')}{topic}"
            source = f"{title}.docx"
            plan_rows.append(
                (
                    plan_id,
                    title,
                    year,
                    issuer,
                    f"{prefix}〔{year}〕{k + 1}号",
                    issued.isoformat(),
                    "work_plan",
                    source,
                    hashlib.sha256(f"{seed}/{plan_id}/{source}".encode()).hexdigest(),
                    _ts(imported),
                    _ts(imported),
                    title,  # doc_title: the document's own
                )
            )
            sections, leaves = outlines[k % len(outlines)]
            for position, s in enumerate(sections):
                section_rows.append((plan_id, s.label, s.title, s.level, position))
            for position in range(size):
                task_id += 1
                section_path = list(leaves[position * len(leaves) // size])
                text = texts.make(rng, year)
                # Owners: 1 lead, 0–3 responsible, sometimes a collective one among them.
                lead = pick_department()
                n_resp = rng.choices((0, 1, 2, 3), (25, 40, 25, 10))[0]
                collective = rng.random() < COLLECTIVE_SHARE
                if collective:
                    n_resp = max(1, n_resp)
                responsible: list[int] = []
                if collective:
                    responsible.append(rng.choices(collective_ids, COLLECTIVE_WEIGHTS)[0])
                while len(responsible) < n_resp:
                    d = pick_department()
                    if d != lead and d not in responsible:
                        responsible.append(d)
                rng.shuffle(responsible)
                lead_names = [all_names[lead - 1]]
                resp_names = [all_names[d - 1] for d in responsible]
                doc_lead, doc_resp = lead_names, resp_names
                owners_corrected = rng.random() < OWNERS_CORRECTED_SHARE
                if owners_corrected:  # the document named another lead; the user fixed it
                    doc_lead = [all_names[pick_department() - 1]]
                # Deadline as written, read by the program's parser.
                if rng.random() < NEXT_YEAR_DEADLINE_SHARE:
                    raw = f"{year + 1}年3月底前"
                else:
                    raw = rng.choices(deadline_raws, deadline_weights)[0]
                dl = deadline(raw, year)
                due = dl.due
                deadline_corrected = due is not None and rng.random() < DEADLINE_CORRECTED_SHARE
                if deadline_corrected:
                    due = _month_end_after(due, rng.choice((-3, -1, 1, 2, 3)))
                status = _status(rng, due, year, latest, today)
                created = imported
                completed_on = None
                updated = created
                changes: list[tuple[str, str | None, str | None, datetime, str]] = []
                end = min(today - timedelta(days=1), due or date(year, 12, 31))
                if status in ("done", "cancelled", "in_progress"):
                    start_day = created.date() + timedelta(days=1)
                    span = max(0, (end - start_day).days)
                    when_day = start_day + timedelta(days=rng.randint(max(0, span - 60), span))
                    if when_day >= today:
                        when_day = today - timedelta(days=1)
                    when = datetime.combine(when_day, datetime.min.time()) + timedelta(
                        hours=rng.randint(8, 18), minutes=rng.randint(0, 59)
                    )
                    when = max(when, created + timedelta(minutes=5))
                    if status == "done":
                        completed_on = when.date()
                        old = STATUS_ZH["in_progress" if rng.random() < 0.4 else "not_started"]
                        new = f"{STATUS_ZH['done']}（{completed_on.isoformat()}）"
                    else:
                        old, new = STATUS_ZH["not_started"], STATUS_ZH[status]
                    changes.append(("status", old, new, when, "user"))
                    updated = when
                if deadline_corrected:
                    when = created + timedelta(days=rng.randint(1, 30))
                    changes.append(("deadline", dl.due.isoformat(), due.isoformat(), when, "user"))
                    updated = max(updated, when)
                if owners_corrected:
                    when = created + timedelta(days=rng.randint(1, 30))
                    changes.append(("lead", doc_lead[0], lead_names[0], when, "user"))
                    updated = max(updated, when)
                archived_at = None
                if rng.random() < ARCHIVED_SHARE:
                    archived = created + timedelta(days=rng.randint(20, 90))
                    if archived < clock_now:
                        archived_at = _ts(archived)
                        changes.append(
                            ("archived", None, "已从修订后的工作要点中删除", archived, "import")
                        )
                        updated = max(updated, archived)
                annotation = (
                    f"（牵头部门：{'、'.join(doc_lead)}；"
                    + (f"责任部门：{'、'.join(doc_resp)}。" if doc_resp else "")
                    + f"完成时间：{raw}）"
                )
                task_rows.append(
                    (
                        task_id,
                        plan_id,
                        str(position + 1),
                        _json(section_path),
                        text,
                        annotation,
                        _json(doc_lead),
                        _json(doc_resp),
                        dl.kind,
                        dl.raw,
                        dl.due.isoformat() if dl.due else None,
                        _json([m.isoformat() for m in dl.milestones]),
                        due.isoformat() if due else None,
                        int(owners_corrected),
                        int(deadline_corrected),
                        status,
                        completed_on.isoformat() if completed_on else None,
                        position,
                        archived_at,
                        _ts(created),
                        _ts(updated),
                    )
                )
                link_rows.append((task_id, lead, "lead", 0))
                link_rows.extend((task_id, d, "responsible", i) for i, d in enumerate(responsible))
                search_rows.append((task_id, search_body(text, lead_names + resp_names)))
                change_rows.extend((task_id, *c[:3], _ts(c[3]), c[4]) for c in changes)
                if rng.random() < NOTE_SHARE and created.date() < today - timedelta(days=2):
                    last = min(end, today - timedelta(days=1))
                    span = max(1, (last - created.date()).days)
                    for _ in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
                        at = created + timedelta(
                            days=rng.randint(1, span),
                            hours=rng.randint(0, 8),
                            minutes=rng.randint(0, 59),
                        )
                        note = rng.choice(NOTE_TEXTS).format(n=rng.randint(2, 9))
                        note_rows.append((task_id, _ts(at), _ts(at), note))
                # Reminders shown for the latest year's dated tasks due by now.
                if year == latest and due is not None and due < today + timedelta(days=10):
                    shown = datetime.combine(
                        max(created.date(), due - timedelta(days=10)), datetime.min.time()
                    ) + timedelta(hours=9)
                    if shown < clock_now:
                        reminder_rows.append(
                            (task_id, "shown", _ts(shown), _ts(shown), None, "toast", None)
                        )
                        event = rng.choices(("acknowledged", "snoozed", None), (60, 25, 15))[0]
                        if event is not None:
                            at = shown + timedelta(minutes=rng.randint(1, 120))
                            until = _ts(at + timedelta(days=1)) if event == "snoozed" else None
                            reminder_rows.append(
                                (task_id, event, _ts(at), _ts(shown), until, "toast", None)
                            )

    storage = open_storage(path, clock=lambda: clock_now, backups_dir=path.parent / "backups")
    try:
        conn = storage.raw()
        created_at = _ts(datetime(years[0], 1, 5, 9))
        with storage.write():
            conn.executemany(
                "INSERT INTO department (id, name, collective, created_at) VALUES (?, ?, ?, ?)",
                [(i, n, int(is_collective(n)), created_at) for i, n in enumerate(all_names, 1)],
            )
            conn.executemany(
                "INSERT INTO department_alias (alias, department_id) VALUES (?, ?)",
                [(a, all_names.index(d) + 1) for a, d in ALIASES.items() if d in all_names],
            )
            conn.executemany(
                "INSERT INTO plan (id, title, year, issuer, doc_number, issued_on, kind, "
                "source_name, content_hash, imported_at, updated_at, doc_title) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan_rows,
            )
            conn.executemany(
                "INSERT INTO section (plan_id, label, title, level, position) VALUES (?, ?, ?, ?, ?)",
                section_rows,
            )
            conn.executemany(
                "INSERT INTO task (id, plan_id, label, section_path, text, annotation, doc_lead, "
                "doc_responsible, deadline_kind, deadline_raw, doc_due_date, milestones, due_date, "
                "owners_corrected, deadline_corrected, status, completed_on, position, archived_at, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?)",
                task_rows,
            )
            conn.executemany(
                "INSERT INTO task_department (task_id, department_id, role, position) "
                "VALUES (?, ?, ?, ?)",
                link_rows,
            )
            conn.executemany(
                "INSERT INTO progress_note (task_id, created_at, updated_at, text) VALUES (?, ?, ?, ?)",
                note_rows,
            )
            conn.executemany(
                "INSERT INTO task_change (task_id, field, old_value, new_value, changed_at, source) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                change_rows,
            )
            conn.executemany(
                "INSERT INTO reminder_log (task_id, event, at, scheduled_for, snooze_until, channel, "
                "detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                reminder_rows,
            )
            conn.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)", search_rows)
            # One bureau for all (the worst case: 各部门 takes in every department).
            department_service.refresh_groups()
        links = dict(
            conn.execute(
                "SELECT department_id, COUNT(*) FROM task_department "
                f"WHERE department_id <= {len(names)} GROUP BY 1"
            ).fetchall()
        )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        storage.close()
    busy = max(links, key=lambda d: links[d])
    quiet = min(links, key=lambda d: links[d])
    return {
        "path": path,
        "tasks": len(task_rows),
        "plans": len(plan_rows),
        "sections": len(section_rows),
        "departments": len(all_names),
        "links": len(link_rows),
        "notes": len(note_rows),
        "changes": len(change_rows),
        "reminders": len(reminder_rows),
        "plan_ids_by_year": plan_ids_by_year,
        "latest_year": latest,
        "today": today,
        "busy_department": busy,
        "quiet_department": quiet,
        "collective_ids": collective_ids,
        "seconds": time.perf_counter() - started,
        "bytes": path.stat().st_size,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the database file to create")
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            args.out.with_name(args.out.name + suffix).unlink(missing_ok=True)
    elif args.out.exists():
        parser.error(f"{args.out} exists (use --force to replace it)")
    info = build_big_database(
        args.out, tasks=args.tasks, departments=args.departments, seed=args.seed
    )
    for key, value in info.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
