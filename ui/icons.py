"""Status marks drawn once: each has its own shape as well as its colour, never colour alone."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

COLORS = {
    "error": QColor("#c62828"),
    "warning": QColor("#b26a00"),
    "info": QColor("#1565c0"),
    "clean": QColor("#2e7d32"),
    "nothing": QColor("#9e9e9e"),
}
BACKGROUNDS = {
    "error": QColor("#fde0e0"),
    "warning": QColor("#fff1cc"),
    "info": QColor("#e3eefc"),
}
DERIVED = QColor("#757575")
SIZE = 16


@cache
def status_icon(kind: str) -> QIcon:
    """error: a cross in a disc; warning: a triangle; info: an i; clean: a tick; nothing: a ring."""
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = COLORS[kind]
    white = QPen(QColor("white"), 2)
    box = QRectF(1.5, 1.5, SIZE - 3, SIZE - 3)
    if kind == "error":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawEllipse(box)
        p.setPen(white)
        p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5))
        p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5))
    elif kind == "warning":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawPolygon(QPolygonF([QPointF(8, 1), QPointF(15, 14.5), QPointF(1, 14.5)]))
        p.setPen(white)
        p.drawLine(QPointF(8, 5.5), QPointF(8, 9.5))
        p.drawPoint(QPointF(8, 12))
    elif kind == "info":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawEllipse(box)
        p.setPen(white)
        p.drawLine(QPointF(8, 7), QPointF(8, 12))
        p.drawPoint(QPointF(8, 4.5))
    elif kind == "clean":
        p.setPen(QPen(color, 2.5))
        p.drawLine(QPointF(3, 8.5), QPointF(6.5, 12))
        p.drawLine(QPointF(6.5, 12), QPointF(13, 4))
    else:
        p.setPen(QPen(color, 1.5))
        p.drawEllipse(box.adjusted(2, 2, -2, -2))
    p.end()
    return QIcon(pix)


def worst(counts: tuple[int, int, int] | list[int]) -> str:
    """The mark of a unit from its (error, warning, info) counts."""
    if counts[0]:
        return "error"
    if counts[1]:
        return "warning"
    return "clean"
