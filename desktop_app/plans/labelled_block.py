"""The labelled metadata block of a government web page: `名 称：…` `索 引 号：…` `文 号：…`
`发布机构：…` `发布日期：…`, one label or several to a line, the value beside its label or on
the next line, in a table (`标题: | … |`) or a bulleted list (`• 文  号:…`).

It is read on the lines as the reader gave them, before cleaning, because the spaces between
labels and values are what tells them apart (cleaning removes the spaces between Chinese
characters: `发布机构 区人民政府办公室 文    号 某政办〔2023〕1号` would run together). The
block's lines are then left out of everything else: they are neither title nor task text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop_app.plans.metadata import doc_number_in, parse_date
from desktop_app.plans.numbering import match_label

# What each label names. The issue date prefers the date the document was written or issued
# to the day the page was published (a lower rank wins).
_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("名称", "标题", "文件名称", "信息名称"),
    "doc_number": ("文号", "发文字号", "文件编号", "发文文号", "文件文号"),
    "issuer": ("发布机构", "发文机关", "发文单位", "发文机构", "制发机构", "发布单位"),
    "date1": ("成文日期", "发文日期", "印发日期"),
    "date2": ("发布日期", "生成日期", "产生日期"),
    "date3": ("公开日期", "发布时间"),
}
# Labels whose values say nothing the parser keeps; known so that they end the value before.
_OTHER_LABELS = (
    "索引号",
    "索取号",
    "主题分类",
    "组配分类",
    "信息分类",
    "文件分类",
    "体裁分类",
    "分类",
    "文件类型",
    "主题词",
    "有效性",
    "效力状态",
    "是否有效",
    "有效期限",
    "有限期限",
    "时效",
    "所属机构",
    "公开方式",
    "公开范围",
    "公开形式",
    "信息来源",
    "来源",
    "内容概述",
    "政策咨询机关",
    "政策咨询电话",
    "浏览次数",
    "点击量",
    "字号",
    "字体",
    "实施日期",
    "废止日期",
)
# Free text or page furniture: their value is never looked for on the next line, which is
# then the document's own text (`内容概述：` above the title).
_SAME_LINE_ONLY = ("内容概述", "字号", "字体", "浏览次数", "点击量", "来源", "信息来源")
_FIELD_OF = {label: field for field, labels in _FIELDS.items() for label in labels}
_ALL_LABELS = sorted([*_FIELD_OF, *_OTHER_LABELS], key=len, reverse=True)
_CANONICAL = {re.sub(r"\s", "", label): label for label in _ALL_LABELS}


def _spaced(label: str) -> str:
    """`索引号` → `索\\s*引\\s*号`: a label may be spread out to the width of its column."""
    return r"[ \t\u3000]*".join(map(re.escape, label))


_LABEL_RE = re.compile(
    "(?P<label>"
    + "|".join(_spaced(label) for label in _ALL_LABELS)
    + r")[ \t\u3000]*(?P<colon>[:：])?"
)
_SEPARATORS = " \t\u3000|•·"
_BULLET_RE = re.compile(r"^[\s•·\-|]*")
_FILLER_RE = re.compile(r"^[\s|:：\-—]*$")  # blank lines and a table's `---|---|` rule
_VALUE_STRIP = " \t\u3000|:：•·"
_EMPTY_VALUES = ("无", "—", "-", "/", "暂无")
_SCAN_LINES = 120
_ISSUER_MAX = 40
_TITLE_MAX = 120
_OTHER_VALUE_MAX = 30


@dataclass(frozen=True)
class LabelledBlock:
    """What the block says, and which of the reader's lines it took (``lines``)."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    lines: frozenset[int] = frozenset()


@dataclass
class _Field:
    label: str
    value: str
    line: int


def _labels_in(line: str, start: int) -> list[re.Match[str]]:
    """The labels of a line: each where a line, a cell or a run of spaces begins and followed
    by a colon, a cell border, spaces or the line's end; or anywhere if a colon follows it."""
    found = []
    for m in _LABEL_RE.finditer(line, start):
        before = line[m.start() - 1] if m.start() > start else " "
        end = m.end("label")
        after = line[end] if end < len(line) else " "
        opens = before in _SEPARATORS or before in ":："
        if m.group("colon") or (opens and after in _SEPARATORS):
            found.append(m)
    return found


def _fields_of(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a line that begins with a label, else None."""
    start = len(line) - len(_BULLET_RE.sub("", line))
    matches = _labels_in(line, start)
    if not matches or matches[0].start() != start:
        return None
    pairs = []
    for i, m in enumerate(matches):
        label = re.sub(r"\s", "", m.group("label"))
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        pairs.append((_CANONICAL[label], line[m.end() : end].strip(_VALUE_STRIP)))
    return pairs


def _next_value_line(lines: list[str], i: int, stop: int) -> int | None:
    """The line after ``i`` that may hold the value of a label ending line ``i``."""
    for j in range(i + 1, min(stop, i + 4)):
        if _FILLER_RE.match(lines[j]):
            continue
        if _fields_of(lines[j]) is not None or match_label(lines[j].strip()) is not None:
            return None
        return j
    return None


def _fits(field: str, value: str) -> bool:
    """Whether a line after a label can be that label's value (else it is the text after)."""
    if field == "doc_number":
        return doc_number_in(value) is not None or value in _EMPTY_VALUES
    if field.startswith("date"):
        return parse_date(value) is not None or _iso_date(value) is not None
    if field == "issuer":
        return len(value) <= _ISSUER_MAX and not re.search(r"[。，,；;：:]", value)
    if field == "title":
        return len(value) <= _TITLE_MAX and not value.endswith(("：", ":"))
    return len(value) <= _OTHER_VALUE_MAX and not re.search(r"[。，,；;：:]", value)


def _iso_date(value: str) -> date | None:
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _header_end(lines: list[str]) -> int:
    """Where the block can no longer be: the first numbered line, at most ``_SCAN_LINES``."""
    for i, line in enumerate(lines[:_SCAN_LINES]):
        if match_label(line.strip()) is not None:
            return i
    return min(len(lines), _SCAN_LINES)


def read_labelled_block(lines: list[str]) -> LabelledBlock:
    """The labelled block among the first lines of a document, if it has one.

    At least two labels make a block: one `名称：` line alone is not one. A value is taken
    from the next line only where the label ends its line and the next line fits the field
    (a document number for `文号`, a date for `发布日期`…), so an empty `文 号：` never takes
    the text below it.
    """
    stop = _header_end(lines)
    found: list[_Field] = []
    taken: set[int] = set()
    for i in range(stop):
        pairs = _fields_of(lines[i])
        if pairs is None:
            continue
        taken.add(i)
        for k, (label, value) in enumerate(pairs):
            if not value and k == len(pairs) - 1 and label not in _SAME_LINE_ONLY:
                j = _next_value_line(lines, i, stop)
                field = _FIELD_OF.get(label, "other")
                if j is not None and _fits(field, candidate := lines[j].strip(_VALUE_STRIP)):
                    value = candidate
                    taken.add(j)
            found.append(_Field(label, value, i))
    if len(found) < 2:
        return LabelledBlock()
    # The table rules and blank lines between the block's own lines belong to it.
    if taken:
        first, last = min(taken), max(taken)
        taken |= {i for i in range(first, last + 1) if _FILLER_RE.match(lines[i])}
    return _block(found, frozenset(taken))


def _block(found: list[_Field], lines: frozenset[int]) -> LabelledBlock:
    values: dict[str, str] = {}
    for f in found:
        field = _FIELD_OF.get(f.label)
        if field is not None and f.value and field not in values:
            values[field] = f.value
    doc_number = None
    if (raw := values.get("doc_number")) and raw not in _EMPTY_VALUES:
        doc_number = doc_number_in(raw)
    issued_on = None
    for field in ("date1", "date2", "date3"):
        if (raw := values.get(field)) and (d := parse_date(raw) or _iso_date(raw)):
            issued_on = d
            break
    issuer = values.get("issuer")
    if issuer is not None and not _fits("issuer", issuer):
        issuer = None
    title = values.get("title")
    if title is not None:
        title = re.sub(r"\s+", "", title) if re.search(r"[\u4e00-\u9fff]", title) else title
    return LabelledBlock(title, doc_number, issuer, issued_on, lines)
