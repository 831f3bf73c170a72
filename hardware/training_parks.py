"""The shared park area on the training PBX, so several training positions on one database can
practise it: the calls a training position parks or camps are published in the shared book, a call
another position picks up leaves here ("answered at ...") and is put through there, on the picking
position's own training PBX, with the same caller. A round every ``EVERY_S`` in the PBX's pump."""

from __future__ import annotations

import logging
import time

from hardware.training_exchange import TrainingCall
from switchboard.clock import Clock
from switchboard.errors import DatabaseUnavailable
from switchboard.pbx import CallState
from switchboard.positions import AsideKind, ParkBook, SharedPark

log = logging.getLogger(__name__)

EVERY_S = 0.5


class TrainingParkShare:
    def __init__(self, book: ParkBook, clock: Clock) -> None:
        self.book = book
        self._clock = clock
        self._due = 0.0
        self._published: dict[str, str] = {}  # call id -> where
        self.away = False  # the database was away at the last round (said once)

    def round(self, calls: dict[str, TrainingCall]) -> list[tuple[str, str]]:
        """Publish the calls aside; the (call id, picking position) of those to hand over now."""
        now = time.monotonic()
        if now < self._due:
            return []
        self._due = now + EVERY_S
        try:
            handed = self._publish(calls)
        except DatabaseUnavailable as exc:  # the parked calls stay here; said once, not every round
            if not self.away:
                log.warning("training PBX: shared park area not updated: %s", exc)
            self.away = True
            return []
        if self.away:
            log.warning("training PBX: shared park area updated again")
        self.away = False
        return handed

    def _publish(self, calls: dict[str, TrainingCall]) -> list[tuple[str, str]]:
        aside = {k: c for k, c in calls.items() if c.state in (CallState.PARKED, CallState.CAMPED)}
        for key in [k for k in self._published if k not in aside]:
            self.book.remove(key)
            del self._published[key]
        for key, call in aside.items():
            if self._published.get(key) == call.peer:
                continue
            kind = AsideKind.PARK if call.state is CallState.PARKED else AsideKind.CAMP
            park = SharedPark(key, kind, call.peer, self.book.position, call.caller, "", self._clock.now())
            if self.book.put(park):
                self._published[key] = call.peer
            else:
                log.info("training: park slot %s is another position's", call.peer)
        return [(p.call_key, p.picked_by) for p in self.book.handovers() if p.call_key in aside]

    def withdraw(self, call_id: str) -> None:
        """A call handed back to every position leaves the park area before it rings there, so no
        position shows it both parked and ringing (the database away: it goes at the next round)."""
        try:
            self.book.remove(call_id)
        except DatabaseUnavailable as exc:
            log.info("training: park row of %s not removed yet: %s", call_id, exc)
            return
        self._published.pop(call_id, None)

    def clear(self) -> None:
        """Closing: this position's calls leave the shared park area."""
        for key in list(self._published):
            self.book.remove(key)
            del self._published[key]
