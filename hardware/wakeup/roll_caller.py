"""The evacuation roll-call on the wake-up lines: while one runs, every free line rings a room of it
("press 1 if you are leaving now, 2 if you need help"), and wake-ups wait until it stops.

The dialler asks ``turn()`` before it claims wake-ups: True means a roll-call has the lines this turn.
Roll-call orders carry the room's negative id as their wake-up id, so ``take()`` can pick their
results out of what the lines return and hand the rest (wake-ups already ringing) back.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from hardware.wakeup.lines import Lines, Result
from switchboard.clock import Clock
from switchboard.roll_call import RETRY_AFTER, RollCallBook
from switchboard.wakeup_plan import DialOrder

log = logging.getLogger(__name__)

SOUNDS = Path(__file__).resolve().parent.parent.parent / "resources" / "sounds"
RECORDINGS = {"en": SOUNDS / "rollcall_en.wav", "zh": SOUNDS / "rollcall_zh.wav"}


class RollCaller:
    def __init__(
        self,
        book: RollCallBook,
        lines: Lines,
        clock: Clock,
        *,
        recordings: Mapping[str, Path] = RECORDINGS,
        ring_s: float = 30.0,
        listen_s: float = 20.0,
        retry_after: timedelta = RETRY_AFTER,
    ) -> None:
        self._book = book
        self._lines = lines
        self._clock = clock
        self._recordings = recordings
        self.ring_s = ring_s
        self.listen_s = listen_s
        self.retry_after = retry_after
        self.placed = 0

    def turn(self) -> bool:
        """Ring as many rooms as lines are free; True while a roll-call runs (wake-ups wait)."""
        roll_call = self._book.running_id()
        if roll_call is None:
            return False
        free = self._lines.free()
        now = self._clock.now()
        for room in self._book.claim(roll_call, free, self.retry_after):
            recording = self._recordings.get(room.language[:2], self._recordings["en"])
            order = DialOrder(-room.id, room.attempts, room.room, room.extension, room.language, now, now)
            self._lines.place(order, recording, self.ring_s, self.listen_s)
            self.placed += 1
        return True

    def take(self, results: list[Result]) -> list[Result]:
        """Record the roll-call's results; the others (wake-ups) are returned to the caller."""
        rest: list[Result] = []
        for order, result, detail in results:
            if order.wakeup_id >= 0:
                rest.append((order, result, detail))
                continue
            try:
                self._book.record(-order.wakeup_id, result, detail)
            except Exception:  # the database away: the room is rung again when it is due
                log.exception("roll-call result for room %s not recorded", order.room)
        return rest
