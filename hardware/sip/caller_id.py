"""Who is calling, as an INVITE's From says: the name to show and the number, made safe to show and to use.

Whoever reaches the PBX writes these. The name is shown in any script by the rule every free text in the
console follows (``switchboard.hotel.clean_text``: NFC, no control characters, no bidirectional embedding,
override or isolate, U+202A-U+202E and U+2066-U+2069, which could make a queue entry display as something
it is not; the marks LRM and RLM that Arabic and Hebrew names carry are kept). The number is shown as
given (what would not show, or would move the rest, as U+FFFD), but it is a number the console may dial
back, transfer to or find a room by only in ASCII digits (and ``* # +``): ``int()`` and ``str.isdigit()``
read '١٢٩٩' or '１２９９' as 1299, and no extension of the hotel is written so (``switchboard.caller_number``,
the rule the screens share).
"""

from __future__ import annotations

import re
import unicodedata

from switchboard.caller_number import dialable, is_room_number
from switchboard.hotel import clean_text

__all__ = ["NAME_LIMIT", "NUMBER_LIMIT", "dialable", "is_room_number", "shown", "shown_number"]

NAME_LIMIT = 120  # what a shared park keeps of it (db/shared_parks.py)
NUMBER_LIMIT = 80

_INVISIBLE = ("Cc", "Cf", "Cs", "Zl", "Zp")
_BREAKS = re.compile("[\t\n\u2028\u2029]")  # one line in the queue: tabs and line breaks are spaces


def shown(text: str, limit: int) -> str:
    """``text`` fit to show on one line: cleaned as all free text is, breaks as spaces, at most ``limit``."""
    # NFC may make a text longer (at most three times): the limit here is never clean_text's to enforce
    cleaned = clean_text(text, limit=3 * len(text), what="caller")
    return _BREAKS.sub(" ", cleaned)[:limit].strip()


def shown_number(user: str) -> str:
    """The caller's number as given, one line, at most ``NUMBER_LIMIT``; a character that shows nothing or
    moves what follows (control, format, bidi, line break) shows as U+FFFD instead of being dropped, so
    12, U+202E, 99 never becomes the room number 1299."""
    text = "".join("\ufffd" if unicodedata.category(ch) in _INVISIBLE else ch for ch in user)
    return text[:NUMBER_LIMIT].strip()
