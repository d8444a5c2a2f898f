"""What a document says about itself: title, year, issuer, document number, issue date, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.plans.numbering import match_label
from desktop_app.plans.years import CN_YEAR_RE, chinese_year, is_plausible

if TYPE_CHECKING:  # the block reader uses this module's dates and numbers
    from desktop_app.plans.labelled_block import LabelledBlock

_DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（]\s*(\d{4})\s*[〕\]】］)）]\s*(\d{1,4})\s*号"
)
_CN_DIGIT = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0"}
_CN_DIGIT |= {c: str(i) for i, c in enumerate("〇一二三四五六七八九") if i}
_DATE_CN_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO_RE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_LABELLED_DATE_RE = re.compile(
    r"(?:发布日期|产生日期|成文日期|印发日期|发文日期)\s*[:：|]?\s*(.{6,20})"
)
_ISSUER_LABEL_RE = re.compile(r"(?:发布机构|发文机关|发文单位|发文机构)\s*[:：|]?\s*([^\s|]+)")
_ISSUER_ENDINGS = ("局", "委", "办", "政府", "院", "部", "厅", "室", "中心", "委员会", "办公室")

PLAN_TITLE_RE = re.compile(
    r"(工作要点|工作计划|任务分工|责任分工|分工方案|重点任务|工作安排|任务清单|工作方案|实施方案|任务分解|分解方案)"
)
REPORT_TITLE_RE = re.compile(r"年度报告|年报")
_TERMINAL = "。！？；"


@dataclass(frozen=True)
class Metadata:
    title: str | None
    year: int | None
    issuer: str | None
    doc_number: str | None
    issued_on: date | None
    plan_title_index: int | None  # index of the plan's own title line, where the body starts
    is_report: bool
    implausible_year: str | None = None  # a year in the title no plan can have, as written


def _chinese_numeral_date(line: str) -> str:
    """``二〇二四年二月二十二日`` → ``2024年2月22日``; other text unchanged."""

    def month_day(token: str) -> str:
        if token.startswith("十"):
            token = "一" + token
        if token.endswith("十"):
            token += "〇"
        return "".join(_CN_DIGIT.get(c, "") for c in token.replace("十", ""))

    m = re.search(
        r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日",
        line,
    )
    if not m:
        return line
    year = "".join(_CN_DIGIT[c] for c in m.group(1))
    return line.replace(m.group(0), f"{year}年{month_day(m.group(2))}月{month_day(m.group(3))}日")


def parse_date(text: str) -> date | None:
    """The first date written as ``2024年4月30日`` or ``2020-04-23`` in ``text``."""
    text = _chinese_numeral_date(text)
    for regex in (_DATE_CN_RE, _DATE_ISO_RE):
        m = regex.search(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


# A label, or an issuer's name and a label, run into the number by cleaning or by a page
# that writes them without a space: `发布机构区人民政府办公室文号某政办〔2023〕1号`.
_GLUED_LABEL_RE = re.compile(r"^.*?(?:发文字号|文件编号|发文文号|文件文号|文号|字号|编号)[:：]?")


def doc_number_in(text: str) -> str | None:
    """The document number written in ``text`` (`某政办〔2023〕1号`), without a label or an
    issuer glued in front of it; None when there is none, or only one quoted in 《》."""
    m = _DOC_NUMBER_RE.search(text)
    if not m or "《" in text[: m.start()]:
        return None
    return _GLUED_LABEL_RE.sub("", re.sub(r"\s+", "", m.group(0))) or None


def _is_standalone_date(line: str) -> date | None:
    line = _chinese_numeral_date(line)
    m = _DATE_CN_RE.fullmatch(line.strip())
    if not m:
        return None
    return parse_date(line)


def is_title_like(line: str) -> bool:
    """Short, no sentence punctuation, not numbered: a wrapped body line is none of these."""
    return (
        len(line) <= 60
        and not any(ch in line for ch in "。；，：:")
        and (not any(ch in line for ch in "(（") or line.endswith((")", "）")))
        and match_label(line) is None
    )


def find_plan_title(lines: list[str], stop: int) -> int | None:
    """Index of the plan's own title line before ``stop``: the last one if several.

    The notice that forwards a plan names it in 《》 (`关于印发《…工作要点》的通知`);
    such lines are not the plan's title.
    """
    found = None
    for i, line in enumerate(lines[:stop]):
        if (
            PLAN_TITLE_RE.search(line)
            and is_title_like(line)
            and "《" not in line
            and "》" not in line  # the tail of a document name wrapped onto this line
            and not line.startswith("关于")
        ):
            found = i
    return found


def _normalise_title(line: str) -> str:
    return re.sub(r"\s+", "", line) if re.search(r"[\u4e00-\u9fff]", line) else line.strip()


def extract_metadata(
    lines: list[str], first_task_index: int | None, labelled: LabelledBlock | None = None
) -> Metadata:
    """Read the header of a cleaned document (``lines`` from ``normalize.clean_lines``).

    ``labelled`` is the page's labelled block (``labelled_block``), already taken out of
    ``lines``: what it names comes first, what the header says fills in the rest.
    """
    if labelled is None:
        from desktop_app.plans.labelled_block import LabelledBlock

        labelled = LabelledBlock()
    stop = first_task_index if first_task_index is not None else len(lines)
    header_end = min(stop, 60)
    title_index = find_plan_title(lines, stop)
    header = lines[: max(header_end, (title_index or 0) + 1)]

    report_index = next(
        (
            i
            for i, line in enumerate(lines[:15])
            if REPORT_TITLE_RE.search(line) and is_title_like(line)
        ),
        None,
    )
    is_report = report_index is not None and title_index is None

    doc_number = labelled.doc_number
    for line in header if doc_number is None else ():
        if (doc_number := doc_number_in(line)) is not None:
            break

    issued_on, issuer = labelled.issued_on, None
    date_line = None
    for line in header if issued_on is None else ():
        m = _LABELLED_DATE_RE.search(line)
        if m and (d := parse_date(m.group(1))):
            issued_on = d
            break
    for i, line in enumerate(header):
        if (d := _is_standalone_date(line)) is not None:
            date_line = i
            issued_on = issued_on or d
            break
    for line in header:
        m = _ISSUER_LABEL_RE.search(line)
        if m:
            issuer = m.group(1)
            break
    if issuer is None and date_line is not None and date_line > 0:
        before = lines[date_line - 1]
        if len(before) <= 30 and before.endswith(_ISSUER_ENDINGS):
            issuer = before
    if issuer is None:
        for line in header[:10]:
            if line.endswith("文件") and 4 <= len(line) <= 30:
                issuer = line[: -len("文件")]
                break
    # `发布机构：区人民政府办公室` on a district's site, `蔡甸区人民政府办公室` above the date:
    # the fuller name of the same office wins; another name, the block's.
    if labelled.issuer is not None and not (
        issuer is not None and issuer != labelled.issuer and issuer.endswith(labelled.issuer)
    ):
        issuer = labelled.issuer

    if title_index is not None:
        title: str | None = _wrapped_title(lines, title_index)
    elif (forwarded := _forwarded_plan(header[:10])) is not None:
        title = forwarded
    elif report_index is not None:
        title = _normalise_title(lines[report_index])
    elif labelled.title is not None:
        title = labelled_plan_title(labelled.title)
    else:
        # A web page's own words (`全文`, `打印`) are not a title: a title says something.
        title = next(
            (
                _normalise_title(li)
                for li in lines[:10]
                if is_title_like(li) and len(_normalise_title(li)) >= _SHORTEST_TITLE
            ),
            None,
        )

    year, implausible = _title_year(title)
    if year is None and implausible is None:
        if doc_number and (m := _DOC_NUMBER_RE.search(doc_number)):
            year = int(m.group(1))
        elif issued_on is not None:
            year = issued_on.year
    if year is not None and not is_plausible(year):
        year, implausible = None, str(year)

    return Metadata(title, year, issuer, doc_number, issued_on, title_index, is_report, implausible)


_SHORTEST_TITLE = 4
_YEAR_IN_TITLE_RE = re.compile(r"(?<!\d)\d{4}\s*年")
# Lines above a title that begin none: the notice forwarding the plan, a bulletin's issue
# (`2024年第3期`), a month or a day (`二〇二四年三月`).
_NO_TITLE_HEAD_RE = re.compile(r"关于|印发|通知$|[月日期]$")


def _names_a_year(text: str) -> bool:
    return bool(_YEAR_IN_TITLE_RE.search(text) or CN_YEAR_RE.search(text))


def _wrapped_title(lines: list[str], index: int) -> str:
    """The plan's title, with the line above it when the title wraps there: the year and
    the organisation above, the kind of plan below (`立山区政府2023年重点工作` /
    `任务分解和责任分工方案`). A line above that names no year is not its beginning, nor
    one that is a notice, an issue or a date (``_NO_TITLE_HEAD_RE``)."""
    title = _normalise_title(lines[index])
    if index == 0 or _names_a_year(title):
        return title
    above = lines[index - 1]
    joined = _normalise_title(above) + title
    if (
        is_title_like(above)
        and _names_a_year(above)
        and len(joined) <= 60
        and not above.endswith("文件")
        and not _NO_TITLE_HEAD_RE.search(_normalise_title(above))
        and doc_number_in(above) is None
        and _is_standalone_date(above) is None
    ):
        return joined
    return title


_FORWARDED_RE = re.compile(r"关于印发(?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))的通知$")


def _forwarded_plan(lines: list[str]) -> str | None:
    """The plan a covering notice forwards, when the plan's own title is not in the text
    (`区人民政府办公室关于印发2023年区《政府工作报告》确定的…分解方案的通知`)."""
    for line in lines:
        name = _normalise_title(line)
        if is_title_like(line) and (title := labelled_plan_title(name)) != name:
            return title
    return None


def labelled_plan_title(name: str) -> str:
    """The plan a page's `名称：` names: the plan itself, or the one its notice forwards
    (`…关于印发《2025年某区工作要点》的通知` → `2025年某区工作要点`)."""
    m = _FORWARDED_RE.search(name)
    if m:
        forwarded = m.group("quoted") or m.group("bare")
        if PLAN_TITLE_RE.search(forwarded):
            return forwarded
    return name


def _title_year(title: str | None) -> tuple[int | None, str | None]:
    """The year a title names (``2024年…``, ``二〇二四年…``), or the impossible one it names
    instead (``10000年``, ``1900年``): never a guess."""
    if not title:
        return None, None
    # Numbers of three digits or more before 年 are years; one or two are durations
    # (``三年行动``, ``5年``), never read as a year.
    written = [d for d in re.findall(r"(?<!\d)(\d+)\s*年", title) if len(d) >= 3]
    written += [c for c in CN_YEAR_RE.findall(title)]
    for text in written:
        year = int(text) if text.isdigit() and len(text) == 4 else chinese_year(text)
        if year is not None and is_plausible(year):
            return year, None
    return None, (written[0] if written else None)
