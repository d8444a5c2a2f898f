"""OFD (GB/T 33190, the Chinese fixed-layout format): text objects grouped into lines.

OFD.xml → DocBody/DocRoot → Document.xml → Pages/Page/@BaseLoc → each page's
Content.xml. Elements are matched by local name, so any or no namespace works.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from .. import errors
from ..errors import PlanReadError, corrupt_file
from ..model import DocumentText
from . import limits
from .limits import TextBudget, check_zip

_safe_fromstring: Callable[[bytes], Element] | None
try:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as _safe_fromstring
except ImportError:  # pragma: no cover - exercised only without defusedxml
    _safe_fromstring = None

    # A stand-in for the library's class under the same name: mypy sees only the first
    # definition of a name, and a class cannot be declared ahead like a variable.
    class DefusedXmlException(ValueError):  # type: ignore[no-redef]
        pass


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _corrupt_error(name: str) -> PlanReadError:
    return corrupt_file(name)


def _parse_xml(data: bytes) -> Element:
    if _safe_fromstring is not None:
        return _safe_fromstring(data)
    from xml.etree.ElementTree import fromstring

    # expat already refuses external entities; internal ones allow "billion laughs".
    if b"<!ENTITY" in data:
        raise DefusedXmlException("entity declarations are not allowed")
    return fromstring(data)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Element, local: str) -> Iterator[Element]:
    for child in el:
        if _local(child.tag) == local:
            yield child


def _first(el: Element, *path: str) -> Element | None:
    current: Element | None = el
    for local in path:
        if current is None:
            return None
        current = next(_children(current, local), None)
    return current


def _text_of(el: Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


class _Package:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {info.filename.lower(): info.filename for info in zf.infolist()}

    def resolve(self, base_dir: str, loc: str) -> str:
        loc = loc.strip().replace("\\", "/")
        path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
        return posixpath.normpath(path).lstrip("/")

    def xml(self, path: str) -> Element:
        real = self.names.get(path.lower())
        if real is None:
            raise KeyError(path)
        return _parse_xml(self.zf.read(real))


@dataclass
class _Item:
    x: float
    y: float
    end: float
    size: float
    text: str


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(value or "")]


def _deltas(value: str | None) -> list[float]:
    """DeltaX/DeltaY with the "g count delta" repetition shorthand expanded."""
    out: list[float] = []
    tokens = (value or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                count, delta = int(float(tokens[i + 1])), float(tokens[i + 2])
            except (ValueError, OverflowError):
                break
            out.extend([delta] * max(0, min(count, 10000)))
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            break
        i += 1
    return out


def _text_items(root: Element) -> Iterator[_Item]:
    for obj in root.iter():
        if _local(obj.tag) != "TextObject":
            continue
        boundary = _numbers(obj.get("Boundary"))
        bx, by = (boundary[0], boundary[1]) if len(boundary) >= 2 else (0.0, 0.0)
        ctm = _numbers(obj.get("CTM"))
        if len(ctm) != 6:
            ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        a, b, c, d, e, f = ctm
        size_values = _numbers(obj.get("Size"))
        size = abs(size_values[0] * (d or 1.0)) if size_values else 3.5
        prev_x = prev_y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            # X/Y may be omitted on later TextCodes: they continue from the previous one.
            x = _numbers(code.get("X"))
            y = _numbers(code.get("Y"))
            lx = x[0] if x else prev_x
            ly = y[0] if y else prev_y
            steps = _deltas(code.get("DeltaX"))[: max(len(text) - 1, 0)]
            # Without DeltaX the glyphs advance by roughly the font size each.
            width = sum(steps) + (len(text) - len(steps)) * size
            prev_x, prev_y = lx + width, ly
            if not text.strip():
                continue
            px = a * lx + c * ly + e + bx
            py = b * lx + d * ly + f + by
            yield _Item(x=px, y=py, end=px + abs(a or 1.0) * width, size=size, text=text)


def _lines(items: list[_Item]) -> list[str]:
    items.sort(key=lambda it: (it.y, it.x))
    groups: list[list[_Item]] = []
    for item in items:
        if groups:
            line = groups[-1]
            tolerance = max(1.0, 0.3 * min(item.size, line[0].size))
            if abs(item.y - line[0].y) <= tolerance:
                line.append(item)
                continue
        groups.append([item])
    lines = []
    for group in groups:
        group.sort(key=lambda it: it.x)
        parts: list[str] = []
        prev: _Item | None = None
        for item in group:
            # A wide horizontal gap separates table cells or right-aligned dates.
            if prev is not None and item.x - prev.end > 1.5 * max(prev.size, item.size):
                parts.append(" ")
            parts.append(item.text)
            prev = item
        text = "".join(parts).strip()
        if text:
            lines.append(text)
    return lines


def _page_paths(package: _Package) -> list[tuple[str, dict[str, str]]]:
    """For each page in order, its content path and the document's templates by ID."""
    ofd = package.xml("OFD.xml")
    pages: list[tuple[str, dict[str, str]]] = []
    for body in _children(ofd, "DocBody"):
        doc_root = _text_of(_first(body, "DocRoot"))
        if not doc_root:
            continue
        doc_path = package.resolve("", doc_root)
        doc_dir = posixpath.dirname(doc_path)
        document = package.xml(doc_path)
        templates: dict[str, str] = {}
        common = _first(document, "CommonData")
        if common is not None:
            for template in _children(common, "TemplatePage"):
                loc = template.get("BaseLoc")
                if template.get("ID") and loc:
                    templates[template.get("ID", "")] = package.resolve(doc_dir, loc)
        pages_el = _first(document, "Pages")
        if pages_el is None:
            continue
        for page in _children(pages_el, "Page"):
            loc = page.get("BaseLoc")
            if loc:
                pages.append((package.resolve(doc_dir, loc), templates))
            if len(pages) > limits.MAX_PDF_PAGES:
                raise PlanReadError("too_large", errors.OFD_TOO_MANY_PAGES, limits.MAX_PDF_PAGES)
    return pages


def read_ofd(data: bytes, name: str) -> DocumentText:
    """Read an OFD document: one block per text line, page after page."""
    budget = TextBudget(name)
    blocks: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf, name)
            package = _Package(zf)
            for content_path, templates in _page_paths(package):
                content = package.xml(content_path)
                items = list(_text_items(content))
                for template in _children(content, "Template"):
                    path = templates.get(template.get("TemplateID", ""))
                    if path is None:
                        continue
                    try:
                        items.extend(_text_items(package.xml(path)))
                    except KeyError:
                        continue  # a missing template only loses its header or footer
                for line in _lines(items):
                    blocks.append(budget.take(line))
    except PlanReadError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        ParseError,
        DefusedXmlException,
        ValueError,
        UnicodeDecodeError,
        # zipfile: an unsupported compression method, or a password-protected member.
        NotImplementedError,
        RuntimeError,
        LookupError,  # an XML declaration naming an unknown encoding
    ) as exc:
        raise _corrupt_error(name) from exc
    return DocumentText(blocks=tuple(blocks), source_format="ofd")
