"""The handover between shifts, composed from the data, not from memory; the
incoming operator acknowledges each item."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
    EMERGENCY = "emergency"  # an emergency number dialled during the shift, and who acknowledged it


@dataclass(frozen=True, slots=True)
class HandoverItem:
    id: int
    kind: ItemKind
    ref: str
    text: str
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None
    text_zh: str = ""  # a timed duty's Chinese name, for the Chinese screen

    @property
    def fields(self) -> dict[str, str]:
        """The parts of ``text`` (room, time, ...), so a screen can say them in its own language."""
        return item_fields(self.kind, self.text)


# How each composed line is written (the stored record, in English) and read back into its parts;
# the screens say the parts in the operator's language.
_LINES: dict[ItemKind, str] = {
    ItemKind.WAKEUP_DUE: "{time} room {room} ({status}, {attempts} attempts)",
    ItemKind.WAKEUP_ESCALATED: "{time} room {room} ({status}, {attempts} attempts)",
    ItemKind.MESSAGE: "room {room}: from {sender}, taken {time}",
    ItemKind.DND: "room {room} on DND{until}",
    ItemKind.VIP_ARRIVAL: "VIP {level} {name}, room {room}, arrives {date}",
    ItemKind.TIMED_DUTY: "{time} {name}",
    ItemKind.FOLLOW_UP: "{room}{text}{due}",
    ItemKind.EMERGENCY: "{time} {place} dialled {number}, acknowledged by {by}",
}
_PATTERNS: dict[ItemKind, re.Pattern[str]] = {
    ItemKind.WAKEUP_DUE: re.compile(
        r"(?P<time>\d\d:\d\d) room (?P<room>\S+) \((?P<status>\w+), (?P<attempts>\d+) attempts\)"
    ),
    ItemKind.MESSAGE: re.compile(r"room (?P<room>\S+): from (?P<sender>.*), taken (?P<time>\d\d:\d\d)"),
    ItemKind.DND: re.compile(r"room (?P<room>\S+) on DND(?: until (?P<until>\d\d-\d\d \d\d:\d\d))?"),
    ItemKind.VIP_ARRIVAL: re.compile(
        r"VIP (?P<level>\d+) (?P<name>.*), room (?P<room>\S+), arrives (?P<date>\d\d-\d\d)"
    ),
    ItemKind.TIMED_DUTY: re.compile(r"(?P<time>\d\d:\d\d) (?P<name>.*)"),
    ItemKind.FOLLOW_UP: re.compile(
        r"(?:room (?P<room>\S+): )?(?P<text>.*?)(?:, due (?P<due>\d\d-\d\d \d\d:\d\d))?", re.DOTALL
    ),
}
_PATTERNS[ItemKind.WAKEUP_ESCALATED] = _PATTERNS[ItemKind.WAKEUP_DUE]
_PATTERNS[ItemKind.EMERGENCY] = re.compile(
    r"(?P<time>\d\d:\d\d:\d\d) (?P<place>\S+) dialled (?P<number>\d+), acknowledged by (?P<by>.*)"
)


def item_line(kind: ItemKind, **parts: str) -> str:
    """The stored line of a composed item; optional parts (DND until, follow-up room and due) may be empty."""
    if kind is ItemKind.DND:
        parts["until"] = f" until {parts['until']}" if parts.get("until") else ""
    if kind is ItemKind.FOLLOW_UP:
        parts["room"] = f"room {parts['room']}: " if parts.get("room") else ""
        parts["due"] = f", due {parts['due']}" if parts.get("due") else ""
    if kind is ItemKind.NOTE:
        return parts["text"]
    return _LINES[kind].format(**parts)


def item_fields(kind: ItemKind, text: str) -> dict[str, str]:
    """``item_line`` read back: its parts, or {} for a note or a line written some other way."""
    pattern = _PATTERNS.get(kind)
    found = pattern.fullmatch(text) if pattern else None
    return {k: v or "" for k, v in found.groupdict().items()} if found else {}


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

    def acknowledge_all(self, item_ids: Sequence[int], actor: Actor) -> Handover: ...

    def latest(self, actor: Actor) -> Handover | None: ...
