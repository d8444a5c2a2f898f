"""read_document: any supported plan file to DocumentText, dispatching on content first.

The file's bytes decide the reader (a ".doc" may be HTML, a ".docx" may be a PDF);
the extension only breaks ties. Every bad input ends in a PlanReadError.
"""

from __future__ import annotations

import dataclasses
import errno
import io
import logging
import stat
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop_app.errors import Words

from .. import errors
from ..errors import PlanReadError, corrupt_file
from ..model import DocumentText
from . import limits
from .text import decode_text, looks_delimited, read_delimited, read_txt

if TYPE_CHECKING:
    from .conversion import Kind

__all__ = ["SUPPORTED_EXTENSIONS", "read_document", "sniff"]

log = logging.getLogger(__name__)


# The heavy readers (pdfplumber, python-docx, openpyxl, LibreOffice glue) are
# imported when a file of theirs arrives, not when the program starts.
def read_pdf(data: bytes, name: str) -> DocumentText:
    from .pdf import read_pdf as read

    return read(data, name)


def read_docx(data: bytes, name: str) -> DocumentText:
    from .docx import read_docx as read

    return read(data, name)


def read_xlsx(data: bytes, name: str) -> DocumentText:
    from .xlsx import read_xlsx as read

    return read(data, name)


def read_ofd(data: bytes, name: str) -> DocumentText:
    from .ofd import read_ofd as read

    return read(data, name)


def read_legacy(
    data: bytes,
    name: str,
    source_ext: str,
    kind: Kind,
    soffice: str | None,
    *,
    label_ext: str | None = None,
) -> DocumentText:
    from .conversion import read_legacy as read

    return read(data, name, source_ext, kind, soffice, label_ext=label_ext)


def read_rtf(data: bytes, name: str, soffice: str | None) -> DocumentText:
    from .conversion import read_rtf as read

    return read(data, name, soffice)


def read_mht(data: bytes, name: str) -> DocumentText:
    from .html import read_mht as read

    return read(data, name)


def read_html(data: bytes, name: str) -> DocumentText:
    from .html import read_html as read

    return read(data, name)


DOCX_EXTS = frozenset({".docx", ".docm", ".dotx", ".dotm"})
XLSX_EXTS = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
OLD_DOC_EXTS = frozenset({".doc", ".dot", ".wps", ".wpt"})
OLD_SHEET_EXTS = frozenset({".xls", ".xlt", ".et", ".ett"})
HTML_EXTS = frozenset({".htm", ".html", ".xhtml", ".mht", ".mhtml"})
TEXT_EXTS = frozenset({".txt", ".text"})
# Formats whose files are never plain text or HTML: such content means a wrong name
# or a failed download (an error page saved as .pdf).
CONTAINER_EXTS = DOCX_EXTS | XLSX_EXTS | frozenset({".pdf", ".ofd"})

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    ".docx",
    ".pdf",
    ".txt",
    ".xlsx",
    ".xlsm",
    ".ofd",
    ".doc",
    ".wps",
    ".xls",
    ".et",
    ".csv",
    ".htm",
    ".html",
    ".mht",
    ".rtf",
)

Content = Literal[
    "pdf",
    "docx",
    "xlsx",
    "ofd",
    "odt",
    "ods",
    "zip",
    "bad_zip",
    "ole2",
    "rtf",
    "html",
    "mht",
    "wordml",
    "text",
    "binary",
]

# What the content is, for the notes of a file read despite its name.
_KIND_ZH = {
    "pdf": "PDF",
    "docx": "Word 文档（.docx）",
    "xlsx": "Excel 表格（.xlsx）",
    "ofd": "OFD 版式文件",
    "text": "纯文本",
}
# What a CONTAINER_EXTS name promises, for the error when the content is something else.
_PROMISED: dict[str, Words] = {
    ".pdf": errors.PDF_FILE,
    ".ofd": errors.OFD_FILE,
    **{ext: errors.WORD_DOCUMENT for ext in DOCX_EXTS},
    **{ext: errors.EXCEL_WORKBOOK for ext in XLSX_EXTS},
}


def _unknown_format(name: str, seen_as: Words | None = None) -> PlanReadError:
    if seen_as is None:
        return PlanReadError("unknown_format", errors.UNKNOWN_FORMAT, name)
    return PlanReadError("unknown_format", errors.UNKNOWN_FORMAT_SEEN_AS, name, seen_as)


def _corrupt(name: str, ext: str) -> PlanReadError:
    return PlanReadError("corrupt", errors.CORRUPT_NOT_VALID, name, ext)


def _wrong_format(name: str, ext: str, content: Literal["text", "html", "mht"]) -> PlanReadError:
    promised = _PROMISED[ext]
    if content == "text":
        return PlanReadError("wrong_format", errors.WRONG_FORMAT_TEXT, ext, promised, name)
    page = errors.A_WEB_ARCHIVE if content == "mht" else errors.A_WEB_PAGE
    return PlanReadError("wrong_format", errors.WRONG_FORMAT_WEB_PAGE, ext, page, promised, name)


def _stat_error(path: Path, exc: OSError) -> PlanReadError:
    name = str(path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return PlanReadError("permission", errors.NO_PERMISSION, name)
    if isinstance(exc, FileNotFoundError | NotADirectoryError) or exc.errno == errno.ENOENT:
        return PlanReadError("not_found", errors.NOT_FOUND, name)
    if isinstance(exc, IsADirectoryError):
        return _not_a_file(path)
    return PlanReadError("io_error", errors.CANNOT_READ, name, exc.strerror or exc)


def _not_a_file(path: Path) -> PlanReadError:
    return PlanReadError("not_a_file", errors.NOT_A_FILE, path)


def _load(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise _stat_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode) or not stat.S_ISREG(info.st_mode):
        # FIFOs and devices would block or never end.
        raise _not_a_file(path)
    limits.check_file_size(path, info.st_size)
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _stat_error(path, exc) from exc
    # The file may have changed between stat() and read().
    limits.check_file_size(path, len(data))
    return data


def _zip_content(data: bytes) -> Content:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {n.lower(): n for n in zf.namelist()}
            content_types = ""
            if "[content_types].xml" in names:
                info = zf.getinfo(names["[content_types].xml"])
                if info.file_size < limits.MB:
                    content_types = zf.read(info).decode("utf-8", errors="replace")
            mimetype = ""
            if "mimetype" in names and zf.getinfo(names["mimetype"]).file_size < 200:
                mimetype = zf.read(names["mimetype"]).decode("ascii", errors="replace").strip()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        KeyError,
        NotImplementedError,  # an unsupported compression method
        RuntimeError,  # a password-protected member
    ):
        return "bad_zip"
    if "wordprocessingml" in content_types or "ms-word.document" in content_types:
        return "docx"
    if "word/document.xml" in names:
        return "docx"
    if "spreadsheetml" in content_types or "ms-excel.sheet" in content_types:
        return "xlsx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ofd.xml" in names:
        return "ofd"
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    return "zip"


def _head_text(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head_text = head.decode("utf-16", errors="ignore")
    else:
        head_text = head.decode("latin-1")
    return head_text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()


def sniff(data: bytes) -> Content:
    """What the bytes are, regardless of the file name."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if b"endobj" in data[:65536] and b"/Type" in data[:65536]:
        # A PDF whose header was damaged: pdfminer may still cope, and if not the
        # user hears "damaged PDF" rather than "this is plain text".
        return "pdf"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _zip_content(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole2"
    head = _head_text(data)
    if head.startswith("{\\rtf"):
        return "rtf"
    if head.startswith(("mime-version:", "from:", "content-type:", "date:", "subject:")) and (
        "multipart/related" in head or "text/html" in head
    ):
        return "mht"
    if head.startswith("<?xml") and ("<w:worddocument" in head or "word.document" in head):
        return "wordml"
    if head.startswith(
        ("<!doctype html", "<html", "<!--", "<?xml", "<head", "<body", "<meta")
    ) and ("<html" in head or "<body" in head or "<head" in head):
        return "html"
    try:
        decode_text(data, "")
    except PlanReadError:
        return "binary"
    return "text"


def _ole_streams(data: bytes) -> set[str]:
    # Directory entry names are stored as UTF-16LE; a substring search is enough
    # to tell Word from Excel from an encrypted OOXML package.
    names = set()
    for stream in ("WordDocument", "Workbook", "Book", "PowerPoint Document", "EncryptedPackage"):
        if stream.encode("utf-16-le") + b"\x00\x00" in data:
            names.add(stream)
    return names


def _read_ole2(data: bytes, name: str, ext: str, soffice: str | None) -> DocumentText:
    streams = _ole_streams(data)
    if "EncryptedPackage" in streams:
        raise PlanReadError("encrypted", errors.OFFICE_ENCRYPTED, name)
    if "WordDocument" in streams:
        kind, source_ext = "document", ".doc"
    elif streams & {"Workbook", "Book"}:
        kind, source_ext = "spreadsheet", ".xls"
    elif "PowerPoint Document" in streams:
        raise _unknown_format(name, errors.A_PRESENTATION)
    elif ext in OLD_SHEET_EXTS | XLSX_EXTS:
        kind, source_ext = "spreadsheet", ".xls"
    elif ext in OLD_DOC_EXTS | DOCX_EXTS:
        kind, source_ext = "document", ".doc"
    else:
        raise _unknown_format(name)
    return read_legacy(
        data,
        name,
        source_ext,
        "spreadsheet" if kind == "spreadsheet" else "document",
        soffice,
        label_ext=ext if ext in OLD_DOC_EXTS | OLD_SHEET_EXTS else source_ext,
    )


def _with_note(text: DocumentText, note: str) -> DocumentText:
    return dataclasses.replace(text, notes=(*text.notes, note))


def _mismatch_note(ext: str, content: str) -> str:
    return f"文件扩展名是 {ext}，但内容是{_KIND_ZH.get(content, content)}，已按实际格式读取"


def _dispatch(data: bytes, name: str, ext: str, soffice: str | None) -> DocumentText:
    content = sniff(data)
    if content == "pdf":
        text = read_pdf(data, name)
        return text if ext == ".pdf" else _with_note(text, _mismatch_note(ext, "pdf"))
    if content == "docx":
        text = read_docx(data, name)
        expected = DOCX_EXTS | {".wps", ".wpt"}
        return text if ext in expected else _with_note(text, _mismatch_note(ext, "docx"))
    if content == "xlsx":
        text = read_xlsx(data, name)
        expected = XLSX_EXTS | {".et", ".ett"}
        return text if ext in expected else _with_note(text, _mismatch_note(ext, "xlsx"))
    if content == "ofd":
        text = read_ofd(data, name)
        return text if ext == ".ofd" else _with_note(text, _mismatch_note(ext, "ofd"))
    if content in ("odt", "ods"):
        kind: Kind = "spreadsheet" if content == "ods" else "document"
        return read_legacy(data, name, f".{content}", kind, soffice)
    if content == "bad_zip":
        raise _corrupt(name, ext or ".zip")
    if content == "zip":
        if ext in CONTAINER_EXTS | {".wps", ".et"}:
            # The right container but none of the parts that make it a document.
            raise _corrupt(name, ext)
        raise _unknown_format(name, errors.A_ZIP_ARCHIVE)
    if content == "ole2":
        return _read_ole2(data, name, ext, soffice)
    if content == "rtf":
        return read_rtf(data, name, soffice)
    if content == "wordml":
        return read_legacy(data, name, ".xml", "document", soffice)
    if content in ("html", "mht"):
        if ext in CONTAINER_EXTS:
            raise _wrong_format(name, ext, content)
        return read_mht(data, name) if content == "mht" else read_html(data, name)
    if content == "text":
        if ext in TEXT_EXTS or ext in HTML_EXTS or ext == ".rtf":
            return read_txt(data, name)
        if ext == ".csv":
            return read_delimited(data, name)
        if ext in OLD_SHEET_EXTS:
            # Web systems often export tab-separated text under an .xls name.
            text_value = decode_text(data, name).text
            if looks_delimited(text_value):
                return read_delimited(data, name, "\t")
            return _with_note(read_txt(data, name), _mismatch_note(ext, "text"))
        if ext in OLD_DOC_EXTS:
            return _with_note(read_txt(data, name), _mismatch_note(ext, "text"))
        if ext in CONTAINER_EXTS:
            raise _wrong_format(name, ext, "text")
        raise _unknown_format(name)
    # binary: unrecognised bytes
    if ext in TEXT_EXTS or ext == ".csv":
        return read_txt(data, name)  # raises the "binary" error with its own message
    if ext in CONTAINER_EXTS | OLD_DOC_EXTS | OLD_SHEET_EXTS | HTML_EXTS | {".rtf"}:
        raise _corrupt(name, ext)
    raise _unknown_format(name)


def _has_text(text: DocumentText) -> bool:
    return any(line.strip() for line in text.lines())


def read_document(path: Path, *, soffice: str | None = None) -> DocumentText:
    """Read a plan document (.docx .pdf .txt .xlsx .ofd, and .doc .wps .xls .et via LibreOffice).

    ``soffice`` is the LibreOffice program to convert old formats with; None looks
    for it on PATH and in the usual install locations.
    Raises PlanReadError for anything that cannot be read.
    """
    path = Path(path)
    name = path.name or str(path)
    ext = path.suffix.lower()
    data = _load(path)
    try:
        text = _dispatch(data, name, ext, soffice)
    except PlanReadError:
        raise
    except MemoryError as exc:
        raise limits.too_much_text(name) from exc
    except Exception as exc:
        # A reader library failing in a way not anticipated: still a damaged file to
        # the user, but keep the traceback in the log for whoever maintains this.
        log.warning("unexpected error reading %s", path, exc_info=True)
        raise corrupt_file(name) from exc
    if not _has_text(text):
        raise PlanReadError("empty", errors.NO_READABLE_TEXT, name)
    return text
