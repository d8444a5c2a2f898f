"""Page 3 of the import dialog: what the import did.

The plan imported or updated (under the title it has now, and the one it had when the
import renamed it), the counts, the backup taken before writing, and the
warnings still to check. Its words keep the dialog's translation context,
``ImportWizard``: they were the dialog's own before each page had a file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from desktop_app.plans.model import listed_warnings
from desktop_app.services.import_diff import ImportResult
from desktop_app.ui.import_wizard.looks import scaled_font
from desktop_app.ui.import_wizard.wording import counts_text

translate = QCoreApplication.translate


class SummaryPage(QWidget):
    """导入完成: the import's result in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(translate("ImportWizard", "导入完成"), self)
        heading.setFont(scaled_font(heading, scale=1.4, bold=True))
        self.summary_title = QLabel(self)
        self.summary_title.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.backup_label = QLabel(self)
        self.backup_label.setWordWrap(True)
        self.backup_label.setStyleSheet("color: palette(mid);")
        self.warnings_heading = QLabel(self)
        self.warning_list = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.backup_label)
        layout.addSpacing(8)
        layout.addWidget(self.warnings_heading)
        layout.addWidget(self.warning_list, 1)

    def show_result(self, result: ImportResult) -> None:
        unnamed = translate("ImportWizard", "未命名计划")
        title = result.title or unnamed
        if result.outcome == "created":
            text = translate("ImportWizard", "已导入新的工作要点“{0}”。").format(title)
        elif result.outcome == "updated":
            text = translate("ImportWizard", "已按修订稿更新“{0}”。").format(title)
        else:
            text = translate("ImportWizard", "“{0}”没有任何变化。").format(title)
        if result.renamed:
            text += translate("ImportWizard", "计划名称由“{0}”改为“{1}”。").format(
                result.stored_title or unnamed, title
            )
        self.summary_title.setText(text)
        self.summary_label.setText(counts_text(result))
        if result.backup is not None:
            self.backup_label.setText(
                translate("ImportWizard", "导入前已备份数据库：{0}").format(result.backup)
            )
        else:
            self.backup_label.clear()
        self.warning_list.clear()
        if result.warnings:
            self.warnings_heading.setText(
                translate("ImportWizard", "仍需核对的提示（{0} 项）：").format(len(result.warnings))
            )
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            for warning in listed_warnings(result.warnings):
                QListWidgetItem(icon, warning.message, self.warning_list)
        else:
            self.warnings_heading.setText(translate("ImportWizard", "没有仍需核对的提示。"))
        self.warning_list.setVisible(bool(result.warnings))
