"""Calls the console keeps waiting on its own line: park and pick-up, a park left too long recalled,
camp-on with its time-out, and the three-way conference once both legs' media are up.
Runs in the SIP thread."""

from __future__ import annotations

import time

from hardware.sip.desk_call import DeskCall
from hardware.sip.desk_state import DeskState
from switchboard.pbx import (
    CallOffered,
    CallState,
    FailureReason,
)


class HeldCalls(DeskState):
    taken_elsewhere: frozenset[str] = frozenset()  # park slots other positions hold (park_share.py)

    def park(self, call_id: str) -> None:
        slot = self._free_slot()
        call = self._calls.get(call_id)
        if call is None or not slot:
            self._fail(call_id, "", FailureReason.OTHER, "no free park slot")
            return
        parked = self.hold(call_id, CallState.PARKED, slot)
        if parked is not None:
            self.parked[slot] = call_id
            parked.park_deadline = time.monotonic() + self.park_recall_s

    def _free_slot(self) -> str:
        taken = self.taken_elsewhere
        return next((s for s in self.park_slots if s not in self.parked and s not in taken), "")

    def repark(self, call_id: str) -> None:
        """Its slot turned out to be another position's: the call moves to a free one (shown anew)."""
        call = self._calls.get(call_id)
        slot = self._free_slot()
        if call is None or call.state is not CallState.PARKED or not slot:
            return
        self.parked.pop(call.peer, None)
        self.parked[slot] = call.id
        self._state(call, CallState.PARKED, slot)

    def pickup(self, slot: str) -> None:
        call = self._calls.get(self.parked.get(slot, ""))
        if call is None:
            self._fail("", slot, FailureReason.NOT_FOUND, "nothing parked")
            return
        self._connect(call)

    def aside(self) -> list[DeskCall]:
        """Calls parked or camped on this position's line that came in through the PBX (shareable)."""
        return [
            c
            for c in self._calls.values()
            if c.state in (CallState.PARKED, CallState.CAMPED) and c.sip_call_id and c.line is not None
        ]

    def holds(self, call_id: str) -> bool:
        return call_id in self._calls

    def hand_over(self, call_id: str, uri: str, to: str) -> bool:
        """Another position picked up a call held here: blind transfer (REFER) of the caller to that
        position's own address. A transfer that fails puts it back aside (``hand_over_failed``)."""
        call = self._calls.get(call_id)
        if call is None or call.line is None or self._line is None:
            return False
        if call.state not in (CallState.PARKED, CallState.CAMPED):
            return False
        call.handed_from = (call.state, call.peer)
        call.transfer_to, call.camp_target, call.park_deadline, call.camp_deadline = to, "", 0.0, 0.0
        for slot, parked in list(self.parked.items()):
            if parked == call.id:
                del self.parked[slot]
        self._state(call, CallState.TRANSFERRED, to)
        self._line.xfer(call.line, uri)
        return True

    def hand_over_failed(self, call: DeskCall) -> bool:
        """The REFER to the picking position failed: the call goes back where it was, parked (in its
        slot if still free) or camped, recalled after ``park_recall_s`` from now; False if it was no
        hand-over."""
        if call.handed_from is None:
            return False
        state, where = call.handed_from
        call.handed_from = None
        if state is CallState.PARKED:
            slot = (
                where if where not in self.parked and where not in self.taken_elsewhere else self._free_slot()
            )
            if not slot:
                return False
            self.parked[slot] = call.id
            call.park_deadline = time.monotonic() + self.park_recall_s
            self._state(call, CallState.PARKED, slot)
        else:
            call.camp_target, call.camp_deadline = where, time.monotonic() + self.park_recall_s
            self._state(call, CallState.CAMPED, where)
        return True

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        reason = self._refusal(target)
        if reason is not None:
            self._fail(call_id, target, reason, "")
            return
        call = self.hold(call_id, CallState.CAMPED, target)
        if call is None:
            return
        call.camp_target = target
        call.camp_deadline = time.monotonic() + recall_after_s
        self._watch_also(target)

    def conference(self, call_id: str, other_call_id: str) -> None:
        first, second = self._calls.get(call_id), self._calls.get(other_call_id)
        if first is None or second is None or first.line is None or second.line is None or self._line is None:
            return
        for call in (first, second):
            if call.state in (CallState.HELD, CallState.PARKED):
                self._media_op(call, hold=False)
        # The bridge needs both media active: joined when the un-hold has gone through.
        self._after_media = (first, second)
        for call in (first, second):
            self._state(call, CallState.CONFERENCE)

    def check_timers(self) -> None:
        if self._later:
            now = time.monotonic()
            due = [action for at, action in self._later if at <= now]
            self._later = [(at, action) for at, action in self._later if at > now]
            for action in due:
                action()
        if self._after_media is not None and self._line is not None:
            first, second = self._after_media
            if first.line is None or second.line is None or self._line.bridge(first.line, second.line):
                self._after_media = None
        now = time.monotonic()
        for call in list(self._calls.values()):
            if call.state is CallState.PARKED and call.park_deadline and now >= call.park_deadline:
                self.park_recall(call)
            if call.state is CallState.CAMPED and call.camp_deadline and now >= call.camp_deadline:
                target, call.camp_deadline = call.camp_target, 0.0
                call.state = CallState.OFFERED
                self._emit(
                    CallOffered(
                        call.id,
                        call.caller,
                        call.caller_name,
                        call.called,
                        call.kind,
                        self._clock.now(),
                        recall_of=target,
                    )
                )

    def park_recall(self, call: DeskCall) -> None:
        """Parked too long: the call rings the console again, held on our line until answered."""
        slot, call.park_deadline = call.peer, 0.0
        for taken, parked in list(self.parked.items()):
            if parked == call.id:
                del self.parked[taken]
        call.state = CallState.OFFERED
        self._emit(
            CallOffered(
                call.id,
                call.caller,
                call.caller_name,
                call.called,
                call.kind,
                self._clock.now(),
                recall_of=slot,
            )
        )
