#!/usr/bin/env python3
"""Draw the program's icon with Qt and write resources/icons/app.png and app.ico.

    python3 resources/icons/make_icons.py

A deep red rounded square holding a white calendar with a red check mark, drawn
afresh at every size (no downscaling blur). The .ico holds PNG images (allowed since
Windows Vista; Qt's own .ico writer stores a single image only), which plyer's
Windows balloon and PyInstaller's ``icon=`` both load.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

RED = "#c62828"
DEEP_RED = "#8e0000"
GOLD = "#ffca28"
WHITE = "#ffffff"


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def draw_icon(size: int):
    """The icon as a ``QImage`` of ``size``×``size``, drawn on a 256-unit canvas."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    painter.setPen(Qt.PenStyle.NoPen)

    gradient = QLinearGradient(QPointF(0, 8), QPointF(0, 248))
    gradient.setColorAt(0, QColor(RED))
    gradient.setColorAt(1, QColor(DEEP_RED))
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52)

    page = QRectF(52, 62, 152, 146)
    body = QPainterPath()
    body.addRoundedRect(page, 20, 20)
    painter.setBrush(QColor(WHITE))
    painter.drawPath(body)
    header = QPainterPath()
    header.addRect(QRectF(page.left(), page.top(), page.width(), 40))
    painter.setBrush(QColor(GOLD))
    painter.drawPath(body.intersected(header))

    painter.setBrush(QColor(DEEP_RED))
    for x in (88, 154):  # the binding rings
        painter.drawRoundedRect(QRectF(x, 44, 14, 38), 7, 7)

    pen = QPen(QColor(RED), 20, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(90, 152))
    check.lineTo(QPointF(118, 178))
    check.lineTo(QPointF(168, 124))
    painter.drawPath(check)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file of PNG images: ``(size, png)`` pairs, sizes from 1 to 256."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = [], []
    for size, png in pngs:
        if not 1 <= size <= 256 or not png.startswith(PNG_SIGNATURE):
            raise ValueError(f"an icon image must be a PNG of 1 to 256 pixels, got {size}")
        dim = size % 256  # 0 means 256
        # width, height, palette colours, reserved, planes, bits per pixel, bytes, offset
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        images.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(images)


def read_ico(data: bytes) -> list[tuple[int, int, bytes]]:
    """The ``(width, height, image bytes)`` of each entry of an ICO file; raises ValueError."""
    if len(data) < 6:
        raise ValueError("too short for an ICO header")
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an ICO file")
    out = []
    for i in range(count):
        w, h, _colours, _reserved, _planes, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        if offset + length > len(data):
            raise ValueError(f"entry {i} runs past the end of the file")
        out.append((w or 256, h or 256, data[offset : offset + length]))
    return out


def write_icons(folder: Path = HERE) -> tuple[Path, Path]:
    _app()
    folder.mkdir(parents=True, exist_ok=True)
    png_path, ico_path = folder / "app.png", folder / "app.ico"
    png_path.write_bytes(png_bytes(draw_icon(PNG_SIZE)))
    ico_path.write_bytes(ico_bytes([(s, png_bytes(draw_icon(s))) for s in ICO_SIZES]))
    return png_path, ico_path


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
