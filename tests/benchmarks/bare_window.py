"""The yardstick for start-up time: a bare PySide6 main window that quits once painted."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = QuitAfterPaint()
window.installEventFilter(watcher)
window.resize(1280, 760)
window.show()
sys.exit(app.exec())
