"""What the busy-lamp field shows beside each lamp, and where it comes from.

The lamp itself follows the PBX (``LampChanged``); the rest (label, floor,
department, whether the room is let, the guest's VIP level) comes from the
hotel's records through ``LampFieldSource``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from switchboard.hotel import ExtensionKind


@dataclass(frozen=True, slots=True)
class FieldLamp:
    """One extension on the lamp field."""

    extension: str
    kind: ExtensionKind
    label: str
    label_zh: str = ""
    floor: int | None = None
    department: str = ""
    room: str = ""
    occupied: bool = False
    vip_level: int = 0
    dnd: bool = False
    message_waiting: bool = False
    guest: str = ""  # the in-house guest's name and its romanised form; empty for a privacy guest


class LampFieldSource(Protocol):
    """The extensions the field shows, in the order it shows them."""

    def field_lamps(self) -> Sequence[FieldLamp]: ...


def sort_key(lamp: FieldLamp) -> tuple[int, int, str]:
    """Departments first (the operator rings them most), then rooms by floor and number."""
    group = 0 if lamp.kind is not ExtensionKind.ROOM else 1
    return (group, lamp.floor or 0, lamp.extension.zfill(8))
