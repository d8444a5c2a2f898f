"""Tests of desktop_app.plans.readers on small inputs generated in tmp_path."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import sys
import time
import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl
import pytest

from desktop_app.plans.errors import PlanReadError
from desktop_app.plans.model import DocumentText, Table
from desktop_app.plans.readers import conversion, limits, read_document

PLAN_LINE = "（责任部门：办公室。完成时间：12月）"
CJK = re.compile(r"[\u4e00-\u9fff]")


def read_error(path: Path, **kwargs: object) -> PlanReadError:
    with pytest.raises(PlanReadError) as info:
        read_document(path, **kwargs)  # type: ignore[arg-type]
    err = info.value
    assert CJK.search(err.message_zh), err.message_zh
    assert err.message_en.strip()
    return err


def tables(text: DocumentText) -> list[Table]:
    return [b for b in text.blocks if isinstance(b, Table)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- text encodings --------------------------------------------------------------------------

PLAN_TEXT = "一、总体要求\n1.加强政务公开" + PLAN_LINE + "\n\n二、保障措施\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_txt_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = write(tmp_path, "plan.txt", prefix + PLAN_TEXT.encode(encoding))
    text = read_document(path)
    assert text.source_format == "txt"
    assert text.lines() == ["一、总体要求", "1.加强政务公开" + PLAN_LINE, "二、保障措施"]
    assert text.notes == ()


def test_gbk_line_that_detectors_misread(tmp_path: Path) -> None:
    # charset-normalizer alone calls these bytes CP949/Big5; strict GB18030 must win.
    path = write(tmp_path, "plan.txt", PLAN_LINE.encode("gbk"))
    text = read_document(path)
    assert text.lines() == [PLAN_LINE]
    assert text.notes == ()


def test_gb18030_only_characters(tmp_path: Path) -> None:
    line = "责任人：王䶮（办公室）"
    with pytest.raises(UnicodeEncodeError):
        line.encode("gbk")
    path = write(tmp_path, "plan.txt", line.encode("gb18030"))
    assert read_document(path).lines() == [line]


def test_big5_is_guessed_with_a_note(tmp_path: Path) -> None:
    traditional = (
        "各單位要加強政務公開工作，推進決策公開、執行公開、管理公開、服務公開、結果公開，"
        "責任部門為辦公室，完成時間為十二月。"
    ) * 4
    path = write(tmp_path, "plan.txt", traditional.encode("big5"))
    text = read_document(path)
    assert text.notes, "a guessed encoding must be reported"
    assert "推测" in text.notes[0]
    assert "政務公開" in text.lines()[0]


def test_slightly_damaged_gbk_is_read_with_a_note(tmp_path: Path) -> None:
    data = (PLAN_TEXT * 30).encode("gbk")[:-2]  # cut in the middle of "施"
    text = read_document(write(tmp_path, "plan.txt", data))
    assert text.lines()[0] == "一、总体要求"
    assert any("无法识别" in note for note in text.notes)


def test_utf16_without_bom_cut_off(tmp_path: Path) -> None:
    data = PLAN_TEXT.encode("utf-16-le")[:-1]
    text = read_document(write(tmp_path, "plan.txt", data))
    assert text.lines() == ["一、总体要求", "1.加强政务公开" + PLAN_LINE, "二、保障措施"]
    assert text.notes


def test_newlines_normalised_and_paragraphs_grouped(tmp_path: Path) -> None:
    data = "第一行\r\n第一段续行\r\n\r\n第二段\r第三行\n".encode()
    text = read_document(write(tmp_path, "plan.txt", data))
    assert text.blocks == ("第一行\n第一段续行", "第二段\n第三行")
    assert text.lines() == ["第一行", "第一段续行", "第二段", "第三行"]


def test_binary_txt(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 40
    err = read_error(write(tmp_path, "plan.txt", junk))
    assert err.code == "binary"


def test_csv_becomes_a_table(tmp_path: Path) -> None:
    data = "序号,任务,责任部门\n1,加强政务公开,办公室\n".encode("gbk")
    text = read_document(write(tmp_path, "tasks.csv", data))
    (table,) = tables(text)
    assert table.rows[1] == ("1", "加强政务公开", "办公室")


# --- docx ------------------------------------------------------------------------------------


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("2024年工作要点")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "横向合并"
    table.cell(0, 2).text = "表头"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "加强政务公开"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "办公室"
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "推进依法行政"
    document.add_paragraph("其他事项" + PLAN_LINE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_order_and_merged_cells(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "plan.docx", make_docx()))
    assert text.source_format == "docx"
    assert text.blocks[0] == "2024年工作要点"
    assert isinstance(text.blocks[1], Table)
    assert text.blocks[2] == "其他事项" + PLAN_LINE

    table = text.blocks[1]
    assert table.rows == (
        ("横向合并", "横向合并", "表头"),
        ("1", "加强政务公开", "办公室"),
        ("2", "推进依法行政", "办公室"),
    )
    assert table.merged == frozenset({(0, 1), (2, 2)})
    lines = text.lines()
    assert lines.count("横向合并 | 表头") == 1
    assert sum(line.count("办公室") for line in lines if "|" in line) == 1


def test_docx_nested_table_flattened_into_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "任务"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "牵头：办公室"
    inner.cell(0, 1).text = "配合：法规处"
    out = io.BytesIO()
    document.save(out)
    text = read_document(write(tmp_path, "nested.docx", out.getvalue()))
    (table,) = tables(text)
    assert table.rows == (("任务", "牵头：办公室 | 配合：法规处"),)


def test_docx_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("加强政务公开", style="List Number")
    document.add_paragraph("推进依法行政", style="List Number")
    out = io.BytesIO()
    document.save(out)
    text = read_document(write(tmp_path, "numbered.docx", out.getvalue()))
    assert text.lines() == ["1.加强政务公开", "2.推进依法行政"]


def test_docx_chinese_list_numbers(tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    document = docx.Document()
    for title in ["总体要求", "重点任务", "保障措施"]:
        document.add_paragraph(title, style="List Number")
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == "5")
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = next(lv for lv in abstract.findall(qn("w:lvl")) if lv.get(qn("w:ilvl")) == "0")
    level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
    level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")
    out = io.BytesIO()
    document.save(out)
    text = read_document(write(tmp_path, "numbered.docx", out.getvalue()))
    assert text.lines() == ["一、总体要求", "二、重点任务", "三、保障措施"]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (101, "一百零一"),
        (110, "一百一十"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    from desktop_app.plans.readers.word_numbering import zh_number as _zh_number

    assert _zh_number(n) == expected


def test_docx_alt_chunk_html(tmp_path: Path) -> None:
    # Office systems often build a .docx around an imported HTML "altChunk".
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("通知")
    html = "<html><head><meta charset=gb2312></head><body><p>一、加强政务公开</p></body></html>"
    part = Part(PackURI("/word/chunk1.htm"), "text/html", html.encode("gbk"), document.part.package)
    rel_id = document.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), rel_id)
    document.paragraphs[-1]._p.addnext(chunk)
    out = io.BytesIO()
    document.save(out)
    text = read_document(write(tmp_path, "chunk.docx", out.getvalue()))
    assert text.lines() == ["通知", "一、加强政务公开"]


def test_docm_is_read(tmp_path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            dst.writestr(info, content)
    text = read_document(write(tmp_path, "plan.docm", out.getvalue()))
    assert text.blocks[0] == "2024年工作要点"


def test_wps_that_is_really_docx(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "plan.wps", make_docx()))
    assert text.blocks[0] == "2024年工作要点"
    assert text.notes == ()


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = make_docx()
    err = read_error(write(tmp_path, "plan.docx", data[: len(data) // 2]))
    assert err.code == "corrupt"
    assert "损坏" in err.message_zh


def test_docx_with_broken_xml_is_corrupt(tmp_path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                content = content[: len(content) // 2]
            dst.writestr(info, content)
    err = read_error(write(tmp_path, "plan.docx", out.getvalue()))
    assert err.code == "corrupt"


def test_zip_bomb_docx_is_rejected_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml" PartName="/word/document.xml"/></Types>',
        )
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    err = read_error(path)
    assert err.code == "zip_bomb"
    assert time.monotonic() - started < 2


def test_encrypted_office_file(tmp_path: Path) -> None:
    # Password-protected .docx/.xlsx are OLE2 containers with an EncryptedPackage stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0\0"
        + b"\0" * 512
    )
    err = read_error(write(tmp_path, "plan.docx", data))
    assert err.code == "encrypted"
    assert "密码" in err.message_zh


def test_a_big5_plan_is_read_as_big5_and_said_to_be_a_guess(tmp_path: Path) -> None:
    """Big5 bytes are valid GBK too: read as GBK they give kana and rare hanzi, silently."""
    plan = (
        "2024年某市司法局工作要點\n一、重點工作\n"
        "1. 完成年度總結，推進依法行政，加強法治政府建設。（牽頭部門：辦公室。完成時間：12月）\n"
        "2. 深入開展普法宣傳教育活動。（牽頭部門：普法處。完成時間：6月）\n"
    )
    text = read_document(write(tmp_path, "plan.txt", plan.encode("big5")))
    assert text.lines()[0] == "2024年某市司法局工作要點"
    assert any("Big5" in note for note in text.notes)


def test_a_gbk_plan_with_a_box_drawn_table_stays_gbk(tmp_path: Path) -> None:
    plan = "2024年工作要点\n┌────┬────┐\n│任务│时间│\n├────┼────┤\n│总结│12月│\n└────┴────┘\n"
    text = read_document(write(tmp_path, "plan.txt", plan.encode("gbk")))
    assert text.lines()[0] == "2024年工作要点" and not text.notes


# --- xlsx ------------------------------------------------------------------------------------


def test_xlsx_merged_cells_and_values(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "2024年重点任务分解表"
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "任务", "责任部门", "完成时间"])
    sheet.append([1.0, "加强政务公开", "办公室", dt.datetime(2024, 12, 31)])
    sheet.append([2, "推进依法行政", None, dt.date(2024, 6, 30)])
    sheet.merge_cells("C3:C4")
    sheet["E10"] = None  # an empty stored cell must not extend the table
    out = io.BytesIO()
    workbook.save(out)
    text = read_document(write(tmp_path, "tasks.xlsx", out.getvalue()))
    (table,) = tables(text)
    assert table.rows == (
        ("2024年重点任务分解表",) * 4,
        ("序号", "任务", "责任部门", "完成时间"),
        ("1", "加强政务公开", "办公室", "2024年12月31日"),
        ("2", "推进依法行政", "办公室", "2024年6月30日"),
    )
    assert table.merged == frozenset({(0, 1), (0, 2), (0, 3), (3, 2)})
    assert text.lines()[0] == "2024年重点任务分解表"
    assert text.lines()[3] == "2 | 推进依法行政 | 2024年6月30日"


def _with_cached_result(xlsx: bytes, formula: str, value: str) -> bytes:
    """The workbook as Excel saves it: the formula ``formula`` with its result ``value``
    (openpyxl writes formulas without results)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{value}</v>".encode()
                ).replace(
                    f"<f>{formula}</f>".encode() + b"</c>",
                    f"<f>{formula}</f><v>{value}</v></c>".encode(),
                )
            target.writestr(item, data)
    return out.getvalue()


def test_xlsx_formulas_dates_and_formulas_without_results(tmp_path: Path) -> None:
    """A =DATE() deadline is a date, not "45565"; a formula saved without its result (a
    program that does not calculate) is said, not dropped silently."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "任务", "责任部门", "完成时间"])
    sheet.append([1, "加强政务公开", "办公室", "=DATE(2024,9,30)"])
    sheet.append([2, '=CONCATENATE("推进","依法行政")', "法规处", "12月"])
    out = io.BytesIO()
    workbook.save(out)
    data = _with_cached_result(out.getvalue(), "DATE(2024,9,30)", "45565")
    text = read_document(write(tmp_path, "tasks.xlsx", data))
    (table,) = tables(text)
    assert table.rows[1] == ("1", "加强政务公开", "办公室", "2024年9月30日")
    assert table.rows[2] == ("2", "", "法规处", "12月")
    [note] = [n for n in text.notes if "公式" in n]
    assert "Sheet!B3" in note and "没有保存计算结果" in note


def test_xlsm_is_read(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "任务"
    out = io.BytesIO()
    workbook.save(out)
    text = read_document(write(tmp_path, "tasks.xlsm", out.getvalue()))
    assert text.lines() == ["任务"]


# --- OFD -------------------------------------------------------------------------------------

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd_page(objects: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>'


def text_object(x: float, y: float, text: str) -> str:
    return (
        f'<ofd:TextObject ID="1" Boundary="{x} {y} 100 10" Font="1" Size="5">'
        f'<ofd:TextCode X="0" Y="4">{text}</ofd:TextCode></ofd:TextObject>'
    )


def make_ofd(pages: list[str], ofd_xml: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(
            "OFD.xml",
            ofd_xml
            or f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0">'
            "<ofd:DocBody><ofd:DocInfo/><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            "</ofd:DocBody></ofd:OFD>",
        )
        page_refs = "".join(
            f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
            for i in range(len(pages))
        )
        zf.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
            f"<ofd:CommonData/><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>",
        )
        for i, page in enumerate(pages):
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", page)
    return out.getvalue()


def test_ofd_two_pages_in_order(tmp_path: Path) -> None:
    page1 = ofd_page(
        # Deliberately out of reading order in the XML: lines sort by y, then x.
        text_object(40, 40, "政务公开")
        + text_object(20, 40, "一、加强")
        + text_object(20, 20, "2024年工作要点")
    )
    page2 = ofd_page(text_object(20, 20, PLAN_LINE))
    text = read_document(write(tmp_path, "plan.ofd", make_ofd([page1, page2])))
    assert text.source_format == "ofd"
    assert text.lines() == ["2024年工作要点", "一、加强政务公开", PLAN_LINE]


def test_ofd_wide_gap_becomes_a_space(tmp_path: Path) -> None:
    page = ofd_page(text_object(20, 20, "上海市司法局") + text_object(150, 20, "2024年4月30日"))
    text = read_document(write(tmp_path, "plan.ofd", make_ofd([page])))
    assert text.lines() == ["上海市司法局 2024年4月30日"]


def test_ofd_without_namespace(tmp_path: Path) -> None:
    page = ofd_page(text_object(20, 20, "任务")).replace("ofd:", "").replace(f" {NS}", "")
    text = read_document(write(tmp_path, "plan.ofd", make_ofd([page])))
    assert text.lines() == ["任务"]


def test_ofd_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<ofd:Page {NS}><ofd:Content><ofd:Layer>"
        '<ofd:TextObject Boundary="0 0 1 1"><ofd:TextCode X="0" Y="0">&lol2;</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    err = read_error(write(tmp_path, "plan.ofd", make_ofd([laughs])))
    assert err.code == "corrupt"


def test_ofd_missing_page_is_corrupt(tmp_path: Path) -> None:
    data = make_ofd([ofd_page(text_object(0, 0, "任务"))])
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if "Page_0" not in info.filename:
                dst.writestr(info, src.read(info))
    err = read_error(write(tmp_path, "plan.ofd", out.getvalue()))
    assert err.code == "corrupt"


# --- PDF -------------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[str]], **canvas_kwargs: object) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), **canvas_kwargs)  # type: ignore[arg-type]
    for lines in pages:
        c.setFont("STSong-Light", 14)
        y = 780
        for line in lines:
            c.drawString(72, y, line)
            y -= 24
        c.showPage()
    c.save()
    return path


def test_pdf_text_in_page_order(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "plan.pdf",
        [["2024年工作要点", "一、加强政务公开", "— 1 —"], [PLAN_LINE, "— 2 —"]],
    )
    text = read_document(path)
    assert text.source_format == "pdf"
    assert text.lines() == [
        "2024年工作要点",
        "一、加强政务公开",
        "— 1 —",
        PLAN_LINE,
        "— 2 —",
    ]


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (200, 100), "white")
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(image), 72, 600, width=400, height=200)
    c.showPage()
    c.save()
    err = read_error(path)
    assert err.code == "no_text_layer"
    assert "扫描件" in err.message_zh


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "secret.pdf", [["机密文件内容"]], encrypt="pw")
    err = read_error(path)
    assert err.code == "encrypted"
    assert "密码" in err.message_zh


def test_truncated_pdf_is_an_error(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [["一、加强政务公开"] * 20])
    data = path.read_bytes()
    err = read_error(write(tmp_path, "cut.pdf", data[: len(data) // 3]))
    assert err.code in {"corrupt", "no_text_layer"}


def test_pdf_page_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 1)
    path = make_pdf(tmp_path / "plan.pdf", [["第一页内容足够长的文字"], ["第二页"]])
    assert read_error(path).code == "too_large"


def test_pdf_decompression_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_INFLATED_BYTES", 5 * 1024 * 1024)
    packer = zlib.compressobj()
    stream = b"".join(packer.compress(b"\0" * (1024 * 1024)) for _ in range(20)) + packer.flush()
    pdf = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\n"
        b"stream\n" + stream + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    started = time.monotonic()
    err = read_error(write(tmp_path, "bomb.pdf", pdf))
    assert err.code == "too_large"
    assert time.monotonic() - started < 5


def test_pdf_that_is_really_html(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>登录超时，请重新登录</p></body></html>"
    err = read_error(write(tmp_path, "plan.pdf", page.encode()))
    assert err.code == "wrong_format"
    assert "网页" in err.message_zh


def test_pdf_with_junk_bytes_is_corrupt(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "plan.pdf", bytes(range(256)) * 8))
    assert err.code == "corrupt"


# --- content versus extension ----------------------------------------------------------------


def test_docx_that_is_really_plain_text(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "plan.docx", PLAN_TEXT.encode("utf-8")))
    assert err.code == "wrong_format"
    assert ".txt" in err.message_zh


def test_docx_that_is_really_a_pdf_is_read_with_a_note(tmp_path: Path) -> None:
    line = "一、加强政务公开，推进决策公开、执行公开"
    pdf = make_pdf(tmp_path / "x.pdf", [[line]])
    text = read_document(write(tmp_path, "plan.docx", pdf.read_bytes()))
    assert text.lines() == [line]
    assert any("PDF" in note for note in text.notes)


def test_unknown_format(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    err = read_error(write(tmp_path, "plan.png", png))
    assert err.code == "unknown_format"
    assert err.message_zh.startswith("无法识别的文件格式：plan.png")
    assert ".ofd" in err.message_zh


def test_plain_zip_is_unknown(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("a.txt", "x")
    assert read_error(write(tmp_path, "plan.zip", out.getvalue())).code == "unknown_format"


# --- files that cannot be opened at all ------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert read_error(tmp_path / "nope.docx").code == "not_found"


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.docx").mkdir()
    assert read_error(tmp_path / "folder.docx").code == "not_a_file"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "plan.txt", b"text")
    if os.name == "posix" and os.geteuid() != 0:
        path.chmod(0)
    else:
        # root ignores file modes; simulate the OS refusing instead.
        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    try:
        assert read_error(path).code == "permission"
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_empty_file(tmp_path: Path) -> None:
    assert read_error(write(tmp_path, "plan.docx", b"")).code == "empty"


def test_document_without_text_is_empty(tmp_path: Path) -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    assert read_error(write(tmp_path, "blank.docx", out.getvalue())).code == "empty"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    assert read_error(write(tmp_path, "plan.txt", b"x" * 101)).code == "too_large"


def test_text_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 50)
    assert read_error(write(tmp_path, "plan.txt", ("任务" * 40).encode())).code == "too_large"


# --- HTML, RTF and legacy formats ------------------------------------------------------------

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<style>p {margin:0}</style><title>标题不读</title></head>
<body><div class=WordSection1>
<p class=MsoNormal>2024年工作要点<o:p></o:p></p>
<p class=MsoNormal>一、加强政务公开，推进决策公开、执行公开、管理公开、
服务公开、结果公开。</p>
<table><tr><td rowspan=2>办公室</td><td>任务一</td></tr><tr><td>任务二</td></tr></table>
<p>其他&nbsp;事项</p>
</div></body></html>
"""


def test_html_renamed_doc(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.doc", WORD_HTML.encode("gbk"))
    text = read_document(path, soffice=None)
    assert text.source_format == "html"
    assert text.blocks[0] == "2024年工作要点"
    # Word's HTML wraps lines inside Chinese text; the break is not a space.
    assert (
        text.blocks[1] == "一、加强政务公开，推进决策公开、执行公开、管理公开、服务公开、结果公开。"
    )
    table = text.blocks[2]
    assert isinstance(table, Table)
    assert table.rows == (("办公室", "任务一"), ("办公室", "任务二"))
    assert table.merged == frozenset({(1, 0)})
    assert text.blocks[3] == "其他 事项"
    assert "标题不读" not in text.lines()


def test_mht_renamed_doc(tmp_path: Path) -> None:
    html = "<html><body><p>一、加强政务公开</p></body></html>".encode("gbk")
    import quopri

    body = quopri.encodestring(html).decode("ascii")
    mht = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n'
        "------=_NextPart\r\n"
        'Content-Type: text/html; charset="gb2312"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{body}\r\n"
        "------=_NextPart--\r\n"
    )
    text = read_document(write(tmp_path, "plan.doc", mht.encode("ascii")))
    assert text.lines() == ["一、加强政务公开"]


def fake_ole2(stream: str) -> bytes:
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + stream.encode("utf-16-le")
        + b"\0\0"
        + b"\0" * 512
    )


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conversion, "find_soffice", lambda: None)


@pytest.mark.usefixtures("no_soffice")
def test_doc_without_libreoffice_needs_conversion(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "plan.doc", fake_ole2("WordDocument")))
    assert err.code == "needs_conversion"
    assert "另存为" in err.message_zh
    assert ".docx" in err.message_zh


@pytest.mark.usefixtures("no_soffice")
def test_xls_without_libreoffice_needs_conversion(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "tasks.xls", fake_ole2("Workbook")))
    assert err.code == "needs_conversion"
    assert ".xlsx" in err.message_zh


@pytest.mark.usefixtures("no_soffice")
def test_rtf_without_libreoffice(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "plan.doc", rb"{\rtf1\ansi\ansicpg936 hello}"))
    assert err.code == "needs_conversion"
    assert "RTF" in err.message_zh


def test_nonexistent_soffice_path_means_not_installed(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.doc", fake_ole2("WordDocument"))
    err = read_error(path, soffice=str(tmp_path / "no-such-soffice"))
    assert err.code == "needs_conversion"


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake_soffice.py"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, shutil, sys, time\n"
        "args = sys.argv[1:]\n"
        "assert '--headless' in args\n"
        "assert any(a.startswith('-env:UserInstallation=file://') for a in args)\n"
        "target = args[args.index('--convert-to') + 1]\n"
        "outdir = args[args.index('--outdir') + 1]\n"
        "source = args[-1]\n"
        "stem = os.path.splitext(os.path.basename(source))[0]\n" + body,
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


@pytest.mark.skipif(sys.platform == "win32", reason="shebang scripts are POSIX-only")
def test_doc_converted_by_libreoffice(tmp_path: Path) -> None:
    prepared = write(tmp_path, "prepared.docx", make_docx())
    soffice = fake_soffice(
        tmp_path,
        f"shutil.copy({str(prepared)!r}, os.path.join(outdir, stem + '.' + target))\n",
    )
    text = read_document(write(tmp_path, "plan.doc", fake_ole2("WordDocument")), soffice=soffice)
    assert text.blocks[0] == "2024年工作要点"
    assert text.source_format == "doc"
    assert any("LibreOffice" in note for note in text.notes)


@pytest.mark.skipif(sys.platform == "win32", reason="shebang scripts are POSIX-only")
def test_conversion_failure(tmp_path: Path) -> None:
    soffice = fake_soffice(
        tmp_path, "sys.stderr.write('Error: source file could not be loaded')\nsys.exit(1)\n"
    )
    err = read_error(write(tmp_path, "plan.doc", fake_ole2("WordDocument")), soffice=soffice)
    assert err.code == "conversion_failed"


@pytest.mark.skipif(sys.platform == "win32", reason="shebang scripts are POSIX-only")
def test_conversion_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "CONVERSION_TIMEOUT_S", 1.0)
    soffice = fake_soffice(tmp_path, "time.sleep(60)\n")
    started = time.monotonic()
    err = read_error(write(tmp_path, "plan.doc", fake_ole2("WordDocument")), soffice=soffice)
    assert err.code == "conversion_failed"
    assert "秒" in err.message_zh
    assert time.monotonic() - started < 15


def test_xls_that_is_really_html(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><th>任务</th><th colspan=2>责任部门</th></tr>"
        "<tr><td>加强政务公开</td><td>办公室</td><td>法规处</td></tr>"
        "</table></body></html>"
    )
    text = read_document(write(tmp_path, "tasks.xls", html.encode()))
    (table,) = tables(text)
    assert table.rows == (("任务", "责任部门", "责任部门"), ("加强政务公开", "办公室", "法规处"))
    assert table.merged == frozenset({(0, 2)})


def test_doc_that_is_really_text_is_read_with_a_note(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "plan.doc", PLAN_TEXT.encode("gbk")))
    assert text.lines()[0] == "一、总体要求"
    assert any("纯文本" in note for note in text.notes)


def test_xls_that_is_really_tab_separated(tmp_path: Path) -> None:
    data = "序号\t任务\t责任部门\n1\t加强政务公开\t办公室\n".encode("gbk")
    text = read_document(write(tmp_path, "tasks.xls", data))
    (table,) = tables(text)
    assert table.rows[1] == ("1", "加强政务公开", "办公室")
