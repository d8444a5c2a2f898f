"""The ledger as a Word document: the same columns as the Excel ledger in an A4-landscape
table whose header row repeats on every page, for offices that collect ledgers in Word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from desktop_app.colors import STATE_BACKGROUNDS
from desktop_app.exports.ledger import LEADERS_COLUMN, Ledger

# Column widths in centimetres on A4 landscape (27.7 cm between 1 cm margins); a 责任领导
# column takes its room from the text and the progress.
WIDTHS_CM = {
    "序号": 1.0,
    "任务内容": 8.0,
    "牵头部门": 2.4,
    "责任部门": 3.0,
    "完成时限": 1.8,
    "状态": 2.0,
    "进展情况": 6.0,
    "完成日期": 1.8,
    "备注": 1.7,
}
WIDTHS_WITH_LEADERS_CM = WIDTHS_CM | {"任务内容": 7.0, "进展情况": 5.2, LEADERS_COLUMN: 1.8}
FONT = "SimSun"  # 宋体, as official tables are set; Word falls back where it is missing


def write_docx(ledger: Ledger, path: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.0))
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(9)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(ledger.title)
    run.bold = True
    run.font.size = Pt(14)
    columns = ledger.columns
    sizes = WIDTHS_WITH_LEADERS_CM if LEADERS_COLUMN in columns else WIDTHS_CM
    widths = [sizes[name] for name in columns]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, name in zip(header.cells, columns, strict=True):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in ledger.rows:
        cells = table.add_row().cells
        for index, value in enumerate(row.values(columns)):
            cells[index].text = value.isoformat() if isinstance(value, date) else str(value or "")
        background = STATE_BACKGROUNDS.get(row.state)
        if background:
            _shade(cells[columns.index("状态")], background.lstrip("#"))
    # The grid's widths (what LibreOffice reads) and each cell's (what Word reads).
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row_ in table.rows:
        for cell, width in zip(row_.cells, widths, strict=True):
            cell.width = Cm(width)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"导出于 {ledger.as_of:%Y-%m-%d}").font.color.rgb = RGBColor(0x5F, 0x63, 0x68)
    document.save(str(path))
    return path


def _repeat_as_header(row: object) -> None:
    """Word repeats a row marked ``tblHeader`` at the top of every page the table spans."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(cell: object, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color.upper())
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]
