"""Property-based tests of `parse_text`: plans built from random parts, and mutated real plans.

Generated plans use every numbering style, annotation form, key variant, parenthesis width
and deadline form the parser documents, with line breaks, page numbers, blank lines and
stray spaces dropped in at random. Whatever the layout, the parser must find one task per
annotation, with the owners that annotation names, and take every task's text from the
document. Mutated real plans (slices deleted or duplicated, brackets and keys inserted,
widths swapped, NULs, truncation) must never make it raise, and what it reports as a task
must still come from the document.

Runs are derandomized (no example database), so CI sees the same examples every time.
"""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from desktop_app.plans.model import ParsedPlan
from desktop_app.plans.normalize import clean_lines, is_page_number
from desktop_app.plans.parser import parse_text
from desktop_app.simplified import simplified

from .conftest import FIXTURES, PLAN_2024_CITY, PLAN_2024_DISTRICT

# Hypothesis caches constants it finds in the code under test in ./.hypothesis. The
# project's `norecursedirs` replaces pytest's default (which skips dot-directories), so on
# the next run the Hypothesis plugin warns about that directory, and `filterwarnings =
# error` turns the warning into a collection error for the whole suite. Keep it elsewhere.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "deadline-reminder-hypothesis")

GENERATED = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
MUTATED = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _cleaned(text: str) -> str:
    """The input as the parser sees it: cleaned lines, joined, without whitespace."""
    return _squeeze("".join(clean_lines(text.split("\n"))))


def _assert_tasks_come_from(plan: ParsedPlan, text: str) -> None:
    cleaned = _cleaned(text)
    for task in plan.tasks:
        assert _squeeze(task.text), f"task {task.label} has no text"
        assert _squeeze(task.text) in cleaned, f"task {task.label}: {task.text!r}"
        for owner in task.owners:
            assert _squeeze(owner) in cleaned, f"task {task.label}: owner {owner!r}"


# --- parts of a plan ---------------------------------------------------------------------------

_CN_DIGITS = "一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens - 1] + "十")
    return head + (_CN_DIGITS[ones - 1] if ones else "")


# Every way each numbering style is written: `一、` `（一）` `1.` `（1）` `①`.
LABEL_FORMS = {
    "cn": (lambda n: f"{_cn(n)}、", lambda n: f"{_cn(n)}．", lambda n: f"{_cn(n)}."),
    "cn_paren": (lambda n: f"（{_cn(n)}）", lambda n: f"({_cn(n)})", lambda n: f"（{_cn(n)}）、"),
    "num": (lambda n: f"{n}.", lambda n: f"{n}. ", lambda n: f"{n}、", lambda n: f"{n}．"),
    "num_paren": (lambda n: f"（{n}）", lambda n: f"({n})", lambda n: f"（{n}）."),
    "circled": (lambda n: _CIRCLED[n - 1], lambda n: f"{_CIRCLED[n - 1]} "),
}
# How the parser names a task numbered in each style.
TASK_LABELS = {
    "cn": _cn,
    "cn_paren": lambda n: f"（{_cn(n)}）",
    "num": str,
    "num_paren": lambda n: f"（{n}）",
    "circled": lambda n: _CIRCLED[n - 1],
}

SECTION_TITLES = ("依法行政", "公共法律服务", "队伍建设", "政务公开", "基层治理", "法治宣传")

# Task sentences (footer words such as `印发` have their own test below).
FRAGMENTS = (
    "推进政务公开标准化规范化建设",
    "加强行政执法协调监督",
    "完善公共法律服务体系",
    "开展“八五”普法中期评估",
    "制定《行政执法协调监督办法（试行）》",
    "优化12348热线服务质量",
    "组织“法律明白人”培训",
    "落实行政机关负责人出庭应诉制度",
    "推动街镇、村居公共法律服务工作站建设",
    "在6月底前完成年度评估",
    "举办开放日活动（年内不少于3次）",
    "提升Legal Walk城市法治研游品牌影响力",
    "深化“一网通办”“一网统管”建设",
    # Known bug (test_a_wrapped_line_in_a_plan_with_owner_phrase_lines_is_not_the_title):
    # no plan-title word (`实施方案`, `重点任务`) in fragments until it is fixed.
    "制定并印发《法律顾问管理办法》",
    "及时抄送区司法局备案",
    "附件清单随文公开",
)

DEPARTMENTS = (
    "办公室",
    "法制科",
    "政治处",
    "执法监督科",
    "公共法律服务科",
    "普法治理处",
    "行政复议科",
    "财务科",
    "市财政局",
    "区发展改革委",
    "法律援助中心",
    "各科室",
    "各司法所",
    "市直各部门",
    "区公共法律服务中心（各街镇工作站）",
)

LEAD_KEYS = ("牵头部门", "牵头单位", "牵头处室", "牵头科室")
RESPONSIBLE_KEYS = (
    "责任部门",
    "责任单位",
    "责任处室",
    "责任科室",
    "配合部门",
    "配合单位",
    "协办单位",
    "参与单位",
)
DEADLINE_KEYS = ("完成时间", "完成时限", "时限要求", "时间节点", "完成期限")

# The forms desktop_app/plans/deadlines.py reads, and one it cannot read.
DEADLINES = (
    "3月",
    "12 月",
    "3月底前",
    "2024年6月底前",
    "6月30日前",
    "630前",
    "上半年",
    "年底前",
    "一季度",
    "第三季度末",
    "2月上旬前",
    "9月中旬",
    "持续推进",
    "常态化",
    "全年",
    "每季度",
    "每月",
    "①3月底前；②6月底前",
    "视情况而定",
)
# People named beside the owners (`责任领导：张三、李四`): the task's leaders, never owners.
LEADER_KEYS = ("责任领导", "分管领导", "分管县领导", "牵头领导", "联系领导", "市领导")
LEADER_NAMES = ("张三", "李四", "王小明", "赵六", "刘德华")
PHRASE_DEADLINES = ("6月底前", "年底前", "持续推进", "每季度", "上半年")

OPENERS = ("（", "(", "（", "(", "[", "［", "【")
CLOSERS = ("）", ")", "）", ")", "]", "］", "】")
FIELD_SEPARATORS = ("；", ";", "。", "，", ",", " ", "")
NAME_SEPARATORS = ("、", "，", ",", "；", "/")
COLONS = ("：", ":", "： ", " :")

# Line and page breaks, page numbers and stray spaces, as PDF and Word exports leave them.
BREAKS = (
    "\n",
    "\n\n",
    "\n\n— 3 —\n\n",
    "\n- 12 -\n",
    "\n第 4 页 共 9 页\n",
    "\n5 / 9\n",
    "\nPage 6 of 9\n",
    " ",
    "\u3000",
)
PAGE_BREAKS = ("", "\n", "\n\n— 7 —\n\n", "\n\n", "\n第 2 页\n\n")


@dataclasses.dataclass
class _Expected:
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    label: str = ""  # the task's label as the parser names it: `3`, `（一）`, `3-2`
    leaders: tuple[str, ...] = ()


def _owners(draw: st.DrawFn) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=1, max_size=3, unique=True)))


def _join_names(draw: st.DrawFn, names: tuple[str, ...], separators=NAME_SEPARATORS) -> str:
    return draw(st.sampled_from(separators)).join(names)


@st.composite
def _broken(draw: st.DrawFn, segment: str) -> str:
    """``segment`` with up to two breaks (line/page break, page number, space) inside it."""
    if len(segment) < 2:
        return segment
    chosen = sorted(draw(st.lists(st.integers(1, len(segment) - 1), max_size=2, unique=True)))
    if len(chosen) == 2 and is_page_number(segment[chosen[0] : chosen[1]]):
        # `6` on a line of its own is a page number to any reader: not a test of the parser.
        chosen = chosen[:1]
    for cut in reversed(chosen):
        segment = segment[:cut] + draw(st.sampled_from(BREAKS)) + segment[cut:]
    return segment


@st.composite
def annotations(draw: st.DrawFn, circled_items: bool = False) -> tuple[str, _Expected, bool]:
    """One annotation: its text, the owners it names, and whether breaks may go inside it.

    Known bug (test_circled_milestones_cut_before_a_circled_number): in a plan numbered
    with ①② at any level, milestones ①②… in a deadline are not used.
    """
    deadlines = [d for d in DEADLINES if not (circled_items and "①" in d)]
    form = draw(st.sampled_from(("keyed", "keyed", "keyed", "phrase", "key_lines", "phrase_line")))
    lead = _owners(draw) if draw(st.booleans()) else ()
    responsible = _owners(draw) if not lead or draw(st.booleans()) else ()
    if form in ("keyed", "key_lines"):
        fields = []
        if lead:
            key = draw(st.sampled_from(LEAD_KEYS))
            fields.append(key + draw(st.sampled_from(COLONS)) + _join_names(draw, lead))
        if responsible:
            key = draw(st.sampled_from(RESPONSIBLE_KEYS))
            fields.append(key + draw(st.sampled_from(COLONS)) + _join_names(draw, responsible))
        if draw(st.booleans()):
            key = draw(st.sampled_from(DEADLINE_KEYS))
            fields.append(key + draw(st.sampled_from(COLONS)) + draw(st.sampled_from(deadlines)))
        leaders: tuple[str, ...] = ()
        if draw(st.integers(0, 3)) == 0:
            names = st.lists(st.sampled_from(LEADER_NAMES), min_size=1, max_size=2, unique=True)
            leaders = tuple(draw(names))
            key = draw(st.sampled_from(LEADER_KEYS)) + draw(st.sampled_from(COLONS))
            at = draw(st.integers(0, len(fields)))
            fields.insert(at, key + _join_names(draw, leaders))
        if form == "key_lines":
            return "\n" + "\n".join(fields) + "\n", _Expected(lead, responsible, "", leaders), False
        text = fields[0]
        for field in fields[1:]:
            text += draw(st.sampled_from(FIELD_SEPARATORS)) + field
        if draw(st.booleans()):
            text += "。"
        opener, closer = draw(st.sampled_from(OPENERS)), draw(st.sampled_from(CLOSERS))
        return opener + text + closer, _Expected(lead, responsible, "", leaders), True
    else:
        clauses = []
        if lead:
            clauses.append(
                _join_names(draw, lead, "、") + draw(st.sampled_from(("牵头", "牵头负责")))
            )
        if responsible:
            verb = draw(st.sampled_from(("负责", "配合", "按职责分工负责", "协助")))
            # In a phrase a comma ends the clause: names are listed with `、`.
            clauses.append(_join_names(draw, responsible, "、") + verb)
        if draw(st.booleans()):
            clauses.append(draw(st.sampled_from(PHRASE_DEADLINES)))
        text = "，".join(clauses)
        # On a line of its own a phrase is read as owners only up to 60 characters.
        if form == "phrase_line" and len(text) <= 60:
            return "\n" + text + "\n", _Expected(lead, responsible), False
    opener, closer = draw(st.sampled_from(OPENERS)), draw(st.sampled_from(CLOSERS))
    return opener + text + closer, _Expected(lead, responsible), True


@st.composite
def task_bodies(draw: st.DrawFn, circled_items: bool = False) -> tuple[str, list[_Expected]]:
    """The text of one numbered item: one to three sentences, each closed by an annotation."""
    body = ""
    expected = []
    for _ in range(draw(st.integers(1, 3))):
        fragments = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3))
        sentence = "，".join(fragments) + draw(st.sampled_from(("。", "；", "")))
        annotation, owners, breakable = draw(annotations(circled_items))
        body += draw(_broken(sentence))
        body += draw(_broken(annotation)) if breakable else annotation
        body += draw(st.sampled_from(("", "。", "；")))
        expected.append(owners)
    return body, expected


@st.composite
def generated_plans(draw: st.DrawFn) -> tuple[str, list[_Expected]]:
    """A plan: title, optional preamble, one to three levels of numbering, annotated tasks."""
    depth = draw(st.integers(1, 3))
    styles = draw(st.permutations(tuple(LABEL_FORMS)))[:depth]
    restart = draw(st.booleans())
    lines = [
        draw(
            st.sampled_from(("某区司法局2024年工作要点", "上海市某区司法局2024年政务公开工作要点"))
        )
    ]
    if draw(st.booleans()):
        lines.append("为做好2024年工作，制定本工作要点。")
    expected: list[_Expected] = []
    counters = dict.fromkeys(styles, 0)

    def label(style: str) -> str:
        counters[style] += 1
        return draw(st.sampled_from(LABEL_FORMS[style]))(counters[style])

    def items(level: int) -> None:
        style = styles[level]
        if level == depth - 1:
            for _ in range(draw(st.integers(1, 3))):
                body, owners = draw(task_bodies("circled" in styles))
                lines.append(label(style) + body + draw(st.sampled_from(PAGE_BREAKS)))
                base = TASK_LABELS[style](counters[style])
                for k, owner in enumerate(owners, 1):
                    owner.label = base if len(owners) == 1 else f"{base}-{k}"
                expected.extend(owners)
            if restart:
                counters[style] = 0
            return
        for _ in range(draw(st.integers(1, 2))):
            lines.append(label(style) + draw(st.sampled_from(SECTION_TITLES)))
            items(level + 1)

    items(0)
    return "\n".join(lines) + "\n", expected


@given(generated_plans())
@GENERATED
def test_generated_plans_give_one_task_per_annotation(
    plan_and_expected: tuple[str, list[_Expected]],
) -> None:
    text, expected = plan_and_expected
    plan = parse_text(text)
    _assert_tasks_come_from(plan, text)
    assert plan.kind == "work_plan"
    assert len(plan.tasks) == len(expected)
    assert [t.label for t in plan.tasks] == [e.label for e in expected]
    for task, owners in zip(plan.tasks, expected, strict=True):
        assert (task.lead, task.responsible) == (owners.lead, owners.responsible), task.label
        assert task.leaders == owners.leaders, task.label


@given(generated_plans())
@GENERATED
def test_generated_plans_in_traditional_script_read_alike(
    plan_and_expected: tuple[str, list[_Expected]],
) -> None:
    """The same plans written in traditional script: the same tasks, the owners as written."""
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    text, expected = plan_and_expected
    written = to_traditional(text)
    plan = parse_text(written)
    _assert_tasks_come_from(plan, written)
    assert plan.kind == "work_plan"
    assert [t.label for t in plan.tasks] == [to_traditional(e.label) for e in expected]
    # A name is kept as the document writes it: converting the whole document may pick
    # another traditional form for a name cut by a line break (行政復\n議科, not 行政複議科),
    # so each name is checked as written in the document and as the expected one.
    squeezed = _cleaned(written)
    for task, owners in zip(plan.tasks, expected, strict=True):
        for found, meant in (
            (task.lead, owners.lead),
            (task.responsible, owners.responsible),
            (task.leaders, owners.leaders),
        ):
            assert tuple(simplified(n) for n in found) == meant, task.label
            assert all(n in squeezed for n in found), task.label


# --- footer words inside a sentence -----------------------------------------------------------

_FOOTER_WORD_PLAN = (
    "某区司法局2024年工作要点\n"
    "1. {first}\n（责任部门：法制科。完成时间：6月）\n"
    "2. 开展行政执法检查。（责任部门：执法监督科。完成时间：3月）\n"
)


@pytest.mark.parametrize(
    "first",
    [
        "制定并印发\n《实施方案》。",
        "及时将办理情况\n抄送区司法局。",
        "按要求报送年度报告，\n附件：任务清单同步公开。",
    ],
    ids=["line_ends_with_yinfa", "line_starts_with_chaosong", "line_starts_with_fujian"],
)
def test_a_line_break_next_to_a_footer_word_keeps_the_tasks(first: str) -> None:
    plan = parse_text(_FOOTER_WORD_PLAN.format(first=first))
    assert [t.responsible for t in plan.tasks] == [("法制科",), ("执法监督科",)]


def test_a_line_that_is_only_a_footer_word_keeps_the_last_task() -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 开展普法宣传。（普法科负责）\n"
        "2. 整理年度报表及\n附件\n材料。（办公室负责）\n"
    )
    assert [(t.text, t.responsible) for t in plan.tasks] == [
        ("开展普法宣传。", ("普法科",)),
        ("整理年度报表及附件材料。", ("办公室",)),
    ]


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(
            "2. 制定《行政执法监督\n工作方案》（法制科负责）\n", id="closing_bracket_on_the_line"
        ),
        pytest.param(
            "2. 制定《行政执法监督\n工作方案\n》（法制科负责）\n", id="name_alone_on_a_line"
        ),
    ],
)
def test_a_wrapped_document_name_is_not_taken_for_the_plan_title(second: str) -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 开展普法宣传。（普法科负责）\n" + second + "3. 规范档案管理。（办公室负责）\n"
    )
    assert plan.title == "某区司法局2024年工作要点"
    assert [t.responsible for t in plan.tasks] == [("普法科",), ("法制科",), ("办公室",)]


def test_a_wrapped_body_line_is_not_taken_for_the_plan_title() -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 梳理年度\n重点任务\n清单。（责任部门：办公室。完成时间：3月）\n"
        "2. 开展普法宣传。（责任部门：普法科。完成时间：6月）\n"
    )
    assert (plan.title, plan.year) == ("某区司法局2024年工作要点", 2024)
    assert [t.text for t in plan.tasks] == ["梳理年度重点任务清单。", "开展普法宣传。"]


def test_a_wrapped_line_in_a_plan_with_owner_phrase_lines_is_not_the_title() -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 开展普法宣传。\n普法科负责\n"
        "2. 梳理年度\n重点任务清单\n办公室负责\n"
    )
    assert (plan.title, plan.year) == ("某区司法局2024年工作要点", 2024)
    assert [(t.text, t.responsible) for t in plan.tasks] == [
        ("开展普法宣传。", ("普法科",)),
        ("梳理年度重点任务清单", ("办公室",)),
    ]


def test_circled_milestones_cut_before_a_circled_number() -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "①推进政务公开。（责任部门：办公室。完成时间：①3月底前；\n②6月底前）\n"
        "②规范档案管理。（责任部门：政治处。完成时间：9月）\n"
    )
    assert [(t.label, t.text, t.deadline.due) for t in plan.tasks] == [
        ("①", "推进政务公开。", date(2024, 6, 30)),
        ("②", "规范档案管理。", date(2024, 9, 30)),
    ]


_PRIVATE_MARKERS = ("\ue000", "\ue001")


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        (
            "（一）规范档案管理（办公室负责\n）\n"
            "（二）开展执法检查。（责任部门：执法监督科。完成时间：3月）\n",
            ["（一）", "（二）"],
        ),
        (
            "（一）档案管理工作由办公室负责。\n"
            "（二）开展执法检查。（责任部门：执法监督科。完成时间：3月）\n",
            ["（一）", "（二）"],
        ),
        (
            "（一）持续加强信息公开。\n"
            "责任部门：按照立法程序规定，推进立法计划公开。（牵头部门：办公室。完成时间：3月）\n",
            ["（一）"],
        ),
    ],
    ids=[
        "phrase_closed_on_next_line",
        "numbered_line_ending_in_phrase",
        "key_word_then_annotation",
    ],
)
def test_an_unparenthesised_annotation_never_swallows_an_item(body: str, labels: list[str]) -> None:
    plan = parse_text("某区司法局2024年工作要点\n一、依法行政\n" + body)
    shown = [t.text for t in plan.tasks] + [o for t in plan.tasks for o in t.owners]
    assert not [s for s in shown if any(m in s for m in _PRIVATE_MARKERS)]
    assert [t.label for t in plan.tasks] == labels


@pytest.mark.parametrize(
    ("annotation", "lead", "responsible"),
    [
        ("（办\n公室负责，\n6月底前）", (), ("办公室",)),
        ("（执\n法监督科、办公室牵头\n）", ("执法监督科", "办公室"), ()),
    ],
    ids=["cut_in_a_name_and_after_the_verb", "cut_in_a_name_and_before_the_bracket"],
)
def test_a_bracketed_owner_phrase_cut_by_line_breaks(
    annotation: str, lead: tuple[str, ...], responsible: tuple[str, ...]
) -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 推进政务公开。" + annotation + "\n"
        "2. 规范档案管理。（责任部门：政治处。完成时间：6月）\n"
    )
    first = plan.tasks[0]
    assert (first.text, first.lead, first.responsible) == ("推进政务公开。", lead, responsible)
    assert not any(m in (first.deadline.raw or "") for m in _PRIVATE_MARKERS)


@pytest.mark.parametrize(
    "annotation",
    [
        pytest.param("区公共法律服务中心（各街镇工作站）负责\n", id="phrase_line"),
        pytest.param(
            "责任单位：区公共法律服务中心（各街\n镇工作站）\n完成时限：6月\n",
            id="key_line_wrapped_inside_the_name",
        ),
    ],
)
def test_owner_names_with_brackets_in_unbracketed_annotations(annotation: str) -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n"
        "1. 开展执法检查。\n"
        + annotation
        + "2. 规范档案管理。（责任部门：政治处。完成时间：6月）\n"
    )
    assert [t.label for t in plan.tasks] == ["1", "2"]
    assert plan.tasks[0].responsible == ("区公共法律服务中心（各街镇工作站）",)
    assert "empty_task" not in [w.code for w in plan.warnings]


def test_user_defined_characters_are_kept() -> None:
    plan = parse_text(
        "某区司法局2024年工作要点\n1. 表彰\ue000同志。（责任部门：\ue000阳街道。完成时间：6月）\n"
    )
    (task,) = plan.tasks
    assert task.text == "表彰\ue000同志。"
    assert task.responsible == ("\ue000阳街道",)
    assert not plan.warnings


# --- mutated real plans ----------------------------------------------------------------------------

SEEDS = {
    "000": (FIXTURES / f"{PLAN_2024_CITY}.txt").read_text(encoding="utf-8"),
    "003": (FIXTURES / f"{PLAN_2024_DISTRICT}.txt").read_text(encoding="utf-8"),
}

INSERTS = st.lists(
    st.one_of(
        st.sampled_from(
            (
                "（",
                "）",
                "(",
                ")",
                "（（",
                "））",
                "责任部门：",
                "牵头单位：",
                "完成时间：",
                "配合部门:",
                "\n",
                "\n\n",
                "。",
                "；",
                "1. ",
                "（一）",
                "一、",
                "①",
                "\n— 3 —\n",
                "各部门",
                "办公室牵头，各科室配合",
                "12月",
                "\u3000",
                "\x00",
                "印发",
                "抄送：",
            )
        ),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=8,
).map("".join)

_WIDTHS = str.maketrans("（）()：:；;，,", "()（）:：;；,，")


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        size = len(text)
        start = draw(st.integers(0, size))
        length = draw(st.integers(0, max(0, min(2000, size - start))))
        op = draw(st.sampled_from(("delete", "duplicate", "insert", "widths", "nul", "truncate")))
        if op == "delete":
            text = text[:start] + text[start + length :]
        elif op == "duplicate":
            text = text[: start + length] + text[start : start + length] + text[start + length :]
        elif op == "insert":
            text = text[:start] + draw(INSERTS) + text[start:]
        elif op == "widths":
            text = (
                text[:start]
                + text[start : start + length].translate(_WIDTHS)
                + text[start + length :]
            )
        elif op == "nul":
            text = text[:start] + "\x00" + text[start:]
        else:
            text = text[:start]
    return text


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    seed = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
    return draw(mutations(seed))


@given(mutated_plans())
@MUTATED
def test_mutated_real_plans_never_raise_and_tasks_come_from_the_input(text: str) -> None:
    plan = parse_text(text)
    assert plan.kind in ("work_plan", "annual_report", "unknown")
    if plan.kind != "work_plan":
        assert plan.tasks == ()
    _assert_tasks_come_from(plan, text)
