"""Emergency calls from the rooms: which numbers count, what the alarm says, when it escalates.

When any extension dials the police, the fire brigade or an ambulance, every signed-in position
raises an alarm that names the room and who is in it, until a person acknowledges it; one not
acknowledged in time is called out to the duty manager and security. The PBX tells the console
(a SIP MESSAGE in the lab, the lamp field's dialog-info), and the call records are the backstop
that raises a late alarm for a call both live paths missed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

DEFAULT_NUMBERS = ("110", "119", "120", "122", "112", "911")
DEFAULT_ACK_WITHIN = timedelta(seconds=30)
SAME_CALL_WINDOW = timedelta(minutes=3)  # a call record this close to a live alarm is the same call
MAX_DIGITS = 32


class Source(Enum):
    """How the console learnt of the call."""

    PBX = "pbx"  # the PBX said so as it routed the call (SIP MESSAGE)
    LAMPS = "lamps"  # the lamp field's dialog-info named the number dialled
    RECORDS = "records"  # the call record (SMDR) after the call: a late alarm
    TRAINING = "training"


@dataclass(frozen=True, slots=True)
class EmergencyNumbers:
    """The numbers that raise the alarm, dialled bare or after the PBX's outside-line prefix."""

    numbers: tuple[str, ...] = DEFAULT_NUMBERS
    outside_prefix: str = "0"

    @classmethod
    def from_settings(cls, section: Mapping[str, str]) -> EmergencyNumbers:
        """``[emergency] numbers = 110, 119, ...`` and ``outside_prefix = 0``; anything that is not
        digits is left out (and a list with nothing left means the defaults)."""
        raw = section.get("numbers", "")
        numbers = tuple(n for n in (part.strip() for part in raw.replace(";", ",").split(",")) if _digits(n))
        prefix = section.get("outside_prefix", "0").strip()
        return cls(numbers or DEFAULT_NUMBERS, prefix if _digits(prefix) or prefix == "" else "0")

    def match(self, dialled: str) -> str | None:
        """The emergency number in ``dialled`` (``0110`` -> ``110``), or None."""
        digits = "".join(ch for ch in dialled[:MAX_DIGITS] if not ch.isspace() and ch != "-")
        if not _digits(digits):
            return None
        if digits in self.numbers:
            return digits
        if self.outside_prefix and digits.startswith(self.outside_prefix):
            rest = digits[len(self.outside_prefix) :]
            if rest in self.numbers:
                return rest
        return None


def _digits(text: str) -> bool:
    return 0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()


@dataclass(frozen=True, slots=True)
class EmergencyDialled:
    """An event from the PBX side: ``extension`` dialled ``number``. ``call_key`` names the call
    (its SIP Call-ID) so the same call told twice raises one alarm."""

    call_key: str
    extension: str
    number: str
    at: datetime
    source: Source
    up: bool = True  # the call is still connected


@dataclass(frozen=True, slots=True)
class EmergencyCallEnded:
    """The room hung up an emergency call the lamp field saw: its alarm stops saying the call is up.
    ``call_key`` is the key the call was told with (its Call-ID, or the dialog's key without one)."""

    call_key: str
    extension: str
    number: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Occupant:
    name: str
    title: str
    language: str
    vip_level: int
    party: str  # companions as the PMS gave them
    notes: str  # the PMS's notes for the stay (medical needs and the like)
    privacy: bool = False  # the stay asked for privacy: shown with the warning, as the screen pop does


@dataclass(frozen=True, slots=True)
class Alarm:
    """One emergency call as every position shows it."""

    id: int
    call_key: str
    extension: str
    room: str  # "" for an extension that is not a room's
    floor: int | None
    number: str
    at: datetime
    source: Source
    up: bool
    occupants: Sequence[Occupant]
    acknowledged_at: datetime | None = None
    acknowledged_by: str = ""
    escalated_at: datetime | None = None
    wing: str | None = None  # of the room, beside its floor; None in a hotel without wings

    @property
    def open(self) -> bool:
        return self.acknowledged_at is None

    def overdue(self, now: datetime, within: timedelta = DEFAULT_ACK_WITHIN) -> bool:
        """Not acknowledged in time and not yet called out: time to call the duty manager."""
        return self.open and self.escalated_at is None and now - self.at >= within


MESSAGE_TYPE = "application/x-emergency-call"
MAX_MESSAGE = 2048


def from_pbx_message(body: bytes, at: datetime, numbers: EmergencyNumbers) -> EmergencyDialled | None:
    """The PBX's word that an emergency number was dialled (``extension=…``, ``number=…``, ``call=…``
    lines, as the lab's Kamailio sends them), or None for anything else: too long, not ASCII, a
    field missing, an extension that is not digits, a number that is not an emergency number."""
    if len(body) > MAX_MESSAGE or not body.isascii():
        return None
    fields: dict[str, str] = {}
    for line in body.decode("ascii").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in ("extension", "number", "call"):
            fields[key.strip()] = value.strip()
    extension, call = fields.get("extension", ""), fields.get("call", "")
    number = numbers.match(fields.get("number", ""))
    if number is None or not _digits(extension) or not 0 < len(call) <= 200:
        return None
    return EmergencyDialled(call, extension, number, at, Source.PBX)
