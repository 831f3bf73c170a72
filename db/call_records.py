"""Call records from the PBX's SMDR stream (``call_records`` with source "smdr"), linked to rooms.

A record read twice (the PBX repeats its buffer after a reconnect) is stored once:
each record's key is a digest of the record as the PBX wrote it (and of its date, for
PBXs that print none), unique in the database, so two positions storing the same
batch cannot both keep it and two different records never share a key (the segments
of one Avaya call differ in their text). A chargeable call from an occupied room is
marked due for posting to the PMS until the PMS's answer says posted or refused, so
no charge is lost to a restart either.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.rows import CallRecordRow, ExtensionRow, RoomRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.hotel import Occupancy
from switchboard.smdr.charges import ChargeRule
from switchboard.smdr.records import CallRecord, Direction

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
class CallSegment:
    """One record of a call the PBX split in segments (transfers, voicemail, conference)."""

    segment: int
    direction: str
    caller: str
    called: str
    room: str
    talk_s: int
    hold_s: int
    park_s: int
    cents: int
    system_made: str


@dataclass(frozen=True, slots=True)
class Stored:
    new: int
    repeated: int
    charges: tuple[ChargeDue, ...]


def record_key(call: CallRecord) -> str:
    """The same record sent twice gives the same key; two different records never do.

    The record's own text decides (trailing blanks aside); a record made without one (a test, an
    import) is keyed by everything it says."""
    if call.raw.strip():
        said = call.started_at.isoformat() + "|" + call.raw.strip()
    else:
        said = "|".join(
            (
                call.started_at.isoformat(),
                call.extension,
                call.direction.value,
                call.number,
                str(call.duration_s),
                str(call.ring_s),
                call.trunk,
                call.call_id,
                str(call.segment),
                call.call_type,
                call.account,
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
            rooms = _rooms_of(s, {c.extension for c in calls if c.extension})
            values: list[dict[str, object]] = []
            for key, call in keyed.items():
                room, occupied = rooms.get(call.extension, ("", False))
                cents = self._rule.cents(call) if self._rule is not None and room else 0
                started = call.started_at if call.started_at.tzinfo else call.started_at.replace(tzinfo=zone)
                values.append(
                    {
                        "source": "smdr",
                        "call_id": key,
                        "direction": call.direction.value,
                        "kind": call.call_type[:20],
                        "caller": (
                            call.extension if call.direction is not Direction.INCOMING else call.number
                        )[:40],
                        "called": (
                            call.number if call.direction is not Direction.INCOMING else call.extension
                        )[:40],
                        "room_number": room,
                        "started_at": started,
                        "ring_seconds": float(call.ring_s),
                        "talk_seconds": float(call.duration_s),
                        "abandoned": not call.answered,
                        "trunk": call.trunk[:20],
                        "charge_cents": cents,
                        "posting": DUE if cents and occupied and self._post else "",
                        "raw": call.raw,
                        "pbx_call": call.call_id[:64],
                        "segment": call.segment,
                        "hold_seconds": float(call.hold_s),
                        "park_seconds": float(call.park_s),
                        "pbx_charge": call.pbx_charge[:20],
                        "currency": call.currency[:8],
                        "system_made": call.system_made[:40],
                        "handled_by": "",
                        "category": "",
                        "note": "",
                    }
                )
            new_ids = _insert_new(s, values)
            charges = [
                _due_of(new_ids[v["call_id"]], v)
                for v in values
                if v["call_id"] in new_ids and v["posting"] == DUE
            ]
        repeated = len(calls) - len(new_ids)
        if repeated:
            log.info("%d SMDR records already stored were read again", repeated)
        return Stored(len(new_ids), repeated, tuple(charges))

    def segments(self, pbx_call: str) -> list[CallSegment]:
        """The records of one call (its PBX call id), in the order the PBX sent them."""
        with self._store.read() as s:
            rows = s.scalars(
                select(CallRecordRow)
                .where(CallRecordRow.source == "smdr", CallRecordRow.pbx_call == pbx_call)
                .order_by(CallRecordRow.segment, CallRecordRow.id)
            )
            return [
                CallSegment(
                    r.segment,
                    r.direction,
                    r.caller,
                    r.called,
                    r.room_number,
                    int(r.talk_seconds),
                    int(r.hold_seconds),
                    int(r.park_seconds),
                    r.charge_cents,
                    r.system_made,
                )
                for r in rows
            ]

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


def _insert_new(s: Session, values: list[dict[str, object]]) -> dict[str, int]:
    """Insert the records whose key is not stored yet; key → id of each one inserted.

    The database's unique key decides, so a record two positions store at once is kept once."""
    if not values:
        return {}
    dialect = s.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(CallRecordRow)
        .values(values)
        .on_conflict_do_nothing(index_elements=["call_id"], index_where=CallRecordRow.source == "smdr")
        .returning(CallRecordRow.call_id, CallRecordRow.id)
    )
    return {key: row_id for key, row_id in s.execute(statement)}


def _due_of(record_id: int, v: dict[str, object]) -> ChargeDue:
    started = v["started_at"]
    assert isinstance(started, datetime)
    return ChargeDue(
        record_id,
        str(v["room_number"]),
        int(str(v["charge_cents"])),
        started,
        str(v["called"]),
        int(float(str(v["talk_seconds"]))),
        str(v["kind"]),
    )


def _due(row: CallRecordRow) -> ChargeDue:
    return ChargeDue(
        row.id, row.room_number, row.charge_cents, row.started_at, row.called, int(row.talk_seconds), row.kind
    )
