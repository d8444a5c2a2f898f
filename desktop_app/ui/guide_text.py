"""帮助 → 使用指南: a short guide for a liaison, as rich text. The numbers it names (lead days,
backups kept, the window's shortcuts, the state colours and names) are read from where the
program keeps them, so the guide says what the program does."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication

from desktop_app.colors import STATE_COLORS
from desktop_app.ui.theme import state_name


def state_meanings(soon_workdays: int) -> dict[str, str]:
    """What each state means, by its key (a state the program no longer has is not shown:
    the list follows ``STATE_COLORS``)."""
    return {
        "late": QCoreApplication.translate("Guide", "已过完成时间，仍未完成。"),
        "lagging": QCoreApplication.translate(
            "Guide", "时间已过半（或一个时间节点已过），本月还没有记录进展。"
        ),
        "due_soon": QCoreApplication.translate("Guide", "完成时间在 {0} 个工作日之内。").format(
            soon_workdays
        ),
        "pending": QCoreApplication.translate("Guide", "还没有到期。"),
        "undated": QCoreApplication.translate("Guide", "原文没有写完成时间。"),
        "ongoing": QCoreApplication.translate("Guide", "持续推进或定期开展，没有单一的完成时间。"),
        "done": QCoreApplication.translate("Guide", "已完成。"),
        "cancelled": QCoreApplication.translate("Guide", "已取消，不再提醒。"),
    }


def _colours(soon_workdays: int) -> str:
    meanings = state_meanings(soon_workdays)
    rows = [
        f"<tr><td style='color:{colour}'>●</td><td><b>{escape(state_name(state))}</b></td>"
        f"<td>{escape(meanings[state])}</td></tr>"
        for state, colour in STATE_COLORS.items()
        if state in meanings and state_name(state)
    ]
    return "<table cellspacing='4'>" + "".join(rows) + "</table>"


def guide_html(
    keys: Mapping[str, str], lead_workdays: tuple[int, ...], backups_kept: int, soon_workdays: int
) -> str:
    """The guide; ``keys`` holds the window's shortcuts by action (``import``, ``search``,
    ``settings``, ``refresh``; an empty one is left out of the words)."""

    def key(name: str) -> str:
        return (
            QCoreApplication.translate("Guide", "（{0}）").format(keys[name])
            if keys.get(name)
            else ""
        )

    days = QCoreApplication.translate("Guide", "、").join(str(d) for d in lead_workdays)
    sections: list[tuple[str, str | list[str]]] = [
        (
            QCoreApplication.translate("Guide", "导入工作要点"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "文件 → 导入工作要点…{0}，或把文档直接拖进窗口。可以读取 .docx、.pdf、"
                    ".txt、.xlsx、.ofd；.doc 和 .wps 需要这台电脑装有 LibreOffice。",
                ).format(key("import")),
                QCoreApplication.translate(
                    "Guide",
                    "导入前的预览列出识别出的每项任务：牵头部门、责任部门和完成时间可以直接改，"
                    "有疑问的行会标出。以后导入同一计划的修订稿，已记录的状态和进展都会保留。",
                ),
            ],
        ),
        (
            QCoreApplication.translate("Guide", "选择我的部门"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "工具 → 我的部门…：选出您负责联络的部门（可以多选）。勾选“只看我的部门”后，"
                    "中间只列这些部门的任务；到期提醒和导出的台账也只含它们。"
                    "写给“各部门”等集体的任务会包括在内。",
                ),
            ],
        ),
        (QCoreApplication.translate("Guide", "颜色的含义"), _colours(soon_workdays)),
        (
            QCoreApplication.translate("Guide", "到期提醒"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "默认在完成时间前 {0} 个工作日（按法定节假日和调休计算）和到期当月的最后一个"
                    "工作日弹出提醒；同一天到期的任务合在一条提醒里。点击提醒可逐项选择“知道了”"
                    "或“稍后提醒”。关闭窗口后程序仍在任务栏通知区域运行，照常提醒。",
                ).format(days),
                QCoreApplication.translate(
                    "Guide",
                    "工具 → 设置…{0} → 提醒：提前的天数、每天提醒的时间、免打扰时段和逾期任务的"
                    "再次提醒；“节假日”页可以导入国务院办公厅的放假通知。",
                ).format(key("settings")),
            ],
        ),
        (
            QCoreApplication.translate("Guide", "记录进展"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "选中一项任务，在任务详情中修改状态（未开始、进行中、已完成、已取消），"
                    "写下进展说明后按“添加进展”。每条进展和每次修改都记入变更记录。"
                    "搜索{0}可以按任务内容和部门查找。",
                ).format(key("search")),
            ],
        ),
        (
            QCoreApplication.translate("Guide", "导出台账"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "文件 → 导出台账…：把当前计划（选了我的部门时只含这些部门）导出为 Excel、"
                    "Word、CSV、PDF 进展报告或日历文件，列出序号、任务内容、牵头部门、责任部门、"
                    "完成时限、状态和进展情况，便于季度末和年底报送办公室。",
                ),
            ],
        ),
        (
            QCoreApplication.translate("Guide", "备份"),
            [
                QCoreApplication.translate(
                    "Guide",
                    "每次导入、删除计划和升级前都会自动备份，保留最近 {0} 份。工具 → 设置… → "
                    "备份与恢复：可以立即备份，或从所选备份恢复（恢复前的数据会先另存一份）。"
                    "数据只保存在这台电脑上，数据文件夹在 设置 → 常规 中。",
                ).format(backups_kept),
            ],
        ),
    ]
    parts = []
    for title, body in sections:  # a list of paragraphs, or rich text of its own
        parts.append(f"<h3>{escape(title)}</h3>")
        parts += [body] if isinstance(body, str) else [f"<p>{escape(p)}</p>" for p in body]
    return "".join(parts)
