"""The figures of a shift report, computed by ``db/`` and drawn by ``ui/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Answer-time buckets (seconds waited before the operator answered): upper bounds; the last is open.
ANSWER_BUCKETS = (6, 12, 20, 30, 60)
THREE_RINGS_S = 12.0


@dataclass(frozen=True, slots=True)
class LogLine:
    at: datetime
    author: str
    category: str
    room: str
    text: str
    open_follow_up: bool


@dataclass(frozen=True, slots=True)
class EmergencyLine:
    """An emergency number dialled from an extension, and what the positions did about it."""

    at: datetime
    where: str  # the room, or the extension when it is not a room's
    number: str
    source: str  # switchboard.emergency.Source value: how the console heard of it
    acknowledged_by: str
    acknowledged_at: datetime | None
    called_out_at: datetime | None  # nobody acknowledged in time: duty manager and security called


@dataclass(frozen=True, slots=True)
class WakeUpLine:
    """A wake-up call that needed more than one attempt or a person, for the duty manager."""

    due_at: datetime
    room: str
    attempts: tuple[tuple[datetime, str], ...]  # (started, CallResult value) per attempt
    status: str
    handled_by: str
    outcome: str


@dataclass(frozen=True, slots=True)
class ShiftFigures:
    title: str  # "2026-11-20 night" or a date range
    since: datetime
    until: datetime
    operators: tuple[str, ...]
    calls_offered: int
    calls_answered: int
    calls_abandoned: int
    answered_within_three_rings: int
    answer_buckets: tuple[int, ...]  # one count per ANSWER_BUCKETS bound, plus the open last
    mean_answer_s: float
    calls_per_hour: tuple[tuple[str, int], ...]  # ("23:00", 41), ...
    categories: tuple[tuple[str, int], ...]
    wakeups_booked: int
    wakeups_confirmed: int
    wakeups_retried: int
    wakeups_escalated: int
    wakeups_open: int
    dnd_set: int
    dnd_cleared: int
    messages_taken: int
    messages_delivered_late: int
    messages_undelivered: int
    logbook_entries: int
    open_follow_ups: int
    log: tuple[LogLine, ...] = field(default=())
    handover_items: tuple[tuple[str, str, str], ...] = field(default=())  # (kind, text, acknowledged by)
    handover_acknowledged_by: str = ""
    wakeup_log: tuple[WakeUpLine, ...] = field(default=())
    room_calls_out: int = 0  # from the PBX's call records (SMDR)
    room_charges_cents: int = 0
    charges_not_posted: int = 0  # still owed to the PMS, or refused by it
    emergencies: tuple[EmergencyLine, ...] = field(default=())

    @property
    def three_ring_share(self) -> float:
        return self.answered_within_three_rings / self.calls_answered if self.calls_answered else 0.0
