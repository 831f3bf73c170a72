"""The lamp field's labels and room marks, read from the hotel's records."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from db.rows import ExtensionRow, GuestRow, RoomRow, StayRow
from db.store import Store
from switchboard.hotel import ExtensionKind, StayStatus
from switchboard.lamp_field import FieldLamp, sort_key


class SqlLampField:
    """Implements ``switchboard.lamp_field.LampFieldSource`` over the database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def field_lamps(self) -> Sequence[FieldLamp]:
        with self._store.read() as s:
            rooms = {r.id: r for r in s.scalars(select(RoomRow))}
            vip: dict[int, int] = {}
            let: set[int] = set()
            names: dict[int, list[str]] = {}
            in_house = s.execute(
                select(
                    StayRow.room_id, GuestRow.vip_level, GuestRow.name, GuestRow.romanised, StayRow.privacy
                )
                .join(GuestRow, GuestRow.id == StayRow.guest_id)
                .where(StayRow.status == StayStatus.IN_HOUSE.value)
            )
            for room_id, level, name, romanised, private in in_house:
                if room_id is None:
                    continue
                let.add(room_id)
                vip[room_id] = max(vip.get(room_id, 0), level)
                if not private:  # a privacy guest's name never stands beside the room
                    names.setdefault(room_id, []).append(f"{name} {romanised}".strip())
            lamps = []
            for ext in s.scalars(select(ExtensionRow).where(ExtensionRow.on_field.is_(True))):
                room = rooms.get(ext.room_id) if ext.room_id is not None else None
                lamps.append(
                    FieldLamp(
                        extension=ext.number,
                        kind=ExtensionKind(ext.kind),
                        label=ext.label,
                        label_zh=ext.label_zh,
                        floor=ext.floor,
                        department=ext.department,
                        room=room.number if room else "",
                        occupied=room is not None and room.id in let,
                        vip_level=vip.get(room.id, 0) if room else 0,
                        dnd=bool(room and room.dnd),
                        message_waiting=bool(room and room.message_lamp),
                        guest=" / ".join(names.get(room.id, [])) if room else "",
                    )
                )
        return sorted(lamps, key=sort_key)
