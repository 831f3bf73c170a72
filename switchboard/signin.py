"""How sign-in slows down and locks after failures, without telling whether a user exists.

Two counters, chosen so that every answer is the same for a user name that exists and one that
does not:

- the position's failures (any user name typed there, kept in memory): after ``free_failures``
  the next attempt must wait ``first_delay`` seconds, doubling with each failure up to
  ``max_delay``; a success at the position starts again;
- a user's failures (in the database, at any position): after ``lock_after`` the user is locked
  until an administrator unlocks them.  A locked user's attempt is checked against a dummy hash
  and answered "wrong user name or password", like an unknown name; the lock is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class SignInPolicy:
    lock_after: int = 10  # [signin] lock_after
    free_failures: int = 2  # [signin] free_failures
    first_delay: float = 1.0  # [signin] delay_seconds
    max_delay: float = 60.0  # [signin] max_delay_seconds

    @classmethod
    def from_section(cls, section: Mapping[str, str]) -> SignInPolicy:
        """From the settings' ``[signin]`` section; a missing or unreadable value keeps its default."""
        default = cls()
        return cls(
            lock_after=int(_number(section, "lock_after", default.lock_after, 1, 1000)),
            free_failures=int(_number(section, "free_failures", default.free_failures, 0, 100)),
            first_delay=float(_number(section, "delay_seconds", default.first_delay, 0, 3600)),
            max_delay=float(_number(section, "max_delay_seconds", default.max_delay, 0, 86_400)),
        )

    def delay_after(self, failures: int) -> timedelta:
        """How long the position waits after its ``failures``-th failure in a row."""
        if failures <= self.free_failures:
            return timedelta(0)
        seconds = self.first_delay * 2 ** (failures - self.free_failures - 1)
        return timedelta(seconds=min(seconds, self.max_delay))


class PositionThrottle:
    """The failures at one position since its last success, and when it may try again."""

    def __init__(self, policy: SignInPolicy) -> None:
        self._policy = policy
        self._failures: dict[str, int] = {}
        self._not_before: dict[str, datetime] = {}

    def wait(self, position: str, now: datetime) -> timedelta:
        """How long ``position`` must still wait before the next attempt (zero: go ahead)."""
        until = self._not_before.get(position)
        return max(until - now, timedelta(0)) if until is not None else timedelta(0)

    def failed(self, position: str, now: datetime) -> timedelta:
        count = self._failures.get(position, 0) + 1
        self._failures[position] = count
        delay = self._policy.delay_after(count)
        self._not_before[position] = now + delay
        return delay

    def succeeded(self, position: str) -> None:
        self._failures.pop(position, None)
        self._not_before.pop(position, None)


def _number(section: Mapping[str, str], key: str, default: float, low: float, high: float) -> int | float:
    try:
        value = float(section.get(key, "").strip())
    except ValueError:
        return default
    if not low <= value <= high:
        return default
    return int(value) if value.is_integer() else value
