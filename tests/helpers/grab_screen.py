"""``python3 grab_screen.py OUT.png``: the whole X screen of ``$DISPLAY`` as a PNG (what a
person would see; the installed-package tests take their screenshots with it)."""

import sys

from PySide6.QtGui import QGuiApplication

app = QGuiApplication([sys.argv[0], "-platform", "xcb"])
screen = app.primaryScreen()
if not screen.grabWindow(0).save(sys.argv[1]):
    sys.exit(f"cannot write {sys.argv[1]}")
