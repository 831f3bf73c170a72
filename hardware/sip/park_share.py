"""The park area shared by every position, on the SIP side: the calls this position holds aside
(parked, camped on a busy extension) are published in the shared book for every position's park area;
a call another position picks up is handed over to it by REFER (blind transfer, RFC 3515) to that
position's own address, its GRUU (RFC 5627), so it rings there alone and is answered on arrival.
A recall stays with the position holding the call (the call is on its line); when that position signs
out, its calls aside go to the operator number, to ring on every other position.

The book is the database's (db/shared_parks.py), and a database that is slow or away must never hold up
the SIP thread (the PBX's probe would go unanswered): the SIP thread only leaves a snapshot of its calls
aside every ``EVERY_S``, and a thread of its own, ``park-share`` (supervised), talks to the book and hands
what it decides back to the SIP thread as commands on the position's queue."""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from hardware.sip.call_desk import CallDesk
from hardware.sip.console_line import Line
from hardware.sip.ringing_front import RingingFront
from hardware.sip.supervised import Supervised
from switchboard.clock import Clock
from switchboard.pbx import CallState
from switchboard.positions import AsideKind, ParkBook, SharedPark, overflow_destination

log = logging.getLogger(__name__)

EVERY_S = 0.25
PICKUP_WAIT_S = 10.0  # how long a picked call is expected at this position
SIGN_OUT_WAIT_S = 3.0  # at sign-out, how long the calls aside may take to reach the other positions
AWAY_PAUSE_S = 2.0  # the book failed: wait this long before the next round

InSipThread = Callable[[Callable[[], object]], None]


@dataclass(frozen=True)
class _Snapshot:
    taken: float  # monotonic
    parks: tuple[SharedPark, ...]
    ids: dict[str, str]  # call key -> desk call id


class ParkShare:
    def __init__(
        self,
        book: ParkBook,
        desk: CallDesk,
        clock: Clock,
        in_sip_thread: InSipThread,
        refused: Callable[[str], None],
    ) -> None:
        self.book = book
        self._desk = desk
        self._clock = clock
        self._in_sip_thread = in_sip_thread
        self._refused = refused  # run in the SIP thread: a pick-up the book refused, and why
        self._due = 0.0
        self._snapshot = _Snapshot(0.0, (), {})  # replaced whole by the SIP thread, read by park-share
        self._picks: queue.Queue[tuple[str, str]] = queue.Queue()  # (call key, this position's GRUU)
        # park-share's own:
        self._published: dict[str, str] = {}  # call key -> where, as the book has it
        self._handed: dict[str, float] = {}  # call key -> monotonic time its hand-over was asked
        self._failures = 0
        self._thread = Supervised(
            "park-share", self._run, died=lambda why: log.warning("park-share: %s", why)
        )
        self._thread.start()

    # ------------------------------------------------------------ SIP thread

    def poll(self) -> None:
        now = time.monotonic()
        if now < self._due:
            return
        self._due = now + EVERY_S
        mine, parks, ids = self.book.position, [], {}
        for call in self._desk.aside():
            kind = AsideKind.PARK if call.state is CallState.PARKED else AsideKind.CAMP
            parks.append(
                SharedPark(
                    call.sip_call_id, kind, call.peer, mine, call.caller, call.caller_name, self._clock.now()
                )
            )
            ids[call.sip_call_id] = call.id
        self._snapshot = _Snapshot(now, tuple(parks), ids)

    def pick(self, call_key: str, gruu: str) -> None:
        """Pick up another position's call: claimed in the book with this position's GRUU (in
        park-share); its caller's INVITE is then answered as soon as it arrives."""
        self._picks.put((call_key, gruu))

    def _expect(self, park: SharedPark, until: float) -> None:
        self._desk.pickups[park.caller] = (park.where, until)

    def sign_out(self, front: RingingFront | None, line: Line | None, operator: str) -> None:
        """The position is closing with calls parked or camped on its line: each goes by REFER to the
        operator number, so it rings on every position still signed in rather than being cut off. The
        position unregisters first (not to be rung itself) and waits up to ``SIGN_OUT_WAIT_S`` for the
        transfers; its calls then leave the shared park area."""
        calls = self._desk.aside() if front is not None and line is not None else []
        if front is not None and line is not None and calls:
            front.registration.pause(True)
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                front.poll(0.01)
            self.hand_over_all(line, operator)
            deadline = time.monotonic() + SIGN_OUT_WAIT_S
            while time.monotonic() < deadline and any(self._desk.holds(c.id) for c in calls):
                front.poll(0.005)
                line.pump(5)
        self._thread.stop(5)
        try:
            for key in list(self._published):
                self.book.remove(key)
        except Exception as exc:  # closing anyway: the rows of a closed position are stale, not harmful
            log.warning("shared park area not cleared at sign-out: %s", exc)
        self._published.clear()

    def hand_over_all(self, line: Line, operator: str) -> None:
        """Each call aside here goes by REFER to the operator number (SIP thread)."""
        for call in self._desk.aside():
            self._desk.hand_over(call.id, line.uri(operator), "all positions")

    # ------------------------------------------------------------ park-share thread

    def _run(self) -> None:
        stopping = self._thread.stopping
        while not stopping.wait(EVERY_S):
            try:
                self._take_picks()
                self._round()
                self._failures = 0
            except Exception as exc:  # the database away or slow: try again a little later
                self._failures += 1
                if self._failures in (1, 10, 100) or self._failures % 1000 == 0:
                    log.warning("shared park area not updated (%d so far): %s", self._failures, exc)
                stopping.wait(AWAY_PAUSE_S)

    def _take_picks(self) -> None:
        while True:
            try:
                call_key, gruu = self._picks.get_nowait()
            except queue.Empty:
                return
            park = self.book.pick(call_key, gruu)
            if park is None:
                self._in_sip_thread(
                    lambda: self._refused("no longer parked, or picked up at another position")
                )
                continue
            self._in_sip_thread(partial(self._expect, park, time.monotonic() + PICKUP_WAIT_S))

    def _round(self) -> None:
        snapshot = self._snapshot
        aside = {p.call_key: p for p in snapshot.parks}
        for key in [k for k in self._published if k not in aside]:
            self.book.remove(key)
            del self._published[key]
            self._handed.pop(key, None)
        for key, park in aside.items():
            asked = self._handed.get(key)
            if asked is not None and snapshot.taken > asked + 0.1:
                del self._handed[key]  # the hand-over failed and the call is aside again: pickable anew
                self._published.pop(key, None)
            if key in self._handed or self._published.get(key) == park.where:
                continue
            if self.book.put(park):
                self._published[key] = park.where
            else:  # another position took the slot a moment before: park again in a free one
                log.info("park slot %s taken by another position; parking again", park.where)
                self._in_sip_thread(partial(self._desk.repark, snapshot.ids[key]))
        shared = self.book.all()
        taken = frozenset(
            p.where for p in shared if p.position != self.book.position and p.kind is AsideKind.PARK
        )
        self._in_sip_thread(partial(setattr, self._desk, "taken_elsewhere", taken))
        for picked in self.book.handovers():
            key = picked.call_key
            if key not in aside or key in self._handed:
                continue
            self._handed[key] = time.monotonic()
            if (
                not picked.picked_contact.startswith("sip:")
                or overflow_destination(picked.picked_contact) == ""
            ):
                log.warning("call %s picked up with an unusable address; kept here", key)
                continue
            hand = partial(self._desk.hand_over, snapshot.ids[key], picked.picked_contact, picked.picked_by)
            self._in_sip_thread(hand)
