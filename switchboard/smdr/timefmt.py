"""Dates, times and durations as PBXs print them, read without ``strptime`` (too slow for a busy port).

A format uses strftime's letters: ``%Y %y %m %d %H %I %M %S %p``; ``%p`` also takes a lone
``A``/``P`` (Mitel prints ``03:27P``) and a blank for a 24-hour clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_PARTS = {
    "Y": r"(?P<Y>\d{4})",
    "y": r"(?P<y>\d{2})",
    "m": r"(?P<m>\d{1,2})",
    "d": r"(?P<d>\d{1,2})",
    "H": r"(?P<H>\d{1,2})",
    "I": r"(?P<I>\d{1,2})",
    "M": r"(?P<M>\d{2})",
    "S": r"(?P<S>\d{2})",
    "p": r"(?P<p>[AaPp][Mm]?|)",
}


class TimeFormat:
    """One strftime-like format, compiled once."""

    def __init__(self, fmt: str) -> None:
        pattern = []
        at = 0
        while at < len(fmt):
            ch = fmt[at]
            if ch == "%" and at + 1 < len(fmt):
                letter = fmt[at + 1]
                if letter not in _PARTS:
                    raise ValueError(f"%{letter} is not a date or time letter this reader knows")
                pattern.append(_PARTS[letter])
                at += 2
                continue
            pattern.append(re.escape(ch))
            at += 1
        self.text = fmt
        self._re = re.compile("".join(pattern))
        self._letters = tuple(self._re.groupindex)
        self.has_date = any(f"%{x}" in fmt for x in "Yymd")
        self.has_year = "%Y" in fmt or "%y" in fmt

    def parse(self, text: str, today: date) -> datetime:
        """The moment ``text`` names; the parts it lacks (year, date) come from ``today``."""
        found = self._re.fullmatch(text)
        if found is None:
            raise ValueError(f"{text!r} is not {self.text}")
        g = dict(zip(self._letters, found.groups(), strict=True))
        year = int(g["Y"]) if "Y" in g else (2000 + int(g["y"]) if "y" in g else today.year)
        month = int(g["m"]) if "m" in g else today.month
        day = int(g["d"]) if "d" in g else today.day
        noon = g.get("p", "")[:1] in ("P", "p")
        if "I" in g:
            hour = int(g["I"])
            if not 1 <= hour <= 12:
                raise ValueError(f"hour {hour} on a 12-hour clock")
            hour = hour % 12 + (12 if noon else 0)
        else:
            hour = int(g.get("H", 0))
            if noon and hour < 12:
                hour += 12
        return datetime(year, month, day, hour, int(g.get("M", 0)), int(g.get("S", 0)))


_HMS = re.compile(r"(\d{1,4}):([0-5]\d)[:'.]([0-5]\d)(?:\.\d)?")
_MS = re.compile(r"(\d{1,3})[:'](\d\d)")


def seconds(text: str) -> int:
    """A duration: ``hh:mm:ss`` (also ``hhhh:mm:ss``, ``hh:mm'ss``, ``hh:mm:ss.s``), ``m'ss``,
    Mitel's ``S=nnnnnn`` or plain seconds; blank is 0."""
    text = text.strip()
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    found = _HMS.fullmatch(text)
    if found:
        return int(found[1]) * 3600 + int(found[2]) * 60 + int(found[3])
    found = _MS.fullmatch(text)
    if found:
        return int(found[1]) * 60 + int(found[2])
    if text.startswith("S=") and text[2:].isdigit():
        return int(text[2:])
    raise ValueError(f"{text!r} is no duration")
