"""Which rooms a wing is set for, as typed: ``1201..1219, 1230 1231`` (a range of room numbers of the same
length, or single numbers, separated by commas or spaces). Free of I/O; the book checks the rooms exist."""

from __future__ import annotations

import re

from switchboard.errors import InputError
from switchboard.hotel import check_room_number

MAX_ROOMS = 2000  # more than the demo hotel's 702: a whole house in one go
MAX_TYPED = 2000
_SEPARATORS = re.compile(r"[,\s;，、]+")  # the Chinese comma and enumeration mark as typed on a zh keyboard


def room_list(typed: str) -> list[str]:
    """The room numbers in ``typed``, in order, each once; refuses an empty, malformed or too long list."""
    if len(typed) > MAX_TYPED:
        raise InputError("wing.rooms", "Too many rooms at once")
    found: dict[str, None] = {}
    for token in (t for t in _SEPARATORS.split(typed) if t):
        first, sep, last = token.partition("..")
        if not sep:
            found[check_room_number(token)] = None
        elif first.isascii() and first.isdigit() and last.isascii() and last.isdigit():
            if len(first) != len(last) or int(last) < int(first):
                raise InputError("wing.range", f"Not a range of rooms: {token[:20]!r}", range=token[:20])
            if int(last) - int(first) >= MAX_ROOMS:
                raise InputError("wing.rooms", "Too many rooms at once")
            for n in range(int(first), int(last) + 1):
                found[f"{n:0{len(first)}d}"] = None
        else:
            raise InputError("wing.range", f"Not a range of rooms: {token[:20]!r}", range=token[:20])
        if len(found) > MAX_ROOMS:
            raise InputError("wing.rooms", "Too many rooms at once")
    if not found:
        raise InputError("wing.no_rooms", "Say which rooms")
    return list(found)
