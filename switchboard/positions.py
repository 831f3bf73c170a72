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
    """``[attendant] overflow_to`` as a destination: an extension or a sip: URI; "" when it is neither
    (a Contact header must not carry anything the PBX could read as another header or parameter)."""
    value = text.strip()
    if _EXTENSION.fullmatch(value) or _SIP_URI.fullmatch(value):
        return value
    return ""
