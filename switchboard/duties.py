"""Timed duties: the hotel's reminders by shift and season (CCTV programme on,
background music off at 23:00 in summer, 22:30 in winter), each due at a time,
ticked off with who and when, or missed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot


class DutyState(Enum):
    UPCOMING = "upcoming"
    DUE = "due"  # its time has come and nobody has ticked it
    DONE = "done"
    MISSED = "missed"  # the shift ended without it


@dataclass(frozen=True, slots=True)
class Duty:
    id: int
    name: str
    name_zh: str
    due_at: datetime
    state: DutyState
    done_by: str = ""
    done_at: datetime | None = None


class DutyList(Protocol):
    def for_shift(self, slot: ShiftSlot) -> Sequence[Duty]: ...

    def tick(self, duty_id: int, slot: ShiftSlot, actor: Actor) -> None: ...

    def define(
        self, name: str, name_zh: str, shift_kind: str, hhmm: str, season: str, actor: Actor
    ) -> int: ...

    def retire(self, duty_id: int, actor: Actor) -> None: ...
