"""Handing over at the end of a shift, and taking over at the start of the next.

The outgoing operator adds a note; the console composes the rest from the data.
The incoming operator acknowledges the items, all at once or those ticked; every item's
acknowledgement is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from switchboard.handover import Handover, HandoverBook, HandoverItem, ItemKind
from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot
from ui.errors import attempt


def kind_label(kind: ItemKind) -> str:
    return {
        ItemKind.NOTE: QCoreApplication.translate("Handover", "Note"),
        ItemKind.WAKEUP_DUE: QCoreApplication.translate("Handover", "Wake-up due"),
        ItemKind.WAKEUP_ESCALATED: QCoreApplication.translate("Handover", "Wake-up NOT ANSWERED"),
        ItemKind.FOLLOW_UP: QCoreApplication.translate("Handover", "Follow-up"),
        ItemKind.MESSAGE: QCoreApplication.translate("Handover", "Message waiting"),
        ItemKind.DND: QCoreApplication.translate("Handover", "DND"),
        ItemKind.VIP_ARRIVAL: QCoreApplication.translate("Handover", "VIP arriving"),
        ItemKind.TIMED_DUTY: QCoreApplication.translate("Handover", "Timed duty"),
        ItemKind.EMERGENCY: QCoreApplication.translate("Handover", "Emergency call"),
    }[kind]


def shift_name(label: str) -> str:
    """``2026-11-20 night`` in the operator's language."""
    day, _, kind = label.partition(" ")
    names = {
        "early": QCoreApplication.translate("Handover", "early shift"),
        "mid": QCoreApplication.translate("Handover", "mid shift"),
        "night": QCoreApplication.translate("Handover", "night shift"),
    }
    return f"{day} {names.get(kind, kind)}".strip()


def _fill(template: str, *parts: str) -> str:
    for n, part in enumerate(parts, start=1):
        template = template.replace(f"%{n}", part)
    return template


def item_text(item: HandoverItem, *, chinese: bool = False) -> str:
    """One composed item said in the operator's language (the stored line is the English record)."""
    f = item.fields
    if not f:
        return item.text
    if item.kind in (ItemKind.WAKEUP_DUE, ItemKind.WAKEUP_ESCALATED):
        status = wakeup_status_word(f["status"])
        return _fill(
            QCoreApplication.translate("Handover", "%1 room %2 (%3, %4 attempts)"),
            f["time"],
            f["room"],
            status,
            f["attempts"],
        )
    if item.kind is ItemKind.MESSAGE:
        return _fill(
            QCoreApplication.translate("Handover", "room %1: from %2, taken %3"),
            f["room"],
            f["sender"],
            f["time"],
        )
    if item.kind is ItemKind.DND:
        if f["until"]:
            return _fill(
                QCoreApplication.translate("Handover", "room %1 on DND until %2"), f["room"], f["until"]
            )
        return _fill(QCoreApplication.translate("Handover", "room %1 on DND"), f["room"])
    if item.kind is ItemKind.VIP_ARRIVAL:
        template = QCoreApplication.translate("Handover", "VIP %1 %2, room %3, arrives %4")
        return _fill(template, f["level"], f["name"], f["room"], f["date"])
    if item.kind is ItemKind.TIMED_DUTY:
        return f"{f['time']} {item.text_zh if chinese and item.text_zh else f['name']}"
    if item.kind is ItemKind.EMERGENCY:
        template = QCoreApplication.translate("Handover", "%1 %2 dialled %3, acknowledged by %4")
        return _fill(template, f["time"], f["place"], f["number"], f["by"])
    if item.kind is ItemKind.FOLLOW_UP:
        text = f["text"]
        if f["room"]:
            text = _fill(QCoreApplication.translate("Handover", "room %1: %2"), f["room"], text)
        if f["due"]:
            text = _fill(QCoreApplication.translate("Handover", "%1, due %2"), text, f["due"])
        return text
    return item.text


def wakeup_status_word(status: str) -> str:
    return {
        "booked": QCoreApplication.translate("Handover", "booked"),
        "dialling": QCoreApplication.translate("Handover", "dialling"),
        "retry_wait": QCoreApplication.translate("Handover", "to be tried again"),
        "manual": QCoreApplication.translate("Handover", "on the manual list"),
        "handed_to_pbx": QCoreApplication.translate("Handover", "with the PBX"),
        "escalated": QCoreApplication.translate("Handover", "escalated"),
    }.get(status, status)


def _list() -> QListWidget:
    """A list whose items wrap: a long note is read whole, never cut at the edge."""
    items = QListWidget()
    items.setWordWrap(True)
    items.setTextElideMode(Qt.TextElideMode.ElideNone)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setResizeMode(QListWidget.ResizeMode.Adjust)
    items.setUniformItemSizes(False)
    return items


class HandOverDialog(QDialog):
    """The outgoing operator's side (not modal: the call keys work while it is open)."""

    def __init__(
        self,
        book: HandoverBook,
        shift: ShiftSlot,
        actor: Callable[[], Actor],
        parent: Any = None,
        *,
        chinese: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self._book = book
        self._shift = shift
        self._actor = actor
        self._chinese = chinese
        self.handover: Handover | None = None
        self.setWindowTitle(self.tr("Hand over the shift"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("handoverNote")
        self.note.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.note.setPlaceholderText(self.tr("What the next shift must know that is not in the lists"))
        self.items = _list()
        self.items.setObjectName("handoverItems")
        self.message = QLabel()
        self.message.setObjectName("handoverMessage")
        self.message.setWordWrap(True)
        compose = QPushButton(self.tr("&Compose the handover"))
        compose.setObjectName("handoverCompose")
        compose.clicked.connect(self.compose)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.header = QLabel(
            self.tr("Shift %1").replace(
                "%1", shift_name(f"{shift.business_date:%Y-%m-%d} {shift.kind.value}")
            )
        )
        self.header.setObjectName("handoverShift")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.note)
        layout.addWidget(compose)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(640, 520)

    def compose(self) -> None:
        done = attempt(
            self.message, lambda: self._book.compose(self._shift, self.note.toPlainText(), self._actor())
        )
        if done is None:
            return
        self.handover = done
        self.items.clear()
        for item in done.items:
            self.items.addItem(f"{kind_label(item.kind)}: {item_text(item, chinese=self._chinese)}")
        self.message.setText(
            self.tr("Handed over: %1 items for the next shift to acknowledge.").replace(
                "%1", str(len(done.items))
            )
        )


class TakeOverDialog(QDialog):
    """The incoming operator's side: read the items and acknowledge them all in one action, or
    tick some and acknowledge those; each item's acknowledgement is audited on its own."""

    def __init__(
        self,
        book: HandoverBook,
        handover: Handover,
        actor: Callable[[], Actor],
        parent: Any = None,
        *,
        chinese: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self._book = book
        self._actor = actor
        self._chinese = chinese
        self.handover = handover
        self.setWindowTitle(self.tr("Take over the shift"))
        self.items = _list()
        self.items.setObjectName("takeoverItems")
        self.message = QLabel()
        self.message.setObjectName("takeoverMessage")
        self.message.setWordWrap(True)
        everything = QPushButton(self.tr("I have read them: acknowledge &all"))
        everything.setObjectName("takeoverAcknowledgeAll")
        everything.setDefault(True)
        everything.clicked.connect(self.acknowledge_all)
        acknowledge = QPushButton(self.tr("Acknowledge the &ticked items"))
        acknowledge.setObjectName("takeoverAcknowledge")
        acknowledge.clicked.connect(self.acknowledge)
        later = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        later.rejected.connect(self.reject)
        self.header = QLabel(
            self.tr("Handover from %1, written by %2 at %3")
            .replace("%1", shift_name(handover.from_shift))
            .replace("%2", handover.composed_by)
            .replace("%3", f"{handover.composed_at:%H:%M}")
        )
        self.header.setObjectName("takeoverShift")
        self.header.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(everything)
        buttons.addWidget(acknowledge)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(later)
        self.resize(680, 560)
        self._fill()

    def _fill(self) -> None:
        self.items.clear()
        self._ids: list[int] = []
        for item in self.handover.items:
            row = QListWidgetItem(f"{kind_label(item.kind)}: {item_text(item, chinese=self._chinese)}")
            if item.acknowledged_at is None:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(Qt.CheckState.Unchecked)
            else:
                row.setText(row.text() + "  ✓ " + item.acknowledged_by)
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self._ids.append(item.id)
            self.items.addItem(row)
        left = len(self.handover.pending)
        self.message.setText(
            self.tr("%1 items still to acknowledge").replace("%1", str(left))
            if left
            else self.tr("Everything acknowledged.")
        )

    def tick_all(self) -> None:
        for i in range(self.items.count()):
            row = self.items.item(i)
            if row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                row.setCheckState(Qt.CheckState.Checked)

    def _acknowledge(self, ids: list[int]) -> None:
        if not ids:
            self.message.setText(self.tr("Tick the items you have read first."))
            return
        done = attempt(self.message, lambda: self._book.acknowledge_all(ids, self._actor()))
        if done is None:
            return
        self.handover = done
        self._fill()
        if not self.handover.pending:
            self.accept()

    def acknowledge(self) -> None:
        """The ticked items."""
        self._acknowledge(
            [
                self._ids[i]
                for i in range(self.items.count())
                if self.items.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable
                and self.items.item(i).checkState() == Qt.CheckState.Checked
            ]
        )

    def acknowledge_all(self) -> None:
        """Every item still open: the operator says they have read the list."""
        self._acknowledge([i.id for i in self.handover.pending])
