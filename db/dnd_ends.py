"""When each room's do-not-disturb ends by itself: read for the rooms page, the wake-up page and
the handover."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import DndRow, RoomRow
from db.store import Store
from switchboard.clock import Clock


def dnd_ends_by_room_id(s: Session) -> dict[int, datetime]:
    """The end time of each open DND period that has one, by room id."""
    return {
        d.room_id: d.until
        for d in s.scalars(select(DndRow).where(DndRow.cleared_at.is_(None), DndRow.until.is_not(None)))
        if d.until is not None
    }


class SqlDndEnds:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def ends(self) -> dict[str, datetime]:
        """Room number to the local time its DND ends, for rooms on DND with an end."""
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            by_id = dnd_ends_by_room_id(s)
            if not by_id:
                return {}
            rows = s.execute(select(RoomRow.id, RoomRow.number).where(RoomRow.id.in_(by_id)))
            numbers = {room_id: number for room_id, number in rows}
        return {numbers[i]: end.astimezone(zone) for i, end in by_id.items() if i in numbers}

    def dnd_of(self, room: str) -> tuple[bool, datetime | None]:
        """Whether a room is on DND, and until when if it was given an end."""
        zone = self._clock.now().tzinfo
        with self._store.read() as s:
            row = s.scalars(select(RoomRow).where(RoomRow.number == room.strip())).first()
            if row is None or not row.dnd:
                return False, None
            until = s.scalar(
                select(DndRow.until).where(DndRow.room_id == row.id, DndRow.cleared_at.is_(None))
            )
            return True, until.astimezone(zone) if until is not None else None
