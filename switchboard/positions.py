"""Several operator positions as one switchboard: where each position stands, and what a position's
PBX side must do when its operator goes on break (the PBX stops ringing it there)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable


class PositionState(enum.Enum):
    SIGNED_IN = "signed_in"
    ON_BREAK = "on_break"
    SIGNED_OUT = "signed_out"


@dataclass(frozen=True)
class PositionStatus:
    position: str
    state: PositionState
    operator: str
    since: datetime


@runtime_checkable
class Breakable(Protocol):
    """A position whose calls can stop while its operator is on break: over SIP its operator contact
    leaves the PBX's registrations; the training PBX offers it no call."""

    def set_break(self, on: bool) -> None: ...


@runtime_checkable
class Overflowing(Protocol):
    """A position that offers a call waiting too long to an overflow destination (the front desk)."""

    def set_overflow(self, destination: str, after_s: float) -> None: ...


def on_break(states: list[PositionStatus], own: str) -> list[PositionStatus]:
    """The other positions on break, by name."""
    return sorted(
        (s for s in states if s.state is PositionState.ON_BREAK and s.position != own),
        key=lambda s: s.position,
    )


_EXTENSION = re.compile(r"[0-9A-Za-z*#+._-]{1,32}", re.ASCII)
_SIP_URI = re.compile(r"sips?:[^\s<>\"]{1,200}", re.ASCII)


def overflow_destination(text: str) -> str:
    """``[attendant] overflow_to`` (or a position's address to hand a call to) as a destination: an
    extension or a sip: URI; "" when it is neither (a Contact or Refer-To must not carry anything the PBX
    could read as another header)."""
    value = text.strip()
    if _EXTENSION.fullmatch(value) or _SIP_URI.fullmatch(value):
        return value
    return ""


class AsideKind(enum.Enum):
    PARK = "park"
    CAMP = "camp"


@dataclass(frozen=True)
class SharedPark:
    """A call parked or camped at one position, as every position sees it. ``call_key`` is the call's
    SIP Call-ID (the training PBX's call id); ``where`` the park slot or the extension camped on."""

    call_key: str
    kind: AsideKind
    where: str
    position: str
    caller: str
    caller_name: str
    since: datetime
    picked_by: str = ""
    picked_contact: str = ""


class ParkBook(Protocol):
    """The shared park area (db/shared_parks.py). ``put`` is False when the slot is another position's;
    ``pick`` claims a call of another position for this one (once: the first to ask), and returns it."""

    position: str

    def put(self, park: SharedPark) -> bool: ...

    def remove(self, call_key: str) -> None: ...

    def all(self) -> list[SharedPark]: ...

    def pick(self, call_key: str, contact: str) -> SharedPark | None: ...

    def handovers(self) -> list[SharedPark]: ...


@runtime_checkable
class SharesParks(Protocol):
    """A position whose parked and camped calls every position sees, and that picks up theirs."""

    def share_parks(self, book: ParkBook) -> None: ...

    def pickup_shared(self, call_key: str) -> None: ...

    def hold(self, call_id: str) -> None: ...
