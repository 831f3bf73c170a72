"""The rule each room telephone should have at the PBX, read from the rooms and stays."""

from __future__ import annotations

from sqlalchemy import select

from db.rows import ExtensionRow, RoomRow, StayRow
from db.store import Store
from switchboard.hotel import StayStatus
from switchboard.room_policy import RoomRule, rule_for


class SqlRoomRules:
    def __init__(self, store: Store) -> None:
        self._store = store

    def wanted(self) -> dict[str, RoomRule]:
        """Every telephone of every room (a suite has several) with its DND and class of service."""
        with self._store.read() as s:
            rooms = s.execute(
                select(RoomRow.id, RoomRow.extension, RoomRow.dnd, RoomRow.class_of_service)
            ).all()
            let = set(s.scalars(select(StayRow.room_id).where(StayRow.status == StayStatus.IN_HOUSE.value)))
            phones: dict[int, list[str]] = {}
            for number, room_id in s.execute(
                select(ExtensionRow.number, ExtensionRow.room_id).where(ExtensionRow.room_id.is_not(None))
            ):
                if room_id is not None:
                    phones.setdefault(room_id, []).append(number)
        wanted: dict[str, RoomRule] = {}
        for room_id, extension_of_room, dnd, level in rooms:
            rule = rule_for(occupied=room_id in let, dnd=dnd, level=level)
            for extension in {extension_of_room, *phones.get(room_id, [])} - {""}:
                wanted[extension] = rule
        return wanted

    def by_room(self) -> dict[str, RoomRule]:
        """Every room by its number (how FIAS names it, ``RN``) with its DND and class of service."""
        with self._store.read() as s:
            rooms = s.execute(select(RoomRow.id, RoomRow.number, RoomRow.dnd, RoomRow.class_of_service)).all()
            let = set(s.scalars(select(StayRow.room_id).where(StayRow.status == StayStatus.IN_HOUSE.value)))
        return {
            number: rule_for(occupied=room_id in let, dnd=dnd, level=level)
            for room_id, number, dnd, level in rooms
        }
