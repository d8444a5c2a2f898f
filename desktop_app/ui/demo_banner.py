"""The banner of ``--demo`` above the pages: what is shown is the sample, in a temporary
folder deleted on exit, and a way to the real program to import one's own plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.theme import DEMO_BACKGROUND, DEMO_BORDER, NOTE_COLOR, text_style


class DemoBanner(QFrame):
    """Always shown in the demo's window (it has no 关闭: the window is a demo throughout)."""

    real_program_requested = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#demo_banner {{ background: {DEMO_BACKGROUND};"
            f" border: 1px solid {DEMO_BORDER}; border-radius: 4px; }}"
        )
        self.title_label = QLabel(self.tr("演示"))
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = QLabel(
            self.tr(
                "这里是内置的示例计划（已移到今年），存放在临时文件夹中；"
                "退出演示时连同在这里记录的进展一起删除，不会保存。"
            )
        )
        self.body_label.setWordWrap(True)
        self.folder_label = QLabel(self.tr("临时文件夹：{0}").format(folder))
        self.folder_label.setStyleSheet(text_style(NOTE_COLOR))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.body_label, self.folder_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is never markup
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(2)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.body_label, 1)
        texts.addLayout(heading)
        texts.addWidget(self.folder_label)
        self.real_button = QPushButton(self.tr("导入自己的工作要点…"))
        self.real_button.setToolTip(
            self.tr("退出演示，打开正式程序（数据保存在这台电脑上），在那里导入工作要点。")
        )
        self.real_button.clicked.connect(self.real_program_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.real_button, 0, Qt.AlignmentFlag.AlignVCenter)
