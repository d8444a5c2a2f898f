"""The words of the revision diff: the counts, one line per changed task, and the tasks a
revision cannot tell apart.

Shared by the preview (before importing) and the summary (after). The strings keep the
dialog's translation context, ``ImportWizard``, whose words they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.services.import_diff import Ambiguity, ImportResult, TaskDiff


def counts_text(result: ImportResult) -> str:
    """``新增 N 项，变更 N 项，删除 N 项，未变 N 项`` (restored and renumbered when there are any)."""
    text = QCoreApplication.translate(
        "ImportWizard", "新增 {0} 项，变更 {1} 项，删除 {2} 项，未变 {3} 项"
    ).format(
        result.count("added"), result.count("changed"), result.count("removed"), result.unchanged
    )
    if result.count("restored"):
        text += QCoreApplication.translate("ImportWizard", "，恢复 {0} 项").format(
            result.count("restored")
        )
    if result.corrected:
        text += QCoreApplication.translate("ImportWizard", "，您更正了 {0} 项").format(
            result.corrected
        )
    if result.renumbered:
        text += QCoreApplication.translate("ImportWizard", "（其中 {0} 项只是编号变了）").format(
            result.renumbered
        )
    return text


def _field_name(name: str) -> str:
    return {
        "text": QCoreApplication.translate("ImportWizard", "任务内容"),
        "lead": QCoreApplication.translate("ImportWizard", "牵头部门"),
        "responsible": QCoreApplication.translate("ImportWizard", "责任部门"),
        "deadline": QCoreApplication.translate("ImportWizard", "完成时间"),
        "leaders": QCoreApplication.translate("ImportWizard", "责任领导"),
    }.get(name, name)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ambiguity_line(a: Ambiguity) -> tuple[str, str]:
    """A line for tasks that only their labels tell apart, and its tooltip."""
    text = QCoreApplication.translate(
        "ImportWizard", "请核对：{0}（原第 {1} 项，修订稿第 {2} 项）无法区分"
    ).format(_short(a.text, 32), "、".join(a.stored_labels), "、".join(a.new_labels))
    tip = QCoreApplication.translate(
        "ImportWizard",
        "这些任务的内容、完成时间、责任部门和所在位置都相同，只有编号不同，"
        "而修订稿中的数量变了。程序按原来的顺序对应它们，记录的进度和备注可能落在了"
        "另一项上：导入后请打开这些任务核对。",
    )
    return text, tip


def diff_line(diff: TaskDiff) -> tuple[str, str]:
    """One line for the list of changes, and its tooltip."""
    kind = {
        "added": QCoreApplication.translate("ImportWizard", "新增"),
        "removed": QCoreApplication.translate("ImportWizard", "删除"),
        "restored": QCoreApplication.translate("ImportWizard", "恢复"),
        "changed": QCoreApplication.translate("ImportWizard", "变更"),
    }.get(diff.kind, diff.kind)
    if diff.kind != "changed" or not diff.changes:
        return QCoreApplication.translate("ImportWizard", "{0} {1}：{2}").format(
            kind, diff.label, _short(diff.text)
        ), diff.text
    parts, tips = [], [diff.text]
    for change in diff.changes:
        if change.field == "text":
            part = QCoreApplication.translate("ImportWizard", "任务内容有改动")
        else:
            part = QCoreApplication.translate("ImportWizard", "{0}：{1} → {2}").format(
                _field_name(change.field),
                change.old or QCoreApplication.translate("ImportWizard", "（无）"),
                change.new or QCoreApplication.translate("ImportWizard", "（无）"),
            )
        if change.kept_correction:
            part += QCoreApplication.translate("ImportWizard", "（保留您的更正）")
        parts.append(part)
        tips.append(
            QCoreApplication.translate("ImportWizard", "{0}：{1} → {2}").format(
                _field_name(change.field), change.old, change.new
            )
        )
    return QCoreApplication.translate("ImportWizard", "{0} {1}：{2}").format(
        kind, diff.label, "；".join(parts)
    ), "\n".join(tips)
