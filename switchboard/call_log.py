"""The record of every call the console handled or missed: ring time, talk
time, who answered, and the operator's category and note.

``CallLog`` follows the PBX events (pure, clock-free: times come from the
events) and hands a finished ``ConsoleCall`` to whoever stores it when the call
leaves the console.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Protocol

from switchboard.hotel import Actor
from switchboard.pbx import CallEnded, CallKind, CallOffered, CallState, CallStateChanged, PbxEvent


class CallCategory(Enum):
    ENQUIRY = "enquiry"
    COMPLAINT = "complaint"
    TRANSFER = "transfer"
    MESSAGE = "message"
    WAKEUP = "wakeup"
    SERVICE = "service"  # a service request passed to a department
    EMERGENCY = "emergency"


@dataclass(frozen=True, slots=True)
class ConsoleCall:
    call_id: str
    caller: str
    kind: CallKind
    offered_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    handled_by: str = ""
    transferred_to: str = ""
    abandoned: bool = False

    @property
    def ring_seconds(self) -> float:
        end = self.answered_at or self.ended_at
        return max(0.0, (end - self.offered_at).total_seconds()) if end else 0.0

    @property
    def talk_seconds(self) -> float:
        if self.answered_at is None or self.ended_at is None:
            return 0.0
        return max(0.0, (self.ended_at - self.answered_at).total_seconds())


# Parked and camped calls come back (recall, pick-up): the record stays open until the end or a transfer.
LEFT_THE_CONSOLE = {CallState.TRANSFERRED, CallState.ENDED}


class CallLog:
    def __init__(self) -> None:
        self._open: dict[str, ConsoleCall] = {}

    def apply(self, event: PbxEvent, operator: str) -> ConsoleCall | None:
        """Follow one event; returns the finished call when it leaves the console."""
        if isinstance(event, CallOffered):
            if event.call_id not in self._open:
                self._open[event.call_id] = ConsoleCall(
                    event.call_id, event.caller, event.kind, event.offered_at
                )
            return None
        call = self._open.get(getattr(event, "call_id", ""))
        if call is None:
            return None
        if isinstance(event, CallStateChanged):
            if event.state is CallState.CONNECTED and call.answered_at is None:
                self._open[call.call_id] = replace(call, answered_at=event.at, handled_by=operator)
            elif event.state in LEFT_THE_CONSOLE:
                done = replace(call, ended_at=event.at, transferred_to=event.peer)
                del self._open[call.call_id]
                return done
            return None
        if isinstance(event, CallEnded):
            del self._open[call.call_id]
            return replace(call, ended_at=event.at, abandoned=call.answered_at is None)
        return None


@dataclass(frozen=True, slots=True)
class CallbackTask:
    """A caller to be called back: the console reminds the operator when it is due."""

    id: int
    caller: str
    number: str
    for_extension: str
    note: str
    due_at: datetime


class CallBook(Protocol):
    """Where call records, the operator's notes and call-backs are kept."""

    def record(self, call: ConsoleCall) -> None: ...

    def categorise(self, call_id: str, category: CallCategory, note: str, actor: Actor) -> None: ...

    def add_callback(
        self, caller: str, number: str, for_extension: str, note: str, due_at: datetime, actor: Actor
    ) -> CallbackTask: ...

    def callbacks_due(self) -> Sequence[CallbackTask]: ...

    def callback_done(self, task_id: int, actor: Actor) -> None: ...
