"""The Qt binding keeps Python's reference counts: a console runs for a whole
shift, so a binding that leaks a reference per call would crash it within
minutes (PySide6 6.12.0 on Python 3.11 drops one on None per void call)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.save()
        painter.restore()
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2f4f3a"))
            painter.drawRect(QRect(0, 0, 10, 10))
            painter.restore()
        drift = sys.getrefcount(None) - before
    finally:
        painter.end()
    assert abs(drift) < 50, f"None's reference count moved by {drift} over 2,500 calls"
