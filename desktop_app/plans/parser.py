"""Text of a plan document → ParsedPlan: numbering hierarchy, tasks, owners, deadlines, warnings.

The body is read as a stream: a task is the text from the end of the previous
annotation (or its item's heading) up to its own annotation, whatever line or
page breaks lie in between. Numbered items without annotations are sections,
or tasks without owner when the plan has no annotations at all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop_app.plans import script
from desktop_app.plans.annotations import (
    KEY_RE,
    Annotation,
    bracket_spans,
    parse_annotation,
)
from desktop_app.plans.deadline_slots import bracketed_deadline_after, bracketed_deadline_at_end
from desktop_app.plans.deadlines import (
    find_deadline_in_text,
    has_date_without_year,
    milestones_in_text,
    parse_deadline,
    year_out_of_range_in,
)
from desktop_app.plans.departments import is_collective
from desktop_app.plans.labelled_block import read_labelled_block
from desktop_app.plans.leaders import read_leader_cells
from desktop_app.plans.metadata import Metadata, extract_metadata
from desktop_app.plans.model import (
    Deadline,
    DocumentText,
    ParsedPlan,
    PlanWarning,
    Section,
    Table,
    Task,
)
from desktop_app.plans.normalize import clean_lines, is_page_number
from desktop_app.plans.numbering import match_label, task_label
from desktop_app.plans.outline import (
    OWNER_VERB_RE,
    Item,
    Outline,
    analyse,
    is_standalone_annotation,
    walk,
)
from desktop_app.plans.table_rows import TableDoubt, TableTask, read_task_tables
from desktop_app.plans.tables import TaskTable, find_task_table
from desktop_app.plans.text_tables import with_text_tables
from desktop_app.plans.verdict import Evidence, missing, plan_kind, reason_words
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN

_FOOTER_RE = re.compile(
    r"^(?:抄送|抄报|主题词)\s*[:：]|^附件\s*\d*\s*[:：]|^附件\s*\d*$|\d{1,2}\s*日\s*印发$"
)
_LEADING_JUNK = " \t\n。，,；;、：:）)"
_HEADING_MAX = 50
_STRAY_MIN = 10
_TITLE_MAX = 80
_BARE_ATTACHMENT_RE = re.compile(r"^附件\s*\d*$")
_FINISHED = ("。", "！", "？", "；", "）", ")", "”")
# How far above its annotation an item's numbered first line may be.
_ITEM_LOOKBACK = 30
# Every owner phrase has one of these verbs; lines without one skip the full check.


def _strip(text: str) -> str:
    """Drop punctuation left at the start by a preceding annotation (`）。下一项…`)."""
    return text.lstrip(_LEADING_JUNK).rstrip()


def _split_heading(text: str) -> tuple[str | None, str]:
    """The item's heading sentence (`持续加强…信息公开。`) and what follows it."""
    idx = text.find("。")
    if 0 < idx <= _HEADING_MAX and _strip(text[idx + 1 :]):
        return text[:idx], _strip(text[idx + 1 :])
    return None, text


def _section_title(item: Item) -> str:
    first = next((p for p in item.parts if isinstance(p, str)), "")
    idx = first.find("。")
    title = first[:idx] if idx > 0 else first
    return title[:_TITLE_MAX].strip()


@dataclass
class _Builder:
    """Collects tasks, sections and warnings while walking the outline."""

    meta: Metadata
    annotated_plan: bool
    tasks: list[Task] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    _unnumbered: int = 0
    # (index in ``tasks``, what its annotation's 责任领导 key says): split once all are read
    _leader_values: list[tuple[int, str]] = field(default_factory=list)

    def warn(self, task: str | None, code: str, message: str) -> None:
        self.warnings.append(PlanWarning(task, code, message))

    def section(self, item: Item, title: str) -> None:
        assert item.label is not None
        self.sections.append(Section(item.label.label, title, item.level))

    def _label(self, item: Item, index: int | None) -> str:
        if item.label is None:
            self._unnumbered += 1
            return f"#{self._unnumbered}"
        base = task_label(item.label)
        return base if index is None else f"{base}-{index}"

    def _deadline(self, label: str, raw: str | None) -> Deadline:
        year = self.meta.year
        deadline = parse_deadline(raw, year)
        if raw and deadline.kind == "none":
            if (bad := year_out_of_range_in(raw)) is not None:
                self.warn(
                    label,
                    "deadline_out_of_range",
                    f"任务 {label} 的完成时间“{raw}”中的年份“{bad}”不在 "
                    f"{YEAR_MIN}–{YEAR_MAX} 之间，请核对",
                )
            elif year is None and has_date_without_year(raw):
                self.warn(
                    label,
                    "year_unknown",
                    f"任务 {label} 的完成时间“{raw}”缺少年份，文档中也找不到年度",
                )
            else:
                self.warn(
                    label, "deadline_unparsed", f"任务 {label} 的完成时间“{raw}”无法识别，请核对"
                )
        return deadline

    def add_task(
        self,
        *,
        label: str,
        path: tuple[str, ...],
        text: str,
        annotation: Annotation | None,
        raw_annotation: str | None,
        closed: bool = True,
        lead: tuple[str, ...] = (),
        responsible: tuple[str, ...] = (),
        deadline: Deadline | None = None,
        slot: str | None = None,
        leaders: tuple[str, ...] = (),
    ) -> None:
        if annotation is not None:
            lead, responsible = annotation.lead, annotation.responsible
            if annotation.leaders_raw:
                self._leader_values.append((len(self.tasks), annotation.leaders_raw))
            # Without a deadline of its own, the annotation may sit beside one in brackets:
            # `…工作（年底前）（办公室负责）` or `…（办公室负责）（年底前）`.
            raw = annotation.deadline_raw or slot or bracketed_deadline_at_end(text)
            deadline = self._deadline(label, raw)
            if raw is None:
                self.warn(label, "no_deadline", f"任务 {label} 的标注中没有完成时间")
        elif deadline is None:
            deadline = find_deadline_in_text(text, self.meta.year) or Deadline.none()
        if deadline.kind in ("month", "date", "year") and not deadline.milestones:
            found = milestones_in_text(text, self.meta.year)
            if found and deadline.due is not None and found[-1] <= deadline.due:
                deadline = Deadline(deadline.raw, deadline.kind, deadline.due, found)
        if not closed:
            self.warn(
                label, "annotation_unclosed", f"任务 {label} 的标注括号没有闭合，已读到段落末尾"
            )
        if not lead and not responsible:
            self.warn(label, "no_owner", f"任务 {label} 没有标注牵头或责任部门")
        issued = self.meta.issued_on
        if deadline.due is not None and issued is not None and deadline.due < issued:
            self.warn(
                label,
                "deadline_before_issue",
                f"任务 {label} 的完成时间 {deadline.due.isoformat()} 早于发文日期 {issued.isoformat()}",
            )
        collective = tuple(n for n in lead + responsible if is_collective(n))
        self.tasks.append(
            Task(
                label, path, text, lead, responsible, raw_annotation, deadline, collective, leaders
            )
        )

    def split_leaders(self) -> None:
        """The leaders the annotations name (`（责任领导：张三；牵头单位：…）`), the names of
        all of them telling how to read a run-together `张三李四` (``leaders.py``)."""
        cells = read_leader_cells([value for _, value in self._leader_values])
        for (at, _), cell in zip(self._leader_values, cells, strict=True):
            task = self.tasks[at]
            self.tasks[at] = replace(task, leaders=tuple(dict.fromkeys(task.leaders + cell.names)))
            if cell.doubt is not None:
                self.warn(
                    task.label,
                    "leader_unsure",
                    _DOUBT_WORDS["leader_unsure"].format(task.label, cell.doubt),
                )

    def item_tasks(self, item: Item, path: tuple[str, ...], task_levels: set[int]) -> None:
        anns = item.annotations
        if anns:
            many = len(anns) > 1
            cursor = 0
            own_path = path
            for k, (span, annotation, raw) in enumerate(anns):
                text = _strip(item.text[cursor : span.start])
                if k == 0 and many:
                    heading, text = _split_heading(text)
                    if item.label is not None:
                        self.section(item, heading or _section_title(item))
                        own_path = (*path, item.label.label)
                label = self._label(item, k + 1 if many else None)
                if not text:
                    self.warn(label, "empty_task", f"标注“{raw}”前面没有任务内容，已跳过")
                    cursor = span.end
                    continue
                after = bracketed_deadline_after(item.text, span.end)
                self.add_task(
                    label=label,
                    path=own_path,
                    text=text,
                    annotation=annotation,
                    raw_annotation=raw,
                    closed=span.closed,
                    slot=after[0] if after else None,
                )
                cursor = after[1] if after else span.end
            rest = _strip(item.text[cursor:])
            if len(rest) >= _STRAY_MIN and re.search(r"[。；！？]$", rest):
                label = self._label(item, len(anns) + 1 if many else None)
                if not many:
                    label = f"{label}-2"
                self.add_task(
                    label=label, path=own_path, text=rest, annotation=None, raw_annotation=None
                )
            return
        if item.label is None:
            return
        text = _strip(item.text)
        is_task = not item.children and (
            item.level in task_levels
            if self.annotated_plan
            else bool(re.search(r"[。；！？]", text)) or item.level == max(task_levels or {0})
        )
        if is_task and text:
            self.add_task(
                label=self._label(item, None),
                path=path,
                text=text,
                annotation=None,
                raw_annotation=None,
            )
        else:
            self.section(item, _section_title(item))

    def walk(self, item: Item, path: tuple[str, ...], task_levels: set[int]) -> None:
        self.item_tasks(item, path, task_levels)
        child_path = path if item.label is None else (*path, item.label.label)
        for child in item.children:
            self.walk(child, child_path, task_levels)


def _is_footer_start(lines: list[str], i: int) -> bool:
    """`抄送：…` or `2024年5月6日印发` with nothing task-like after it: the document's tail.

    A wrapped line that merely starts with 抄送 or ends with 印发 in the middle of
    the body is followed by more annotations or numbered items, so it is not.
    """
    if not _FOOTER_RE.search(lines[i]) or KEY_RE.search(lines[i]):
        return False
    # A bare `附件` is a heading only after a finished sentence, not in `报表及` / `附件` / `材料。`.
    if _BARE_ATTACHMENT_RE.match(lines[i]) and i > 0 and not lines[i - 1].endswith(_FINISHED):
        return False
    return not any(
        KEY_RE.search(line) or match_label(line) or OWNER_VERB_RE.search(line)
        for line in lines[i + 1 :]
    )


def _first_task_line(lines: list[str]) -> int | None:
    """The numbered line that opens the first annotated item: the plan's title lies above it.

    Annotations are looked for across line breaks (`（牵头部` / `门：办公室`).
    """
    starts = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line)
    joined = "".join(lines)
    found = next(
        (span.start for span in bracket_spans(joined) if parse_annotation(span.content)), None
    )
    key_line = next(
        (
            i
            for i, line in enumerate(lines)
            if KEY_RE.search(line) or (i > 0 and is_standalone_annotation(line))
        ),
        None,
    )
    if found is None:
        return key_line
    index = bisect.bisect_right(starts, found) - 1
    if key_line is not None:
        index = min(index, key_line)
    for back in range(index, max(index - _ITEM_LOOKBACK, -1), -1):
        if match_label(lines[back]):
            return back
    return index


def _body_bounds(lines: list[str], meta: Metadata) -> tuple[int, int]:
    start = meta.plan_title_index + 1 if meta.plan_title_index is not None else 0
    end = len(lines)
    for i in range(start, len(lines)):
        if _is_footer_start(lines, i):
            end = i
            # `上海市司法局办公室` right above `2024年5月6日印发` belongs to the footer.
            if (
                end > start
                and len(lines[end - 1]) <= 20
                and lines[end - 1].endswith(("室", "局", "厅"))
            ):
                end -= 1
            break
    return start, end


_DOUBT_WORDS = {
    "leader_unsure": "任务 {0} 的责任领导“{1}”可能是几个人名连写，已按原文保留，请核对",
    "row_unnumbered": "表格中任务 {0} 一行没有序号（“{1}”），已作为单独的任务，"
    "如是上一行跨页的续行请核对",
}


def _table_tasks(builder: _Builder, found: list[TableTask], doubts: list[TableDoubt]) -> None:
    seen_sections: set[str] = set()
    for row in found:
        for label, title in row.sections:
            if label not in seen_sections:
                seen_sections.add(label)
                builder.sections.append(Section(label, title, 1))
        annotation = Annotation(row.lead, row.responsible, row.deadline_raw)
        builder.add_task(
            label=row.label,
            path=tuple(label for label, _ in row.sections),
            text=row.text,
            annotation=annotation,
            raw_annotation=row.raw_annotation,
            leaders=row.leaders,
        )
    for doubt in doubts:
        shown = doubt.value if len(doubt.value) <= 30 else doubt.value[:29] + "…"
        builder.warn(doubt.task, doubt.code, _DOUBT_WORDS[doubt.code].format(doubt.task, shown))


def parse_document(document: DocumentText) -> ParsedPlan:
    """Parse what a reader extracted. Never raises for odd text: doubts become warnings.

    A document in traditional script is read through its simplified shadow; what the plan
    keeps is then given back as written (``plans.script``)."""
    shadow, restorer = script.shadow(document)
    plan = _parse(shadow)
    return restorer.plan(plan) if restorer is not None else plan


def _parse(document: DocumentText) -> ParsedPlan:
    raw_lines: list[str] = []
    task_tables: list[TaskTable] = []
    previous: TaskTable | None = None  # the task table right above, nothing but blanks between
    for block in with_text_tables(document.blocks):
        if isinstance(block, Table):
            found = find_task_table(block) or (previous and previous.continued_by(block))
            previous = found or None
            if found:
                raw_lines.extend(found.preamble)
                task_tables.append(found)
                continue
            raw_lines.extend(block.text_lines())
        else:
            if any(line.strip() and not is_page_number(line) for line in block.split("\n")):
                previous = None
            raw_lines.extend(block.split("\n"))
    labelled = read_labelled_block(raw_lines)
    lines = clean_lines([li for i, li in enumerate(raw_lines) if i not in labelled.lines])
    meta = extract_metadata(lines, _first_task_line(lines), labelled)

    start, end = _body_bounds(lines, meta)
    outline = Outline()
    for line in lines[start:end]:
        outline.add(line)
    items = walk(outline.root)
    for item in items:
        analyse(item)
    task_levels = {item.level for item in items if item.annotations}
    annotated = bool(task_levels) or bool(task_tables)
    if not annotated:
        leaves = [it.level for it in items if it.label is not None and not it.children]
        task_levels = {max(leaves)} if leaves else set()

    builder = _Builder(meta=meta, annotated_plan=annotated)
    if meta.implausible_year is not None:
        builder.warn(
            None,
            "year_out_of_range",
            f"文档标题中的年份“{meta.implausible_year}”不在 {YEAR_MIN}–{YEAR_MAX} 之间，"
            "按年度未知处理，请核对",
        )
    if task_tables:
        _table_tasks(builder, *read_task_tables(task_tables))
    builder.walk(outline.root, (), task_levels)
    builder.split_leaders()

    tasks, sections, warnings = builder.tasks, builder.sections, builder.warnings
    evidence = Evidence(
        numbered_items=any(item.label is not None for item in items),
        annotations=any(item.annotations for item in items),
        task_tables=bool(task_tables),
        plan_title=meta.plan_title_index is not None,
        is_report=meta.is_report,
        tasks=bool(tasks),
    )
    kind = plan_kind(evidence)
    if kind != "work_plan":
        tasks, warnings = [], []
        if kind == "annual_report":
            warnings.append(
                PlanWarning(None, "not_a_plan", "这是一份年度报告，不是工作要点，没有可导入的任务")
            )
    lacking = missing(replace(evidence, tasks=bool(tasks))) if kind != "annual_report" else ()
    if not tasks and kind != "annual_report":
        why = "；".join(reason_words(code).zh for code in lacking)
        message = f"文档中没有找到任务：{why}。" if why else "文档中没有找到任务："
        warnings.append(
            PlanWarning(None, "no_tasks", message + "它可能不是工作要点，或格式无法识别")
        )
    return ParsedPlan(
        kind=kind,
        title=meta.title,
        year=meta.year,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        issued_on=meta.issued_on,
        sections=tuple(sections),
        tasks=tuple(tasks),
        warnings=tuple(warnings),
        not_a_plan_because=lacking,
    )


def parse_text(text: str) -> ParsedPlan:
    """Parse a plan given as plain text (one paragraph per line)."""
    return parse_document(DocumentText(blocks=(text,), source_format="txt"))


def parse_file(path: Path, *, soffice: str | None = None) -> ParsedPlan:
    """Read a document of any supported format and parse it.

    Raises ``PlanReadError`` (with a Chinese and an English message) for input
    that cannot be read; never anything else for bad input.
    """
    from desktop_app.plans.readers import read_document

    document = read_document(Path(path), soffice=soffice)
    plan = parse_document(document)
    if document.notes:
        notes = tuple(PlanWarning(None, "reader_note", note) for note in document.notes)
        plan = ParsedPlan(**{**plan.__dict__, "warnings": notes + plan.warnings})
    return plan


def due_months(plan: ParsedPlan) -> dict[str, int]:
    """How many tasks fall due in each month (`2024-03` → 3): a summary for people and tests."""
    counts: dict[str, int] = {}
    for task in plan.tasks:
        due: date | None = task.deadline.due
        if due is not None:
            key = due.strftime("%Y-%m")
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))
