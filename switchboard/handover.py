"""The handover between shifts, composed from the data, not from memory; the
incoming operator acknowledges each item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from switchboard.hotel import Actor
from switchboard.shifts import ShiftSlot


class ItemKind(Enum):
    NOTE = "note"  # the outgoing operator's own words
    WAKEUP_DUE = "wakeup_due"
    WAKEUP_ESCALATED = "wakeup_escalated"
    FOLLOW_UP = "follow_up"
    MESSAGE = "message"
    DND = "dnd"
    VIP_ARRIVAL = "vip_arrival"
    TIMED_DUTY = "timed_duty"


@dataclass(frozen=True, slots=True)
class HandoverItem:
    id: int
    kind: ItemKind
    ref: str
    text: str
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Handover:
    id: int
    from_shift: str  # "2026-11-20 night"
    composed_at: datetime
    composed_by: str
    items: tuple[HandoverItem, ...]
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None

    @property
    def pending(self) -> tuple[HandoverItem, ...]:
        return tuple(i for i in self.items if i.acknowledged_at is None)


class HandoverBook(Protocol):
    def compose(self, outgoing: ShiftSlot, note: str, actor: Actor) -> Handover: ...

    def acknowledge(self, item_id: int, actor: Actor) -> Handover: ...

    def latest(self) -> Handover | None: ...
