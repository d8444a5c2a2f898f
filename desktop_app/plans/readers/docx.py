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
from .word_numbering import Numbering, W, int_attr

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
        numbering = Numbering(document)
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
    container: Any, numbering: Numbering, budget: TextBudget, part: Any
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


def _paragraph(p: Any, numbering: Numbering) -> tuple[list[str], str]:
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


def _collect_runs(el: Any, parts: list[str], boxes: list[str], numbering: Numbering) -> None:
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


def _cell_text(tc: Any, numbering: Numbering, depth: int) -> str:
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


def _table(tbl: Any, numbering: Numbering, depth: int) -> Table:
    grid: list[list[str]] = []
    merged: set[tuple[int, int]] = set()
    for r, tr in enumerate(_table_rows(tbl)):
        row: list[str] = []
        tr_pr = tr.find(f"{W}trPr")
        before = int_attr(tr_pr.find(f"{W}gridBefore") if tr_pr is not None else None, "val", 0)
        row.extend([""] * max(0, min(before, _MAX_COLS)))
        for tc in _row_cells(tr):
            c = len(row)
            if c >= _MAX_COLS:
                break
            tc_pr = tc.find(f"{W}tcPr")
            span_el = tc_pr.find(f"{W}gridSpan") if tc_pr is not None else None
            span = max(1, min(int_attr(span_el, "val", 1), _MAX_COLS - c))
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
