"""The operators' shifts and which one a moment belongs to.

Defaults: early 07:30-16:00, mid 15:30-24:00, night 23:30-07:30; the overlaps
are the handovers. A moment in an overlap belongs to the shift that has just
begun (the incoming operator signs in then). A night shift belongs to the
business date it starts on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum


class ShiftKind(Enum):
    EARLY = "early"
    MID = "mid"
    NIGHT = "night"


@dataclass(frozen=True, slots=True)
class ShiftPattern:
    kind: ShiftKind
    starts: time
    hours: float


DEFAULT_PATTERNS = (
    ShiftPattern(ShiftKind.EARLY, time(7, 30), 8.5),
    ShiftPattern(ShiftKind.MID, time(15, 30), 8.5),
    ShiftPattern(ShiftKind.NIGHT, time(23, 30), 8.0),
)


@dataclass(frozen=True, slots=True)
class ShiftSlot:
    kind: ShiftKind
    business_date: date
    starts_at: datetime
    ends_at: datetime

    def contains(self, moment: datetime) -> bool:
        return self.starts_at <= moment < self.ends_at


def slot(pattern: ShiftPattern, business_date: date, zone: object) -> ShiftSlot:
    starts = datetime.combine(business_date, pattern.starts, zone)  # type: ignore[arg-type]
    return ShiftSlot(pattern.kind, business_date, starts, starts + timedelta(hours=pattern.hours))


def shift_at(moment: datetime, patterns: tuple[ShiftPattern, ...] = DEFAULT_PATTERNS) -> ShiftSlot:
    """The shift on duty at ``moment``: the latest one that has begun and not ended."""
    candidates = [
        slot(p, moment.date() + timedelta(days=offset), moment.tzinfo) for offset in (-1, 0) for p in patterns
    ]
    on = [s for s in candidates if s.contains(moment)]
    if not on:
        raise ValueError(f"no shift covers {moment:%H:%M}: the shift pattern has a gap")
    return max(on, key=lambda s: s.starts_at)


def next_shift(current: ShiftSlot, patterns: tuple[ShiftPattern, ...] = DEFAULT_PATTERNS) -> ShiftSlot:
    """The shift that takes over from ``current``."""
    later = [
        slot(p, current.business_date + timedelta(days=offset), current.starts_at.tzinfo)
        for offset in (0, 1)
        for p in patterns
    ]
    return min((s for s in later if s.starts_at > current.starts_at), key=lambda s: s.starts_at)


WINTER_MONTHS = frozenset({11, 12, 1, 2, 3})


def season_of(day: date) -> str:
    return "winter" if day.month in WINTER_MONTHS else "summer"
