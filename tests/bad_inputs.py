"""A corpus of bad inputs for `parse_file`, written into a directory at test time.

Nothing here is a committed binary: every file is generated from plain bytes,
python-docx, openpyxl or zipfile (the PDFs are written by hand, so no optional
dependency is needed). Each entry names the file, writes it, and states the
outcome a user must get: the `PlanReadError.code` of a clear error, or `PLAN`
when the file is readable and the parser must cope (the entry's `check` then
says what the plan must look like).

`INTACT` lists the undamaged originals of the damaged files, so a test can show
that the error comes from the damage and not from the generator.
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.plans.parser import parse_text

PLAN = "plan"

# A small, well-formed plan: three annotated tasks in two sections.
PLAN_LINES = (
    "某区司法局2024年工作要点",
    "一、依法行政",
    "1. 编制年度重大行政决策事项目录。（牵头部门：办公室；责任部门：法制科。完成时间：6月）",
    "2. 开展行政执法案卷评查。（责任部门：执法监督科。完成时间：3月底前）",
    "二、公共法律服务",
    "3. 优化公共法律服务平台建设。（责任部门：公共法律服务科。完成时间：12月）",
)
PLAN_TEXT = "\n".join(PLAN_LINES) + "\n"
PDF_PASSWORD = b"secret"

_SEED = 20240501


@dataclass(frozen=True)
class BadInput:
    name: str
    write: Callable[[Path], Path]
    expected: str  # a PlanReadError code, or PLAN
    check: Callable[[ParsedPlan], None] | None = None


def reference_plan() -> ParsedPlan:
    return parse_text(PLAN_TEXT)


def _essence(task: Task) -> tuple[object, ...]:
    return (task.label, task.text, task.lead, task.responsible, task.deadline)


def _same_tasks_as_reference(plan: ParsedPlan) -> None:
    """The file holds PLAN_TEXT in some disguise: the user must get the same three tasks."""
    reference = reference_plan()
    assert plan.kind == "work_plan"
    assert plan.year == 2024
    assert [_essence(t) for t in plan.tasks] == [_essence(t) for t in reference.tasks]
    assert len(plan.tasks) == 3
    # A reader may add a note (an encoding it had to guess); the parser has no new doubts.
    assert _codes(plan, exclude="reader_note") == _codes(reference)


def _codes(plan: ParsedPlan, task: str | None = None, exclude: str | None = None) -> list[str]:
    return [w.code for w in plan.warnings if (task is None or w.task == task) and w.code != exclude]


# --- plain bytes ---------------------------------------------------------------------------


def _bytes_writer(filename: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    def write(directory: Path) -> Path:
        path = directory / filename
        path.write_bytes(make())
        return path

    return write


def _text_writer(filename: str, text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    return _bytes_writer(filename, lambda: text.encode(encoding))


def _junk(size: int) -> bytes:
    return random.Random(_SEED).randbytes(size)


def _write_large_text(directory: Path) -> Path:
    """50 MB of a repeated task line, written in 1 MB chunks (never 50 MB in memory at once)."""
    path = directory / "plan_50mb.txt"
    line = "1. 开展行政执法检查。（责任部门：执法监督科。完成时间：6月）\n".encode()
    chunk = line * (1024 * 1024 // len(line))
    with path.open("wb") as fh:
        written = 0
        while written < 50 * 1024 * 1024:
            fh.write(chunk)
            written += len(chunk)
    return path


def _write_directory(directory: Path) -> Path:
    path = directory / "工作要点.docx"
    path.mkdir()
    (path / "inside.txt").write_text(PLAN_TEXT, encoding="utf-8")
    return path


def _write_nothing(directory: Path) -> Path:
    return directory / "no_such_dir" / "工作要点.docx"


def _ole2(stream_name: str) -> bytes:
    """The start of a compound file (.doc/.wps): the OLE2 signature and a directory entry."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    header = header.ljust(512, b"\xff")
    entry = (stream_name.encode("utf-16-le") + b"\x00\x00").ljust(64, b"\x00")
    return header + entry.ljust(512, b"\x00") + _junk(1024)


# --- plans in disguise -----------------------------------------------------------------------

_HTML_PLAN = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>工作要点</title>'
    "<style>p { font-family: 仿宋; }</style></head>\n<body>\n"
    + "".join(f"<p>{line}</p>\n" for line in PLAN_LINES)
    + "</body></html>\n"
)

_RTF = (
    r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}"
    "\n"
    r"\f0\fs32 \'c4\'b3\'c7\'f8\'cb\'be\'b7\'a8\'be\'d6 2024\par"
    "\n}\n"
)

_ERROR_PAGE = (
    "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
    "<body><h1>404 Not Found</h1><p>您访问的页面不存在</p></body></html>\n"
)


# A real plan (10 KB): a few stray NULs in it are tolerated, unlike in binary data.
NUL_SOURCE = Path(__file__).parent / "fixtures" / "000_9ec6db43f1a77751.txt"


def _with_nuls() -> bytes:
    data = NUL_SOURCE.read_bytes()
    out = bytearray()
    for i, line in enumerate(data.split(b"\n")):
        if i in (30, 60):
            at = line.find("。".encode())
            line = line[:at] + b"\x00" + line[at:] if at > 0 else line
        out += line + b"\n"
    return bytes(out[:-1])


def _same_tasks_as_fixture(plan: ParsedPlan) -> None:
    reference = parse_text(NUL_SOURCE.read_text(encoding="utf-8"))
    assert len(reference.tasks) == 33
    assert [_essence(t) for t in plan.tasks] == [_essence(t) for t in reference.tasks]
    assert _codes(plan, exclude="reader_note") == _codes(reference)
    assert not any("\x00" in t.text for t in plan.tasks)


def _unbalanced() -> str:
    return (
        "某区司法局2024年工作要点\n"
        "一、依法行政（试行\n"
        "1. 编制年度目录（含清单。（牵头部门：办公室；责任部门：法制科。完成时间：6月）\n"
        "2. 开展执法检查）。（责任部门：执法监督科（含支队。完成时间：3月）\n"
        "3. 加强队伍建设（（提升能力。（责任部门：政治处）。完成时间：12月）\n"
        "4. 规范档案管理）)（责任部门：办公室。完成时间：9月\n"
    )


def _check_unbalanced(plan: ParsedPlan) -> None:
    assert plan.kind == "work_plan"
    # No annotation may vanish into a task's text: its owners would lose the task.
    assert not [t.label for t in plan.tasks if "责任部门：" in t.text]
    # A stray bracket must not swallow the numbering of the items that follow it.
    assert [t.label for t in plan.tasks] == ["1", "2", "3", "4"]
    tasks = {t.label: t for t in plan.tasks}
    assert {"办公室", "法制科"} <= set(tasks["1"].owners)
    assert any(o.startswith("执法监督科") for o in tasks["2"].owners)
    assert "政治处" in tasks["3"].owners
    assert tasks["4"].owners == ("办公室",)
    # Where a bracket is never closed, or the deadline fell outside the brackets, the user
    # is told.
    assert "annotation_unclosed" in _codes(plan, "2")
    assert _codes(plan, "3")
    assert "annotation_unclosed" in _codes(plan, "4")


_OPEN_AT_END = "某区司法局2024年工作要点\n1. 完成年度考核。（责任部门：政治处。完成时间：12月"


def _check_open_at_end(plan: ParsedPlan) -> None:
    (task,) = plan.tasks
    assert task.text == "完成年度考核。"
    assert task.responsible == ("政治处",)
    assert task.deadline.due is not None and task.deadline.due.isoformat() == "2024-12-31"
    assert "annotation_unclosed" in _codes(plan, task.label)


_PAGE_NUMBERS = "\n\n".join(f"— {n} —" for n in range(1, 40)) + "\n"


def _check_no_tasks(plan: ParsedPlan) -> None:
    assert plan.kind == "unknown"
    assert plan.tasks == ()
    assert "no_tasks" in _codes(plan)


_NESTED_DEPTH = 10_000
_NESTED = (
    "某区司法局2024年工作要点\n"
    "1. 开展专项工作"
    + "（" * _NESTED_DEPTH
    + "试点"
    + "）" * _NESTED_DEPTH
    + "。（责任部门：办公室。完成时间：6月）\n"
    "2. 做好信息报送。（责任部门：法制科。完成时间：3月）\n"
)


def _check_nested(plan: ParsedPlan) -> None:
    assert plan.kind == "work_plan"
    first, second = plan.tasks
    assert first.text.startswith("开展专项工作（（（")
    assert first.text.count("（") == _NESTED_DEPTH
    assert first.responsible == ("办公室",)
    assert second.text == "做好信息报送。"
    assert second.responsible == ("法制科",)


# Prose with an annotation every 600 bytes, and not one line break in a megabyte.
_LONG_UNIT = "开展行政执法检查，" * 20 + "。（责任部门：执法监督科。完成时间：2024年6月）"
_LONG_REPEATS = 1024 * 1024 // len(_LONG_UNIT.encode())


def _check_long_line(plan: ParsedPlan) -> None:
    assert plan.kind == "work_plan"
    assert len(plan.tasks) == _LONG_REPEATS
    assert all(t.responsible == ("执法监督科",) for t in plan.tasks)
    assert all(t.deadline.due is not None for t in plan.tasks)
    assert {t.text for t in plan.tasks} == {"开展行政执法检查，" * 20 + "。"}


# --- docx / xlsx / zip -----------------------------------------------------------------------


def docx_bytes(lines: tuple[str, ...] = PLAN_LINES) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = replace.get(info.filename, src.read(info))
            dst.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _truncated_docx() -> bytes:
    data = docx_bytes()
    return data[: len(data) // 2]


def _malformed_docx() -> bytes:
    data = docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    return _rezip(data, {"word/document.xml": xml[: len(xml) // 2]})


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("说明.txt", PLAN_TEXT)
        zf.writestr("data/tasks.csv", "序号,任务,责任部门\n1,编制目录,办公室\n")
    return out.getvalue()


BOMB_BYTES = 320 * 1024 * 1024


def _write_zip_bomb(directory: Path) -> Path:
    """A .docx whose word/document.xml inflates to 320 MB of zeros (about 1.4 MB on disk).

    The member is written through a streaming `ZipFile.open(..., "w")` one megabyte at
    a time, so building it never holds more than that in memory.
    """
    path = directory / "bomb.docx"
    parts = docx_bytes()
    with zipfile.ZipFile(io.BytesIO(parts)) as src:
        small = {
            i.filename: src.read(i) for i in src.infolist() if i.filename != "word/document.xml"
        }
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for filename, content in small.items():
            zf.writestr(filename, content)
        with zf.open("word/document.xml", "w") as member:
            for _ in range(BOMB_BYTES // len(zeros)):
                member.write(zeros)
    return path


def _empty_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "工作要点"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
_OFD_XML = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD {_OFD_NS} Version="1.0" DocType="OFD">'
    "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
)
_OFD_DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document {_OFD_NS}>'
    "<ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID></ofd:CommonData>"
    '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
    "</ofd:Document>"
)


def ofd_bytes(*, broken: bool = False) -> bytes:
    """A one-page OFD holding PLAN_LINES; `broken` cuts the page's Content.xml in half."""
    objects = []
    for i, line in enumerate(PLAN_LINES):
        y = 20 + 8 * i
        objects.append(
            f'<ofd:TextObject ID="{10 + i}" Boundary="20 {y} 180 6" Font="1" Size="5">'
            f'<ofd:TextCode X="0" Y="5" DeltaX="g {len(line) - 1} 5">{line}</ofd:TextCode>'
            "</ofd:TextObject>"
        )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {_OFD_NS}><ofd:Content>'
        f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
    ).encode()
    if broken:
        content = content[: len(content) // 2]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", _OFD_XML)
        zf.writestr("Doc_0/Document.xml", _OFD_DOCUMENT)
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", content)
    return out.getvalue()


# --- PDF, written by hand --------------------------------------------------------------------

_PDF_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _md5(data: bytes) -> bytes:
    """MD5, as the PDF standard security handler prescribes (not for security here)."""
    return hashlib.md5(data, usedforsecurity=False).digest()


_PDF_ID = _md5(b"bad_inputs")
_PDF_PERMISSIONS = -44


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pdf_security(user: bytes, owner: bytes) -> tuple[bytes, bytes, bytes]:
    """Standard security handler, revision 2 (40-bit RC4): returns (O, U, file key)."""
    padded_user = (user + _PDF_PAD)[:32]
    owner_key = _md5((owner + _PDF_PAD)[:32])[:5]
    o_value = _rc4(owner_key, padded_user)
    p_bytes = struct.pack("<i", _PDF_PERMISSIONS)
    file_key = _md5(padded_user + o_value + p_bytes + _PDF_ID)[:5]
    return o_value, _rc4(file_key, _PDF_PAD), file_key


def _text_stream(lines: tuple[str, ...]) -> bytes:
    """Content stream drawing each line in the CID font F1 (UCS-2 code points)."""
    ops = [b"BT /F1 11 Tf 14 TL 40 800 Td"]
    for line in lines:
        ops.append(b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


_DRAWING = b"\n".join(
    [b"0.2 0.2 0.6 rg 50 600 300 150 re f", b"2 w 50 500 m 500 500 l S", b"100 100 200 200 re S"]
)


def pdf_bytes(
    pages: list[bytes],
    *,
    encrypt: bool = False,
    catalog_last: bool = False,
) -> bytes:
    """A PDF with one page per content stream, fonts for Chinese text via STSong-Light.

    `catalog_last` writes the page contents first and the catalog and page tree last,
    as incremental writers do, so that cutting the file loses the document structure.
    """
    n_pages = len(pages)
    content_ids = list(range(1, n_pages + 1))
    page_ids = list(range(n_pages + 1, 2 * n_pages + 1))
    font_id, cidfont_id, descriptor_id, pages_id, catalog_id = range(
        2 * n_pages + 1, 2 * n_pages + 6
    )
    key = b""
    extra = b""
    if encrypt:
        o_value, u_value, key = _pdf_security(PDF_PASSWORD, b"owner-" + PDF_PASSWORD)

    def sealed(obj_id: int, data: bytes) -> bytes:
        """Streams and strings of an encrypted PDF, RC4 with the object's own key."""
        if not encrypt:
            return data
        object_key = _md5(key + struct.pack("<i", obj_id)[:3] + b"\0\0")
        return _rc4(object_key[: len(key) + 5], data)

    def string(obj_id: int, value: bytes) -> bytes:
        return b"<" + sealed(obj_id, value).hex().encode() + b">"

    objects: dict[int, bytes] = {}
    for obj_id, stream in zip(content_ids, pages, strict=True):
        stream = sealed(obj_id, stream)
        objects[obj_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    for obj_id, content_id in zip(page_ids, content_ids, strict=True):
        objects[obj_id] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content_id, font_id)
        )
    objects[font_id] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [%d 0 R] >>" % cidfont_id
    )
    objects[cidfont_id] = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry %s /Ordering %s /Supplement 2 >> /DW 1000 "
        b"/FontDescriptor %d 0 R >>"
        % (string(cidfont_id, b"Adobe"), string(cidfont_id, b"GB1"), descriptor_id)
    )
    objects[descriptor_id] = (
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>"
    )
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[pages_id] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)
    objects[catalog_id] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    order = sorted(objects)
    if not catalog_last:
        order = [catalog_id, pages_id, *(i for i in order if i not in (catalog_id, pages_id))]
    if encrypt:
        encrypt_id = catalog_id + 1
        objects[encrypt_id] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o_value.hex().encode(),
            u_value.hex().encode(),
            _PDF_PERMISSIONS,
        )
        order.append(encrypt_id)
        extra = b" /Encrypt %d 0 R" % encrypt_id
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for obj_id in order:
        offsets[obj_id] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (obj_id, objects[obj_id])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for obj_id in range(1, size):
        out += b"%010d 00000 n \n" % offsets[obj_id]
    doc_id = _PDF_ID.hex().encode()
    out += b"trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]%s >>\n" % (
        size,
        catalog_id,
        doc_id,
        doc_id,
        extra,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_pdf(*, encrypt: bool = False) -> bytes:
    return pdf_bytes([_text_stream(PLAN_LINES)], encrypt=encrypt)


def _truncated_pdf() -> bytes:
    pages = [_text_stream(PLAN_LINES[: i + 1]) for i in range(len(PLAN_LINES))]
    data = pdf_bytes(pages, catalog_last=True)
    return data[: len(data) // 2]


# --- numbers out of range, other encodings, spreadsheet formulas ---------------------------------
# Every place a number is read (a year in the title, a year, month or day in a deadline, a
# task's number, a spreadsheet's date serial) meets numbers no plan can have.


def _numbers_plan(title_year: str, *deadlines: str, label: str = "1") -> str:
    lines = [f"某区司法局{title_year}年工作要点", "一、依法行政"]
    for i, deadline in enumerate(deadlines):
        number = label if i == 0 else str(i + 1)
        lines.append(f"{number}. 第{i + 1}项工作。（责任部门：办公室。完成时间：{deadline}）")
    return "\n".join(lines) + "\n"


def _first_deadline_flagged(code: str) -> Callable[[ParsedPlan], None]:
    def check(plan: ParsedPlan) -> None:
        assert plan.year == 2024
        first = plan.tasks[0]
        assert first.deadline.due is None, first.deadline  # said, not guessed
        assert code in _codes(plan, first.label), plan.warnings

    return check


def _check_title_year_out_of_range(plan: ParsedPlan) -> None:
    assert plan.year is None
    assert "year_out_of_range" in _codes(plan)
    assert all(t.deadline.due is None for t in plan.tasks)


def _check_chinese_numeral_year(plan: ParsedPlan) -> None:
    assert plan.year == 2024
    assert [t.deadline.due.isoformat() for t in plan.tasks if t.deadline.due] == ["2024-12-31"]


def _check_impossible_months_and_days(plan: ParsedPlan) -> None:
    assert len(plan.tasks) == 4
    assert [t.deadline.due for t in plan.tasks[:3]] == [None, None, None]
    for task in plan.tasks[:3]:
        assert _codes(plan, task.label), f"task {task.label} has no warning"
    assert plan.tasks[3].deadline.due is not None


def _check_huge_label(plan: ParsedPlan) -> None:
    """Nothing is lost: both deadlines read, the number kept in a label or the text (a
    numbering that does not start at 1 is issue 17's to read as a task)."""
    assert [t.deadline.due.month for t in plan.tasks if t.deadline.due] == [6, 9]
    assert any("9" * 30 in t.label + t.text for t in plan.tasks)


_BIG5_PLAN = (
    "2024年某市司法局工作要點\n一、重點工作\n"
    "1. 完成年度總結，推進依法行政，加強法治政府建設。（牽頭部門：辦公室。完成時間：12月）\n"
    "2. 深入開展普法宣傳教育活動。（牽頭部門：普法處。完成時間：6月）\n"
)


def _check_big5(plan: ParsedPlan) -> None:
    """Read as Big5 and said to be a guess (its traditional keys are issue 17's to parse)."""
    assert plan.title == "2024年某市司法局工作要點"
    assert plan.year == 2024
    assert "reader_note" in _codes(plan)


def _sheet(rows: list[list[object]], *, date_cells: tuple[str, ...] = ()) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "任务", "责任部门", "完成时间"])
    for row in rows:
        sheet.append(row)
    for cell in date_cells:
        sheet[cell].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _serials_out_of_range() -> bytes:
    """Date cells whose serials are no date (99999999), before 1900 (-5) or in year 9999."""
    return _sheet(
        [
            [1, "加强政务公开", "办公室", 99_999_999],
            [2, "推进依法行政", "法规处", -5],
            [3, "规范行政执法", "执法处", 2_958_465],
            [4, "做好信息报送", "办公室", "2024年6月"],
        ],
        date_cells=("D2", "D3", "D4"),
    )


def _check_serials(plan: ParsedPlan) -> None:
    assert [t.text for t in plan.tasks][:3] == ["加强政务公开", "推进依法行政", "规范行政执法"]
    for task in plan.tasks[:3]:
        assert task.deadline.due is None
        assert _codes(plan, task.label), f"task {task.label} has no warning"
    assert plan.tasks[3].deadline.due is not None


def _formula_without_result() -> bytes:
    return _sheet([[1, '=CONCATENATE("推进","依法行政")', "法规处", "2024年12月"]])


def _check_formula_said(plan: ParsedPlan) -> None:
    assert any(w.code == "reader_note" and "公式" in w.message for w in plan.warnings)


# --- the corpus --------------------------------------------------------------------------------

CORPUS: tuple[BadInput, ...] = (
    BadInput("empty_file", _bytes_writer("empty.txt", bytes), "empty"),
    BadInput("only_whitespace", _text_writer("blank.txt", " \n\t\n\u3000\u3000\r\n  \n"), "empty"),
    BadInput("binary_junk_txt", _bytes_writer("junk.txt", lambda: _junk(64 * 1024)), "binary"),
    BadInput("binary_junk_docx", _bytes_writer("junk.docx", lambda: _junk(64 * 1024)), "corrupt"),
    BadInput("truncated_docx", _bytes_writer("truncated.docx", _truncated_docx), "corrupt"),
    BadInput("docx_zip_bomb", _write_zip_bomb, "zip_bomb"),
    BadInput("docx_malformed_xml", _bytes_writer("malformed.docx", _malformed_docx), "corrupt"),
    BadInput("zip_named_docx", _bytes_writer("archive.docx", _plain_zip), "corrupt"),
    BadInput(
        "encrypted_pdf", _bytes_writer("encrypted.pdf", lambda: text_pdf(encrypt=True)), "encrypted"
    ),
    BadInput(
        "pdf_without_text_layer",
        _bytes_writer("scan.pdf", lambda: pdf_bytes([_DRAWING, _DRAWING])),
        "no_text_layer",
    ),
    BadInput("truncated_pdf", _bytes_writer("truncated.pdf", _truncated_pdf), "corrupt"),
    BadInput("error_page_named_pdf", _text_writer("download.pdf", _ERROR_PAGE), "wrong_format"),
    BadInput("text_50mb", _write_large_text, "too_large"),
    BadInput(
        "gbk_plan_txt", _text_writer("gbk.txt", PLAN_TEXT, "gbk"), PLAN, _same_tasks_as_reference
    ),
    BadInput(
        "utf16_without_bom",
        _text_writer("utf16.txt", PLAN_TEXT, "utf-16-le"),
        PLAN,
        _same_tasks_as_reference,
    ),
    BadInput(
        "unbalanced_parentheses",
        _text_writer("unbalanced.txt", _unbalanced()),
        PLAN,
        _check_unbalanced,
    ),
    BadInput(
        "annotation_open_at_end",
        _text_writer("open.txt", _OPEN_AT_END),
        PLAN,
        _check_open_at_end,
    ),
    BadInput(
        "html_named_doc", _text_writer("plan.doc", _HTML_PLAN), PLAN, _same_tasks_as_reference
    ),
    BadInput("rtf_named_doc", _text_writer("plan_rtf.doc", _RTF, "ascii"), "needs_conversion"),
    BadInput(
        "wps_without_libreoffice",
        _bytes_writer("plan.wps", lambda: _ole2("WordDocument")),
        "needs_conversion",
    ),
    BadInput(
        "doc_without_libreoffice",
        _bytes_writer("plan.doc", lambda: _ole2("WordDocument")),
        "needs_conversion",
    ),
    BadInput("directory", _write_directory, "not_a_file"),
    BadInput("nonexistent_path", _write_nothing, "not_found"),
    BadInput("xlsx_without_rows", _bytes_writer("empty.xlsx", _empty_xlsx), "empty"),
    BadInput(
        "ofd_broken_xml", _bytes_writer("broken.ofd", lambda: ofd_bytes(broken=True)), "corrupt"
    ),
    BadInput("only_page_numbers", _text_writer("pages.txt", _PAGE_NUMBERS), PLAN, _check_no_tasks),
    BadInput("nested_parentheses_10000", _text_writer("nested.txt", _NESTED), PLAN, _check_nested),
    BadInput(
        "single_1mb_line",
        _text_writer("long_line.txt", _LONG_UNIT * _LONG_REPEATS),
        PLAN,
        _check_long_line,
    ),
    BadInput(
        "nul_bytes_inside",
        _bytes_writer("nul.txt", _with_nuls),
        PLAN,
        _same_tasks_as_fixture,
    ),
    BadInput(
        "deadline_year_0000",
        _text_writer("year0.txt", _numbers_plan("2024", "0000年12月", "6月")),
        PLAN,
        _first_deadline_flagged("deadline_out_of_range"),
    ),
    BadInput(
        "deadline_year_five_digits",
        _text_writer("year5.txt", _numbers_plan("2024", "20240年3月", "6月")),
        PLAN,
        _first_deadline_flagged("deadline_out_of_range"),
    ),
    BadInput(
        "deadline_year_three_digits",
        _text_writer("year3.txt", _numbers_plan("2024", "202年3月", "6月")),
        PLAN,
        _first_deadline_flagged("deadline_out_of_range"),
    ),
    BadInput(
        "title_year_10000",
        _text_writer("title10000.txt", _numbers_plan("10000", "12月")),
        PLAN,
        _check_title_year_out_of_range,
    ),
    BadInput(
        "title_year_1900",
        _text_writer("title1900.txt", _numbers_plan("1900", "12月")),
        PLAN,
        _check_title_year_out_of_range,
    ),
    BadInput(
        "title_year_in_chinese_numerals",
        _text_writer("title_zh.txt", _numbers_plan("二〇二四", "12月")),
        PLAN,
        _check_chinese_numeral_year,
    ),
    BadInput(
        "impossible_months_and_days",
        _text_writer(
            "months.txt",
            _numbers_plan("2024", "13月", "2月30日", "99999999999999999999月", "6月"),
        ),
        PLAN,
        _check_impossible_months_and_days,
    ),
    BadInput(
        "task_number_beyond_any_integer",
        _text_writer("label.txt", _numbers_plan("2024", "6月", "9月", label="9" * 30)),
        PLAN,
        _check_huge_label,
    ),
    BadInput(
        "big5_plan_txt",
        _bytes_writer("big5.txt", lambda: _BIG5_PLAN.encode("big5")),
        PLAN,
        _check_big5,
    ),
    BadInput(
        "xlsx_date_serials_out_of_range",
        _bytes_writer("serials.xlsx", _serials_out_of_range),
        PLAN,
        _check_serials,
    ),
    BadInput(
        "xlsx_formula_without_result",
        _bytes_writer("formula.xlsx", _formula_without_result),
        PLAN,
        _check_formula_said,
    ),
)

# The undamaged originals of the damaged files above: each must read as PLAN_TEXT.
INTACT: tuple[BadInput, ...] = (
    BadInput("docx", _bytes_writer("intact.docx", docx_bytes), PLAN, _same_tasks_as_reference),
    BadInput("pdf", _bytes_writer("intact.pdf", text_pdf), PLAN, _same_tasks_as_reference),
    BadInput("ofd", _bytes_writer("intact.ofd", ofd_bytes), PLAN, _same_tasks_as_reference),
    BadInput("txt", _text_writer("intact.txt", PLAN_TEXT), PLAN, _same_tasks_as_reference),
)


# --- data folders that are foreign or damaged --------------------------------------------------
# Each maker gets an empty directory and a sound database file of ours, and returns the data
# folder to give the program. `exit_code` is what every command must end with: 3 (one line,
# nothing changed) for what cannot be used, 0 for what the program can safely work with.


@dataclass(frozen=True)
class BadFolder:
    name: str
    make: Callable[[Path, bytes], Path]
    exit_code: int
    words: str = ""  # in the one line of a refusal


def _folder_with(database: bytes) -> Callable[[Path, bytes], Path]:
    def make(directory: Path, _ours: bytes) -> Path:
        (directory / "tasks.sqlite3").write_bytes(database)
        return directory

    return make


def _ours_altered(change: Callable[[bytes], bytes]) -> Callable[[Path, bytes], Path]:
    def make(directory: Path, ours: bytes) -> Path:
        (directory / "tasks.sqlite3").write_bytes(change(ours))
        return directory

    return make


def _foreign_database(directory: Path, _ours: bytes) -> Path:
    import sqlite3

    conn = sqlite3.connect(directory / "tasks.sqlite3")
    conn.execute("CREATE TABLE task (name TEXT)")  # a table with our name, not our schema
    conn.execute("INSERT INTO task VALUES ('另一个程序的数据')")
    conn.commit()
    conn.close()
    return directory


def _from_a_newer_program(directory: Path, ours: bytes) -> Path:
    import sqlite3

    path = directory / "tasks.sqlite3"
    path.write_bytes(ours)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return directory


def _database_is_a_folder(directory: Path, _ours: bytes) -> Path:
    (directory / "tasks.sqlite3").mkdir()
    return directory


def _folder_is_a_file(directory: Path, _ours: bytes) -> Path:
    path = directory / "data"
    path.write_text("不是文件夹", encoding="utf-8")
    return path


def _looping_link(directory: Path, _ours: bytes) -> Path:
    (directory / "a").symlink_to(directory / "b")
    (directory / "b").symlink_to(directory / "a")
    return directory / "a"


def _name_too_long(directory: Path, _ours: bytes) -> Path:
    return directory / ("长" * 100)  # 300 bytes: over the 255 a name may have


def _junk_wal(directory: Path, ours: bytes) -> Path:
    (directory / "tasks.sqlite3").write_bytes(ours)
    (directory / "tasks.sqlite3-wal").write_bytes(_junk(9000))
    return directory


def _damaged_pages(ours: bytes) -> bytes:
    data = bytearray(ours)
    data[3 * 4096 : 3 * 4096 + 2000] = _junk(2000)
    return bytes(data)


DATA_FOLDERS: tuple[BadFolder, ...] = (
    BadFolder("junk_bytes", _folder_with(_junk(40_000)), 3, "已损坏"),
    BadFolder(
        "sqlite_header_then_junk", _folder_with(b"SQLite format 3\0" + _junk(5000)), 3, "已损坏"
    ),
    BadFolder("truncated_database", _ours_altered(lambda b: b[: len(b) // 2]), 3, "已损坏"),
    BadFolder("damaged_pages", _ours_altered(_damaged_pages), 3, "已损坏"),
    BadFolder("another_programs_database", _foreign_database, 3, "不是本程序的"),
    BadFolder("from_a_newer_program", _from_a_newer_program, 3, "更新版本"),
    BadFolder("database_is_a_folder", _database_is_a_folder, 3, "是一个文件夹"),
    BadFolder("data_folder_is_a_file", _folder_is_a_file, 3, "是一个文件"),
    BadFolder("looping_link", _looping_link, 3, "循环的链接"),
    BadFolder("name_too_long", _name_too_long, 3, "过长"),
    BadFolder("zero_byte_database", _folder_with(b""), 0),  # what SQLite makes of a new file
    BadFolder("junk_wal_beside_ours", _junk_wal, 0),  # a WAL of another database is ignored
)
