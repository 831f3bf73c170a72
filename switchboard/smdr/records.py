"""What one call record says, whatever PBX sent it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Direction(enum.Enum):
    INCOMING = "in"
    OUTGOING = "out"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One record (for PBXs that split a call, one segment of it).

    ``extension`` is the station side of the call (the hotel's telephone), ``number`` the other party.
    ``call_id`` groups the records of one call (Avaya's Call ID, Asterisk's linkedid); ``segment``
    numbers them in the order they arrived and ``continued`` says the PBX announced more.
    ``system_made`` names why the PBX made an external call on its own (mobile twinning, forwarding,
    a conference): such a call is not the room's to pay for.
    """

    started_at: datetime
    extension: str
    direction: Direction
    number: str
    duration_s: int
    ring_s: int = 0
    trunk: str = ""
    call_type: str = ""
    answered: bool = True
    account: str = ""
    call_id: str = ""
    raw: str = ""  # the line as the PBX sent it
    segment: int = 0
    continued: bool = False
    hold_s: int = 0
    park_s: int = 0
    pbx_charge: str = ""  # the PBX's own charge for the call, as it wrote it
    currency: str = ""
    system_made: str = ""
