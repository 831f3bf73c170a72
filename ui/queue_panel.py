"""The call queue with every call action on a key, and the operator's choice of where a call goes.

Select, then act: highlighting a lamp or a directory entry only selects the extension (shown under the
queue); F8 sends the call on the headset there, F10 rings it first (announced transfer). A lamp's
double click or Enter acts on it at once, once. A question about a call (the caller's options when the
extension is busy) opens beside the queue, never as a window over it, so F5 to F12 always act on calls.
The keys work from any window of the console.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.call_log import CallLog
from switchboard.call_queue import ASIDE, CallQueue, QueuedCall
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
    PbxEvent,
    PbxPosition,
)
from switchboard.transfer_log import TransferLog
from ui.queue_model import CALL_MIME, QueueModel, kind_word, reason_word, state_word

__all__ = ["CALL_MIME", "KEYS", "QueuePanel", "kind_word", "state_word"]

OPTIONS_FOR = {FailureReason.BUSY, FailureReason.NO_ANSWER, FailureReason.DND}

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


class QueuePanel(QWidget):
    """The queue with its keys. ``connected`` carries the caller's number when a call is answered."""

    connected = Signal(str, str)  # call id, caller
    failed = Signal(str)  # a message for the operator
    refused = Signal(str, str, object)  # caller's call id, target extension, FailureReason: caller's options
    finished = Signal(object)  # ConsoleCall: a call left the console
    emergency = Signal(str)  # the caller of an emergency call that just arrived
    changed = Signal()  # the queue or the calls aside (parked, camped) changed
    outcome = Signal(object)  # TransferOutcome: where a transfer stands
    selected = Signal(str)  # the extension chosen as the target ("" for none)
    set_aside = Signal(str)  # call id: the caller on the headset was parked or camped on

    def __init__(
        self,
        queue: CallQueue,
        pbx: PbxPosition,
        parent: Any = None,
        *,
        is_dnd: Callable[[str], bool] = lambda _ext: False,
        operator: Callable[[], str] = lambda: "",
        name_of: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pbx = pbx
        self._is_dnd = is_dnd
        self._operator = operator
        self._name_of = name_of
        self.log = CallLog()
        self.transfers = TransferLog()
        self.consulting: tuple[str, str] | None = None  # (held caller, consultation leg)
        self._dialled: set[str] = set()  # calls the console placed itself: no caller to offer options to
        self.transfer_target = ""  # the selection
        # a target never named here (a privacy guest): its label, and what F8/F10 do instead: ask first
        self.guarded: tuple[str, Callable[[str, bool], None]] | None = None
        self._selected_for = ""  # the call on the headset when the selection was made
        self.question: QWidget | None = None
        self.model = QueueModel(queue, self, name_of=name_of)
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
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # words
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the caller
        self.view.setMinimumHeight(130)  # four calls stay in sight while a question is open below
        self.selection = QLabel()
        self.selection.setObjectName("transferSelection")
        self.selection.setWordWrap(True)
        self.questions = QVBoxLayout()
        self.questions.setContentsMargins(0, 0, 0, 0)
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
            "transfer": self.transfer_to_selection,
            "park": self.park,
            "consult": self.announce,
            "complete": self.complete,
            "conference": self.conference,
        }
        for name, label in labels.items():
            button = QPushButton(f"{label}\n{KEYS[name]}")
            button.setObjectName(f"call_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handlers[name])
            action = QAction(label, self)
            action.setShortcut(QKeySequence(KEYS[name]))
            # From any window of the console (a panel it opened, a tool window): only a modal
            # dialog could stop them, and the console opens none while calls are up.
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
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
        layout.addWidget(self.selection)
        layout.addLayout(self.questions)
        layout.addLayout(row)
        self._show_count()
        self._show_selection()

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
        if isinstance(event, CallFailed):
            self._failed(event)
        outcome = self.transfers.apply(event)
        if outcome is not None:
            self.outcome.emit(outcome)
        finished = self.log.apply(event, self._operator())
        if finished is not None:
            self.finished.emit(finished)
        aside = isinstance(event, CallStateChanged) and event.state in ASIDE  # parked or camped on
        gone = isinstance(event, CallEnded) or (
            isinstance(event, CallStateChanged) and event.state is CallState.TRANSFERRED
        )
        if gone or aside:
            call_id = getattr(event, "call_id", "")
            if aside:
                self.set_aside.emit(call_id)
            else:
                self._dialled.discard(call_id)
            if call_id and call_id == self._selected_for:
                self.select("")  # the selection was for that call; the next call starts afresh
        self._show_count()
        self.changed.emit()

    def _failed(self, event: CallFailed) -> None:
        """Busy, no answer or DND for a caller: the caller's options; for the console's own call: a word."""
        held = self.consulting[0] if self.consulting and self.consulting[1] == event.call_id else ""
        if held:
            self.consulting = None
        caller = held or event.call_id
        if event.reason is FailureReason.REJECTED and self.queue.known(caller) is None:
            # a call the line could not take (no codec in common): it never rang here, the operator is told
            text = self.tr("A call could not be taken: %1")
            self.failed.emit(text.replace("%1", event.detail or event.target))
            return
        if event.call_id in self._dialled or not caller or self.queue.known(caller) is None:
            if event.target:
                self.failed.emit(
                    self.tr("%1: %2").replace("%1", event.target).replace("%2", reason_word(event))
                )
            return
        if event.reason in OPTIONS_FOR:
            self.refused.emit(caller, event.target, event.reason)
        elif event.target:
            self.failed.emit(self.tr("%1: %2").replace("%1", event.target).replace("%2", reason_word(event)))

    def _show_count(self) -> None:
        waiting = len(self.queue.waiting())
        self.count.setText(self.tr("%1 waiting").replace("%1", str(waiting)))
        self.alert.setVisible(self.queue.has_emergency())

    # ------------------------------------------------------------ the selection

    def select(self, extension: str) -> None:
        """Highlighting a lamp or a directory entry: the target of F8 and F10, nothing sent yet."""
        self.transfer_target = extension
        self.guarded = None
        active = self.queue.active()
        self._selected_for = active.call_id if active is not None and extension else ""
        self._show_selection()
        self.selected.emit(extension)

    def select_guarded(self, label: str, ask: Callable[[str, bool], None]) -> None:
        """A privacy guest highlighted: the target has no extension here; F8 and F10 call
        ``ask(call_id, announce)``, which puts the call through only once the operator has confirmed."""
        self.transfer_target = ""
        self.guarded = (label, ask)
        active = self.queue.active()
        self._selected_for = active.call_id if active is not None else ""
        self.selection.setText(
            self.tr("Target: %1 (privacy: ask first) · F8 transfer · F10 announce").replace("%1", label)
        )

    def _show_selection(self) -> None:
        if not self.transfer_target:
            self.selection.setText(self.tr("Target: none (highlight a lamp or a directory entry)"))
            return
        name = self._name_of(self.transfer_target) if self._name_of is not None else ""
        self.selection.setText(
            self.tr("Target: %1 · F8 transfer · F10 announce").replace(
                "%1", f"{self.transfer_target} {name}".strip()
            )
        )

    def show_question(self, widget: QWidget) -> None:
        """A question about a call, beside the queue: it replaces any earlier one and leaves the keys free."""
        self.close_question()
        self.question = widget
        self.questions.addWidget(widget)
        widget.show()

    def close_question(self) -> None:
        if self.question is not None:
            self.questions.removeWidget(self.question)
            self.question.hide()
            self.question.deleteLater()
            self.question = None

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

    def pick_up(self, call_id: str) -> None:
        """Back to the headset from a park slot or from waiting on a busy extension; the call on the
        headset is held first, never dropped."""
        call = self.queue.get(call_id)
        if call is None or call.state not in ASIDE:
            return
        active = self.queue.active()
        if active is not None:
            self.pbx.hold(active.call_id)
        if call.state is CallState.PARKED:
            self.pbx.pickup(call.peer)
        else:
            self.pbx.retrieve(call.call_id)

    def connect_to(self, extension: str) -> None:
        """A lamp's double click or Enter: the call on the headset (or the held call picked in the
        queue) goes to ``extension`` at once; with no call up, the console rings it."""
        self.select(extension)
        if self._call_to_send() is None:
            self.dial(extension)
        else:
            self.transfer_to_selection()

    def dial(self, extension: str) -> None:
        """Ring ``extension`` from the console (Enter on a directory entry with no call up)."""
        if self.queue.active() is not None:
            self.select(extension)
            return
        self._dialled.add(self.pbx.dial(extension))

    def selected_call(self) -> QueuedCall | None:
        """The call the operator picked in the queue (a click), if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.call_at(rows[0].row()) if rows else None

    def _call_to_send(self) -> QueuedCall | None:
        picked = self.selected_call()
        if picked is not None and picked.state is CallState.HELD:
            return picked
        return self.queue.active()

    def transfer_to_selection(self) -> None:
        """F8: the call on the headset (or the held call picked in the queue) to the selection."""
        call = self._call_to_send()
        if call is None:
            self.failed.emit(self.tr("No call to transfer. With no call up, Enter on an entry rings it."))
            return
        if self.guarded is not None:
            self.guarded[1](call.call_id, False)
            return
        if not self.transfer_target:
            self.failed.emit(self.tr("Choose the extension first: highlight a lamp or a directory entry."))
            return
        self.view.clearSelection()
        self.transfer_call(call.call_id, self.transfer_target)

    def transfer_call(self, call_id: str, extension: str) -> None:
        """A queued call dropped (or clicked, then a lamp chosen) onto ``extension``.

        Only a call the operator has spoken to is transferred: a caller is told where the call goes first."""
        call = self.queue.get(call_id)
        if call is None:
            return
        if call.state not in (CallState.CONNECTED, CallState.HELD):
            self.failed.emit(self.tr("Answer the call first: tell the caller where the call goes."))
            return
        if self._is_dnd(extension):
            self._refused_here(call_id, extension)
            return
        self.pbx.blind_transfer(call_id, extension)

    def _refused_here(self, call_id: str, extension: str) -> None:
        """A DND room is not rung: the console refuses before the PBX is asked, and says so as the PBX
        would (the outcome line, the caller's options)."""
        outcome = self.transfers.apply(CallFailed(call_id, extension, FailureReason.DND, self.queue.now()))
        if outcome is not None:
            self.outcome.emit(outcome)
        self.refused.emit(call_id, extension, FailureReason.DND)

    def announce(self) -> None:
        """F10, announced transfer: hold the caller and ring the selection from the console."""
        active = self.queue.active()
        if active is None or active.state is not CallState.CONNECTED:
            self.failed.emit(self.tr("No caller on the line to announce."))
            return
        if self.guarded is not None:
            self.guarded[1](active.call_id, True)
            return
        if not self.transfer_target:
            self.failed.emit(self.tr("Choose the extension first: highlight a lamp or a directory entry."))
            return
        if self._is_dnd(self.transfer_target):
            self._refused_here(active.call_id, self.transfer_target)
            return
        self.consult(active.call_id, self.transfer_target)

    def consult(self, call_id: str, extension: str) -> None:
        """Hold the caller and ring ``extension`` from the console (F10, or a confirmed privacy transfer)."""
        leg = self.pbx.consult(call_id, extension)
        self.consulting = (call_id, leg)
        self.transfers.consulting(call_id, leg)

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
