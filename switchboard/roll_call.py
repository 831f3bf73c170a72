"""Evacuation roll-call: every occupied room (of the house, a floor or a wing) rung with "press 1 if you
are leaving now, 2 if you need help", until the duty manager stops it; the board the fire brigade is handed.

Rooms that asked for help stand at the top, then those that did not answer; a room is rung again
(``retry_after`` after its last call, at once by default) until it has said it is leaving or asked for
help, or the roll-call stops.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol

from switchboard.wakeup_plan import CallResult

# A room that has not said 1 or 2 is rung again as soon as a line is free (rooms rung fewest times
# first): in an evacuation a line left idle is a room not reached. [rollcall] retry_seconds spaces them.
RETRY_AFTER = timedelta(seconds=0)


class Scope(Enum):
    HOUSE = "house"
    FLOOR = "floor"
    WING = "wing"


class RoomAnswer(Enum):
    """Where a room stands in the roll-call, in the order the board lists them."""

    NEEDS_HELP = "needs_help"  # pressed 2: somebody must go there
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    FAILED = "failed"  # the PBX refused the call or the line broke
    WAITING = "waiting"  # not rung yet
    CALLING = "calling"
    ANSWERED = "answered"  # picked up, pressed nothing: someone is there, not yet confirmed leaving
    LEAVING = "leaving"  # pressed 1


ORDER = {answer: n for n, answer in enumerate(RoomAnswer)}
FINISHED = frozenset({RoomAnswer.LEAVING, RoomAnswer.NEEDS_HELP})  # not rung again


def answer_for(result: CallResult) -> RoomAnswer:
    """What one call of the roll-call says of its room (the wake-up lines' keys: 1 and 2)."""
    return {
        CallResult.CONFIRMED: RoomAnswer.LEAVING,
        CallResult.SNOOZED: RoomAnswer.NEEDS_HELP,
        CallResult.NO_KEY: RoomAnswer.ANSWERED,
        CallResult.NO_ANSWER: RoomAnswer.NO_ANSWER,
        CallResult.BUSY: RoomAnswer.BUSY,
    }.get(result, RoomAnswer.FAILED)


@dataclass(frozen=True, slots=True)
class RollCallRoom:
    id: int
    room: str
    extension: str
    floor: int
    guests: str  # who the PMS says is in the room: for the fire brigade
    language: str  # of the recording the room hears
    answer: RoomAnswer
    attempts: int
    last_at: datetime | None  # when its last call ended (or began, while calling)
    wing: str | None = None  # None in a hotel without wings


def due_again(room: RollCallRoom, now: datetime, retry_after: timedelta = RETRY_AFTER) -> bool:
    """Whether to ring ``room`` now: never rung, or its last call ended ``retry_after`` ago without
    it saying it is leaving or needs help."""
    if room.answer is RoomAnswer.WAITING:
        return True
    if room.answer in FINISHED or room.answer is RoomAnswer.CALLING:
        return False
    return room.last_at is None or now - room.last_at >= retry_after


def board(rooms: Iterable[RollCallRoom]) -> list[RollCallRoom]:
    """The board's order: needs help first, then no answer, busy ... leaving last; by room inside."""
    return sorted(rooms, key=lambda r: (ORDER[r.answer], r.room))


def counts(rooms: Sequence[RollCallRoom]) -> dict[RoomAnswer, int]:
    found = dict.fromkeys(RoomAnswer, 0)
    for room in rooms:
        found[room.answer] += 1
    return found


class RollCallBook(Protocol):
    """The roll-call as the lines see it (``db/roll_calls.py``)."""

    def running_id(self) -> int | None: ...

    def claim(
        self, roll_call_id: int, count: int, retry_after: timedelta = RETRY_AFTER
    ) -> list[RollCallRoom]: ...

    def record(self, room_id: int, result: CallResult, detail: str = "") -> RollCallRoom: ...
