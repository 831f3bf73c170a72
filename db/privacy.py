"""A privacy guest's name never stands next to their room number: masking where rows become views.

A guest who asked for privacy ("no calls", "not in house") keeps the flag on their stay.  Lists that
are about rooms (rooms, wake-ups, messages) show the room and the privacy mark without the name; lists
that are about people (arrivals) show the name without the room.  Free text that names a privacy
guest beside their room (a logbook entry) has the name replaced.  The screen pop for the guest's own
call (``db/callers.py``) is the one place that shows both, with the privacy warning.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import GuestRow, RoomRow, StayRow
from switchboard.guest_names import GuestName, mask_names, name_pattern, names_room
from switchboard.hotel import StayStatus

PrivateGuests = dict[str, re.Pattern[str]]  # room number -> how its privacy guests' names are written


def shown_guest(name: str | None, privacy: bool | None) -> str:
    """The guest's name for a list about rooms: empty for a privacy guest (the view carries the mark)."""
    return "" if privacy else (name or "")


def stay_guest(s: Session, stay_id: int | None) -> str:
    """The name to show beside a room for ``stay_id``, masked as ``shown_guest`` does."""
    if stay_id is None:
        return ""
    found = s.execute(
        select(GuestRow.name, StayRow.privacy)
        .join(StayRow, StayRow.guest_id == GuestRow.id)
        .where(StayRow.id == stay_id)
    ).first()
    return shown_guest(found[0], found[1]) if found is not None else ""


def _private_stays(s: Session) -> dict[str, list[GuestName]]:
    found: dict[str, list[GuestName]] = {}
    for number, name, first, romanised, title in s.execute(
        select(RoomRow.number, GuestRow.name, GuestRow.first_name, GuestRow.romanised, GuestRow.title)
        .join(StayRow, StayRow.room_id == RoomRow.id)
        .join(GuestRow, GuestRow.id == StayRow.guest_id)
        .where(
            StayRow.privacy.is_(True),
            StayRow.status.in_(
                (StayStatus.IN_HOUSE.value, StayStatus.EXPECTED.value, StayStatus.CHECKED_OUT.value)
            ),
        )
    ):
        if name:
            found.setdefault(number, []).append(GuestName(name, first or "", romanised or "", title or ""))
    return found


def private_guests(s: Session) -> PrivateGuests:
    """Room number -> how the names of privacy guests in house, expected in it, or who stayed in it
    are written (``switchboard.guest_names``): a departed guest's privacy covers the record of where
    they stayed (until the retention purge takes the name)."""
    found = {room: name_pattern(names) for room, names in _private_stays(s).items()}
    return {room: pattern for room, pattern in found.items() if pattern is not None}


def private_names(s: Session) -> re.Pattern[str] | None:
    """How any privacy guest's name is written, whatever the room: for text where a room may stand
    in a form the console cannot tell (the link monitor's raw frames)."""
    return name_pattern(g for names in _private_stays(s).values() for g in names)


def mask_text(text: str, room: str, private: PrivateGuests) -> str:
    """``text`` with privacy guests' names replaced where their room is the entry's or named in it.

    Text, rooms and names are compared folded (``guest_names.fold``), so full-width digits and letters
    (as a Chinese input method types them: "３０１", "Ｈｕａｎｇ") count as the plain ones, and the
    usual ways of writing a name count too: the surname alone, the given name first, pinyin joined."""
    for number, pattern in private.items():
        if number == room or names_room(text, number):
            text = mask_names(text, pattern)
    return text
