"""The call queue: waiting calls in order with a live ring timer, the call on
the headset, held calls; every call action on a key.

The rows colour when a call has rung past three rings or been held past the
hold limit, and again at twice that; an emergency call raises a red alert
above the queue that stays until the call is answered.
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
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from switchboard.call_log import CallLog
from switchboard.call_queue import CallQueue, QueuedCall, Urgency
from switchboard.pbx import CallFailed, CallKind, CallOffered, CallState, FailureReason, PbxEvent, PbxPosition

_Index = QModelIndex | QPersistentModelIndex
CALL_MIME = "application/x-switchboard-call"  # a queued call dragged onto a lamp: its call id
OPTIONS_FOR = {FailureReason.BUSY, FailureReason.NO_ANSWER, FailureReason.DND}
URGENCY_COLOURS = {Urgency.LATE: "#ffe0a0", Urgency.VERY_LATE: "#ffb3b3"}

# Keys as on attendant consoles: one key per action, listed on the buttons and in the F1 sheet.
KEYS = {
    "answer": "F5",
    "release": "F6",
    "hold": "F7",
    "transfer": "F8",
    "park": "F9",
    "consult": "F10",
    "complete": "F11",
    "conference": "F12",
}


class QueueModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, queue: CallQueue, parent: Any = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self._rows: list[QueuedCall] = []
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._advance)
        self._tick.start(1000)

    def apply(self, event: PbxEvent) -> None:
        if self.queue.apply(event):
            self.beginResetModel()
            self._rows = self.queue.calls()
            self.endResetModel()

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
            if col == 1:
                return f"{call.caller} {call.caller_name}".strip() + (
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
    }
    return words.get(state, state.value)


class QueuePanel(QWidget):
    """The queue with its keys. ``connected`` carries the caller's number when a call is answered."""

    connected = Signal(str, str)  # call id, caller
    failed = Signal(str)  # a message for the operator
    refused = Signal(str, str, object)  # call id, target extension, FailureReason: offer the caller's options
    finished = Signal(object)  # ConsoleCall: a call left the console
    emergency = Signal(str)  # the caller of an emergency call that just arrived

    def __init__(
        self,
        queue: CallQueue,
        pbx: PbxPosition,
        parent: Any = None,
        *,
        is_dnd: Callable[[str], bool] = lambda _ext: False,
        operator: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.pbx = pbx
        self._is_dnd = is_dnd
        self._operator = operator
        self.log = CallLog()
        self.consulting: tuple[str, str] | None = None  # (held caller, consultation leg)
        self.model = QueueModel(queue, self)
        self.alert = QLabel(self.tr("⚠ EMERGENCY CALL WAITING — answer with F5"))
        self.alert.setObjectName("emergencyAlert")
        self.alert.setStyleSheet(
            "background:#c62828;color:white;font-weight:bold;font-size:15px;padding:6px;"
        )
        self.alert.setVisible(False)
        self.count = QLabel()
        self.count.setObjectName("queueCount")
        self.view = QTableView()
        self.view.setObjectName("queueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QTableView.DragDropMode.DragOnly)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()
        labels = {
            "answer": self.tr("Answer"),
            "release": self.tr("Release"),
            "hold": self.tr("Hold/Retrieve"),
            "transfer": self.tr("Transfer"),
            "park": self.tr("Park"),
            "consult": self.tr("Announce"),
            "complete": self.tr("Complete"),
            "conference": self.tr("Conference"),
        }
        handlers = {
            "answer": self.answer_next,
            "release": self.release,
            "hold": self.hold_or_retrieve,
            "transfer": self.transfer_to_selected_lamp,
            "park": self.park,
            "consult": self.announce,
            "complete": self.complete,
            "conference": self.conference,
        }
        self.transfer_target = ""
        for name, label in labels.items():
            button = QPushButton(f"{label}\n{KEYS[name]}")
            button.setObjectName(f"call_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handlers[name])
            action = QAction(label, self)
            action.setShortcut(QKeySequence(KEYS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.buttons[name] = button
            position = list(labels).index(name)
            row.addWidget(button, position // 4, position % 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.alert)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._show_count()

    @property
    def queue(self) -> CallQueue:
        return self.model.queue

    def key_list(self) -> list[tuple[str, str]]:
        return [(KEYS[name], button.text().split("\n")[0]) for name, button in self.buttons.items()]

    def on_event(self, event: PbxEvent) -> None:
        before = self.queue.active()
        self.model.apply(event)
        now = self.queue.active()
        if (
            now is not None
            and (before is None or before.call_id != now.call_id)
            and now.state is CallState.CONNECTED
        ):
            self.connected.emit(now.call_id, now.caller)
        if isinstance(event, CallOffered) and event.kind is CallKind.EMERGENCY:
            self.emergency.emit(event.caller)
        if isinstance(event, CallFailed) and event.reason in OPTIONS_FOR:
            self.refused.emit(event.call_id, event.target, event.reason)
        finished = self.log.apply(event, self._operator())
        if finished is not None:
            self.finished.emit(finished)
        self._show_count()

    def _show_count(self) -> None:
        waiting = len(self.queue.waiting())
        self.count.setText(self.tr("%1 waiting").replace("%1", str(waiting)))
        self.alert.setVisible(self.queue.has_emergency())

    # ------------------------------------------------------------ actions

    def answer_next(self) -> None:
        call = self.queue.next_to_answer()
        if call is None:
            return
        active = self.queue.active()
        if active is not None:
            self.pbx.hold(active.call_id)  # the operator never drops a caller to take the next
        self.pbx.answer(call.call_id)

    def release(self) -> None:
        active = self.queue.active()
        if active is not None:
            self.pbx.release(active.call_id)

    def hold_or_retrieve(self) -> None:
        active = self.queue.active()
        if active is not None:
            self.pbx.hold(active.call_id)
            return
        held = self.queue.held()
        if held:
            self.pbx.retrieve(held[0].call_id)

    def park(self) -> None:
        active = self.queue.active()
        if active is not None:
            self.pbx.park(active.call_id)

    def connect_to(self, extension: str) -> None:
        """Send the call on the headset to ``extension``; with no call up, ring it from the console.

        A room on do-not-disturb is not rung: the caller's options come up instead."""
        picked = self.selected_call()
        if picked is not None and picked.state is CallState.HELD:
            self.view.clearSelection()  # clicked a held call, then a lamp: that call goes
            self.transfer_call(picked.call_id, extension)
            return
        self.transfer_target = extension
        active = self.queue.active()
        if active is not None and self._is_dnd(extension):
            self.refused.emit(active.call_id, extension, FailureReason.DND)
            return
        if active is None:
            self.pbx.dial(extension)
        else:
            self.pbx.blind_transfer(active.call_id, extension)

    def selected_call(self) -> QueuedCall | None:
        """The call the operator picked in the queue (a click), if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.call_at(rows[0].row()) if rows else None

    def transfer_call(self, call_id: str, extension: str) -> None:
        """A queued call dropped (or clicked, then a lamp chosen) onto ``extension``.

        Only a call the operator has spoken to is transferred: a caller is told where the call goes first."""
        call = self.queue.get(call_id)
        if call is None:
            return
        if call.state not in (CallState.CONNECTED, CallState.HELD):
            self.failed.emit(self.tr("Answer the call first: tell the caller where the call goes."))
            return
        self.transfer_target = extension
        if self._is_dnd(extension):
            self.refused.emit(call_id, extension, FailureReason.DND)
            return
        self.pbx.blind_transfer(call_id, extension)

    def announce(self) -> None:
        """Announced transfer: hold the caller and ring the target from the console."""
        active = self.queue.active()
        if active is None or not self.transfer_target:
            self.failed.emit(self.tr("Choose the extension first: a lamp or a directory entry, then Enter."))
            return
        self.consulting = (active.call_id, self.pbx.consult(active.call_id, self.transfer_target))

    def complete(self) -> None:
        if self.consulting is not None:
            held, leg = self.consulting
            self.pbx.complete_transfer(held, leg)
            self.consulting = None

    def conference(self) -> None:
        active = self.queue.active()
        held = self.queue.held()
        if active is not None and held:
            self.pbx.conference(held[0].call_id, active.call_id)
            self.consulting = None

    def transfer_to_selected_lamp(self) -> None:
        if self.transfer_target:
            self.connect_to(self.transfer_target)
        else:
            self.failed.emit(self.tr("Choose the extension first: a lamp or a directory entry, then Enter."))
