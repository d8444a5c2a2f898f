"""The first page a new user sees: import a plan, or look at the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.theme import NOTE_COLOR, TEXT_COLOR, text_style


class WelcomePage(QWidget):
    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("工作要点督办提醒"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "把局里印发的工作要点（.docx、.doc、.wps、.pdf、.ofd、.xlsx、.txt）交给我：\n"
                "我列出每个部门每个月要完成的任务，到期前按工作日提醒您，\n"
                "并记录进展，方便向办公室报送台账。所有数据只保存在这台电脑上。"
            )
        )
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setStyleSheet(f"font-size: 11pt; color: {TEXT_COLOR};")
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("导入工作要点…"))
        self.import_button.setDefault(True)
        self.import_button.setMinimumSize(180, 44)
        self.import_button.setStyleSheet("font-size: 12pt;")
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = QPushButton(self.tr("查看示例"))
        self.sample_button.setMinimumSize(140, 44)
        self.sample_button.setStyleSheet("font-size: 12pt;")
        self.sample_button.clicked.connect(self.sample_requested)
        buttons.addWidget(self.import_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel(self.tr("也可以把文件直接拖到这个窗口里。"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet(text_style(NOTE_COLOR))
        layout.addWidget(hint)
        layout.addStretch(3)
