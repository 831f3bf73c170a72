"""The console's calls as the operator sees them: who waits, in which order,
which call is on the headset, which are held.

Pure state fed by ``switchboard.pbx`` events, with the clock injected, so the
queue's order and its warnings are tested without Qt or a PBX. Emergency calls
jump the queue; everyone else waits in the order the calls rang (``offered_at``, then the operator
number's own order for calls that rang at the same moment), the same on every position whichever
learnt of a call first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from switchboard.clock import Clock
from switchboard.pbx import (
    CallEnded,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    PbxEvent,
)

RING_SECONDS = 4.0  # one ring cadence; "three rings" is three of these
ON_THE_CONSOLE = {
    CallState.OFFERED,
    CallState.CONNECTED,
    CallState.HELD,
    CallState.DIALLING,
    CallState.CONSULTING,
    CallState.CONFERENCE,
}
# Parked and camped calls are off the headset but still the console's: they show in the park area
# and come back to it, so the operator never loses sight of them.
ASIDE = {CallState.PARKED, CallState.CAMPED}


@dataclass(frozen=True, slots=True)
class QueuedCall:
    call_id: str
    caller: str
    caller_name: str
    kind: CallKind
    state: CallState
    since: datetime  # when the call entered its present state
    offered_at: datetime
    recall_of: str = ""
    peer: str = ""
    order: int = 0  # the operator number's order of calls that rang at the same moment (CallOffered)


class Urgency:
    NORMAL = 0
    LATE = 1  # rang past three rings, or held past the hold limit
    VERY_LATE = 2


class CallQueue:
    def __init__(
        self, clock: Clock, *, rings: int = 3, ring_limit_s: float | None = None, held_limit_s: float = 30.0
    ) -> None:
        self._clock = clock
        self.ring_limit_s = ring_limit_s if ring_limit_s is not None else rings * RING_SECONDS
        self.held_limit_s = held_limit_s
        self._calls: dict[str, QueuedCall] = {}
        # Transferred calls until they end: a transfer the PBX gives up on brings the call back.
        self._sent: dict[str, QueuedCall] = {}

    def apply(self, event: PbxEvent) -> bool:
        """Take a PBX event; True when the queue changed."""
        if isinstance(event, CallOffered):
            self._sent.pop(event.call_id, None)
            self._calls[event.call_id] = QueuedCall(
                event.call_id,
                event.caller,
                event.caller_name,
                event.kind,
                CallState.OFFERED,
                event.offered_at,
                event.offered_at,
                event.recall_of,
                order=event.order,
            )
            return True
        if isinstance(event, CallStateChanged):
            call = self._calls.get(event.call_id)
            if call is None and event.state in ON_THE_CONSOLE | ASIDE:
                call = self._sent.pop(event.call_id, None)
            if call is None:
                if event.state is CallState.DIALLING:
                    self._calls[event.call_id] = QueuedCall(
                        event.call_id,
                        event.peer,
                        "",
                        CallKind.INTERNAL,
                        event.state,
                        event.at,
                        event.at,
                        peer=event.peer,
                    )
                    return True
                return False
            if event.state not in ON_THE_CONSOLE | ASIDE:
                self._calls.pop(event.call_id, None)  # transferred: gone from the console
                if event.state is CallState.TRANSFERRED and len(self._sent) < 500:
                    self._sent[event.call_id] = replace(call, state=event.state, peer=event.peer)
                return True
            self._calls[event.call_id] = replace(call, state=event.state, since=event.at, peer=event.peer)
            return True
        if isinstance(event, CallEnded):
            self._sent.pop(event.call_id, None)
            return self._calls.pop(event.call_id, None) is not None
        return False

    def calls(self) -> list[QueuedCall]:
        """Waiting calls first (emergencies ahead, then in the order they rang), then the console's own."""

        def order(call: QueuedCall) -> tuple[int, int, datetime, int]:
            waiting = 0 if call.state is CallState.OFFERED else 1
            urgent = 0 if call.kind is CallKind.EMERGENCY else 1
            return (waiting, urgent, call.offered_at, call.order)

        return sorted((c for c in self._calls.values() if c.state in ON_THE_CONSOLE), key=order)

    def aside(self) -> list[QueuedCall]:
        """Parked and camped calls, longest waiting first; ``peer`` is the slot or the extension."""
        return sorted((c for c in self._calls.values() if c.state in ASIDE), key=lambda c: c.since)

    def waiting(self) -> list[QueuedCall]:
        return [c for c in self.calls() if c.state is CallState.OFFERED]

    def next_to_answer(self) -> QueuedCall | None:
        waiting = self.waiting()
        return waiting[0] if waiting else None

    def active(self) -> QueuedCall | None:
        """The call on the headset now."""
        for call in self.calls():
            if call.state in (
                CallState.CONNECTED,
                CallState.DIALLING,
                CallState.CONSULTING,
                CallState.CONFERENCE,
            ):
                return call
        return None

    def held(self) -> list[QueuedCall]:
        return [c for c in self.calls() if c.state is CallState.HELD]

    def get(self, call_id: str) -> QueuedCall | None:
        return self._calls.get(call_id)

    def known(self, call_id: str) -> QueuedCall | None:
        """A call on the console, aside, or on its way to a transfer target."""
        return self._calls.get(call_id) or self._sent.get(call_id)

    def now(self) -> datetime:
        return self._clock.now()

    def seconds_in_state(self, call: QueuedCall, now: datetime | None = None) -> float:
        return max(0.0, ((now or self._clock.now()) - call.since).total_seconds())

    def urgency(self, call: QueuedCall, now: datetime | None = None) -> int:
        seconds = self.seconds_in_state(call, now)
        if call.state is CallState.OFFERED:
            limit = self.ring_limit_s
        elif call.state is CallState.HELD:
            limit = self.held_limit_s
        else:
            return Urgency.NORMAL
        if seconds >= 2 * limit:
            return Urgency.VERY_LATE
        return Urgency.LATE if seconds >= limit else Urgency.NORMAL

    def has_emergency(self) -> bool:
        return any(
            c.kind is CallKind.EMERGENCY and c.state is CallState.OFFERED for c in self._calls.values()
        )
