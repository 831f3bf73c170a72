"""Handing wake-ups to a PBX that runs them itself, over its FIAS interface, as a state machine
without I/O.

Here the console is the PMS side (IFC): it opens the link with LS, the PBX describes
itself (LD, LR…, LA), the console answers LA and then sends WR (book) and WC (clear);
the PBX answers each wake-up once with WA when it has run it. Requests made while the
link is down wait and go out when it is alive again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from switchboard.fias.records import FiasRecord, stamped

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PbxAnswer:
    room: str
    due_at: datetime  # hotel time, no zone, as sent in WR
    status: str  # FIAS AS: OK, BY, NR, DE, UR, RY


def wake_up_record(kind: str, room: str, due_at: datetime) -> FiasRecord:
    return FiasRecord(
        kind, (("RN", room), ("DA", due_at.strftime("%y%m%d")), ("TI", due_at.strftime("%H%M%S")))
    )


class PbxWakeUpSession:
    def __init__(self, now: Callable[[], datetime], answered: Callable[[PbxAnswer], None]) -> None:
        self._now = now
        self._answered = answered
        self.alive = False
        self._held: deque[FiasRecord] = deque()
        self.ignored = 0

    def connected(self) -> list[FiasRecord]:
        self.alive = False
        return [stamped("LS", self._now())]

    def disconnected(self) -> None:
        self.alive = False

    def receive(self, rec: FiasRecord) -> list[FiasRecord]:
        if rec.kind in ("LD", "LR"):
            return []  # the PBX describing its link; a PBX that takes WR/WC/WA is all this needs
        if rec.kind in ("LA", "LS"):
            # LA ends the PBX's description; LS is its alive check or restart. Either way: alive.
            was_alive, self.alive = self.alive, True
            if rec.kind == "LA" and was_alive:
                return []  # no LA to an LA while alive
            return [stamped("LA", self._now()), *self._flush()]
        if rec.kind == "LE":
            self.alive = False
            return [stamped("LE", self._now())]
        if rec.kind == "WA":
            try:
                due = datetime.strptime(rec.get("DA") + rec.get("TI").ljust(6, "0")[:6], "%y%m%d%H%M%S")
            except ValueError:
                log.warning("WA with an unreadable time ignored: %s", rec)
                self.ignored += 1
                return []
            self._answered(PbxAnswer(rec.get("RN"), due, rec.get("AS")))
            return []
        log.info("record %s from the PBX ignored", rec.kind)
        self.ignored += 1
        return []

    def request(self, room: str, due_at: datetime) -> list[FiasRecord]:
        return self._send(wake_up_record("WR", room, due_at))

    def clear(self, room: str, due_at: datetime) -> list[FiasRecord]:
        return self._send(wake_up_record("WC", room, due_at))

    def _send(self, rec: FiasRecord) -> list[FiasRecord]:
        if self.alive:
            return [rec]
        self._held.append(rec)
        return []

    def _flush(self) -> list[FiasRecord]:
        out = list(self._held)
        self._held.clear()
        return out


@dataclass(frozen=True, slots=True)
class Handover:
    wakeup_id: int
    room: str
    due_at: datetime  # hotel time, no zone


class PbxHandoverBook(Protocol):
    """The wake-up book as the PBX handover sees it; each method is one committed step."""

    def to_hand_over(self) -> list[Handover]:
        """Booked calls not yet with the PBX, now marked as handed over."""
        ...

    def to_clear(self) -> list[Handover]:
        """Calls the PBX holds that were cancelled or moved to another room, now marked cleared."""
        ...

    def answer(self, answer: PbxAnswer) -> bool:
        """The PBX's one answer for a call; False when no call matches it."""
        ...

    def overdue(self) -> list[str]:
        """Calls the PBX never answered long after their time: escalated to a person; returns rooms."""
        ...

    def beat(self, dialler: str, pbx_up: bool, lines: int, busy: int, detail: str = "") -> None: ...
