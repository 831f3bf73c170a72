"""Rooms, extensions, guests and stays as the domain sees them.

These are plain frozen dataclasses; ``db/`` turns its rows into them at the
edge and the UI shows them.  Validation that every path shares (room numbers,
names, dates) lives here too, so the console, the front desk and the PMS link
all refuse the same bad input with the same message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from switchboard.errors import InputError

MAX_NAME = 200  # FIAS GN allows 200 characters
MAX_TEXT = 2000


class Occupancy(Enum):
    VACANT = "vacant"
    OCCUPIED = "occupied"
    RESERVED = "reserved"
    OUT_OF_ORDER = "out_of_order"


class Housekeeping(Enum):
    """Maid status; the values follow FIAS RE ``RS`` codes where one exists."""

    DIRTY = "dirty"
    CLEAN = "clean"
    INSPECTED = "inspected"
    MAID_PRESENT = "maid_present"
    OUT_OF_SERVICE = "out_of_service"


class ExtensionKind(Enum):
    ROOM = "room"
    DEPARTMENT = "department"
    STAFF = "staff"
    OPERATOR = "operator"
    SERVICE = "service"  # park slots, conference bridges, voicemail


class StayStatus(Enum):
    EXPECTED = "expected"  # an expected arrival (EA)
    IN_HOUSE = "in_house"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"


class Role(Enum):
    OPERATOR = "operator"
    FRONT_DESK = "front_desk"
    DUTY_MANAGER = "duty_manager"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True, slots=True)
class Room:
    number: str
    floor: int
    room_type: str
    extension: str
    occupancy: Occupancy = Occupancy.VACANT
    housekeeping: Housekeeping = Housekeeping.CLEAN
    dnd: bool = False
    message_lamp: bool = False
    class_of_service: int = 3


@dataclass(frozen=True, slots=True)
class Extension:
    number: str
    kind: ExtensionKind
    label: str
    department: str = ""
    room: str = ""
    floor: int | None = None


@dataclass(frozen=True, slots=True)
class Guest:
    name: str
    romanised: str = ""  # pinyin or other Latin-script form of the name
    title: str = ""
    language: str = "en"
    vip_level: int = 0  # 0 = not a VIP
    company: str = ""


@dataclass(frozen=True, slots=True)
class Stay:
    id: int
    reservation: str
    room: str
    guest: Guest
    arrival: date
    departure: date
    status: StayStatus
    companions: str = ""
    privacy: bool = False  # "no calls / not in house": never disclose room or presence
    privacy_note: str = ""
    vip_note: str = ""
    sharers: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Actor:
    """Who made a change, for the audit log: a signed-in user at a position, or a link."""

    user: str
    position: str = ""
    role: Role | None = None

    @staticmethod
    def link(name: str) -> Actor:
        return Actor(user=f"link:{name}", position=name)


ROOM_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,7}$")


def check_room_number(number: str) -> str:
    """A room number as the PMS sends it (leading zeros are significant)."""
    value = number.strip()
    if not ROOM_NUMBER.match(value):
        raise InputError("room.invalid", f"Not a room number: {number[:20]!r}", room=number[:20])
    return value


# embeddings, overrides and isolates: they can make text display as something it is not ("evil.exe"
# shown as "exe.live"); the marks (LRM, RLM, ALM) and joiners (emoji sequences) are kept
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_DROPPED = ("Cc", "Cs")  # control characters; lone surrogates (a decoder's escape for a bad byte)


def clean_text(value: str, *, limit: int, what: str, required: bool = False) -> str:
    """Normalise free text from any source: NFC, no control characters, within ``limit``.

    Any script is welcome (Chinese, Arabic, emoji); control characters are
    dropped because they break FIAS framing and printed reports, and
    bidirectional embeddings and overrides because they disguise text.
    """
    text = unicodedata.normalize("NFC", value)
    text = "".join(
        ch
        for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) not in _DROPPED and ch not in BIDI_CONTROLS)
    ).strip()
    if required and not text:
        raise InputError("text.empty", f"The {what} must not be empty", field=what)
    if len(text) > limit:
        raise InputError(
            "text.too_long", f"The {what} is longer than {limit} characters", field=what, limit=limit
        )
    return text


def check_name(value: str, what: str = "name") -> str:
    return clean_text(value, limit=MAX_NAME, what=what, required=True)


def check_stay_dates(arrival: date, departure: date) -> None:
    if departure < arrival:
        raise InputError(
            "stay.departure_before_arrival",
            f"Departure {departure.isoformat()} is before arrival {arrival.isoformat()}",
            arrival=arrival.isoformat(),
            departure=departure.isoformat(),
        )


def floor_of(room_number: str) -> int:
    """The floor of a room number like 1203 or 0812 (all digits but the last two)."""
    digits = "".join(ch for ch in room_number if ch.isdigit())
    return int(digits[:-2]) if len(digits) > 2 else 0


def aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise InputError("time.naive", "A time without a time zone was given")
    return value


MAX_WING = 40  # "East", "North tower", "东翼": a name, not a description


def check_wing(value: str | None) -> str | None:
    """A room's wing as typed or imported: one line of text, None when there is none."""
    if value is None:
        return None
    text = " ".join(clean_text(value, limit=MAX_WING * 2, what="wing").split())
    if len(text) > MAX_WING:
        raise InputError("text.too_long", f"The wing is longer than {MAX_WING} characters", field="wing")
    return text or None
