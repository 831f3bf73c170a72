"""Handing over at the end of a shift, and taking over at the start of the next.

The outgoing operator adds a note; the console composes the rest from the data.
The incoming operator ticks each item to acknowledge it; every tick is recorded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from switchboard.handover import Handover, HandoverBook, ItemKind
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
    }[kind]


class HandOverDialog(QDialog):
    """The outgoing operator's side."""

    def __init__(
        self, book: HandoverBook, shift: ShiftSlot, actor: Callable[[], Actor], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._shift = shift
        self._actor = actor
        self.handover: Handover | None = None
        self.setWindowTitle(self.tr("Hand over the shift"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("handoverNote")
        self.note.setPlaceholderText(self.tr("What the next shift must know that is not in the lists"))
        self.items = QListWidget()
        self.items.setObjectName("handoverItems")
        self.message = QLabel()
        self.message.setObjectName("handoverMessage")
        compose = QPushButton(self.tr("&Compose the handover"))
        compose.setObjectName("handoverCompose")
        compose.clicked.connect(self.compose)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Shift %1").replace("%1", f"{shift.business_date:%Y-%m-%d} {shift.kind.value}"))
        )
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
            self.items.addItem(f"{kind_label(item.kind)}: {item.text}")
        self.message.setText(
            self.tr("Handed over: %1 items for the next shift to acknowledge.").replace(
                "%1", str(len(done.items))
            )
        )


class TakeOverDialog(QDialog):
    """The incoming operator's side: tick each item, then acknowledge."""

    def __init__(
        self, book: HandoverBook, handover: Handover, actor: Callable[[], Actor], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._actor = actor
        self.handover = handover
        self.setWindowTitle(self.tr("Take over the shift"))
        self.items = QListWidget()
        self.items.setObjectName("takeoverItems")
        self.message = QLabel()
        self.message.setObjectName("takeoverMessage")
        acknowledge = QPushButton(self.tr("&Acknowledge the ticked items"))
        acknowledge.setObjectName("takeoverAcknowledge")
        acknowledge.clicked.connect(self.acknowledge)
        later = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        later.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Handover from %1, written by %2 at %3")
                .replace("%1", handover.from_shift)
                .replace("%2", handover.composed_by)
                .replace("%3", f"{handover.composed_at:%H:%M}")
            )
        )
        layout.addWidget(self.items, 1)
        layout.addWidget(acknowledge)
        layout.addWidget(self.message)
        layout.addWidget(later)
        self.resize(640, 520)
        self._fill()

    def _fill(self) -> None:
        self.items.clear()
        self._ids: list[int] = []
        for item in self.handover.items:
            row = QListWidgetItem(f"{kind_label(item.kind)}: {item.text}")
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

    def acknowledge(self) -> None:
        for i in range(self.items.count()):
            row = self.items.item(i)
            if row.flags() & Qt.ItemFlag.ItemIsUserCheckable and row.checkState() == Qt.CheckState.Checked:
                done = attempt(
                    self.message, functools.partial(self._book.acknowledge, self._ids[i], self._actor())
                )
                if done is None:
                    return
                self.handover = done
        self._fill()
        if not self.handover.pending:
            self.accept()
