"""The attendant position over SIP: ``switchboard.pbx.PbxPosition`` on a real PBX.

One thread, ``sip-position``, owns everything SIP: the ringing front (where waiting calls ring, any
number of them), the pjsua2 line (the operator's four talking legs), the call desk that drives both
(``call_desk.py``: what each command means in SIP), the lamps (``sip_lamps.py``) and the message-waiting
lamps (``message_lamps.py``). Commands from the GUI are closures on a queue run by that thread; what
happens leaves as the frozen ``switchboard.pbx`` events through the sink. No other thread calls pjsua2.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hardware.sip.position_thread import PositionThread
from switchboard.pbx import CallFailed, CallState, FailureReason, new_call_id
from switchboard.positions import ParkBook


class SipPosition(PositionThread):
    """``PbxPosition`` over SIP: each command is queued for the ``sip-position`` thread
    (``position_thread.py``)."""

    # ------------------------------------------------------------ Protocol: commands

    def _put(self, command: Callable[[], object], call_id: str = "", target: str = "") -> None:
        """Queue a command for the SIP thread; refuse it at once if SIP could not start at all."""
        if self._dead:
            self._emit(CallFailed(call_id, target, FailureReason.LINK_DOWN, self._clock.now(), self._dead))
            return
        self._commands.put(command)

    def watch(self, extensions: Sequence[str]) -> None:
        if not self._dead:
            self._commands.put(lambda: self._lamps.watch(list(extensions)))

    def answer(self, call_id: str) -> None:
        self._put(lambda: self._desk.answer(call_id), call_id)

    def release(self, call_id: str) -> None:
        self._put(lambda: self._desk.release(call_id), call_id)

    def hold(self, call_id: str) -> None:
        self._put(lambda: self._desk.hold(call_id, CallState.HELD), call_id)

    def retrieve(self, call_id: str) -> None:
        self._put(lambda: self._desk.retrieve(call_id), call_id)

    def blind_transfer(self, call_id: str, target: str) -> None:
        self._put(lambda: self._desk.transfer(call_id, target), call_id, target)

    def consult(self, call_id: str, target: str) -> str:
        consult_id = new_call_id()
        self._put(lambda: self._desk.consult(call_id, consult_id, target), consult_id, target)
        return consult_id

    def complete_transfer(self, call_id: str, consult_id: str) -> None:
        self._put(lambda: self._desk.complete(call_id, consult_id), call_id)

    def park(self, call_id: str) -> None:
        self._put(lambda: self._desk.park(call_id), call_id)

    def pickup(self, slot: str) -> str:
        call_id = self._desk.parked.get(slot, "")
        self._put(lambda: self._desk.pickup(slot), call_id, slot)
        return call_id

    def share_parks(self, book: ParkBook) -> None:
        """Share this position's parked and camped calls with every position through ``book``."""

        self._commands.put(lambda: self._start_share(book))

    def pickup_shared(self, call_key: str) -> None:
        """Pick up a call parked or camped at another position (the shared park area): it is handed
        over here by REFER and answered on arrival; refused if it is gone or another position was first."""

        def run() -> None:
            share, front = self._share, self._front
            if share is None or front is None:
                why = "the park area is not shared at this position"
                self._emit(CallFailed("", "", FailureReason.NOT_FOUND, self._clock.now(), why))
                return
            share.pick(call_key, front.registration.gruu)

        self._put(run)

    def hand_over_aside(self) -> None:
        """The operator signs out, the console stays up: the calls parked or camped here go by REFER to
        the operator number, as when the position closes, and ring on every position registered."""

        def run() -> None:
            if self._share is not None and self._line is not None:
                self._share.hand_over_all(self._line, self.settings.extension)

        self._commands.put(run)

    def set_parking(self, slots: Sequence[str], recall_after_s: float) -> None:
        def run() -> None:
            self._desk.park_slots, self._desk.park_recall_s = tuple(slots), recall_after_s

        self._commands.put(run)

    def camp_on(self, call_id: str, target: str, recall_after_s: float) -> None:
        self._put(lambda: self._desk.camp_on(call_id, target, recall_after_s), call_id, target)

    def conference(self, call_id: str, other_call_id: str) -> None:
        self._put(lambda: self._desk.conference(call_id, other_call_id), call_id)

    def dial(self, number: str) -> str:
        call_id = new_call_id()
        self._put(lambda: self._desk.dial(call_id, number), call_id, number)
        return call_id

    def set_dnd(self, extension: str, on: bool) -> None:
        self._commands.put(lambda: self._lamps.set_dnd(extension, on))

    def set_message_lamp(self, extension: str, on: bool) -> None:
        def run() -> None:
            if self._mwi is not None:
                self._mwi.set(extension, on)

        if not self._dead:
            self._commands.put(run)

    def set_break(self, on: bool) -> None:
        """On break: the operator contact leaves the PBX, which rings the other positions only; calls
        already ringing here ring on until answered or gone. Back: registered again at once."""

        def run() -> None:
            if self._front is not None:
                self._front.registration.pause(on)

        if not self._dead:
            self._commands.put(run)

    def set_overflow(self, destination: str, after_s: float) -> None:
        """A call ringing here longer than ``after_s`` is sent to ``destination`` (an extension or a
        sip: URI) by a 302; the PBX follows it (its failure route, README "Overflow")."""

        def run() -> None:
            self._desk.overflow_to, self._desk.overflow_s = destination, after_s

        self._commands.put(run)

    def sip_call_id(self, call_id: str) -> str:
        """The SIP Call-ID of a console call (for measurements); call only from the sink."""
        return self._desk.sip_call_id(call_id)
