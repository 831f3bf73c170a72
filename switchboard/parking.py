"""Where the console parks calls: the slots of ``[pbx] park_slots``, checked against the extension plan.

A park slot is a number on the PBX (a phone may dial it to take the call, on PBXs that allow it), so a
slot that is also a room or a department would ring the wrong party or hide a call. The console takes
the slots that are free in the plan and says which ones it had to leave out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from switchboard.sip_field import parse_field

DEFAULT_PARK_SLOTS = "7901-7909"
MAX_SLOTS = 50  # more parked calls than this is not a console's job


@dataclass(frozen=True, slots=True)
class ParkPlan:
    slots: tuple[str, ...]  # usable, in order
    collisions: tuple[str, ...]  # slots left out because an extension has the number


def plan_park_slots(spec: str, extensions: Iterable[str]) -> ParkPlan:
    """The usable slots of ``spec`` (``7901-7909``, ``7901, 7905-7907``; empty means the default).

    Raises ``InputError`` for a setting that cannot be read; slots past ``MAX_SLOTS`` are not used."""
    ranges = parse_field(spec.strip() or DEFAULT_PARK_SLOTS)
    taken = set(extensions)
    slots: list[str] = []
    collisions: list[str] = []
    for part in ranges:
        for number in range(part.low, min(part.high, part.low + MAX_SLOTS) + 1):
            slot = str(number)
            if slot in slots or slot in collisions:
                continue
            (collisions if slot in taken else slots).append(slot)
            if len(slots) >= MAX_SLOTS:
                return ParkPlan(tuple(slots), tuple(collisions))
    return ParkPlan(tuple(slots), tuple(collisions))
