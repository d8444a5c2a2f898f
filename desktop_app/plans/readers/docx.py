"""Word .docx: paragraphs and tables in body order, merged cells, automatic list numbers.

python-docx opens the package; the body is walked as XML so that content controls,
tracked insertions, text boxes and nested tables are not lost.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import PlanReadError, corrupt_file
from ..model import Block, DocumentText, Table
from .limits import TextBudget, check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# Word itself allows 63 columns; a larger gridSpan only serves to blow up memory.
_MAX_COLS = 64
_MAX_NESTING = 8

_DOC_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def corrupt_error(name: str) -> PlanReadError:
    return corrupt_file(name)


def _open_document(data: bytes, name: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        # .docm/.dotx differ from .docx only in the main part's content type,
        # which python-docx refuses; relabel it and try once more.
        if "not a Word file" not in str(exc):
            raise
        try:
            return docx.Document(io.BytesIO(_relabel_main_part(data)))
        except (PackageNotFoundError, KeyError, ValueError) as exc2:
            raise corrupt_error(name) from exc2


def _relabel_main_part(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                text = content.decode("utf-8")
                for other in _OTHER_MAINS:
                    text = text.replace(other, _DOC_MAIN)
                content = text.encode("utf-8")
            dst.writestr(info, content)
    return out.getvalue()


def read_docx(data: bytes, name: str) -> DocumentText:
    """Read a .docx (also .docm/.dotx and WPS files saved in the docx format)."""
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf, name)
        document = _open_document(data, name)
        numbering = _Numbering(document)
        budget = TextBudget(name)
        blocks = list(_body_blocks(document.element.body, numbering, budget, document.part))
    except PlanReadError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        PackageNotFoundError,
        etree.LxmlError,
        ValueError,
        UnicodeDecodeError,
        # zipfile: an unsupported compression method, or a password-protected member.
        NotImplementedError,
        RuntimeError,
        # an XML declaration naming an unknown encoding; a root element of the wrong kind
        LookupError,
        AttributeError,
        TypeError,
    ) as exc:
        raise corrupt_error(name) from exc
    return DocumentText(blocks=tuple(blocks), source_format="docx")


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _body_blocks(
    container: Any, numbering: _Numbering, budget: TextBudget, part: Any
) -> Iterator[Block]:
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            boxes, text = _paragraph(child, numbering)
            for box_text in boxes:
                yield budget.take(box_text)
            if text.strip():
                yield budget.take(text)
        elif tag == f"{W}tbl":
            table = _table(child, numbering, 0)
            for row in table.rows:
                for cell in row:
                    budget.take(cell)
            if any(cell.strip() for row in table.rows for cell in row):
                yield table
        elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins"):
            # Block-level content controls and tracked insertions wrap ordinary body content.
            yield from _body_blocks(child, numbering, budget, part)
        elif tag == f"{W}altChunk":
            yield from _alt_chunk(child, budget, part)


def _alt_chunk(chunk: Any, budget: TextBudget, part: Any) -> Iterator[Block]:
    """Content imported whole into the document: web systems build .docx from HTML this way."""
    from .html import decode_html, html_to_blocks, read_mht
    from .text import decode_text, split_paragraphs

    rel_id = chunk.get(f"{R}id")
    related = part.related_parts.get(rel_id) if rel_id else None
    if related is None:
        return
    content_type = related.content_type
    blob = related.blob
    blocks: list[Block]
    if content_type in ("text/html", "application/xhtml+xml"):
        blocks = html_to_blocks(decode_html(blob, budget.name), budget.name)
    elif content_type == "message/rfc822":
        blocks = list(read_mht(blob, budget.name).blocks)
    elif content_type == "text/plain":
        blocks = list(split_paragraphs(decode_text(blob, budget.name).text))
    else:
        return  # an embedded .docx or RTF: rare, and not worth a second reader here
    for block in blocks:
        if isinstance(block, str):
            budget.take(block)
        yield block


def _paragraph(p: Any, numbering: _Numbering) -> tuple[list[str], str]:
    """The paragraph's text with its list number, and the texts of its text boxes."""
    parts: list[str] = []
    boxes: list[str] = []
    _collect_runs(p, parts, boxes, numbering)
    text = "".join(parts)
    label = numbering.label(p)
    if label and text.strip():
        text = label + text
    return boxes, text


_SKIP = {"del", "moveFrom", "Fallback", "rPr", "pPr", "instrText", "delText", "footnoteReference"}


def _collect_runs(el: Any, parts: list[str], boxes: list[str], numbering: _Numbering) -> None:
    for child in el:
        name = _local(child)
        if name in _SKIP or not name:
            continue
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "ptab"):
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name == "txbxContent":
            for inner in child:
                if inner.tag == f"{W}p":
                    inner_boxes, inner_text = _paragraph(inner, numbering)
                    boxes.extend(inner_boxes)
                    if inner_text.strip():
                        boxes.append(inner_text)
                elif inner.tag == f"{W}tbl":
                    boxes.extend(_table(inner, numbering, 1).text_lines())
        else:
            _collect_runs(child, parts, boxes, numbering)


def _int_attr(el: Any, attr: str, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{W}{attr}", default))
    except (TypeError, ValueError):
        return default


def _cell_text(tc: Any, numbering: _Numbering, depth: int) -> str:
    lines: list[str] = []
    for child in _cell_content(tc):
        if child.tag == f"{W}p":
            boxes, text = _paragraph(child, numbering)
            lines.extend(b for b in boxes if b.strip())
            if text.strip():
                lines.append(text)
        elif child.tag == f"{W}tbl":
            if depth >= _MAX_NESTING:
                lines.append("".join(t.text or "" for t in child.iter(f"{W}t")))
            else:
                lines.extend(_table(child, numbering, depth + 1).text_lines())
    return "\n".join(lines)


def _cell_content(tc: Any) -> Iterator[Any]:
    for child in tc:
        if child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _cell_content(child)
        else:
            yield child


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _row_cells(child)


def _table_rows(tbl: Any) -> Iterator[Any]:
    for child in tbl:
        if child.tag == f"{W}tr":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _table_rows(child)


def _table(tbl: Any, numbering: _Numbering, depth: int) -> Table:
    grid: list[list[str]] = []
    merged: set[tuple[int, int]] = set()
    for r, tr in enumerate(_table_rows(tbl)):
        row: list[str] = []
        tr_pr = tr.find(f"{W}trPr")
        before = _int_attr(tr_pr.find(f"{W}gridBefore") if tr_pr is not None else None, "val", 0)
        row.extend([""] * max(0, min(before, _MAX_COLS)))
        for tc in _row_cells(tr):
            c = len(row)
            if c >= _MAX_COLS:
                break
            tc_pr = tc.find(f"{W}tcPr")
            span_el = tc_pr.find(f"{W}gridSpan") if tc_pr is not None else None
            span = max(1, min(_int_attr(span_el, "val", 1), _MAX_COLS - c))
            v_merge = tc_pr.find(f"{W}vMerge") if tc_pr is not None else None
            continues = v_merge is not None and v_merge.get(f"{W}val", "continue") == "continue"
            above = grid[r - 1] if r > 0 else None
            if continues and above is not None and c < len(above):
                value = above[c]
                merged.update((r, c + k) for k in range(span))
            else:
                value = _cell_text(tc, numbering, depth)
                merged.update((r, c + k) for k in range(1, span))
            row.extend([value] * span)
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    rows = tuple(tuple(row + [""] * (width - len(row))) for row in grid)
    return Table(rows=rows, merged=frozenset(merged))


# --- automatic list numbering -------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def _zh_number(n: int, digits: str = _ZH_DIGITS) -> str:
    if n < 0 or n >= 10000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    unit, rest_unit = ("百", 100) if n < 1000 else ("千", 1000)
    head, rest = divmod(n, rest_unit)
    text = digits[head] + unit
    if rest == 0:
        return text
    if rest < rest_unit // 10:
        return text + "零" + _zh_number(rest, digits)
    tail = _zh_number(rest, digits)
    return text + (digits[1] + tail if 10 <= rest < 20 else tail)


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("A") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return _zh_number(n)
    if fmt == "chineseLegalSimplified":
        return _zh_number(n, _ZH_LEGAL)
    if fmt == "ideographTraditional" and 0 < n <= len(_TIANGAN):
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= len(_DIZHI):
        return _DIZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 0 < n <= 20:
        return _FULLSTOP[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Level:
    def __init__(self, lvl: Any) -> None:
        self.start = _int_attr(lvl.find(f"{W}start"), "val", 1)
        fmt = lvl.find(f"{W}numFmt")
        self.fmt = fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"
        text = lvl.find(f"{W}lvlText")
        self.text = text.get(f"{W}val", "") if text is not None else ""
        suff = lvl.find(f"{W}suff")
        self.suffix = suff.get(f"{W}val", "tab") if suff is not None else "tab"
        self.legal = lvl.find(f"{W}isLgl") is not None
        self.style = None
        p_style = lvl.find(f"{W}pStyle")
        if p_style is not None:
            self.style = p_style.get(f"{W}val")


class _Numbering:
    """Renders Word's automatic list numbers ("一、", "（1）"...) that python-docx omits."""

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            self._load_numbering(root)
        try:
            styles = document.part.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, root: Any) -> None:
        for abstract in root.findall(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(f"{W}lvl"):
                levels[_int_attr(lvl, "ilvl", 0)] = _Level(lvl)
            self.abstract[key] = levels
        for num in root.findall(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if num_id is None or ref is None:
                continue
            self.num_to_abstract[num_id] = ref.get(f"{W}val", "")
            starts = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[_int_attr(override, "ilvl", 0)] = _int_attr(start, "val", 1)
            if starts:
                self.overrides[num_id] = starts

    def _load_styles(self, styles: Any) -> None:
        for style in styles.findall(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            based = style.find(f"{W}basedOn")
            if based is not None and based.get(f"{W}val"):
                self.style_parent[style_id] = based.get(f"{W}val")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{W}numId")
                ilvl = num_pr.find(f"{W}ilvl")
                self.style_num[style_id] = (
                    num_id.get(f"{W}val") if num_id is not None else None,
                    _int_attr(ilvl, "val", 0) if ilvl is not None else None,
                )

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_num:
                return self.style_num[style_id]
            style_id = self.style_parent.get(style_id)
        return None, None

    def label(self, p: Any) -> str:
        if not self.num_to_abstract:
            return ""
        p_pr = p.find(f"{W}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        style_id = None
        if p_pr is not None:
            style = p_pr.find(f"{W}pStyle")
            style_id = style.get(f"{W}val") if style is not None else None
            num_pr = p_pr.find(f"{W}numPr")
            if num_pr is not None:
                num_el = num_pr.find(f"{W}numId")
                ilvl_el = num_pr.find(f"{W}ilvl")
                num_id = num_el.get(f"{W}val") if num_el is not None else None
                ilvl = _int_attr(ilvl_el, "val", 0) if ilvl_el is not None else None
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.num_to_abstract:
            return ""
        abstract_id = self.num_to_abstract[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels:
            return ""
        if ilvl is None:
            ilvl = next((k for k, lv in levels.items() if lv.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            # A list instance with startOverride restarts its levels the first time it is used.
            self.started.add(num_id)
            for lvl_no, start in self.overrides.get(num_id, {}).items():
                counters[lvl_no] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        text = level.text
        for k in range(9, -1, -1):
            marker = f"%{k + 1}"
            if marker not in text:
                continue
            lv = levels.get(k)
            value = counters.get(k, lv.start if lv else 1)
            fmt = "decimal" if level.legal or lv is None else lv.fmt
            text = text.replace(marker, _format_number(value, fmt))
        if level.suffix == "nothing" or text[-1:] in "、．。）)】」.:：":
            return text
        return text + " "
