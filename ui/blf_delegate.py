"""Paints one lamp: a tile coloured by the lamp state, the extension, its label,
and the room marks (let, VIP, DND, message waiting).

State is never colour alone: each tile also carries a short state word, so a
colour-blind operator and a black-and-white screenshot read the same field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from switchboard.hotel import ExtensionKind
from switchboard.lamp_field import FieldLamp
from switchboard.pbx import LampState
from ui.blf_model import FIELD_ROLE, LAMP_ROLE
from ui.legend import LAMP_COLOURS, lamp_word

TILE = QSize(92, 50)

COLOURS = LAMP_COLOURS  # one colour language with the rooms page (ui/legend.py)
state_word = lamp_word


class BlfDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None, *, chinese_labels: bool = False) -> None:
        super().__init__(parent)
        self.chinese_labels = chinese_labels

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return TILE

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        lamp = index.data(FIELD_ROLE)
        state = index.data(LAMP_ROLE)
        if not isinstance(lamp, FieldLamp) or not isinstance(state, LampState):
            return
        # A DND room shows DND even while the PBX reports it idle.
        shown = LampState.DND if lamp.dnd and state is LampState.IDLE else state
        fill, ink = COLOURS[shown]
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 4, 4)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor("#ffeb3b"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)

        base: QFont = option.font
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
        inner = rect.adjusted(5, 2, -4, -2)
        painter.setPen(QColor(ink))
        painter.setFont(bold)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lamp.extension)
        painter.setFont(small)
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self._marks(lamp))
        label = self._label(lamp)
        metrics = painter.fontMetrics()
        word = state_word(shown)
        if shown is LampState.DND and getattr(index.model(), "dnd_console_only", False):
            word += "*"  # the console's DND only: the tooltip says the PBX still rings the room
        bottom = f"{word} · {label}" if label else word
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            metrics.elidedText(bottom, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()

    def _label(self, lamp: FieldLamp) -> str:
        if lamp.kind is ExtensionKind.ROOM:
            return ""  # the number is the room; the state word says the rest
        if self.chinese_labels and lamp.label_zh:
            return lamp.label_zh
        return lamp.label

    @staticmethod
    def _marks(lamp: FieldLamp) -> str:
        marks = ""
        if lamp.vip_level:
            marks += "★"
        if lamp.message_waiting:
            marks += "✉"
        if lamp.occupied:
            marks += "●"
        return marks
