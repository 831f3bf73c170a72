"""What happens to a wake-up call after each attempt: the dialling rules, free of I/O.

The dialler asks these rules after every call and after a restart; the database
only stores what they decide, so the rules are the single place that says
"retry in five minutes" or "wake a person up"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import Enum
from typing import Protocol

from switchboard.wakeup_status import WakeUpStatus


class CallResult(Enum):
    """How one attempt ended, as the line saw it."""

    CONFIRMED = "confirmed"  # answered and the guest pressed 1
    SNOOZED = "snoozed"  # answered and the guest pressed 2: call again later
    NO_KEY = "no_key"  # answered, no key pressed: not confirmed
    NO_ANSWER = "no_answer"  # rang for the whole ring time
    BUSY = "busy"
    FAILED = "failed"  # the PBX refused or the line broke
    INTERRUPTED = "interrupted"  # the dialler stopped while the call was up; found after a restart


RETRYABLE = frozenset(
    {CallResult.NO_KEY, CallResult.NO_ANSWER, CallResult.BUSY, CallResult.FAILED, CallResult.INTERRUPTED}
)


@dataclass(frozen=True, slots=True)
class DiallingRules:
    attempts: int = 3
    retry_interval: timedelta = timedelta(minutes=5)
    ring_time: timedelta = timedelta(seconds=45)
    listen_time: timedelta = timedelta(seconds=30)  # how long the message plays waiting for a key
    snooze: timedelta = timedelta(minutes=10)
    lines: int = 8
    call_seconds: int = 40  # typical length of one wake-up call, for the capacity warning

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.lines < 1 or self.call_seconds < 1:
            raise ValueError("attempts, lines and call_seconds must be at least 1")
        if self.retry_interval <= timedelta(0) or self.ring_time <= timedelta(0):
            raise ValueError("retry interval and ring time must be positive")

    @property
    def per_minute(self) -> int:
        """How many calls the lines can place in one minute."""
        return max(1, self.lines * 60 // self.call_seconds)


@dataclass(frozen=True, slots=True)
class NextStep:
    status: WakeUpStatus
    next_attempt_at: datetime | None
    snooze_until: datetime | None = None  # a new wake-up to book (press 2)


def after_attempt(
    rules: DiallingRules, attempt_no: int, started_at: datetime, result: CallResult, now: datetime
) -> NextStep:
    """The state a wake-up goes to when attempt ``attempt_no`` (1-based) ended with ``result``.

    A retry is never earlier than ``started_at + retry_interval``: the guest is not
    rung twice inside the interval, even when an attempt is found interrupted after a crash."""
    if result is CallResult.CONFIRMED:
        return NextStep(WakeUpStatus.CONFIRMED, None)
    if result is CallResult.SNOOZED:
        return NextStep(WakeUpStatus.CONFIRMED, None, snooze_until=now + rules.snooze)
    if attempt_no >= rules.attempts:
        return NextStep(WakeUpStatus.ESCALATED, None)
    return NextStep(WakeUpStatus.RETRY_WAIT, max(now, started_at + rules.retry_interval))


def over_capacity(rules: DiallingRules, booked_in_minute: int) -> bool:
    """True when one minute holds more calls than the lines can place in it."""
    return booked_in_minute > rules.per_minute


@dataclass(frozen=True, slots=True)
class DialOrder:
    """One attempt the dialler has claimed (committed) and is about to place."""

    wakeup_id: int
    attempt_no: int
    room: str
    extension: str
    language: str
    due_at: datetime
    started_at: datetime


class WakeUpDialling(Protocol):
    """The book as the dialler sees it: every method is one committed step."""

    def recover(self) -> int:
        """After a restart: close attempts left open and decide their next step; returns how many."""
        ...

    def claim_next(self, line: str) -> DialOrder | None:
        """The earliest due call, claimed for ``line`` with its attempt recorded; None when none is due."""
        ...

    def finish(self, order: DialOrder, result: CallResult, detail: str = "") -> NextStep: ...

    def to_manual(self, reason: str) -> list[str]:
        """The PBX cannot be reached: every due call goes to the operator's manual list; returns rooms."""
        ...

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None:
        """Tell the consoles the dialler is alive and whether it reaches the PBX."""
        ...


class WakeUpMode(Enum):
    DIAL = "dial"  # the console's dialler calls the rooms
    PBX = "pbx"  # the PBX runs wake-ups; the console hands them over by FIAS WR/WC and records WA


def rules_from(section: dict[str, str]) -> tuple[DiallingRules, list[str]]:
    """Dialling rules from the ``[wakeup]`` settings; an unusable value means its default, with a note."""
    notes: list[str] = []
    default = DiallingRules()

    def number(key: str, fallback: float, low: float, high: float) -> float:
        text = section.get(key, "").strip()
        if not text:
            return fallback
        try:
            value = float(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            notes.append(f"[wakeup] {key} = {text!r} is not between {low:g} and {high:g}; using {fallback:g}")
            return fallback
        return value

    rules = DiallingRules(
        attempts=int(number("attempts", default.attempts, 1, 10)),
        retry_interval=timedelta(
            seconds=number("retry_seconds", default.retry_interval.total_seconds(), 1, 3600)
        ),
        ring_time=timedelta(seconds=number("ring_seconds", default.ring_time.total_seconds(), 1, 180)),
        listen_time=timedelta(seconds=number("listen_seconds", default.listen_time.total_seconds(), 1, 180)),
        snooze=timedelta(seconds=number("snooze_seconds", default.snooze.total_seconds(), 60, 7200)),
        lines=int(number("lines", default.lines, 1, 240)),
        call_seconds=int(number("call_seconds", default.call_seconds, 5, 300)),
    )
    return rules, notes


ASK_WITHIN = timedelta(hours=6)


def due_for(now: datetime, at: time) -> tuple[datetime, bool]:
    """When a wake-up booked now for the clock time ``at`` falls due, and whether to ask first.

    06:30 booked at 22:00 is tomorrow morning, as everyone means it. A time that passed only
    a little while ago (21:30 booked at 22:00) is more likely a slip: the caller asks before
    booking it for tomorrow."""
    due = datetime.combine(now.date(), at.replace(second=0, microsecond=0), now.tzinfo)
    if due > now:
        return due, False
    return due + timedelta(days=1), now - due < ASK_WITHIN


def pms_answer(status: WakeUpStatus, last_result: str, outcome: str) -> str | None:
    """The one FIAS WA status (AS) for a wake-up the PMS booked, once it is final; None while it is not.

    OK answered; BY busy / NR no response after the last attempt (sent when the call is escalated to a
    person, not at each retry); DE cancelled at the console. A PMS cancel (WC) needs no answer."""
    if status is WakeUpStatus.CONFIRMED:
        return "OK"
    if status is WakeUpStatus.ESCALATED:
        return "BY" if last_result == CallResult.BUSY.value else "NR"
    if status is WakeUpStatus.HANDLED:
        return "OK"  # came due while the PBX was unreachable and a person called the room
    if status is WakeUpStatus.CANCELLED:
        return None if outcome == "cancelled by the PMS" else "DE"
    return None
