"""A caller's number as the console may use it: dial it, transfer or camp a call on it, find a room by it,
offer it for a call-back.

The PBX hands over whatever the caller's side wrote, in any script (the ringing front shows it as given).
Only ASCII digits and ``* # +`` are a number: ``int()`` and ``str.isdigit()`` read '١٢٩٩' or '１２９９' as
1299, and no extension of the hotel, and no number the PBX dials, is written so. The rule is the domain's,
so the SIP position (``hardware/sip``) and the screens (``ui``) share it.
"""

from __future__ import annotations

import re

_DIALLABLE = re.compile(r"[0-9*#+]{1,32}", re.ASCII)
_ROOM = re.compile(r"[0-9]{1,5}", re.ASCII)
_SEPARATORS = re.compile(r"[ ().-]")  # how a number is written to be read (RFC 3966 §3 visual-separator)


def dialable(number: str) -> bool:
    """A number the console may dial, transfer to or camp on: ASCII digits, ``*``, ``#``, ``+``."""
    return _DIALLABLE.fullmatch(number) is not None


def is_room_number(caller: str) -> bool:
    """Short numbers in ASCII digits are the hotel's own telephones."""
    return _ROOM.fullmatch(caller) is not None


def call_back_number(caller: str) -> str:
    """The caller's number to offer for a call-back: as given ("+86 21 5555 0199") when it is a diallable
    number written with spaces, hyphens, dots or brackets; "" when it is not one (the operator types one)."""
    return caller if len(caller) <= 64 and dialable(_SEPARATORS.sub("", caller)) else ""
