"""Rooms for the room page, and do-not-disturb set from the console."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from db.privacy import shown_guest
from db.room_states import RoomStates
from db.rooms import LampSwitch
from db.rows import GuestRow, RoomRow, StayRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import RoomView
from switchboard.hotel import Actor, StayStatus, check_room_number


class SqlRoomBoard:
    def __init__(self, store: Store, clock: Clock, on_dnd: LampSwitch | None = None) -> None:
        self._store = store
        self._clock = clock
        self._on_dnd = on_dnd

    def rooms(self, actor: Actor) -> Sequence[RoomView]:
        require(actor, Permission.READ_ROOMS)
        return self._rooms()

    def floors(self) -> list[int]:
        """The hotel's floors (no guest in them: the roll-call page offers them before anyone signs in)."""
        with self._store.read() as s:
            return sorted(set(s.scalars(select(RoomRow.floor).distinct())))

    def wings(self) -> list[str]:
        """The hotel's wings, as its rooms name them (none in a hotel without wings)."""
        with self._store.read() as s:
            return sorted(w for w in s.scalars(select(RoomRow.wing).distinct()) if w)

    def _rooms(self) -> Sequence[RoomView]:
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
                        shown_guest(guest.name if guest else "", bool(stay and stay.privacy)),
                        "" if stay and stay.privacy else (guest.title if guest else ""),
                        guest.vip_level if guest else 0,
                        bool(stay and stay.privacy),
                        room.version,
                    )
                )
            return views

    def set_dnd(self, room: str, on: bool, actor: Actor) -> RoomView:
        # One path into the database: the room states keep the DND periods and tell the PBX.
        RoomStates(self._store, self._clock, on_dnd=self._on_dnd).set_dnd(room, on, actor)
        number = check_room_number(room)
        return next(v for v in self._rooms() if v.number == number)
