"""The room grid: one tile per room, coloured by occupancy and housekeeping,
with the guest's name and the DND, message and VIP marks (one delegate over
the rooms model)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from switchboard.desk import RoomView
from ui.rows_model import ROW_ROLE

TILE = QSize(104, 54)

# (fill, ink) by what the room needs: let, ready to sell, to be cleaned, arriving, out of order.
FILLS = {
    "occupied": ("#1e63b5", "#ffffff"),
    "vacant_clean": ("#2e7d32", "#ffffff"),
    "vacant_dirty": ("#f0a020", "#1b1b1b"),
    "reserved": ("#6a3d9a", "#ffffff"),
    "out_of_order": ("#616161", "#e0e0e0"),
}


def fill_of(room: RoomView) -> tuple[str, str]:
    if room.occupancy == "vacant":
        return FILLS["vacant_clean" if room.housekeeping in ("clean", "inspected") else "vacant_dirty"]
    return FILLS.get(room.occupancy, FILLS["out_of_order"])


class RoomTileDelegate(QStyledItemDelegate):
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
        if room.dnd:  # a magenta band along the bottom: do not disturb
            painter.setBrush(QColor("#d81b60"))
            painter.drawRect(rect.adjusted(0, rect.height() - 5, 0, 0))
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
        marks = (
            ("★" * min(room.vip_level, 3))
            + (" ✉" if room.message_lamp else "")
            + (" DND" if room.dnd else "")
        )
        painter.setFont(base)
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, marks.strip())
        guest = QCoreApplication.translate("RoomTiles", "(privacy)") if room.privacy else room.guest
        metrics = painter.fontMetrics()
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            metrics.elidedText(guest or room.room_type.lower(), Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()
