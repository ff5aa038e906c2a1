"""Status colours and the small round badge icon (colour + glyph), shared by the registry's
obligations page, the inspection screens and the officer picker: a status is shown by shape and
text, never by colour alone."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

GREEN = "#2e7d32"
RED = "#c62828"
AMBER = "#b26a00"
GREY = "#757575"
BLUE = "#1565c0"


@lru_cache(maxsize=64)
def badge_icon(color: str, glyph: str = "", *, hollow: bool = False, size: int = 16) -> QIcon:
    """A small round badge (colour + glyph): status is shown by shape and text, not colour alone."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1, 1, size - 2, size - 2)
    if hollow:
        p.setPen(QPen(QColor(color), 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
    p.drawEllipse(rect)
    if glyph:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.7))
        p.setFont(font)
        p.setPen(QColor(color) if hollow else QColor("white"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return QIcon(pix)
