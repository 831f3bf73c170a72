"""The park area shared by every position, on the SIP side: the calls this position holds aside
(parked, camped on a busy extension) are published in the shared book for every position's park area;
a call another position picks up is handed over to it by REFER (blind transfer, RFC 3515) to that
position's own address, its GRUU (RFC 5627), so it rings there alone and is answered on arrival.
A recall stays with the position holding the call (the call is on its line); when that position signs
out, its calls aside go to the operator number, to ring on every other position. Runs in the SIP thread,
a round every ``EVERY_S``; the book is the database's (db/shared_parks.py)."""

from __future__ import annotations

import logging
import time

from hardware.sip.call_desk import CallDesk
from hardware.sip.console_line import Line
from hardware.sip.front_registration import FrontRegistration
from hardware.sip.ringing_front import RingingFront
from switchboard.clock import Clock
from switchboard.pbx import CallState
from switchboard.positions import AsideKind, ParkBook, SharedPark, overflow_destination

log = logging.getLogger(__name__)

EVERY_S = 0.25
PICKUP_WAIT_S = 10.0  # how long a picked call is expected at this position
SIGN_OUT_WAIT_S = 3.0  # at sign-out, how long the calls aside may take to reach the other positions


class ParkShare:
    def __init__(self, book: ParkBook, desk: CallDesk, clock: Clock) -> None:
        self.book = book
        self._clock = clock
        self._desk = desk
        self._due = 0.0
        self._published: dict[str, str] = {}  # call key -> where, as the book has it
        self._handed: set[str] = set()

    def poll(self) -> None:
        now = time.monotonic()
        if now < self._due:
            return
        self._due = now + EVERY_S
        aside = {c.sip_call_id: c for c in self._desk.aside()}
        for key in [k for k in self._published if k not in aside]:
            self.book.remove(key)
            del self._published[key]
            self._handed.discard(key)
        shared = self.book.all()
        mine = self.book.position
        self._desk.taken_elsewhere = frozenset(
            p.where for p in shared if p.position != mine and p.kind is AsideKind.PARK
        )
        for key, call in aside.items():
            if key in self._handed:  # the hand-over failed and the call is aside again: pickable anew
                self._handed.discard(key)
                self._published.pop(key, None)
            if self._published.get(key) == call.peer:
                continue
            kind = AsideKind.PARK if call.state is CallState.PARKED else AsideKind.CAMP
            park = SharedPark(key, kind, call.peer, mine, call.caller, call.caller_name, self._clock.now())
            if self.book.put(park):
                self._published[key] = call.peer
            else:  # another position took the slot a moment before: park again in a free one
                log.info("park slot %s taken by another position; parking again", call.peer)
                self._desk.repark(call.id)
        for picked in self.book.handovers():
            held = aside.get(picked.call_key)
            if held is None or picked.call_key in self._handed:
                continue
            self._handed.add(picked.call_key)
            if (
                not picked.picked_contact.startswith("sip:")
                or overflow_destination(picked.picked_contact) == ""
            ):
                log.warning("call %s picked up with an unusable address; kept here", picked.call_key)
                continue
            self._desk.hand_over(held.id, picked.picked_contact, picked.picked_by)

    def sign_out(self, front: RingingFront, line: Line, operator: str) -> None:
        """The position is closing with calls parked or camped on its line: each goes by REFER to the
        operator number, so it rings on every position still signed in rather than being cut off. The
        position unregisters first (not to be rung itself) and waits up to ``SIGN_OUT_WAIT_S`` for the
        transfers; its calls then leave the shared park area."""
        calls = self._desk.aside()
        if calls:
            front.registration.pause(True)
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                front.poll(0.01)
            for call in calls:
                self._desk.hand_over(call.id, line.uri(operator), "all positions")
            deadline = time.monotonic() + SIGN_OUT_WAIT_S
            while time.monotonic() < deadline and any(self._desk.holds(c.id) for c in calls):
                front.poll(0.005)
                line.pump(5)
        for key in list(self._published):
            self.book.remove(key)
        self._published.clear()

    def pick(self, call_key: str, registration: FrontRegistration) -> SharedPark | None:
        """Pick up another position's call: claimed in the book with this position's GRUU, and its
        caller's INVITE is answered as soon as it arrives."""
        park = self.book.pick(call_key, registration.gruu)
        if park is not None:
            self._desk.pickups[park.caller] = (park.where, time.monotonic() + PICKUP_WAIT_S)
        return park
