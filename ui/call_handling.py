"""What happens around a call, joined up: the caller's options when the
extension is busy or on DND, the call record and its note, call-back
reminders, and the keys that act on the caller's room (message, DND, wake-up).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from switchboard.call_log import CallBook, CallCategory, ConsoleCall
from switchboard.clock import Clock
from switchboard.desk import Logbook, LogCategory, RoomBoard
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from switchboard.pbx import FailureReason, PbxPosition
from switchboard.screen_pop import CallerLookup
from ui.blf_view import LampField
from ui.busy_options import BusyOptions
from ui.caller_panel import CallerPanel
from ui.directory_panel import DirectoryPanel
from ui.errors import explain
from ui.messages_page import MessagesPage
from ui.queue_panel import QueuePanel
from ui.wakeup_page import WakeUpPage

log = logging.getLogger(__name__)

CAMP_ON_RECALL_S = 60.0
CALLBACK_CHECK_MS = 30_000
ROOM_KEYS = {"message": "Ctrl+M", "dnd": "Ctrl+D", "wakeup": "Ctrl+W"}


class CallHandling(QObject):
    def __init__(
        self,
        *,
        window: QWidget,
        clock: Clock,
        pbx: PbxPosition,
        queue: QueuePanel,
        caller: CallerPanel,
        directory: DirectoryPanel,
        messages: MessagesPage,
        wakeups: WakeUpPage,
        calls: CallBook,
        callers: CallerLookup,
        rooms: RoomBoard,
        logbook: Logbook,
        actor: Callable[[], Actor],
        show: Callable[[QWidget], None],
        status: Callable[[str], None],
        camp_recall_s: float = CAMP_ON_RECALL_S,
        ask_dnd_until: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(window)
        # Ctrl+D puts the caller's room on DND at once, then asks until when (the Rooms page waits for
        # a time such as 0700 and Enter; without one DND stays on until switched off).
        self._ask_dnd_until = ask_dnd_until
        self._window = window
        self._clock = clock
        self._pbx = pbx
        self._queue = queue
        self._caller = caller
        self._directory = directory
        self._messages = messages
        self._wakeups = wakeups
        self._calls = calls
        self._callers = callers
        self._rooms = rooms
        self._logbook = logbook
        self._actor = actor
        self._show = show
        self._status = status
        self._camp_recall_s = camp_recall_s
        self.options: BusyOptions | None = None
        # a refusal another panel answers instead (a privacy guest's telephone: never the extension shown)
        self.refusal_hooks: list[Callable[[str, str, FailureReason], bool]] = []
        # Ctrl+W on a call: (call id, room, wake-up ids of the room then); filed once one is booked
        self._wakeup_for: tuple[str, str, set[int]] | None = None
        wakeups.model.modelReset.connect(self._wakeups_changed)
        self.reminded: set[int] = set()
        queue.finished.connect(self._record)
        queue.set_aside.connect(caller.caller_gone)
        queue.refused.connect(self.offer_options)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.remind_callbacks)
        self._timer.start(CALLBACK_CHECK_MS)
        handlers = {
            "message": self.message_for_caller,
            "dnd": self.dnd_for_caller,
            "wakeup": self.wakeup_for_caller,
        }
        for name, key in ROOM_KEYS.items():
            action = QAction(window)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            window.addAction(action)

    @staticmethod
    def key_list() -> list[tuple[str, str]]:
        return [
            (
                ROOM_KEYS["message"],
                QCoreApplication.translate("CallHandling", "Message for the caller's room"),
            ),
            (
                ROOM_KEYS["dnd"],
                QCoreApplication.translate("CallHandling", "DND on/off for the caller's room"),
            ),
            (
                ROOM_KEYS["wakeup"],
                QCoreApplication.translate("CallHandling", "Wake-up call for the caller's room"),
            ),
            (
                CallerPanel.NOTE_KEY,
                QCoreApplication.translate("CallHandling", "Save the call's category and note"),
            ),
        ]

    def _do(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except ConsoleError as exc:
            self._status(explain(exc))
            return None

    def _record(self, call: ConsoleCall) -> None:
        self._caller.caller_gone(call.call_id)
        self._do(lambda: self._calls.record(call))

    def save_note(self, call_id: str, category: CallCategory, note: str) -> None:
        self._calls.categorise(call_id, category, note, self._actor())

    # ------------------------------------------------------------ busy, no answer, DND

    def offer_options(self, call_id: str, target: str, reason: FailureReason) -> None:
        """The caller's options beside the queue; the call-back number offered is the caller's."""
        call = self._queue.queue.known(call_id)
        if call is None or any(hook(call_id, target, reason) for hook in self.refusal_hooks):
            return
        caller = call.caller
        name = call.caller_name or caller
        options = BusyOptions(target, reason, caller, self._clock.now(), self._window)
        options.wait.connect(lambda: self._pbx.camp_on(call_id, target, self._camp_recall_s))
        options.message.connect(lambda: self._message_for(target, name))
        options.callback.connect(
            lambda number, due, note: self._add_callback(name, number, target, note, due)
        )
        options.other.connect(self._directory.focus_search)
        options.override.connect(lambda why: self._override(call_id, target, why))
        options.answered.connect(lambda: self._close_options(options))
        self.options = options
        self._queue.show_question(options)

    def _close_options(self, options: BusyOptions) -> None:
        if self._queue.question is options:
            self._queue.close_question()
        if self.options is options:
            self.options = None

    def _message_for(self, extension: str, sender: str) -> None:
        info = self._callers.who(extension)
        self._messages.prefill(room=info.room, sender=sender)
        self._show(self._messages)

    def _add_callback(self, caller: str, number: str, target: str, note: str, due: datetime) -> None:
        task = self._do(
            lambda: self._calls.add_callback(caller or number, number, target, note, due, self._actor())
        )
        if task is not None:
            self._status(
                QCoreApplication.translate("CallHandling", "Call-back to %1 at %2 noted.")
                .replace("%1", task.number)
                .replace("%2", task.due_at.strftime("%H:%M"))
            )

    def _override(self, call_id: str, target: str, why: str) -> None:
        room = self._callers.who(target).room
        text = (
            QCoreApplication.translate("CallHandling", "Emergency override of DND for %1: %2")
            .replace("%1", room or target)
            .replace("%2", why)
        )
        if self._do(lambda: self._logbook.write(LogCategory.SECURITY, text, self._actor(), room)) is None:
            return
        if room:
            self._do(lambda: self._rooms.set_dnd(room, False, self._actor()))
        self._pbx.blind_transfer(call_id, target)

    def remind_callbacks(self) -> None:
        due = self._do(self._calls.callbacks_due) or []
        fresh = [t for t in due if t.id not in self.reminded]
        for task in fresh:
            self.reminded.add(task.id)
            self._status(
                QCoreApplication.translate("CallHandling", "Call back now: %1 on %2 (%3)")
                .replace("%1", task.caller)
                .replace("%2", task.number)
                .replace("%3", task.note)
            )

    # ------------------------------------------------------------ keys on the caller's room

    def _caller_room(self) -> str:
        info = self._caller.info
        if info is None or not info.room:
            self._status(QCoreApplication.translate("CallHandling", "No room on the line."))
            return ""
        return info.room

    def message_for_caller(self) -> None:
        if room := self._caller_room():
            self._caller.file_as(CallCategory.MESSAGE)
            self._messages.prefill(room=room)
            self._show(self._messages)

    def dnd_for_caller(self) -> None:
        info = self._caller.info
        if room := self._caller_room():
            done = self._do(lambda: self._rooms.set_dnd(room, not (info and info.dnd), self._actor()))
            if done is not None:
                self._caller.show_caller(info.number if info else room)
                self._status(
                    (
                        QCoreApplication.translate(
                            "CallHandling", "DND on for %1: until when? (e.g. 0700 Enter)"
                        )
                        if done.dnd
                        else QCoreApplication.translate("CallHandling", "DND off for %1")
                    ).replace("%1", room)
                )
                if done.dnd and self._ask_dnd_until is not None:
                    self._ask_dnd_until(room)

    def wakeup_for_caller(self) -> None:
        if room := self._caller_room():
            self._wakeup_for = (self._caller.call_id, room, self._wakeup_ids(room))
            self._wakeups.room.setText(room)
            self._show(self._wakeups)
            self._wakeups.time.setFocus()

    def _wakeup_ids(self, room: str) -> set[int]:
        return {w.id for w in self._wakeups.model.rows() if w.room == room}

    def _wakeups_changed(self) -> None:
        """A wake-up booked for the room of the call it was opened from files that call as a wake-up."""
        if self._wakeup_for is None:
            return
        call_id, room, before = self._wakeup_for
        if self._wakeup_ids(room) - before and self._caller.call_id == call_id:
            self._caller.file_as(CallCategory.WAKEUP)
            self._wakeup_for = None


def join_pickers(queue: QueuePanel, directory: DirectoryPanel, lamps: LampField | None = None) -> None:
    """Select, then act: a highlighted lamp or directory entry becomes the queue's target; Enter in
    the directory rings the entry (or only selects it while a call is up); a lamp's double click or
    Enter sends the call there once; a queued call dropped on a lamp goes there."""
    directory.selected.connect(queue.select)
    directory.chosen.connect(queue.dial)
    if lamps is not None:
        lamps.extension_selected.connect(queue.select)
        lamps.extension_chosen.connect(queue.connect_to)
        lamps.call_dropped.connect(queue.transfer_call)

    def let_go(extension: str) -> None:
        """The target was for a call that has gone: the highlights go too, so the next highlight counts."""
        if not extension:
            directory.clear_highlight()
            if lamps is not None:
                lamps.clear_highlight()

    queue.selected.connect(let_go)
    queue.selected.connect(directory.target_changed)
