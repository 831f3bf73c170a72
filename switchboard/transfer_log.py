"""What became of each call the operator sent on: one outcome per transfer, from the PBX's events.

A transfer starts when the PBX says a call is transferred or camped on an extension, or when it refuses
to send a caller there (busy, DND, unknown); it ends when the target takes the call, when the call
comes back to the console unanswered, or when the caller hangs up on the way. An announced transfer
whose consultation leg fails counts for the held caller. The log keeps numbers only; the panel puts
names to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
    PbxEvent,
)


class TransferResult(Enum):
    ANSWERED = "answered"  # the target took the call
    RINGING = "ringing"  # sent: ringing at the target (the PBX tells no more, or not yet)
    CAMPED = "camped"  # waiting for a busy extension
    RECALLED = "recalled"  # not taken: back at the console
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    DND = "dnd"
    NOT_FOUND = "not_found"
    REFUSED = "refused"
    CALLER_GONE = "caller_gone"  # the caller hung up before the target took the call


FAILED = {
    FailureReason.BUSY: TransferResult.BUSY,
    FailureReason.NO_ANSWER: TransferResult.NO_ANSWER,
    FailureReason.DND: TransferResult.DND,
    FailureReason.NOT_FOUND: TransferResult.NOT_FOUND,
}
GONE = ("abandoned", "released", "hung up")


@dataclass(frozen=True, slots=True)
class TransferOutcome:
    call_id: str
    caller: str
    caller_name: str
    target: str
    at: datetime
    result: TransferResult


@dataclass
class _Caller:
    number: str
    name: str
    target: str = ""  # where the call was sent, while it is on its way


class TransferLog:
    """Follows the PBX's events; ``apply`` returns an outcome when one is known."""

    def __init__(self) -> None:
        self._callers: dict[str, _Caller] = {}
        self._legs: dict[str, str] = {}  # consultation leg -> held caller's call id

    def consulting(self, held_id: str, leg_id: str) -> None:
        """An announced transfer: a failure of ``leg_id`` is the held caller's outcome."""
        self._legs[leg_id] = held_id

    def apply(self, event: PbxEvent) -> TransferOutcome | None:
        if isinstance(event, CallOffered):
            caller = self._callers.get(event.call_id)
            if caller is not None and caller.target and event.recall_of:
                target, caller.target = caller.target, ""
                return self._outcome(event.call_id, target, event.offered_at, TransferResult.RECALLED)
            self._callers.setdefault(event.call_id, _Caller(event.caller, event.caller_name))
            return None
        if isinstance(event, CallStateChanged):
            caller = self._callers.get(event.call_id)
            if caller is None:
                return None
            if event.state is CallState.TRANSFERRED:
                caller.target = event.peer
                return self._outcome(event.call_id, event.peer, event.at, TransferResult.RINGING)
            if event.state is CallState.CAMPED:
                caller.target = event.peer
                return self._outcome(event.call_id, event.peer, event.at, TransferResult.CAMPED)
            if event.state is CallState.CONNECTED:
                caller.target = ""  # picked up or retrieved: whatever was under way is over
            return None
        if isinstance(event, CallFailed):
            call_id = self._legs.pop(event.call_id, event.call_id)
            if call_id not in self._callers or not event.target:
                return None
            self._callers[call_id].target = ""
            result = FAILED.get(event.reason, TransferResult.REFUSED)
            return self._outcome(call_id, event.target, event.at, result)
        if isinstance(event, CallEnded):
            self._legs.pop(event.call_id, None)
            caller = self._callers.pop(event.call_id, None)
            if caller is None or not caller.target:
                return None
            gone = event.reason.startswith(GONE)
            result = TransferResult.CALLER_GONE if gone else TransferResult.ANSWERED
            return self._outcome_of(caller, event.call_id, caller.target, event.at, result)
        return None

    def _outcome(self, call_id: str, target: str, at: datetime, result: TransferResult) -> TransferOutcome:
        return self._outcome_of(self._callers[call_id], call_id, target, at, result)

    @staticmethod
    def _outcome_of(
        caller: _Caller, call_id: str, target: str, at: datetime, result: TransferResult
    ) -> TransferOutcome:
        return TransferOutcome(call_id, caller.number, caller.name, target, at, result)
