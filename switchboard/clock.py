"""Time as an injected dependency.

Everything that schedules (wake-ups, shifts, timed duties, ring timers) asks a
``Clock`` for the time, so tests can run a whole night in milliseconds with a
``FakeClock``.  All datetimes in the domain are timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """Where the domain gets "now" from."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in the hotel's zone."""
        ...


class SystemClock:
    """The wall clock, in the hotel's time zone."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone or local_zone()

    def now(self) -> datetime:
        return datetime.now(self._zone)


class FakeClock:
    """A clock that only moves when a test tells it to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | float) -> datetime:
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        self._now = self._now + step
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when


def local_zone() -> tzinfo:
    """The machine's zone; UTC when it cannot be told."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def zone_named(name: str | None) -> tzinfo:
    """A zone by IANA name ("Asia/Shanghai"); the machine's zone for None or ""."""
    if not name:
        return local_zone()
    return ZoneInfo(name)
