"""The room grid: one tile per room, coloured by occupancy and housekeeping in the
colours of ``ui.legend``, with the guest's name (or the room type and state) and
the DND (with its end time), message and VIP marks (one delegate over the rooms
model)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from switchboard.desk import RoomView
from ui.legend import DND_COLOUR, ROOM_COLOURS, room_short_word, room_type_name
from ui.rows_model import ROW_ROLE

TILE = QSize(104, 60)


def state_of(room: RoomView) -> str:
    """The key of the room's colour and word in ``ui.legend``."""
    if room.occupancy == "vacant":
        return "vacant_clean" if room.housekeeping in ("clean", "inspected") else "vacant_dirty"
    return room.occupancy if room.occupancy in ROOM_COLOURS else "out_of_order"


def fill_of(room: RoomView) -> tuple[str, str]:
    return ROOM_COLOURS[state_of(room)]


class RoomTileDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None, *, dnd_ends: Callable[[], dict[str, datetime]] = dict) -> None:
        super().__init__(parent)
        self._ends = dnd_ends

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return TILE

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        room = index.data(ROW_ROLE)
        if not isinstance(room, RoomView):
            return
        fill, ink = fill_of(room)
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 4, 4)
        if room.dnd:  # magenta, as a DND lamp: a frame and a band along the bottom
            painter.setBrush(QColor(DND_COLOUR))
            painter.drawRect(rect.adjusted(0, rect.height() - 6, 0, 0))
            painter.setPen(QPen(QColor(DND_COLOUR), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            painter.setPen(Qt.PenStyle.NoPen)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#ffeb3b"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        base: QFont = option.font
        bold = QFont(base)
        bold.setBold(True)
        inner = rect.adjusted(5, 2, -4, -6)
        painter.setPen(QColor(ink))
        painter.setFont(bold)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, room.number)
        marks = ("★" * min(room.vip_level, 3)) + (" ✉" if room.message_lamp else "")
        painter.setFont(base)
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, marks.strip())
        metrics = painter.fontMetrics()
        if room.dnd:  # on a line of its own, with the time it ends
            end = self._ends().get(room.number)
            dnd = QCoreApplication.translate("RoomTiles", "DND")
            painter.setFont(bold)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{dnd} → {end:%H:%M}" if end else dnd,
            )
            painter.setFont(base)
        guest = QCoreApplication.translate("RoomTiles", "(privacy)") if room.privacy else room.guest
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            metrics.elidedText(
                guest or f"{room_type_name(room.room_type)} · {room_short_word(state_of(room))}",
                Qt.TextElideMode.ElideRight,
                inner.width(),
            ),
        )
        painter.restore()
