"""The one path into the hotel's room and stay data.

Whoever makes a change (an operator at the console, the front desk, or the
PMS over FIAS) calls the same ``FrontOffice`` and ``WakeUpDesk`` methods, so
validation, audit and the PBX side effects happen once.  ``db/`` implements
them; the FIAS session in ``hardware/`` and the UI only call them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Protocol

from switchboard.hotel import Actor, Housekeeping, Stay


@dataclass(frozen=True, slots=True)
class CheckIn:
    room: str
    name: str
    reservation: str = ""  # FIAS G#; generated when empty
    first_name: str = ""
    title: str = ""
    language: str = ""
    vip_level: int = 0
    arrival: date | None = None
    departure: date | None = None
    romanised: str = ""
    company: str = ""
    companions: str = ""
    group: str = ""
    share: bool = False
    privacy: bool = False
    class_of_service: int | None = None


@dataclass(frozen=True, slots=True)
class GuestChange:
    """Change what is given (None = unchanged) of the stay with ``reservation`` or in ``room``."""

    room: str
    reservation: str = ""
    name: str | None = None
    first_name: str | None = None
    title: str | None = None
    language: str | None = None
    vip_level: int | None = None
    departure: date | None = None
    privacy: bool | None = None
    class_of_service: int | None = None
    group: str | None = None  # FIAS GG
    arrival: date | None = None  # FIAS GA
    share: bool | None = None  # FIAS GS


@dataclass(frozen=True, slots=True)
class CheckOutResult:
    stay: Stay
    undelivered_messages: int
    cancelled_wakeups: int


class WakeUpRepeat(Enum):
    ONCE = "once"
    DAILY = "daily"  # every day until departure


class FrontOffice(Protocol):
    """Rooms, stays, DND, message lamps and messages."""

    def check_in(self, request: CheckIn, actor: Actor) -> Stay: ...

    def check_out(self, room: str, reservation: str, actor: Actor) -> CheckOutResult:
        """Check out; clears DND, message lamp and future wake-ups of the stay."""
        ...

    def change_guest(self, change: GuestChange, actor: Actor) -> Stay: ...

    def move_room(self, from_room: str, to_room: str, reservation: str, actor: Actor) -> Stay:
        """Move a stay with its wake-ups, DND, messages and whereabouts; tells the PBX."""
        ...

    def set_dnd(self, room: str, on: bool, actor: Actor, until: datetime | None = None) -> None: ...

    def set_message_lamp(self, room: str, on: bool, actor: Actor) -> None: ...

    def set_class_of_service(self, room: str, level: int, actor: Actor) -> None: ...

    def set_housekeeping(self, room: str, status: Housekeeping, actor: Actor) -> None: ...

    def take_message(
        self,
        room: str,
        sender: str,
        text: str,
        actor: Actor,
        callback: str = "",
        reservation: str = "",
        message_id: str = "",
    ) -> int:
        """Store a message for the guest in ``room``; returns its id and lights the lamp. ``message_id``:
        the PMS's number for it (FIAS MI)."""
        ...

    def begin_resync(self, actor: Actor) -> None:
        """The PMS starts resending its whole database (FIAS DS)."""
        ...

    def end_resync(self, actor: Actor) -> None:
        """The PMS finished (FIAS DE): stays not resent since ``begin_resync`` are checked out."""
        ...


class WakeUpDesk(Protocol):
    """Booking and cancelling wake-up calls; dialling is elsewhere."""

    def book(
        self,
        room: str,
        due_at: datetime,
        actor: Actor,
        *,
        repeat: WakeUpRepeat = WakeUpRepeat.ONCE,
        language: str = "",
        note: str = "",
    ) -> int:
        """Book a wake-up; returns its id. Refuses a time in the past."""
        ...

    def cancel(self, room: str, due_at: datetime | None, actor: Actor) -> int:
        """Cancel the room's wake-up at ``due_at`` (all future ones for None); returns how many."""
        ...
