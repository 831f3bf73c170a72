"""Handing wake-ups to a PBX that runs them itself, over its FIAS interface, as a state machine
without I/O.

Here the console is the PMS side (IFC): it opens the link with LS, the PBX describes
itself (LD, LR…, LA), the console answers LA and then sends WR (book) and WC (clear);
the PBX answers each wake-up once with WA when it has run it. Requests made while the
link is down wait and go out when it is alive again. The same link tells the PBX each room's DND
and class of service (``RE``, ``pbx_rooms.RoomTeller``) when its ``LR`` for RE asks for them.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from switchboard.fias.pbx_rooms import RoomTeller
from switchboard.fias.records import FiasRecord, stamped
from switchboard.room_policy import RoomRule

log = logging.getLogger(__name__)

MAX_LINK_RECORDS = 64  # LR records kept per link description; a real PBX sends a dozen


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
        self.link_records: dict[str, frozenset[str]] = {}  # LR: record ID -> the field IDs it takes
        self.rooms = RoomTeller()

    def connected(self) -> list[FiasRecord]:
        self.alive = False
        self.link_records.clear()
        self.rooms.link_started()
        return [stamped("LS", self._now())]

    def takes(self, kind: str) -> frozenset[str]:
        """The fields of ``kind`` the PBX's LR named (empty when it sent no LR for it)."""
        return self.link_records.get(kind, frozenset())

    def tell_rooms(self, wanted: Mapping[str, RoomRule]) -> list[FiasRecord]:
        """RE for the rooms whose DND or class changed (all of them after a (re)start or DR)."""
        if not self.alive:
            return []
        return self.rooms.records(wanted, self.takes("RE"), self._now())

    def disconnected(self) -> None:
        self.alive = False

    def receive(self, rec: FiasRecord) -> list[FiasRecord]:
        if rec.kind == "LD":  # the PBX describes its link anew: it (re)started and may hold nothing
            self.link_records.clear()
            self.rooms.link_started()
            return []
        if rec.kind == "LR":
            self._link_record(rec)
            return []
        if rec.kind == "DR":  # the PBX asks for the PMS's data again; ours is the rooms' RE
            self.rooms.resync_asked()
            return []
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

    def _link_record(self, rec: FiasRecord) -> None:
        """``LR|RIxx|FLxxxx|``: field IDs are two characters each, concatenated (spec p.28-30)."""
        kind, names = rec.get("RI"), rec.get("FL")
        if len(kind) != 2 or len(names) % 2 or len(names) > 400:
            log.warning("LR from the PBX not understood, ignored: %s", str(rec)[:200])
            self.ignored += 1
            return
        if kind not in self.link_records and len(self.link_records) >= MAX_LINK_RECORDS:
            self.ignored += 1
            return
        self.link_records[kind] = frozenset(names[i : i + 2] for i in range(0, len(names), 2))

    def request(self, room: str, due_at: datetime) -> list[FiasRecord]:
        return self._send(wake_up_record("WR", room, due_at))

    def clear(self, room: str, due_at: datetime) -> list[FiasRecord]:
        return self._send(wake_up_record("WC", room, due_at))

    def hold_again(self, records: list[FiasRecord]) -> None:
        """Records a connection ended before the PBX acknowledged them: first out on the next one."""
        self._held.extendleft(reversed(records))

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
