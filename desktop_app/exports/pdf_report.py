"""Printable reports drawn by Qt (``QPdfWriter`` with a ``QTextDocument``; no browser): a
department's progress report, or the year-end completion summary of a whole plan grouped by
its sections, with a chart of tasks due and done per month and the completion rate per
department. Chinese is set in a CJK font found on the system and embedded by Qt."""

from __future__ import annotations

import html
import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from db.repository import section_titles
from desktop_app.colors import STATE_COLORS
from desktop_app.exports.ledger import STATE_ZH, Ledger, LedgerRow

# The first of these the system has sets the report (Windows, then Linux and macOS).
CJK_FONTS = (
    "Microsoft YaHei",
    "SimSun",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
)
CHART = "chart://months"
PAGE_POINTS = ((210 - 30) / 25.4 * 72, (297 - 30) / 25.4 * 72)  # A4 within 15 mm margins


class NoChineseFont(RuntimeError):
    """No CJK font is installed: the report would print empty boxes."""


def _application() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:  # the command line: fonts need an application, no screen
        app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


def chinese_font() -> str:
    families = set(QFontDatabase.families())
    for name in CJK_FONTS:
        if name in families:
            return name
    raise NoChineseFont("no CJK font")


def write_pdf(ledger: Ledger, path: Path, *, summary: bool = False) -> Path:
    """The department report (``summary`` False) or the plan's year-end summary."""
    _application()
    family = chinese_font()
    writer = QPdfWriter(str(path))
    writer.setTitle(ledger.title)
    writer.setCreator("工作要点督办提醒")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(QFont(family, 10))
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl(CHART), _chart(ledger, family)
    )
    document.setHtml(_summary_html(ledger) if summary else _department_html(ledger))
    # Laid out on A4 less the margins, in points; print_ scales it onto the writer's pages.
    document.setPageSize(QSizeF(PAGE_POINTS[0], PAGE_POINTS[1]))
    document.print_(writer)
    return path


def _day(ledger: Ledger) -> str:
    day = ledger.as_of
    return f"{day.year}年{day.month}月{day.day}日"


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _counts_html(ledger: Ledger) -> str:
    states = Counter(row.state for row in ledger.rows)
    parts = [f"共 {len(ledger.rows)} 项"] + [
        f'<span style="color:{STATE_COLORS[s]}">{STATE_ZH[s]} {n} 项</span>'
        for s, n in sorted(states.items(), key=lambda kv: -kv[1])
    ]
    return "，".join(parts)


def _task_table(rows: list[LedgerRow], with_owner: bool) -> str:
    head = "<tr><th>序号</th><th>任务</th>" + ("<th>责任部门</th>" if with_owner else "")
    head += "<th>完成时限</th><th>状态</th><th>最新进展</th></tr>"
    body = []
    for row in rows:
        t = row.task
        latest = row.notes[0].text if row.notes else ""
        color = STATE_COLORS.get(row.state, "#000000")
        owners = _esc("、".join((*t.lead, *t.responsible)))
        if t.leaders:  # people, after the departments
            owners += "<br>" + _esc("责任领导：" + "、".join(t.leaders))
        owner = f"<td>{owners}</td>" if with_owner else ""
        body.append(
            f"<tr><td>{row.number}</td><td>{_esc(t.text)}</td>{owner}<td>{_esc(row.deadline)}</td>"
            f'<td style="color:{color}">{STATE_ZH.get(row.state, row.state)}</td>'
            f"<td>{_esc(latest)}</td></tr>"
        )
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        + head
        + "".join(body)
        + "</table>"
    )


def _department_html(ledger: Ledger) -> str:
    who = "、".join(ledger.departments) or "全部部门"
    return (
        f"<h2 align='center'>{_esc(who)}工作进展报告</h2>"
        f"<p align='center'>{_esc(ledger.plan.title or '')}（截至{_day(ledger)}）</p>"
        f"<p>{_counts_html(ledger)}</p>"
        f'<p><img src="{CHART}" width="480"></p>' + _task_table(list(ledger.rows), with_owner=False)
    )


def _summary_html(ledger: Ledger) -> str:
    titles = section_titles(ledger.plan.id)
    parts = [
        f"<h2 align='center'>{_esc(ledger.plan.title or '')}完成情况总结</h2>",
        f"<p align='center'>截至{_day(ledger)}</p>",
        f"<p>{_counts_html(ledger)}</p>",
        f'<p><img src="{CHART}" width="480"></p>',
        "<h3>各部门完成率</h3>",
        '<table border="1" cellspacing="0" cellpadding="3"><tr><th>部门</th><th>任务</th>'
        "<th>已完成</th><th>逾期</th><th>完成率</th></tr>",
    ]
    for s in ledger.summary:
        parts.append(
            f"<tr><td>{_esc(s.name)}</td><td>{s.tasks}</td><td>{s.done}</td><td>{s.late}</td>"
            f"<td>{s.completion_rate:.0%}</td></tr>"
        )
    parts.append("</table>")
    sections: dict[str, list[LedgerRow]] = {}
    for row in ledger.rows:
        top = row.task.section_path[0] if row.task.section_path else ""
        sections.setdefault(top, []).append(row)
    for label, rows in sections.items():
        parts.append(f"<h3>{_esc(label)}{_esc(titles.get(label, ''))}</h3>")
        parts.append(_task_table(rows, with_owner=True))
    return "".join(parts)


def _chart(ledger: Ledger, family: str) -> QImage:
    """Tasks due and tasks done per month of the plan's year, as bars."""
    year = ledger.plan.year or ledger.as_of.year
    due = Counter(r.task.due.month for r in ledger.rows if r.task.due and r.task.due.year == year)
    done = Counter(
        r.task.completed_on.month
        for r in ledger.rows
        if r.task.completed_on and r.task.completed_on.year == year
    )
    width, height, left, bottom = 1200, 360, 60, 50
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(family, 14)
    painter.setFont(font)
    top = max([*due.values(), *done.values(), 1])
    plot_h = height - bottom - 40
    slot = (width - left - 20) / 12
    for month in range(1, 13):
        x = left + (month - 1) * slot
        for offset, (counts, color) in enumerate(((due, "#9aa0a6"), (done, STATE_COLORS["done"]))):
            bar = plot_h * counts[month] / top
            rect = QRectF(x + slot * (0.18 + 0.32 * offset), height - bottom - bar, slot * 0.3, bar)
            painter.fillRect(rect, QColor(color))
            if counts[month]:
                painter.drawText(
                    QRectF(rect.x() - 10, rect.y() - 24, rect.width() + 20, 22),
                    Qt.AlignmentFlag.AlignCenter,
                    str(counts[month]),
                )
        painter.drawText(
            QRectF(x, height - bottom + 6, slot, 24), Qt.AlignmentFlag.AlignCenter, f"{month}月"
        )
    painter.fillRect(QRectF(left, 8, 18, 18), QColor("#9aa0a6"))
    painter.drawText(QRectF(left + 24, 4, 200, 26), Qt.AlignmentFlag.AlignLeft, "当月到期")
    painter.fillRect(QRectF(left + 160, 8, 18, 18), QColor(STATE_COLORS["done"]))
    painter.drawText(QRectF(left + 184, 4, 200, 26), Qt.AlignmentFlag.AlignLeft, "当月完成")
    painter.end()
    return image
