"""The queue's table: waiting calls in order with a live ring timer, the call on the headset, held
calls; each row with the caller's name and VIP mark where the records know them.

The rows colour when a call has rung past three rings or been held past the hold limit, and again at
twice that; an emergency call is red until answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from switchboard.call_queue import CallQueue, QueuedCall, Urgency
from switchboard.pbx import CallFailed, CallKind, CallState, FailureReason, PbxEvent

_Index = QModelIndex | QPersistentModelIndex
CALL_MIME = "application/x-switchboard-call"  # a queued call dragged onto a lamp: its call id
URGENCY_COLOURS = {Urgency.LATE: "#ffe0a0", Urgency.VERY_LATE: "#ffb3b3"}


class QueueModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(
        self, queue: CallQueue, parent: Any = None, *, name_of: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self._name_of = name_of
        self._names: dict[str, str] = {}  # call id -> name shown; looked up once per call
        self.hidden: dict[str, str] = {}  # number never shown (a privacy guest's extension) -> its label
        self._rows: list[QueuedCall] = []
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._advance)
        self._tick.start(1000)

    def apply(self, event: PbxEvent) -> None:
        if self.queue.apply(event):
            self.beginResetModel()
            self._rows = self.queue.calls()
            known = {c.call_id for c in self._rows} | {c.call_id for c in self.queue.aside()}
            self._names = {k: v for k, v in self._names.items() if k in known}
            self.endResetModel()

    def name(self, call: QueuedCall) -> str:
        """The caller's name (and VIP stars) from the PBX or the records; "" when none may be shown."""
        if call.call_id not in self._names:
            found = self._name_of(call.caller) if self._name_of is not None else ""
            self._names[call.call_id] = found or call.caller_name
        return self._names[call.call_id]

    def _advance(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))

    def call_at(self, row: int) -> QueuedCall | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return (
            super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def mimeTypes(self) -> list[str]:
        return [CALL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        call = self.call_at(indexes[0].row()) if indexes else None
        if call is not None:
            data.setData(CALL_MIME, QByteArray(call.call_id.encode()))
        return data

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Type"), self.tr("Caller"), self.tr("State"), self.tr("Time")][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        call = self.call_at(index.row())
        if call is None or not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return kind_word(call.kind)
            if col == 1 and call.caller in self.hidden:
                return self.hidden[call.caller]
            if col == 1:
                return f"{call.caller} {self.name(call)}".strip() + (
                    self.tr(" (recall from %1)").replace("%1", call.recall_of) if call.recall_of else ""
                )
            if col == 2:
                return state_word(call.state)
            seconds = int(self.queue.seconds_in_state(call))
            return f"{seconds // 60}:{seconds % 60:02d}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if call.kind is CallKind.EMERGENCY and call.state is CallState.OFFERED:
                return QBrush(QColor("#c62828"))
            colour = URGENCY_COLOURS.get(self.queue.urgency(call))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and call.kind is CallKind.EMERGENCY:
            return QBrush(QColor("#ffffff" if call.state is CallState.OFFERED else "#c62828"))
        if role == Qt.ItemDataRole.FontRole and (
            call.kind is CallKind.EMERGENCY or call.state is CallState.CONNECTED
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None


def kind_word(kind: CallKind) -> str:
    return {
        CallKind.ROOM: QCoreApplication.translate("QueuePanel", "Room"),
        CallKind.OUTSIDE: QCoreApplication.translate("QueuePanel", "Outside"),
        CallKind.INTERNAL: QCoreApplication.translate("QueuePanel", "Internal"),
        CallKind.EMERGENCY: QCoreApplication.translate("QueuePanel", "EMERGENCY"),
    }[kind]


def state_word(state: CallState) -> str:
    words = {
        CallState.OFFERED: QCoreApplication.translate("QueuePanel", "ringing"),
        CallState.DIALLING: QCoreApplication.translate("QueuePanel", "dialling"),
        CallState.CONNECTED: QCoreApplication.translate("QueuePanel", "talking"),
        CallState.HELD: QCoreApplication.translate("QueuePanel", "on hold"),
        CallState.CONSULTING: QCoreApplication.translate("QueuePanel", "consulting"),
        CallState.CONFERENCE: QCoreApplication.translate("QueuePanel", "conference"),
        CallState.PARKED: QCoreApplication.translate("QueuePanel", "parked"),
        CallState.CAMPED: QCoreApplication.translate("QueuePanel", "waiting (camped on)"),
    }
    return words.get(state, state.value)


def reason_word(event: CallFailed) -> str:
    words = {
        FailureReason.BUSY: QCoreApplication.translate("QueuePanel", "busy"),
        FailureReason.NO_ANSWER: QCoreApplication.translate("QueuePanel", "no answer"),
        FailureReason.DND: QCoreApplication.translate("QueuePanel", "do-not-disturb"),
        FailureReason.NOT_FOUND: QCoreApplication.translate("QueuePanel", "no such extension"),
        FailureReason.REJECTED: QCoreApplication.translate("QueuePanel", "refused"),
        FailureReason.LINK_DOWN: QCoreApplication.translate("QueuePanel", "the PBX link is down"),
    }
    return words.get(event.reason, QCoreApplication.translate("QueuePanel", "did not go through"))
