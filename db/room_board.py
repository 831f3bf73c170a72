"""Rooms for the room page, and do-not-disturb set from the console."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.rows import GuestRow, RoomRow, StayRow
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


def guest_in(
    s: Session, room: RoomRow, status: StayStatus = StayStatus.IN_HOUSE
) -> tuple[StayRow, GuestRow] | None:
    """The (first) stay with ``status`` in ``room`` and its guest, if there is one."""
    found = s.execute(
        select(StayRow, GuestRow)
        .join(GuestRow, GuestRow.id == StayRow.guest_id)
        .where(StayRow.room_id == room.id, StayRow.status == status.value)
        .order_by(StayRow.id)
    ).first()
    return (found[0], found[1]) if found is not None else None


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
        # One path into the database: the front office keeps the DND periods and tells the PBX.
        from db.frontoffice import SqlFrontOffice

        SqlFrontOffice(self._store, self._clock, on_dnd=self._on_dnd).set_dnd(room, on, actor)
        number = check_room_number(room)
        return next(v for v in self.rooms() if v.number == number)
