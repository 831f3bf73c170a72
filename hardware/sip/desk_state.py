"""What the call desk keeps and the moves every feature is made of: the calls by id, the park slots, the
timers, and hold, retrieve, hang-up and the events of a call's state. Runs in the SIP thread."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pjsua2 as pj

from hardware.sip.caller_id import dialable
from hardware.sip.console_line import Line
from hardware.sip.desk_call import PARK_SLOTS, PJ_EINVALIDOP, DeskCall
from hardware.sip.ringing_front import RingingFront
from switchboard.clock import Clock
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallState,
    CallStateChanged,
    EventSink,
    FailureReason,
)

log = logging.getLogger(__name__)


class DeskState:
    """The desk's calls and the primitive moves on them; ``CallDesk`` adds what each command means."""

    def __init__(
        self,
        clock: Clock,
        emit: EventSink,
        *,
        kind_of: Callable[[str], CallKind],
        emergency_numbers: set[str],
        is_dnd: Callable[[str], bool],
        watch_also: Callable[[str], None],
    ) -> None:
        self._clock = clock
        self._emit = emit
        self._kind_of = kind_of
        self._emergency = emergency_numbers
        self._is_dnd = is_dnd
        self._watch_also = watch_also
        self._calls: dict[str, DeskCall] = {}
        self.parked: dict[str, str] = {}  # slot -> call id; read by pickup() from the GUI thread
        self.park_slots: tuple[str, ...] = PARK_SLOTS
        self.park_recall_s = 120.0
        self._later: list[tuple[float, Callable[[], None]]] = []  # (monotonic due, action)
        self._after_media: tuple[DeskCall, DeskCall] | None = None
        self._front: RingingFront | None = None
        self._line: Line | None = None
        # Calls to the operator ring on every position: the first to claim one answers it (the claim
        # is the database's, see db/call_claims.py); ``unclaim`` gives it back when it cannot be taken.
        self.claim: Callable[[str], bool] = lambda _key: True
        self.unclaim: Callable[[str], None] = lambda _key: None
        # caller -> (slot, monotonic deadline): calls picked up from another position's park area,
        # answered here as soon as the caller's INVITE (after that position's REFER) arrives
        self.pickups: dict[str, tuple[str, float]] = {}

    def sip_call_id(self, call_id: str) -> str:
        call = self._calls.get(call_id)
        return call.sip_call_id if call is not None else ""

    def _by_sip(self, sip_call_id: str) -> DeskCall | None:
        return next((c for c in self._calls.values() if c.sip_call_id == sip_call_id), None)

    def _line_hangup(self, call: DeskCall) -> None:
        if call.line is not None and self._line is not None:
            self._line.hangup(call.line)

    def hold(self, call_id: str, state: CallState, peer: str | None = None) -> DeskCall | None:
        call = self._calls.get(call_id)
        if call is None or call.line is None or self._line is None:
            return None
        if call.state in (CallState.CONNECTED, CallState.CONSULTING, CallState.CONFERENCE):
            self._media_op(call, hold=True)
        self._state(call, state, peer)
        return call

    def _media_op(self, call: DeskCall, *, hold: bool, deadline: float = 0.0) -> None:
        """Hold or retrieve; while an earlier re-INVITE of the call is still under way pjsua refuses
        a new one, so it is tried again shortly (for up to 3 s) instead of being lost."""
        if call.line is None or self._line is None or call.id not in self._calls:
            return
        try:
            (self._line.hold if hold else self._line.unhold)(call.line)
        except pj.Error as exc:
            if exc.status != PJ_EINVALIDOP:
                raise
            deadline = deadline or time.monotonic() + 3.0
            if time.monotonic() < deadline:
                self._later.append(
                    (time.monotonic() + 0.05, lambda: self._media_op(call, hold=hold, deadline=deadline))
                )
            else:
                log.warning("re-INVITE for %s still refused after 3 s", call.id)

    def retrieve(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.state in (CallState.HELD, CallState.PARKED, CallState.CAMPED):
            self._connect(call)

    def _connect(self, call: DeskCall) -> None:
        if call.line is None or self._line is None:
            return
        if call.state in (CallState.HELD, CallState.PARKED, CallState.CAMPED, CallState.OFFERED):
            self._media_op(call, hold=False)
        for slot, parked in list(self.parked.items()):
            if parked == call.id:
                del self.parked[slot]
        call.camp_target = ""
        self._state(call, CallState.CONNECTED, "")

    def _refusal(self, target: str) -> FailureReason | None:
        """Why no SIP is sent to ``target``: not a number (a caller's '١٢٩٩' is shown, never dialled), DND."""
        if not dialable(target):
            return FailureReason.NOT_FOUND
        return FailureReason.DND if self._is_dnd(target) else None

    def _fail(self, call_id: str, target: str, reason: FailureReason, detail: str = "") -> None:
        self._emit(CallFailed(call_id, target, reason, self._clock.now(), detail))

    def _state(self, call: DeskCall, state: CallState, peer: str | None = None) -> None:
        call.state = state
        if peer is not None:
            call.peer = peer
        self._emit(CallStateChanged(call.id, state, self._clock.now(), call.peer))

    def _end(self, call: DeskCall, reason: str) -> None:
        if self._calls.pop(call.id, None) is None:
            return
        call.line = None
        for slot, parked in list(self.parked.items()):
            if parked == call.id:
                del self.parked[slot]
        self._emit(CallEnded(call.id, self._clock.now(), reason))
