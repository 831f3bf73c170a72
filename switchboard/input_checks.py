"""Checks every path into the database shares, before the database could cut or choke on anything.

- Codes (reservation, group, language) are refused, with a message naming the field, when they hold
  a control character or are longer than their column; nothing is cut silently.
- Free text is cleaned by ``switchboard.hotel.clean_text`` (control and bidirectional control
  characters dropped, length checked); search text has them dropped too, since a search for them
  means nothing.
- Dates must be plausible: stays and wake-ups from yesterday to two years ahead (an in-house
  guest's arrival, resent by the PMS, may lie up to two years back), follow-ups within a year.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

from switchboard.errors import InputError
from switchboard.frontoffice import CheckIn, GuestChange
from switchboard.hotel import BIDI_CONTROLS

AHEAD = timedelta(days=731)  # two years, a leap day included
FOLLOW_UP_AHEAD = timedelta(days=366)
LANGUAGE = re.compile(r"^[A-Za-z]{0,3}([_-][A-Za-z0-9]{1,8})?$")  # en, zh_CN, pt-BR, or empty


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") or ch in BIDI_CONTROLS for ch in value)


def code(value: str, *, limit: int, what: str) -> str:
    """A short code from a person or the PMS: no control characters, within ``limit``, never cut."""
    text = value.strip()
    if _has_control(text):
        raise InputError("text.control", f"The {what} holds a control character", field=what)
    if len(text) > limit:
        raise InputError(
            "text.too_long", f"The {what} is longer than {limit} characters", field=what, limit=limit
        )
    return text


def language(value: str) -> str:
    text = code(value, limit=10, what="language")
    if not LANGUAGE.match(text):
        raise InputError("text.language", f"Not a language code: {text[:10]!r}", field="language")
    return text


def search_text(value: str, limit: int = 200) -> str:
    """What a person typed into a search box, without the characters no stored text holds."""
    kept = "".join(
        ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cs") and ch not in BIDI_CONTROLS
    )
    return kept.strip()[:limit]


def day_in_range(day: date, today: date, what: str, *, earliest: date | None = None) -> date:
    """``day`` between yesterday (or ``earliest``) and two years ahead."""
    first = earliest if earliest is not None else today - timedelta(days=1)
    last = today + AHEAD
    if not first <= day <= last:
        raise InputError(
            "date.implausible",
            f"The {what} {day.isoformat()} is not between {first.isoformat()} and {last.isoformat()}",
            field=what,
            day=day.isoformat(),
        )
    return day


def time_in_range(moment: datetime, now: datetime, what: str, ahead: timedelta = AHEAD) -> datetime:
    """``moment`` between yesterday and ``ahead`` from ``now``."""
    if moment.tzinfo is None:
        raise InputError("time.naive", "A time without a time zone was given")
    if not now - timedelta(days=1) <= moment <= now + ahead:
        raise InputError(
            "date.implausible",
            f"The {what} {moment:%Y-%m-%d %H:%M} is too far from today",
            field=what,
            day=moment.date().isoformat(),
        )
    return moment


def check_in_request(request: CheckIn, today: date) -> CheckIn:
    """A check-in with its codes checked and its dates plausible (free text is cleaned where it is stored)."""
    arrival = request.arrival
    if arrival is not None:
        day_in_range(arrival, today, "arrival", earliest=today - AHEAD)
    if request.departure is not None:
        day_in_range(request.departure, today, "departure")
    return replace(
        request,
        reservation=code(request.reservation, limit=20, what="reservation"),
        group=code(request.group, limit=20, what="group"),
        language=language(request.language),
    )


def guest_change(change: GuestChange, today: date) -> GuestChange:
    if change.departure is not None:
        day_in_range(change.departure, today, "departure")
    return replace(
        change,
        reservation=code(change.reservation, limit=20, what="reservation"),
        language=language(change.language) if change.language is not None else None,
        group=code(change.group, limit=20, what="group") if change.group is not None else None,
    )
