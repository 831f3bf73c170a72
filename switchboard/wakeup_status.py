"""The states of a wake-up call, shared by booking, the dialler, the front office and reports."""

from __future__ import annotations

from enum import Enum


class WakeUpStatus(Enum):
    BOOKED = "booked"  # waiting for its due time
    DIALLING = "dialling"  # an attempt is under way (claimed by a dialler line)
    RETRY_WAIT = "retry_wait"  # an attempt failed; the next one is at next_attempt_at
    CONFIRMED = "confirmed"  # the guest answered and pressed the key
    ESCALATED = "escalated"  # every attempt failed: an alarm is up until a person handles it
    HANDLED = "handled"  # a person dealt with the escalation; outcome recorded
    MANUAL = "manual"  # the PBX could not be reached: on the operator's manual list
    HANDED_TO_PBX = "handed_to_pbx"  # the PBX runs it (FIAS WR); waiting for its answer
    CANCELLED = "cancelled"


OPEN = frozenset(
    {
        WakeUpStatus.BOOKED,
        WakeUpStatus.DIALLING,
        WakeUpStatus.RETRY_WAIT,
        WakeUpStatus.ESCALATED,
        WakeUpStatus.MANUAL,
        WakeUpStatus.HANDED_TO_PBX,
    }
)
"""Statuses that still need something to happen (a call, or a person)."""

CANCELLABLE = frozenset(
    {WakeUpStatus.BOOKED, WakeUpStatus.DIALLING, WakeUpStatus.RETRY_WAIT, WakeUpStatus.HANDED_TO_PBX}
)
"""Statuses a check-out or a guest's change of mind may cancel (a call ringing now ends as it will,
and its result is only recorded)."""
