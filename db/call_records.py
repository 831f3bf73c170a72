"""Call records from the PBX's SMDR stream (``call_records`` with source "smdr"), linked to rooms.

A record read twice (the PBX repeats its buffer after a reconnect) is stored once:
each record's key is a digest of what the PBX said about the call. A chargeable
call from an occupied room is marked due for posting to the PMS until the PMS's
answer says posted or refused, so no charge is lost to a restart either.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import CallRecordRow, ExtensionRow, RoomRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.hotel import Occupancy
from switchboard.smdr.charges import ChargeRule
from switchboard.smdr.parsers import CallRecord, Direction

log = logging.getLogger(__name__)

DUE, POSTED, REFUSED = "due", "posted", "refused"


@dataclass(frozen=True, slots=True)
class ChargeDue:
    """A room call's charge still to be posted; ``record_id`` names it in the PMS's answer."""

    record_id: int
    room: str
    cents: int
    started_at: datetime
    digits: str
    duration_s: int
    call_type: str


@dataclass(frozen=True, slots=True)
class Stored:
    new: int
    repeated: int
    charges: tuple[ChargeDue, ...]


def record_key(call: CallRecord) -> str:
    """The same call described by the PBX twice gives the same key."""
    said = "|".join(
        (
            call.started_at.isoformat(),
            call.extension,
            call.direction.value,
            call.number,
            str(call.duration_s),
            call.trunk,
            call.call_id,
            call.call_type,
        )
    )
    return "smdr:" + hashlib.sha1(said.encode(), usedforsecurity=False).hexdigest()


class SqlCallRecords:
    def __init__(
        self, store: Store, clock: Clock, rule: ChargeRule | None = None, *, post_charges: bool = True
    ) -> None:
        self._store = store
        self._clock = clock
        self._rule = rule  # None: the hotel does not charge calls through the console
        self._post = post_charges  # False: charges are worked out for the figures, the PMS costs its own

    def store(self, calls: Sequence[CallRecord]) -> Stored:
        """Store the records not seen before, each with its room and charge, in one transaction."""
        zone = self._clock.now().tzinfo
        keyed = {record_key(c): c for c in calls}
        with self._store.unit() as s:
            known = set(s.scalars(select(CallRecordRow.call_id).where(CallRecordRow.call_id.in_(keyed))))
            rooms = _rooms_of(s, {c.extension for c in calls if c.extension})
            rows: list[CallRecordRow] = []
            for key, call in keyed.items():
                if key in known:
                    continue
                room, occupied = rooms.get(call.extension, ("", False))
                cents = self._rule.cents(call) if self._rule is not None and room else 0
                started = call.started_at if call.started_at.tzinfo else call.started_at.replace(tzinfo=zone)
                row = CallRecordRow(
                    source="smdr",
                    call_id=key,
                    direction=call.direction.value,
                    kind=call.call_type[:20],
                    caller=(call.extension if call.direction is not Direction.INCOMING else call.number)[:40],
                    called=(call.number if call.direction is not Direction.INCOMING else call.extension)[:40],
                    room_number=room,
                    started_at=started,
                    ring_seconds=float(call.ring_s),
                    talk_seconds=float(call.duration_s),
                    abandoned=not call.answered,
                    trunk=call.trunk[:20],
                    charge_cents=cents,
                    posting=DUE if cents and occupied and self._post else "",
                    raw=call.raw,
                )
                s.add(row)
                rows.append(row)
            s.flush()
            charges = [_due(row) for row in rows if row.posting == DUE]
        repeated = len(calls) - len(rows)
        if repeated:
            log.info("%d SMDR records already stored were read again", repeated)
        return Stored(len(rows), repeated, tuple(charges))

    def charges_due(self) -> list[ChargeDue]:
        """Charges the PMS has not answered yet, oldest first: posted again after a restart."""
        with self._store.read() as s:
            rows = s.scalars(
                select(CallRecordRow).where(CallRecordRow.posting == DUE).order_by(CallRecordRow.id)
            )
            return [_due(r) for r in rows]

    def answered(self, record_id: int, posted: bool) -> None:
        """The PMS's answer to a posting: posted, or refused for good (the room checked out)."""
        with self._store.unit() as s:
            row = s.get(CallRecordRow, record_id)
            if row is None or row.posting != DUE:
                return
            row.posting = POSTED if posted else REFUSED
            row.posted_at = self._clock.now() if posted else None


def _rooms_of(s: Session, given: set[str]) -> dict[str, tuple[str, bool]]:
    """Extension → (room number, occupied) for the room telephones among ``given``.

    Some PBXs pad extensions to a fixed width ("01508"); the number without the zeros counts too."""
    bare = {e: e.lstrip("0") for e in given}
    extensions = set(given) | set(bare.values())
    found: dict[str, tuple[str, bool]] = {}
    if not extensions:
        return found
    occupied = Occupancy.OCCUPIED.value
    for number, extension, occupancy in s.execute(
        select(RoomRow.number, RoomRow.extension, RoomRow.occupancy).where(RoomRow.extension.in_(extensions))
    ):
        found[extension] = (number, occupancy == occupied)
    for number, extension, occupancy in s.execute(
        select(RoomRow.number, ExtensionRow.number, RoomRow.occupancy)
        .join(ExtensionRow, ExtensionRow.room_id == RoomRow.id)
        .where(ExtensionRow.number.in_(extensions))
    ):
        found.setdefault(extension, (number, occupancy == occupied))
    for padded, short in bare.items():
        if padded not in found and short in found:
            found[padded] = found[short]
    return found


def _due(row: CallRecordRow) -> ChargeDue:
    return ChargeDue(
        row.id, row.room_number, row.charge_cents, row.started_at, row.called, int(row.talk_seconds), row.kind
    )
