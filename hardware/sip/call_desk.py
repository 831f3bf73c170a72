"""The console's calls over SIP, run in the position's SIP thread: what each operator command does to
the ringing front and the pjsua2 line, and what the far end's answers mean for the queue.

How each feature maps onto SIP (a PBX with no media server of its own, such as Kamailio, is enough):

- answer: the front hands the ringing INVITE to pjsua2, which answers it;
- hold / retrieve: re-INVITE (sendonly / sendrecv), retried while an earlier one is under way;
- blind transfer: REFER to the caller; a refused or unanswered transfer brings the call back to the
  operator connected;
- announced transfer: a consultation leg, then REFER with Replaces to the caller;
- park: on the console's own line, held, under a slot from the console's park slots (checked against
  the extension plan); pick-up is from the console (the PBX has no park orbit the room phones could
  dial); left too long, the call rings the console again as a recall from its slot;
- camp-on: the caller is held on the console while the busy extension's lamp is watched; when it goes
  idle the call is transferred, at the time-out it rings the console again as a recall;
- conference: the console's bridge joins both legs and the operator;
- a transfer or camp-on to a DND room is refused before any SIP is sent.

Scheduling uses real (monotonic) time, because the far end does; event times come from the clock.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pjsua2 as pj

from hardware.sip.caller_id import dialable
from hardware.sip.console_line import Line, LineCall
from hardware.sip.desk_call import FAILURES, DeskCall
from hardware.sip.desk_held import HeldCalls
from hardware.sip.ringing_front import RingingFront, WaitingCall
from switchboard.pbx import (
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
    new_call_id,
)

log = logging.getLogger(__name__)


ANSWERED_ELSEWHERE = "answered elsewhere"  # another position took the call
OVERFLOWED = "overflowed"  # waited past [attendant] overflow_s: sent to the overflow destination


class CallDesk(HeldCalls):
    """The console's calls; every method runs in the SIP thread. Also the pjsua2 line's listener."""

    def attach(self, front: RingingFront, line: Line) -> None:
        self._front, self._line = front, line
        front.on_offered = self.offered
        front.on_gone = self.abandoned
        front.on_handover_failed = self.handover_failed
        front.on_refused = self.refused
        front.on_lost = self.lost

    def detach(self) -> None:
        self._calls.clear()
        self._front = self._line = None

    overflow_to = ""  # [attendant] overflow_to: where a call waiting too long goes (302)
    overflow_s = 45.0

    def check_overflow(self) -> None:
        """A call ringing at the front past ``overflow_s`` goes to the overflow destination: the front
        answers it 302 with that Contact, the PBX follows the redirect, and it leaves the queue."""
        if not self.overflow_to or self._front is None:
            return
        front, now = self._front, time.monotonic()
        for call in list(self._calls.values()):
            waiting = front.calls.get(call.sip_call_id) if call.sip_call_id else None
            if (
                call.state is not CallState.OFFERED
                or call.line is not None
                or waiting is None
                or now - waiting.arrived < self.overflow_s
            ):
                continue
            contact = self.overflow_to
            if not contact.startswith("sip:"):
                contact = f"sip:{contact}@{front.domain}"
            if front.redirect(call.sip_call_id, contact):
                front.forget(call.sip_call_id)
                self._end(call, OVERFLOWED)

    def lamp_idle(self, extension: str) -> None:
        """A watched extension went idle: a caller camped on it rings through."""
        for call in list(self._calls.values()):
            if call.state is CallState.CAMPED and call.camp_target == extension:
                call.camp_target = ""
                self.transfer(call.id, extension)
                return

    def offered(self, waiting: WaitingCall) -> None:
        kind = CallKind.EMERGENCY if waiting.called in self._emergency else self._kind_of(waiting.caller)
        call = DeskCall(
            new_call_id(),
            waiting.caller,
            waiting.caller_name,
            waiting.called,
            kind,
            CallState.OFFERED,
            sip_call_id=waiting.sip_call_id,
        )
        self._calls[call.id] = call
        slot, expires = self.pickups.pop(waiting.caller, ("", 0.0))
        if slot and time.monotonic() > expires:
            slot = ""
        # when the INVITE arrived, not when it is shown: the queue orders calls by when they rang
        rang = self._clock.now() - timedelta(seconds=min(60.0, max(0.0, time.monotonic() - waiting.arrived)))
        self._emit(CallOffered(call.id, call.caller, call.caller_name, call.called, kind, rang, slot))
        if slot:  # a call this position picked up from another's park area: it is handed over by REFER
            self.answer(call.id)

    def abandoned(self, waiting: WaitingCall, reason: str) -> None:
        assert self._front is not None
        self._front.forget(waiting.sip_call_id)
        call = self._by_sip(waiting.sip_call_id)
        if call is not None:
            self._end(call, reason)

    def handover_failed(self, waiting: WaitingCall, code: int, reason: str) -> None:
        call = self._by_sip(waiting.sip_call_id)
        if call is not None:
            self._fail(call.id, "", FailureReason.OTHER, f"{code} {reason}")

    def refused(self, waiting: WaitingCall, code: int, why: str) -> None:
        """The call got a final refusal it cannot get past (no codec in common ...): one line for the
        operator; if it was in the queue, it leaves it."""
        detail = f"call from {waiting.caller} refused ({code}): {why}"
        call = self._by_sip(waiting.sip_call_id)
        if call is None:
            self._fail(new_call_id(), waiting.caller, FailureReason.REJECTED, detail)
            return
        self._fail(call.id, waiting.caller, FailureReason.REJECTED, detail)
        self._end(call, detail)

    def lost(self, waiting: WaitingCall, why: str) -> None:
        """The operator answered, the line never took the call, and the front has answered the caller:
        one line naming the call in the queue, which then leaves it; another position may take it."""
        call = self._by_sip(waiting.sip_call_id)
        if call is None:
            return
        self.unclaim(waiting.sip_call_id)
        detail = f"call from {waiting.caller} could not be answered: {why}"
        self._fail(call.id, waiting.caller, FailureReason.OTHER, detail)
        self._end(call, detail)

    def incoming(self, line_call: LineCall, sip_call_id: str) -> bool:
        call = self._by_sip(sip_call_id)
        if call is None or call.line is not None:
            return False
        call.line, line_call.key = line_call, call.id
        return True

    def line_state(self, line_call: LineCall, state: int, code: int, reason: str) -> None:
        call = self._calls.get(line_call.key)
        if call is None:
            if state == pj.PJSIP_INV_STATE_CONFIRMED and self._line is not None:
                self._line.hangup(line_call)  # its caller left while it was answered: nobody to talk to
            return
        if state == pj.PJSIP_INV_STATE_CONFIRMED:
            if self._front is not None and call.sip_call_id:
                self._front.forget(call.sip_call_id)
            if call.state is CallState.DIALLING:
                self._state(call, CallState.CONSULTING if call.consult_of else CallState.CONNECTED)
            elif call.state is CallState.OFFERED:
                self._state(call, CallState.CONNECTED)
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            if self._refused_on_hand_over(call, line_call):
                return
            if call.state is CallState.DIALLING:
                why = FAILURES.get(code, FailureReason.OTHER)
                self._fail(call.id, call.peer, why, f"{code} {reason}")
            if call.state is CallState.TRANSFERRED:
                call.ending = call.ending or "transferred"
            self._end(call, call.ending or ("hung up" if code in (200, 0) else f"{code} {reason}".strip()))

    def _refused_on_hand_over(self, call: DeskCall, line_call: LineCall) -> bool:
        """The line took a handed-over call and then refused it before it was answered (an offer pjsua2
        cannot make a media session for: 488). Its final answer goes to the front, which tells the caller
        and decides (``refused``: a notice naming this call, then it leaves the queue; ``handover_failed``:
        it rings on), so the desk only lets go of the line's leg here."""
        waiting = (
            self._front.calls.get(call.sip_call_id) if self._front is not None and call.sip_call_id else None
        )
        if (
            call.state is not CallState.OFFERED
            or call.line is not line_call
            or waiting is None
            or not waiting.handed_over
            or waiting.answered
            or waiting.forgotten
        ):
            return False
        call.line, line_call.key = None, ""
        return True

    def line_transfer(self, line_call: LineCall, code: int, final: bool) -> None:
        call = self._calls.get(line_call.key)
        if call is None or (not final and code < 300):
            return
        if 200 <= code < 300:
            consult = self._calls.get(call.replaced_by)
            call.ending = f"answered at {call.transfer_to}"
            self._line_hangup(call)
            if consult is not None:
                consult.ending = "transfer completed"
                self._line_hangup(consult)
        elif code >= 300:
            target = call.transfer_to
            call.transfer_to = call.replaced_by = ""
            why = FAILURES.get(code, FailureReason.OTHER)
            self._fail(call.id, target, why, f"transfer {code}")
            if not self.hand_over_failed(call):
                self._connect(call)

    def answer(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.state is not CallState.OFFERED or self._line is None or self._front is None:
            return
        if call.line is not None:  # a recall: the caller is already on our line
            self._connect(call)
            return
        if self._line.free() <= 0:
            self._fail(call.id, "", FailureReason.OTHER, self._line.shortage())
            return
        if not self.claim(call.sip_call_id):
            self._end(call, ANSWERED_ELSEWHERE)  # it rings on here until the PBX's CANCEL for this branch
            return
        if not self._front.hand_over(
            call.sip_call_id, (self._line.host, self._line.port), self._line.contact
        ):
            self.unclaim(call.sip_call_id)
            self._end(call, "abandoned")

    def release(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        if call.line is None:
            if self._front is not None:
                self._front.refuse(call.sip_call_id, 480, "Temporarily Unavailable")
                self._front.forget(call.sip_call_id)
            self._end(call, "released")
        else:
            call.ending = "released"
            self._line_hangup(call)

    def transfer(self, call_id: str, target: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.line is None or self._line is None:
            return
        reason = self._refusal(target)
        if reason is not None:
            self._fail(call.id, target, reason, "")
            return
        call.transfer_to = target
        self._state(call, CallState.TRANSFERRED, target)
        self._line.xfer(call.line, target)

    def consult(self, call_id: str, consult_id: str, target: str) -> None:
        if self._line is None:
            return
        call = self._calls.get(call_id)
        if call is not None and call.state is CallState.CONNECTED and dialable(target):
            self.hold(call_id, CallState.HELD)  # not for a target that is no number: refused below
        leg = DeskCall(
            consult_id,
            target,
            "",
            target,
            CallKind.INTERNAL,
            CallState.DIALLING,
            peer=target,
            consult_of=call_id,
        )
        self._calls[consult_id] = leg
        self._emit(CallStateChanged(consult_id, CallState.DIALLING, self._clock.now(), target))
        reason, detail = self._refusal(target), ""
        if reason is None and self._line.free() <= 0:
            reason, detail = FailureReason.OTHER, self._line.shortage()
        if reason is not None:
            self._fail(consult_id, target, reason, detail)
            self._end(leg, reason.value)
            return
        leg.line = self._line.dial(target, consult_id)

    def complete(self, call_id: str, consult_id: str) -> None:
        held, leg = self._calls.get(call_id), self._calls.get(consult_id)
        if (
            held is None
            or leg is None
            or held.line is None
            or leg.line is None
            or self._line is None
            or leg.state is not CallState.CONSULTING
        ):
            self._fail(call_id, consult_id, FailureReason.OTHER, "no consultation")
            return
        held.transfer_to, held.replaced_by = leg.peer, consult_id
        self._state(held, CallState.TRANSFERRED, leg.peer)
        self._line.xfer_replaces(held.line, leg.line)

    def dial(self, call_id: str, number: str) -> None:
        call = DeskCall(call_id, number, "", number, CallKind.INTERNAL, CallState.DIALLING, peer=number)
        self._calls[call_id] = call
        self._emit(CallStateChanged(call_id, CallState.DIALLING, self._clock.now(), number))
        if not dialable(number):  # a caller's '١٢٩٩' is shown, never dialled
            self._fail(call_id, number, FailureReason.NOT_FOUND, "not a number to dial")
            self._end(call, "not a number")
            return
        if self._line is None or self._line.free() <= 0:
            why = self._line.shortage() if self._line is not None else "no line"
            self._fail(call_id, number, FailureReason.OTHER, why)
            self._end(call, "no line")
            return
        call.line = self._line.dial(number, call_id)
