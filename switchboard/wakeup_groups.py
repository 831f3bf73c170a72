"""Group wake-ups: one time for a PMS group, a floor or a list of rooms, booked, moved or cancelled
in one action. Each member is an ordinary wake-up (the dialler, retries and escalation hold); the
group only ties them together and reports each member's outcome.

Personal wake-ups (VIPs): at the time the operator calls in person; the dialler calls the room by
itself only when nobody marked it done within ``[wakeup] personal_backup_minutes``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol

from switchboard.desk import WakeUpView
from switchboard.errors import InputError
from switchboard.hotel import Actor, check_room_number
from switchboard.wakeup_status import WakeUpStatus

PERSONAL_BACKUP = timedelta(minutes=5)
MAX_MEMBERS = 2000  # a list longer than any hotel is a typing accident


class GroupKind(Enum):
    GROUP = "group"  # the PMS group code of the stays in house
    FLOOR = "floor"
    ROOMS = "rooms"  # rooms typed as a list


@dataclass(frozen=True, slots=True)
class GroupMember:
    wakeup_id: int
    room: str
    status: WakeUpStatus
    outcome: str
    version: int


@dataclass(frozen=True, slots=True)
class GroupView:
    id: int
    kind: GroupKind
    label: str
    due_at: datetime
    booked_by: str
    members: tuple[GroupMember, ...]


@dataclass(frozen=True, slots=True)
class GroupResult:
    """What one group action did: the rooms it booked, moved or cancelled, and those it left as they
    were and why (already booked at that time, no guest in house, already under way)."""

    group_id: int
    done: tuple[str, ...]
    already_booked: tuple[str, ...] = ()
    no_guest: tuple[str, ...] = ()
    under_way: tuple[str, ...] = ()


def room_list(text: str) -> list[str]:
    """Rooms typed as ``1201 1202, 1203`` (spaces, commas or semicolons between), each checked, in order,
    once."""
    rooms: list[str] = []
    for part in text.replace(",", " ").replace(";", " ").replace("，", " ").split():
        number = check_room_number(part)
        if number not in rooms:
            rooms.append(number)
    if not rooms:
        raise InputError("wakeup.group_empty", "No rooms given")
    if len(rooms) > MAX_MEMBERS:
        raise InputError("wakeup.group_large", f"More than {MAX_MEMBERS} rooms", limit=str(MAX_MEMBERS))
    return rooms


def floor_number(text: str) -> int:
    value = text.strip().upper().removesuffix("F")
    if not value.isdigit() or len(value) > 3:
        raise InputError("wakeup.floor", f"Not a floor: {text[:10]!r}", floor=text[:10])
    return int(value)


def personal_backup_from(section: Mapping[str, str]) -> tuple[timedelta, list[str]]:
    """``[wakeup] personal_backup_minutes`` (default 5, 1 to 120); an unusable value is noted and the
    default used."""
    raw = section.get("personal_backup_minutes", "").strip()
    if not raw:
        return PERSONAL_BACKUP, []
    if raw.isdigit() and 1 <= int(raw) <= 120:
        return timedelta(minutes=int(raw)), []
    return PERSONAL_BACKUP, [f"[wakeup] personal_backup_minutes = {raw[:20]!r} is not 1 to 120; using 5"]


class WakeUpGroupBook(Protocol):
    def book(
        self,
        kind: GroupKind,
        key: str,
        due: datetime,
        actor: Actor,
        note: str = "",
        *,
        personal: bool = False,
    ) -> GroupResult: ...

    def move(self, group_id: int, due: datetime, actor: Actor) -> GroupResult: ...

    def cancel(self, group_id: int, actor: Actor) -> GroupResult: ...

    def groups(self) -> list[GroupView]: ...


class PersonalWakeUps(Protocol):
    def to_call(self) -> list[WakeUpView]:
        """Personal wake-ups due now that nobody marked done and the dialler has not taken yet."""
        ...

    def mark_done(
        self, wakeup_id: int, version: int, actor: Actor, outcome: str = "called in person"
    ) -> None: ...
