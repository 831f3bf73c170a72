"""Rooms for the room page, and do-not-disturb set from the console."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import audit, changed
from db.rows import DndRow, GuestRow, RoomRow, StayRow
from db.store import Store
from switchboard.clock import Clock
from switchboard.desk import RoomView
from switchboard.errors import InputError
from switchboard.hotel import Actor, StayStatus, check_room_number

LampSwitch = Callable[[str, bool], None]  # (extension, on): tells the PBX after commit


def find_room(s: Session, number: str) -> RoomRow:
    value = check_room_number(number)
    room = s.scalars(select(RoomRow).where(RoomRow.number == value)).first()
    if room is None:
        raise InputError("room.invalid", f"Not a room number: {value!r}", room=value)
    return room


class SqlRoomBoard:
    def __init__(self, store: Store, clock: Clock, on_dnd: LampSwitch | None = None) -> None:
        self._store = store
        self._clock = clock
        self._on_dnd = on_dnd

    def rooms(self) -> Sequence[RoomView]:
        with self._store.read() as s:
            guests = {
                room_id: (guest, stay)
                for room_id, guest, stay in s.execute(
                    select(StayRow.room_id, GuestRow, StayRow)
                    .join(GuestRow, GuestRow.id == StayRow.guest_id)
                    .where(StayRow.status == StayStatus.IN_HOUSE.value)
                )
            }
            views = []
            for room in s.scalars(select(RoomRow).order_by(RoomRow.floor, RoomRow.number)):
                guest, stay = guests.get(room.id, (None, None))
                views.append(
                    RoomView(
                        room.number,
                        room.floor,
                        room.room_type,
                        room.extension,
                        room.occupancy,
                        room.housekeeping,
                        room.dnd,
                        room.message_lamp,
                        guest.name if guest else "",
                        guest.title if guest else "",
                        guest.vip_level if guest else 0,
                        bool(stay and stay.privacy),
                    )
                )
            return views

    def set_dnd(self, room: str, on: bool, actor: Actor) -> RoomView:
        now = self._clock.now()
        with self._store.unit() as s:
            row = find_room(s, room)
            if row.dnd != on:
                row.dnd = on
                if on:
                    s.add(DndRow(room_id=row.id, set_at=now, set_by=actor.user))
                else:
                    for period in s.scalars(
                        select(DndRow).where(DndRow.room_id == row.id, DndRow.cleared_at.is_(None))
                    ):
                        period.cleared_at = now
                        period.cleared_by = actor.user
                audit(s, actor, now, "dnd.on" if on else "dnd.off", "room", row.number)
                changed(s, actor, now, "room", row.number)
            extension = row.extension
        if self._on_dnd is not None:
            self._on_dnd(extension, on)
        return next(v for v in self.rooms() if v.number == row.number)
