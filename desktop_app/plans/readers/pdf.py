"""PDF text layer via pdfplumber (MIT): one block per text line, page after page.

Scans without a text layer and password-protected files get their own error codes,
since the remedy differs (ask for a Word version / remove the password).
"""

from __future__ import annotations

import io
import re
import time
import warnings
import zlib
from typing import Any

from .. import errors
from ..errors import PlanReadError, corrupt_file
from ..model import DocumentText
from . import limits
from .limits import TextBudget

# Below this many visible characters over all pages the PDF counts as a scan.
_MIN_TEXT_CHARS = 20
_CID = re.compile(r"\(cid:\d+\)")


def _encrypted_error(name: str) -> PlanReadError:
    return PlanReadError("encrypted", errors.PDF_ENCRYPTED, name)


def _corrupt_error(name: str) -> PlanReadError:
    return corrupt_file(name)


def _is_password_problem(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, PDFPasswordIncorrect | PDFEncryptionError):
            return True
        # pdfplumber wraps pdfminer's exception as an argument of PdfminerException.
        for arg in current.args:
            if isinstance(arg, PDFPasswordIncorrect | PDFEncryptionError):
                return True
        current = current.__cause__ or current.__context__
    return False


_STREAM = re.compile(rb"stream\r?\n")


def check_streams(data: bytes, name: str) -> None:
    """Refuse PDFs whose Flate streams inflate beyond MAX_PDF_INFLATED_BYTES.

    pdfminer decompresses content streams in one piece, so a small "PDF bomb"
    would otherwise take all memory. Images are skipped: pdfminer never decodes
    them for text, and legitimate scans hold a lot of image data.
    """
    budget = limits.MAX_PDF_INFLATED_BYTES
    for match in _STREAM.finditer(data):
        start = match.end()
        header = data[max(0, match.start() - 2048) : match.start()]
        header = header[header.rfind(b"obj") + 1 :] if b"obj" in header else header
        if b"/FlateDecode" not in header and b"/Fl " not in header and b"/Fl/" not in header:
            continue
        if b"/Image" in header:
            continue
        end = data.find(b"endstream", start)
        chunk = data[start : end if end != -1 else len(data)]
        inflater = zlib.decompressobj()
        try:
            while chunk and budget >= 0:
                out = inflater.decompress(chunk, 1024 * 1024)
                budget -= len(out)
                chunk = inflater.unconsumed_tail
                if not out:
                    break
        except zlib.error:
            continue  # damaged stream: pdfminer will cope or report it
        if budget < 0:
            raise PlanReadError("too_large", errors.PDF_INFLATES_TOO_MUCH, name)


def read_pdf(data: bytes, name: str) -> DocumentText:
    """Read the text layer of a PDF, one block per line."""
    check_streams(data, name)
    try:
        with warnings.catch_warnings():
            # pdfminer reports recoverable damage as warnings; the text is still usable.
            warnings.simplefilter("ignore")
            lines = _extract_lines(data, name)
    except PlanReadError:
        raise
    except Exception as exc:  # pdfminer raises a wide variety of types on broken input
        if _is_password_problem(exc):
            raise _encrypted_error(name) from exc
        raise _corrupt_error(name) from exc
    return DocumentText(blocks=tuple(lines), source_format="pdf")


def _extract_lines(data: bytes, name: str) -> list[str]:
    import pdfplumber

    budget = TextBudget(name)
    started = time.monotonic()
    lines: list[str] = []
    visible = 0
    cid_chars = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages: Any = pdf.pages
        if not pages:
            raise PlanReadError("empty", errors.PDF_NO_PAGES, name)
        if len(pages) > limits.MAX_PDF_PAGES:
            raise PlanReadError(
                "too_large", errors.PDF_TOO_MANY_PAGES, len(pages), limits.MAX_PDF_PAGES, name
            )
        for page in pages:
            text = page.extract_text() or ""
            # Cached layout objects of earlier pages are no longer needed.
            page.close()
            budget.take(text)
            for line in text.split("\n"):
                line = line.strip()
                if not line:
                    continue
                lines.append(line)
                cids = _CID.findall(line)
                cid_chars += sum(len(c) for c in cids)
                visible += sum(1 for ch in line if not ch.isspace())
            if time.monotonic() - started > limits.MAX_PDF_SECONDS:
                raise PlanReadError("too_large", errors.PDF_TIMED_OUT, name)
    readable = visible - cid_chars
    if readable < _MIN_TEXT_CHARS or cid_chars > readable:
        if cid_chars:
            raise PlanReadError("no_text_layer", errors.PDF_FONTS_WITHOUT_UNICODE, name)
        raise PlanReadError("no_text_layer", errors.PDF_NO_TEXT_LAYER)
    return lines
