"""Raw link frames with the guests taken out, for the link monitor.

The monitor is an engineer's tool (administrators, ``Permission.WATCH_LINKS``); even there a guest's
name, their messages and the numbers they dialled are shown masked, unless an administrator chooses
to see them, which the composition root audits.  FIAS records are ``|``-separated fields, each a
two-character identifier and its value (protocols.md 1.1); the fields that carry a person are masked
whole.  A call-record line keeps the first three digits of any longer number.  On every link a
privacy guest's name is masked wherever it stands (an Avaya party name, an Asterisk caller-ID name,
a FIAS field the masking above does not know), in the ways ``guest_names`` knows it is written: the
monitor cannot tell which room a raw frame is about, so it does not wait for the room to be named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from switchboard.guest_names import mask_names
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName

MASK = "***"
# GN guest name, GF first name, GT title, G+ profile, A0-A9 user-defined fields, MT message text
PERSONAL_FIELDS = frozenset({"GN", "GF", "GT", "G+", "MT", *(f"A{n}" for n in range(10))})
_LONG_NUMBER = re.compile(rb"(?<!\d)(\d{3})\d{4,}(?!\d)")


def mask_fias(data: bytes) -> bytes:
    parts = data.split(b"|")
    for n, part in enumerate(parts):
        if n == 0:  # the record type, with its framing byte (STX) if any
            continue
        if part[:2].decode("ascii", "replace") in PERSONAL_FIELDS and len(part) > 2:
            parts[n] = part[:2] + MASK.encode()
    return b"|".join(parts)


def mask_call_line(data: bytes) -> bytes:
    return _LONG_NUMBER.sub(rb"\1" + MASK.encode(), data)


def mask_private_names(data: bytes, names: re.Pattern[str] | None, encoding: str = "utf-8") -> bytes:
    """``data`` with the privacy guests' names ``names`` finds masked, read in the link's code page;
    bytes that do not decode stay as they came."""
    if names is None or not data:
        return data
    try:
        text = data.decode(encoding, errors="surrogateescape")
    except LookupError:  # a code page Python does not know: the monitor reads it as UTF-8 too
        encoding, text = "utf-8", data.decode("utf-8", errors="surrogateescape")
    shown = mask_names(text, names)
    if shown == text:
        return data
    try:
        return shown.encode(encoding, errors="surrogateescape")
    except UnicodeError:
        return shown.encode("utf-8", errors="replace")


def masked(frame: RawFrame, names: re.Pattern[str] | None = None, encoding: str = "utf-8") -> RawFrame:
    """The frame as the monitor shows it unless an administrator chose to see guests; ``names`` is how
    the privacy guests' names are written (``db.privacy.private_names``), ``encoding`` the link's."""
    data = mask_fias(frame.data) if frame.link is LinkName.PMS else mask_call_line(frame.data)
    return replace(frame, data=mask_private_names(data, names, encoding))
