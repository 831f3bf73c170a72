"""A privacy guest's name never stands next to their room number: masking where rows become views.

A guest who asked for privacy ("no calls", "not in house") keeps the flag on their stay.  Lists that
are about rooms (rooms, wake-ups, messages) show the room and the privacy mark without the name; lists
that are about people (arrivals) show the name without the room.  Free text that names a privacy
guest beside their room (a logbook entry) has the name replaced.  The screen pop for the guest's own
call (``db/callers.py``) is the one place that shows both, with the privacy warning.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import GuestRow, RoomRow, StayRow
from switchboard.hotel import StayStatus

MASK = "***"


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


def private_guests(s: Session) -> dict[str, tuple[str, ...]]:
    """Room number -> the names (and name forms) of privacy guests in house, expected in it, or who
    stayed in it: a departed guest's privacy covers the record of where they stayed (until the
    retention purge takes the name)."""
    found: dict[str, list[str]] = {}
    for number, name, first, romanised in s.execute(
        select(RoomRow.number, GuestRow.name, GuestRow.first_name, GuestRow.romanised)
        .join(StayRow, StayRow.room_id == RoomRow.id)
        .join(GuestRow, GuestRow.id == StayRow.guest_id)
        .where(
            StayRow.privacy.is_(True),
            StayRow.status.in_(
                (StayStatus.IN_HOUSE.value, StayStatus.EXPECTED.value, StayStatus.CHECKED_OUT.value)
            ),
        )
    ):
        forms = found.setdefault(number, [])
        for form in (name, f"{first} {name}".strip() if first else "", romanised):
            if form and len(form.strip()) >= 2:
                forms.append(form.strip())
    return {room: tuple(sorted(set(names), key=len, reverse=True)) for room, names in found.items()}


def mask_text(text: str, room: str, private: dict[str, tuple[str, ...]]) -> str:
    """``text`` with privacy guests' names replaced where their room is the entry's or named in it.

    The room is looked for in the text's compatibility form, so full-width digits (as a Chinese input
    method types them: "３０１") name room 301 too."""
    plain = unicodedata.normalize("NFKC", text)
    for number, names in private.items():
        if number != room and (
            number not in plain
            or not re.search(rf"(?<![0-9A-Za-z]){re.escape(number)}(?![0-9A-Za-z])", plain)
        ):
            continue
        for name in names:
            text = re.sub(re.escape(name), MASK, text, flags=re.IGNORECASE)
    return text
