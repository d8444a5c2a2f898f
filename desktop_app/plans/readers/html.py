"""HTML and MHT: "Word" files exported by web and office systems, often under a .doc name,
read directly into paragraphs and tables (no LibreOffice needed)."""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser

from .. import errors
from ..errors import PlanReadError, corrupt_file
from ..model import Block, DocumentText, Table
from .limits import TextBudget
from .text import decode_text

_BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "address",
    "center",
    "caption",
    "form",
    "nav",
    "main",
    "aside",
    "figure",
    "figcaption",
}
_SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template", "xml", "svg", "object"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "param"}
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\n]*\n[ \t\r\n]*"
    r"(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Word HTML nests a table at most a few levels deep; deeper means hostile input.
_MAX_TABLE_DEPTH = 8
_MAX_SPAN = 64
_MAX_COLS = 256
_MAX_TABLE_CELLS = 1_000_000


def _clean(text: str) -> str:
    # Word's HTML export wraps long lines inside Chinese text; a browser shows a
    # space there, but between two Chinese characters it is an artefact.
    text = _CJK_BREAK.sub("", text)
    return _SPACES.sub(" ", text).strip()


class _TableBuilder:
    def __init__(self) -> None:
        self.rows: list[list[str | None]] = []
        self.merged: set[tuple[int, int]] = set()
        self.row: int = -1
        self.cell: list[str] | None = None
        self.cell_pos: tuple[int, int, int, int] | None = None  # row, col, rowspan, colspan
        self.size = 0

    def start_row(self) -> None:
        self.finish_cell()
        self.row += 1
        while len(self.rows) <= self.row:
            self.rows.append([])

    def start_cell(self, rowspan: int, colspan: int) -> None:
        self.finish_cell()
        if self.row < 0:
            self.start_row()
        row = self.rows[self.row]
        col = 0
        while col < len(row) and row[col] is not None:
            col += 1
        self.cell = []
        self.cell_pos = (self.row, col, rowspan, colspan)
        self._place(self.row, col, rowspan, colspan, "")

    def _place(self, r0: int, c0: int, rowspan: int, colspan: int, value: str) -> None:
        for r in range(r0, r0 + rowspan):
            while len(self.rows) <= r:
                self.rows.append([])
            row = self.rows[r]
            for c in range(c0, min(c0 + colspan, _MAX_COLS)):
                while len(row) <= c:
                    row.append(None)
                    self.size += 1
                row[c] = value
                if (r, c) != (r0, c0):
                    self.merged.add((r, c))
        if self.size > _MAX_TABLE_CELLS:
            raise PlanReadError("too_large", errors.HTML_TABLE_TOO_LARGE)

    def finish_cell(self) -> None:
        if self.cell is None or self.cell_pos is None:
            return
        lines = [line for line in (_clean(part) for part in "".join(self.cell).split("\n")) if line]
        r, c, rowspan, colspan = self.cell_pos
        self._place(r, c, rowspan, colspan, "\n".join(lines))
        self.cell = None
        self.cell_pos = None

    def table(self) -> Table:
        self.finish_cell()
        # Like a browser, cut rowspans that reach past the last real row.
        grid = self.rows[: self.row + 1]
        width = max((len(row) for row in grid), default=0)
        rows = tuple(
            tuple((cell or "") for cell in row) + ("",) * (width - len(row)) for row in grid
        )
        merged = frozenset((r, c) for r, c in self.merged if r <= self.row)
        return Table(rows=rows, merged=merged)


class _HtmlText(HTMLParser):
    def __init__(self, budget: TextBudget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.blocks: list[Block] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.tables: list[_TableBuilder] = []
        self.ignored_tables = 0

    def _cell(self) -> list[str] | None:
        return self.tables[-1].cell if self.tables else None

    def _flush(self) -> None:
        cell = self._cell()
        if cell is not None:
            cell.append("\n")
            return
        text = _clean("".join(self.current))
        self.current = []
        if text:
            self.blocks.append(self.budget.take(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # An unclosed <head> or <style> must not hide the whole body.
            self.skip_depth = 0
            return
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "table":
            self._flush()
            if len(self.tables) >= _MAX_TABLE_DEPTH:
                self.ignored_tables += 1
                return
            self.tables.append(_TableBuilder())
        elif tag == "tr" and self.tables:
            self.tables[-1].start_row()
        elif tag in ("td", "th") and self.tables:
            values = dict(attrs)
            self.tables[-1].start_cell(_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag == "table" and self.ignored_tables:
            self.ignored_tables -= 1
        elif tag == "table" and self.tables:
            table = self.tables.pop().table()
            cell = self._cell()
            if cell is not None:
                # A nested table becomes text inside the enclosing cell.
                cell.append("\n" + "\n".join(table.text_lines()) + "\n")
            elif any(cell.strip() for row in table.rows for cell in row):
                for row in table.rows:
                    for text in row:
                        self.budget.take(text)
                self.blocks.append(table)
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].finish_cell()
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            cell = self._cell()
            (cell if cell is not None else self.current).append(data)

    def close(self) -> None:
        super().close()
        self.skip_depth = self.ignored_tables = 0
        while self.tables:
            self.handle_endtag("table")
        self._flush()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), _MAX_SPAN))
    except ValueError:
        return 1


def decode_html(data: bytes, name: str) -> str:
    """HTML bytes to text: BOM, then the declared charset, then the text decoder."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name).text
    match = _META_CHARSET.search(data[:4096])
    if match:
        charset = match.group(1).decode("ascii").lower()
        # gb2312 labels are routinely used for GBK content; GB18030 is a superset of both.
        if charset in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
            charset = "gb18030"
        try:
            return data.decode(charset)
        except LookupError:
            pass
        except UnicodeDecodeError:
            # The page says what it is; a few damaged bytes should not hide the rest.
            return data.decode(charset, errors="replace")
    return decode_text(data, name).text


def html_to_blocks(html: str, name: str) -> list[Block]:
    parser = _HtmlText(TextBudget(name))
    parser.feed(html)
    parser.close()
    return parser.blocks


def read_html(data: bytes, name: str) -> DocumentText:
    """HTML (e.g. a "Word" export from an office system): one block per paragraph, tables kept."""
    html = decode_html(data, name)
    return DocumentText(blocks=tuple(html_to_blocks(html, name)), source_format="html")


def read_mht(data: bytes, name: str) -> DocumentText:
    """MHT/MHTML (Word's "single file web page"): the first text/html part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        try:
            html = part.get_content()
        except (LookupError, UnicodeDecodeError, ValueError):
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            html = decode_html(payload, name)
        if isinstance(html, bytes):
            html = decode_html(html, name)
        return DocumentText(blocks=tuple(html_to_blocks(html, name)), source_format="mht")
    raise corrupt_file(name, errors.NO_HTML_IN_WEB_ARCHIVE)
